// Shared pieces of the pages: notices, confirmation, problem details shown per field.
import { h, fill } from './dom.js';

export function notice(text, kind = 'info') {
  fill(document.getElementById('notice'), text ? h(`p.notice.${kind}`, {}, text) : null);
}

/** Asks before a change, naming it; resolves true when confirmed. A native modal dialog: focus-trapped, Esc cancels. */
export function confirm(title, what, action = 'Confirm') {
  return new Promise(resolve => {
    const dialog = h('dialog', { 'aria-labelledby': 'confirm-title' },
      h('h2', { id: 'confirm-title' }, title),
      h('p', {}, what),
      h('div.actions', {},
        h('button', { type: 'button', class: 'primary', onclick: () => close(true) }, action),
        h('button', { type: 'button', onclick: () => close(false) }, 'Cancel')));
    function close(answer) {
      dialog.close();
      dialog.remove();
      resolve(answer);
    }
    dialog.addEventListener('cancel', () => close(false));
    document.body.append(dialog);
    dialog.showModal();
  });
}

/**
 * Shows a problem's field errors beside the controls whose data-field is the longest prefix of each error's field
 * ("route.steps[0].destinations[0]" lands on "route.steps[0].destinations"); the rest, and the title, go in `summary`.
 */
export function showProblem(form, summary, problem) {
  for (const el of form.querySelectorAll('.field-error')) el.textContent = '';
  for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  const controls = [...form.querySelectorAll('[data-field]')];
  const unplaced = [];
  for (const [name, messages] of Object.entries(problem?.errors ?? {})) {
    const target = controls
      .filter(c => name === c.dataset.field || name.startsWith(c.dataset.field + '.') || name.startsWith(c.dataset.field + '['))
      .sort((a, b) => b.dataset.field.length - a.dataset.field.length)[0];
    const text = `${messages.join(' ')}`;
    if (target) {
      target.setAttribute('aria-invalid', 'true');
      const error = document.getElementById(`${target.id}-error`);
      error.textContent = error.textContent ? `${error.textContent} ${text}` : text;
    } else {
      unplaced.push(`${name}: ${text}`);
    }
  }
  fill(summary, problem ? h('div.problem', { role: 'alert' }, h('strong', {}, problem.title), problem.detail && !Object.keys(problem.errors ?? {}).length ? h('p', {}, problem.detail) : null,
    unplaced.length ? h('ul', {}, unplaced.map(u => h('li', {}, u))) : null) : null);
}

/** A problem shown on its own (no form). */
export function problemBox(problem) {
  return h('div.problem', { role: 'alert' }, h('strong', {}, problem.title), problem.detail ? h('p', {}, problem.detail) : null);
}

export function badge(text, kind = '') {
  return h(`span.badge${kind ? '.' + kind : ''}`, {}, text);
}
