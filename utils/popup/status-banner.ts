import { describeApiError, type ApiError } from '@/utils/api/errors';
import { isStale } from '@/utils/poll/freshness';
import { formatAge, formatClock, formatDuration } from '@/utils/time/local-time';
import { joinSentences, type Language, type Translate } from '@/utils/i18n/i18n';
import type { PollStatus } from '@/utils/poll/status';
import type { Settings } from '@/utils/settings/model';

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

/** Picks the most important state: setup, then any failure, then unknown users, staleness, first load. */
export function statusBanner({ configured, settings, status, now, language }: BannerInput): StatusBanner | null {
  const { locale, t } = language;
  if (!configured) return { tone: 'info', problem: t('popup.notSetUp'), remedy: t('popup.notSetUpRemedy'), needsSettings: true };
  const failure = status.failure;
  if (failure) {
    const { problem, remedy } = describeApiError(failure, t);
    const showing = status.lastSuccessAt === null ? '' : t('popup.showingFrom', [formatAge(status.lastSuccessAt, now, t)]);
    const next = status.retry ? t('popup.nextTry', [formatClock(status.retry.notBefore, locale)]) : '';
    const paused = failure.kind === 'auth' ? t('popup.pausedForToken') : '';
    return {
      tone: failure.kind === 'auth' || failure.kind === 'plan' ? 'danger' : 'warn',
      problem: joinSentences(t, problem, showing),
      remedy: joinSentences(t, remedy, next, paused),
      needsSettings: ['auth', 'bad-request', 'network', 'permission'].includes(failure.kind),
    };
  }
  const userFailures = Object.values(status.userFailures);
  const [first] = userFailures;
  if (first) {
    const { problem, remedy } = describeApiError(first.error, t);
    // The fix lies in the settings when Thordata refused the name; an unusable answer is asked again.
    const needsSettings = userFailures.some((failed) => failed.error.kind !== 'malformed');
    const named =
      userFailures.length === 1
        ? t('aboutUser', [first.username, problem])
        : t('popup.usersFailing', [
            userFailures.length,
            userFailures.map((failed) => t('withProblem', [failed.username, userFailureWords(failed.error, t)])).join(', '),
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
  if (status.lastSuccessAt === null) {
    return { tone: 'info', problem: t('popup.firstLoad'), remedy: t('popup.firstLoadRemedy'), needsSettings: false };
  }
  return null;
}
