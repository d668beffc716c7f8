// Sign in with an admin API key. The key is checked against the account with GET …/caller, which also gives its role.
import { h, fill, field, input } from '../dom.js';
import * as api from '../api.js';
import * as session from '../session.js';

export function render(main, signedIn) {
  const account = field('Account', input({ name: 'account', autocomplete: 'username', required: true, spellcheck: 'false' }),
    'The account id the key belongs to (the bootstrap key works on any account).');
  const key = field('API key', input({ name: 'key', type: 'password', autocomplete: 'current-password', required: true }),
    'Kept in this tab only (session storage), until you sign out or close it.');
  const status = h('div', { role: 'alert' });
  const form = h('form.card.signin', { onsubmit: submit },
    account, key, h('button.primary', { type: 'submit' }, 'Sign in'), status);

  async function submit(event) {
    event.preventDefault();
    fill(status, 'Checking the key…');
    const id = account.control.value.trim();
    const answer = await api.get('/caller', { account: id, key: key.control.value });
    if (!answer.ok) {
      fill(status, h('p.problem', {}, answer.status === 401
        ? 'That API key is not valid (wrong, revoked or expired).'
        : answer.status === 404 ? 'That key cannot open this account, or the account does not exist.' : answer.problem.title));
      return;
    }

    session.start({ account: id, key: key.control.value, keyId: answer.data.keyId, role: answer.data.role });
    signedIn();
  }

  fill(main, h('h1', {}, 'Sign in'), form);
  account.control.focus();
}
