// Numbers: list and search; edit the route, screening and fraud policy (admin). Field errors come from the API's
// problem details; an ETag conflict says the number was changed by someone else and offers a reload.
import { h, fill, field, input, select, table } from '../dom.js';
import * as api from '../api.js';
import { can } from '../session.js';
import { notice, problemBox, showProblem } from '../ui.js';

const SCREENING = ['', 'off', 'announcement', 'busy', 'unallocated'];
const STEPS = 3;

export async function render([e164]) {
  return e164 ? edit(e164) : list();
}

async function list() {
  const answer = await api.get('/numbers');
  if (!answer.ok) return problemBox(answer.problem);
  const items = answer.data.items;
  const search = field('Search numbers', input({ type: 'search', name: 'q', placeholder: 'number or label' }));
  const results = h('div');
  const show = () => {
    const q = search.control.value.trim().toLowerCase();
    const shown = items.filter(i => !q || i.id.includes(q) || (i.document.label ?? '').toLowerCase().includes(q));
    fill(results, table(`${shown.length} of ${items.length} numbers`, [
      ['Number', i => h('a', { href: `#/numbers/${encodeURIComponent(i.id)}` }, i.id)],
      ['Label', i => i.document.label ?? ''],
      ['Route', i => i.document.route.steps.map(s => s.destinations.join(' + ')).join(' → ')],
      ['Fraud policy', i => i.document.fraud?.enabled ? `on, threshold ${i.document.fraud.threshold}` : 'off'],
    ], shown, 'No number matches.'));
  };
  search.control.addEventListener('input', show);
  show();
  return h('div', {}, search, results);
}

async function edit(e164) {
  const answer = await api.get(`/numbers/${encodeURIComponent(e164)}`);
  if (!answer.ok) return problemBox(answer.problem);
  const doc = answer.data;
  let etag = answer.etag;
  const admin = can('admin');
  const bind = (name, f) => { f.control.dataset.field = name; f.control.disabled = !admin; return f; };
  const label = bind('label', field('Label', input({ name: 'label', value: doc.label ?? '' })));
  const acr = bind('screening.acr', field('Withheld callers (ACR)', select('acr', SCREENING, doc.screening?.acr ?? '', 'account default')));
  const icr = bind('screening.icr', field('Invalid network caller ID (ICR)', select('icr', SCREENING, doc.screening?.icr ?? '', 'account default')));
  const blocked = bind('screening.blocked', field('Block-listed callers', select('blocked', SCREENING, doc.screening?.blocked ?? '', 'account default')));
  const fraudOn = bind('fraud.enabled', field('Fraud policy enabled', h('input', { type: 'checkbox', name: 'fraudEnabled', checked: !!doc.fraud?.enabled })));
  const threshold = bind('fraud.threshold', field('High-risk threshold (0–100)', input({ type: 'number', name: 'threshold', value: doc.fraud?.threshold ?? 70 })));
  const cap = bind('fraud.maxDivertsPerHour', field('Max diverts per hour', input({ type: 'number', name: 'maxDiverts', value: doc.fraud?.maxDivertsPerHour ?? 20 })));
  const steps = Array.from({ length: STEPS }, (_, i) => {
    const step = doc.route.steps[i];
    return {
      destinations: bind(`route.steps[${i}].destinations`, field(`Step ${i + 1} destinations`, input({ name: `step${i}`, value: step?.destinations.join(', ') ?? '' }), 'E.164 numbers rung together, separated by commas')),
      ring: bind(`route.steps[${i}].ringSeconds`, field(`Step ${i + 1} ring seconds`, input({ type: 'number', name: `ring${i}`, value: step?.ringSeconds ?? 20 }))),
    };
  });
  const announcement = bind('route.announcement', field('Announcement', input({ name: 'announcement', value: doc.route.announcement ?? '' })));
  const summary = h('div');

  function read() {
    const fraud = { ...(doc.fraud ?? {}), enabled: fraudOn.control.checked, threshold: Number(threshold.control.value), maxDivertsPerHour: Number(cap.control.value) };
    const screening = { acr: acr.control.value || null, icr: icr.control.value || null, blocked: blocked.control.value || null };
    const routeSteps = steps.filter(s => s.destinations.control.value.trim()).map(s => ({
      destinations: s.destinations.control.value.split(/[,;\s]+/).filter(Boolean),
      ringSeconds: Number(s.ring.control.value),
    }));
    return { ...doc, label: label.control.value || null, screening, fraud, route: { ...doc.route, steps: routeSteps, announcement: announcement.control.value || null } };
  }

  async function save(event) {
    event.preventDefault();
    const result = await api.call('PUT', `/numbers/${encodeURIComponent(e164)}`, { body: read(), ifMatch: etag });
    if (result.ok) {
      etag = result.etag;
      showProblem(form, summary, null);
      notice(`${e164} saved.`, 'ok');
    } else if (result.status === 412) {
      fill(summary, h('div.problem', { role: 'alert' },
        h('strong', {}, 'This number was changed by someone else since you opened it.'),
        h('p', {}, 'Reload to see their change, then make yours again.'),
        h('button', { type: 'button', onclick: async () => fill(document.getElementById('main'), h('h1', {}, 'Numbers'), await edit(e164)) }, 'Reload')));
    } else {
      showProblem(form, summary, result.problem);
    }
  }

  const form = h('form.card', { onsubmit: save, 'aria-labelledby': 'number-h', novalidate: true },
    h('h2', { id: 'number-h' }, e164),
    admin ? null : h('p.note', {}, 'Only an admin key may change a number: this view is read-only.'),
    label,
    h('fieldset', {}, h('legend', {}, 'Screening'), acr, icr, blocked),
    h('fieldset', {}, h('legend', {}, 'Fraud policy'), fraudOn, threshold, cap),
    h('fieldset', {}, h('legend', {}, 'Normal route'), steps.map(s => h('div.grid', {}, s.destinations, s.ring)), announcement),
    summary,
    admin ? h('button.primary', { type: 'submit' }, 'Save number') : null);
  return h('div', {}, h('p', {}, h('a', { href: '#/numbers' }, '← All numbers')), form);
}
