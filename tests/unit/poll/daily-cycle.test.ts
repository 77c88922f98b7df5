import { describe, expect, it } from 'vitest';
import { userKey, watching } from '../support/watching';
import { days, fakeClock, hourly, scriptedClient, type DailyCall } from '../support/fake-client';
import { EMPTY_ACCOUNT } from '@/utils/account/account-snapshot';
import type { DailyAnswer } from '@/utils/api/answers';
import type { ApiError } from '@/utils/api/errors';
import type { Result } from '@/utils/base/result';
import { DAILY_RETRY_MS, dailyRequestsPerCycle } from '@/utils/poll/daily-requests';
import { runPollCycle, type PollState } from '@/utils/poll/cycle';
import { planPoll, type PollTrigger } from '@/utils/poll/plan';
import { MIN_REQUEST_GAP_MS } from '@/utils/poll/spacing';
import { INITIAL_STATUS } from '@/utils/poll/status';
import { DEFAULT_SETTINGS, FIRST_ACCOUNT_ID, type Settings } from '@/utils/settings/model';
import { EMPTY_CACHE } from '@/utils/usage/cache';
import { EMPTY_DAILY } from '@/utils/usage/daily';

const MINUTE = 60_000;
// Wednesday 25 November 2026, 14:20 UTC: yesterday is the 24th; the cycle (starting on the 1st) began on the 1st.
const NOW = Date.parse('2026-11-25T14:20:00Z');
const settings: Settings = { ...DEFAULT_SETTINGS, watched: watching(['alice', 'bob']) };
const start: PollState = { cache: EMPTY_CACHE, daily: EMPTY_DAILY, status: INITIAL_STATUS, account: EMPTY_ACCOUNT };

type DailyScript = (call: DailyCall) => Result<DailyAnswer, ApiError>;

/** A poller on a fake clock: each wake-up is planned and run as the background does, its state kept. */
function poller(options: { settings?: Settings; daily?: DailyScript; at?: number } = {}) {
  const clock = fakeClock(options.at ?? NOW);
  let current = options.settings ?? settings;
  let daily: DailyScript = options.daily ?? ((call) => days([[call.from, 100]]));
  const { client, calls, dailyCalls } = scriptedClient(
    () => {
      clock.advance(200);
      return hourly([]);
    },
    clock,
    (call) => {
      clock.advance(200);
      return daily(call);
    },
  );
  let state = start;
  return {
    clock,
    calls,
    dailyCalls,
    get state() {
      return state;
    },
    set settings(next: Settings) {
      current = next;
    },
    set daily(next: DailyScript) {
      daily = next;
    },
    async wake(trigger: PollTrigger = 'alarm') {
      const plan = planPoll({ trigger, settings: current, withToken: new Set([FIRST_ACCOUNT_ID]), status: state.status, account: state.account, now: clock.now(), online: true });
      if (plan.kind !== 'run') return plan;
      state = await runPollCycle(current, state, plan, { clientFor: () => client, now: clock.now, sleep: clock.sleep, random: () => 0.5, save: async () => undefined });
      return plan;
    },
  };
}

const asked = (calls: readonly DailyCall[]) => calls.map(({ username, from, to }) => `${username} ${from}..${to}`);

describe('the daily figures in the poll cycle', () => {
  it('fills each user once, from the cycle start to yesterday, after the hours', async () => {
    const p = poller();
    await p.wake('settings');
    expect(asked(p.dailyCalls)).toEqual(['alice 2026-11-01..2026-11-24', 'bob 2026-11-01..2026-11-24']);
    // The hours first: the badge does not wait for the days.
    expect(Math.max(...p.calls.map((call) => call.at))).toBeLessThan(Math.min(...p.dailyCalls.map((call) => call.at)));
    const alice = p.state.daily.users[userKey(1, 'alice')] ?? {};
    expect(Object.keys(alice)).toHaveLength(24);
    expect(alice['2026-11-01']).toBe(100);
    expect(alice['2026-11-02']).toBe(0);
    expect(p.state.daily.apiTimezone).toBe('UTC');
  });

  it('asks from a week back when the cycle began later, for the 7-day rate', async () => {
    const p = poller({ settings: { ...settings, budgets: { ...settings.budgets, cycleStartDay: 22 } } });
    await p.wake('settings');
    expect(asked(p.dailyCalls)).toEqual(['alice 2026-11-18..2026-11-24', 'bob 2026-11-18..2026-11-24']);
  });

  it('asks nothing more the same day', async () => {
    const p = poller();
    await p.wake('settings');
    for (let cycle = 0; cycle < 6; cycle += 1) {
      p.clock.advance(10 * MINUTE);
      await p.wake();
    }
    expect(p.dailyCalls).toHaveLength(2);
    expect(p.calls.length).toBeGreaterThan(2 * 6);
  });

  it('asks only the day that ended, once it has settled an hour, and then nothing until the next', async () => {
    const p = poller();
    await p.wake('settings');
    p.clock.advance(Date.parse('2026-11-26T00:30:00Z') - p.clock.now());
    await p.wake();
    // Half an hour after midnight the 25th's last hour may still grow: the hours cover it meanwhile.
    expect(p.dailyCalls).toHaveLength(2);
    p.clock.advance(40 * MINUTE);
    await p.wake();
    expect(asked(p.dailyCalls.slice(2))).toEqual(['alice 2026-11-25..2026-11-25', 'bob 2026-11-25..2026-11-25']);
    for (let cycle = 0; cycle < 20; cycle += 1) {
      p.clock.advance(10 * MINUTE);
      await p.wake();
    }
    expect(p.dailyCalls).toHaveLength(4);
  });

  it('asks every day again under a new API timezone setting, and drops the old reading', async () => {
    const p = poller();
    await p.wake('settings');
    p.clock.advance(MINUTE);
    p.settings = { ...settings, apiTimezone: { kind: 'offset', minutes: 480 } };
    await p.wake('settings');
    // 22:21 in UTC+8: yesterday there is the 24th too.
    expect(asked(p.dailyCalls.slice(2))).toEqual(['alice 2026-11-01..2026-11-24', 'bob 2026-11-01..2026-11-24']);
    expect(p.state.daily.apiTimezone).toBe('UTC+8');
  });

  it('fills a user newly watched, and forgets one no longer watched', async () => {
    const p = poller();
    await p.wake('settings');
    p.settings = { ...settings, watched: watching(['alice', 'carol']) };
    p.clock.advance(MINUTE);
    await p.wake('settings');
    expect(asked(p.dailyCalls.slice(2))).toEqual(['carol 2026-11-01..2026-11-24']);
    expect(Object.keys(p.state.daily.users).sort()).toEqual([userKey(1, 'alice'), userKey(1, 'carol')]);
  });

  it('keeps every request of the round 1.6 s apart, hours, account figures and days alike', async () => {
    const p = poller();
    await p.wake('settings');
    const all = [...p.calls, ...p.dailyCalls].map((call) => call.at).sort((a, b) => a - b);
    for (let i = 1; i < all.length; i += 1) expect((all[i] ?? 0) - (all[i - 1] ?? 0)).toBeGreaterThanOrEqual(MIN_REQUEST_GAP_MS + 200);
  });

  it('spreads a first fill of many users over the next cycles, each user asked once', async () => {
    const many = { ...settings, watched: watching(Array.from({ length: 25 }, (_, i) => `user${i}`)) };
    const p = poller({ settings: many });
    await p.wake('settings');
    expect(p.dailyCalls).toHaveLength(dailyRequestsPerCycle(25));
    for (let cycle = 0; cycle < 4; cycle += 1) {
      p.clock.advance(10 * MINUTE);
      await p.wake();
    }
    expect(p.dailyCalls.map((call) => call.username).sort()).toEqual(many.watched.map((user) => user.username).sort());
  });
});

