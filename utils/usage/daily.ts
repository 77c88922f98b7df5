import type { DayKey } from '@/utils/time/day-keys';
import type { WatchKey } from '@/utils/settings/watched';
import type { Kb } from '@/utils/base/units';

/**
 * Complete days of each watched user, from the daily endpoint (`proxy-users/usage-statistics`,
 * KB). A complete day never changes, so each is asked once and kept; a day the answer covered
 * but left out is stored as 0 (no traffic), so that "known" and "asked" are the same thing.
 * Today is never here: it comes from the hours.
 */
export interface DailyUsage {
  /** The API timezone setting (stored form) the days were read under; another setting's days are dropped. */
  readonly apiTimezone: string | null;
  readonly users: Readonly<Record<WatchKey, Readonly<Record<DayKey, Kb>>>>;
}

export const EMPTY_DAILY: DailyUsage = { apiTimezone: null, users: {} };
