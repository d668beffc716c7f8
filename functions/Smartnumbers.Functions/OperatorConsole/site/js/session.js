// The signed-in key lives in sessionStorage only: gone when the tab closes, never in a URL, a cookie or a log.
const KEY = 'smartnumbers.session';

/** {account, key, keyId, role} or null. */
export function current() {
  try {
    return JSON.parse(sessionStorage.getItem(KEY) ?? 'null');
  } catch {
    return null;
  }
}

export function start(session) {
  sessionStorage.setItem(KEY, JSON.stringify(session));
}

let endedBecause = null;

/** Ends the session; the reason is shown on the sign-in page. */
export function end(reason) {
  sessionStorage.removeItem(KEY);
  endedBecause = reason ?? null;
}

export function takeEndReason() {
  const reason = endedBecause;
  endedBecause = null;
  return reason;
}

const RANK = { viewer: 0, operator: 1, admin: 2 };

/** True when the signed-in role includes `role` (as the admin API ranks them: viewer < operator < admin). */
export function can(role) {
  const s = current();
  return !!s && RANK[s.role] >= RANK[role];
}
