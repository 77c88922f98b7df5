import type { ApiError } from '@/utils/api/errors';

/** A watched user whose last request failed in a way that concerns only that user, and when. */
export interface UserFailure {
  readonly username: string;
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

/** A background task that failed in a way no rule foresaw: shown in the popup, never with the token. */
export interface BackgroundError {
  readonly detail: string;
  readonly at: number;
}

/** How polling is going; persisted so every page and every worker wake-up sees it. */
export interface PollStatus {
  readonly lastAttemptAt: number | null;
  /** The last cycle that brought figures and ended without an account-wide failure. */
  readonly lastSuccessAt: number | null;
  /** When the last request ended, so the next one keeps its distance. */
  readonly lastRequestEndedAt: number | null;
  /** An account-wide failure that stopped the last cycle (token, plan, rate limit, network…), or null. */
  readonly failure: ApiError | null;
  /** When the current run of failures began, for "failing for N minutes". */
  readonly failingSince: number | null;
  /** Failures of single users (an unknown username, an unusable answer), by user key. */
  readonly userFailures: Readonly<Record<string, UserFailure>>;
  readonly retry: RetryPlan | null;
  readonly cycle: CycleProgress | null;
  /** Cleared by the next poll that runs. */
  readonly backgroundError: BackgroundError | null;
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
  backgroundError: null,
};

/** The first stored shape (version 1): user failures were bare errors, no retry or cycle. */
export interface PollStatusV1 {
  readonly lastAttemptAt: number | null;
  readonly lastSuccessAt: number | null;
  readonly lastRequestEndedAt: number | null;
  readonly failure: ApiError | null;
  readonly userFailures: Readonly<Record<string, ApiError>>;
}

/** Version 2: user failures without their username, no background error. */
export interface PollStatusV2 extends Omit<PollStatus, 'userFailures' | 'backgroundError'> {
  readonly userFailures: Readonly<Record<string, { readonly error: ApiError; readonly at: number }>>;
}

/** A user key is `proxyType:username` (usage/cache.ts); the name is everything after the first colon. */
function usernameOfKey(key: string): string {
  return key.slice(key.indexOf(':') + 1);
}

export function migratePollStatusV1(old: PollStatusV1): PollStatusV2 {
  const userFailures: Record<string, { error: ApiError; at: number }> = {};
  for (const [key, error] of Object.entries(old.userFailures ?? {})) {
    userFailures[key] = { error, at: old.lastAttemptAt ?? 0 };
  }
  return {
    lastAttemptAt: old.lastAttemptAt ?? null,
    lastSuccessAt: old.lastSuccessAt ?? null,
    lastRequestEndedAt: old.lastRequestEndedAt ?? null,
    failure: old.failure ?? null,
    failingSince: old.failure ? (old.lastAttemptAt ?? null) : null,
    userFailures,
    retry: null,
    cycle: null,
  };
}

export function migratePollStatusV2(old: PollStatusV2): PollStatus {
  const userFailures: Record<string, UserFailure> = {};
  for (const [key, failed] of Object.entries(old.userFailures ?? {})) {
    userFailures[key] = { username: usernameOfKey(key), error: failed.error, at: failed.at };
  }
  return { ...INITIAL_STATUS, ...old, userFailures, backgroundError: null };
}
