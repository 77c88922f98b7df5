import { dayOfHourKey, hourStart, recentHourKeys, type HourKey } from '@/utils/time/hour-keys';
import type { Settings } from '@/utils/settings/model';
import { watchedKeys } from '@/utils/settings/watched';
import { hourlyTotals, type UsageCache } from './cache';
import { sumKb, ZERO_KB, type Kb } from '@/utils/base/units';

export interface HourPoint {
  readonly hour: HourKey;
  /** When the hour starts, to label it in the user's own time. */
  readonly startMs: number;
  readonly kb: Kb;
}

/** The figures the badge and popup show, summed over the watched users. */
export interface UsageSummary {
  readonly current: HourPoint;
  readonly previousKb: Kb;
  /** Since the start of the API's current day. */
  readonly todayKb: Kb;
  /** Oldest first, ending with the current hour. */
  readonly series: readonly HourPoint[];
  readonly windowKb: Kb;
  readonly peak: HourPoint | null;
}

/** The figures over the given users (all watched ones by default). */
export function summarizeUsage(
  cache: UsageCache,
  settings: Settings,
  now: number,
  windowHours: number,
  keys: readonly string[] = watchedKeys(settings.watched),
): UsageSummary {
  const tz = settings.apiTimezone;
  const hours = recentHourKeys(now, Math.max(windowHours, 25), tz);
  const totals = hourlyTotals(cache, keys, hours);
  const points = hours.map((hour, i) => ({ hour, startMs: hourStart(hour, tz) ?? now, kb: totals[i] ?? ZERO_KB }));
  const series = points.slice(-windowHours);
  const current = points[points.length - 1] ?? { hour: '', startMs: now, kb: ZERO_KB };
  const today = dayOfHourKey(current.hour);
  const peak = series.reduce<HourPoint | null>((best, point) => (point.kb > (best?.kb ?? 0) ? point : best), null);
  return {
    current,
    previousKb: points[points.length - 2]?.kb ?? ZERO_KB,
    todayKb: sumKb(points.filter((point) => dayOfHourKey(point.hour) === today).map((point) => point.kb)),
    series,
    windowKb: sumKb(series.map((point) => point.kb)),
    peak,
  };
}
