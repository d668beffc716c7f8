// The call log: filtered, paged 50 at a time (the API's continuation, never everything), one call's Call DNA, labels,
// and the Call DNA report as CSV. Filters may come from the URL (#/calls?reason=blocked,acr,icr-*&from=…Z&to=…Z, as the
// blocked-calls digest links): they replace the current ones.
import { h, fill, field, input, select, table, when } from '../dom.js';
import * as api from '../api.js';
import { can } from '../session.js';
import { notice, problemBox, badge } from '../ui.js';

const PAGE = 50;
const FILTERS = ['number', 'outcome', 'reason', 'tag', 'minRisk', 'from', 'to'];
let filters = {};
let pages = [null]; // continuation of each page shown; the last is the current page's

export async function render([callId], params) {
  if (!callId && FILTERS.some(k => params?.has(k))) {
    filters = Object.fromEntries(FILTERS.map(k => [k, k === 'from' || k === 'to' ? localInput(params.get(k)) : params.get(k) ?? '']));
    pages = [null];
  }
  return callId ? detail(callId) : list();
}

/** An ISO 8601 time as a datetime-local input's value (the browser's local time, to the minute). */
function localInput(iso) {
  const d = new Date(iso ?? '');
  return iso && !Number.isNaN(d.getTime()) ? new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16) : '';
}

export function outcomeOf(call) {
  return call.decision?.action === 'reject' ? 'rejected' : call.decision?.source === 'fraud' ? 'diverted' : 'connected';
}

function query(extra = {}) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filters, ...extra })) if (v) q.set(k, k === 'from' || k === 'to' ? new Date(v).toISOString() : v);
  return q.toString();
}

async function list() {
  const continuation = pages[pages.length - 1];
  const answer = await api.get(`/calls?${query({ limit: PAGE, continuation })}`);
  const form = filterForm();
  if (!answer.ok) return h('div', {}, form, problemBox(answer.problem));
  const { calls, continuation: next } = answer.data;
  const rerender = async () => fill(document.getElementById('main'), h('h1', {}, 'Calls'), await list());
  const rows = table(`Calls, newest first (page ${pages.length})`, [
    ['Started', c => when(c.startedAt)],
    ['Called', c => c.calledNumber],
    ['Caller ID', c => h('span.caller', {}, c.presentationNumber ?? (c.withheld ? 'withheld' : '—'))],
    ['Score', c => h('span.score', {}, String(c.risk?.score ?? '—'))],
    ['Tags', c => (c.risk?.tags ?? []).join(', ')],
    ['Decision', c => outcomeOf(c)],
    ['Reason', c => c.decision?.reason ?? ''],
    ['Label', c => c.label ?? ''],
    ['Call', c => h('a', { href: `#/calls/${encodeURIComponent(c.callId)}`, 'aria-label': `Open call ${c.callId}`, title: c.callId }, c.callId.slice(0, 10) + '…')],
  ], calls, 'No calls match.');
  const paging = h('div.actions', {},
    h('button', { type: 'button', disabled: pages.length === 1, onclick: async () => { pages.pop(); await rerender(); } }, 'Newer'),
    h('button', { type: 'button', disabled: !next, onclick: async () => { pages.push(next); await rerender(); } }, 'Older'));
  return h('div', {}, form, rows, paging);
}

