import { numberFormat } from './intl-formats';
import { BYTES_PER_KB, type Kb } from '@/utils/base/units';

/**
 * Traffic amounts arrive from the API in KB, where 1 KB = 1024 bytes (Thordata's own
 * client divides by 1,048,576 to get GB). Users choose how to read them: binary
 * (KiB, MiB, GiB: what Thordata's dashboard calls KB, MB, GB) or decimal (kB, MB, GB).
 */
export type TrafficUnits = 'binary' | 'decimal';

const BADGE_SUFFIXES = ['', 'K', 'M', 'G', 'T', 'P'] as const;
const BINARY_LABELS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;
const DECIMAL_LABELS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'] as const;

/** The step between two units shown: binary prefixes step by 1024, decimal ones by 1000. */
export function unitBase(units: TrafficUnits): number {
  return units === 'binary' ? 1024 : 1000;
}

/** Scales bytes to the largest unit that keeps the value under 1000. */
function scale(bytes: number, units: TrafficUnits): { value: number; exponent: number } {
  const base = unitBase(units);
  let value = bytes;
  let exponent = 0;
  while (value >= 999.5 && exponent < BADGE_SUFFIXES.length - 1) {
    value /= base;
    exponent += 1;
  }
  return { value, exponent };
}

/**
 * At most four characters for the toolbar badge: `0`, `850K`, `4.7M`, `12G`, `1.2T`.
 * Values under 10 keep one decimal so a glance still tells 1.2 from 1.9.
 */
export function formatBadgeAmount(kb: Kb, units: TrafficUnits = 'binary'): string {
  const bytes = Math.max(0, kb) * BYTES_PER_KB;
  if (!Number.isFinite(bytes)) return '?';
  if (bytes < 0.5) return '0';
  const { value, exponent } = scale(bytes, units);
  const suffix = BADGE_SUFFIXES[exponent] ?? '';
  if (exponent === 0) return String(Math.round(value));
  // Beyond the largest unit: no real account gets here, but the badge must still fit.
  if (value >= 999.5) return `999${suffix}`;
  const oneDecimal = value.toFixed(1);
  if (Number(oneDecimal) < 10) return `${oneDecimal.replace(/\.0$/, '')}${suffix}`;
  return `${Math.round(value)}${suffix}`;
}

/** The decimals a readable amount may have: none for bytes, then 3, 2, 1 or 0 by size. */
const AMOUNT_DIGITS = [0, 1, 2, 3] as const;

function amountFormat(digits: number, locale: string | undefined): Intl.NumberFormat {
  return numberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function exactFormat(locale: string | undefined): Intl.NumberFormat {
  return numberFormat(locale, { maximumFractionDigits: 2 });
}

/**
 * Builds every formatter amounts are written with before any is needed. Building one costs
 * far more than using it, so the popup does this while its storage read is still under way.
 */
export function prepareAmountFormats(locale?: string): void {
  for (const digits of AMOUNT_DIGITS) amountFormat(digits, locale);
  exactFormat(locale);
}

/** A readable amount with three significant digits, e.g. `4.50 GiB`, `812 MB`. */
export function formatAmount(kb: Kb, units: TrafficUnits = 'binary', locale?: string): string {
  const bytes = Math.max(0, kb) * BYTES_PER_KB;
  const { value, exponent } = scale(bytes, units);
  const labels = units === 'binary' ? BINARY_LABELS : DECIMAL_LABELS;
  // Decimals chosen on the rounded value, so 9.996 reads `10.0`, not `10.00`.
  const digits = exponent === 0 ? 0 : value < 0.9995 ? 3 : value < 9.995 ? 2 : value < 99.95 ? 1 : 0;
  const number = amountFormat(digits, locale).format(value);
  return `${number} ${labels[exponent] ?? ''}`;
}

/** The figure exactly as the API reported it, e.g. `4,719,123.98 KB`. */
export function formatExactKb(kb: Kb, locale?: string): string {
  return `${exactFormat(locale).format(kb)} KB`;
}
