import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AccountUsageData,
  ProxyUserUsageData,
  TrafficBalanceData,
  UsageRow,
  UserListData,
} from '../../scripts/demo-api/answers.js';
import { PLAN, userBalanceKB } from '../../scripts/demo-api/plan.js';
import { createDemoApi } from '../../scripts/demo-api/server.js';
import { floorToHour } from '../../scripts/demo-api/time-keys.js';
import { HOUR_MS } from '../../utils/base/durations.js';
import { fullHourUsageKB, hourUsageKB, sumKB } from '../../scripts/demo-api/traffic-model.js';
import { USERS, findUser } from '../../scripts/demo-api/users.js';

// Tuesday 2025-07-01 10:30 UTC: the current hour is '2025-07-01 10' in UTC, '2025-07-01 18' in UTC+8.
const NOW = Date.UTC(2025, 6, 1, 10, 30);
const TOKEN = 'demo-token';
const HOURLY = '/proxy-users/usage-statistics-hour';
const DAILY = '/proxy-users/usage-statistics';

let nowMs = NOW;
const utcApi = createDemoApi({ now: () => nowMs });
const cstApi = createDemoApi({ now: () => nowMs, timezoneOffsetMinutes: 480 });
const shuffledApi = createDemoApi({ now: () => nowMs, shuffleRows: true });
let utcBase = '';
let cstBase = '';
let shuffledBase = '';

beforeAll(async () => {
  utcBase = (await utcApi.start()).baseUrl;
  cstBase = (await cstApi.start()).baseUrl;
  shuffledBase = (await shuffledApi.start()).baseUrl;
});
afterAll(() => Promise.all([utcApi, cstApi, shuffledApi].map((api) => api.stop())));

interface Answer<T> {
  code: number;
  msg: string;
  data: T;
}

async function fetchText(base: string, path: string, params: Record<string, string>, init?: RequestInit) {
  const url = new URL(base + path);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  const response = await fetch(url, init);
  return { status: response.status, contentType: response.headers.get('content-type'), text: await response.text() };
}

async function answer<T>(path: string, params: Record<string, string>, base = utcBase): Promise<Answer<T>> {
  const { status, contentType, text } = await fetchText(base, path, params);
  expect(status).toBe(200);
  expect(contentType).toBe('application/json');
  return JSON.parse(text) as Answer<T>;
}

const hourly = (username: string, from: string, to: string, base = utcBase, proxyType = '1') =>
  answer<ProxyUserUsageData>(
    HOURLY,
    { token: TOKEN, proxy_type: proxyType, username, from_date: from, to_date: to },
    base,
  );

const daily = (username: string, from: string, to: string, base = utcBase) =>
  answer<ProxyUserUsageData>(DAILY, { token: TOKEN, proxy_type: '1', username, from_date: from, to_date: to }, base);

