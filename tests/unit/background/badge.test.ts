import { describe, expect, it } from 'vitest';
import { BADGE_COLORS, computeBadge, NO_FIGURES_MARK, TOKEN_REJECTED_MARK, type BadgeInput } from '@/utils/background/badge';
import { DEFAULT_ALERT_RULES } from '@/utils/settings/alert-rules';
import { formatClock } from '@/utils/time/local-time';
import { INITIAL_STATUS } from '@/utils/poll/status';
import { DEFAULT_SETTINGS } from '@/utils/settings/model';
import { EMPTY_CACHE, userKey, type UsageCache } from '@/utils/usage/cache';
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
  settings: { ...DEFAULT_SETTINGS, usernames: ['alice', 'bob'] },
  token: 'token-123456',
  cache,
  status: { ...INITIAL_STATUS, lastSuccessAt: NOW - 60_000, lastAttemptAt: NOW - 60_000 },
  now: NOW,
  intlLocale: 'en-GB',
  language: ENGLISH,
};

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
    for (const input of [{ ...base, token: '' }, { ...base, settings: DEFAULT_SETTINGS }]) {
      const badge = computeBadge(input);
      expect(badge.text).toBe('');
      expect(badge.title).toMatch(/open the settings/);
    }
  });

  it('marks a rejected token distinctly and keeps the last figures in the tooltip', () => {
    const badge = computeBadge({ ...base, status: { ...base.status, failure: { kind: 'auth', code: 10013, apiMessage: 'sign error' } } });
    expect(badge.text).toBe(TOKEN_REJECTED_MARK);
    expect(badge.color).toBe(BADGE_COLORS.tokenRejected);
    expect(badge.title).toContain('rejected the API token');
    expect(badge.title).toContain('4.70 GiB');
  });

  it('keeps the figure but changes colour and says why when the last poll failed', () => {
    const badge = computeBadge({ ...base, status: { ...base.status, failure: { kind: 'server', code: 502, apiMessage: '' } } });
    expect(badge.text).toBe('4.7G');
    expect(badge.color).toBe(BADGE_COLORS.failing);
    expect(badge.title).toContain('Last update failed');
  });

  it('says it failed rather than showing 0 when nothing was ever fetched', () => {
    const badge = computeBadge({ ...base, cache: EMPTY_CACHE, status: { ...INITIAL_STATUS, failure: { kind: 'timeout', afterMs: 20_000 } } });
    expect(badge.text).toBe(NO_FIGURES_MARK);
    expect(badge.title).toContain('did not answer within 20 s');
  });

  it('never exceeds four characters and never shows the token', () => {
    const badge = computeBadge({ ...base, token: 'SECRET-TOKEN-1', status: { ...base.status, failure: { kind: 'auth', code: 10013, apiMessage: 'x' } } });
    expect(badge.text.length).toBeLessThanOrEqual(4);
    expect(JSON.stringify(badge)).not.toContain('SECRET-TOKEN-1');
  });
});
