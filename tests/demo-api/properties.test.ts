import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProxyUserUsageData } from '../../scripts/demo-api/answers.js';
import { createDemoApi, type DemoApi } from '../../scripts/demo-api/server.js';
import { floorToHour, formatDayKey, formatHourKey } from '../../scripts/demo-api/time-keys.js';
import { DAY_MS, HOUR_MS } from '../../utils/base/durations.js';
import { sumKB } from '../../scripts/demo-api/traffic-model.js';
import { USERS } from '../../scripts/demo-api/users.js';

const NOW = Date.UTC(2025, 6, 1, 10, 30);
const OFFSETS = [0, 480, -300] as const;
const apis = new Map<number, DemoApi>(OFFSETS.map((offset) => [offset, createDemoApi({ now: () => NOW, timezoneOffsetMinutes: offset })]));
const bases = new Map<number, string>();

beforeAll(async () => {
  for (const [offset, api] of apis) bases.set(offset, (await api.start()).baseUrl);
});
afterAll(() => Promise.all([...apis.values()].map((api) => api.stop())));

async function usage(offset: number, path: string, params: Record<string, string>): Promise<ProxyUserUsageData> {
  const url = new URL(`${bases.get(offset) ?? ''}${path}`);
  for (const [name, value] of Object.entries({ token: 'demo-token', ...params })) url.searchParams.set(name, value);
  const body = (await (await fetch(url)).json()) as { code: number; data: ProxyUserUsageData };
  expect(body.code).toBe(200);
  return body.data;
}

const user = fc.constantFrom(...USERS);
const offset = fc.constantFrom(...OFFSETS);

describe('answers agree with each other', () => {
  it('the hourly rows of a day add up to that day in the daily endpoint', async () => {
    await fc.assert(
      fc.asyncProperty(user, offset, fc.integer({ min: 0, max: 20 }), async (u, tz, daysAgo) => {
        const day = formatDayKey(NOW - daysAgo * DAY_MS, tz);
        const common = { proxy_type: String(u.proxyType), username: u.username };
        const hours = await usage(tz, '/proxy-users/usage-statistics-hour', {
          ...common,
          from_date: `${day} 00`,
          to_date: `${day} 23`,
        });
        const days = await usage(tz, '/proxy-users/usage-statistics', { ...common, from_date: day, to_date: day });
        expect(days.data).toEqual([{ date: day, usage_traffic: hours.range_usage_traffic }]);
      }),
      { numRuns: 30 },
    );
  });

  it('range_usage_traffic is the sum of the rows, which lie in the range and not after now', async () => {
    await fc.assert(
      fc.asyncProperty(
        user,
        offset,
        fc.integer({ min: -24 * 10, max: 24 }),
        fc.integer({ min: 0, max: 24 * 4 }),
        async (u, tz, startHour, length) => {
          const from = floorToHour(NOW) + startHour * HOUR_MS;
          const to = from + length * HOUR_MS;
          const data = await usage(tz, '/proxy-users/usage-statistics-hour', {
            proxy_type: String(u.proxyType),
            username: u.username,
            from_date: formatHourKey(from, tz),
            to_date: formatHourKey(to, tz),
          });
          expect(data.range_usage_traffic).toBe(sumKB(data.data.map((r) => r.usage_traffic)));
          const last = formatHourKey(Math.min(to, floorToHour(NOW)), tz);
          for (const row of data.data) {
            expect(row.usage_traffic).toBeGreaterThan(0);
            expect(row.date >= formatHourKey(from, tz) && row.date <= last).toBe(true);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
