import type { BudgetView, CostView, Projection, RunOut, SpendView } from '@/utils/budget/spend-view';
import type { Language } from '@/utils/i18n/i18n';
import type { ApiTimezone } from '@/utils/time/api-timezone';
import type { TrafficUnits } from '@/utils/format/traffic-format';
import { formatAmount } from '@/utils/format/traffic-format';
import { formatMoney, formatMoneyRange } from '@/utils/format/money-format';
import { numberFormat } from '@/utils/format/intl-formats';
import { formatClock } from '@/utils/time/local-time';
import { formatDay, formatDaySpan } from '@/utils/time/day-format';
import { addDays, dayKeyAt, dayStart } from '@/utils/time/day-keys';
import { proxyTypeName } from '@/utils/settings/settings-words';
import { money } from '@/utils/base/money';
import { kb } from '@/utils/base/units';

/**
 * The popup's words on money and budgets, from a spend view (utils/budget/spend-view.ts): the
 * component only lays them out. Every figure is written here, in the reader's language.
 */

export interface SpendWordsInput {
  readonly view: SpendView;
  readonly language: Language;
  readonly units: TrafficUnits;
  /** The currency of prices and money budgets (settings.prices). */
  readonly currency: string;
  readonly tz: ApiTimezone;
  readonly now: number;
}

export interface CostLines {
  readonly hour: string;
  readonly today: string;
  readonly cycle: string;
  /** "Projected cycle: $41 – $59", or why there is no forecast yet. */
  readonly projected: string;
  /** The watched products without a price, named; null when every one has a price. */
  readonly unpriced: string | null;
}

/** How a bar looks: over the limit, ahead of an even pace, or fine. */
export type BarTone = 'over' | 'ahead' | 'normal';

export interface BudgetLines {
  readonly period: 'daily' | 'cycle';
  readonly title: string;
  /** "$12.30 of $20.00". */
  readonly usedOfLimit: string;
  /** The bar's filled share, 0–1. */
  readonly filled: number;
  /** Where an even pace would be now, 0–1: the elapsed share of the period. */
  readonly evenAt: number;
  readonly tone: BarTone;
  /** The meter's name for screen readers: the budget and its use. */
  readonly meterLabel: string;
  /** Pace, what is left per day, the projected end and the run-out day, each a short sentence. */
  readonly notes: readonly string[];
}

export interface SpendLines {
  readonly heading: string;
  /** "Cycle Nov 15 – Dec 14", when cycle figures are shown. */
  readonly cycleDates: string | null;
  /** Complete days of the cycle not fetched yet: its figures are partial. */
  readonly loading: string | null;
  readonly cost: CostLines | null;
  readonly budgets: readonly BudgetLines[];
}

/** Within this share of an even pace, the pace reads "on an even pace". */
const EVEN_PACE_TOLERANCE = 0.01;
/** Ahead of an even pace by more than this, a bar turns amber. */
const AHEAD_TONE_FROM = 0.1;

const clamp01 = (value: number) => Math.min(1, Math.max(0, value));

type Write = (value: number) => string;

function writerOf(budget: BudgetView, input: SpendWordsInput): Write {
  const { language, units, currency } = input;
  return budget.measure === 'money'
    ? (value) => formatMoney(money(value), currency, language.locale)
    : (value) => formatAmount(kb(value), units, language.locale);
}

/** Two traffic figures in one unit share it: "2.10–3.40 GiB". */
function trafficRange(low: string, high: string): string {
  if (low === high) return low;
  const unit = high.slice(high.lastIndexOf(' '));
  return low.endsWith(unit) ? `${low.slice(0, -unit.length)}–${high}` : `${low} – ${high}`;
}

function rangeOf(measure: BudgetView['measure'], low: number, high: number, input: SpendWordsInput): string {
  const { language, units, currency } = input;
  if (measure === 'money') return formatMoneyRange(money(low), money(high), currency, language.locale);
  const write = (value: number) => formatAmount(kb(value), units, language.locale);
  return trafficRange(write(Math.min(low, high)), write(Math.max(low, high)));
}

function tooLittleHistory(projection: { daysKnown: number; daysNeeded: number }, { t }: Language): string {
  return t('spend.tooLittleHistory', [projection.daysKnown, projection.daysNeeded]);
}

function paceNote(pace: number | null, language: Language): string | null {
  if (pace === null) return null;
  if (Math.abs(pace) <= EVEN_PACE_TOLERANCE) return language.t('spend.evenPace');
  const percent = numberFormat(language.locale, { style: 'percent', maximumFractionDigits: 0 }).format(Math.abs(pace));
  return language.t(pace > 0 ? 'spend.ahead' : 'spend.behind', [percent]);
}

function leftNote(budget: BudgetView, write: Write, { t }: Language): string {
  if (budget.used > budget.limit) return t('spend.overBy', [write(budget.used - budget.limit)]);
  return budget.period === 'daily' ? t('spend.leftToday', [write(budget.leftPerDay)]) : t('spend.leftPerDay', [write(budget.leftPerDay)]);
}

