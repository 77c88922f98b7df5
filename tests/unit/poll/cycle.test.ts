import { userKey, watching } from '../support/watching';
import { describe, expect, it } from 'vitest';
import { UTC } from '@/utils/time/api-timezone';
import { EMPTY_ACCOUNT } from '@/utils/account/account-snapshot';
import { requestRange, runPollCycle, type PollState } from '@/utils/poll/cycle';
import { planPoll } from '@/utils/poll/plan';
import { MIN_REQUEST_GAP_MS } from '@/utils/poll/spacing';
import { INITIAL_STATUS } from '@/utils/poll/status';
import { DEFAULT_SETTINGS, FIRST_ACCOUNT_ID, type Settings } from '@/utils/settings/model';
import { EMPTY_CACHE } from '@/utils/usage/cache';
import { EMPTY_DAILY } from '@/utils/usage/daily';
import { mb } from '@/utils/base/units';
import { money } from '@/utils/base/money';
import { fakeClock, hourly, scriptedClient } from '../support/fake-client';

const NOW = Date.parse('2026-11-25T14:20:00Z');
const settings: Settings = { ...DEFAULT_SETTINGS, watched: watching(['alice', 'bob', 'carol']) };
const start: PollState = { cache: EMPTY_CACHE, daily: EMPTY_DAILY, status: INITIAL_STATUS, account: EMPTY_ACCOUNT };
const planFor = (usernames: readonly string[]) => ({ kind: 'run' as const, entries: usernames.map((name) => userKey(1, name)), resumed: false, accounts: [] });
const all = planFor(['alice', 'bob', 'carol']);

function deps(client: ReturnType<typeof scriptedClient>['client'], clock: ReturnType<typeof fakeClock>) {
  const saved: PollState[] = [];
  return {
    saved,
    deps: {
      clientFor: () => client,
      now: clock.now,
      sleep: clock.sleep,
      random: () => 0.5,
      save: async (state: PollState) => {
        saved.push(state);
      },
    },
  };
}

