// Simulate: "what happens to this call, and why", changing nothing.
import { h, fill, field, input, select, table } from '../dom.js';
import * as api from '../api.js';
import { showProblem, badge } from '../ui.js';

export async function render() {
  const called = field('Called number', input({ name: 'calledNumber', required: true, placeholder: '+441134960001' }));
  const caller = field('Caller ID', input({ name: 'presentationNumber', placeholder: '+447911123456 or anonymous' }));
  const network = field('Network number (optional)', input({ name: 'networkNumber' }));
  const carrier = field('Carrier', select('carrier', ['twilio', 'acs'], 'twilio'));
  called.control.dataset.field = 'calledNumber';
  caller.control.dataset.field = 'presentationNumber';
  network.control.dataset.field = 'networkNumber';
  const summary = h('div');
  const result = h('div', { 'aria-live': 'polite' });
  async function submit(event) {
    event.preventDefault();
    const presentation = caller.control.value.trim();
    const body = {
      calledNumber: called.control.value.trim(),
      presentationNumber: presentation || null,
      networkNumber: network.control.value.trim() || null,
      withheld: presentation === '' || presentation === 'anonymous',
      carrier: carrier.control.value,
    };
    const answer = await api.call('POST', '/calls:simulate', { body });
    showProblem(form, summary, answer.ok ? null : answer.problem);
    fill(result, answer.ok ? explain(answer.data) : null);
  }
  const form = h('form.card', { onsubmit: submit, novalidate: true, 'aria-label': 'Simulated call' },
    h('div.grid', {}, called, caller, network, carrier), summary, h('button.primary', { type: 'submit' }, 'Simulate'));
  return h('div', {}, form, result);
}

function explain(r) {
  const d = r.decision;
  return h('section.card', { 'aria-labelledby': 'sim-h' },
    h('h2', { id: 'sim-h' }, d.action === 'reject' ? `Rejected (${d.rejectMode})` : `Connected via ${d.source} route`),
    h('p', {}, 'Reason: ', d.reason ?? '—'),
    h('p', {}, `Score ${r.risk.score} `, r.risk.tags.map(t => badge(t))),
    d.announcement ? h('p', {}, 'Announcement: ', d.announcement) : null,
    table('Route steps', [['Step', s => String(d.steps.indexOf(s) + 1)], ['Destinations', s => s.destinations.join(', ')], ['Ring seconds', s => String(s.ringSeconds)]], d.steps, 'No route: the call is rejected.'),
    table('Top reasons', [['Attribute', t => t.attribute], ['Weight', t => t.weight.toFixed(2)]], r.risk.top));
}
