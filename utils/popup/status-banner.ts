import { describeApiError } from '@/utils/api/errors';
import { isStale } from '@/utils/poll/freshness';
import { formatAge, formatClock, formatDuration } from '@/utils/time/local-time';
import type { Locale } from '@/utils/i18n/locale';
import type { PollStatus } from '@/utils/poll/status';
import { popupText } from './popup-text';
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
  readonly locale?: Locale;
}

/** Picks the most important state: setup, then any failure, then unknown users, staleness, first load. */
export function statusBanner({ configured, settings, status, now, locale = 'en' }: BannerInput): StatusBanner | null {
  const text = popupText(locale);
  if (!configured) return { tone: 'info', problem: text.notSetUp, remedy: text.notSetUpRemedy, needsSettings: true };
  const failure = status.failure;
  if (failure) {
    const { problem, remedy } = describeApiError(failure, locale);
    const showing = status.lastSuccessAt === null ? '' : text.showingFrom(formatAge(status.lastSuccessAt, now, locale));
    const next = status.retry ? text.nextTry(formatClock(status.retry.notBefore)) : '';
    const paused = failure.kind === 'auth' ? text.pausedForToken : '';
    return {
      tone: failure.kind === 'auth' || failure.kind === 'plan' ? 'danger' : 'warn',
      problem: `${problem}${showing}`,
      remedy: `${remedy}${next}${paused}`,
      needsSettings: ['auth', 'bad-request', 'network', 'permission'].includes(failure.kind),
    };
  }
  const userFailures = Object.values(status.userFailures);
  const [first] = userFailures;
  if (first) {
    const { problem, remedy } = describeApiError(first.error, locale);
    // The fix lies in the settings when Thordata refused the name; an unusable answer is asked again.
    const needsSettings = userFailures.some((failed) => failed.error.kind !== 'malformed');
    const named =
      userFailures.length === 1
        ? text.aboutUser(first.username, problem)
        : text.usersFailing(userFailures.length, userFailures.map((failed) => `${failed.username}${text.userProblem(text.userFailed(failed.error))}`).join(', '));
    return { tone: 'warn', problem: named, remedy: userFailures.length === 1 ? remedy : '', needsSettings };
  }
  if (status.backgroundError) {
    return { tone: 'warn', problem: text.backgroundError(status.backgroundError.detail), remedy: text.backgroundErrorRemedy, needsSettings: false };
  }
  if (isStale(status, settings, now) && status.lastSuccessAt !== null) {
    return {
      tone: 'warn',
      problem: text.staleProblem(formatDuration(now - status.lastSuccessAt, locale)),
      remedy: text.staleRemedy,
      needsSettings: false,
    };
  }
  if (status.lastSuccessAt === null) {
    return { tone: 'info', problem: text.firstLoad, remedy: text.firstLoadRemedy, needsSettings: false };
  }
  return null;
}
