import { userKey, watching } from '../support/watching';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { EMPTY_FIGURES, type AccountSnapshot } from '@/utils/account/account-snapshot';
import { FIRST_RETRY_MS, MAX_RETRY_MS, retryDelay } from '@/utils/poll/backoff';
import { planPoll, RETRY_EARLY_MS, type PlanInput, type PollTrigger } from '@/utils/poll/plan';
import { HEALTHY_ACCOUNT, INITIAL_STATUS, nextRetryAt, withRetriesEnded, type AccountPollStatus, type PollStatus, type PollStatusV1 } from '@/utils/poll/status';
import { DEFAULT_SETTINGS, FIRST_ACCOUNT_ID } from '@/utils/settings/model';

import { itemsAtStart } from '../support/items-at-start';

const NOW = Date.parse('2026-11-25T14:20:00Z');
const figuresFetchedAt = (at: number): AccountSnapshot => ({ accounts: { [FIRST_ACCOUNT_ID]: { ...EMPTY_FIGURES, fetchedAt: at } } });
const base: PlanInput = {
  trigger: 'alarm',
  settings: { ...DEFAULT_SETTINGS, watched: watching(['a', 'b', 'c']) },
  withToken: new Set([FIRST_ACCOUNT_ID]),
  status: { ...INITIAL_STATUS, lastAttemptAt: NOW - 600_000, lastSuccessAt: NOW - 600_000 },
  account: figuresFetchedAt(NOW - 60_000),
  now: NOW,
  online: true,
};
/** Keys of the first account's residential users. */
const keys = (...names: string[]) => names.map((name) => userKey(1, name));
/** The first account's status with `stoppage` as its own. */
const accountState = (stoppage: Partial<AccountPollStatus>): PollStatus => ({
  ...base.status,
  accounts: { [FIRST_ACCOUNT_ID]: { ...HEALTHY_ACCOUNT, ...stoppage } },
});
const ALL: PollTrigger[] = ['alarm', 'retry', 'startup', 'popup-open', 'manual', 'settings'];
const plan = (overrides: Partial<PlanInput>) => planPoll({ ...base, ...overrides });