describe('usage-statistics-hour', () => {
  it('answers the documented shape, in KB, one row per past hour', async () => {
    const { code, msg, data } = await hourly('alice_res', '2025-06-30 00', '2025-07-01 23');
    expect([code, msg]).toEqual([200, 'ok']);
    expect(Object.keys(data).sort()).toEqual([
      'data',
      'query_days',
      'range_usage_traffic',
      'total_usage_traffic',
      'traffic_balance',
      'traffic_limit',
    ]);
    expect(data.query_days).toBe(2);
    expect(data.data).toHaveLength(24 + 11);
    expect(data.data[0]?.date).toBe('2025-06-30 00');
    expect(data.data.at(-1)?.date).toBe('2025-07-01 10');
    for (const row of data.data) {
      expect(row.date).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}$/);
      const start = Date.parse(`${row.date.replace(' ', 'T')}:00:00Z`);
      expect(row.usage_traffic).toBe(hourUsageKB('alice_res', start, { now: () => NOW }));
    }
    expect(data.data.map((r) => r.date)).toEqual([...data.data.map((r) => r.date)].sort());
    expect(data.range_usage_traffic).toBe(sumKB(data.data.map((r) => r.usage_traffic)));
    const alice = findUser('alice_res');
    if (!alice) throw new Error('alice_res missing');
    expect(data.traffic_limit).toBe(alice.trafficLimitKB);
    expect(data.traffic_balance).toBe(userBalanceKB(alice, { now: () => NOW }));
    expect(data.traffic_balance).toBeGreaterThan(0);
    expect(data.traffic_balance).toBeLessThan(alice.trafficLimitKB);
    expect(data.total_usage_traffic).toBeGreaterThan(data.range_usage_traffic);
  });

  it('reports no limit and no balance for an unlimited user', async () => {
    const { data } = await hourly('bob_scraper', '2025-07-01 00', '2025-07-01 05');
    expect([data.traffic_limit, data.traffic_balance]).toEqual([0, 0]);
  });

  it('serves users of the queried proxy type only', async () => {
    expect((await hourly('dave_unl', '2025-07-01 00', '2025-07-01 05', utcBase, '2')).code).toBe(200);
    expect((await hourly('erin_mobile', '2025-07-01 00', '2025-07-01 05', utcBase, '3')).code).toBe(200);
    expect((await hourly('erin_mobile', '2025-07-01 00', '2025-07-01 05', utcBase, '1')).code).toBe(10020);
  });

  it('omits hours without traffic', async () => {
    const { data } = await hourly('carol_eu', '2025-06-30 00', '2025-06-30 23');
    const hours = data.data.map((r) => r.date.slice(11));
    expect(hours).toHaveLength(20);
    expect(hours).not.toContain('01');
    expect(hours).not.toContain('04');
    expect(data.query_days).toBe(1);
  });

  it('omits hours after the current one', async () => {
    const { data } = await hourly('alice_res', '2025-07-01 09', '2025-07-03 00');
    expect(data.data.map((r) => r.date)).toEqual(['2025-07-01 09', '2025-07-01 10']);
    const future = await hourly('alice_res', '2025-07-02 00', '2025-07-02 23');
    expect([future.code, future.data.data, future.data.range_usage_traffic]).toEqual([200, [], 0]);
  });

  it('serves the current hour partially, growing through the hour', async () => {
    const hour = floorToHour(NOW);
    const full = fullHourUsageKB('bob_scraper', hour);
    const currentRow = async (minute: number): Promise<UsageRow | undefined> => {
      nowMs = hour + minute * 60_000;
      const { data } = await hourly('bob_scraper', '2025-07-01 10', '2025-07-01 10');
      return data.data[0];
    };
    try {
      const early = await currentRow(5);
      const late = await currentRow(45);
      expect(early).toEqual({ date: '2025-07-01 10', usage_traffic: Math.round(((full * 6) / 60) * 100) / 100 });
      expect(late?.usage_traffic).toBe(Math.round(((full * 46) / 60) * 100) / 100);
      nowMs = hour + HOUR_MS;
      const { data } = await hourly('bob_scraper', '2025-07-01 10', '2025-07-01 10');
      expect(data.data[0]?.usage_traffic).toBe(full);
    } finally {
      nowMs = NOW;
    }
  });

  it('gives the same answer every time', async () => {
    const params = { token: TOKEN, proxy_type: '1', username: 'bob_scraper', from_date: '2025-06-01 00', to_date: '2025-07-01 23' };
    const first = await fetchText(utcBase, HOURLY, params);
    expect((await fetchText(utcBase, HOURLY, params)).text).toBe(first.text);
    const other = createDemoApi({ now: () => NOW });
    try {
      const { baseUrl } = await other.start();
      expect((await fetchText(baseUrl, HOURLY, params)).text).toBe(first.text);
    } finally {
      await other.stop();
    }
  });

  it('can scramble row order, the same way each time', async () => {
    const ordered = await hourly('alice_res', '2025-06-30 00', '2025-07-01 10');
    const shuffled = await hourly('alice_res', '2025-06-30 00', '2025-07-01 10', shuffledBase);
    const again = await hourly('alice_res', '2025-06-30 00', '2025-07-01 10', shuffledBase);
    expect(shuffled.data.data).not.toEqual(ordered.data.data);
    expect([...shuffled.data.data].sort((a, b) => a.date.localeCompare(b.date))).toEqual(ordered.data.data);
    expect(again.data.data).toEqual(shuffled.data.data);
    expect(shuffled.data.range_usage_traffic).toBe(ordered.data.range_usage_traffic);
  });
});

