import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOUR_MS } from '@/utils/base/durations';
import { previousRange, resolveRange, type DetailRange, type ResolvedRange } from '@/utils/details/range';
import { UTC, type ApiTimezone } from '@/utils/time/api-timezone';
import { addDays, dayKeyAt, daysBetween } from '@/utils/time/day-keys';
import { hourKeyAt, hourStart } from '@/utils/time/hour-keys';

const NOW = Date.parse('2026-03-31T14:40:00Z');
const UTC8: ApiTimezone = { kind: 'offset', minutes: 480 };
const BROWSER: ApiTimezone = { kind: 'browser' };

function resolved(range: DetailRange, now = NOW, tz: ApiTimezone = UTC): ResolvedRange {
  const result = resolveRange(range, now, tz);
  if (!result.ok) throw new Error(`unexpected ${result.error.kind}`);
  return result.value;
}

describe('a preset range', () => {
  it('24 h is the current hour and the 23 before it, current last', () => {
    const range = resolved('24h');
    expect(range.granularity).toBe('hour');
    if (range.granularity !== 'hour') return;
    expect(range.hours).toHaveLength(24);
    expect(range.first).toBe('2026-03-30 15');
    expect(range.last).toBe('2026-03-31 14');
  });

  it('7 d is the week of cached hours, 168 of them', () => {
    const range = resolved('7d', NOW, UTC8);
    if (range.granularity !== 'hour') throw new Error('hourly expected');
    expect(range.hours).toHaveLength(168);
    // 14:40 UTC is 22:40 at UTC+8.
    expect(range.last).toBe('2026-03-31 22');
    expect(range.first).toBe('2026-03-24 23');
  });

  it('30, 90 and 180 d are whole days ending today, month ends and a leap-free February counted', () => {
    expect(resolved('30d')).toMatchObject({ granularity: 'day', first: '2026-03-02', last: '2026-03-31' });
    const ninety = resolved('90d');
    expect(ninety).toMatchObject({ first: '2026-01-01', last: '2026-03-31' });
    if (ninety.granularity === 'day') expect(ninety.days).toHaveLength(90);
    expect(resolved('180d')).toMatchObject({ first: '2025-10-03', last: '2026-03-31' });
  });

  it('ends on the API timezone’s today', () => {
    // 14:40 UTC on 31 March is 1 April at UTC+14.
    expect(resolved('30d', NOW, { kind: 'offset', minutes: 14 * 60 })).toMatchObject({ first: '2026-03-03', last: '2026-04-01' });
  });
});

describe('a custom range', () => {
  it('is its days, both ends included, today allowed', () => {
    expect(resolved({ from: '2026-02-27', to: '2026-03-02' })).toMatchObject({
      granularity: 'day',
      days: ['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02'],
    });
    expect(resolved({ from: '2026-03-31', to: '2026-03-31' })).toMatchObject({ first: '2026-03-31', last: '2026-03-31' });
  });

  it('says why it cannot be shown', () => {
    const problem = (range: DetailRange) => {
      const result = resolveRange(range, NOW, UTC);
      return result.ok ? null : result.error;
    };
    expect(problem({ from: '2026-02-30', to: '2026-03-02' })).toEqual({ kind: 'not-a-day' });
    expect(problem({ from: '2026-03-05', to: '2026-03-04' })).toEqual({ kind: 'from-after-to' });
    expect(problem({ from: '2026-03-30', to: '2026-04-01' })).toEqual({ kind: 'in-the-future', today: '2026-03-31' });
    // 181 days: more than the daily endpoint answers (10021).
    expect(problem({ from: '2025-09-01', to: '2026-02-28' })).toEqual({ kind: 'too-long', days: 181, maxDays: 180 });
    // 180 days back from today is the oldest day asked; one more is too old (10021).
    expect(problem({ from: '2025-10-02', to: '2025-10-10' })).toBeNull();
    expect(problem({ from: '2025-10-01', to: '2025-10-10' })).toEqual({ kind: 'too-old', earliest: '2025-10-02' });
  });
});

