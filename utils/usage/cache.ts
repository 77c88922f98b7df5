import type { HourRow } from '@/utils/api/answers';
import { formatApiTimezone, type ApiTimezone } from '@/utils/time/api-timezone';
import { hourKeyAt, type HourKey } from '@/utils/time/hour-keys';
import { HOUR_MS } from '@/utils/base/durations';
import { FIRST_ACCOUNT_ID } from '@/utils/settings/model';
import type { WatchKey } from '@/utils/settings/watched';
import { kb, type Kb } from '@/utils/base/units';

/** What is known of one proxy user: hourly KB by API hour key. */
export interface UserUsage {
  readonly hours: Readonly<Record<HourKey, Kb>>;
  /** When the last successful answer for this user arrived. */
  readonly fetchedAt: number | null;
  readonly trafficLimitKb: Kb | null;
  readonly trafficBalanceKb: Kb | null;
}

/**
 * Per-user usage, keyed by watch key (settings/watched.ts): a name under another product or
 * account is another user, so a changed list never reads another user's hours.
 */
export interface UsageCache {
  /**
   * The API timezone setting (its stored form) the hours were read under. Hours read under
   * another setting may be partial or missing (a wrong zone asks for the wrong hours), so
   * they are not shown but read again. Null in caches from before it was recorded.
   */
  readonly apiTimezone: string | null;
  readonly users: Readonly<Record<WatchKey, UserUsage>>;
}

export const EMPTY_CACHE: UsageCache = { apiTimezone: null, users: {} };

/** Hours kept per user: a week is enough for every window the popup offers. */
export const RETENTION_HOURS = 7 * 24;

/**
 * The cache as it stands under `tz`: itself when read under that setting, or empty when read
 * under another one, so badge, popup, export and alerts never mix two readings. A cache from
 * before the setting was recorded is taken as read under the current one, which it was.
 */
export function cacheFor(cache: UsageCache, tz: ApiTimezone): UsageCache {
  const reading = formatApiTimezone(tz);
  if (cache.apiTimezone === reading) return cache;
  // `== null`: a cache read raw from storage (the popup's way) may lack the field altogether.
  if (cache.apiTimezone == null) return { ...cache, apiTimezone: reading };
  return { apiTimezone: reading, users: {} };
}

const EMPTY_USER: UserUsage = { hours: {}, fetchedAt: null, trafficLimitKb: null, trafficBalanceKb: null };

export function userUsage(cache: UsageCache, key: string): UserUsage {
  return cache.users[key] ?? EMPTY_USER;
}

export interface FreshAnswer {
  readonly rows: readonly HourRow[];
  readonly fetchedAt: number;
  readonly trafficLimitKb: Kb | null;
  readonly trafficBalanceKb: Kb | null;
}

/** The oldest hour the cache keeps at `now`: a week back, so storage stays bounded. */
export function retentionStart(now: number, tz: ApiTimezone): HourKey {
  return hourKeyAt(now - (RETENTION_HOURS - 1) * HOUR_MS, tz);
}

/**
 * Merges an answer into what is known. An hour the answer reports replaces the cached value
 * (the current hour grows); an hour it leaves out keeps the cached value, because a missing row
 * means "no traffic reported", never "forget it". Hours before `keepFrom` (retentionStart) are
 * dropped in the same pass: at 100 users, copying each week once to merge and again to prune
 * was most of a cycle's CPU (docs/performance.md).
 */
export function mergeAnswer(known: UserUsage, answer: FreshAnswer, keepFrom: HourKey | null = null): UserUsage {
  const hours: Record<HourKey, Kb> = {};
  for (const hour in known.hours) {
    const amount = known.hours[hour];
    if (amount !== undefined && (keepFrom === null || hour >= keepFrom)) hours[hour] = amount;
  }
  for (const row of answer.rows) if (keepFrom === null || row.hour >= keepFrom) hours[row.hour] = row.kb;
  return {
    hours,
    fetchedAt: answer.fetchedAt,
    trafficLimitKb: answer.trafficLimitKb ?? known.trafficLimitKb,
    trafficBalanceKb: answer.trafficBalanceKb ?? known.trafficBalanceKb,
  };
}

/** Keeps only the users still watched. */
export function keepUsers(cache: UsageCache, keys: readonly string[]): UsageCache {
  const users: Record<string, UserUsage> = {};
  for (const key of keys) {
    const usage = cache.users[key];
    if (usage) users[key] = usage;
  }
  return { ...cache, users };
}

export function withUser(cache: UsageCache, key: string, usage: UserUsage): UsageCache {
  return { ...cache, users: { ...cache.users, [key]: usage } };
}

/** The traffic of each given hour summed over the given users; missing hours are 0. */
export function hourlyTotals(cache: UsageCache, keys: readonly string[], hours: readonly HourKey[]): Kb[] {
  return hours.map((hour) => kb(keys.reduce((sum, key) => sum + (cache.users[key]?.hours[hour] ?? 0), 0)));
}

/** Version 2: one account's users, keyed `proxyType:username`; they become the first account's. */
export function migrateUsageCacheV2(old: UsageCache): UsageCache {
  const users: Record<WatchKey, UserUsage> = {};
  for (const [key, usage] of Object.entries(old.users ?? {})) users[`${FIRST_ACCOUNT_ID}/${key}`] = usage;
  return { apiTimezone: old.apiTimezone ?? null, users };
}
