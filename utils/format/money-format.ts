import { numberFormat } from './intl-formats';
import type { Money } from '@/utils/base/money';

/**
 * Money as the reader's language writes it, in the currency the user chose (an ISO 4217 code):
 * Intl decides the symbol, its place and the decimals (US$12.34, ¥85, 12,34 €).
 */
export function formatMoney(amount: Money, currency: string, locale: string | undefined): string {
  return numberFormat(locale, { style: 'currency', currency }).format(amount);
}

/**
 * A forecast as a range, "US$41–58": whole units from 10 up, where cents would claim a
 * precision a forecast does not have; below that the currency's own decimals.
 */
export function formatMoneyRange(low: Money, high: Money, currency: string, locale: string | undefined): string {
  const options: Intl.NumberFormatOptions = Math.max(low, high) >= 10 ? { style: 'currency', currency, maximumFractionDigits: 0 } : { style: 'currency', currency };
  return numberFormat(locale, options).formatRange(Math.min(low, high), Math.max(low, high));
}

const BADGE_MAX_LENGTH = 4;

/** Characters as the badge draws them (a code point each), not UTF-16 units. */
const drawnLength = (text: string) => [...text].length;

/**
 * At most four characters for the toolbar badge, in Intl's compact notation: `$0.4`, `$12`,
 * `¥85`, `$123K`, `$1B`; `1.2万` in Chinese. A day's cost grows from `$0` by tenths under 10, as
 * the traffic badge keeps one decimal. The symbol is dropped when the figure does not fit with it
 * (`1.2K`): the tooltip names the currency. Then one significant digit, with and without it.
 */
export function formatBadgeMoney(amount: Money, currency: string, locale: string | undefined): string {
  if (!Number.isFinite(amount)) return '?';
  const value = Math.max(0, amount);
  const figure: Intl.NumberFormatOptions = value < 9.95 ? { notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 } : { notation: 'compact' };
  const rough: Intl.NumberFormatOptions = { notation: 'compact', maximumSignificantDigits: 1 };
  const symbol: Intl.NumberFormatOptions = { style: 'currency', currency, currencyDisplay: 'narrowSymbol' };
  for (const form of [{ ...figure, ...symbol }, figure, { ...rough, ...symbol }, rough]) {
    const text = numberFormat(locale, form).format(value);
    if (drawnLength(text) <= BADGE_MAX_LENGTH) return text;
  }
  // Past every compact unit (a thousand trillion): no day costs that, but the badge must still fit.
  return '999+';
}
