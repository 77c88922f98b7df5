import { userKey, watching } from '../support/watching';
import { describe, expect, it } from 'vitest';
import { BADGE_COLORS, computeBadge, NO_FIGURES_MARK, TOKEN_REJECTED_MARK, type BadgeInput } from '@/utils/background/badge';
import { DEFAULT_ALERT_RULES } from '@/utils/settings/alert-rules';
import { formatClock } from '@/utils/time/local-time';
import { HEALTHY_ACCOUNT, INITIAL_STATUS, type PollStatus } from '@/utils/poll/status';
import type { ApiError } from '@/utils/api/errors';
import { DEFAULT_SETTINGS, FIRST_ACCOUNT_ID } from '@/utils/settings/model';
import { EMPTY_CACHE, type UsageCache } from '@/utils/usage/cache';
import { kb } from '@/utils/base/units';
import { kbCache } from '../support/usage-fixtures';
import { CHINESE, ENGLISH } from '../support/languages';

const NOW = Date.parse('2026-11-25T14:20:00Z');
const GIB_IN_KB = 1024 * 1024;

const cache: UsageCache = kbCache({
  [userKey(1, 'alice')]: { hours: { '2026-11-25 14': 3 * GIB_IN_KB, '2026-11-25 13': 1 * GIB_IN_KB, '2026-11-25 22': 9 }, fetchedAt: NOW, trafficLimitKb: 0, trafficBalanceKb: 0 },
  [userKey(1, 'bob')]: { hours: { '2026-11-25 14': 1.7 * GIB_IN_KB, '2026-11-24 23': 5 * GIB_IN_KB }, fetchedAt: NOW, trafficLimitKb: 0, trafficBalanceKb: 0 },
});

const base: BadgeInput = {
  settings: { ...DEFAULT_SETTINGS, watched: watching(['alice', 'bob']) },
  withToken: new Set([FIRST_ACCOUNT_ID]),
  cache,
  status: { ...INITIAL_STATUS, lastSuccessAt: NOW - 60_000, lastAttemptAt: NOW - 60_000 },
  now: NOW,
  intlLocale: 'en-GB',
  language: ENGLISH,
};

/** The base status with the first account failing as given. */
function firstAccountFails(failure: ApiError): PollStatus {
  return { ...base.status, accounts: { [FIRST_ACCOUNT_ID]: { ...HEALTHY_ACCOUNT, failure, failingSince: NOW - 60_000 } } };
}

