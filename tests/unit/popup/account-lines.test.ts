import { describe, expect, it } from 'vitest';
import { planLines, walletText } from '@/utils/popup/account-lines';
import type { PlanView } from '@/utils/budget/spend-view';
import { formatAmount } from '@/utils/format/traffic-format';
import { money } from '@/utils/base/money';
import { kb, KB_PER_GB, type Kb } from '@/utils/base/units';
import { CHINESE, ENGLISH } from '../support/languages';

const NOW = Date.parse('2026-12-01T12:00:00Z');
const words = {
  language: ENGLISH,
  now: NOW,
  amount: (value: Kb) => formatAmount(value, 'binary', 'en'),
  formatDate: (ms: number) => new Date(ms).toISOString().slice(0, 10),
};

/** 99.2 GiB left on Dec 1 with the plan ending on Dec 31: 31 days counting today, 3.2 GiB a day. */
const plan = (runsOut: { inDays: number; beforeExpiryDays: number } | null): PlanView => ({
  kind: 'plan',
  daysToExpiry: 30,
  allowancePerDayKb: kb(3.2 * KB_PER_GB),
  last24Kb: kb(runsOut === null ? 0 : (99.2 / runsOut.inDays) * KB_PER_GB),
  runsOut,
});

describe('the plan as a budget, in words', () => {
  it('gives the per-day allowance to the expiry date', () => {
    expect(planLines(plan(null), '2026-12-31', words)).toEqual({ allowance: 'Plan allowance 3.20 GiB a day to Dec 31', runsOut: null });
  });

  it('says how many days before the expiry the balance runs out at the last 24 hours’ rate, or how long it lasts past it', () => {
    // 99.2 GiB at 3.968 GiB a day lasts 25 days: empty on Dec 26, 5 days before Dec 31 ends.
    expect(planLines(plan({ inDays: 25, beforeExpiryDays: 5 }), '2026-12-31', words)?.runsOut).toBe(
      'At the last 24 hours’ rate the balance runs out around 2026-12-26, 5 days before the plan expires.',
    );
    expect(planLines(plan({ inDays: 29.6, beforeExpiryDays: 0.6 }), '2026-12-31', words)?.runsOut).toBe(
      'At the last 24 hours’ rate the balance runs out around 2026-12-31, 1 day before the plan expires.',
    );
    expect(planLines(plan({ inDays: 30.2, beforeExpiryDays: -0.2 }), '2026-12-31', words)?.runsOut).toBe(
      'At the last 24 hours’ rate the balance runs out around 2026-12-31, about when the plan expires.',
    );
    expect(planLines(plan({ inDays: 42, beforeExpiryDays: -12 }), '2026-12-31', words)?.runsOut).toBe(
      'At the last 24 hours’ rate the balance lasts until about 2027-01-12, 12 days past the plan’s expiry.',
    );
  });

  it('says nothing of a plan whose balance or expiry is unknown', () => {
    expect(planLines({ kind: 'unknown' }, '2026-12-31', words)).toBeNull();
    expect(planLines(plan(null), null, words)).toBeNull();
  });

  it('speaks Chinese', () => {
    const zh = { ...words, language: CHINESE, amount: (value: Kb) => formatAmount(value, 'binary', 'zh-CN') };
    expect(planLines(plan({ inDays: 25, beforeExpiryDays: 5 }), '2026-12-31', zh)).toEqual({
      allowance: '套餐每天可用 3.20 GiB，至 12月31日',
      runsOut: '按最近 24 小时的速度，余额约在 2026-12-26 用完，比套餐到期早 5 天。',
    });
    expect(planLines(plan({ inDays: 42, beforeExpiryDays: -12 }), '2026-12-31', zh)?.runsOut).toBe('按最近 24 小时的速度，余额约可用到 2027-01-12，比套餐到期晚 12 天。');
  });
});

describe('the wallet', () => {
  it('is written in US dollars, Thordata’s currency, as the reader’s language writes them', () => {
    expect(walletText(money(125.4), ENGLISH)).toBe('$125.40');
    expect(walletText(money(125.4), CHINESE)).toBe('US$125.40');
  });
});
