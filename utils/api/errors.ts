import type { Locale } from '@/utils/i18n/locale';

/** Everything that can go wrong talking to the Thordata API, as the user must hear it. */
export type ApiError =
  | { readonly kind: 'auth'; readonly code: number; readonly apiMessage: string }
  | { readonly kind: 'rate-limited'; readonly code: number }
  | { readonly kind: 'unknown-user'; readonly code: number; readonly username: string | null }
  | { readonly kind: 'plan'; readonly code: number }
  | { readonly kind: 'bad-request'; readonly code: number; readonly apiMessage: string }
  | { readonly kind: 'server'; readonly code: number; readonly apiMessage: string }
  | { readonly kind: 'network'; readonly detail: string }
  /** `navigator.onLine` said so: no request was tried. */
  | { readonly kind: 'offline' }
  /** The browser has not granted access to the API's host (Firefox lets users withhold it). */
  | { readonly kind: 'permission'; readonly host: string }
  | { readonly kind: 'timeout'; readonly afterMs: number }
  /** The body is not Thordata's JSON envelope (a gateway page, a cut-off body): the way there is broken. */
  | { readonly kind: 'unreadable'; readonly detail: string }
  /** The envelope said 200 but its data holds no usable figures: that one answer is broken. */
  | { readonly kind: 'malformed'; readonly detail: string };

export type ApiErrorKind = ApiError['kind'];

/**
 * Longest server text kept or shown. Thordata's `msg` is a few words; anything longer is a
 * page or a dump that would flood the badge's tooltip and the stored status.
 */
export const MAX_API_MESSAGE_LENGTH = 160;

/** Cuts a text that came from outside to a length a tooltip can hold. */
export function clipText(text: string, max = MAX_API_MESSAGE_LENGTH): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/**
 * Who a failure of one user's usage request concerns. The account's: the token, the plan,
 * Thordata asking to wait, and anything that stops every request alike (server, network,
 * timeouts, an unreadable body). That user's: Thordata not knowing the name, refusing the
 * parameters of that request, or answering it without usable figures. A failure scoped to
 * the user marks it and the cycle goes on with the others.
 */
export function errorScope(error: ApiError): 'user' | 'account' {
  return error.kind === 'unknown-user' || error.kind === 'bad-request' || error.kind === 'malformed' ? 'user' : 'account';
}

/**
 * Maps an error code (the body's `code`, or else the HTTP status) to its kind.
 * Codes come from Thordata's interface documentation; see thordata-api.md.
 */
export function errorFromCode(code: number, apiMessage: string, username: string | null): ApiError {
  switch (code) {
    case 10013:
    case 10014:
    case 401:
    case 403:
      return { kind: 'auth', code, apiMessage };
    case 10011:
    case 429:
      return { kind: 'rate-limited', code };
    case 10020:
      return { kind: 'unknown-user', code, username };
    case 10017:
    case 402:
      return { kind: 'plan', code };
    case 10001:
      return { kind: 'server', code, apiMessage };
    default:
      if (code >= 500 && code < 600) return { kind: 'server', code, apiMessage };
      return { kind: 'bad-request', code, apiMessage };
  }
}

/** Whether trying again later may help (as opposed to the user changing something). */
export function isTransient(error: ApiError): boolean {
  return (
    error.kind === 'rate-limited' ||
    error.kind === 'server' ||
    error.kind === 'network' ||
    error.kind === 'offline' ||
    error.kind === 'timeout' ||
    error.kind === 'unreadable' ||
    error.kind === 'malformed'
  );
}

export interface ErrorDescription {
  /** What happened, in one sentence. */
  readonly problem: string;
  /** What the user can do about it. */
  readonly remedy: string;
}

function englishBadRequest(code: number, apiMessage: string): string {
  if (code === 10000) return 'Thordata rejected a request parameter (code 10000).';
  if (code === 10021) return 'Thordata refused the date range: queries may not reach back more than 180 days (code 10021).';
  const said = apiMessage ? `: “${apiMessage}”` : '';
  return `Thordata answered with code ${code}${said}.`;
}

function english(error: ApiError): ErrorDescription {
  switch (error.kind) {
    case 'auth':
      return {
        // 10014 is Thordata's "apiKey error": say which credential it refused.
        problem: `Thordata rejected the API ${error.code === 10014 ? 'key' : 'token'} (code ${error.code}).`,
        remedy: 'Copy the token again from Dashboard → My Account and save it in settings.',
      };
    case 'rate-limited':
      return {
        problem: `Thordata says requests are too frequent (code ${error.code}).`,
        remedy: 'Nothing to do: the extension waits and tries again.',
      };
    case 'unknown-user':
      return {
        problem: error.username
          ? `Thordata does not know the proxy user “${error.username}” (code ${error.code}).`
          : `Thordata does not know one of the proxy users (code ${error.code}).`,
        remedy: 'Check Usernames and Proxy type in settings; Thordata may rename mobile users on renewal.',
      };
    case 'plan':
      return {
        problem: `Thordata says the account has no active plan (code ${error.code}).`,
        remedy: 'Recharge or renew the plan in the Thordata dashboard.',
      };
    case 'bad-request':
      return {
        problem: englishBadRequest(error.code, error.apiMessage),
        remedy: 'Check Proxy type, Usernames and API timezone in settings.',
      };
    case 'server':
      return { problem: `Thordata's server failed (code ${error.code}).`, remedy: 'Nothing to do: the extension tries again later.' };
    case 'network':
      return {
        problem: `Could not reach the Thordata API (${error.detail}).`,
        remedy: 'Check the network connection and the API base URL in settings.',
      };
    case 'offline':
      return { problem: 'The browser is offline.', remedy: 'The figures update once the connection is back.' };
    case 'permission':
      return {
        problem: `The browser has not allowed this extension to reach ${error.host}.`,
        remedy: 'Open the settings and press “Allow access”.',
      };
    case 'timeout':
      return {
        problem: `The Thordata API did not answer within ${Math.round(error.afterMs / 1000)} s.`,
        remedy: 'Nothing to do: the extension tries again later.',
      };
    case 'unreadable':
      return {
        problem: `The Thordata API sent an answer that could not be read (${error.detail}).`,
        remedy: 'Check the API base URL in settings; if it is right, the extension tries again later.',
      };
    case 'malformed':
      return {
        problem: `Thordata answered without usable figures (${error.detail}).`,
        remedy: 'Nothing to do: the extension asks again at the next update.',
      };
  }
}

/** Chinese descriptions, registered by locale-zh.ts where a page needs them. */
let chinese: ((error: ApiError) => ErrorDescription) | null = null;

export function registerChineseErrors(describe: (error: ApiError) => ErrorDescription): void {
  chinese = describe;
}

/** A message a user can act on, in their language. Never contains the token (callers pass redacted text). */
export function describeApiError(error: ApiError, locale: Locale = 'en'): ErrorDescription {
  return locale === 'zh-CN' && chinese ? chinese(error) : english(error);
}

/** One line for tooltips and banners. */
export function errorSentence(error: ApiError, locale: Locale = 'en'): string {
  const { problem, remedy } = describeApiError(error, locale);
  return locale === 'zh-CN' ? `${problem}${remedy}` : `${problem} ${remedy}`;
}
