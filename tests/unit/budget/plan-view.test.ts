import { describe, expect, it } from 'vitest';
import { planView } from '@/utils/budget/plan-view';
import { kb, mb, KB_PER_MB } from '@/utils/base/units';
import { GB } from './fixtures';

// 25 Nov 14:40 UTC; a plan expiring on 30 Nov ends at 30 Nov 23:59:59 UTC, 5 days 9 h 19 min 59 s away.
const NOW = Date.parse('2026-11-25T14:40:00Z');
const TO_EXPIRY_DAYS = (Date.parse('2026-11-30T23:59:59Z') - NOW) / 86_400_000;
const balance = (gb: number, expiresOn: string | null = '2026-11-30') => ({ balanceMb: mb(gb * KB_PER_MB), expiresOn });

describe('the plan as a budget', () => {
  it('spreads the balance over the days to expiry, today included', () => {
    // 100 GB (102,400 MB) over 5 whole days to expiry + today = 6 days: 16.67 GB a day.
    const plan = planView(balance(100), kb(10 * GB), NOW);
    expect(plan).toMatchObject({ kind: 'plan', daysToExpiry: 5, last24Kb: 10 * GB });
    if (plan.kind !== 'plan') return;
    expect(plan.allowancePerDayKb / GB).toBeCloseTo(100 / 6, 9);
  });

  it('lasts past the expiry at a slow rate, by how many days', () => {
    // 10 GB a day: 100 GB lasts 10 days, 4.61 days past the plan's end.
    const plan = planView(balance(100), kb(10 * GB), NOW);
    expect(plan.kind === 'plan' && plan.runsOut).toEqual({ inDays: 10, beforeExpiryDays: expect.closeTo(TO_EXPIRY_DAYS - 10, 9) });
    expect(plan.kind === 'plan' && plan.runsOut && plan.runsOut.beforeExpiryDays).toBeCloseTo(-4.61, 2);
  });

  it('runs out before the expiry at a fast rate, by how many days', () => {
    // 25 GB a day: 100 GB lasts 4 days, 1.39 days before the plan ends.
    const plan = planView(balance(100), kb(25 * GB), NOW);
    expect(plan.kind === 'plan' && plan.runsOut).toEqual({ inDays: 4, beforeExpiryDays: expect.closeTo(TO_EXPIRY_DAYS - 4, 9) });
    expect(plan.kind === 'plan' && plan.runsOut && plan.runsOut.beforeExpiryDays).toBeCloseTo(1.39, 2);
  });

  it('gives the whole balance to the expiry day itself, and counts its hours for the margin', () => {
    // On 30 Nov at 04:00, 19 h 59 min 59 s are left; 12 GB used in 24 h empties 6 GB in half a day, before the end.
    const plan = planView(balance(6), kb(12 * GB), Date.parse('2026-11-30T04:00:00Z'));
    expect(plan).toMatchObject({ kind: 'plan', daysToExpiry: 0, allowancePerDayKb: 6 * GB });
    expect(plan.kind === 'plan' && plan.runsOut && plan.runsOut.beforeExpiryDays).toBeGreaterThan(0);
  });

  it('says nothing of running out when nothing was used', () => {
    expect(planView(balance(100), kb(0), NOW)).toMatchObject({ kind: 'plan', runsOut: null });
  });

  it('is unknown without a balance, without an expiry date, or once expired', () => {
    expect(planView(null, kb(GB), NOW)).toEqual({ kind: 'unknown' });
    expect(planView(balance(100, null), kb(GB), NOW)).toEqual({ kind: 'unknown' });
    expect(planView(balance(100, '2026-11-24'), kb(GB), NOW)).toEqual({ kind: 'unknown' });
  });
});
