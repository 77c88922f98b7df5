import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AccountUsageData,
  ProxyUserUsageData,
  TrafficBalanceData,
  UserListData,
} from '../../scripts/demo-api/answers.js';
import { SECOND_PLAN } from '../../scripts/demo-api/accounts.js';
import { PLAN, userBalanceKB } from '../../scripts/demo-api/plan.js';
import { DEFAULT_TOKEN, SECOND_TOKEN, createDemoApi } from '../../scripts/demo-api/server.js';
import { hourUsageKB, sumKB } from '../../scripts/demo-api/traffic-model.js';
import { SECOND_ACCOUNT_USERS, USERS, findUser } from '../../scripts/demo-api/users.js';
import { HOUR_MS } from '../../utils/base/durations.js';

// Tuesday 2025-07-01 10:30 UTC, as in api.test.ts.
const NOW = Date.UTC(2025, 6, 1, 10, 30);
const clock = { now: () => NOW };
const HOURLY = '/proxy-users/usage-statistics-hour';
const DAILY = '/proxy-users/usage-statistics';
const api = createDemoApi({ now: () => NOW });
let base = '';

beforeAll(async () => {
  base = (await api.start()).baseUrl;
});
afterAll(() => api.stop());

interface Answer<T> {
  code: number;
  msg: string;
  data: T;
}

async function answer<T>(path: string, params: Record<string, string>): Promise<Answer<T>> {
  const url = new URL(base + path);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return (await (await fetch(url)).json()) as Answer<T>;
}

const hourly = (token: string, username: string, proxyType: number) =>
  answer<ProxyUserUsageData>(HOURLY, {
    token,
    proxy_type: String(proxyType),
    username,
    from_date: '2025-07-01 00',
    to_date: '2025-07-01 10',
  });

const userList = (token: string, proxyType: number) =>
  answer<UserListData>('/proxy-users/user-list', { token, proxy_type: String(proxyType) });

describe('the built-in accounts', () => {
  it('are the original demo account first, then a second one of two products with its own users', () => {
    expect(api.accounts().map((a) => [a.token, a.users.map((u) => u.username)])).toEqual([
      [DEFAULT_TOKEN, ['alice_res', 'bob_scraper', 'carol_eu', 'dave_unl', 'erin_mobile']],
      [SECOND_TOKEN, ['frank_res', 'grace_res', 'heidi_mob', 'ivan_mob']],
    ]);
    expect(api.accounts()[0]?.users).toBe(USERS);
    expect(SECOND_ACCOUNT_USERS.map((u) => u.proxyType)).toEqual([1, 1, 3, 3]);
  });

  it('give the second account traffic profiles of its own', () => {
    const firstProfiles = USERS.map((u) => JSON.stringify(u.profile));
    for (const user of SECOND_ACCOUNT_USERS) expect(firstProfiles).not.toContain(JSON.stringify(user.profile));
  });

  it('refuse a first token equal to the second account token', () => {
    expect(() => createDemoApi({ token: SECOND_TOKEN })).toThrow(RangeError);
    expect(() => createDemoApi({ token: '' })).toThrow(RangeError);
  });
});

