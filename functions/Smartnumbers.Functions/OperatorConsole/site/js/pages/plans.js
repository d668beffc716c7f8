// Dial plans: the five slots, activation with a confirmation naming the change, who activated the current plan and
// when (from the audit trail), stored plans, CSV import with a dry-run preview, and CSV export.
import { h, fill, table, when, field } from '../dom.js';
import * as api from '../api.js';
import { can } from '../session.js';
import { confirm, notice, problemBox } from '../ui.js';

const SLOTS = [1, 2, 3, 4, 5];

export async function render() {
  const [list, trail] = await Promise.all([api.get('/plans'), api.get('/audit?limit=200')]);
  if (!list.ok) return problemBox(list.problem);
  const { plans, activePlan } = list.data;
  const etag = list.etag;
  const active = plans.find(p => p.id === activePlan);
  const switched = trail.ok ? trail.data.entries.find(e => e.resource.startsWith('plans') && (e.action === 'activate' || e.action === 'deactivate')) : null;
  const operator = can('operator');
  const rerender = async () => { const main = document.getElementById('main'); fill(main, h('h1', {}, 'Dial plans'), await render()); };

  async function change(method, path, title, what, action, body) {
    if (!await confirm(title, what, action)) return;
    const answer = await api.call(method, path, { ifMatch: etag, body });
    if (answer.ok) notice(`Done: ${what}`, 'ok');
    else notice(answer.status === 412 ? 'The plans were changed by someone else meanwhile; the page now shows the current state. Check it and try again.' : `${answer.problem.title} ${answer.problem.detail}`, 'error');
    await rerender();
  }

  const current = active
    ? h('section.card', { 'aria-labelledby': 'active-h' },
      h('h2', { id: 'active-h' }, 'Active plan'),
      h('p.big', { id: 'active-plan' }, `${active.name} (${active.id}), slot ${active.slot}`),
      switched?.action === 'activate' ? h('p', { id: 'activated-by' }, `Activated by ${switched.who} (${switched.role}, ${switched.channel}) at ${when(switched.at)}`) : null,
      operator ? h('button.danger', {
        type: 'button',
        onclick: () => change('POST', '/plans:deactivate', 'Deactivate the plan?',
          `Deactivate "${active.name}": calls to its ${active.entries} numbers go back to their normal routes.`, 'Deactivate'),
      }, `Deactivate ${active.name}`) : null)
    : h('section.card', { 'aria-labelledby': 'active-h' },
      h('h2', { id: 'active-h' }, 'Active plan'),
      h('p.big', { id: 'active-plan' }, 'None: every number follows its normal route.'),
      switched?.action === 'deactivate' ? h('p', {}, `Deactivated by ${switched.who} at ${when(switched.at)}`) : null);

  const slotRows = SLOTS.map(slot => ({ slot, plan: plans.find(p => p.slot === slot) }));
  const slots = table('Slots 1–5', [
    ['Slot', r => String(r.slot)],
    ['Plan', r => r.plan ? `${r.plan.name} (${r.plan.id})` : 'empty'],
    ['Numbers', r => r.plan ? String(r.plan.entries) : ''],
    ['State', r => r.plan ? r.plan.state : ''],
    ['Actions', r => !r.plan || !operator ? null : h('div.actions', {},
      r.plan.state === 'active' ? null : h('button.primary', {
        type: 'button',
        onclick: () => change('POST', `/plans/${encodeURIComponent(r.plan.id)}:activate`, 'Activate this plan?',
          `Activate "${r.plan.name}" (slot ${r.slot}): calls to its ${r.plan.entries} numbers follow this plan instead of ${active ? `"${active.name}"` : 'their normal routes'}.`, 'Activate'),
      }, `Activate ${r.plan.name}`),
      r.plan.state === 'active' ? null : h('button', {
        type: 'button',
        onclick: () => change('POST', `/plans/${encodeURIComponent(r.plan.id)}:unload`, 'Unload this plan?',
          `Unload "${r.plan.name}" from slot ${r.slot}: it stays stored, and the slot becomes free.`, 'Unload'),
      }, `Unload ${r.plan.name}`))],
  ], slotRows);

  const stored = table('Stored plans', [
    ['Plan', p => `${p.name} (${p.id})`],
    ['Numbers', p => String(p.entries)],
    ['State', p => p.state + (p.slot ? ` (slot ${p.slot})` : '')],
    ['Actions', p => h('div.actions', {},
      operator && p.state === 'stored' ? h('button', {
        type: 'button',
        onclick: () => change('POST', `/plans/${encodeURIComponent(p.id)}:load`, 'Load this plan?',
          `Load "${p.name}" into the first free slot; routing does not change until it is activated.`, 'Load', {}),
      }, `Load ${p.name}`) : null,
      h('button', { type: 'button', onclick: () => exportPlan(p.id) }, `Export ${p.name} as CSV`))],
  ], plans, 'No plans stored yet.');

  return h('div', {}, current, h('section', { 'aria-label': 'Slots' }, slots), h('section', { 'aria-label': 'Stored plans' }, stored),
    operator ? importForm(rerender) : null);
}

async function exportPlan(id) {
  const answer = await api.get(`/plans/${encodeURIComponent(id)}`);
  if (!answer.ok) return notice(answer.problem.title, 'error');
  const quote = v => /[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
  const lines = ['plan,number,step,destinations,ringSeconds,announcement'];
  for (const entry of answer.data.entries) {
    entry.route.steps.forEach((step, i) => lines.push([id, entry.number, String(i + 1), step.destinations.join(';'), String(step.ringSeconds),
      i === 0 ? entry.route.announcement ?? '' : ''].map(quote).join(',')));
  }
  api.download(new Blob([lines.join('\r\n') + '\r\n'], { type: 'text/csv' }), `plan-${id}.csv`);
}

function importForm(rerender) {
  const file = field('Plans CSV', h('input', { type: 'file', accept: '.csv,text/csv', name: 'csv' }),
    'Columns: plan,number,step,destinations,ringSeconds,announcement (destinations separated by ";").');
  const preview = h('div', { id: 'import-preview', 'aria-live': 'polite' });
  let text = null;
  async function dryRun(event) {
    event.preventDefault();
    const chosen = file.control.files[0];
    if (!chosen) return fill(preview, h('p.problem', {}, 'Choose a CSV file first.'));
    text = await chosen.text();
    const answer = await api.call('POST', '/plans:import?dryRun=true', { body: text });
    if (answer.ok) {
      fill(preview, table('Dry run: nothing is stored yet', [['Plan', p => p.id], ['Entries', p => String(p.entries)], ['Result', p => p.result === 'replaced' ? 'replaces the stored plan' : 'new plan']], answer.data.plans),
        h('button.primary', { type: 'button', onclick: commit }, 'Import these plans'));
    } else {
      const rows = Array.isArray(answer.data?.errors) ? answer.data.errors : [];
      fill(preview, problemBox(answer.problem), table('Row errors', [['Row', e => String(e.row)], ['Column', e => e.column], ['Error', e => e.message]], rows));
    }
  }

  async function commit() {
    const answer = await api.call('POST', '/plans:import', { body: text });
    notice(answer.ok ? 'Plans imported.' : `${answer.problem.title} ${answer.problem.detail}`, answer.ok ? 'ok' : 'error');
    await rerender();
  }

  return h('form.card', { onsubmit: dryRun, 'aria-labelledby': 'import-h' }, h('h2', { id: 'import-h' }, 'Import plans from CSV'), file,
    h('button', { type: 'submit' }, 'Preview (dry run)'), preview);
}
