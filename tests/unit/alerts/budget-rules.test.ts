import { describe, expect, it } from 'vitest';
import { EMPTY_ACCOUNT } from '@/utils/account/account-snapshot';
import { budgetAlerts, isCycleKey, type BudgetAlert, type BudgetRules } from '@/utils/alerts/budget-rules';
import { evaluateAlerts, type Alert, type AlertInput } from '@/utils/alerts/evaluate';
import { notificationText } from '@/utils/alerts/text';
import { INITIAL_STATUS } from '@/utils/poll/status';
import { DEFAULT_ALERT_RULES, type AlertRules } from '@/utils/settings/alert-rules';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings/model';
import type { SpendView } from '@/utils/budget/spend-view';
import { EMPTY_CACHE } from '@/utils/usage/cache';
import { CHINESE, ENGLISH } from '../support/languages';
import { budgetView, spendFixture } from '../support/spend-fixtures';

const GIB = 1024 * 1024;
const RULES: BudgetRules = { usePercents: [50, 80, 100], forecastAlert: true, rapidUseAlert: true };
const NOW = Date.parse('2026-12-02T10:00:00Z');

const keys = (alerts: readonly Alert[]) => alerts.map((alert) => alert.key);
const single = (alert: Alert, settings: Settings = DEFAULT_SETTINGS, language = ENGLISH) =>
  notificationText({ kind: 'single', alert }, language, settings, NOW);

/** A cycle budget of 100 GiB with `usedGib` used and the given forecast and rapid use. */
function cycleOf(usedGib: number, extra: Partial<SpendView> & { projected?: { low: number; high: number } } = {}): SpendView {
  const { projected, ...rest } = extra;
  const range = projected ? { kind: 'range' as const, low: projected.low * GIB, high: projected.high * GIB } : undefined;
  return spendFixture({ cycleBudget: budgetView('cycle', usedGib * GIB, 100 * GIB, range ? { projected: range } : {}), ...rest });
}

describe('budget use thresholds', () => {
  it('name the budget, the percentage and the period in their keys: today for the daily budget, the cycle’s first day for the cycle', () => {
    const view = spendFixture({ daily: budgetView('daily', 3 * GIB, 5 * GIB), cycleBudget: budgetView('cycle', 51 * GIB, 100 * GIB) });
    expect(keys(budgetAlerts(view, RULES, 'USD'))).toEqual(['budget-use:daily:50:2026-12-02', 'budget-use:cycle:50:2026-11-15']);
  });

  it('say nothing under the lowest percentage, nor with no percentage or no budget', () => {
    expect(budgetAlerts(cycleOf(49.9), RULES, 'USD')).toEqual([]);
    expect(budgetAlerts(cycleOf(120), { ...RULES, usePercents: [] }, 'USD')).toEqual([]);
    expect(budgetAlerts(spendFixture(), RULES, 'USD')).toEqual([]);
  });

  it('count a percentage as reached at exactly that share', () => {
    expect(keys(budgetAlerts(cycleOf(80), RULES, 'USD'))).toEqual(['budget-use:cycle:80:2026-11-15']);
  });

  it('notify only the highest percentage reached at once, standing for the lower ones', () => {
    const [alert] = budgetAlerts(cycleOf(105), RULES, 'USD');
    expect(alert).toMatchObject({
      kind: 'budget-use',
      key: 'budget-use:cycle:100:2026-11-15',
      covers: ['budget-use:cycle:50:2026-11-15', 'budget-use:cycle:80:2026-11-15'],
      percent: 100,
      used: 105 * GIB,
      limit: 100 * GIB,
      measure: 'traffic',
    });
  });

  it('read percentages in any order, each once', () => {
    const [alert] = budgetAlerts(cycleOf(90), { ...RULES, usePercents: [80, 25, 80, 95] }, 'USD');
    expect(alert).toMatchObject({ key: 'budget-use:cycle:80:2026-11-15', covers: ['budget-use:cycle:25:2026-11-15'] });
  });
});

describe('the cycle forecast', () => {
  it('fires when the projected range’s low end is over the cycle budget: both rates agree', () => {
    expect(keys(budgetAlerts(cycleOf(40, { projected: { low: 101, high: 130 } }), RULES, 'USD'))).toEqual(['budget-forecast:2026-11-15']);
  });

  it('stays quiet while only the high end is over, with too little history, or when switched off', () => {
    expect(budgetAlerts(cycleOf(40, { projected: { low: 100, high: 130 } }), RULES, 'USD')).toEqual([]);
    expect(budgetAlerts(cycleOf(40), RULES, 'USD')).toEqual([]);
    expect(budgetAlerts(cycleOf(40, { projected: { low: 110, high: 130 } }), { ...RULES, forecastAlert: false }, 'USD')).toEqual([]);
  });

  it('carries the range, the budget and the cycle’s last day', () => {
    const [alert] = budgetAlerts(cycleOf(40, { projected: { low: 110, high: 130 } }), RULES, 'USD');
    expect(alert).toMatchObject({ low: 110 * GIB, high: 130 * GIB, limit: 100 * GIB, lastDay: '2026-12-14' });
  });
});

