/** Where the token may be sent: Thordata's API, plus loopback in the demo/test build. */
export const PRODUCTION_API_BASE = 'https://openapi.thordata.com/api';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Why a base URL was refused. Plain codes rather than sentences: the settings page
 * words them in the reader's language, and a code still reads sensibly as a log detail.
 */
export type BaseUrlProblem = 'not-a-url' | 'has-query-or-credentials' | 'not-thordata' | 'not-thordata-or-loopback';

export type BaseUrlCheck =
  | { readonly ok: true; readonly baseUrl: string }
  | { readonly ok: false; readonly reason: BaseUrlProblem };

/**
 * Validates an API base URL against the origins this build may reach. The token
 * travels in the query string, so it may only go to HTTPS (or loopback, for tests).
 */
export function checkApiBaseUrl(text: string, allowLoopback: boolean): BaseUrlCheck {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { ok: false, reason: 'not-a-url' };
  }
  // A bare `?` or `#` leaves url.search and url.hash empty, so look at the text too.
  if (/[?#]/.test(text) || url.username || url.password) {
    return { ok: false, reason: 'has-query-or-credentials' };
  }
  const loopback = LOOPBACK_HOSTS.has(url.hostname);
  if (loopback && allowLoopback && (url.protocol === 'http:' || url.protocol === 'https:')) {
    return { ok: true, baseUrl: url.href.replace(/\/+$/, '') };
  }
  if (url.protocol !== 'https:' || url.hostname !== 'openapi.thordata.com' || url.port !== '') {
    return { ok: false, reason: allowLoopback ? 'not-thordata-or-loopback' : 'not-thordata' };
  }
  return { ok: true, baseUrl: url.href.replace(/\/+$/, '') };
}

/** True in the demo/end-to-end build, which may also reach the loopback demo API. */
export function buildAllowsLoopback(): boolean {
  return import.meta.env.MODE === 'e2e';
}
