import { describe, expect, it } from 'vitest';
import { spendLines, type SpendWordsInput } from '@/utils/popup/budget-lines';
import type { BudgetView } from '@/utils/budget/spend-view';
import { formatClock } from '@/utils/time/local-time';
import { UTC } from '@/utils/time/api-timezone';
import { money } from '@/utils/base/money';
import { CHINESE, ENGLISH } from '../support/languages';
import { CYCLE_BUDGET, DAILY_BUDGET, DAILY_RUNS_OUT_AT, NOTHING_SET, SPEND_NOW, SPEND_VIEW } from '../support/spend-fixtures';

/** Intl puts thin and no-break spaces around a range's dash and inside some figures: read them as spaces. */
const spaced = <T>(value: T): T => JSON.parse(JSON.stringify(value).replace(/[\u2009\u202f\u00a0]/g, ' ')) as T;

const input: SpendWordsInput = { view: SPEND_VIEW, language: ENGLISH, units: 'binary', currency: 'USD', tz: UTC, now: SPEND_NOW };

const lines = (words: SpendWordsInput) => spaced(spendLines(words));
const withCycle = (budget: Partial<BudgetView>) => lines({ ...input, view: { ...SPEND_VIEW, daily: null, cycleBudget: { ...CYCLE_BUDGET, ...budget } } });
const cycleNotes = (budget: Partial<BudgetView>) => withCycle(budget)?.budgets[0]?.notes ?? [];

