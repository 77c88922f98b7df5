import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProxyUserUsageData, TrafficBalanceData, UserListData } from '../../scripts/demo-api/answers.js';
import { SECOND_TOKEN, THIRD_TOKEN, buildAccounts, scaleRunUsers } from '../../scripts/demo-api/accounts.js';
import { parseGenerateFlag } from '../../scripts/demo-api/cli-args.js';
import {
  MAX_USERS_PER_TYPE,
  generateUsers,
  generatedUserNamed,
  generatedUsername,
} from '../../scripts/demo-api/generated-users.js';
import { DEFAULT_TOKEN, createDemoApi } from '../../scripts/demo-api/server.js';
import { fullHourUsageKB, hourUsageKB } from '../../scripts/demo-api/traffic-model.js';
import { findUser } from '../../scripts/demo-api/users.js';
import { KB_PER_GB } from '../../utils/base/units.js';

const NOW = Date.UTC(2025, 6, 1, 10, 30);
const clock = { now: () => NOW };
const api = createDemoApi({ now: () => NOW, generatedUsers: scaleRunUsers() });
let base = '';

beforeAll(async () => {
  base = (await api.start()).baseUrl;
});
afterAll(() => api.stop());

async function answer<T>(path: string, params: Record<string, string>): Promise<{ code: number; data: T }> {
  const url = new URL(base + path);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return (await (await fetch(url)).json()) as { code: number; data: T };
}

describe('generated users', () => {
  it('are named by account position, product and index', () => {
    expect(generateUsers(3, { 1: 2, 2: 1, 3: 2 }).map((u) => [u.username, u.proxyType])).toEqual([
      ['bulk3_r001', 1],
      ['bulk3_r002', 1],
      ['bulk3_u001', 2],
      ['bulk3_m001', 3],
      ['bulk3_m002', 3],
    ]);
    expect(generatedUsername(12, 3, 100)).toBe('bulk12_m100');
  });

  it('are the same on every call, and each is found again from its name alone', () => {
    const users = generateUsers(4, { 1: 30, 3: 10 });
    expect(generateUsers(4, { 1: 30, 3: 10 })).toEqual(users);
    for (const user of users) {
      expect(generatedUserNamed(user.username)).toEqual(user);
      expect(findUser(user.username)).toEqual(user);
    }
  });

  it('keep their traffic from run to run', () => {
    // A fixed figure: a change to the generator shows here before it surprises a benchmark.
    expect(fullHourUsageKB('bulk3_r001', Date.UTC(2025, 6, 1, 9))).toBe(373789.67);
    expect(hourUsageKB('bulk3_m005', Date.UTC(2025, 6, 1, 9), clock)).toBe(fullHourUsageKB('bulk3_m005', Date.UTC(2025, 6, 1, 9)));
  });

  it('vary in traffic, limits and status, deterministically', () => {
    const users = generateUsers(3, { 1: 100 });
    expect(new Set(users.map((u) => u.profile.meanKB)).size).toBe(100);
    expect(users.filter((u) => !u.status).map((u) => u.username)).toEqual(
      [10, 20, 30, 40, 50, 60, 70, 80, 90, 100].map((i) => generatedUsername(3, 1, i)),
    );
    expect(users.some((u) => u.trafficLimitKB === 0)).toBe(true);
    expect(users.some((u) => u.trafficLimitKB > 0)).toBe(true);
    for (const user of users) expect(user.trafficLimitKB % KB_PER_GB).toBe(0);
    expect(users.some((u) => u.profile.quietHoursUtc.length > 0)).toBe(true);
  });

  it.each(['bulk0_r001', 'bulk3_r000', 'bulk3_r101', 'bulk03_r001', 'bulk3_x001', 'bulk3_r01', 'alice_res'])(
    'are not made up for the name %s',
    (name) => expect(generatedUserNamed(name)).toBeUndefined(),
  );

  it(`stop at ${MAX_USERS_PER_TYPE} users per product and account`, () => {
    expect(() => generateUsers(3, { 1: MAX_USERS_PER_TYPE + 1 })).toThrow(RangeError);
    expect(() => generateUsers(3, { 1: -1 })).toThrow(RangeError);
    expect(() => generateUsers(3, { 1: 1.5 })).toThrow(RangeError);
    expect(buildAccounts({ generatedUsers: [{ token: DEFAULT_TOKEN, counts: { 1: 97 } }] })[0]?.users).toHaveLength(102);
    expect(() => buildAccounts({ generatedUsers: [{ token: DEFAULT_TOKEN, counts: { 1: 98 } }] })).toThrow(/at most 100/);
  });

  it('are refused for the same token twice, or an empty token', () => {
    const twice = [
      { token: THIRD_TOKEN, counts: { 1: 1 } },
      { token: THIRD_TOKEN, counts: { 3: 1 } },
    ];
    expect(() => buildAccounts({ generatedUsers: twice })).toThrow(RangeError);
    expect(() => buildAccounts({ generatedUsers: [{ token: '', counts: { 1: 1 } }] })).toThrow(RangeError);
  });

  it('never name a token in an error', () => {
    try {
      buildAccounts({ generatedUsers: [{ token: 'tok-secret-xyz', counts: { 1: 101 } }] });
    } catch (error) {
      expect(String(error)).not.toContain('tok-secret-xyz');
    }
    expect.assertions(1);
  });
});