describe('what a wake-up asks for', () => {
  it('asks nothing until configured', () => {
    expect(plan({ withToken: new Set() })).toEqual({ kind: 'skip', reason: 'unconfigured' });
    // A token saved for an account that watches nobody is not enough either.
    expect(plan({ withToken: new Set(['other']) })).toEqual({ kind: 'skip', reason: 'unconfigured' });
  });

  it('asks every user in steady state, and the account only when an hour old', () => {
    expect(plan({})).toEqual({ kind: 'run', entries: keys('a', 'b', 'c'), resumed: false, accounts: [] });
    expect(plan({ account: figuresFetchedAt(NOW - 3_600_000) })).toMatchObject({ accounts: [FIRST_ACCOUNT_ID] });
  });

  it('pauses on a rejected token for everything but a person’s refresh or new settings', () => {
    const status = accountState({ failure: { kind: 'auth' as const, code: 10013, apiMessage: '' } });
    const kinds = ALL.map((trigger) => [trigger, plan({ trigger, status }).kind]);
    expect(Object.fromEntries(kinds)).toEqual({
      alarm: 'skip', retry: 'skip', startup: 'skip', 'popup-open': 'skip', manual: 'run', settings: 'run',
    });
  });

  it('waits out a rate limit, even for a person’s refresh; other failures let a person retry', () => {
    const retry = { attempt: 1, notBefore: NOW + 20_000 };
    const limited = accountState({ retry, failure: { kind: 'rate-limited' as const, code: 10011 } });
    const runs = (status: PollStatus, now = NOW) => ALL.filter((trigger) => plan({ trigger, status, now }).kind === 'run');
    // The retry alarm, set for the end of the wait, asks again then, not before.
    expect(runs(limited)).toEqual(['settings']);
    expect(runs(limited, NOW + 20_000 - RETRY_EARLY_MS)).toEqual(['retry', 'settings']);
    const failing = accountState({ retry, failure: { kind: 'server' as const, code: 502, apiMessage: '' } });
    expect(runs(failing)).toEqual(['manual', 'settings']);
  });

  it('finishes an interrupted cycle with the users left, unless it is older than an interval', () => {
    const cycle = { startedAt: NOW - 60_000, remaining: keys('b', 'c', 'gone') };
    expect(plan({ status: { ...base.status, cycle } })).toEqual({ kind: 'run', entries: keys('b', 'c'), resumed: true, accounts: [] });
    const old = { startedAt: NOW - 11 * 60_000, remaining: keys('c') };
    expect(plan({ status: { ...base.status, cycle: old } })).toMatchObject({ entries: keys('a', 'b', 'c'), resumed: false });
  });

  it('does not refresh figures that are fresh enough for the popup or a browser start', () => {
    const recent = { ...base.status, lastAttemptAt: NOW - 30_000 };
    expect(plan({ trigger: 'popup-open', status: recent })).toEqual({ kind: 'skip', reason: 'fresh' });
    expect(plan({ trigger: 'startup', status: recent })).toEqual({ kind: 'skip', reason: 'fresh' });
    expect(plan({ trigger: 'popup-open' }).kind).toBe('run');
  });

  it('leaves an unknown username out for an hour, except when a person asks, and asks it last', () => {
    const failure = { account: FIRST_ACCOUNT_ID, proxyType: 1 as const, username: 'b', error: { kind: 'unknown-user' as const, code: 10020, username: 'b' }, at: NOW - 600_000 };
    const status = { ...base.status, userFailures: { [userKey(1, 'b')]: failure } };
    expect(plan({ status })).toMatchObject({ entries: keys('a', 'c') });
    expect(plan({ status, trigger: 'manual' })).toMatchObject({ entries: keys('a', 'c', 'b') });
    expect(plan({ status, now: NOW + 3_000_000 })).toMatchObject({ entries: keys('a', 'c', 'b') });
  });

  it('is not fooled by a clock set back: alarms still poll, and no wait outlasts the longest backoff', () => {
    const ahead = { ...base.status, lastAttemptAt: NOW + 3_600_000 };
    expect(plan({ status: ahead }).kind).toBe('run');
    const stuck = accountState({ retry: { attempt: 1, notBefore: NOW + 5 * 3_600_000 }, failure: { kind: 'rate-limited' as const, code: 10011 } });
    expect(plan({ status: stuck }).kind).toBe('run');
  });

  it('tries nothing while offline', () => {
    expect(plan({ online: false })).toEqual({ kind: 'offline' });
  });

  it('goes on with the other accounts while one is rejected or told to wait, and names why when none can go', () => {
    const settings = { ...base.settings, accounts: [{ id: '1', label: '' }, { id: 'b2', label: '' }], watched: [...watching(['a']), ...watching(['f'], 3, 'b2')] };
    const withToken = new Set(['1', 'b2']);
    const rejected = { failure: { kind: 'auth' as const, code: 10013, apiMessage: '' }, failingSince: NOW, retry: null, lastSuccessAt: null };
    const limited = { failure: { kind: 'rate-limited' as const, code: 10011 }, failingSince: NOW, retry: { attempt: 1, notBefore: NOW + 60_000 }, lastSuccessAt: null };
    const status = (accounts: PollStatus['accounts']) => ({ ...base.status, accounts });
    expect(plan({ settings, withToken, status: status({ '1': rejected }) })).toMatchObject({ kind: 'run', entries: [userKey(3, 'f', 'b2')] });
    expect(plan({ settings, withToken, status: status({ b2: limited }) })).toMatchObject({ kind: 'run', entries: [userKey(1, 'a')] });
    expect(plan({ settings, withToken, status: status({ '1': rejected, b2: rejected }) })).toEqual({ kind: 'skip', reason: 'token-rejected' });
    expect(plan({ settings, withToken, status: status({ '1': rejected, b2: limited }) })).toEqual({ kind: 'skip', reason: 'backing-off' });
    // An account without a token is left out; the others run.
    expect(plan({ settings, withToken: new Set(['b2']) })).toMatchObject({ entries: [userKey(3, 'f', 'b2')] });
  });

  it('finds figures fresh for the popup when all a cycle left are the users of an account whose token was rejected', () => {
    const settings = { ...base.settings, accounts: [{ id: '1', label: '' }, { id: 'b2', label: '' }], watched: [...watching(['a']), ...watching(['f'], 3, 'b2')] };
    const withToken = new Set(['1', 'b2']);
    const rejected = { failure: { kind: 'auth' as const, code: 10013, apiMessage: '' }, failingSince: NOW, retry: null, lastSuccessAt: null };
    const cycle = { startedAt: NOW - 30_000, remaining: [userKey(3, 'f', 'b2')] };
    const status = { ...base.status, lastAttemptAt: NOW - 30_000, cycle, accounts: { b2: rejected } };
    expect(plan({ trigger: 'popup-open', settings, withToken, status })).toEqual({ kind: 'skip', reason: 'fresh' });
    // A user of a healthy account still left in it is finished, fresh or not.
    const unfinished = { ...status, cycle: { ...cycle, remaining: [userKey(1, 'a'), userKey(3, 'f', 'b2')] } };
    expect(plan({ trigger: 'popup-open', settings, withToken, status: unfinished })).toMatchObject({ kind: 'run', entries: [userKey(1, 'a')], resumed: true });
  });

  it('never polls more often than a full round of requests takes', () => {
    const many = watching(Array.from({ length: 300 }, (_, i) => `user${i}`));
    const settings = { ...base.settings, pollIntervalMinutes: 1, watched: many };
    // 300 users take 8 minutes at 1.6 s apart: an alarm 5 minutes after the last round finds the figures fresh.
    expect(plan({ settings, status: { ...base.status, lastAttemptAt: NOW - 5 * 60_000 } })).toEqual({ kind: 'skip', reason: 'fresh' });
  });
});