function filterForm() {
  const controls = {
    number: field('Called number', input({ name: 'number', value: filters.number ?? '', placeholder: '+441134960001' })),
    outcome: field('Outcome', select('outcome', ['', 'connected', 'diverted', 'rejected'], filters.outcome ?? '', 'any')),
    reason: field('Reason', input({ name: 'reason', value: filters.reason ?? '' })),
    tag: field('Tag', input({ name: 'tag', value: filters.tag ?? '' })),
    minRisk: field('Minimum score', input({ name: 'minRisk', type: 'number', min: 0, max: 100, value: filters.minRisk ?? '' })),
    from: field('From', input({ name: 'from', type: 'datetime-local', value: filters.from ?? '' })),
    to: field('To', input({ name: 'to', type: 'datetime-local', value: filters.to ?? '' })),
  };
  for (const [name, f] of Object.entries(controls)) f.control.dataset.field = name;
  const read = () => Object.fromEntries(FILTERS.map(k => [k, controls[k].control.value.trim()]));
  const summary = h('div');
  async function apply(event) {
    event.preventDefault();
    filters = read();
    pages = [null];
    fill(document.getElementById('main'), h('h1', {}, 'Calls'), await list());
  }

  async function csv() {
    const answer = await api.get(`/calls?${query({ ...read(), format: 'csv' })}`, { accept: 'text/csv' });
    if (!answer.ok) return notice(answer.problem.title, 'error');
    api.download(answer.data, `call-dna-${new Date().toISOString().slice(0, 10)}.csv`);
    notice('The Call DNA report (CSV) was downloaded.', 'ok');
  }

  return h('form.card.filters', { onsubmit: apply, 'aria-label': 'Filter calls' },
    h('div.grid', {}, Object.values(controls)),
    h('div.actions', {}, h('button.primary', { type: 'submit' }, 'Apply filters'), h('button', { type: 'button', onclick: csv }, 'Download CSV')),
    summary);
}

async function detail(callId) {
  const answer = await api.get(`/calls/${encodeURIComponent(callId)}`);
  if (!answer.ok) return problemBox(answer.problem);
  const c = answer.data;
  const labelled = h('p', { id: 'call-label' }, `Label: ${c.label ?? 'none'}`);
  async function label(value) {
    const result = await api.call('POST', `/calls/${encodeURIComponent(callId)}/label`, { body: { label: value } });
    if (result.ok) {
      fill(labelled, `Label: ${value}`);
      notice(`Call labelled ${value}.`, 'ok');
    } else notice(`${result.problem.title} ${result.problem.detail}`, 'error');
  }

  return h('div', {},
    h('p', {}, h('a', { href: '#/calls' }, '← All calls')),
    h('section.card', { 'aria-labelledby': 'call-h' },
      h('h2', { id: 'call-h' }, 'Call ', h('code', {}, c.callId)),
      h('dl.facts', {},
        h('dt', {}, 'Started'), h('dd', {}, when(c.startedAt)),
        h('dt', {}, 'Called'), h('dd', {}, c.calledNumber),
        h('dt', {}, 'Caller ID'), h('dd.caller', {}, c.presentationNumber ?? (c.withheld ? 'withheld' : '—')),
        h('dt', {}, 'Network number'), h('dd', {}, c.networkNumber ?? '—'),
        h('dt', {}, 'Carrier'), h('dd', {}, c.carrier),
        h('dt', {}, 'Score'), h('dd', {}, String(c.risk?.score ?? '—'), ' ', (c.risk?.tags ?? []).map(t => badge(t))),
        ...(c.risk?.shadowScore != null ? [h('dt', {}, 'Candidate model score (shadow)'), h('dd', {}, String(c.risk.shadowScore))] : []),
        h('dt', {}, 'Decision'), h('dd', {}, `${outcomeOf(c)} (${c.decision?.source ?? c.decision?.rejectMode ?? ''})`, c.decision?.reason ? ` — ${c.decision.reason}` : ''),
        h('dt', {}, 'Announcement'), h('dd', {}, c.decision?.announcement ?? '—'),
        h('dt', {}, 'Ended'), h('dd', {}, c.finalStatus ? `${c.finalStatus}${c.durationSeconds != null ? `, ${c.durationSeconds} s` : ''}` : 'not reported')),
      labelled,
      can('operator') ? h('div.actions', {},
        h('button', { type: 'button', onclick: () => label('fraud') }, 'Label fraud'),
        h('button', { type: 'button', onclick: () => label('genuine') }, 'Label genuine')) : null),
    table('Top reasons', [['Attribute', t => t.attribute], ['Weight', t => t.weight.toFixed(2)]], c.risk?.top ?? []),
    table('Call DNA attributes', [['Attribute', a => a[0]], ['Value', a => String(a[1])]], Object.entries(c.risk?.attributes ?? {})),
    table('Route steps', [['Step', s => String(s.step ?? '')], ['Destinations', s => (s.destinations ?? []).join(', ')], ['Outcome', s => s.status + (s.sipResponseCode ? ` (SIP ${s.sipResponseCode})` : '')]], c.steps ?? [], 'No route step was dialled.'));
}
