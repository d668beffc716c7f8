// Charts over a chosen range: calls per hour by outcome, and suspicious (high-risk) calls by tag, number type and
// country. Each chart sits beside a table of the same figures.
import { h, fill, field, input } from '../dom.js';
import * as api from '../api.js';
import { problemBox } from '../ui.js';
import { stackedBars, bars } from '../chart.js';
import { outcomeTable, breakdownTable } from './summary-view.js';

const OUTCOMES = ['connected', 'diverted', 'rejected'];
let range = { days: 7 };

export async function render() {
  const days = field('Range (days, up to 31)', input({ type: 'number', name: 'days', min: 1, max: 31, value: range.days }));
  const body = h('div', { id: 'charts-body' }, await draw());
  async function apply(event) {
    event.preventDefault();
    range = { days: Number(days.control.value) || 7 };
    fill(body, await draw());
  }
  return h('div', {}, h('form.card.inline', { onsubmit: apply, 'aria-label': 'Chart range' }, days, h('button.primary', { type: 'submit' }, 'Show')), body);
}

async function draw() {
  const to = new Date();
  const from = new Date(to - range.days * 86_400_000);
  const answer = await api.get(`/reports/summary?from=${from.toISOString()}&to=${to.toISOString()}`);
  if (!answer.ok) return problemBox(answer.problem);
  const s = answer.data;
  const labels = s.hourly.map(x => x.hour.slice(5, 13).replace('T', ' ') + 'h');
  const series = OUTCOMES.map(o => ({ name: o, values: s.hourly.map(x => x.outcomes?.[o] ?? 0) }));
  return h('div.charts', {},
    h('section.card', { 'aria-labelledby': 'hourly-h' }, h('h2', { id: 'hourly-h' }, `Calls per hour by outcome (${range.days} days)`),
      stackedBars('Calls per hour by outcome', labels, series),
      h('ul.legend', {}, OUTCOMES.map((o, k) => h('li', {}, h(`span.swatch.series-${k}`, { 'aria-hidden': 'true' }), o))),
      outcomeTable('Totals in this range', s)),
    h('section.card', { 'aria-labelledby': 'tags-h' }, h('h2', { id: 'tags-h' }, 'Suspicious calls by tag'),
      bars('Suspicious calls by tag', s.suspiciousByTag), breakdownTable('Suspicious calls by tag', s.suspiciousByTag)),
    h('section.card', { 'aria-labelledby': 'types-h' }, h('h2', { id: 'types-h' }, 'Suspicious calls by number type'),
      bars('Suspicious calls by number type', s.suspiciousByNumberType), breakdownTable('Suspicious calls by number type', s.suspiciousByNumberType)),
    h('section.card', { 'aria-labelledby': 'countries-h' }, h('h2', { id: 'countries-h' }, 'Suspicious calls by country'),
      bars('Suspicious calls by country', s.suspiciousByCountry), breakdownTable('Suspicious calls by country', s.suspiciousByCountry)));
}