describe('backoff', () => {
  it('starts at 30 s, grows, and stays within 30 min whatever the jitter', () => {
    expect(retryDelay(1, () => 0)).toBe(FIRST_RETRY_MS);
    expect(retryDelay(2, () => 0)).toBe(2 * FIRST_RETRY_MS);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.double({ min: 0, max: 0.999999, noNaN: true }), (attempt, r) => {
        const delay = retryDelay(attempt, () => r);
        expect(delay).toBeGreaterThanOrEqual(FIRST_RETRY_MS);
        expect(delay).toBeLessThanOrEqual(MAX_RETRY_MS);
      }),
    );
  });
});

describe('stored poll status', () => {
  it('migrates the version 1 shape, keeping what it knew', async () => {
    fakeBrowser.reset();
    const v1: PollStatusV1 = {
      lastAttemptAt: NOW,
      lastSuccessAt: NOW - 60_000,
      lastRequestEndedAt: NOW,
      failure: null,
      userFailures: { '1:b': { kind: 'unknown-user', code: 10020, username: 'b' } },
    };
    await fakeBrowser.storage.local.set({ pollStatus: v1, pollStatus$: { v: 1 } });
    const { pollStatusItem } = await itemsAtStart();
    expect(await pollStatusItem.getValue()).toEqual({
      ...INITIAL_STATUS,
      lastAttemptAt: NOW,
      lastSuccessAt: NOW - 60_000,
      lastRequestEndedAt: NOW,
      userFailures: { [userKey(1, 'b')]: { account: FIRST_ACCOUNT_ID, proxyType: 1, username: 'b', error: v1.userFailures['1:b'], at: NOW } },
    });
  });
});

describe('the retry alarm', () => {
  const rateLimited = { failure: { kind: 'rate-limited' as const, code: 10011 }, failingSince: NOW, lastSuccessAt: null };
  it('is set for the earliest wait of any account, and none without a wait', () => {
    expect(nextRetryAt(INITIAL_STATUS)).toBeNull();
    const status: PollStatus = {
      ...INITIAL_STATUS,
      accounts: { a: { ...rateLimited, retry: { attempt: 1, notBefore: NOW + 60_000 } }, b: { ...rateLimited, retry: { attempt: 2, notBefore: NOW + 30_000 } } },
    };
    expect(nextRetryAt(status)).toBe(NOW + 30_000);
    // Offline: only the look for the network counts, not an account's wait that ended meanwhile.
    const offline: PollStatus = { ...status, failure: { kind: 'offline' }, retry: { attempt: 0, notBefore: NOW + 60_000 } };
    expect(nextRetryAt({ ...offline, accounts: { a: { ...rateLimited, retry: { attempt: 1, notBefore: NOW - 5_000 } } } })).toBe(NOW + 60_000);
    // New settings end every wait.
    expect(nextRetryAt(withRetriesEnded(offline))).toBeNull();
  });
});