describe('the popup’s words on money and budgets', () => {
  it('say nothing when no price and no budget is set', () => {
    expect(lines({ ...input, view: NOTHING_SET })).toBeNull();
  });

  it('give the cost of this hour, today and the cycle, its projected range and the products without a price', () => {
    const shown = lines(input);
    expect(shown?.heading).toBe('Cost and budgets');
    expect(shown?.cycleDates).toBe('Cycle Nov 15 – Dec 14');
    expect(shown?.loading).toBeNull();
    expect(shown?.cost).toEqual({
      hour: '$0.40',
      today: '$12.34',
      cycle: '$123.45',
      projected: 'Projected cycle: $341 – $411',
      unpriced: 'No price for Mobile: its traffic counts in no cost.',
    });
  });

  it('give each budget its use, pace, what is left per day, the projected end and the run-out day', () => {
    const [daily, cycle] = lines(input)?.budgets ?? [];
    expect(daily).toEqual({
      period: 'daily',
      title: 'Daily budget',
      usedOfLimit: '6.00 GiB of 10.0 GiB',
      filled: 0.6,
      evenAt: 0.5,
      tone: 'ahead',
      meterLabel: 'Daily budget: 6.00 GiB of 10.0 GiB used',
      notes: [
        '20% ahead of an even pace',
        '4.00 GiB left today',
        'Projected end of day: 10.5–12.0 GiB',
        spaced(`Runs out around ${formatClock(DAILY_RUNS_OUT_AT, 'en')} at today’s pace`),
      ],
    });
    expect(cycle).toMatchObject({
      period: 'cycle',
      title: 'Cycle budget',
      usedOfLimit: '$123.45 of $400.00',
      tone: 'normal',
      notes: ['12% behind an even pace', '$13.83 a day left to stay within it', 'Projected end of cycle: $341 – $411', 'Runs out on Dec 10 at today’s pace'],
    });
    expect(cycle?.evenAt).toBeCloseTo(0.35, 10);
  });

  it('call a pace within 1 % even, and name it past that', () => {
    expect(cycleNotes({ pace: 0.009 })[0]).toBe('On an even pace');
    expect(cycleNotes({ pace: -0.01 })[0]).toBe('On an even pace');
    expect(cycleNotes({ pace: 0.014 })[0]).toBe('1% ahead of an even pace');
    expect(cycleNotes({ pace: -0.3 })[0]).toBe('30% behind an even pace');
    // At the period's very first moment there is no pace to speak of.
    expect(cycleNotes({ pace: null })[0]).toBe('$13.83 a day left to stay within it');
  });

  it('say when a budget is spent: over by how much, used up, a full bar in the danger tone', () => {
    const over = withCycle({ used: 450, share: 450 / 400, pace: 2.2, leftPerDay: 0, runsOut: { kind: 'already', atMs: null } })?.budgets[0];
    expect(over?.tone).toBe('over');
    expect(over?.filled).toBe(1);
    expect(over?.notes).toContain('Over budget by $50.00');
    expect(over?.notes).toContain('Used up');
    expect(cycleNotes({ runsOut: { kind: 'not-this-period' } })).toContain('Lasts the cycle at today’s pace');
  });

  it('say there is too little history instead of guessing, once for both forecasts', () => {
    const tooLittle = { kind: 'too-little-history', daysKnown: 2, daysNeeded: 3 } as const;
    const notes = cycleNotes({ projected: tooLittle, runsOut: tooLittle });
    expect(notes.filter((note) => note === 'Too little history to forecast (2 of 3 days)')).toHaveLength(1);
    const shown = lines({ ...input, view: { ...SPEND_VIEW, cost: { ...SPEND_VIEW.cost!, projectedCycle: tooLittle } } });
    expect(shown?.cost?.projected).toBe('Projected cycle: Too little history to forecast (2 of 3 days)');
  });

  it('say the cycle figures are partial while complete days are being fetched', () => {
    expect(lines({ ...input, view: { ...SPEND_VIEW, missingDays: 3 } })?.loading).toBe('Cycle figures still loading: 3 days to fetch');
    expect(lines({ ...input, view: { ...SPEND_VIEW, missingDays: 1 } })?.loading).toBe('Cycle figures still loading: 1 day to fetch');
  });

  it('give a partial cycle no pace and no forecast, which would read "far behind" until its days arrive', () => {
    const shown = lines({ ...input, view: { ...SPEND_VIEW, missingDays: 3 } });
    const cycle = shown?.budgets.find((budget) => budget.period === 'cycle');
    expect(cycle?.notes).toEqual([]);
    expect(cycle?.tone).toBe('normal');
    // The daily budget counts today's hours only, which are all there.
    expect(shown?.budgets.find((budget) => budget.period === 'daily')?.notes.length).toBeGreaterThan(0);
  });

  it('leave the cycle out when only a daily budget is set', () => {
    const shown = lines({ ...input, view: { ...SPEND_VIEW, cost: null, cycleBudget: null, missingDays: 4 } });
    expect(shown?.heading).toBe('Budgets');
    expect(shown?.cycleDates).toBeNull();
    expect(shown?.loading).toBeNull();
    expect(shown?.budgets.map((budget) => budget.period)).toEqual(['daily']);
    expect(lines({ ...input, view: { ...SPEND_VIEW, daily: null, cycleBudget: null } })?.heading).toBe('Cost');
  });

  it('write a daily budget’s day as lasting, and its cost forecast in cents under 10', () => {
    const shown = lines({
      ...input,
      view: {
        ...SPEND_VIEW,
        cycleBudget: null,
        daily: { ...DAILY_BUDGET, measure: 'money', limit: 8, used: 2, leftPerDay: 6, pace: -0.5, projected: { kind: 'range', low: 4.1, high: 5.25 }, runsOut: { kind: 'not-this-period' } },
      },
    });
    expect(shown?.budgets[0]?.notes).toEqual(['50% behind an even pace', '$6.00 left today', 'Projected end of day: $4.10 – $5.25', 'Lasts the day at today’s pace']);
  });

  it('speak Chinese, figures included', () => {
    const shown = lines({ ...input, language: CHINESE });
    expect(shown?.heading).toBe('费用与预算');
    expect(shown?.cycleDates).toBe('周期 11/15 – 12/14');
    expect(shown?.cost?.today).toBe('US$12.34');
    expect(shown?.cost?.projected).toBe('本周期预计：US$341-411');
    expect(shown?.cost?.unpriced).toBe('移动代理未设价格，其流量不计入费用。');
    expect(shown?.budgets[1]?.notes).toEqual(['比匀速慢 12%', '每天不超过 US$13.83 才能不超预算', '预计周期结束时：US$341-411', '按今天的速度，将于 12月10日 用完']);
    expect(shown?.budgets[0]?.notes[0]).toBe('比匀速快 20%');
  });

  it('write money in the currency chosen', () => {
    const shown = lines({ ...input, currency: 'EUR', view: { ...SPEND_VIEW, cost: { ...SPEND_VIEW.cost!, currency: 'EUR', today: money(12.34) } } });
    expect(shown?.cost?.today).toBe('€12.34');
    expect(shown?.budgets[1]?.usedOfLimit).toBe('€123.45 of €400.00');
  });
});