function projectedNote(budget: BudgetView, input: SpendWordsInput): string {
  const { projected } = budget;
  if (projected.kind === 'too-little-history') return tooLittleHistory(projected, input.language);
  const range = rangeOf(budget.measure, projected.low, projected.high, input);
  return input.language.t(budget.period === 'daily' ? 'spend.projectedDay' : 'spend.projectedCycleEnd', [range]);
}

function runOutNote(period: BudgetView['period'], runsOut: RunOut, { t, locale }: Language): string {
  switch (runsOut.kind) {
    case 'already':
      return t('spend.usedUp');
    case 'not-this-period':
      return period === 'daily' ? t('spend.lastsDay') : t('spend.lastsCycle');
    case 'on':
      // Within today the hour tells more than the date; across the cycle, the date.
      return period === 'daily' ? t('spend.runsOutAt', [formatClock(runsOut.atMs, locale)]) : t('spend.runsOutOn', [formatDay(runsOut.day, locale)]);
    case 'too-little-history':
      return tooLittleHistory(runsOut, { t, locale });
  }
}

/** The share of the period gone by now, where an even pace's mark sits on the bar. */
function elapsedShare(period: BudgetView['period'], { view, tz, now }: SpendWordsInput): number {
  if (period === 'cycle') return clamp01((now - view.cycle.startMs) / (view.cycle.endMs - view.cycle.startMs));
  const today = dayKeyAt(now, tz);
  const start = dayStart(today, tz);
  const end = dayStart(addDays(today, 1), tz);
  return start === null || end === null ? 0 : clamp01((now - start) / (end - start));
}

function budgetLines(budget: BudgetView, input: SpendWordsInput): BudgetLines {
  const { language } = input;
  const { t } = language;
  const write = writerOf(budget, input);
  const title = budget.period === 'daily' ? t('spend.dailyBudget') : t('spend.cycleBudget');
  const usedOfLimit = t('spend.usedOfLimit', [write(budget.used), write(budget.limit)]);
  const projected = projectedNote(budget, input);
  const runOut = runOutNote(budget.period, budget.runsOut, language);
  // While the cycle's complete days are still being fetched its use is partial: a pace or a
  // forecast from it would say "far behind" for a moment. The loading line says why they wait.
  const partial = budget.period === 'cycle' && input.view.missingDays > 0;
  const notes = partial ? [] : [paceNote(budget.pace, language), leftNote(budget, write, language), projected, runOut === projected ? null : runOut];
  return {
    period: budget.period,
    title,
    usedOfLimit,
    filled: clamp01(budget.share),
    evenAt: elapsedShare(budget.period, input),
    tone: budget.used >= budget.limit ? 'over' : !partial && (budget.pace ?? 0) > AHEAD_TONE_FROM ? 'ahead' : 'normal',
    meterLabel: t('spend.meterLabel', [title, usedOfLimit]),
    notes: notes.filter((note): note is string => note !== null),
  };
}

function projectedCost(projection: Projection, input: SpendWordsInput): string {
  const { t, locale } = input.language;
  const range =
    projection.kind === 'range' ? formatMoneyRange(money(projection.low), money(projection.high), input.currency, locale) : tooLittleHistory(projection, input.language);
  return t('spend.projectedCycle', [range]);
}

function costLines(cost: CostView, input: SpendWordsInput): CostLines {
  const { t, locale } = input.language;
  const write = (amount: number) => formatMoney(money(amount), cost.currency, locale);
  const names = cost.unpriced.map((type) => proxyTypeName(type, t));
  return {
    hour: write(cost.hour),
    today: write(cost.today),
    cycle: write(cost.cycle),
    projected: projectedCost(cost.projectedCycle, { ...input, currency: cost.currency }),
    unpriced: names.length === 0 ? null : t('spend.unpriced', names.length, [names.length, new Intl.ListFormat(locale, { type: 'conjunction' }).format(names)]),
  };
}

/**
 * What the popup says about money and budgets; null when no price and no budget is set, where
 * the popup stays as it was before either existed.
 */
export function spendLines(input: SpendWordsInput): SpendLines | null {
  const { view, language } = input;
  const { t, locale } = language;
  const budgets = [view.daily, view.cycleBudget].filter((budget): budget is BudgetView => budget !== null);
  if (view.cost === null && budgets.length === 0) return null;
  // The cycle's figures matter only where something covers the cycle: its cost or its budget.
  const showsCycle = view.cost !== null || view.cycleBudget !== null;
  return {
    heading: view.cost === null ? t('spend.headingBudgets') : budgets.length === 0 ? t('spend.headingCost') : t('spend.headingBoth'),
    cycleDates: showsCycle ? t('spend.cycleDates', [formatDaySpan(view.cycle.startDay, addDays(view.cycle.endDay, -1), locale)]) : null,
    loading: showsCycle && view.missingDays > 0 ? t('spend.stillLoading', view.missingDays, [view.missingDays]) : null,
    cost: view.cost === null ? null : costLines(view.cost, input),
    budgets: budgets.map((budget) => budgetLines(budget, input)),
  };
}
