// Audit: who, channel, when, and a before/after diff of each change, newest first, a page at a time.
import { h, fill, table, when } from '../dom.js';
import * as api from '../api.js';
import { problemBox } from '../ui.js';

let pages = [null];

export async function render() {
  const answer = await api.get(`/audit?limit=50${pages.at(-1) ? `&continuation=${encodeURIComponent(pages.at(-1))}` : ''}`);
  if (!answer.ok) return problemBox(answer.problem);
  const rerender = async () => fill(document.getElementById('main'), h('h1', {}, 'Audit'), await render());
  return h('div', {},
    table('Changes, newest first', [
      ['When', e => when(e.at)],
      ['Who', e => `${e.who} (${e.role})`],
      ['Channel', e => e.channel],
      ['Change', e => `${e.action} ${e.resource}`],
      ['Before → after', e => diff(e.before, e.after)],
    ], answer.data.entries, 'No changes recorded.'),
    h('div.actions', {},
      h('button', { type: 'button', disabled: pages.length === 1, onclick: async () => { pages.pop(); await rerender(); } }, 'Newer'),
      h('button', { type: 'button', disabled: !answer.data.continuation, onclick: async () => { pages.push(answer.data.continuation); await rerender(); } }, 'Older')));
}

/** The fields that differ, as "path: before → after" lines. */
function diff(before, after) {
  const lines = [];
  walk('', before ?? null, after ?? null, lines);
  return lines.length ? h('ul.diff', {}, lines.slice(0, 20).map(l => h('li', {}, l))) : '—';
}

function walk(path, a, b, lines) {
  const isObject = v => v !== null && typeof v === 'object';
  if (isObject(a) && isObject(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) walk(path ? `${path}.${key}` : key, a[key] ?? null, b[key] ?? null, lines);
  } else if (JSON.stringify(a) !== JSON.stringify(b)) {
    lines.push(`${path || '(document)'}: ${a === null ? '∅' : JSON.stringify(a)} → ${b === null ? '∅' : JSON.stringify(b)}`);
  }
}
