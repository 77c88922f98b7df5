import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseApiTimezone, UTC, type ApiTimezone } from '@/utils/time/api-timezone';
import { hourKeyAt, hourStart, parseHourKey, recentHourKeys } from '@/utils/time/hour-keys';
import { HOUR_MS } from '@/utils/base/durations';

const UTC8: ApiTimezone = { kind: 'offset', minutes: 480 };
const at = (iso: string) => Date.parse(iso);

describe('hour keys in the API timezone', () => {
  it('names the hour containing an instant, in UTC and in UTC+8', () => {
    expect(hourKeyAt(at('2025-07-01T00:59:59Z'), UTC)).toBe('2025-07-01 00');
    expect(hourKeyAt(at('2025-07-01T00:59:59Z'), UTC8)).toBe('2025-07-01 08');
    expect(hourKeyAt(at('2025-12-31T16:00:00Z'), UTC8)).toBe('2026-01-01 00');
  });

  it('handles half-hour offsets', () => {
    const kolkata = parseApiTimezone('UTC+5:30');
    expect(kolkata).toEqual({ kind: 'offset', minutes: 330 });
    expect(hourKeyAt(at('2025-07-01T10:15:00Z'), kolkata ?? UTC)).toBe('2025-07-01 15');
    expect(hourKeyAt(at('2025-07-01T10:45:00Z'), kolkata ?? UTC)).toBe('2025-07-01 16');
  });

  it('finds the start of an hour key', () => {
    expect(hourStart('2025-07-01 08', UTC8)).toBe(at('2025-07-01T00:00:00Z'));
    expect(hourStart('2024-02-29 23', UTC)).toBe(at('2024-02-29T23:00:00Z'));
  });

  it('rejects impossible keys', () => {
    for (const bad of ['2025-02-29 10', '2025-13-01 00', '2025-01-01 24', '2025-1-01 00', '2025-01-01T00', '']) {
      expect(parseHourKey(bad)).toBeNull();
      expect(hourStart(bad, UTC)).toBeNull();
    }
  });

  it('lists the last N hours oldest first, across a year boundary', () => {
    const keys = recentHourKeys(at('2026-01-01T01:30:00Z'), 4, UTC);
    expect(keys).toEqual(['2025-12-31 22', '2025-12-31 23', '2026-01-01 00', '2026-01-01 01']);
  });

  it('round-trips any instant through its key, for every fixed offset', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: at('2000-01-01T00:00:00Z'), max: at('2099-12-31T00:00:00Z') }),
        fc.integer({ min: -48, max: 56 }).map((q) => q * 15),
        (instant, minutes) => {
          const tz: ApiTimezone = { kind: 'offset', minutes };
          const start = hourStart(hourKeyAt(instant, tz), tz);
          expect(start).not.toBeNull();
          expect(instant - (start ?? 0)).toBeGreaterThanOrEqual(0);
          expect(instant - (start ?? 0)).toBeLessThan(HOUR_MS);
        },
      ),
    );
  });

  it('round-trips in the browser zone, whatever TZ the tests run under', () => {
    const browser: ApiTimezone = { kind: 'browser' };
    fc.assert(
      fc.property(fc.integer({ min: at('2000-01-01T00:00:00Z'), max: at('2099-12-31T00:00:00Z') }), (instant) => {
        const key = hourKeyAt(instant, browser);
        const start = hourStart(key, browser) ?? Number.NaN;
        // In a repeated daylight-saving hour the key names two instants; either start is right.
        expect([0, HOUR_MS]).toContain(Math.floor((instant - start) / HOUR_MS) * HOUR_MS);
      }),
    );
  });

  it('never repeats a key in a window, even across a daylight-saving change', () => {
    fc.assert(
      fc.property(fc.integer({ min: at('2020-01-01T00:00:00Z'), max: at('2030-01-01T00:00:00Z') }), (now) => {
        const keys = recentHourKeys(now, 72, { kind: 'browser' });
        expect(new Set(keys).size).toBe(keys.length);
        expect(keys.length).toBeGreaterThanOrEqual(71);
        expect([...keys].sort()).toEqual(keys);
      }),
    );
  });
});

describe('API timezone setting', () => {
  it('reads and writes the stored forms', () => {
    expect(parseApiTimezone('UTC')).toEqual(UTC);
    expect(parseApiTimezone('UTC+8')).toEqual(UTC8);
    expect(parseApiTimezone('UTC-03:00')).toEqual({ kind: 'offset', minutes: -180 });
    expect(parseApiTimezone('browser')).toEqual({ kind: 'browser' });
    for (const bad of ['UTC+15', 'UTC-13', 'GMT+8', '+8', 'UTC+5:60', 'utc']) expect(parseApiTimezone(bad)).toBeNull();
  });
});
