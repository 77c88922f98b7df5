import { upgradeApiError, type ApiError, type StoredApiError } from '@/utils/api/errors';
import type { ProxyType } from '@/utils/api/thordata-client';
import { FIRST_ACCOUNT_ID } from '@/utils/settings/model';
import type { WatchKey } from '@/utils/settings/watched';

/** A watched user whose last request failed in a way that concerns only that user, and when. */
export interface UserFailure {
  readonly account: string;
  readonly proxyType: ProxyType;
  readonly username: string;
  readonly error: ApiError;
  readonly at: number;
}

/**
 * A watched user whose daily figures (the daily endpoint) could not be read, for a reason that
 * concerns that user's request alone, and when: asked again after a wait, never at every cycle.
 */
export interface DailyFailure {
  readonly error: ApiError;
  readonly at: number;
}

/** When to try again after a transient failure, and how many tries failed in a row. */
export interface RetryPlan {
  readonly attempt: number;
  readonly notBefore: number;
}

/** A poll cycle that has not finished: the watched users (by key) still to ask for. */
export interface CycleProgress {
  readonly startedAt: number;
  readonly remaining: readonly WatchKey[];
}

/**
 * A failure that stops requests until a retry or a change of settings: for one account (its
 * token, its plan, Thordata asking it to wait, the way to the API failing on its request), or
 * for all before any request (offline, the API's host not granted).
 */
export interface Stoppage {
  readonly failure: ApiError | null;
  /** When the current run of failures began, for "failing for N minutes". */
  readonly failingSince: number | null;
  readonly retry: RetryPlan | null;
}

/** How polling goes for one account. */
export interface AccountPollStatus extends Stoppage {
  /** The last request of this account's users that brought figures. */
  readonly lastSuccessAt: number | null;
}

export const HEALTHY_ACCOUNT: AccountPollStatus = { failure: null, failingSince: null, retry: null, lastSuccessAt: null };

/** A background task that failed in a way no rule foresaw: shown in the popup, never with the token. */
export interface BackgroundError {
  readonly detail: string;
  readonly at: number;
}

/**
 * How polling is going; persisted so every page and every worker wake-up sees it. Its own
 * `failure` is what stopped every account before a request (offline, no host access); each
 * account's failures are in `accounts`.
 */
export interface PollStatus extends Stoppage {
  /** When the last poll began: alarms count freshness from it. */
  readonly lastAttemptAt: number | null;
  /** The last cycle that brought figures. */
  readonly lastSuccessAt: number | null;
  /** When the last request ended, so the next one keeps its distance. */
  readonly lastRequestEndedAt: number | null;
  /** By account id; an account without an entry is healthy and has not been asked yet. */
  readonly accounts: Readonly<Record<string, AccountPollStatus>>;
  /** Failures of single users (an unknown username, an unusable answer), by watch key. */
  readonly userFailures: Readonly<Record<WatchKey, UserFailure>>;
  /** Failures of single users' daily figures, by watch key: they mark those figures only. */
  readonly dailyFailures: Readonly<Record<WatchKey, DailyFailure>>;
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
  retry: null,
  accounts: {},
  userFailures: {},
  dailyFailures: {},
  cycle: null,
  backgroundError: null,
};

export function accountStatus(status: PollStatus, account: string): AccountPollStatus {
  return status.accounts[account] ?? HEALTHY_ACCOUNT;
}

/** The failures that stop polling: everyone's, then each account's with its id. */
export function stoppages(status: PollStatus): { account: string | null; stoppage: Stoppage }[] {
  return [
    ...(status.failure ? [{ account: null, stoppage: status as Stoppage }] : []),
    ...Object.entries(status.accounts)
      .filter(([, state]) => state.failure !== null)
      .map(([account, stoppage]) => ({ account, stoppage })),
  ];
}

/**
 * When the single retry alarm should fire: the earliest wait to end. While nothing can be asked
 * for anyone (offline), only that wait counts: an account's wait that ended meanwhile would
 * otherwise set the alarm in the past, again at every look.
 */
export function nextRetryAt(status: PollStatus): number | null {
  const waits = status.retry ? [status] : stoppages(status).map(({ stoppage }) => stoppage);
  const times = waits.flatMap((stoppage) => (stoppage.retry ? [stoppage.retry.notBefore] : []));
  return times.length > 0 ? Math.min(...times) : null;
}

/** A status with every wait ended and no cycle to resume: what new settings start from. */
export function withRetriesEnded(status: PollStatus): PollStatus {
  const accounts = Object.fromEntries(Object.entries(status.accounts).map(([id, state]) => [id, { ...state, retry: null }]));
  return { ...status, retry: null, accounts, cycle: null };
}

