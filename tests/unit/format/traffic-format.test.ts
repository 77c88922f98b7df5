import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatAmount, formatBadgeAmount, formatExactKb } from '@/utils/format/traffic-format';
import { kb as inKb } from '@/utils/base/units';

const KIB = 1; // the API reports KB, and 1 API KB is 1024 bytes
const MIB = 1024 * KIB;
const GIB = 1024 * MIB;
const TIB = 1024 * GIB;
const PIB = 1024 * TIB;

const BADGE_SHAPE = /^\d{1,3}(\.\d)?[KMGTP]?$/;

describe('formatBadgeAmount', () => {
  it('reads the documented examples', () => {
    expect(formatBadgeAmount(inKb(0))).toBe('0');
    expect(formatBadgeAmount(inKb(850))).toBe('850K');
    expect(formatBadgeAmount(inKb(4.7 * MIB))).toBe('4.7M');
    expect(formatBadgeAmount(inKb(12 * GIB))).toBe('12G');
    expect(formatBadgeAmount(inKb(1.2 * TIB))).toBe('1.2T');
    expect(formatBadgeAmount(inKb(4719123.98))).toBe('4.5G');
  });

  it('shows less than a byte as 0 and a fraction of a KB in bytes', () => {
    expect(formatBadgeAmount(inKb(0.0001))).toBe('0');
    expect(formatBadgeAmount(inKb(0.5))).toBe('512');
  });

  it('never gives five characters near the 1000 and 1024 boundaries', () => {
    const cases: [number, string][] = [
      [999.4, '999K'],
      [999.5, '1M'],
      [1000, '1M'],
      [1023, '1M'],
      [1023.99, '1M'],
      [1024, '1M'],
      [9.94 * MIB, '9.9M'],
      [9.96 * MIB, '10M'],
      [99.6 * MIB, '100M'],
      [999.4 * MIB, '999M'],
      [999.6 * MIB, '1G'],
      [999.5 / 1024, '1K'],
    ];
    for (const [kb, text] of cases) expect(formatBadgeAmount(inKb(kb)), `${kb} KB`).toBe(text);
  });

  it('counts an API KB as 1024 bytes, so decimal units show larger figures', () => {
    expect(formatBadgeAmount(inKb(500), 'binary')).toBe('500K');
    expect(formatBadgeAmount(inKb(500), 'decimal')).toBe('512K');
    expect(formatBadgeAmount(inKb(4719123.98), 'binary')).toBe('4.5G');
    expect(formatBadgeAmount(inKb(4719123.98), 'decimal')).toBe('4.8G');
    expect(formatBadgeAmount(inKb(980), 'binary')).toBe('980K');
    expect(formatBadgeAmount(inKb(980), 'decimal')).toBe('1M');
  });

  it('fits four characters for every amount up to 800 PiB, in both unit systems', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 800 * PIB, noNaN: true }),
        fc.constantFrom('binary' as const, 'decimal' as const),
        (kb, units) => {
          const text = formatBadgeAmount(inKb(kb), units);
          expect(text.length).toBeLessThanOrEqual(4);
          expect(text).toMatch(BADGE_SHAPE);
        },
      ),
    );
  });

  it('fits four characters for any non-negative amount, however huge', () => {
    expect(formatBadgeAmount(inKb(1e16))).toHaveLength(4);
    fc.assert(
      fc.property(fc.double({ min: 0, noNaN: true }), fc.constantFrom('binary' as const, 'decimal' as const), (kb, units) => {
        expect(formatBadgeAmount(inKb(kb), units).length).toBeLessThanOrEqual(4);
      }),
    );
  });

  it('shows a negative amount as 0', () => {
    fc.assert(
      fc.property(fc.double({ max: 0, noNaN: true }), (kb) => {
        expect(formatBadgeAmount(inKb(kb))).toBe('0');
      }),
    );
  });
});

