// Bulk uploads of numbers, block/allow list entries and staff: choose a CSV file, see the dry run (each row created,
// updated or unchanged, or every error with its row and column) and only then apply it; export each kind as CSV.
// The API applies a file all or nothing, so the preview is exactly what the commit does unless someone changes a row
// meanwhile (then the commit is refused and nothing is applied).
import { h, fill, field, table } from '../dom.js';
import * as api from '../api.js';
import { can } from '../session.js';
import { notice, problemBox } from '../ui.js';

const KINDS = {
  numbers: { label: 'Numbers', role: 'admin', columns: 'number, label, route, ringSeconds, announcement, acr, icr, blocked, fraudEnabled, fraudThreshold, fraudMaxDivertsPerHour, fraudNotifyAgent, fraudHighRiskRoute, fraudHighRiskRingSeconds, fraudTrustedRoute, fraudTrustedRingSeconds, controlLine, timeZone' },
  lists: { label: 'Block/allow lists', role: 'operator', columns: 'kind (block or allow), entry, note' },
  staff: { label: 'Staff', role: 'admin', columns: 'id, name, role, numbers (separated by ";"), pin (only to set one; never exported)' },
};

export async function render([name]) {
  const kind = KINDS[name] ? name : 'numbers';
  const { label, role, columns } = KINDS[kind];
  const tabs = h('div.tabs', { role: 'group', 'aria-label': 'What to upload' }, h('ul', {}, Object.entries(KINDS).map(([id, k]) =>
    h('li', {}, h('a', { href: `#/uploads/${id}`, 'aria-current': id === kind ? 'page' : null }, k.label)))));
  const about = h('section.card', { 'aria-labelledby': 'kind-h' },
    h('h2', { id: 'kind-h' }, label),
    h('p', {}, `Columns: ${columns}. A column left out of the file leaves that field as it is. Rows are created or updated, never deleted.`),
    h('p', {}, 'A file is applied all or nothing. Limits: 1,000,000 characters and 1000 rows per file, and at most 98 rows that change per upload (unchanged rows do not count).'),
    h('button', { type: 'button', onclick: () => exportCsv(kind) }, `Export ${label.toLowerCase()} as CSV`));
  const upload = can(role) ? uploadForm(kind, label)
    : h('p.note', { id: 'upload-read-only' }, `Only an ${role} key may upload ${label.toLowerCase()}: you can export them.`);
  return h('div', {}, tabs, about, upload);
}

async function exportCsv(kind) {
  const answer = await api.get(`/${kind}:export`, { accept: 'text/csv' });
  if (!answer.ok) return notice(answer.problem.title, 'error');
  api.download(answer.data, `${kind}-${new Date().toISOString().slice(0, 10)}.csv`);
  notice(`The ${kind} export (CSV) was downloaded.`, 'ok');
}

function uploadForm(kind, label) {
  const file = field('CSV file', h('input', { type: 'file', accept: '.csv,text/csv', name: 'csv' }));
  const preview = h('div', { id: 'upload-preview', 'aria-live': 'polite' });
  let text = null;
  file.control.addEventListener('change', () => { text = null; fill(preview); });

  async function dryRun(event) {
    event.preventDefault();
    const chosen = file.control.files[0];
    if (!chosen) return fill(preview, h('p.problem', { role: 'alert' }, 'Choose a CSV file first.'));
    text = await chosen.text();
    const answer = await api.call('POST', `/${kind}:import?dryRun=true`, { body: text });
    if (!answer.ok) return fill(preview, failure(answer));
    const { created, updated, unchanged, rows } = answer.data;
    const changes = created + updated;
    fill(preview,
      h('p', { id: 'dry-run-summary' }, `Dry run, nothing is stored yet: ${created} created, ${updated} updated, ${unchanged} unchanged.`),
      rowTable('Dry run: what each row would do', rows),
      changes ? h('button.primary', { type: 'button', onclick: commit }, `Apply: create ${created}, update ${updated}`)
        : h('p.note', {}, 'Nothing to apply: every row is as stored.'));
  }

  async function commit() {
    const answer = await api.call('POST', `/${kind}:import`, { body: text });
    if (!answer.ok) {
      notice(`${answer.problem.title} ${answer.problem.detail}`, 'error');
      return fill(preview, failure(answer));
    }

    const { created, updated, unchanged, rows } = answer.data;
    notice(`${label} imported: ${created} created, ${updated} updated, ${unchanged} unchanged.`, 'ok');
    fill(preview, rowTable('Applied', rows));
  }

  return h('form.card', { onsubmit: dryRun, 'aria-labelledby': 'upload-h' },
    h('h2', { id: 'upload-h' }, `Upload ${label.toLowerCase()}`), file,
    h('button', { type: 'submit' }, 'Preview (dry run)'), preview);
}

function rowTable(caption, rows) {
  return table(caption, [['Row', r => String(r.row)], ['Key', r => r.key], ['Result', r => h(`span.result.${r.result}`, {}, r.result)]], rows);
}

/** A refused upload: the size limit (413) said plainly; every row error with its row and column (400); or the problem. */
function failure(answer) {
  if (answer.status === 413) {
    return h('div.problem', { role: 'alert', id: 'upload-too-large' },
      h('strong', {}, 'The file is too large: nothing was imported.'),
      h('p', {}, answer.problem.detail),
      h('p', {}, 'Split it into several files and upload each.'));
  }

  const errors = Array.isArray(answer.data?.errors) ? answer.data.errors : [];
  return h('div', {}, problemBox(errors.length ? { title: answer.problem.title, detail: `${errors.length} error(s); fix them and preview again.` } : answer.problem),
    table('Row errors', [['Row', e => String(e.row)], ['Column', e => e.column || '—'], ['Error', e => e.message]], errors, ''));
}