describe('API timezone', () => {
  it('shifts hour keys by the offset and keeps the values of each instant', async () => {
    const utc = await hourly('carol_eu', '2025-06-30 00', '2025-07-01 23');
    const cst = await hourly('carol_eu', '2025-06-30 08', '2025-07-02 07', cstBase);
    expect(cst.data.data.map((r) => r.usage_traffic)).toEqual(utc.data.data.map((r) => r.usage_traffic));
    const shifted = utc.data.data.map((r) => {
      const start = Date.parse(`${r.date.replace(' ', 'T')}:00:00Z`) + 8 * HOUR_MS;
      return new Date(start).toISOString().slice(0, 13).replace('T', ' ');
    });
    expect(cst.data.data.map((r) => r.date)).toEqual(shifted);
    expect(cst.data.data.at(-1)?.date).toBe('2025-07-01 18');
    expect(cst.data.range_usage_traffic).toBe(utc.data.range_usage_traffic);
  });

  it('cuts days at midnight of the API timezone', async () => {
    const cstDay = await daily('alice_res', '2025-06-30', '2025-06-30', cstBase);
    const cstHours = await hourly('alice_res', '2025-06-30 00', '2025-06-30 23', cstBase);
    const utcHours = await hourly('alice_res', '2025-06-29 16', '2025-06-30 15');
    expect(cstDay.data.data).toEqual([{ date: '2025-06-30', usage_traffic: cstHours.data.range_usage_traffic }]);
    expect(utcHours.data.range_usage_traffic).toBe(cstHours.data.range_usage_traffic);
  });
});

describe('usage-statistics (daily)', () => {
  it('sums the hours of each day, today so far included', async () => {
    const { code, data } = await daily('alice_res', '2025-06-29', '2025-07-05');
    expect(code).toBe(200);
    expect(data.query_days).toBe(7);
    expect(data.data.map((r) => r.date)).toEqual(['2025-06-29', '2025-06-30', '2025-07-01']);
    const today = await hourly('alice_res', '2025-07-01 00', '2025-07-01 23');
    expect(data.data[2]?.usage_traffic).toBe(today.data.range_usage_traffic);
  });

  it('adds up several comma-separated users', async () => {
    const both = await daily('alice_res, bob_scraper', '2025-06-25', '2025-07-01');
    const alice = await daily('alice_res', '2025-06-25', '2025-07-01');
    const bob = await daily('bob_scraper', '2025-06-25', '2025-07-01');
    expect(both.data.data).toEqual(
      alice.data.data.map((row, i) => ({
        date: row.date,
        usage_traffic: sumKB([row.usage_traffic, bob.data.data[i]?.usage_traffic ?? NaN]),
      })),
    );
    expect(both.data.total_usage_traffic).toBe(sumKB([alice.data.total_usage_traffic, bob.data.total_usage_traffic]));
    expect(both.data.traffic_limit).toBe(0);
    const repeated = await daily('alice_res,alice_res', '2025-06-25', '2025-07-01');
    expect(repeated.data.data).toEqual(alice.data.data);
  });

  it('leaves out the days without traffic, such as those before a user existed', async () => {
    // ivan_mob (the second account's) was created on 2025-04-22 at 13:30 UTC.
    const { code, data } = await answer<ProxyUserUsageData>(DAILY, {
      token: 'demo-token-2',
      proxy_type: '3',
      username: 'ivan_mob',
      from_date: '2025-04-20',
      to_date: '2025-04-23',
    });
    expect(code).toBe(200);
    expect(data.query_days).toBe(4);
    expect(data.data.map((r) => r.date)).toEqual(['2025-04-22', '2025-04-23']);
    expect(data.range_usage_traffic).toBe(sumKB(data.data.map((r) => r.usage_traffic)));
  });

  it('answers nothing for days after today', async () => {
    const { data } = await daily('alice_res', '2025-07-02', '2025-07-09');
    expect(data.data).toEqual([]);
    expect(data.range_usage_traffic).toBe(0);
  });
});

