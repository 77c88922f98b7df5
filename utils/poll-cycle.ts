import type { ApiError } from './api-errors';
import type { ApiTimezone } from './api-timezone';
import { hourKeyAt, HOUR_MS, type HourKey } from './hour-keys';
import type { PollStatus } from './poll-status';
import type { Settings } from './settings';
import type { ThordataClient } from './thordata-client';
import {
  keepUsers,
  mergeAnswer,
  pruneUsage,
  userKey,
  userUsage,
  withUser,
  type UsageCache,
  type UserUsage,
} from './usage-cache';

/** Thordata answers 10011 to clients that call a few seconds apart; keep our distance. */
export const MIN_REQUEST_GAP_MS = 1500;

/** The first poll of a user fetches the widest chart window. */
export const FIRST_FETCH_HOURS = 72;

/**
 * Waits until the gap since the last request has passed. Checks the clock again
 * after each sleep, because timers may fire a little early.
 */
export async function keepRequestGap(
  lastRequestEndedAt: number | null,
  clock: { now: () => number; sleep: (ms: number) => Promise<void> },
): Promise<void> {
  if (lastRequestEndedAt === null) return;
  const target = lastRequestEndedAt + MIN_REQUEST_GAP_MS;
  for (let wait = target - clock.now(); wait > 0; wait = target - clock.now()) await clock.sleep(wait);
}

export interface PollState {
  readonly cache: UsageCache;
  readonly status: PollStatus;
}

export interface PollDeps {
  readonly client: ThordataClient;
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  /** Persists progress after each answer, so a worker stopped mid-cycle loses nothing. */
  readonly save: (state: PollState) => Promise<void>;
}

/**
 * The hours to ask for: the whole chart window the first time; afterwards, from the
 * hour the previous answer was still growing in (or the last complete hour, if
 * earlier) up to the current hour.
 */
export function requestRange(usage: UserUsage, now: number, tz: ApiTimezone): { from: HourKey; to: HourKey } {
  const windowStart = now - (FIRST_FETCH_HOURS - 1) * HOUR_MS;
  const resumeFrom = usage.fetchedAt === null ? windowStart : Math.min(usage.fetchedAt, now - HOUR_MS);
  return { from: hourKeyAt(Math.max(windowStart, resumeFrom), tz), to: hourKeyAt(now, tz) };
}

function without(record: Readonly<Record<string, ApiError>>, key: string): Record<string, ApiError> {
  const copy = { ...record };
  delete copy[key];
  return copy;
}

/**
 * One poll: each watched user in turn, one request at a time, spaced apart.
 * A failure that concerns the whole account (token, plan, rate limit, network)
 * stops the cycle; an unknown username is noted and the others go on. Cached
 * hours are only ever merged into, never dropped because of a failure.
 */
export async function runPollCycle(settings: Settings, state: PollState, deps: PollDeps): Promise<PollState> {
  const keys = settings.usernames.map((name) => userKey(settings.proxyType, name));
  let cache = keepUsers(state.cache, keys);
  let userFailures: Record<string, ApiError> = {};
  for (const key of keys) {
    const known = state.status.userFailures[key];
    if (known) userFailures[key] = known;
  }
  let status: PollStatus = { ...state.status, lastAttemptAt: deps.now(), userFailures };
  let failure: ApiError | null = null;

  for (const username of settings.usernames) {
    const key = userKey(settings.proxyType, username);
    await keepRequestGap(status.lastRequestEndedAt, deps);
    const range = requestRange(userUsage(cache, key), deps.now(), settings.apiTimezone);
    const result = await deps.client.hourlyUsage({ proxyType: settings.proxyType, username, ...range });
    const endedAt = deps.now();
    if (result.ok) {
      const merged = mergeAnswer(userUsage(cache, key), {
        rows: result.value.rows,
        fetchedAt: endedAt,
        trafficLimitKb: result.value.trafficLimitKb,
        trafficBalanceKb: result.value.trafficBalanceKb,
      });
      cache = withUser(cache, key, pruneUsage(merged, endedAt, settings.apiTimezone));
      userFailures = without(userFailures, key);
    } else if (result.error.kind === 'unknown-user') {
      userFailures = { ...userFailures, [key]: result.error };
    } else {
      failure = result.error;
    }
    status = { ...status, lastRequestEndedAt: endedAt, userFailures };
    if (failure !== null) break;
    await deps.save({ cache, status });
  }

  status = {
    ...status,
    failure,
    lastSuccessAt: failure === null ? deps.now() : status.lastSuccessAt,
  };
  const final = { cache, status };
  await deps.save(final);
  return final;
}
