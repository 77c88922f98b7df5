import type { Translate } from '@/utils/i18n/i18n';

/**
 * What made an answer unusable, as a kind (and its facts) rather than words: stored in the poll
 * status, and worded by `describeAnswerDetail` in the reader's language.
 */
export type AnswerDetail =
  | {
      readonly kind:
        | 'html-page'
        | 'incomplete-json'
        | 'empty-body'
        | 'not-json'
        | 'no-result-code'
        | 'no-data-object'
        | 'no-hourly-rows'
        | 'no-daily-rows'
        | 'invalid-row-date'
        | 'invalid-day-row-date'
        | 'no-user-list'
        | 'nameless-user'
        | 'no-traffic-balance'
        | 'no-wallet-balance';
    }
  | { readonly kind: 'invalid-figure'; readonly date: string };

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
  /** The API base URL is one this build may not send the token to: nothing was sent. */
  | { readonly kind: 'address-refused' }
  | { readonly kind: 'timeout'; readonly afterMs: number }
  /** The body is not Thordata's JSON envelope (a gateway page, a cut-off body): the way there is broken. */
  | { readonly kind: 'unreadable'; readonly detail: AnswerDetail }
  /** The envelope said 200 but its data holds no usable figures: that one answer is broken. */
  | { readonly kind: 'malformed'; readonly detail: AnswerDetail };

export type ApiErrorKind = ApiError['kind'];

/** An error as versions before `AnswerDetail` stored it: an unusable answer's detail in English words. */
export type StoredApiError =
  | ApiError
  | { readonly kind: 'unreadable'; readonly detail: string }
  | { readonly kind: 'malformed'; readonly detail: string };

/** Every detail those versions wrote (utils/api/answers.ts), but the figure's, which names its hour. */
const WORDED_DETAILS: Readonly<Record<string, AnswerDetail>> = {
  'an HTML page instead of JSON': { kind: 'html-page' },
  'incomplete JSON': { kind: 'incomplete-json' },
  'an empty body': { kind: 'empty-body' },
  'text that is not JSON': { kind: 'not-json' },
  'no result code': { kind: 'no-result-code' },
  'no data object': { kind: 'no-data-object' },
  'no hourly rows': { kind: 'no-hourly-rows' },
  'an hourly row without a valid date': { kind: 'invalid-row-date' },
  'no user list': { kind: 'no-user-list' },
  'a user without a name': { kind: 'nameless-user' },
  'no traffic balance': { kind: 'no-traffic-balance' },
};
const WORDED_FIGURE = /^an invalid traffic figure for (.+)$/;

/** A stored error of any version as the current one: a worded detail becomes its kind again. */
export function upgradeApiError(error: StoredApiError): ApiError {
  if (error.kind !== 'unreadable' && error.kind !== 'malformed') return error;
  const { kind, detail } = error;
  if (typeof detail !== 'string') return { kind, detail };
  const figure = WORDED_FIGURE.exec(detail);
  const known = figure?.[1] === undefined ? WORDED_DETAILS[detail] : { kind: 'invalid-figure' as const, date: figure[1] };
  // Only this extension wrote these details; a text none of them matches says at least which way it failed.
  return { kind, detail: known ?? (kind === 'unreadable' ? { kind: 'not-json' } : { kind: 'no-data-object' }) };
}

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

function badRequest(code: number, apiMessage: string, t: Translate): string {
  if (code === 10000) return t('error.badParameter');
  if (code === 10021) return t('error.badDateRange');
  return apiMessage ? t('error.badRequestSaid', [code, apiMessage]) : t('error.badRequest', [code]);
}

/** What an answer lacked, in the reader's language. */
export function describeAnswerDetail(detail: AnswerDetail, t: Translate): string {
  switch (detail.kind) {
    case 'html-page':
      return t('detail.htmlPage');
    case 'incomplete-json':
      return t('detail.incompleteJson');
    case 'empty-body':
      return t('detail.emptyBody');
    case 'not-json':
      return t('detail.notJson');
    case 'no-result-code':
      return t('detail.noResultCode');
    case 'no-data-object':
      return t('detail.noDataObject');
    case 'no-hourly-rows':
      return t('detail.noHourlyRows');
    case 'no-daily-rows':
      return t('detail.noDailyRows');
    case 'invalid-row-date':
      return t('detail.invalidRowDate');
    case 'invalid-day-row-date':
      return t('detail.invalidDayRowDate');
    case 'invalid-figure':
      return t('detail.invalidFigure', [detail.date]);
    case 'no-user-list':
      return t('detail.noUserList');
    case 'nameless-user':
      return t('detail.namelessUser');
    case 'no-traffic-balance':
      return t('detail.noTrafficBalance');
    case 'no-wallet-balance':
      return t('detail.noWalletBalance');
  }
}

/** A message a user can act on, in their language. Never contains the token (callers pass redacted text). */
export function describeApiError(error: ApiError, t: Translate): ErrorDescription {
  switch (error.kind) {
    case 'auth':
      // 10014 is Thordata's "apiKey error": say which credential it refused.
      return { problem: t(error.code === 10014 ? 'error.authKey' : 'error.authToken', [error.code]), remedy: t('error.authRemedy') };
    case 'rate-limited':
      return { problem: t('error.rateLimited', [error.code]), remedy: t('error.rateLimitedRemedy') };
    case 'unknown-user':
      return {
        problem: error.username ? t('error.unknownUser', [error.username, error.code]) : t('error.unknownSomeUser', [error.code]),
        remedy: t('error.unknownUserRemedy'),
      };
    case 'plan':
      return { problem: t('error.plan', [error.code]), remedy: t('error.planRemedy') };
    case 'bad-request':
      return { problem: badRequest(error.code, error.apiMessage, t), remedy: t('error.badRequestRemedy') };
    case 'server':
      return { problem: t('error.server', [error.code]), remedy: t('error.laterRemedy') };
    case 'network':
      return { problem: t('error.network', [error.detail]), remedy: t('error.networkRemedy') };
    case 'offline':
      return { problem: t('error.offline'), remedy: t('error.offlineRemedy') };
    case 'permission':
      return { problem: t('error.permission', [error.host]), remedy: t('error.permissionRemedy') };
    case 'address-refused':
      return { problem: t('error.addressRefused'), remedy: t('error.addressRefusedRemedy') };
    case 'timeout':
      return { problem: t('error.timeout', [Math.round(error.afterMs / 1000)]), remedy: t('error.laterRemedy') };
    case 'unreadable':
      return { problem: t('error.unreadable', [describeAnswerDetail(error.detail, t)]), remedy: t('error.unreadableRemedy') };
    case 'malformed':
      return { problem: t('error.malformed', [describeAnswerDetail(error.detail, t)]), remedy: t('error.malformedRemedy') };
  }
}

/** One line for tooltips and banners. */
export function errorSentence(error: ApiError, t: Translate): string {
  const { problem, remedy } = describeApiError(error, t);
  return t('sentences', [problem, remedy]);
}
