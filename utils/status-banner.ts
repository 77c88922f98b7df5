import { describeApiError } from './api-errors';
import type { PollStatus } from './poll-status';

export type BannerTone = 'danger' | 'warn' | 'info';

/** The one thing the popup must say before any figure, and the way out. */
export interface StatusBanner {
  readonly tone: BannerTone;
  readonly problem: string;
  readonly remedy: string;
  /** Whether the fix lies in the settings page. */
  readonly needsSettings: boolean;
}

/** Picks the most important state: setup, then rejected token, then any failure, then first load. */
export function statusBanner(configured: boolean, status: PollStatus): StatusBanner | null {
  if (!configured) {
    return {
      tone: 'info',
      problem: 'Not set up yet.',
      remedy: 'Enter your Thordata API token and the proxy usernames to watch.',
      needsSettings: true,
    };
  }
  const failure = status.failure;
  if (failure) {
    const { problem, remedy } = describeApiError(failure);
    const fixable = failure.kind === 'auth' || failure.kind === 'bad-request' || failure.kind === 'network';
    return {
      tone: failure.kind === 'auth' || failure.kind === 'plan' ? 'danger' : 'warn',
      problem: status.lastSuccessAt === null ? problem : `${problem} Showing the last figures fetched.`,
      remedy,
      needsSettings: fixable,
    };
  }
  const userFailure = Object.values(status.userFailures)[0];
  if (userFailure) {
    const { problem, remedy } = describeApiError(userFailure);
    return { tone: 'warn', problem, remedy, needsSettings: true };
  }
  if (status.lastSuccessAt === null) {
    return { tone: 'info', problem: 'Fetching the first figures…', remedy: 'This takes a few seconds per username.', needsSettings: false };
  }
  return null;
}
