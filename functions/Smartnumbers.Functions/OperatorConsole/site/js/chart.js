// Small SVG charts drawn from data (no library): stacked bars per hour, and horizontal bars for a breakdown. Each
// chart has a text alternative (role="img" with a label) and the page shows the same figures as a table.
const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attrs, text) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

/** series: [{name, values: number[]}] stacked over `labels` (one bar per label). */
export function stackedBars(title, labels, series) {
  const width = Math.max(320, labels.length * 6), height = 180, pad = 24;
  const totals = labels.map((_, i) => series.reduce((sum, s) => sum + s.values[i], 0));
  const max = Math.max(1, ...totals);
  const barWidth = (width - pad) / Math.max(1, labels.length);
  const root = svg('svg', { viewBox: `0 0 ${width} ${height + pad}`, role: 'img', 'aria-label': `${title}: ${totals.reduce((a, b) => a + b, 0)} calls`, class: 'chart', preserveAspectRatio: 'none' });
  root.append(svg('text', { x: 0, y: 12, class: 'axis' }, String(max)));
  root.append(svg('line', { x1: pad, y1: height, x2: width, y2: height, class: 'axis-line' }));
  labels.forEach((label, i) => {
    let y = height;
    series.forEach((s, k) => {
      const v = s.values[i];
      if (!v) return;
      const barHeight = (v / max) * (height - 16);
      y -= barHeight;
      const rect = svg('rect', { x: pad + i * barWidth, y, width: Math.max(1, barWidth - 1), height: barHeight, class: `series-${k}` });
      rect.append(svg('title', {}, `${label}: ${v} ${s.name}`));
      root.append(rect);
    });
  });
  return root;
}

/** Horizontal bars for {name: count}. */
export function bars(title, counts) {
  const entries = Object.entries(counts ?? {}).sort((a, b) => b[1] - a[1]).slice(0, 12);
  if (!entries.length) return document.createTextNode(''); // the table beside it says so
  const row = 22, width = 320, label = 110;
  const max = Math.max(1, ...entries.map(e => e[1]));
  const root = svg('svg', { viewBox: `0 0 ${width} ${Math.max(1, entries.length) * row}`, role: 'img', 'aria-label': title, class: 'chart bars' });
  entries.forEach(([name, count], i) => {
    root.append(svg('text', { x: 0, y: i * row + 15, class: 'axis' }, name));
    root.append(svg('rect', { x: label, y: i * row + 4, width: Math.max(1, (count / max) * (width - label - 40)), height: row - 8, class: 'series-0' }));
    root.append(svg('text', { x: width - 36, y: i * row + 15, class: 'axis' }, String(count)));
  });
  return root;
}
