import { describe, expect, it } from 'vitest';
import { computeBadge, UNKNOWN_HOUR_MARK, type BadgeInput } from '@/utils/background/badge';
import { INITIAL_STATUS } from '@/utils/poll/status';
import { DEFAULT_SETTINGS, FIRST_ACCOUNT_ID, type Settings } from '@/utils/settings/model';
import { money } from '@/utils/base/money';
import { kbCache } from '../support/usage-fixtures';
import { userKey, watching } from '../support/watching';
import { CHINESE, ENGLISH } from '../support/languages';

const NOW = Date.parse('2026-11-25T14:20:00Z');
const GIB_IN_KB = 1024 * 1024;

/**
 * Today (UTC): alice 3 + 1 GiB, bob 1.7 GiB, both Residential at $2 a GiB: $11.40. Carol (Mobile,
 * no price) used 10 GiB, which costs nothing. Bob's 5 GiB of yesterday is not today's.
 */
const cache = kbCache({
  [userKey(1, 'alice')]: { hours: { '2026-11-25 14': 3 * GIB_IN_KB, '2026-11-25 13': 1 * GIB_IN_KB }, fetchedAt: NOW, trafficLimitKb: 0, trafficBalanceKb: 0 },
  [userKey(1, 'bob')]: { hours: { '2026-11-25 14': 1.7 * GIB_IN_KB, '2026-11-24 23': 5 * GIB_IN_KB }, fetchedAt: NOW, trafficLimitKb: 0, trafficBalanceKb: 0 },
  [userKey(3, 'carol')]: { hours: { '2026-11-25 10': 10 * GIB_IN_KB }, fetchedAt: NOW, trafficLimitKb: 0, trafficBalanceKb: 0 },
});

const costing: Settings = {
  ...DEFAULT_SETTINGS,
  watched: [...watching(['alice', 'bob']), ...watching(['carol'], 3)],
  prices: { currency: 'USD', perGb: { 1: money(2), 2: null, 3: null } },
  badgeShows: 'today-cost',
};

const base: BadgeInput = {
  settings: costing,
  withToken: new Set([FIRST_ACCOUNT_ID]),
  cache,
  status: { ...INITIAL_STATUS, lastSuccessAt: NOW - 60_000, lastAttemptAt: NOW - 60_000 },
  now: NOW,
  intlLocale: 'en-GB',
  language: ENGLISH,
};

describe('the badge showing today’s cost', () => {
  it('shows today’s cost over everything watched, the exact amount in the tooltip beside the traffic', () => {
    const badge = computeBadge(base);
    expect(badge.text).toBe('$11');
    expect(badge.title).toContain('Today’s cost: US$11.40');
    expect(badge.title).toContain('Today: 15.7 GiB');
    expect(badge.title).toContain('API hour 2026-11-25 14');
  });

  it('counts everything watched whatever the badge’s scope, as budgets do', () => {
    const scoped = computeBadge({ ...base, settings: { ...costing, badgeScope: { kind: 'product', proxyType: 3 } } });
    expect(scoped.text).toBe('$11');
    expect(scoped.title).toContain('Today’s cost: US$11.40');
  });

  it('fits a large cost in four characters and writes it in the chosen currency', () => {
    const dear = computeBadge({ ...base, settings: { ...costing, prices: { currency: 'EUR', perGb: { 1: money(250), 2: null, 3: null } } } });
    // 5.7 GiB at €250: €1,425, in British English's compact form.
    expect(dear.text).toBe('1.4k');
    expect(dear.title).toContain('Today’s cost: €1,425.00');
  });

  it('shows traffic when no watched product has a price, and says a price is needed', () => {
    const unpriced = computeBadge({ ...base, settings: { ...costing, prices: DEFAULT_SETTINGS.prices } });
    expect(unpriced.text).toBe('4.7G');
    expect(unpriced.title).toContain('The badge shows today’s cost once a watched product has a price per GB: set one in the settings.');
  });

  it('shows traffic and says nothing of cost when traffic is the choice', () => {
    const traffic = computeBadge({ ...base, settings: { ...costing, badgeShows: 'traffic' } });
    expect(traffic.text).toBe('4.7G');
    expect(traffic.title).not.toMatch(/cost/i);
  });

  it('keeps an old figure of today while it is still today’s, and a mark once the day changed', () => {
    // Two hours without an update: the hour's traffic is unknown, but today's cost so far is not.
    const stale = { ...base.status, lastSuccessAt: NOW - 2 * 3_600_000 };
    expect(computeBadge({ ...base, status: stale }).text).toBe('$11');
    expect(computeBadge({ ...base, status: stale, settings: { ...costing, badgeShows: 'traffic' } }).text).toBe(UNKNOWN_HOUR_MARK);
    expect(computeBadge({ ...base, status: { ...base.status, lastSuccessAt: Date.parse('2026-11-24T23:30:00Z') } }).text).toBe(UNKNOWN_HOUR_MARK);
  });

  it('speaks Chinese', () => {
    const badge = computeBadge({ ...base, language: CHINESE, intlLocale: 'zh-CN' });
    expect(badge.text).toBe('$11');
    expect(badge.title).toContain('今天的费用：US$11.40');
    const unpriced = computeBadge({ ...base, language: CHINESE, settings: { ...costing, prices: DEFAULT_SETTINGS.prices } });
    expect(unpriced.title).toContain('为关注的产品设置每 GB 价格后，徽标即可显示今天的费用：请在设置中填写。');
  });
});
