import { describe, expect, it } from 'vitest';
import { budgetAlerts, type BudgetRules } from '@/utils/alerts/budget-rules';
import { EMPTY_ALERT_LOG, selectAlerts, type AlertDelivery, type AlertLog } from '@/utils/alerts/log';
import { DAY_MS, HOUR_MS } from '@/utils/base/durations';
import type { SpendView } from '@/utils/budget/spend-view';
import { UTC } from '@/utils/time/api-timezone';
import { addDays, dayStart, type DayKey } from '@/utils/time/day-keys';
import { budgetView, nextCycle, spendFixture } from '../support/spend-fixtures';

const GIB = 1024 * 1024;
const RULES: BudgetRules = { usePercents: [50, 80, 100], forecastAlert: true, rapidUseAlert: true };

/** Ten in the morning of `day`, UTC. */
const morningOf = (day: DayKey) => (dayStart(day, UTC) ?? 0) + 10 * HOUR_MS;

/** The log as a restarted worker reads it: through storage's JSON. */
const restarted = (log: AlertLog): AlertLog => JSON.parse(JSON.stringify(log)) as AlertLog;

const shown = (deliveries: readonly AlertDelivery[]) => deliveries.map((d) => (d.kind === 'single' ? d.alert.key : 'summary'));

/** Evaluates the budget rules on `view` at `now` and picks what is new, as the background does. */
function evaluate(view: SpendView, log: AlertLog, now: number) {
  return selectAlerts(budgetAlerts(view, RULES, 'USD'), log, now);
}

/** A cycle budget of 100 GiB with `usedGib` used, on `today` of the cycle 2026-11-15 → 2026-12-15. */
const cycleUse = (usedGib: number, today: DayKey) => spendFixture({ cycleBudget: budgetView('cycle', usedGib * GIB, 100 * GIB) }, today);
/** A daily budget of 5 GiB with `usedGib` used today. */
const dailyUse = (usedGib: number, today: DayKey) => spendFixture({ daily: budgetView('daily', usedGib * GIB, 5 * GIB) }, today);

describe('a daily budget alert', () => {
  it('fires once, not again that day nor after a restart, and again the next day', () => {
    const first = evaluate(dailyUse(4.2, '2026-12-02'), EMPTY_ALERT_LOG, morningOf('2026-12-02'));
    expect(shown(first.deliveries)).toEqual(['budget-use:daily:80:2026-12-02']);
    const later = evaluate(dailyUse(4.4, '2026-12-02'), first.log, morningOf('2026-12-02') + HOUR_MS);
    expect(later.deliveries).toEqual([]);
    const afterRestart = evaluate(dailyUse(4.6, '2026-12-02'), restarted(later.log), morningOf('2026-12-02') + 2 * HOUR_MS);
    expect(afterRestart.deliveries).toEqual([]);
    const nextDay = evaluate(dailyUse(4.2, '2026-12-03'), restarted(afterRestart.log), morningOf('2026-12-03'));
    expect(shown(nextDay.deliveries)).toEqual(['budget-use:daily:80:2026-12-03']);
  });

  it('jumping past several percentages says the highest, and never the lower ones after it', () => {
    const jump = evaluate(dailyUse(4.5, '2026-12-02'), EMPTY_ALERT_LOG, morningOf('2026-12-02'));
    expect(shown(jump.deliveries)).toEqual(['budget-use:daily:80:2026-12-02']);
    expect(Object.keys(jump.log.fired).sort()).toEqual(['budget-use:daily:50:2026-12-02', 'budget-use:daily:80:2026-12-02']);
    const over = evaluate(dailyUse(5.1, '2026-12-02'), jump.log, morningOf('2026-12-02') + HOUR_MS);
    expect(shown(over.deliveries)).toEqual(['budget-use:daily:100:2026-12-02']);
    const again = evaluate(dailyUse(6, '2026-12-02'), restarted(over.log), morningOf('2026-12-02') + 2 * HOUR_MS);
    expect(again.deliveries).toEqual([]);
  });

  it('says each percentage in turn as the day climbs through them', () => {
    let log = EMPTY_ALERT_LOG;
    const fired: string[] = [];
    for (const [hour, usedGib] of [1, 2.6, 3, 4.1, 4.9, 5.2, 5.5].entries()) {
      const result = evaluate(dailyUse(usedGib, '2026-12-02'), restarted(log), morningOf('2026-12-02') + hour * HOUR_MS);
      fired.push(...shown(result.deliveries));
      log = result.log;
    }
    expect(fired).toEqual(['budget-use:daily:50:2026-12-02', 'budget-use:daily:80:2026-12-02', 'budget-use:daily:100:2026-12-02']);
  });
});

