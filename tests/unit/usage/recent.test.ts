import { describe, expect, it } from 'vitest';
import { UTC } from '@/utils/time/api-timezone';
import { HOUR_MS } from '@/utils/base/durations';
import { recentCovers, recentHoursFor, recentOf } from '@/utils/usage/recent';
import { summarizeUsage } from '@/utils/usage/summary';
import { DEFAULT_SETTINGS } from '@/utils/settings/model';
import { recentHourKeys } from '@/utils/time/hour-keys';
import { kbCache } from '../support/usage-fixtures';
import { userKey, watching } from '../support/watching';

const NOW = Date.parse('2026-11-25T14:20:00Z');

/** A week of hours for two users, each hour's figure its index. */
const week = kbCache(
  Object.fromEntries(
    ['alice', 'bob'].map((name) => [
      userKey(1, name),
      { hours: Object.fromEntries(recentHourKeys(NOW, 168, UTC).map((hour, i) => [hour, i + 1])), fetchedAt: NOW, trafficLimitKb: 100, trafficBalanceKb: 40 },
    ]),
  ),
  'UTC',
);

describe('the hours the popup reads', () => {
  it('keeps the last hours of each user, and every figure besides the hours', () => {
    const recent = recentOf(week, 25, NOW, UTC);
    const alice = recent.users[userKey(1, 'alice')];
    expect(Object.keys(alice?.hours ?? {})).toEqual(recentHourKeys(NOW, 25, UTC));
    expect(alice).toMatchObject({ fetchedAt: NOW, trafficLimitKb: 100, trafficBalanceKb: 40 });
    expect(recent).toMatchObject({ apiTimezone: 'UTC', hours: 25, at: NOW });
  });

  it('gives the popup the same figures as the whole week, for every chart window', () => {
    const settings = { ...DEFAULT_SETTINGS, watched: watching(['alice', 'bob']) };
    for (const chartHours of [12, 24, 48, 72] as const) {
      const recent = recentOf(week, recentHoursFor(chartHours), NOW, UTC);
      const later = NOW + 2 * HOUR_MS;
      for (const at of [NOW, later]) {
        expect(summarizeUsage(recent, settings, at, chartHours)).toEqual(summarizeUsage(week, settings, at, chartHours));
        expect(summarizeUsage(recent, settings, at, 24)).toEqual(summarizeUsage(week, settings, at, 24));
      }
    }
  });

  it('covers a window no longer than the one it was written for, and no time before it was written', () => {
    const recent = recentOf(week, recentHoursFor(24), NOW, UTC);
    expect(recentCovers(recent, 24, NOW + 3 * HOUR_MS)).toBe(true);
    expect(recentCovers(recent, 12, NOW)).toBe(true);
    expect(recentCovers(recent, 48, NOW)).toBe(false);
    // A clock set back would reach hours before the recent ones.
    expect(recentCovers(recent, 24, NOW - HOUR_MS)).toBe(false);
  });
});
