// Overview: site health (state, since when, the last probe round and its result), the active plan and overrides in
// force, and calls in the last hour and day by outcome, with high-risk calls counted against each number's own threshold.
import { h, table, when } from '../dom.js';
import * as api from '../api.js';
import { problemBox } from '../ui.js';
import { outcomeTable } from './summary-view.js';

export async function render() {
  const now = new Date();
  const hourAgo = new Date(now - 3600_000).toISOString();
  const dayAgo = new Date(now - 86_400_000).toISOString();
  const [sites, plans, overrides, hour, day] = await Promise.all([
    api.get('/sites'), api.get('/plans'), api.get('/overrides'),
    api.get(`/reports/summary?from=${hourAgo}&to=${now.toISOString()}`),
    api.get(`/reports/summary?from=${dayAgo}&to=${now.toISOString()}`),
  ]);
  const health = sites.ok ? await Promise.all(sites.data.items.map(s => api.get(`/sites/${encodeURIComponent(s.id)}`))) : [];
  const active = plans.ok ? plans.data.plans.find(p => p.id === plans.data.activePlan) : null;
  return h('div.overview', {},
    h('section.card', { 'aria-labelledby': 'sites-h' }, h('h2', { id: 'sites-h' }, 'Site health'),
      sites.ok ? table('Sites', [
        ['Site', s => s.data?.name ?? ''],
        ['State', s => h(`span.badge.${s.data?.health?.state === 'down' ? 'bad' : 'good'}`, {}, s.data?.health?.state ?? 'unknown')],
        ['Since', s => when(s.data?.health?.since)],
        ['Last probe', s => s.data?.health?.lastProbeAt ? when(s.data.health.lastProbeAt) : 'never'],
        ['Result', s => s.data?.health?.lastResult ?? ''],
      ], health, 'No sites configured.') : problemBox(sites.problem)),
    h('section.card', { 'aria-labelledby': 'routing-h' }, h('h2', { id: 'routing-h' }, 'Routing in force'),
      h('p', {}, 'Active plan: ', h('strong', {}, active ? `${active.name} (slot ${active.slot})` : 'none (normal routing)')),
      overrides.ok ? table('Overrides in force', [
        ['Number', o => o.id],
        ['Destinations', o => o.document.destinations.join(', ')],
        ['Expires', o => o.document.expiresAt ? when(o.document.expiresAt) : 'never'],
      ], overrides.data.items.filter(o => !o.document.expiresAt || new Date(o.document.expiresAt) > now), 'No overrides in force.') : problemBox(overrides.problem)),
    h('section.card', { 'aria-labelledby': 'hour-h' }, h('h2', { id: 'hour-h' }, 'Last hour'), hour.ok ? outcomeTable('Calls in the last hour', hour.data) : problemBox(hour.problem)),
    h('section.card', { 'aria-labelledby': 'day-h' }, h('h2', { id: 'day-h' }, 'Last 24 hours'), day.ok ? outcomeTable('Calls in the last 24 hours', day.data) : problemBox(day.problem)));
}
