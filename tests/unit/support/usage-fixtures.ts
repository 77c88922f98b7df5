import type { HourRow } from '@/utils/api/answers';
import type { AlertRules } from '@/utils/settings/alert-rules';
import type { UsageCache, UserUsage } from '@/utils/usage/cache';

/** A user's cached usage written with plain numbers, as tests write figures. */
export interface PlainUsage {
  readonly hours: Readonly<Record<string, number>>;
  readonly fetchedAt: number | null;
  readonly trafficLimitKb: number | null;
  readonly trafficBalanceKb: number | null;
}

/**
 * A fixture's plain numbers read as KB, the unit the hourly endpoint speaks and the cache keeps:
 * the one place tests turn bare numbers into branded figures.
 */
export function kbUsage(plain: PlainUsage): UserUsage {
  return plain as UserUsage;
}

/** A cache from plain-number users, read under `apiTimezone` (null: from before it was recorded). */
export function kbCache(users: Readonly<Record<string, PlainUsage>>, apiTimezone: string | null = null): UsageCache {
  return { apiTimezone, users: users as UsageCache['users'] };
}

/** An hourly answer's row written with a plain number. */
export interface PlainRow {
  readonly hour: string;
  readonly kb: number;
}

/** Plain-number rows read as the KB the hourly endpoint speaks. */
export function kbRows(rows: readonly PlainRow[]): HourRow[] {
  return rows as HourRow[];
}

/** A shape with every branded figure written as a plain number. */
export type Plain<T> = { readonly [K in keyof T]: T[K] extends number ? number : T[K] extends object ? Plain<T[K]> : T[K] };

/** Alert rules written with plain numbers, read in the units each rule keeps (KB, or MB for the account balance). */
export function plainRules(rules: Partial<Plain<AlertRules>>): Partial<AlertRules> {
  return rules as Partial<AlertRules>;
}
