import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { EMPTY_ACCOUNT } from '@/utils/account/account-snapshot';
import { FIRST_RETRY_MS, MAX_RETRY_MS, retryDelay } from '@/utils/poll/backoff';
import { planPoll, type PlanInput, type PollTrigger } from '@/utils/poll/plan';
import { INITIAL_STATUS, type PollStatusV1 } from '@/utils/poll/status';
import { DEFAULT_SETTINGS } from '@/utils/settings/model';
import { userKey } from '@/utils/usage/cache';
import { itemsAtStart } from '../support/items-at-start';

const NOW = Date.parse('2026-11-25T14:20:00Z');
const base: PlanInput = {
  trigger: 'alarm',
  settings: { ...DEFAULT_SETTINGS, usernames: ['a', 'b', 'c'] },
  token: 'token-1234',
  status: { ...INITIAL_STATUS, lastAttemptAt: NOW - 600_000, lastSuccessAt: NOW - 600_000 },
  account: { ...EMPTY_ACCOUNT, fetchedAt: NOW - 60_000 },
  now: NOW,
  online: true,
};
const ALL: PollTrigger[] = ['alarm', 'retry', 'startup', 'popup-open', 'manual', 'settings'];
const plan = (overrides: Partial<PlanInput>) => planPoll({ ...base, ...overrides });

describe('what a wake-up asks for', () => {
  it('asks nothing until configured', () => {
    expect(plan({ token: '' })).toEqual({ kind: 'skip', reason: 'unconfigured' });
  });

  it('asks every user in steady state, and the account only when an hour old', () => {
    expect(plan({})).toEqual({ kind: 'run', usernames: ['a', 'b', 'c'], resumed: false, account: false });
    expect(plan({ account: { ...EMPTY_ACCOUNT, fetchedAt: NOW - 3_600_000 } })).toMatchObject({ account: true });
  });

  it('pauses on a rejected token for everything but a person’s refresh or new settings', () => {
    const status = { ...base.status, failure: { kind: 'auth' as const, code: 10013, apiMessage: '' } };
    const kinds = ALL.map((trigger) => [trigger, plan({ trigger, status }).kind]);
    expect(Object.fromEntries(kinds)).toEqual({
      alarm: 'skip', retry: 'skip', startup: 'skip', 'popup-open': 'skip', manual: 'run', settings: 'run',
    });
  });

  it('waits out a rate limit, even for a person’s refresh; other failures let a person retry', () => {
    const retry = { attempt: 1, notBefore: NOW + 20_000 };
    const limited = { ...base.status, retry, failure: { kind: 'rate-limited' as const, code: 10011 } };
    const runs = (status: typeof limited | typeof base.status) =>
      ALL.filter((trigger) => plan({ trigger, status }).kind === 'run');
    expect(runs(limited)).toEqual(['retry', 'settings']);
    const failing = { ...base.status, retry, failure: { kind: 'server' as const, code: 502, apiMessage: '' } };
    expect(runs(failing)).toEqual(['retry', 'manual', 'settings']);
  });

  it('finishes an interrupted cycle with the users left, unless it is older than an interval', () => {
    const cycle = { startedAt: NOW - 60_000, remaining: ['b', 'c', 'gone'] };
    expect(plan({ status: { ...base.status, cycle } })).toEqual({ kind: 'run', usernames: ['b', 'c'], resumed: true, account: false });
    const old = { startedAt: NOW - 11 * 60_000, remaining: ['c'] };
    expect(plan({ status: { ...base.status, cycle: old } })).toMatchObject({ usernames: ['a', 'b', 'c'], resumed: false });
  });

  it('does not refresh figures that are fresh enough for the popup or a browser start', () => {
    const recent = { ...base.status, lastAttemptAt: NOW - 30_000 };
    expect(plan({ trigger: 'popup-open', status: recent })).toEqual({ kind: 'skip', reason: 'fresh' });
    expect(plan({ trigger: 'startup', status: recent })).toEqual({ kind: 'skip', reason: 'fresh' });
    expect(plan({ trigger: 'popup-open' }).kind).toBe('run');
  });

  it('leaves an unknown username out for an hour, except when a person asks, and asks it last', () => {
    const failure = { username: 'b', error: { kind: 'unknown-user' as const, code: 10020, username: 'b' }, at: NOW - 600_000 };
    const status = { ...base.status, userFailures: { [userKey(1, 'b')]: failure } };
    expect(plan({ status })).toMatchObject({ usernames: ['a', 'c'] });
    expect(plan({ status, trigger: 'manual' })).toMatchObject({ usernames: ['a', 'c', 'b'] });
    expect(plan({ status, now: NOW + 3_000_000 })).toMatchObject({ usernames: ['a', 'c', 'b'] });
  });

  it('is not fooled by a clock set back: alarms still poll, and no wait outlasts the longest backoff', () => {
    const ahead = { ...base.status, lastAttemptAt: NOW + 3_600_000 };
    expect(plan({ status: ahead }).kind).toBe('run');
    const stuck = { ...base.status, retry: { attempt: 1, notBefore: NOW + 5 * 3_600_000 }, failure: { kind: 'rate-limited' as const, code: 10011 } };
    expect(plan({ status: stuck }).kind).toBe('run');
  });

  it('tries nothing while offline', () => {
    expect(plan({ online: false })).toEqual({ kind: 'offline' });
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
      userFailures: { '1:b': { username: 'b', error: v1.userFailures['1:b'], at: NOW } },
    });
  });
});