describe('a daily request that fails', () => {
  it('marks only that user’s days, and asks it again after 10 minutes, not at every cycle', async () => {
    const unknown: ApiError = { kind: 'unknown-user', code: 10020, username: 'bob' };
    const p = poller({ daily: (call) => (call.username === 'bob' ? { ok: false, error: unknown } : days([])) });
    await p.wake('settings');
    const key = userKey(1, 'bob');
    expect(p.state.status.dailyFailures[key]).toMatchObject({ error: unknown });
    expect(p.state.status.userFailures).toEqual({});
    expect(p.state.status.accounts[FIRST_ACCOUNT_ID]).toMatchObject({ failure: null, retry: null });
    expect(p.state.daily.users[userKey(1, 'alice')]).toBeDefined();

    p.clock.advance(5 * MINUTE);
    await p.wake('settings');
    expect(p.dailyCalls).toHaveLength(2);
    // The hours go on at every cycle.
    expect(p.calls.filter((call) => call.username === 'bob')).toHaveLength(2);

    p.clock.advance(DAILY_RETRY_MS);
    p.daily = () => days([]);
    await p.wake('settings');
    expect(asked(p.dailyCalls.slice(2))).toEqual(['bob 2026-11-01..2026-11-24']);
    expect(p.state.status.dailyFailures).toEqual({});
  });

  it('stops the account with its backoff when Thordata asks to wait, as an hourly request does', async () => {
    const p = poller({ daily: () => ({ ok: false, error: { kind: 'rate-limited', code: 10011 } }) });
    await p.wake('settings');
    // Asked once: the account waits, the other user's days with it.
    expect(p.dailyCalls).toHaveLength(1);
    const account = p.state.status.accounts[FIRST_ACCOUNT_ID];
    expect(account?.failure).toEqual({ kind: 'rate-limited', code: 10011 });
    expect(account?.retry?.notBefore).toBeGreaterThan(p.clock.now());
    expect(p.state.status.dailyFailures).toEqual({});
    // The hours read before it are kept.
    expect(Object.keys(p.state.cache.users)).toHaveLength(2);

    const hoursAsked = p.calls.length;
    // Not even a person's Refresh asks during Thordata's own wait.
    expect(await p.wake('manual')).toEqual({ kind: 'skip', reason: 'backing-off' });
    p.daily = () => days([]);
    p.clock.advance((account?.retry?.notBefore ?? 0) - p.clock.now());
    await p.wake('retry');
    expect(p.calls.length).toBeGreaterThan(hoursAsked);
    expect(asked(p.dailyCalls.slice(1))).toEqual(['alice 2026-11-01..2026-11-24', 'bob 2026-11-01..2026-11-24']);
    expect(p.state.status.accounts[FIRST_ACCOUNT_ID]?.failure).toBeNull();
  });

  it('asks nothing of an account whose hourly requests were refused this cycle', async () => {
    const clock = fakeClock(NOW);
    const { client, dailyCalls } = scriptedClient(() => ({ ok: false, error: { kind: 'auth', code: 10013, apiMessage: 'sign error' } }), clock);
    const plan = { kind: 'run' as const, entries: [userKey(1, 'alice'), userKey(1, 'bob')], resumed: false, accounts: [] };
    await runPollCycle(settings, start, plan, { clientFor: () => client, now: clock.now, sleep: clock.sleep, random: () => 0.5, save: async () => undefined });
    expect(dailyCalls).toEqual([]);
  });
});
