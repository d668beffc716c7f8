// Building the page from data. Every piece of text goes in as a text node, never as HTML: caller IDs, labels and
// announcements are attacker-controlled, and the console never parses them as markup.

/** h('tag.class', {attrs}, ...children): an element; strings and numbers become text nodes, null/false are skipped. */
export function h(tag, attrs, ...children) {
  const [name, ...classes] = tag.split('.');
  const el = document.createElement(name);
  if (classes.length) el.className = classes.join(' ');
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key === 'value' || key === 'checked') el[key] = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the children of el. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

let fieldIds = 0;

/** A labelled input (or select/textarea): returns the wrapper; the control is wrapper.control. */
export function field(label, control, hint) {
  const id = control.id || (control.id = `f${++fieldIds}`);
  const error = h('span.field-error', { id: `${id}-error`, role: 'alert' });
  control.setAttribute('aria-describedby', `${id}-error`);
  const wrapper = h('div.field', {}, h('label', { for: id }, label), control, hint ? h('small', {}, hint) : null, error);
  wrapper.control = control;
  wrapper.error = error;
  return wrapper;
}

export function input(attrs) {
  return h('input', { type: 'text', ...attrs });
}

/** A select of `options`; the empty value reads as `emptyLabel` ("any", "account default"). */
export function select(name, options, value, emptyLabel = '—') {
  return h('select', { name }, options.map(o => h('option', { value: o, selected: o === value }, o || emptyLabel)));
}

/** A table from rows: columns are [heading, row => cell content]. */
export function table(caption, columns, rows, empty = 'Nothing to show.') {
  if (!rows.length) return h('p.empty', {}, empty);
  return h('div.table-wrap', {},
    h('table', {},
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, columns.map(([heading]) => h('th', { scope: 'col' }, heading)))),
      h('tbody', {}, rows.map(row => h('tr', {}, columns.map(([heading, cell]) => h('td', { 'data-label': heading }, cell(row))))))));
}

export function when(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  return d.toISOString().replace('T', ' ').slice(0, 19) + 'Z';
}