describe('user-list', () => {
  it('lists the users of each proxy type', async () => {
    for (const type of [1, 2, 3] as const) {
      const { code, data } = await answer<UserListData>('/proxy-users/user-list', { token: TOKEN, proxy_type: String(type) });
      const expected = USERS.filter((u) => u.proxyType === type);
      expect(code).toBe(200);
      expect([data.limit, data.remaining_limit, data.user_count]).toEqual([20, 20 - USERS.length, expected.length]);
      expect(data.list.map((u) => u.username)).toEqual(expected.map((u) => u.username));
      for (const item of data.list) {
        expect(item.created_time).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
        expect(item.status).toBe(true);
        expect(typeof item.password).toBe('string');
        expect(item.usage_traffic).toBeGreaterThan(0);
      }
    }
  });

  // Documented: "proxy user traffic limit (MB), 0 = no limit", "proxy user total usage (MB)";
  // the hourly endpoint speaks KB. Both from the same model, they differ by 1024 (1 MB = 1024 KB).
  const KB_PER_MB = 1024;
  /** Half a hundredth of an MB, in KB: the most that rounding MB to 2 decimals may lose. */
  const MB_ROUNDING_KB = 0.005 * KB_PER_MB;
  const hasTwoDecimalsAtMost = (value: number): boolean => Math.abs(value * 100 - Math.round(value * 100)) < 1e-6;

  it.each(USERS.map((u) => [u.username, u.proxyType] as const))(
    'answers %s in MB, matching the hourly endpoint in KB',
    async (username, proxyType) => {
      const list = await answer<UserListData>('/proxy-users/user-list', { token: TOKEN, proxy_type: String(proxyType) });
      const item = list.data.list.find((u) => u.username === username);
      if (!item) throw new Error(`${username} missing from user-list`);
      const hour = await hourly(username, '2025-07-01 00', '2025-07-01 01', utcBase, String(proxyType));
      expect(hour.code).toBe(200);
      expect(Math.abs(item.traffic_limit * KB_PER_MB - hour.data.traffic_limit)).toBeLessThanOrEqual(MB_ROUNDING_KB);
      expect(Math.abs(item.usage_traffic * KB_PER_MB - hour.data.total_usage_traffic)).toBeLessThanOrEqual(MB_ROUNDING_KB);
      expect(hasTwoDecimalsAtMost(item.traffic_limit)).toBe(true);
      expect(hasTwoDecimalsAtMost(item.usage_traffic)).toBe(true);
      expect(item.traffic_limit === 0).toBe(hour.data.traffic_limit === 0);
    },
  );

  it('gives the limits of the demo users as documented MB figures', async () => {
    const list = await answer<UserListData>('/proxy-users/user-list', { token: TOKEN, proxy_type: '1' });
    const limits = Object.fromEntries(list.data.list.map((u) => [u.username, u.traffic_limit]));
    expect(limits).toEqual({ alice_res: 500 * 1024, bob_scraper: 0, carol_eu: 200 * 1024 });
  });
});

describe('account endpoints', () => {
  it('gives the traffic balance in MB and the plan expiry date', async () => {
    const { code, data } = await answer<TrafficBalanceData>('/account/traffic-balance', { token: TOKEN });
    expect(code).toBe(200);
    expect(data.traffic_balance).toBeGreaterThan(0);
    expect(data.traffic_balance).toBeLessThanOrEqual(PLAN.residentialQuotaMB);
    expect(data.expiration_time).toBe('2025-07-30');
  });

  it('sums every user per day for the account usage', async () => {
    const { code, data } = await answer<AccountUsageData>('/account/usage-statistics', {
      token: TOKEN,
      from_date: '2025-06-28',
      to_date: '2025-07-01',
    });
    expect(code).toBe(200);
    expect(data.query_days).toBe(4);
    const perUser = await Promise.all(
      USERS.map((u) =>
        answer<ProxyUserUsageData>(DAILY, {
          token: TOKEN,
          proxy_type: String(u.proxyType),
          username: u.username,
          from_date: '2025-06-28',
          to_date: '2025-07-01',
        }),
      ),
    );
    data.data.forEach((row, i) => {
      expect(row.usage_traffic).toBe(sumKB(perUser.map((p) => p.data.data[i]?.usage_traffic ?? NaN)));
    });
    expect(data.range_usage_traffic).toBe(sumKB(data.data.map((r) => r.usage_traffic)));
  });
});

