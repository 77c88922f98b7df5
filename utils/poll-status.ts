import type { ApiError } from './api-errors';

/** A username Thordata did not know, and when it said so. */
export interface UserFailure {
  readonly error: ApiError;
  readonly at: number;
}

/** When to try again after a transient failure, and how many tries failed in a row. */
export interface RetryPlan {
  readonly attempt: number;
  readonly notBefore: number;
}

/** A poll cycle that has not finished: the usernames still to ask for. */
export interface CycleProgress {
  readonly startedAt: number;
  readonly remaining: readonly string[];
}

/** How polling is going; persisted so every page and every worker wake-up sees it. */
export interface PollStatus {
  readonly lastAttemptAt: number | null;
  /** The last cycle that finished without an account-wide failure. */
  readonly lastSuccessAt: number | null;
  /** When the last request ended, so the next one keeps its distance. */
  readonly lastRequestEndedAt: number | null;
  /** A failure that stopped the last cycle (token, plan, rate limit, network…), or null. */
  readonly failure: ApiError | null;
  /** When the current run of failures began, for "failing for N minutes". */
  readonly failingSince: number | null;
  /** Failures of single users (e.g. an unknown username), by user key. */
  readonly userFailures: Readonly<Record<string, UserFailure>>;
  readonly retry: RetryPlan | null;
  readonly cycle: CycleProgress | null;
}

export const INITIAL_STATUS: PollStatus = {
  lastAttemptAt: null,
  lastSuccessAt: null,
  lastRequestEndedAt: null,
  failure: null,
  failingSince: null,
  userFailures: {},
  retry: null,
  cycle: null,
};

/** The first stored shape (version 1): user failures were bare errors, no retry or cycle. */
export interface PollStatusV1 {
  readonly lastAttemptAt: number | null;
  readonly lastSuccessAt: number | null;
  readonly lastRequestEndedAt: number | null;
  readonly failure: ApiError | null;
  readonly userFailures: Readonly<Record<string, ApiError>>;
}

export function migratePollStatusV1(old: PollStatusV1): PollStatus {
  const userFailures: Record<string, UserFailure> = {};
  for (const [key, error] of Object.entries(old.userFailures ?? {})) {
    userFailures[key] = { error, at: old.lastAttemptAt ?? 0 };
  }
  return {
    ...INITIAL_STATUS,
    lastAttemptAt: old.lastAttemptAt ?? null,
    lastSuccessAt: old.lastSuccessAt ?? null,
    lastRequestEndedAt: old.lastRequestEndedAt ?? null,
    failure: old.failure ?? null,
    failingSince: old.failure ? (old.lastAttemptAt ?? null) : null,
    userFailures,
  };
}