describe('formatAmount', () => {
  it('keeps three significant digits with the unit label of the chosen system', () => {
    expect(formatAmount(inKb(4719123.98), 'binary', 'en-US')).toBe('4.50 GiB');
    expect(formatAmount(inKb(4719123.98), 'decimal', 'en-US')).toBe('4.83 GB');
    expect(formatAmount(inKb(500), 'binary', 'en-US')).toBe('500 KiB');
    expect(formatAmount(inKb(500), 'decimal', 'en-US')).toBe('512 kB');
    expect(formatAmount(inKb(GIB), 'binary', 'en-US')).toBe('1.00 GiB');
    expect(formatAmount(inKb(GIB), 'decimal', 'en-US')).toBe('1.07 GB');
    expect(formatAmount(inKb(12.34 * MIB), 'binary', 'en-US')).toBe('12.3 MiB');
    expect(formatAmount(inKb(812 * 1e6 / 1024), 'decimal', 'en-US')).toBe('812 MB');
    expect(formatAmount(inKb(1.5 * TIB), 'binary', 'en-US')).toBe('1.50 TiB');
  });

  it('shows amounts under a kilobyte in bytes', () => {
    expect(formatAmount(inKb(0), 'binary', 'en-US')).toBe('0 B');
    expect(formatAmount(inKb(0.5), 'binary', 'en-US')).toBe('512 B');
    expect(formatAmount(inKb(0.5), 'decimal', 'en-US')).toBe('512 B');
  });

  const significantDigits = (text: string) => (text.split(' ')[0] ?? '').replace(/[.,]/g, '').replace(/^0+/, '').length;

  it('keeps three significant digits where rounding crosses 10, 100 or 1000', () => {
    expect(formatAmount(inKb(999.5), 'binary', 'en-US')).toBe('0.976 MiB');
    expect(formatAmount(inKb(1010), 'binary', 'en-US')).toBe('0.986 MiB');
    expect(formatAmount(inKb(999.6 * MIB), 'binary', 'en-US')).toBe('0.976 GiB');
    expect(formatAmount(inKb(9.996 * GIB), 'binary', 'en-US')).toBe('10.0 GiB');
    expect(formatAmount(inKb(99.96 * MIB), 'binary', 'en-US')).toBe('100 MiB');
    for (const units of ['binary', 'decimal'] as const) {
      const base = units === 'binary' ? 1024 : 1000;
      for (let exponent = 1; exponent <= 5; exponent += 1) {
        for (const edge of [10, 100, 1000]) {
          for (const factor of [0.9994, 0.9996, 0.99999, 1, 1.001, 1.02]) {
            const kb = (edge * factor * base ** exponent) / 1024;
            const text = formatAmount(inKb(kb), units, 'en-US');
            if (kb >= 1 && kb <= 800 * PIB) expect(significantDigits(text), `${kb} KB, ${units}: ${text}`).toBe(3);
          }
        }
      }
    }
  });

  it('keeps three significant digits for any amount from 1 KB to 800 PiB', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 800 * PIB, noNaN: true }),
        fc.constantFrom('binary' as const, 'decimal' as const),
        (kb, units) => {
          const text = formatAmount(inKb(kb), units, 'en-US');
          const labels = units === 'binary' ? ['KiB', 'MiB', 'GiB', 'TiB', 'PiB'] : ['kB', 'MB', 'GB', 'TB', 'PB'];
          expect(labels).toContain(text.split(' ')[1]);
          expect(significantDigits(text), text).toBe(3);
        },
      ),
    );
  });

  it('never shows a negative or NaN figure for a negative amount', () => {
    fc.assert(
      fc.property(fc.double({ max: 0, noNaN: true }), fc.constantFrom('binary' as const, 'decimal' as const), (kb, units) => {
        expect(formatAmount(inKb(kb), units, 'en-US')).toBe('0 B');
      }),
    );
  });
});

describe('formatExactKb', () => {
  it('shows the figure as the API reported it, with up to two decimals', () => {
    expect(formatExactKb(inKb(4719123.98), 'en-US')).toBe('4,719,123.98 KB');
    expect(formatExactKb(inKb(14928258.7), 'en-US')).toBe('14,928,258.7 KB');
    expect(formatExactKb(inKb(0), 'en-US')).toBe('0 KB');
    expect(formatExactKb(inKb(1.234), 'en-US')).toBe('1.23 KB');
  });

  it('follows the locale', () => {
    expect(formatExactKb(inKb(4719123.98), 'de-DE')).toBe('4.719.123,98 KB');
  });
});
