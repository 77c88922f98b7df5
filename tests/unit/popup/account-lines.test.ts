import { describe, expect, it } from 'vitest';
import { planLines, walletText } from '@/utils/popup/account-lines';
import type { PlanView } from '@/utils/budget/spend-view';
import { formatAmount } from '@/utils/format/traffic-format';
import { money } from '@/utils/base/money';
import { kb, KB_PER_GB, type Kb } from '@/utils/base/units';
import { CHINESE, ENGLISH } from '../support/languages';

const amount = (value: Kb) => formatAmount(value, 'binary', 'en');

/** 99.2 GiB left on Dec 1 with the plan ending on Dec 31: 31 days counting today, 3.2 GiB a day. */
const plan = (beforeExpiryDays: number | null): PlanView => ({
  kind: 'plan',
  daysToExpiry: 30,
  allowancePerDayKb: kb(3.2 * KB_PER_GB),
  last24Kb: kb(beforeExpiryDays === null ? 0 : 4 * KB_PER_GB),
  runsOut: beforeExpiryDays === null ? null : { inDays: 30.5 - beforeExpiryDays, beforeExpiryDays },
});

describe('the plan as a budget, in words', () => {
  it('gives the per-day allowance to the expiry date', () => {
    expect(planLines(plan(null), '2026-12-31', ENGLISH, amount)).toEqual({ allowance: 'Plan allowance 3.20 GiB a day to Dec 31', margin: null });
  });

  it('says how many days before the expiry the balance runs out at the last 24 hours’ rate, or how long it lasts past it', () => {
    const margin = (days: number) => planLines(plan(days), '2026-12-31', ENGLISH, amount)?.margin;
    expect(margin(5.2)).toBe('It runs out 5 days before the plan expires.');
    expect(margin(0.6)).toBe('It runs out 1 day before the plan expires.');
    expect(margin(-0.2)).toBe('It runs out about when the plan expires.');
    expect(margin(-1)).toBe('It lasts 1 day past the plan’s expiry.');
    expect(margin(-12)).toBe('It lasts 12 days past the plan’s expiry.');
  });

  it('says nothing of a plan whose balance or expiry is unknown', () => {
    expect(planLines({ kind: 'unknown' }, '2026-12-31', ENGLISH, amount)).toBeNull();
    expect(planLines(plan(null), null, ENGLISH, amount)).toBeNull();
  });

  it('speaks Chinese', () => {
    const zhAmount = (value: Kb) => formatAmount(value, 'binary', 'zh-CN');
    expect(planLines(plan(5), '2026-12-31', CHINESE, zhAmount)).toEqual({ allowance: '套餐每天可用 3.20 GiB，至 12月31日', margin: '比套餐到期早 5 天用完。' });
    expect(planLines(plan(-12), '2026-12-31', CHINESE, zhAmount)?.margin).toBe('可比套餐到期多用 12 天。');
  });
});

describe('the wallet', () => {
  it('is written in US dollars, Thordata’s currency, as the reader’s language writes them', () => {
    expect(walletText(money(125.4), ENGLISH)).toBe('$125.40');
    expect(walletText(money(125.4), CHINESE)).toBe('US$125.40');
  });
});
