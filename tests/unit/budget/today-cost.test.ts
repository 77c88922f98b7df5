import { describe, expect, it } from 'vitest';
import { todayCost } from '@/utils/budget/today-cost';
import { userKey, watching } from '../support/watching';
import { cachedUser, cacheOf, GB, hoursOfDay, pricesOf, settingsOf } from './fixtures';

const NOW = Date.parse('2026-11-25T14:40:00Z');

describe('today’s cost for the badge', () => {
  const watched = [...watching(['alice'], 1), ...watching(['bob'], 3), ...watching(['carol'], 2)];
  const cache = cacheOf({
    // Yesterday counts for nothing; today 00–14 is 15 hours.
    [userKey(1, 'alice')]: cachedUser({ ...hoursOfDay('2026-11-24', 5 * GB), ...hoursOfDay('2026-11-25', 0.2 * GB, 0, 14) }, NOW),
    [userKey(3, 'bob')]: cachedUser(hoursOfDay('2026-11-25', 0.1 * GB, 0, 14), NOW),
    [userKey(2, 'carol')]: cachedUser(hoursOfDay('2026-11-25', 1 * GB, 0, 14), NOW),
  });

  it('is today’s traffic of everything watched at each product’s price', () => {
    // Alice 15 × 0.2 = 3 GB × 2.5 = 7.5; Bob 15 × 0.1 = 1.5 GB × 4 = 6; Carol’s Unlimited has no price.
    const settings = { ...settingsOf(watched, { prices: pricesOf({ 1: 2.5, 3: 4 }) }), badgeScope: { kind: 'product' as const, proxyType: 1 as const } };
    expect(todayCost(settings, cache, NOW)).toBeCloseTo(13.5, 9);
  });

  it('is null while no watched product has a price', () => {
    expect(todayCost(settingsOf(watched, { prices: pricesOf({}) }), cache, NOW)).toBeNull();
  });
});