describe('a cycle budget alert', () => {
  it('fires once in the whole cycle, however long after (past the 8 days hour keys are kept), and again in the next cycle', () => {
    let log = evaluate(cycleUse(55, '2026-11-15'), EMPTY_ALERT_LOG, morningOf('2026-11-15')).log;
    expect(Object.keys(log.fired)).toEqual(['budget-use:cycle:50:2026-11-15']);
    const fired: string[] = [];
    for (let day = 1; day < 30; day += 1) {
      const today = addDays('2026-11-15', day);
      const result = evaluate(cycleUse(55 + day * 0.5, today), restarted(log), morningOf(today));
      fired.push(...shown(result.deliveries));
      log = result.log;
    }
    expect(fired).toEqual([]);
    const next = cycleUse(55, '2026-12-15');
    const nextCycleResult = evaluate(nextCycle(next), restarted(log), morningOf('2026-12-15'));
    expect(shown(nextCycleResult.deliveries)).toEqual(['budget-use:cycle:50:2026-12-15']);
  });

  it('the forecast and rapid use fire once a cycle too', () => {
    const view = (today: DayKey) =>
      spendFixture(
        {
          cycleBudget: budgetView('cycle', 30 * GIB, 100 * GIB, { projected: { kind: 'range', low: 120 * GIB, high: 140 * GIB } }),
          rapidUse: { scaled: 160 * GIB, threshold: 150 * GIB },
        },
        today,
      );
    let log = EMPTY_ALERT_LOG;
    const fired: string[] = [];
    for (let day = 0; day < 30; day += 1) {
      const today = addDays('2026-11-15', day);
      const result = evaluate(view(today), restarted(log), morningOf(today));
      fired.push(...shown(result.deliveries));
      log = result.log;
    }
    expect(fired).toEqual(['budget-forecast:2026-11-15', 'rapid-use:2026-11-15']);
    const nextCycleResult = evaluate(nextCycle(view('2026-12-15')), restarted(log), morningOf('2026-12-15'));
    expect(shown(nextCycleResult.deliveries)).toEqual(['budget-forecast:2026-12-15', 'rapid-use:2026-12-15']);
  });

  it('is kept in the record however many hour alerts fire meanwhile', () => {
    const fired = evaluate(cycleUse(55, '2026-11-15'), EMPTY_ALERT_LOG, morningOf('2026-11-15')).log;
    const busy: AlertLog = {
      ...fired,
      fired: {
        ...fired.fired,
        ...Object.fromEntries(Array.from({ length: 800 }, (_, i) => [`hourly-user:1/1:user${i}:2026-11-20 10`, { at: morningOf('2026-11-20') + i, level: false }])),
      },
    };
    const later = evaluate(cycleUse(60, '2026-11-21'), busy, morningOf('2026-11-21'));
    expect(later.deliveries).toEqual([]);
    expect(later.log.fired['budget-use:cycle:50:2026-11-15']).toBeDefined();
    expect(Object.keys(later.log.fired)).toHaveLength(501);
  });

  it('leaves the record once the longest cycle is over', () => {
    const fired = evaluate(cycleUse(55, '2026-11-15'), EMPTY_ALERT_LOG, morningOf('2026-11-15')).log;
    expect(Object.keys(selectAlerts([], fired, morningOf('2026-11-15') + 31 * DAY_MS).log.fired)).toEqual(['budget-use:cycle:50:2026-11-15']);
    expect(selectAlerts([], fired, morningOf('2026-11-15') + 32 * DAY_MS).log.fired).toEqual({});
  });
});
