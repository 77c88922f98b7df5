import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { axisStepKb } from '@/utils/details/axis-step';
import { formatAmount } from '@/utils/format/traffic-format';
import { kb } from '@/utils/base/units';

const GIB_KB = 1024 * 1024;

describe('axisStepKb', () => {
  it('steps by round amounts of the unit the axis shows', () => {
    // 28.6 GiB at most: steps of 5 GiB, not Chart.js's 5,000,000 KB (4.77 GiB).
    expect(axisStepKb(28.6 * GIB_KB, 'binary')).toBe(5 * GIB_KB);
    expect(axisStepKb(134 * GIB_KB, 'binary')).toBe(25 * GIB_KB);
    expect(axisStepKb(700 * 1024, 'binary')).toBe(200 * 1024);
    // Decimal units: 30 GB at most, steps of 5 GB (in the API's KB of 1024 bytes).
    expect(axisStepKb(30e9 / 1024, 'decimal')).toBe(5e9 / 1024);
  });

  it('has no step for an empty axis', () => {
    expect(axisStepKb(0, 'binary')).toBeNull();
    expect(axisStepKb(Number.NaN, 'binary')).toBeNull();
  });

  it('gives more than 3 and at most 6 steps up to the largest figure, each a whole or half number of its unit', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 1e13, noNaN: true }), fc.constantFrom('binary' as const, 'decimal' as const), (max, units) => {
        const step = axisStepKb(max, units) ?? Number.NaN;
        const steps = max / step;
        expect(steps).toBeGreaterThan(3 - 1e-9);
        expect(steps).toBeLessThanOrEqual(6 + 1e-9);
        const [value = ''] = formatAmount(kb(step), units, 'en').split(' ');
        expect(Number(value) % 0.5).toBe(0);
      }),
    );
  });
});
