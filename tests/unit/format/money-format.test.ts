import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatBadgeMoney, formatMoney, formatMoneyRange } from '@/utils/format/money-format';
import { money } from '@/utils/base/money';

const CURRENCIES = ['USD', 'EUR', 'JPY', 'CNY', 'GBP', 'CHF', 'INR', 'KWD'] as const;
const LOCALES = ['en', 'zh-CN'] as const;

describe('formatMoney', () => {
  it('writes the currency as the reader’s language does', () => {
    expect(formatMoney(money(12.345), 'USD', 'en')).toBe('$12.35');
    expect(formatMoney(money(12.345), 'USD', 'zh-CN')).toBe('US$12.35');
    expect(formatMoney(money(1234.5), 'EUR', 'en')).toBe('€1,234.50');
    expect(formatMoney(money(85.4), 'JPY', 'en')).toBe('¥85');
    expect(formatMoney(money(85.4), 'CNY', 'zh-CN')).toBe('¥85.40');
  });
});

describe('formatMoneyRange', () => {
  it('gives a forecast in whole units from 10 up, and in cents below', () => {
    expect(formatMoneyRange(money(41.2), money(58.7), 'USD', 'en')).toBe('$41 – $59');
    expect(formatMoneyRange(money(41.2), money(58.7), 'USD', 'zh-CN')).toBe('US$41-59');
    expect(formatMoneyRange(money(0.41), money(0.58), 'USD', 'en')).toBe('$0.41 – $0.58');
  });

  it('orders the ends, and writes one figure when they agree', () => {
    expect(formatMoneyRange(money(58.7), money(41.2), 'USD', 'en')).toBe('$41 – $59');
    expect(formatMoneyRange(money(20), money(20.2), 'USD', 'en')).toBe('~$20');
  });
});

describe('formatBadgeMoney', () => {
  it('reads the examples: the symbol while it fits, tenths under 10, compact past a thousand', () => {
    expect(formatBadgeMoney(money(12.34), 'USD', 'en')).toBe('$12');
    expect(formatBadgeMoney(money(85), 'JPY', 'en')).toBe('¥85');
    expect(formatBadgeMoney(money(0.43), 'EUR', 'en')).toBe('€0.4');
    expect(formatBadgeMoney(money(0), 'USD', 'en')).toBe('$0');
    expect(formatBadgeMoney(money(0.004), 'USD', 'en')).toBe('$0');
    expect(formatBadgeMoney(money(9.96), 'USD', 'en')).toBe('$10');
    expect(formatBadgeMoney(money(123.4), 'USD', 'en')).toBe('$123');
    expect(formatBadgeMoney(money(12_345), 'USD', 'en')).toBe('$12K');
    expect(formatBadgeMoney(money(1e9), 'USD', 'en')).toBe('$1B');
  });

  it('drops the symbol when the figure does not fit with it', () => {
    expect(formatBadgeMoney(money(1234), 'USD', 'en')).toBe('1.2K');
    expect(formatBadgeMoney(money(123_456), 'USD', 'en')).toBe('123K');
    expect(formatBadgeMoney(money(12.3), 'CHF', 'en')).toBe('12');
  });

  it('counts in 万 and 亿 in Chinese', () => {
    expect(formatBadgeMoney(money(12.34), 'CNY', 'zh-CN')).toBe('¥12');
    expect(formatBadgeMoney(money(1234), 'CNY', 'zh-CN')).toBe('1234');
    expect(formatBadgeMoney(money(12_345), 'CNY', 'zh-CN')).toBe('1.2万');
    expect(formatBadgeMoney(money(1e9), 'USD', 'zh-CN')).toBe('$10亿');
  });

  it('never gives more than 4 characters, from nothing to a billion, whatever the currency and language', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e9, noNaN: true }),
        fc.constantFrom(...CURRENCIES),
        fc.constantFrom(...LOCALES),
        (amount, currency, locale) => {
          const text = formatBadgeMoney(money(amount), currency, locale);
          expect([...text].length, `${amount} ${currency} ${locale}: ${text}`).toBeLessThanOrEqual(4);
          expect(text).toMatch(/\d/);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('keeps the four characters at every power of ten and just under it', () => {
    for (const currency of CURRENCIES) {
      for (const locale of LOCALES) {
        for (let exponent = -3; exponent <= 9; exponent += 1) {
          for (const amount of [10 ** exponent, 10 ** exponent * 0.9996, 10 ** exponent * 0.9949]) {
            expect([...formatBadgeMoney(money(amount), currency, locale)].length, `${amount} ${currency} ${locale}`).toBeLessThanOrEqual(4);
          }
        }
      }
    }
  });
});