describe('the scale run: 100 users over three accounts', () => {
  it('has 100 users in three accounts, at most 100 per product in each', () => {
    const accounts = api.accounts();
    expect(accounts.map((a) => [a.token, a.users.length])).toEqual([
      [DEFAULT_TOKEN, 35],
      [SECOND_TOKEN, 30],
      [THIRD_TOKEN, 35],
    ]);
    const names = accounts.flatMap((a) => a.users.map((u) => u.username));
    expect(new Set(names).size).toBe(100);
    for (const account of accounts) {
      for (const type of [1, 2, 3]) {
        expect(account.users.filter((u) => u.proxyType === type).length).toBeLessThanOrEqual(MAX_USERS_PER_TYPE);
      }
    }
  });

  it('lists each account\'s users, built-in ones first, with as many slots as users', async () => {
    const first = await answer<UserListData>('/proxy-users/user-list', { token: DEFAULT_TOKEN, proxy_type: '1' });
    expect(first.data.list.slice(0, 4).map((u) => u.username)).toEqual(['alice_res', 'bob_scraper', 'carol_eu', 'bulk1_r001']);
    expect([first.data.user_count, first.data.limit, first.data.remaining_limit]).toEqual([29, 35, 0]);
    const third = await answer<UserListData>('/proxy-users/user-list', { token: THIRD_TOKEN, proxy_type: '2' });
    expect(third.data.list.map((u) => u.username)).toEqual([1, 2, 3, 4, 5].map((i) => generatedUsername(3, 2, i)));
    expect(third.data.list.map((u) => u.status)).toEqual([true, true, true, true, true]);
  });

  it('serves a generated user only with its account\'s token, matching the expected truth', async () => {
    const params = { proxy_type: '3', username: 'bulk3_m002', from_date: '2025-07-01 00', to_date: '2025-07-01 10' };
    const served = await answer<ProxyUserUsageData>('/proxy-users/usage-statistics-hour', { ...params, token: THIRD_TOKEN });
    expect(served.code).toBe(200);
    for (const row of served.data.data) {
      const start = Date.parse(`${row.date.replace(' ', 'T')}:00:00Z`);
      expect(row.usage_traffic).toBe(api.expectedHourUsageKB(THIRD_TOKEN, 'bulk3_m002', start));
    }
    const elsewhere = await answer<ProxyUserUsageData>('/proxy-users/usage-statistics-hour', { ...params, token: SECOND_TOKEN });
    expect(elsewhere.code).toBe(10020);
    expect(() => api.expectedHourUsageKB(SECOND_TOKEN, 'bulk3_m002', Date.UTC(2025, 6, 1, 9))).toThrow(RangeError);
  });

  it('gives the added account a plan of its own', async () => {
    const balances = await Promise.all(
      api.accounts().map((a) => answer<TrafficBalanceData>('/account/traffic-balance', { token: a.token })),
    );
    expect(balances.map((b) => b.data.expiration_time)).toEqual(['2025-07-30', '2025-07-10', '2025-07-15']);
    expect(balances[2]?.data.traffic_balance).toBeGreaterThan(0);
  });
});

describe('--generate', () => {
  it('reads <token>:<type>=<count>, the token up to the last colon', () => {
    expect(parseGenerateFlag('demo-token-3:1=40,3=10')).toEqual({ token: 'demo-token-3', counts: { 1: 40, 3: 10 } });
    expect(parseGenerateFlag('a:b:2=5')).toEqual({ token: 'a:b', counts: { 2: 5 } });
  });

  it.each(['demo-token-3', ':1=4', 'demo-token-3:4=1', 'demo-token-3:1=x', 'demo-token-3:1=2=3', 'demo-token-3:1=1,1=2', 'demo-token-3:'])(
    'refuses %s without repeating the token',
    (value) => {
      expect(() => parseGenerateFlag(value)).toThrow(RangeError);
      try {
        parseGenerateFlag(value);
      } catch (error) {
        expect(String(error)).not.toContain('demo-token-3');
      }
    },
  );
});