describe('one poll cycle', () => {
  it('asks for each user in turn, at least 1.5 s apart, and caches the answers', async () => {
    const clock = fakeClock(NOW);
    const { client, calls } = scriptedClient(
      (call) => {
        clock.advance(300);
        return hourly([['2026-11-25 14', call.username.length * 100]]);
      },
      clock,
    );
    const { deps: d } = deps(client, clock);
    const result = await runPollCycle(settings, start, all, d);

    expect(calls.map((call) => call.username)).toEqual(['alice', 'bob', 'carol']);
    for (let i = 1; i < calls.length; i += 1) {
      // Each call starts at least the gap after the previous one ended (300 ms after it started).
      expect((calls[i]?.at ?? 0) - (calls[i - 1]?.at ?? 0)).toBeGreaterThanOrEqual(MIN_REQUEST_GAP_MS + 300);
    }
    expect(result.cache.users[userKey(1, 'bob')]?.hours['2026-11-25 14']).toBe(300);
    expect(result.status.failure).toBeNull();
    // Updated when the last user's hours arrived, before the daily figures that follow.
    expect(result.status.lastSuccessAt).toBe((calls[2]?.at ?? 0) + 300);
  });

  it('fetches the whole retained week the first time, then only from the last complete hour', async () => {
    const clock = fakeClock(NOW);
    const { client, calls } = scriptedClient(() => hourly([]), clock);
    const single = { ...settings, watched: watching(['alice']) };
    const first = await runPollCycle(single, start, planFor(['alice']), deps(client, clock).deps);
    expect(calls[0]).toMatchObject({ from: '2026-11-18 15', to: '2026-11-25 14' });

    clock.advance(10 * 60_000);
    await runPollCycle(single, first, planFor(['alice']), deps(client, clock).deps);
    expect(calls[1]).toMatchObject({ from: '2026-11-25 13', to: '2026-11-25 14' });
  });

  it('after a long sleep, re-reads from where it left off, but never more than the window', () => {
    const usage = { hours: {}, fetchedAt: NOW - 9 * 3_600_000, trafficLimitKb: null, trafficBalanceKb: null };
    expect(requestRange(usage, NOW, UTC)).toEqual({ from: '2026-11-25 05', to: '2026-11-25 14' });
    const ancient = { ...usage, fetchedAt: NOW - 30 * 24 * 3_600_000 };
    expect(requestRange(ancient, NOW, UTC).from).toBe('2026-11-18 15');
  });

  it('keeps every cached hour when the token is rejected, and stops asking', async () => {
    const clock = fakeClock(NOW);
    const good = scriptedClient(() => hourly([['2026-11-25 13', 500], ['2026-11-25 14', 70]]), clock);
    const before = await runPollCycle(settings, start, all, deps(good.client, clock).deps);

    const rejected = scriptedClient(() => ({ ok: false, error: { kind: 'auth', code: 10013, apiMessage: 'sign error' } }), clock);
    const after = await runPollCycle(settings, before, all, deps(rejected.client, clock).deps);

    expect(rejected.calls).toHaveLength(1);
    expect(after.cache).toEqual(before.cache);
    expect(after.status.accounts[FIRST_ACCOUNT_ID]?.failure).toMatchObject({ kind: 'auth', code: 10013 });
    expect(after.status.failure).toBeNull();
    expect(after.status.lastSuccessAt).toBe(before.status.lastSuccessAt);
  });

  it('notes an unknown username and goes on with the others', async () => {
    const clock = fakeClock(NOW);
    const { client, calls } = scriptedClient(
      (call) =>
        call.username === 'bob'
          ? { ok: false, error: { kind: 'unknown-user', code: 10020, username: 'bob' } }
          : hourly([['2026-11-25 14', 42]]),
      clock,
    );
    const result = await runPollCycle(settings, start, all, deps(client, clock).deps);
    expect(calls).toHaveLength(3);
    expect(result.status.failure).toBeNull();
    expect(Object.keys(result.status.userFailures)).toEqual([userKey(1, 'bob')]);
    expect(result.cache.users[userKey(1, 'carol')]?.hours['2026-11-25 14']).toBe(42);
  });

  it('saves after every answer, so a worker stopped mid-cycle keeps what arrived', async () => {
    const clock = fakeClock(NOW);
    const { client } = scriptedClient(() => hourly([['2026-11-25 14', 1]]), clock);
    const { deps: d, saved } = deps(client, clock);
    await runPollCycle(settings, start, all, d);
    expect(saved.length).toBeGreaterThanOrEqual(3);
    expect(Object.keys(saved[0]?.cache.users ?? {})).toEqual([userKey(1, 'alice')]);
  });

  it('keeps its distance from a request that ended just before the cycle', async () => {
    const clock = fakeClock(NOW);
    const { client, calls } = scriptedClient(() => hourly([]), clock);
    const recent = { ...start, status: { ...INITIAL_STATUS, lastRequestEndedAt: NOW - 500 } };
    await runPollCycle({ ...settings, watched: watching(['alice']) }, recent, planFor(['alice']), deps(client, clock).deps);
    expect(calls[0]?.at).toBe(NOW - 500 + MIN_REQUEST_GAP_MS);
  });

  it('does not wait for a last request that the clock, set back, places in the future', async () => {
    const clock = fakeClock(NOW);
    const { client, calls } = scriptedClient(() => hourly([]), clock);
    const future = { ...start, status: { ...INITIAL_STATUS, lastRequestEndedAt: NOW + 3_600_000 } };
    await runPollCycle({ ...settings, watched: watching(['alice']) }, future, planFor(['alice']), deps(client, clock).deps);
    expect(calls[0]?.at).toBe(NOW + MIN_REQUEST_GAP_MS);
  });

  it("stops only the account whose token is rejected: the other account's users are asked, spaced as one queue", async () => {
    const clock = fakeClock(NOW);
    const two: Settings = {
      ...DEFAULT_SETTINGS,
      accounts: [{ id: '1', label: 'Team A' }, { id: 'b2', label: 'Team B' }],
      watched: [...watching(['alice', 'bob']), ...watching(['frank'], 1, 'b2'), ...watching(['heidi'], 3, 'b2')],
    };
    const calls: { account: string; username: string; at: number }[] = [];
    const clientFor = (account: string) =>
      scriptedClient((call) => {
        calls.push({ account, username: call.username, at: clock.now() });
        clock.advance(200);
        return account === '1' ? { ok: false, error: { kind: 'auth', code: 10013, apiMessage: 'sign error' } } : hourly([['2026-11-25 14', 64]]);
      }, clock).client;
    const plan = { kind: 'run' as const, entries: two.watched.map((entry) => userKey(entry.proxyType, entry.username, entry.account)), resumed: false, accounts: [] };
    const result = await runPollCycle(two, start, plan, { ...deps(scriptedClient(() => hourly([]), clock).client, clock).deps, clientFor });

    // Account 1 is asked once and stops; account b2's two users are asked all the same.
    expect(calls.map((call) => `${call.account}:${call.username}`)).toEqual(['1:alice', 'b2:frank', 'b2:heidi']);
    for (let i = 1; i < calls.length; i += 1) expect((calls[i]?.at ?? 0) - (calls[i - 1]?.at ?? 0)).toBeGreaterThanOrEqual(MIN_REQUEST_GAP_MS + 200);
    expect(result.status.accounts['1']?.failure).toMatchObject({ kind: 'auth' });
    expect(result.status.accounts['b2']).toMatchObject({ failure: null, lastSuccessAt: clock.now() });
    expect(result.cache.users[userKey(3, 'heidi', 'b2')]?.hours['2026-11-25 14']).toBe(64);
    // The rejected account's users wait in the cycle for its next chance, the one it stopped at last.
    expect(result.status.cycle?.remaining).toEqual([userKey(1, 'bob'), userKey(1, 'alice')]);
  });

  it("reads each account's user lists for the products it watches, then its balance", async () => {
    const clock = fakeClock(NOW);
    const two: Settings = {
      ...DEFAULT_SETTINGS,
      accounts: [{ id: '1', label: '' }, { id: 'b2', label: '' }],
      watched: [...watching(['alice']), ...watching(['frank'], 1, 'b2'), ...watching(['heidi'], 3, 'b2')],
    };
    const asked: string[] = [];
    const clientFor = (account: string) => ({
      ...scriptedClient(() => hourly([]), clock).client,
      userList: async ({ proxyType }: { proxyType: 1 | 2 | 3 }) => {
        asked.push(`${account}:list${proxyType}`);
        return { ok: true as const, value: { users: [{ username: proxyType === 3 ? 'heidi' : 'frank', enabled: true, trafficLimitMb: mb(100), usageMb: mb(5) }] } };
      },
      accountBalance: async () => {
        asked.push(`${account}:balance`);
        return { ok: true as const, value: { balanceMb: mb(account === 'b2' ? 2048 : 1024), expiresOn: null } };
      },
      walletBalance: async () => {
        asked.push(`${account}:wallet`);
        return { ok: true as const, value: { usd: money(account === 'b2' ? 310 : 125.4) } };
      },
    });
    const plan = { kind: 'run' as const, entries: [], resumed: false, accounts: ['1', 'b2'] };
    const result = await runPollCycle(two, start, plan, { ...deps(scriptedClient(() => hourly([]), clock).client, clock).deps, clientFor });
    expect(asked).toEqual(['1:list1', '1:balance', '1:wallet', 'b2:list1', 'b2:list3', 'b2:balance', 'b2:wallet']);
    expect(result.account.accounts['b2']?.balance?.balanceMb).toBe(2048);
    expect(result.account.accounts['1']?.wallet).toBe(125.4);
    expect(result.account.accounts['b2']?.wallet).toBe(310);
    expect(result.account.accounts['1']?.balance?.balanceMb).toBe(1024);
    expect(Object.keys(result.account.accounts['b2']?.users ?? {})).toEqual([userKey(1, 'frank', 'b2'), userKey(3, 'heidi', 'b2')]);
  });

  it('counts freshness from the end of a long round, so a popup opened just after it asks nothing', async () => {
    const clock = fakeClock(NOW);
    const many = { ...settings, watched: watching(Array.from({ length: 100 }, (_, i) => `user${i}`)) };
    const { client } = scriptedClient(() => {
      clock.advance(200);
      return hourly([['2026-11-25 14', 1]]);
    }, clock);
    const plan = planFor(many.watched.map((entry) => entry.username));
    const result = await runPollCycle(many, start, plan, deps(client, clock).deps);
    // 100 requests 1.6 s apart: the round took minutes, and ended now.
    expect(clock.now() - NOW).toBeGreaterThan(2 * 60_000);
    const opened = planPoll({ trigger: 'popup-open', settings: many, withToken: new Set([FIRST_ACCOUNT_ID]), status: result.status, account: result.account, now: clock.now() + 30_000, online: true });
    expect(opened).toEqual({ kind: 'skip', reason: 'fresh' });
    // An alarm an interval after the round began still polls: alarms count from the start.
    const alarm = planPoll({ trigger: 'alarm', settings: many, withToken: new Set([FIRST_ACCOUNT_ID]), status: result.status, account: result.account, now: NOW + 5 * 60_000, online: true });
    expect(alarm.kind).toBe('run');
  });
});
