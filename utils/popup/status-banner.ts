import { describeApiError, type ApiError } from '@/utils/api/errors';
import { isStale } from '@/utils/poll/freshness';
import { formatAge, formatClock, formatDuration } from '@/utils/time/local-time';
import { joinSentences, type Language, type Translate } from '@/utils/i18n/i18n';
import { accountStatus, type PollStatus, type Stoppage, type UserFailure } from '@/utils/poll/status';
import type { Settings } from '@/utils/settings/model';
import { accountName } from '@/utils/settings/watched';

export type BannerTone = 'danger' | 'warn' | 'info';

/** The one thing the popup must say before any figure, and the way out. */
export interface StatusBanner {
  readonly tone: BannerTone;
  readonly problem: string;
  readonly remedy: string;
  /** Whether the fix lies in the settings page. */
  readonly needsSettings: boolean;
}

export interface BannerInput {
  readonly configured: boolean;
  readonly settings: Settings;
  readonly status: PollStatus;
  readonly now: number;
  readonly language: Language;
}

/** A few words on a user's row: why it has no fresh figure. */
export function userFailureWords(error: ApiError, t: Translate): string {
  if (error.kind === 'unknown-user') return t('popup.userUnknown');
  if (error.kind === 'malformed') return t('popup.userUnusable');
  return t('popup.userRefused', ['code' in error ? error.code : '?']);
}

function toneOf(failure: ApiError): BannerTone {
  return failure.kind === 'auth' || failure.kind === 'plan' ? 'danger' : 'warn';
}

/** Whether the fix of a failure that stops requests lies in the settings page. */
function fixedInSettings(failure: ApiError): boolean {
  return ['auth', 'bad-request', 'network', 'permission'].includes(failure.kind);
}

/** What to do, and when the next try is: a stopped account's or everyone's. */
function remedyOf(failure: ApiError, stoppage: Stoppage, { locale, t }: Language): string {
  const next = stoppage.retry ? t('popup.nextTry', [formatClock(stoppage.retry.notBefore, locale)]) : '';
  const paused = failure.kind === 'auth' ? t('popup.pausedForToken') : '';
  return joinSentences(t, describeApiError(failure, t).remedy, next, paused);
}

/** A failure that stops requests, worded with what it leaves on screen (figures from when). */
function describeStoppage(failure: ApiError, stoppage: Stoppage, lastSuccessAt: number | null, now: number, language: Language): StatusBanner {
  const { t } = language;
  const showing = lastSuccessAt === null ? '' : t('popup.showingFrom', [formatAge(lastSuccessAt, now, t)]);
  return {
    tone: toneOf(failure),
    problem: joinSentences(t, describeApiError(failure, t).problem, showing),
    remedy: remedyOf(failure, stoppage, language),
    needsSettings: fixedInSettings(failure),
  };
}

/** One account's failure, where several accounts are watched: shown on its group, and named in a line at the top. */
export interface AccountProblem {
  readonly account: string;
  /** Its label, or "Account N". */
  readonly name: string;
  readonly tone: BannerTone;
  /** What went wrong, in a sentence. */
  readonly problem: string;
  /** Its fix and when the next try is. */
  readonly remedy: string;
  readonly needsSettings: boolean;
}

/**
 * The accounts whose own requests are stopped (a rejected token, no plan, a rate limit…), in the
 * settings' order. Empty with one account, whose failure is the top banner's as it concerns
 * every figure shown.
 */
export function accountProblems({ settings, status, language }: BannerInput): AccountProblem[] {
  const { t } = language;
  return settings.accounts.flatMap((account) => {
    const name = accountName(settings, account.id, (n) => t('account.unnamed', [n]));
    const state = accountStatus(status, account.id);
    if (name === null || state.failure === null) return [];
    const failure = state.failure;
    return [
      {
        account: account.id,
        name,
        tone: toneOf(failure),
        problem: describeApiError(failure, t).problem,
        remedy: remedyOf(failure, state, language),
        needsSettings: fixedInSettings(failure),
      },
    ];
  });
}

/**
 * Picks the most important state that concerns every figure: setup, then what stops every
 * account (offline, no host access; with one account, that account's failure too), then failing
 * users, a background error, staleness, first load. Several accounts' own failures are
 * `accountProblems`, not this banner's.
 */
export function statusBanner(input: BannerInput): StatusBanner | null {
  const { configured, settings, status, now, language } = input;
  const { t } = language;
  if (!configured) return { tone: 'info', problem: t('popup.notSetUp'), remedy: t('popup.notSetUpRemedy'), needsSettings: true };
  if (status.failure) return describeStoppage(status.failure, status, status.lastSuccessAt, now, language);
  const [only] = settings.accounts;
  if (settings.accounts.length === 1 && only) {
    const state = accountStatus(status, only.id);
    if (state.failure) return describeStoppage(state.failure, state, state.lastSuccessAt ?? status.lastSuccessAt, now, language);
  }
  const nameOf = (account: string) => accountName(settings, account, (n) => t('account.unnamed', [n]));
  const userName = (failed: UserFailure) => {
    const account = nameOf(failed.account);
    return account === null ? failed.username : t('userOfAccount', [failed.username, account]);
  };
  const userFailures = Object.values(status.userFailures);
  const [first] = userFailures;
  if (first) {
    const { problem, remedy } = describeApiError(first.error, t);
    // The fix lies in the settings when Thordata refused the name; an unusable answer is asked again.
    const needsSettings = userFailures.some((failed) => failed.error.kind !== 'malformed');
    const named =
      userFailures.length === 1
        ? t('aboutUser', [userName(first), problem])
        : t('popup.usersFailing', [
            userFailures.length,
            userFailures.map((failed) => t('withProblem', [userName(failed), userFailureWords(failed.error, t)])).join(', '),
          ]);
    return { tone: 'warn', problem: named, remedy: userFailures.length === 1 ? remedy : '', needsSettings };
  }
  if (status.backgroundError) {
    return {
      tone: 'warn',
      problem: t('popup.backgroundError', [status.backgroundError.detail]),
      remedy: t('popup.backgroundErrorRemedy'),
      needsSettings: false,
    };
  }
  if (isStale(status, settings, now) && status.lastSuccessAt !== null) {
    return {
      tone: 'warn',
      problem: t('popup.staleProblem', [formatDuration(now - status.lastSuccessAt, t)]),
      remedy: t('popup.staleRemedy'),
      needsSettings: false,
    };
  }
  // An account that failed before bringing anything says so on its own line, not "fetching".
  if (status.lastSuccessAt === null && accountProblems(input).length === 0) {
    return { tone: 'info', problem: t('popup.firstLoad'), remedy: t('popup.firstLoadRemedy'), needsSettings: false };
  }
  return null;
}