describe('each token answers from its own account', () => {
  it.each([
    [DEFAULT_TOKEN, 1, ['alice_res', 'bob_scraper', 'carol_eu']],
    [DEFAULT_TOKEN, 2, ['dave_unl']],
    [DEFAULT_TOKEN, 3, ['erin_mobile']],
    [SECOND_TOKEN, 1, ['frank_res', 'grace_res']],
    [SECOND_TOKEN, 2, []],
    [SECOND_TOKEN, 3, ['heidi_mob', 'ivan_mob']],
  ])('user-list with %s and proxy_type %i', async (token, proxyType, expected) => {
    const { code, data } = await userList(token, proxyType);
    expect(code).toBe(200);
    expect(data.list.map((u) => u.username)).toEqual(expected);
    expect(data.user_count).toBe(expected.length);
    const accountSize = token === DEFAULT_TOKEN ? USERS.length : SECOND_ACCOUNT_USERS.length;
    expect([data.limit, data.remaining_limit]).toEqual([20, 20 - accountSize]);
  });

  it('serves the second account\'s users with its token, in KB, with its plan\'s balance', async () => {
    for (const user of SECOND_ACCOUNT_USERS) {
      const { code, data } = await hourly(SECOND_TOKEN, user.username, user.proxyType);
      expect(code).toBe(200);
      for (const row of data.data) {
        const start = Date.parse(`${row.date.replace(' ', 'T')}:00:00Z`);
        expect(row.usage_traffic).toBe(hourUsageKB(user.username, start, clock));
        expect(row.usage_traffic).toBe(api.expectedHourUsageKB(SECOND_TOKEN, user.username, start));
      }
      expect(data.traffic_limit).toBe(user.trafficLimitKB);
      expect(data.traffic_balance).toBe(userBalanceKB(user, clock, SECOND_PLAN));
    }
    const heidi = await hourly(SECOND_TOKEN, 'heidi_mob', 3);
    expect(heidi.data.data.length).toBeGreaterThan(0);
  });

  it.each([
    ['another account\'s user', DEFAULT_TOKEN, 'frank_res', 1],
    ['another account\'s mobile user', DEFAULT_TOKEN, 'heidi_mob', 3],
    ['the first account\'s user', SECOND_TOKEN, 'alice_res', 1],
    ['the first account\'s mobile user', SECOND_TOKEN, 'erin_mobile', 3],
  ])('the hourly endpoint answers 10020 for %s', async (_, token, username, proxyType) => {
    expect(await hourly(token, username, proxyType)).toEqual({ code: 10020, msg: 'username does not exist', data: null });
  });

  it('the daily endpoint answers 10020 when a listed user belongs to another account', async () => {
    const day = { proxy_type: '1', from_date: '2025-06-30', to_date: '2025-07-01' };
    expect((await answer(DAILY, { ...day, token: SECOND_TOKEN, username: 'frank_res,grace_res' })).code).toBe(200);
    expect((await answer(DAILY, { ...day, token: SECOND_TOKEN, username: 'frank_res,alice_res' })).code).toBe(10020);
    expect((await answer(DAILY, { ...day, token: DEFAULT_TOKEN, username: 'alice_res,grace_res' })).code).toBe(10020);
  });

  it('gives each account its own traffic balance (MB) and expiry', async () => {
    const first = await answer<TrafficBalanceData>('/account/traffic-balance', { token: DEFAULT_TOKEN });
    const second = await answer<TrafficBalanceData>('/account/traffic-balance', { token: SECOND_TOKEN });
    expect([first.code, second.code]).toEqual([200, 200]);
    expect([first.data.expiration_time, second.data.expiration_time]).toEqual(['2025-07-30', '2025-07-10']);
    expect(first.data.traffic_balance).toBeLessThanOrEqual(PLAN.residentialQuotaMB);
    expect(second.data.traffic_balance).toBeGreaterThan(0);
    expect(second.data.traffic_balance).toBeLessThan(SECOND_PLAN.residentialQuotaMB);
    expect(second.data.traffic_balance).not.toBe(first.data.traffic_balance);
  });

  it('sums only the account\'s own users in account/usage-statistics', async () => {
    const days = { from_date: '2025-06-30', to_date: '2025-07-01' };
    const second = await answer<AccountUsageData>('/account/usage-statistics', { ...days, token: SECOND_TOKEN });
    const dayStarts = [Date.UTC(2025, 5, 30), Date.UTC(2025, 6, 1)];
    const expected = dayStarts.map((start) =>
      sumKB(
        SECOND_ACCOUNT_USERS.flatMap((u) =>
          Array.from({ length: 24 }, (_, h) => hourUsageKB(u.username, start + h * HOUR_MS, clock)),
        ),
      ),
    );
    expect(second.data.data.map((r) => r.usage_traffic)).toEqual(expected);
    const first = await answer<AccountUsageData>('/account/usage-statistics', { ...days, token: DEFAULT_TOKEN });
    expect(first.data.range_usage_traffic).not.toBe(second.data.range_usage_traffic);
  });

  it('answers 10013 to a token no account has, on every endpoint', async () => {
    const token = 'demo-token-9';
    expect((await userList(token, 1)).code).toBe(10013);
    expect((await hourly(token, 'frank_res', 1)).code).toBe(10013);
    expect((await answer('/account/traffic-balance', { token })).code).toBe(10013);
    expect((await answer('/account/usage-statistics', { token, from_date: '2025-07-01', to_date: '2025-07-01' })).code).toBe(10013);
  });
});

describe('expectedHourUsageKB', () => {
  it('is the hourly truth for a user of the token\'s account, and refuses anyone else\'s', () => {
    const hour = Date.UTC(2025, 6, 1, 9);
    expect(api.expectedHourUsageKB(DEFAULT_TOKEN, 'alice_res', hour)).toBe(hourUsageKB('alice_res', hour, clock));
    expect(api.expectedHourUsageKB(SECOND_TOKEN, 'grace_res', hour)).toBeGreaterThan(0);
    expect(() => api.expectedHourUsageKB(DEFAULT_TOKEN, 'grace_res', hour)).toThrow(RangeError);
    expect(() => api.expectedHourUsageKB('demo-token-9', 'alice_res', hour)).toThrow(RangeError);
  });

  it('finds the second account\'s users in the traffic model by name alone', () => {
    expect(findUser('ivan_mob')?.proxyType).toBe(3);
  });
});

describe('request log', () => {
  it('holds no token of any account, even one sent where a username goes', async () => {
    api.clearRequests();
    await hourly(DEFAULT_TOKEN, 'alice_res', 1);
    await hourly(SECOND_TOKEN, 'frank_res', 1);
    await hourly(DEFAULT_TOKEN, SECOND_TOKEN, 1);
    await userList(SECOND_TOKEN, 3);
    const entries = api.requests();
    expect(entries).toHaveLength(4);
    expect(entries.every((e) => e.params['token'] === '[redacted]')).toBe(true);
    expect(entries[2]?.params['username']).toBe('[redacted]');
    const text = JSON.stringify(entries);
    for (const account of api.accounts()) expect(text).not.toContain(account.token);
  });
});