describe('the previous range', () => {
  it('is the 24 hours before the last 24', () => {
    const previous = previousRange(resolved('24h'));
    expect(previous).toMatchObject({ granularity: 'hour', first: '2026-03-29 15', last: '2026-03-30 14' });
  });

  it('is as many days before the first day', () => {
    expect(previousRange(resolved('30d'))).toMatchObject({ first: '2026-01-31', last: '2026-03-01' });
    expect(previousRange(resolved({ from: '2026-03-01', to: '2026-03-01' }))).toMatchObject({ first: '2026-02-28', last: '2026-02-28' });
  });

  const zones = fc.constantFrom<ApiTimezone>(UTC, UTC8, { kind: 'offset', minutes: -330 }, BROWSER);
  const instants = fc.integer({ min: Date.parse('2024-01-01T00:00:00Z'), max: Date.parse('2028-12-31T00:00:00Z') });

  it('of an hourly range has as many real hours and ends where the range starts', () => {
    fc.assert(
      fc.property(instants, zones, fc.constantFrom<DetailRange>('24h', '7d'), (now, tz, preset) => {
        const range = resolved(preset, now, tz);
        const previous = previousRange(range);
        if (range.granularity !== 'hour' || previous.granularity !== 'hour') return false;
        expect(previous.hourCount).toBe(range.hourCount);
        // The hour just before the range's first real hour is the previous range's last.
        expect(previous.last).toBe(hourKeyAt(now - range.hourCount * HOUR_MS, tz));
        expect(range.first).toBe(hourKeyAt(now - (range.hourCount - 1) * HOUR_MS, tz));
        if (tz.kind === 'offset') {
          expect(previous.hours).toHaveLength(range.hours.length);
          expect((hourStart(previous.last, tz) ?? 0) + HOUR_MS).toBe(hourStart(range.first, tz));
        }
        return true;
      }),
    );
  });

  it('of a day range has as many days and ends the day before it starts', () => {
    fc.assert(
      fc.property(instants, zones, fc.constantFrom<DetailRange>('30d', '90d', '180d'), fc.integer({ min: 0, max: 179 }), fc.integer({ min: 0, max: 179 }), (now, tz, preset, back, length) => {
        const today = dayKeyAt(now, tz);
        const from = addDays(today, -back);
        const custom = { from, to: addDays(from, Math.min(length, back)) };
        for (const range of [resolved(preset, now, tz), resolved(custom, now, tz)]) {
          const previous = previousRange(range);
          if (range.granularity !== 'day' || previous.granularity !== 'day') return false;
          expect(previous.days).toHaveLength(range.days.length);
          expect(daysBetween(previous.last, range.first)).toBe(1);
          expect(range.days.length).toBe(daysBetween(range.first, range.last) + 1);
        }
        return true;
      }),
    );
  });
});

describe('in the browser’s zone across daylight saving (run under TZ=America/New_York)', () => {
  it('counts real hours: a repeated hour has one key, a skipped hour none', () => {
    // New York falls back on 1 Nov 2026 at 02:00 EDT: 01:00–02:00 happens twice.
    const fallBack = resolved('24h', Date.parse('2026-11-01T12:30:00-05:00'), BROWSER);
    if (fallBack.granularity !== 'hour') throw new Error('hourly expected');
    const repeats = new Date('2026-11-01T12:30:00-05:00').getTimezoneOffset() !== new Date('2026-10-31T12:30:00-04:00').getTimezoneOffset();
    expect(fallBack.hourCount).toBe(24);
    expect(fallBack.hours).toHaveLength(repeats ? 23 : 24);
    expect(fallBack.hours).toEqual([...new Set(fallBack.hours)]);
    // Springs forward on 8 Mar 2026: 02:00–03:00 never happens.
    const spring = resolved('24h', Date.parse('2026-03-08T12:30:00-04:00'), BROWSER);
    if (spring.granularity !== 'hour') throw new Error('hourly expected');
    const skips = new Date('2026-03-08T12:30:00-04:00').getTimezoneOffset() !== new Date('2026-03-07T12:30:00-05:00').getTimezoneOffset();
    expect(spring.hours.includes('2026-03-08 02')).toBe(!skips);
    expect(spring.hours).toHaveLength(24);
  });
});