describe('the toolbar badge', () => {
  it('shows this hour summed over the watched users, with the full sentence in the tooltip', () => {
    const badge = computeBadge(base);
    expect(badge.text).toBe('4.7G');
    expect(badge.title).toContain('API hour 2026-11-25 14');
    expect(badge.title).toContain('4.70 GiB');
    expect(badge.title).toContain('4,928,307.2 KB');
    expect(badge.title).toContain('Today: 5.70 GiB');
    expect(badge.title).toContain(`Updated ${formatClock(NOW - 60_000, 'en-GB')}`);
  });

  it('speaks Simplified Chinese when the browser does, figures included', () => {
    const badge = computeBadge({ ...base, language: CHINESE });
    expect(badge.title.split('\n')[0]).toBe('Thordata 用量监控');
    expect(badge.title).toContain('API 小时 2026-11-25 14');
    expect(badge.title).toContain('今天：5.70 GiB');
    expect(badge.title).not.toMatch(/\$\d/);
  });

  it('colours the figure against the hourly alert: normal, nearing from 80 %, over', () => {
    const withAlert = (gib: number, enabled = true) =>
      computeBadge({
        ...base,
        settings: { ...base.settings, alerts: { ...DEFAULT_ALERT_RULES, hourlyTotal: { enabled, kb: kb(gib * GIB_IN_KB) } } },
      });
    expect(withAlert(10).color).toBe(BADGE_COLORS.normal);
    expect(withAlert(5.8).color).toBe(BADGE_COLORS.nearing);
    expect(withAlert(4.7).color).toBe(BADGE_COLORS.over);
    expect(withAlert(1, false).color).toBe(BADGE_COLORS.normal);
    expect(withAlert(5).title).toContain('Alert above 5.00 GiB an hour');
  });

  it('keeps the colours of every state distinct', () => {
    expect(new Set(Object.values(BADGE_COLORS)).size).toBe(Object.keys(BADGE_COLORS).length);
  });

  it('reads the current hour in the API timezone', () => {
    const badge = computeBadge({ ...base, settings: { ...base.settings, apiTimezone: { kind: 'offset', minutes: 480 } } });
    // 14:20 UTC is 22:20 in UTC+8: only alice has traffic in "2026-11-25 22".
    expect(badge.text).toBe('9K');
    expect(badge.title).toContain('API hour 2026-11-25 22');
  });

  it('asks to be set up when there is no token or no username', () => {
    for (const input of [{ ...base, withToken: new Set<string>() }, { ...base, settings: DEFAULT_SETTINGS }]) {
      const badge = computeBadge(input);
      expect(badge.text).toBe('');
      expect(badge.title).toMatch(/open the settings/);
    }
  });

  it('marks a rejected token distinctly and keeps the last figures in the tooltip', () => {
    const badge = computeBadge({ ...base, status: firstAccountFails({ kind: 'auth', code: 10013, apiMessage: 'sign error' }) });
    expect(badge.text).toBe(TOKEN_REJECTED_MARK);
    expect(badge.color).toBe(BADGE_COLORS.tokenRejected);
    expect(badge.title).toContain('rejected the API token');
    expect(badge.title).toContain('4.70 GiB');
  });

  it('keeps the figure but changes colour and says why when the last poll failed', () => {
    const badge = computeBadge({ ...base, status: firstAccountFails({ kind: 'server', code: 502, apiMessage: '' }) });
    expect(badge.text).toBe('4.7G');
    expect(badge.color).toBe(BADGE_COLORS.failing);
    expect(badge.title).toContain('Last update failed');
  });

  it('says it failed rather than showing 0 when nothing was ever fetched', () => {
    const badge = computeBadge({ ...base, cache: EMPTY_CACHE, status: { ...firstAccountFails({ kind: 'timeout', afterMs: 20_000 }), lastSuccessAt: null } });
    expect(badge.text).toBe(NO_FIGURES_MARK);
    expect(badge.title).toContain('did not answer within 20 s');
  });

  it('never exceeds four characters and never shows the token', () => {
    const badge = computeBadge({ ...base, status: firstAccountFails({ kind: 'auth', code: 10013, apiMessage: 'x' }) });
    expect(badge.text.length).toBeLessThanOrEqual(4);
    expect(JSON.stringify(badge)).not.toContain('SECRET-TOKEN-1');
  });

  describe('with several accounts', () => {
    const settings = {
      ...DEFAULT_SETTINGS,
      accounts: [{ id: '1', label: 'Scraping' }, { id: 'b2', label: '' }],
      watched: [...watching(['alice', 'bob']), ...watching(['heidi'], 3, 'b2')],
    };
    const three = kbCache({
      ...Object.fromEntries(Object.entries(cache.users)),
      [userKey(3, 'heidi', 'b2')]: { hours: { '2026-11-25 14': 2 * GIB_IN_KB }, fetchedAt: NOW, trafficLimitKb: 0, trafficBalanceKb: 0 },
    });
    const both = { ...base, settings, cache: three, withToken: new Set(['1', 'b2']) };

    it('sums everything watched by default, or only the chosen account or product', () => {
      expect(computeBadge(both).text).toBe('6.7G');
      const second = computeBadge({ ...both, settings: { ...settings, badgeScope: { kind: 'account', account: 'b2' } } });
      expect(second.text).toBe('2G');
      expect(second.title).toContain('Counted: Account 2');
      expect(computeBadge({ ...both, settings: { ...settings, badgeScope: { kind: 'product', proxyType: 1 } } }).text).toBe('4.7G');
      // A scope naming an account since removed counts everything.
      expect(computeBadge({ ...both, settings: { ...settings, badgeScope: { kind: 'account', account: 'gone' } } }).text).toBe('6.7G');
    });

    it("keeps the figures when one account's token is rejected, and names that account", () => {
      const status: PollStatus = { ...base.status, accounts: { b2: { ...HEALTHY_ACCOUNT, failure: { kind: 'auth', code: 10013, apiMessage: '' }, failingSince: NOW } } };
      const badge = computeBadge({ ...both, status });
      expect(badge.text).toBe('6.7G');
      expect(badge.color).toBe(BADGE_COLORS.failing);
      expect(badge.title).toContain('Account 2: Last update failed: Thordata rejected the API token');
      const chinese = computeBadge({ ...both, status, language: CHINESE });
      expect(chinese.title).toContain('账户 2：');
      // Only when every account is rejected does the badge stop showing a figure.
      const all = { ...status, accounts: { ...status.accounts, '1': status.accounts['b2']! } };
      expect(computeBadge({ ...both, status: all }).text).toBe(TOKEN_REJECTED_MARK);
    });
  });
});