/** The first stored shape (version 1): user failures were bare errors, no retry or cycle. */
export interface PollStatusV1 {
  readonly lastAttemptAt: number | null;
  readonly lastSuccessAt: number | null;
  readonly lastRequestEndedAt: number | null;
  readonly failure: StoredApiError | null;
  readonly userFailures: Readonly<Record<string, StoredApiError>>;
}

/** Version 2: user failures without their username, no background error. */
export interface PollStatusV2 extends Omit<PollStatusV3, 'userFailures' | 'backgroundError'> {
  readonly userFailures: Readonly<Record<string, { readonly error: StoredApiError; readonly at: number }>>;
}

/** A user key is `proxyType:username` (usage/cache.ts); the name is everything after the first colon. */
function usernameOfKey(key: string): string {
  return key.slice(key.indexOf(':') + 1);
}

export function migratePollStatusV1(old: PollStatusV1): PollStatusV2 {
  const userFailures: Record<string, { error: StoredApiError; at: number }> = {};
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

export function migratePollStatusV2(old: PollStatusV2): PollStatusV3 {
  const userFailures: Record<string, PollStatusV3['userFailures'][string]> = {};
  for (const [key, failed] of Object.entries(old.userFailures ?? {})) {
    userFailures[key] = { username: usernameOfKey(key), error: failed.error, at: failed.at };
  }
  return { ...old, userFailures, backgroundError: null };
}

/** Version 3: an unusable answer's detail was English words. */
export interface PollStatusV3 extends Omit<PollStatusV4, 'failure' | 'userFailures'> {
  readonly failure: StoredApiError | null;
  readonly userFailures: Readonly<Record<string, { readonly username: string; readonly at: number; readonly error: StoredApiError }>>;
}

export function migratePollStatusV3(old: PollStatusV3): PollStatusV4 {
  const userFailures: Record<string, PollStatusV4['userFailures'][string]> = {};
  for (const [key, failed] of Object.entries(old.userFailures ?? {})) userFailures[key] = { ...failed, error: upgradeApiError(failed.error) };
  return { ...old, failure: old.failure ? upgradeApiError(old.failure) : null, userFailures };
}

/** Version 4: one account, its users keyed `proxyType:username`, its failure the status's own. */
export interface PollStatusV4 extends Stoppage {
  readonly lastAttemptAt: number | null;
  readonly lastSuccessAt: number | null;
  readonly lastRequestEndedAt: number | null;
  readonly userFailures: Readonly<Record<string, { readonly username: string; readonly error: ApiError; readonly at: number }>>;
  readonly cycle: { readonly startedAt: number; readonly remaining: readonly string[] } | null;
  readonly backgroundError: BackgroundError | null;
}

/** What stopped every account before a request, rather than one account's request. */
function stopsEveryone(error: ApiError): boolean {
  return error.kind === 'offline' || error.kind === 'permission';
}

/**
 * The single account becomes the first (settings/repair.ts), its users' keys gain its id, and
 * its failure becomes that account's, unless nothing was asked (offline, no host access). The
 * unfinished cycle is dropped: its usernames do not say which product they were asked under.
 */
export function migratePollStatusV4(old: PollStatusV4): PollStatusV5 {
  const userFailures: Record<WatchKey, UserFailure> = {};
  for (const [key, failed] of Object.entries(old.userFailures ?? {})) {
    const proxyType = Number(key.slice(0, key.indexOf(':')));
    if (proxyType !== 1 && proxyType !== 2 && proxyType !== 3) continue;
    userFailures[`${FIRST_ACCOUNT_ID}/${key}`] = { ...failed, account: FIRST_ACCOUNT_ID, proxyType };
  }
  const stoppage: Stoppage = { failure: old.failure ?? null, failingSince: old.failingSince ?? null, retry: old.retry ?? null };
  const everyone = stoppage.failure !== null && stopsEveryone(stoppage.failure);
  return {
    lastAttemptAt: old.lastAttemptAt ?? null,
    lastSuccessAt: old.lastSuccessAt ?? null,
    lastRequestEndedAt: old.lastRequestEndedAt ?? null,
    ...(everyone ? stoppage : { failure: null, failingSince: null, retry: null }),
    accounts: everyone || stoppage.failure === null ? {} : { [FIRST_ACCOUNT_ID]: { ...stoppage, lastSuccessAt: old.lastSuccessAt ?? null } },
    userFailures,
    cycle: null,
    backgroundError: old.backgroundError ?? null,
  };
}

/** Version 5: before the daily figures, so no failure of theirs. */
export type PollStatusV5 = Omit<PollStatus, 'dailyFailures'>;

export function migratePollStatusV5(old: PollStatusV5): PollStatus {
  return { ...old, dailyFailures: {} };
}
