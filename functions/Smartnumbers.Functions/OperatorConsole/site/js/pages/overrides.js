// Personal overrides: set (with an optional expiry) and clear. Operators and admins change them; viewers read.
import { h, fill, field, input, table, when } from '../dom.js';
import * as api from '../api.js';
import { can } from '../session.js';
import { confirm, notice, problemBox, showProblem } from '../ui.js';

export async function render() {
  const answer = await api.get('/overrides');
  if (!answer.ok) return problemBox(answer.problem);
  const operator = can('operator');
  const rerender = async () => fill(document.getElementById('main'), h('h1', {}, 'Overrides'), await render());
  const list = table('Overrides', [
    ['Number', o => o.id],
    ['Destinations', o => o.document.destinations.join(', ')],
    ['Ring seconds', o => String(o.document.ringSeconds)],
    ['Expires', o => o.document.expiresAt ? when(o.document.expiresAt) : 'never'],
    ['', o => operator ? h('button', {
      type: 'button',
      onclick: async () => {
        if (!await confirm('Clear this override?', `Clear the override on ${o.id}: its calls go back to the active plan or normal route.`, 'Clear')) return;
        const result = await api.call('DELETE', `/overrides/${encodeURIComponent(o.id)}`, { ifMatch: o.etag });
        notice(result.ok ? `Override on ${o.id} cleared.` : result.status === 412 ? 'The override was changed by someone else; reloaded.' : result.problem.title, result.ok ? 'ok' : 'error');
        await rerender();
      },
    }, `Clear override on ${o.id}`) : null],
  ], answer.data.items, 'No overrides set.');
  return h('div', {}, list, operator ? setForm(rerender) : null);
}

function setForm(rerender) {
  const number = field('Number', input({ name: 'number', required: true, placeholder: '+441134960001' }));
  const destinations = field('Destinations', input({ name: 'destinations', required: true }), 'E.164 numbers rung together, separated by commas');
  const ring = field('Ring seconds', input({ type: 'number', name: 'ringSeconds', value: 30 }));
  const expires = field('Expires (optional)', input({ type: 'datetime-local', name: 'expiresAt' }));
  number.control.dataset.field = 'e164';
  destinations.control.dataset.field = 'destinations';
  ring.control.dataset.field = 'ringSeconds';
  expires.control.dataset.field = 'expiresAt';
  const summary = h('div');
  async function submit(event) {
    event.preventDefault();
    const e164 = number.control.value.trim();
    const body = {
      destinations: destinations.control.value.split(/[,;\s]+/).filter(Boolean),
      ringSeconds: Number(ring.control.value),
      expiresAt: expires.control.value ? new Date(expires.control.value).toISOString() : null,
    };
    if (!await confirm('Set this override?', `Calls to ${e164} ring ${body.destinations.join(', ')}${body.expiresAt ? ` until ${when(body.expiresAt)}` : ' until cleared'}.`, 'Set override')) return;
    const result = await api.call('PUT', `/overrides/${encodeURIComponent(e164)}`, { body });
    if (!result.ok) return showProblem(form, summary, result.problem);
    notice(`Override on ${e164} set.`, 'ok');
    await rerender();
  }
  const form = h('form.card', { onsubmit: submit, 'aria-labelledby': 'set-h', novalidate: true },
    h('h2', { id: 'set-h' }, 'Set an override'), h('div.grid', {}, number, destinations, ring, expires), summary,
    h('button.primary', { type: 'submit' }, 'Set override'));
  return form;
}
