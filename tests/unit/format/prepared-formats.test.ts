import { afterEach, describe, expect, it } from 'vitest';
import { formatClock, prepareClockFormat } from '@/utils/time/local-time';
import { formatAmount, formatExactKb, prepareAmountFormats } from '@/utils/format/traffic-format';
import { kb as inKb } from '@/utils/base/units';

const MIB = 1024;
const GIB = 1024 * MIB;
/** One amount per number of decimals formatAmount writes: 0 (bytes), 3, 2, 1 and 0. */
const AMOUNTS = [0.5, 0.98 * MIB, 4.5 * GIB, 12.3 * MIB, 812 * MIB];

function writeFigures(locale: string) {
  for (const kb of AMOUNTS) formatAmount(inKb(kb), 'binary', locale);
  formatExactKb(inKb(2_296_174.11), locale);
  formatClock(Date.UTC(2026, 10, 25, 9), locale);
}

const originals = { NumberFormat: Intl.NumberFormat, DateTimeFormat: Intl.DateTimeFormat };
afterEach(() => Object.assign(Intl, originals));

/** Counts the formatters built from now on. */
function countBuilt() {
  const built = { numbers: 0, dates: 0 };
  Intl.NumberFormat = class extends originals.NumberFormat {
    constructor(...args: ConstructorParameters<typeof Intl.NumberFormat>) {
      super(...args);
      built.numbers += 1;
    }
  } as typeof Intl.NumberFormat;
  Intl.DateTimeFormat = class extends originals.DateTimeFormat {
    constructor(...args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
      super(...args);
      built.dates += 1;
    }
  } as typeof Intl.DateTimeFormat;
  return built;
}

// Each test uses a locale no other test builds formatters for: they are kept per locale.
describe('formatters prepared while the popup waits for storage', () => {
  it('are all the popup writes its figures with: none is built afterwards', () => {
    prepareAmountFormats('de-CH');
    prepareClockFormat('de-CH');
    const built = countBuilt();
    writeFigures('de-CH');
    expect(built).toEqual({ numbers: 0, dates: 0 });
  });

  it('are otherwise built by the first figures written', () => {
    const built = countBuilt();
    writeFigures('fr-CA');
    // Four decimal counts for the amounts, one for the exact figure; one clock.
    expect(built).toEqual({ numbers: 5, dates: 1 });
  });

  it('write in the locale they were prepared for', () => {
    prepareAmountFormats('nl-NL');
    prepareClockFormat('nl-NL');
    expect(formatAmount(inKb(4.5 * GIB), 'binary', 'nl-NL')).toBe('4,50 GiB');
    expect(formatExactKb(inKb(2_296_174.11), 'nl-NL')).toBe('2.296.174,11 KB');
  });
});
