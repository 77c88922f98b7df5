import { describe, expect, it } from 'vitest';
import { budgetAlerts, type BudgetRules } from '@/utils/alerts/budget-rules';
import type { Alert } from '@/utils/alerts/evaluate';
import { EMPTY_ALERT_LOG, selectAlerts, type AlertDelivery, type AlertLog } from '@/utils/alerts/log';
import { isAlertRule, isSnoozed, NO_SNOOZE, snoozedRules, snoozeRule, type AlertSnooze } from '@/utils/alerts/snooze';
import { mb } from '@/utils/base/units';
import { HOUR_MS, MINUTE_MS } from '@/utils/base/durations';
import { UTC, type ApiTimezone } from '@/utils/time/api-timezone';
import { addDays, dayKeyAt, dayStart } from '@/utils/time/day-keys';
import { budgetView, spendFixture } from '../support/spend-fixtures';

const GIB = 1024 * 1024;
const UTC_PLUS_8: ApiTimezone = { kind: 'offset', minutes: 480 };
const BROWSER: ApiTimezone = { kind: 'browser' };
const RULES: BudgetRules = { usePercents: [50, 80, 100], forecastAlert: true, rapidUseAlert: true };

describe('"Not today"', () => {
  it('snoozes a rule until the next day starts in the API timezone', () => {
    // 23:30 on 2 December in UTC+8.
    const clicked = Date.parse('2026-12-02T15:30:00Z');
    const snooze = snoozeRule(NO_SNOOZE, 'budget-use', clicked, UTC_PLUS_8);
    expect(snooze).toEqual({ 'budget-use': '2026-12-03' });
    expect(isSnoozed(snooze, 'budget-use', Date.parse('2026-12-02T15:59:59Z'), UTC_PLUS_8)).toBe(true);
    expect(isSnoozed(snooze, 'budget-use', Date.parse('2026-12-02T16:00:00Z'), UTC_PLUS_8)).toBe(false);
    expect(isSnoozed(snooze, 'rapid-use', clicked, UTC_PLUS_8)).toBe(false);
    // In UTC the same click is at 15:30 on the 2nd: snoozed until midnight UTC.
    expect(snoozeRule(NO_SNOOZE, 'budget-use', clicked, UTC)).toEqual({ 'budget-use': '2026-12-03' });
    expect(isSnoozed(snooze, 'budget-use', Date.parse('2026-12-02T23:59:00Z'), UTC)).toBe(true);
  });

  it('in the browser’s timezone, lasts until local midnight, whatever the day’s length', () => {
    for (const clicked of [Date.parse('2026-03-08T12:00:00Z'), Date.parse('2026-11-01T12:00:00Z'), Date.parse('2026-12-02T12:00:00Z')]) {
      const snooze = snoozeRule(NO_SNOOZE, 'spike', clicked, BROWSER);
      const tomorrow = addDays(dayKeyAt(clicked, BROWSER), 1);
      const midnight = dayStart(tomorrow, BROWSER) ?? 0;
      expect(snooze).toEqual({ spike: tomorrow });
      expect(isSnoozed(snooze, 'spike', midnight - 1, BROWSER)).toBe(true);
      expect(isSnoozed(snooze, 'spike', midnight, BROWSER)).toBe(false);
    }
  });

  it('keeps each rule’s snooze apart, and forgets those already over', () => {
    const monday = Date.parse('2026-12-07T09:00:00Z');
    let snooze: AlertSnooze = snoozeRule(NO_SNOOZE, 'budget-use', monday, UTC);
    snooze = snoozeRule(snooze, 'rapid-use', monday + HOUR_MS, UTC);
    expect(snoozedRules(snooze, monday + 2 * HOUR_MS, UTC)).toEqual(new Set(['budget-use', 'rapid-use']));
    const tuesday = monday + 24 * HOUR_MS;
    expect(snoozeRule(snooze, 'spike', tuesday, UTC)).toEqual({ spike: '2026-12-09' });
  });

  it('knows every rule by name, and nothing else', () => {
    expect(['budget-use', 'budget-forecast', 'rapid-use', 'hourly-total', 'polling-broken'].every(isAlertRule)).toBe(true);
    expect(['summary', 'hourly-total:2026-11-25 14', '', 'toString', '__proto__'].some(isAlertRule)).toBe(false);
  });
});

describe('a snoozed rule’s alerts', () => {
  const shown = (deliveries: readonly AlertDelivery[]) => deliveries.map((d) => (d.kind === 'single' ? d.alert.key : 'summary'));
  const TUESDAY = Date.parse('2026-12-01T10:00:00Z');
  /** The cycle budget at `usedGib` of 100, with rapid use over its threshold. */
  const alertsAt = (usedGib: number, today: string): Alert[] =>
    budgetAlerts(
      spendFixture({ cycleBudget: budgetView('cycle', usedGib * GIB, 100 * GIB), rapidUse: { scaled: 200 * GIB, threshold: 150 * GIB } }, today),
      RULES,
      'USD',
    );

  it('are neither shown nor recorded while it lasts, and fire once when it is over', () => {
    const first = selectAlerts(alertsAt(55, '2026-12-01'), EMPTY_ALERT_LOG, TUESDAY);
    expect(shown(first.deliveries)).toEqual(['budget-use:cycle:50:2026-11-15', 'rapid-use:2026-11-15']);
    const snooze = snoozeRule(NO_SNOOZE, 'budget-use', TUESDAY + MINUTE_MS, UTC);
    const snoozed = (now: number) => snoozedRules(snooze, now, UTC);

    const later = TUESDAY + 3 * HOUR_MS;
    const during = selectAlerts(alertsAt(85, '2026-12-01'), first.log, later, snoozed(later));
    expect(during.deliveries).toEqual([]);
    expect(Object.keys(during.log.fired)).not.toContain('budget-use:cycle:80:2026-11-15');

    const wednesday = Date.parse('2026-12-02T00:05:00Z');
    const after = selectAlerts(alertsAt(86, '2026-12-02'), JSON.parse(JSON.stringify(during.log)) as AlertLog, wednesday, snoozed(wednesday));
    expect(shown(after.deliveries)).toEqual(['budget-use:cycle:80:2026-11-15']);
    const again = selectAlerts(alertsAt(87, '2026-12-02'), after.log, wednesday + HOUR_MS, snoozed(wednesday + HOUR_MS));
    expect(again.deliveries).toEqual([]);
  });

  it('leave the other rules speaking', () => {
    const snoozed = new Set(['budget-use'] as const);
    const { deliveries } = selectAlerts(alertsAt(85, '2026-12-01'), EMPTY_ALERT_LOG, TUESDAY, snoozed);
    expect(shown(deliveries)).toEqual(['rapid-use:2026-11-15']);
  });

  it('keep a balance alert that already fired recorded while its balance stays low: it does not fire again after the snooze', () => {
    const low: Alert = {
      kind: 'account-balance',
      key: 'account-balance:1',
      level: true,
      target: 'popup',
      account: '1',
      balanceMb: mb(500),
      thresholdMb: mb(10_240),
    };
    const fired = selectAlerts([low], EMPTY_ALERT_LOG, TUESDAY);
    expect(fired.deliveries).toHaveLength(1);
    const during = selectAlerts([low], fired.log, TUESDAY + HOUR_MS, new Set(['account-balance'] as const));
    expect(Object.keys(during.log.fired)).toEqual(['account-balance:1']);
    expect(selectAlerts([low], during.log, TUESDAY + 24 * HOUR_MS).deliveries).toEqual([]);
  });
});
