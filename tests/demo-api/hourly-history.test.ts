import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProxyUserUsageData } from '../../scripts/demo-api/answers.js';
import { createDemoApi, type DemoApi } from '../../scripts/demo-api/server.js';
import { formatDayKey } from '../../scripts/demo-api/time-keys.js';
import { sumKB } from '../../scripts/demo-api/traffic-model.js';
import { USERS } from '../../scripts/demo-api/users.js';
import { DAY_MS } from '../../utils/base/durations.js';

// The details page asks the hourly endpoint for any past day it drills into, and the daily one
// for up to 180 days: the two must tell the same story as far back as either answers.
const NOW = Date.UTC(2025, 6, 1, 10, 30);
const OFFSETS = [0, 480, -300] as const;
const apis = new Map<number, DemoApi>(OFFSETS.map((offset) => [offset, createDemoApi({ now: () => NOW, timezoneOffsetMinutes: offset })]));
const bases = new Map<number, string>();

beforeAll(async () => {
  for (const [offset, api] of apis) bases.set(offset, (await api.start()).baseUrl);
});
afterAll(() => Promise.all([...apis.values()].map((api) => api.stop())));

interface Body {
  readonly code: number;
  readonly data: ProxyUserUsageData | null;
}

async function ask(offset: number, path: string, params: Record<string, string>): Promise<Body> {
  const url = new URL(`${bases.get(offset) ?? ''}${path}`);
  for (const [name, value] of Object.entries({ token: 'demo-token', ...params })) url.searchParams.set(name, value);
  return (await (await fetch(url)).json()) as Body;
}

const HOURLY = '/proxy-users/usage-statistics-hour';
const DAILY = '/proxy-users/usage-statistics';
// Users that existed over the whole half year before NOW, so no day is empty by their creation.
const user = fc.constantFrom(...USERS.filter((u) => u.createdAtUtcMs < NOW - 200 * DAY_MS));
const offset = fc.constantFrom(...OFFSETS);
const dayBack = (tz: number, days: number) => formatDayKey(NOW - days * DAY_MS, tz);

describe('the hourly endpoint over the past half year', () => {
  it('answers a span of days anywhere in the last 180, each day’s hours adding up to that day in the daily endpoint', async () => {
    await fc.assert(
      fc.asyncProperty(user, offset, fc.integer({ min: 1, max: 180 }), fc.integer({ min: 0, max: 6 }), async (u, tz, startBack, extra) => {
        const from = dayBack(tz, startBack);
        const to = dayBack(tz, Math.max(1, startBack - extra));
        const common = { proxy_type: String(u.proxyType), username: u.username };
        const hours = await ask(tz, HOURLY, { ...common, from_date: `${from} 00`, to_date: `${to} 23` });
        const days = await ask(tz, DAILY, { ...common, from_date: from, to_date: to });
        expect([hours.code, days.code]).toEqual([200, 200]);
        const byDay = new Map<string, number[]>();
        for (const row of hours.data?.data ?? []) byDay.set(row.date.slice(0, 10), [...(byDay.get(row.date.slice(0, 10)) ?? []), row.usage_traffic]);
        const summed = [...byDay].map(([date, values]) => ({ date, usage_traffic: sumKB(values) }));
        expect(summed.sort((a, b) => a.date.localeCompare(b.date))).toEqual([...(days.data?.data ?? [])].sort((a, b) => a.date.localeCompare(b.date)));
        expect(summed.length).toBeGreaterThan(0);
      }),
      { numRuns: 30 },
    );
  });

  it('refuses with 10021 exactly the spans the daily endpoint refuses: over 180 days, or starting more than 180 days back', async () => {
    await fc.assert(
      fc.asyncProperty(user, offset, fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 200 }), async (u, tz, a, b) => {
        const [startBack, endBack] = a >= b ? [a, b] : [b, a];
        const from = dayBack(tz, startBack);
        const to = dayBack(tz, endBack);
        const common = { proxy_type: String(u.proxyType), username: u.username };
        const hourly = await ask(tz, HOURLY, { ...common, from_date: `${from} 00`, to_date: `${to} 23` });
        const daily = await ask(tz, DAILY, { ...common, from_date: from, to_date: to });
        expect(hourly.code).toBe(daily.code);
        expect(hourly.code).toBe(startBack > 180 || startBack - endBack + 1 > 180 ? 10021 : 200);
      }),
      { numRuns: 60 },
    );
  });

  it('answers the first hours of the oldest day it still serves, and refuses the day before', async () => {
    const common = { proxy_type: '1', username: 'alice_res' };
    const oldest = dayBack(0, 180);
    expect((await ask(0, HOURLY, { ...common, from_date: `${oldest} 00`, to_date: `${oldest} 05` })).code).toBe(200);
    const before = dayBack(0, 181);
    expect((await ask(0, HOURLY, { ...common, from_date: `${before} 23`, to_date: `${oldest} 05` })).code).toBe(10021);
  });
});
