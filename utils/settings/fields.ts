import {
  POLL_INTERVAL_RANGE,
  USERNAME_MAX_LENGTH,
  CHART_HOURS_CHOICES,
  UNITS_CHOICES,
  type BadgeShows,
  type BudgetLimit,
  type ChartHours,
} from './model';
import { numberFormat } from '@/utils/format/intl-formats';
import type { ProxyType } from '@/utils/api/thordata-client';
import type { TrafficUnits } from '@/utils/format/traffic-format';

// One field's value read from text or a stored value, or null when it is not one. Both the form
// (validate.ts) and the repair of stored settings (repair.ts) read fields here, so a value the
// form refuses is never kept from storage either.

export function parseProxyType(text: string): ProxyType | null {
  const value = Number(text);
  return value === 1 || value === 2 || value === 3 ? value : null;
}

export function parseUnits(text: string): TrafficUnits | null {
  return UNITS_CHOICES.find((units) => units === text) ?? null;
}

export function parseChartHours(value: unknown): ChartHours | null {
  return CHART_HOURS_CHOICES.find((choice) => choice === Number(value)) ?? null;
}

/** Whole minutes within the allowed range; anything else (fractions, signs, words) is null. */
export function parsePollInterval(text: string): number | null {
  const trimmed = text.trim();
  const minutes = Number(trimmed);
  const { min, max } = POLL_INTERVAL_RANGE;
  return /^\d+$/.test(trimmed) && minutes >= min && minutes <= max ? minutes : null;
}

const USERNAME_PATTERN = new RegExp(`^[^\\s,;]{1,${USERNAME_MAX_LENGTH}}$`);

export function isUsername(name: string): boolean {
  return USERNAME_PATTERN.test(name);
}

// Prices and budgets.

export const CYCLE_START_DAY_RANGE = { min: 1, max: 31 } as const;
export const USE_PERCENT_RANGE = { min: 1, max: 200 } as const;
export const MAX_USE_PERCENTS = 6;

let knownCurrencies: ReadonlySet<string> | null = null;

/**
 * A currency as ISO 4217 codes it (upper case), one `Intl` knows and so can format; null
 * otherwise. `Intl.NumberFormat` alone accepts any three letters ("XYZ 1.00"), so the list of
 * currencies it supports decides.
 */
export function parseCurrency(text: string): string | null {
  const code = text.trim().toUpperCase();
  knownCurrencies ??= new Set(Intl.supportedValuesOf('currency'));
  return /^[A-Z]{3}$/.test(code) && knownCurrencies.has(code) ? code : null;
}

function decimalMark(locale: string): string {
  return numberFormat(locale).formatToParts(1.5).find((part) => part.type === 'decimal')?.value ?? '.';
}

/**
 * A number of 0 or more as typed in `locale`: digits, with the locale's decimal mark or a point.
 * Group marks are refused, since in one locale they are another's decimal mark. An exponent is
 * read because the form writes stored prices as JavaScript does, which a tiny price ends in.
 */
export function parseDecimal(text: string, locale: string): number | null {
  const mark = decimalMark(locale);
  const trimmed = text.trim();
  const pointed = mark === '.' ? trimmed : trimmed.replace(mark, '.');
  if (!/^(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(pointed)) return null;
  const value = Number(pointed);
  return Number.isFinite(value) ? value : null;
}

export function parseBadgeShows(text: string): BadgeShows | null {
  return text === 'traffic' || text === 'today-cost' ? text : null;
}

export function parseBudgetKind(text: string): BudgetLimit['kind'] | null {
  return text === 'off' || text === 'traffic' || text === 'money' ? text : null;
}

/** A whole day of the month, 1 to 31. */
export function parseCycleStartDay(text: string): number | null {
  const trimmed = text.trim();
  const day = Number(trimmed);
  return /^\d+$/.test(trimmed) && day >= CYCLE_START_DAY_RANGE.min && day <= CYCLE_START_DAY_RANGE.max ? day : null;
}

/** Whole percentages of a budget, each once and in order, at most MAX_USE_PERCENTS; null if one is not. */
export function checkPercents(values: readonly unknown[]): number[] | null {
  const { min, max } = USE_PERCENT_RANGE;
  const isPercent = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
  if (!values.every(isPercent)) return null;
  const percents = [...new Set(values)].sort((a, b) => a - b);
  return percents.length <= MAX_USE_PERCENTS ? percents : null;
}

/** Percentages as typed: "50, 80, 100", with or without %, separated as either language writes lists. */
export function parsePercents(text: string): number[] | null {
  const parts = text.split(/[\s,;，、；]+/).filter((part) => part !== '');
  const numbers = parts.map((part) => {
    const digits = part.replace(/[%％]$/, '');
    return /^\d+$/.test(digits) ? Number(digits) : Number.NaN;
  });
  return checkPercents(numbers);
}
