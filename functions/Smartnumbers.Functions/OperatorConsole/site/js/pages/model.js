// The risk model: the live version, the candidate's held-out evaluation beside the live model's, the history.
// Admins promote the candidate (with force when it is worse) and roll back to an earlier version; others read.
import { h, fill, table, when, select } from '../dom.js';
import * as api from '../api.js';
import { can } from '../session.js';
import { confirm, notice, problemBox } from '../ui.js';

const figure = v => v === null || v === undefined ? '—' : Number(v).toFixed(3);

export async function render() {
  const answer = await api.get('/model');
  if (!answer.ok) return problemBox(answer.problem);
  const model = answer.data;
  const admin = can('admin');
  const rerender = async () => fill(document.getElementById('main'), h('h1', {}, 'Risk model'), await render());
  const live = h('p', { id: 'live-model' }, model.liveVersion === 0 ? 'Live: version 0 (the default weights).' : `Live: version ${model.liveVersion}.`);
  return h('div', {}, live, candidate(model, answer.etag, admin, rerender), history(model, answer.etag, admin, rerender));
}

function candidate(model, etag, admin, rerender) {
  const c = model.candidate;
  if (!c) return h('p', {}, 'No candidate: an admin refits (POST …/model:refit) to make one; it scores calls in shadow until promoted.');
  const e = c.evaluation ?? { candidate: {}, live: {} };
  const rows = [['Candidate', e.candidate], [`Live (version ${c.comparedWithVersion})`, e.live]];
  const promote = async force => {
    const what = force ? 'Promote the candidate although its held-out AUC is below the live model\'s?' : `Version ${c.version} becomes live on every instance within seconds.`;
    if (!await confirm(`Promote version ${c.version}?`, what, force ? 'Promote anyway' : 'Promote')) return;
    const result = await api.call('POST', '/model:promote', { ifMatch: etag, body: force ? { force: true } : undefined });
    await rerender();
    notice(result.ok ? `Version ${c.version} is live.` : result.problem.detail ?? result.problem.title, result.ok ? 'ok' : 'error');
    if (result.status === 409 && !force) fill(document.getElementById('force-slot'), h('button', { type: 'button', onclick: () => promote(true) }, 'Promote anyway'));
  };
  return h('section', { 'aria-labelledby': 'candidate-title' },
    h('h2', { id: 'candidate-title' }, `Candidate: version ${c.version}`),
    h('p', {}, `Fitted ${when(c.fittedAt)} by ${c.fittedBy} on ${c.trainingExamples} labelled calls; base rate ${(c.baseRate * 100).toFixed(2)} % of ${c.scoredCalls} scored calls.`),
    table('Held-out evaluation (newest labelled calls)', [
      ['Model', r => r[0]],
      ['Calls (fraud)', r => `${r[1].calls ?? 0} (${r[1].fraudCalls ?? 0})`],
      ['AUC', r => figure(r[1].auc)],
      ['Brier score', r => figure(r[1].brierScore)],
      ['Precision', r => figure(r[1].precision)],
      ['Recall', r => figure(r[1].recall)],
    ], rows),
    admin ? h('div.actions', {}, h('button', { type: 'button', class: 'primary', onclick: () => promote(false) }, 'Promote candidate'), h('span', { id: 'force-slot' })) : null);
}

function history(model, etag, admin, rerender) {
  const earlier = [0, ...new Set(model.history.map(c => c.version))].filter(v => v !== model.liveVersion);
  const choice = select('version', ['', ...earlier.map(String)], '', 'Version…'); // 0 = the default weights
  choice.setAttribute('aria-label', 'Version to roll back to');
  const rollBack = async () => {
    if (!choice.value) return;
    if (!await confirm(`Roll back to version ${choice.value}?`, `Version ${choice.value} becomes live on every instance within seconds.`, 'Roll back')) return;
    const result = await api.call('POST', '/model:rollback', { ifMatch: etag, body: { version: Number(choice.value) } });
    await rerender();
    notice(result.ok ? `Version ${choice.value} is live.` : result.problem.detail ?? result.problem.title, result.ok ? 'ok' : 'error');
  };
  return h('section', { 'aria-labelledby': 'history-title' },
    h('h2', { id: 'history-title' }, 'History'),
    table('Live model changes, oldest first', [
      ['When', c => when(c.at)],
      ['Version', c => String(c.version)],
      ['Change', c => c.forced ? `${c.action} (forced)` : c.action],
      ['Before', c => String(c.previousVersion)],
      ['Who', c => c.by],
    ], model.history, 'No model has been promoted: the default weights are live.'),
    admin && earlier.length ? h('div.actions', {}, choice, h('button', { type: 'button', onclick: rollBack }, 'Roll back')) : null);
}
