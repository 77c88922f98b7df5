import { describeApiError } from './api-errors';
import { isStale } from './freshness';
import { formatClock, formatDuration } from './local-time';
import type { PollStatus } from './poll-status';
import type { Settings } from './settings';

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
}

/** Picks the most important state: setup, then any failure, then unknown users, staleness, first load. */
export function statusBanner({ configured, settings, status, now }: BannerInput): StatusBanner | null {
  if (!configured) {
    return {
      tone: 'info',
      problem: 'Not set up yet.',
      remedy: 'Enter your Thordata API token and the proxy usernames to watch.',
      needsSettings: true,
    };
  }
  const failure = status.failure;
  const age = status.lastSuccessAt === null ? null : formatDuration(now - status.lastSuccessAt);
  const showing = age === null ? '' : ` Showing the figures from ${age === '0 min' ? 'just now' : `${age} ago`}.`;
  if (failure) {
    const { problem, remedy } = describeApiError(failure);
    const next = status.retry ? ` Next try at ${formatClock(status.retry.notBefore)}.` : '';
    const paused = failure.kind === 'auth' ? ' Polling is paused until the token changes.' : '';
    return {
      tone: failure.kind === 'auth' || failure.kind === 'plan' ? 'danger' : 'warn',
      problem: `${problem}${showing}`,
      remedy: `${remedy}${next}${paused}`,
      needsSettings: failure.kind === 'auth' || failure.kind === 'bad-request' || failure.kind === 'network',
    };
  }
  const userFailure = Object.values(status.userFailures)[0];
  if (userFailure) {
    const { problem, remedy } = describeApiError(userFailure.error);
    return { tone: 'warn', problem, remedy, needsSettings: true };
  }
  if (isStale(status, settings, now)) {
    return {
      tone: 'warn',
      problem: `These figures are ${age ?? ''} old.`,
      remedy: 'The browser may have been asleep or offline; press Refresh to update now.',
      needsSettings: false,
    };
  }
  if (status.lastSuccessAt === null) {
    return { tone: 'info', problem: 'Fetching the first figures…', remedy: 'This takes a few seconds per username.', needsSettings: false };
  }
  return null;
}
