// The schedule: planned plan switches ("activate leeds-closed on Friday at 17:00, deactivate it on Monday at 08:00").
// Upcoming entries (something still pending) and past ones, with who made each and what became of each half (fired,
// skipped and why, failed, cancelled); operators create an entry and cancel an upcoming one.
import { h, fill, field, input, select, table, when } from '../dom.js';
import * as api from '../api.js';
import { can } from '../session.js';
import { confirm, notice, problemBox, showProblem, badge } from '../ui.js';

export async function render() {
  const [answer, plans] = await Promise.all([api.get('/schedules'), api.get('/plans')]);
  if (!answer.ok) return problemBox(answer.problem);
  const operator = can('operator');
  const rerender = async () => fill(document.getElementById('main'), h('h1', {}, 'Schedule'), await render());
  const entries = answer.data.schedules;
  const pending = e => [e.activation, e.deactivation].some(s => s?.status === 'pending');
  const upcoming = entries.filter(pending);
  const past = entries.filter(e => !pending(e)).reverse(); // latest first

  async function cancel(entry) {
    const what = `Cancel the scheduled ${entry.activation.status === 'pending' ? 'activation' : 'deactivation'} of ${entry.plan}`
      + ` (${[entry.activation, entry.deactivation].filter(s => s?.status === 'pending').map(s => local(s.at)).join(' and ')}): routing will not change then.`;
    if (!await confirm('Cancel this schedule entry?', what, 'Cancel entry')) return;
    const result = await api.call('POST', `/schedules/${encodeURIComponent(entry.id)}:cancel`);
    notice(result.ok ? `Cancelled: ${entry.plan} will not be switched as scheduled.` : `${result.problem.title} ${result.problem.detail}`, result.ok ? 'ok' : 'error');
    await rerender();
  }

  const columns = [
    ['Plan', e => e.plan],
    ['Activate', e => half(e.activation)],
    ['Deactivate', e => e.deactivation ? half(e.deactivation) : 'stays active'],
    ['Note', e => e.note ?? ''],
    ['Made by', e => h('span.made-by', {}, `${e.createdBy} at ${when(e.createdAt)}`, e.cancelledBy ? `; cancelled by ${e.cancelledBy}` : '')],
  ];
  const upcomingTable = table('Upcoming entries, soonest first', operator
    ? [...columns, ['', e => h('button', { type: 'button', onclick: () => cancel(e) }, `Cancel ${e.plan} at ${local(e.activation.status === 'pending' ? e.activation.at : e.deactivation.at)}`)]]
    : columns, upcoming, 'Nothing is scheduled.');
  const pastTable = table('Past entries, latest first', columns, past, 'No entry has fired, been skipped or been cancelled yet.');
  const loaded = plans.ok ? plans.data.plans.filter(p => p.slot) : [];
  return h('div', {},
    h('p', {}, 'Times are the account\'s local time, with the offset in force on that day.'),
    h('section', { 'aria-labelledby': 'upcoming-h' }, h('h2', { id: 'upcoming-h' }, 'Upcoming'), upcomingTable),
    h('section', { 'aria-labelledby': 'past-h' }, h('h2', { id: 'past-h' }, 'Past'), pastTable),
    operator ? createForm(loaded, rerender) : null);
}

/** One half of an entry: its time, its status and, once done, what happened in words. */
function half(s) {
  const kind = { fired: 'good', skipped: 'warn', failed: 'bad' }[s.status] ?? '';
  return h('span.half', {}, local(s.at), ' ', badge(s.status, kind), s.detail ? h('small.detail', {}, ` ${s.detail}`) : null);
}

/** "2027-03-26T17:00:00+00:00" → "2027-03-26 17:00 (+00:00)": the account's local time as the API gives it. */
export function local(iso) {
  const m = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d)(?::\d\d(?:\.\d+)?)?(Z|[+-]\d\d:\d\d)$/.exec(iso ?? '');
  return m ? `${m[1]} ${m[2]} (${m[3] === 'Z' ? '+00:00' : m[3]})` : when(iso);
}

function createForm(loaded, rerender) {
  const plan = field('Plan', select('plan', ['', ...loaded.map(p => p.id)], ''), loaded.length ? 'Only a plan loaded in a slot can be scheduled.' : 'No plan is loaded: load one on the Dial plans page first.');
  const activateAt = field('Activate at', input({ type: 'datetime-local', name: 'activateAt' }), 'In the account\'s time zone.');
  const deactivateAt = field('Deactivate at (optional)', input({ type: 'datetime-local', name: 'deactivateAt' }), 'Leave empty to keep the plan active until someone changes it.');
  const note = field('Note (optional)', input({ name: 'note', maxlength: 500 }));
  for (const [name, f] of Object.entries({ plan, activateAt, deactivateAt, note })) f.control.dataset.field = name;
  const summary = h('div');
  async function submit(event) {
    event.preventDefault();
    const body = {
      plan: plan.control.value,
      activateAt: activateAt.control.value,
      deactivateAt: deactivateAt.control.value || null,
      note: note.control.value.trim() || null,
    };
    const result = await api.call('POST', '/schedules', { body });
    if (!result.ok) return showProblem(form, summary, result.problem);
    notice(`Scheduled: ${body.plan} activates at ${local(result.data.activation.at)}${result.data.deactivation ? ` and deactivates at ${local(result.data.deactivation.at)}` : ''}.`, 'ok');
    await rerender();
  }

  const form = h('form.card', { onsubmit: submit, 'aria-labelledby': 'schedule-h', novalidate: true },
    h('h2', { id: 'schedule-h' }, 'Schedule a plan switch'), h('div.grid', {}, plan, activateAt, deactivateAt, note), summary,
    h('button.primary', { type: 'submit' }, 'Schedule'));
  return form;
}
