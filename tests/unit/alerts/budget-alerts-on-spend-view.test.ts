import { describe, expect, it } from 'vitest';
import { budgetAlerts } from '@/utils/alerts/budget-rules';
import { EMPTY_ALERT_LOG, selectAlerts, type AlertLog } from '@/utils/alerts/log';
import { HOUR_MS } from '@/utils/base/durations';
import { kb } from '@/utils/base/units';
import { spendView } from '@/utils/budget/spend-view';
import type { Settings } from '@/utils/settings/model';
import type { UsageCache } from '@/utils/usage/cache';
import { EMPTY_DAILY, type DailyUsage } from '@/utils/usage/daily';
import { cachedUser, cacheOf, dailyOf, GB, hoursOfDay, hoursOfDays, sameEveryDay, settingsOf } from '../budget/fixtures';
import { userKey, watching } from '../support/watching';

/*
 * The budget rules on the view spendView computes, so that the two agree on what a period is.
 * Cycle from 1 Nov 2026 (UTC); now 10 Nov 12:00. Alice: 15 GB a day on 1–9 Nov (the daily
 * store), the hours of 4–9 Nov at 0.625 GB, and 0.25 GB an hour since midnight: 3 GB today,
 * 138 GB this cycle. Rates: 10.5 GB a day over the last 24 hours, 15 over the last 7 days, so the
 * cycle ends at 348–438 GB; the last 96 hours (55.5 GB) scaled to 30 days are 416 GB.
 */
const NOW = Date.parse('2026-11-10T12:00:00Z');
const ALICE = userKey(1, 'alice');
const cacheAt = (now: number): UsageCache =>
  cacheOf({ [ALICE]: cachedUser({ ...hoursOfDays('2026-11-04', '2026-11-09', 0.625 * GB), ...hoursOfDay('2026-11-10', 0.25 * GB, 0, 11) }, now) });
const DAILY: DailyUsage = dailyOf({ [ALICE]: sameEveryDay('2026-11-01', '2026-11-09', 15 * GB) });

function settings(dailyGb: number, cycleGb: number): Settings {
  return settingsOf(watching(['alice']), {
    budgets: { cycleStartDay: 1, daily: { kind: 'traffic', kb: kb(dailyGb * GB) }, cycle: { kind: 'traffic', kb: kb(cycleGb * GB) } },
  });
}

const alertsAt = (s: Settings, now: number, daily: DailyUsage = DAILY) =>
  budgetAlerts(spendView({ settings: s, cache: cacheAt(now), daily, now }), s.budgets, s.prices.currency);

describe('budget alerts on the spend view', () => {
  it('name today and the cycle’s first day as spendView places them', () => {
    const keys = alertsAt(settings(4, 250), NOW).map((alert) => alert.key);
    expect(keys).toContain('budget-use:daily:50:2026-11-10');
    expect(keys).toContain('budget-use:cycle:50:2026-11-01');
  });

  it('fire the forecast and rapid use when the cycle’s pace is well over the budget, once', () => {
    const s = settings(100, 250);
    const first = selectAlerts(alertsAt(s, NOW), EMPTY_ALERT_LOG, NOW);
    const keys = first.deliveries.flatMap((d) => (d.kind === 'single' ? [d.alert.key] : d.alerts.map((alert) => alert.key)));
    expect(keys).toEqual(['budget-use:cycle:50:2026-11-01', 'budget-forecast:2026-11-01', 'rapid-use:2026-11-01']);
    const restarted = JSON.parse(JSON.stringify(first.log)) as AlertLog;
    expect(selectAlerts(alertsAt(s, NOW + HOUR_MS), restarted, NOW + HOUR_MS).deliveries).toEqual([]);
  });

  it('judge only what the week of hours shows while the daily store is empty: 93 GB, not 138', () => {
    const use = (daily: DailyUsage) => alertsAt(settings(100, 150), NOW, daily).filter((alert) => alert.kind === 'budget-use');
    expect(use(DAILY).map((alert) => alert.key)).toEqual(['budget-use:cycle:80:2026-11-01']);
    expect(use(EMPTY_DAILY).map((alert) => alert.key)).toEqual(['budget-use:cycle:50:2026-11-01']);
  });
});
