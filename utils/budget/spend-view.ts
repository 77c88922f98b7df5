import type { Money } from '@/utils/base/money';
import { kb, type Kb } from '@/utils/base/units';
import type { DayKey } from '@/utils/time/day-keys';
import type { ProxyType } from '@/utils/api/thordata-client';
import type { Settings } from '@/utils/settings/model';
import type { UsageCache } from '@/utils/usage/cache';
import type { DailyUsage } from '@/utils/usage/daily';
import { budgetView } from './budget-view';
import { anyWatchedPrice, asCost, costSoFar, unpricedProducts } from './cost';
import { cycleAt } from './cycle-span';
import { usageRecords } from './day-totals';
import { asTraffic, measuredLimit } from './measure';
import { projectedEnd, recentRates } from './projection';
import { rapidUse } from './rapid-use';
import { inMeasure, usageLedger } from './usage-ledger';

/**
 * What the popup shows about money and budgets, and what the budget alerts judge: computed from
 * settings, the hours, the stored complete days and the clock, by `spendView` (below).
 */

/** The billing cycle holding `now`: from its start day's midnight to the next start's, in the API timezone. */
export interface CycleSpan {
  readonly startDay: DayKey;
  /** The first day of the next cycle (exclusive end). */
  readonly endDay: DayKey;
  readonly startMs: number;
  readonly endMs: number;
  /** Calendar days in the cycle (28–31). */
  readonly days: number;
  /** Today's place in the cycle: 0 on its first day. */
  readonly dayIndex: number;
}

/** A budget's figures in its own measure: KB for a traffic budget, money for a money budget. */
export type Measure = 'traffic' | 'money';

/** A forecast needs history: with less than MIN_HISTORY_DAYS complete days known, it says so instead of guessing. */
export type Projection =
  | { readonly kind: 'range'; readonly low: number; readonly high: number }
  | { readonly kind: 'too-little-history'; readonly daysKnown: number; readonly daysNeeded: number };

/** When the budget runs out at today's pace. */
export type RunOut =
  | { readonly kind: 'on'; readonly day: DayKey; readonly atMs: number }
  | { readonly kind: 'already'; readonly atMs: number | null }
  | { readonly kind: 'not-this-period' }
  | { readonly kind: 'too-little-history'; readonly daysKnown: number; readonly daysNeeded: number };

export interface BudgetView {
  readonly period: 'daily' | 'cycle';
  readonly measure: Measure;
  /** The limit and the use so far, in the measure (KB or money). */
  readonly limit: number;
  readonly used: number;
  /** used ÷ limit (1 = the whole budget; may exceed 1). */
  readonly share: number;
  /**
   * Against an even pace through the period: (used − limit × elapsed share) ÷ (limit × elapsed
   * share); +0.12 is "12 % ahead of an even pace", −0.3 is 30 % behind. Null at the period's very start.
   */
  readonly pace: number | null;
  /** What is left ÷ the days left including today (for the daily budget: what is left today); 0 when spent. */
  readonly leftPerDay: number;
  /** The use at the period's end, from the last 24 hours' rate and the last 7 days' (low, high). */
  readonly projected: Projection;
  readonly runsOut: RunOut;
}

/** Cost in the chosen currency, over the watched users whose product has a price. */
export interface CostView {
  readonly currency: string;
  readonly hour: Money;
  readonly today: Money;
  readonly cycle: Money;
  /** The cycle's cost at its end, as a range from the two rates; or too little history. */
  readonly projectedCycle: Projection;
  /** Watched products without a price: their traffic counts in no cost. */
  readonly unpriced: readonly ProxyType[];
}

export interface SpendView {
  readonly cycle: CycleSpan;
  /** Null when no product that is watched has a price. */
  readonly cost: CostView | null;
  /** Null when that budget is off (or a money budget without any price). */
  readonly daily: BudgetView | null;
  readonly cycleBudget: BudgetView | null;
  /** Traffic so far today and this cycle, over everything watched. */
  readonly todayKb: Kb;
  readonly cycleKb: Kb;
  /**
   * Android's "rapid use", in the cycle budget's measure: the last 4 days' use (96 hours to now)
   * ÷ 4 × the cycle's days, against 1.5 × the cycle budget. Null without a cycle budget or with
   * less than 4 days of hours or days known.
   */
  readonly rapidUse: { readonly scaled: number; readonly threshold: number } | null;
  /** Complete days of the cycle the daily figures do not have yet (being fetched): the cycle figures are partial meanwhile. */
  readonly missingDays: number;
}

/**
 * The plan as a budget, per account: its traffic balance (account/traffic-balance, MB) spread over
 * the days to its expiry is a per-day allowance; at the last 24 hours' rate the balance runs out
 * before or after the plan expires, by a number of days.
 */
export type PlanView =
  | { readonly kind: 'unknown' }
  | {
      readonly kind: 'plan';
      /** Whole days to the end of the expiry date (0 on the day itself). */
      readonly daysToExpiry: number;
      /** Balance ÷ days to expiry (counting today), in KB per day. */
      readonly allowancePerDayKb: Kb;
      /** The last 24 hours' use of this account's watched users, in KB. */
      readonly last24Kb: Kb;
      /**
       * At that rate: null when nothing was used. `inDays` from now to empty; `beforeExpiryDays`
       * positive when the balance runs out that many days before the plan expires, negative when
       * it lasts that many days past the expiry.
       */
      readonly runsOut: { readonly inDays: number; readonly beforeExpiryDays: number } | null;
    };

export interface SpendInput {
  readonly settings: Settings;
  /** The whole hourly cache (the week), not the popup's recent hours: complete days, rates and rapid use read past them. */
  readonly cache: UsageCache;
  readonly daily: DailyUsage;
  readonly now: number;
}

/** Money and budgets over everything watched (all accounts, whatever the badge's scope). */
export function spendView({ settings, cache, daily, now }: SpendInput): SpendView {
  const tz = settings.apiTimezone;
  const { watched, prices, budgets } = settings;
  const cycle = cycleAt(now, budgets.cycleStartDay, tz);
  const ledger = usageLedger(usageRecords(cache, daily, tz), watched, cycle, now);
  const priced = anyWatchedPrice(watched, prices);
  const dailyLimit = measuredLimit(budgets.daily, prices, priced);
  const cycleLimit = measuredLimit(budgets.cycle, prices, priced);
  const costs = costSoFar(ledger, prices);
  return {
    cycle,
    cost: priced
      ? {
          currency: prices.currency,
          ...costs,
          projectedCycle: projectedEnd(costs.cycle, recentRates(ledger, asCost(prices)), now, cycle.endMs),
          unpriced: unpricedProducts(watched, prices),
        }
      : null,
    daily: dailyLimit && budgetView({ period: 'daily', limit: dailyLimit, ledger, cycle, now, tz }),
    cycleBudget: cycleLimit && budgetView({ period: 'cycle', limit: cycleLimit, ledger, cycle, now, tz }),
    todayKb: kb(inMeasure(ledger, asTraffic, (use) => use.todayKb)),
    cycleKb: kb(inMeasure(ledger, asTraffic, (use) => use.cycleKb)),
    rapidUse: rapidUse(ledger, cycle, cycleLimit),
    missingDays: ledger.missingDays,
  };
}