describe('rapid use', () => {
  const rapid = (scaledGib: number) => ({ rapidUse: { scaled: scaledGib * GIB, threshold: 150 * GIB } });

  it('fires when the last 4 days scaled to the cycle pass the threshold, once per cycle', () => {
    expect(keys(budgetAlerts(cycleOf(20, rapid(151)), RULES, 'USD'))).toEqual(['rapid-use:2026-11-15']);
  });

  it('stays quiet at or under the threshold, without the figure, or when switched off', () => {
    expect(budgetAlerts(cycleOf(20, rapid(150)), RULES, 'USD')).toEqual([]);
    expect(budgetAlerts(cycleOf(20, { rapidUse: null }), RULES, 'USD')).toEqual([]);
    expect(budgetAlerts(cycleOf(20, rapid(200)), { ...RULES, rapidUseAlert: false }, 'USD')).toEqual([]);
  });
});

describe('the alert rules with the spend view', () => {
  const QUIET = Object.fromEntries(Object.entries(DEFAULT_ALERT_RULES).map(([rule, value]) => [rule, { ...value, enabled: false }])) as unknown as AlertRules;
  const input = (spend: SpendView | null | undefined): AlertInput => ({
    rules: QUIET,
    settings: DEFAULT_SETTINGS,
    cache: EMPTY_CACHE,
    status: INITIAL_STATUS,
    account: EMPTY_ACCOUNT,
    now: NOW,
    lastEvaluatedAt: null,
    judgedThrough: null,
    spend,
  });

  it('judge the budgets when the view is given, under the settings’ alert rules', () => {
    expect(keys(evaluateAlerts(input(cycleOf(85))))).toEqual(['budget-use:cycle:80:2026-11-15']);
    const settings = { ...DEFAULT_SETTINGS, budgets: { ...DEFAULT_SETTINGS.budgets, usePercents: [90] } };
    expect(evaluateAlerts({ ...input(cycleOf(85)), settings })).toEqual([]);
  });

  it('judge no budget without a view', () => {
    expect(evaluateAlerts(input(null))).toEqual([]);
    expect(evaluateAlerts(input(undefined))).toEqual([]);
  });
});

describe('cycle keys', () => {
  it('are told from hour and day keys', () => {
    expect(['budget-use:cycle:80:2026-11-15', 'budget-forecast:2026-11-15', 'rapid-use:2026-11-15'].map(isCycleKey)).toEqual([true, true, true]);
    expect(['budget-use:daily:80:2026-12-02', 'hourly-total:2026-11-25 14', 'plan-expiry:1:2026-12-01'].map(isCycleKey)).toEqual([false, false, false]);
  });
});

describe('the words of budget alerts', () => {
  const alertOf = (view: SpendView, currency = 'USD'): BudgetAlert => {
    const [alert] = budgetAlerts(view, RULES, currency);
    if (!alert) throw new Error('no alert');
    return alert;
  };

  it('name the budget, the percentage, the use and the limit in the user’s units', () => {
    const daily = alertOf(spendFixture({ daily: budgetView('daily', 4.25 * GIB, 5 * GIB) }));
    expect(single(daily)).toEqual({ title: 'Daily budget: 80% used', message: '4.25 GiB of the 5.00 GiB daily budget used today.' });
    const cycle = alertOf(cycleOf(52));
    expect(single(cycle)).toEqual({ title: 'Cycle budget: 50% used', message: '52.0 GiB of the 100 GiB cycle budget used this cycle.' });
    const decimal = { ...DEFAULT_SETTINGS, units: 'decimal' as const };
    expect(single(cycle, decimal).message).toBe('55.8 GB of the 107 GB cycle budget used this cycle.');
  });

  it('write a money budget in its currency, in the user’s locale', () => {
    const money = spendFixture({ daily: budgetView('daily', 12.5, 12, { measure: 'money' }) });
    expect(single(alertOf(money, 'USD'))).toEqual({ title: 'Daily budget: 100% used', message: '$12.50 of the $12.00 daily budget used today.' });
    expect(single(alertOf(money, 'EUR')).message).toBe('€12.50 of the €12.00 daily budget used today.');
    expect(single(alertOf(money, 'USD'), DEFAULT_SETTINGS, CHINESE)).toEqual({ title: '每日预算已用 100%', message: '今天已用 US$12.50，每日预算 US$12.00。' });
  });

  it('give the forecast as a range against the budget, with the cycle’s last day', () => {
    const forecast = alertOf(cycleOf(40, { projected: { low: 110, high: 130 } }));
    expect(single(forecast)).toEqual({
      title: 'Cycle budget: headed for 110 GiB–130 GiB',
      message: 'Over the 100 GiB budget by the cycle’s last day (2026-12-14), at both the last 24 hours’ and the last 7 days’ rates.',
    });
    expect(single(forecast, DEFAULT_SETTINGS, CHINESE).title).toBe('本周期预计用到 110 GiB–130 GiB');
  });

  it('give rapid use as the cycle’s figure at that pace against 1.5 × the budget', () => {
    const rapid = alertOf(cycleOf(20, { rapidUse: { scaled: 180 * GIB, threshold: 150 * GIB } }));
    expect(single(rapid)).toEqual({
      title: 'Rapid use: on pace for 180 GiB this cycle',
      message: 'The last 4 days, scaled to the whole cycle, pass 150 GiB (1.5 × the 100 GiB cycle budget).',
    });
    expect(single(rapid, DEFAULT_SETTINGS, CHINESE).message).toBe('过去 4 天的用量折算到整个周期，超过 150 GiB（周期预算 100 GiB 的 1.5 倍）。');
  });

  it('lead to the popup, where the budgets are', () => {
    expect(alertOf(cycleOf(90)).target).toBe('popup');
  });
});
