// Tables of a reports/summary answer, shared by the overview and the charts.
import { h, table } from '../dom.js';

/** Totals by outcome, with high-risk calls (each number's own threshold) and how answered calls ended. */
export function outcomeTable(caption, summary) {
  const sorted = counts => Object.entries(counts ?? {}).sort((a, b) => b[1] - a[1]);
  const rows = [['All calls', summary.total], ['High risk', summary.highRisk],
    ...sorted(summary.byOutcome),
    ...sorted(summary.rejectedByReason).map(([reason, n]) => [`rejected: ${reason}`, n]),
    ...sorted(summary.ended).map(([ended, n]) => [`connected, ${ended}`, n])];
  return table(caption, [['Outcome', r => r[0]], ['Calls', r => h('span.count', {}, String(r[1]))]], rows);
}

/** A count table from a {name: count} breakdown. */
export function breakdownTable(caption, counts) {
  return table(caption, [['', r => r[0]], ['Calls', r => String(r[1])]], Object.entries(counts ?? {}).sort((a, b) => b[1] - a[1]), 'None in this range.');
}
