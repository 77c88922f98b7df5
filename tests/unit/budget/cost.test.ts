import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyWatchedPrice, costOf, costOfKb, costSoFar, unpricedProducts } from '@/utils/budget/cost';
import { cycleAt } from '@/utils/budget/cycle-span';
import { usageRecords } from '@/utils/budget/day-totals';
import { usageLedger } from '@/utils/budget/usage-ledger';
import { kb } from '@/utils/base/units';
import type { ProxyType } from '@/utils/api/thordata-client';
import { UTC } from '@/utils/time/api-timezone';
import { userKey, watching } from '../support/watching';
import { cachedUser, cacheOf, dailyOf, GB, hoursOfDay, pricesOf, sameEveryDay } from './fixtures';

const NOW = Date.parse('2026-11-25T14:40:00Z');

describe('the cost of traffic', () => {
  it('is KB ÷ 1,048,576 × the product’s price per GB', () => {
    const prices = pricesOf({ 1: 2.5, 3: 4 });
    // 3 GB of Residential at 2.50 a GB: 7.50.
    expect(costOfKb(kb(3 * GB), 1, prices)).toBe(7.5);
    // 512 MB = 524,288 KB of Mobile at 4 a GB: half a GB, 2.00.
    expect(costOfKb(kb(524_288), 3, prices)).toBe(2);
    // Unlimited has no price: it costs nothing.
    expect(costOfKb(kb(10 * GB), 2, prices)).toBe(0);
  });

  it('names the watched products without a price, and only those', () => {
    const watched = [...watching(['a'], 1), ...watching(['b', 'c'], 2), ...watching(['d'], 3)];
    expect(unpricedProducts(watched, pricesOf({ 1: 3 }))).toEqual([2, 3]);
    expect(unpricedProducts(watching(['a'], 1), pricesOf({ 1: 3 }))).toEqual([]);
    expect(unpricedProducts(watching(['a'], 2), pricesOf({}))).toEqual([2]);
    expect(anyWatchedPrice(watching(['a'], 2), pricesOf({ 1: 3 }))).toBe(false);
    expect(anyWatchedPrice(watched, pricesOf({ 3: 3 }))).toBe(true);
  });

  it('of this hour, today and the cycle so far adds up the users’ figures at their products’ prices', () => {
    const alice = userKey(1, 'alice');
    const bob = userKey(2, 'bob');
    const cache = cacheOf({
      [alice]: cachedUser(hoursOfDay('2026-11-25', 0.5 * GB, 0, 14), NOW),
      [bob]: cachedUser(hoursOfDay('2026-11-25', 1 * GB, 0, 14), NOW),
    });
    const daily = dailyOf({ [alice]: sameEveryDay('2026-11-15', '2026-11-24', 10 * GB), [bob]: sameEveryDay('2026-11-15', '2026-11-24', 1 * GB) });
    const ledger = usageLedger(usageRecords(cache, daily, UTC), [...watching(['alice'], 1), ...watching(['bob'], 2)], cycleAt(NOW, 15, UTC), NOW);
    // Residential at 3 a GB, Unlimited at 0.5.
    // Hour: 0.5 GB × 3 + 1 GB × 0.5 = 2. Today: 15 hours of that = 30.
    // Cycle: 10 days × (10 GB × 3 + 1 GB × 0.5) = 305, plus today's 30 = 335.
    expect(costSoFar(ledger, pricesOf({ 1: 3, 2: 0.5 }))).toEqual({ hour: 2, today: 30, cycle: 335 });
  });

  describe('for any users and figures', () => {
    const proxyType = fc.constantFrom<ProxyType>(1, 2, 3);
    const use = fc.record({ user: fc.record({ account: fc.constant('1'), proxyType, username: fc.string() }), kb: fc.double({ min: 0, max: 1e12, noNaN: true }).map(kb) });
    const price = fc.option(fc.double({ min: 0, max: 1000, noNaN: true }), { nil: undefined });
    const prices = fc.record({ 1: price, 2: price, 3: price }).map((perGb) => pricesOf(perGb));
    const close = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));

    it('is additive over users: a team costs the sum of its members', () => {
      fc.assert(
        fc.property(fc.array(use), fc.array(use), prices, (some, others, perGb) => {
          close(costOf([...some, ...others], perGb), costOf(some, perGb) + costOf(others, perGb));
        }),
      );
    });

    it('is linear in the traffic: k times the traffic costs k times as much, and none costs nothing', () => {
      fc.assert(
        fc.property(fc.array(use), prices, fc.double({ min: 0, max: 1000, noNaN: true }), (uses, perGb, k) => {
          close(costOf(uses.map((entry) => ({ ...entry, kb: kb(entry.kb * k) })), perGb), k * costOf(uses, perGb));
          expect(costOf(uses.map((entry) => ({ ...entry, kb: kb(0) })), perGb)).toBe(0);
        }),
      );
    });

    it('counts nothing for a product without a price', () => {
      fc.assert(
        fc.property(fc.array(use), (uses) => {
          expect(costOf(uses, pricesOf({}))).toBe(0);
        }),
      );
    });
  });
});