describe('errors', () => {
  const good = { token: TOKEN, proxy_type: '1', username: 'alice_res', from_date: '2025-07-01 00', to_date: '2025-07-01 10' };
  const without = (name: keyof typeof good): Record<string, string> =>
    Object.fromEntries(Object.entries(good).filter(([k]) => k !== name));

  it.each([
    ['missing token', without('token'), 10000],
    ['wrong token', { ...good, token: 'not-the-token' }, 10013],
    ['missing username', without('username'), 10000],
    ['missing from_date', without('from_date'), 10000],
    ['a day instead of an hour', { ...good, from_date: '2025-07-01' }, 10000],
    ['an impossible date', { ...good, from_date: '2025-02-30 00' }, 10000],
    ['hour 24', { ...good, to_date: '2025-07-01 24' }, 10000],
    ['from after to', { ...good, from_date: '2025-07-01 11' }, 10000],
    ['an unknown proxy type', { ...good, proxy_type: '4' }, 10000],
    ['an unknown user', { ...good, username: 'mallory' }, 10020],
    ['a user of another proxy type', { ...good, username: 'dave_unl' }, 10020],
    ['a range of 181 days', { ...good, from_date: '2025-01-02 00' }, 10021],
    ['a start 181 days ago', { ...good, from_date: '2025-01-01 00', to_date: '2025-01-01 05' }, 10021],
    ['exactly 180 days, ending yesterday', { ...good, from_date: '2025-01-02 00', to_date: '2025-06-30 23' }, 200],
    ['proxy_type left to its default (1)', without('proxy_type'), 200],
  ])('hourly: %s -> %i', async (_, params, expected) => {
    const body = await answer<unknown>(HOURLY, params);
    expect(body.code).toBe(expected);
    if (expected !== 200) expect(body.data).toBeNull();
  });

  it.each([
    ['an unknown name in the list', 'alice_res,mallory', 10020],
    ['an empty name in the list', 'alice_res,', 10000],
  ])('daily: %s -> %i', async (_, username, expected) => {
    expect((await daily(username, '2025-06-30', '2025-07-01')).code).toBe(expected);
  });

  // Today is 2025-07-01: 180 days back is 2025-01-02.
  it.each([
    ['an hour instead of a day', '2025-06-30 00', '2025-06-30', 10000],
    ['a date with slashes', '2025/06/30', '2025-06-30', 10000],
    ['an impossible date', '2025-02-30', '2025-03-01', 10000],
    ['from after to', '2025-07-01', '2025-06-30', 10000],
    ['a range of 181 days', '2025-01-01', '2025-06-30', 10021],
    ['a start 181 days ago', '2025-01-01', '2025-01-05', 10021],
    ['exactly 180 days, ending yesterday', '2025-01-02', '2025-06-30', 200],
  ])('daily: %s -> %i', async (_, from, to, expected) => {
    const body = await daily('alice_res', from, to);
    expect(body.code).toBe(expected);
    if (expected !== 200) expect(body.data).toBeNull();
  });

  it('uses the documented messages', async () => {
    expect(await answer(HOURLY, { ...good, token: 'x' })).toEqual({ code: 10013, msg: 'sign error', data: null });
    expect((await answer(HOURLY, { ...good, username: 'mallory' })).msg).toBe('username does not exist');
    expect((await answer(HOURLY, { ...good, from_date: '2024-01-01 00' })).msg).toBe('query date cannot exceed 180 days');
  });

  it('checks the token on every endpoint', async () => {
    expect((await answer('/proxy-users/user-list', { token: 'x', proxy_type: '1' })).code).toBe(10013);
    expect((await answer('/account/traffic-balance', { token: 'x' })).code).toBe(10013);
    expect((await answer('/account/usage-statistics', { token: 'x', from_date: '2025-07-01', to_date: '2025-07-01' })).code).toBe(10013);
    expect((await answer('/proxy-users/user-list', { token: TOKEN, proxy_type: 'mobile' })).code).toBe(10000);
  });

  it('answers unknown paths with HTTP 404 and other methods with 405', async () => {
    const missing = await fetchText(utcBase, '/proxy-users/nothing-here', { token: TOKEN });
    expect([missing.status, missing.contentType, JSON.parse(missing.text)]).toEqual([
      404,
      'application/json',
      { code: 404, msg: 'not found', data: null },
    ]);
    const posted = await fetchText(utcBase, '/account/traffic-balance', { token: TOKEN }, { method: 'POST' });
    expect(posted.status).toBe(405);
  });
});
