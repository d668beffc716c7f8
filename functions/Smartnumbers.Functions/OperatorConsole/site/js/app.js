// The console's shell: sign-in, navigation by the URL's hash, and one page at a time. A hash may carry a page's
// parameters after '?' (#/calls?reason=blocked): never a key, which lives only in the session.
import { h, fill } from './dom.js';
import * as session from './session.js';
import { SessionEnded } from './api.js';
import { notice } from './ui.js';
import * as signIn from './pages/signin.js';
import * as overview from './pages/overview.js';
import * as charts from './pages/charts.js';
import * as numbers from './pages/numbers.js';
import * as plans from './pages/plans.js';
import * as overrides from './pages/overrides.js';
import * as calls from './pages/calls.js';
import * as simulate from './pages/simulate.js';
import * as audit from './pages/audit.js';
import * as schedules from './pages/schedules.js';
import * as uploads from './pages/uploads.js';
import * as model from './pages/model.js';

const pages = [
  ['overview', 'Overview', overview],
  ['charts', 'Charts', charts],
  ['calls', 'Calls', calls],
  ['plans', 'Dial plans', plans],
  ['schedules', 'Schedule', schedules],
  ['overrides', 'Overrides', overrides],
  ['numbers', 'Numbers', numbers],
  ['uploads', 'Uploads', uploads],
  ['simulate', 'Simulate', simulate],
  ['audit', 'Audit', audit],
  ['model', 'Risk model', model],
];

const main = document.getElementById('main');
let rendering = 0;

async function show() {
  const s = session.current();
  const nav = document.getElementById('nav');
  const who = document.getElementById('who');
  if (!s) {
    nav.hidden = true;
    fill(who);
    const reason = session.takeEndReason();
    notice(reason, 'error');
    signIn.render(main, () => { notice(null); if (!location.hash.startsWith('#/')) location.hash = '#/overview'; show(); }); // a link's page survives signing in
    return;
  }

  const [path, query = ''] = location.hash.replace(/^#\/?/, '').split('?');
  const [name, ...rest] = (path || 'overview').split('/');
  const page = pages.find(p => p[0] === name) ?? pages[0];
  nav.hidden = false;
  fill(nav, h('ul', {}, pages.map(([id, label]) =>
    h('li', {}, h('a', { href: `#/${id}`, 'aria-current': id === page[0] ? 'page' : null }, label))),
    h('li', {}, h('a', { href: '../openapi/reference/' }, 'API reference'))));
  fill(who,
    h('span', {}, `${s.account} · `, h('span.badge', { id: 'role' }, s.role)),
    h('button', { type: 'button', onclick: signOut }, 'Sign out'));
  document.title = `${page[1]} · Smartnumbers console`;
  const ticket = ++rendering;
  fill(main, h('h1', {}, page[1]), h('p.loading', {}, 'Loading…'));
  try {
    const content = await page[2].render(rest.map(decodeURIComponent), new URLSearchParams(query));
    if (ticket === rendering) {
      fill(main, h('h1', {}, page[1]), content);
      performance.mark(`page-shown:${page[0]}`); // navigation → data shown, read by the page-load test
    }
  } catch (error) {
    if (error instanceof SessionEnded) return; // show() runs again on 'session-ended'
    if (ticket === rendering) fill(main, h('h1', {}, page[1]), h('div.problem', { role: 'alert' }, `The page failed to load: ${error.message}`));
  }
}

function signOut() {
  session.end('You signed out.');
  location.hash = '';
  show();
}

window.addEventListener('hashchange', () => { notice(null); show(); });
window.addEventListener('session-ended', show);
show();
