// Every action goes through the admin API with the signed-in key. A 401 means the key was revoked or has expired
// (or never worked): the session ends, with that message.
import * as session from './session.js';

export class SessionEnded extends Error {}

/** Calls /api/accounts/{account}{path}. Answers {ok, status, data, etag, problem}. */
export async function call(method, path, { body, ifMatch, accept, account, key } = {}) {
  const s = session.current();
  const headers = { Authorization: `Bearer ${key ?? s?.key}` };
  if (body !== undefined) headers['Content-Type'] = typeof body === 'string' ? 'text/csv' : 'application/json';
  if (ifMatch) headers['If-Match'] = ifMatch;
  if (accept) headers.Accept = accept;
  const response = await fetch(`/api/accounts/${encodeURIComponent(account ?? s?.account ?? '')}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    cache: 'no-store',
  });
  if (response.status === 401 && !key) {
    session.end('Your API key was revoked or has expired, so you have been signed out. Sign in with a valid key.');
    window.dispatchEvent(new Event('session-ended'));
    throw new SessionEnded();
  }

  const type = response.headers.get('Content-Type') ?? '';
  let data = null;
  if (accept === 'text/csv' && response.ok) data = await response.blob();
  else if (type.includes('json')) data = await response.json();
  else if (response.status !== 204) data = await response.text();
  const problem = response.ok ? null : problemOf(response.status, data);
  return { ok: response.ok, status: response.status, data, etag: response.headers.get('ETag'), problem };
}

export const get = (path, options) => call('GET', path, options);

/** RFC 9457 problem details as {title, detail, errors: {field: [messages]}}. */
function problemOf(status, data) {
  const p = data && typeof data === 'object' ? data : {};
  return {
    status,
    title: p.title ?? `The request failed (${status}).`,
    detail: p.detail ?? (typeof data === 'string' ? data : ''),
    errors: p.errors ?? (p.field ? { [p.field]: [p.detail ?? p.title] } : {}),
  };
}

/** Saves a blob as a file the browser downloads. */
export function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
