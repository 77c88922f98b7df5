import { describe, expect, it } from 'vitest';
import type { ApiError } from '@/utils/api/errors';
import { rateLimitWait, runFetches, type RunDeps, type RunState } from '@/utils/details/fetch-runner';
import type { FetchReply } from '@/utils/messages/messages';

interface Request {
  readonly key: string;
}

const RATE_LIMITED: FetchReply<number> = { kind: 'failed', error: { kind: 'rate-limited', code: 10011 } };
const TOKEN_REJECTED: ApiError = { kind: 'auth', code: 10013, apiMessage: 'sign error' };
const UNKNOWN_USER: ApiError = { kind: 'unknown-user', code: 10020, username: 'bob' };
const done = (value: number): FetchReply<number> => ({ kind: 'done', value });

/**
 * A run against scripted replies: each key's replies in turn (the last one repeats), a fake clock
 * that the fake sleep moves on, and every state and request recorded.
 */
function harness(replies: Readonly<Record<string, readonly FetchReply<number>[]>>, overrides: Partial<RunDeps<Request, number>> = {}) {
  let clock = 1_000_000;
  const sent: string[] = [];
  const sleeps: number[] = [];
  const states: RunState[] = [];
  const answers: number[] = [];
  const controller = new AbortController();
  const deps: RunDeps<Request, number> = {
    send: async ({ key }) => {
      sent.push(key);
      const script = replies[key] ?? [done(0)];
      const count = sent.filter((name) => name === key).length;
      return script[Math.min(count, script.length) - 1] ?? done(0);
    },
    keyOf: ({ key }) => key,
    accountOf: (key) => key.split('/')[0] ?? '',
    onAnswer: (_, value) => answers.push(value),
    progress: () => ({ fetched: answers.length, needed: 4 }),
    sleep: async (ms) => {
      sleeps.push(ms);
      clock += ms;
    },
    now: () => clock,
    signal: controller.signal,
    onState: (state) => states.push(state),
    ...overrides,
  };
  return { deps, sent, sleeps, states, answers, controller, clock: () => clock };
}

const requests = (...keys: string[]): Request[] => keys.map((key) => ({ key }));

describe('the page’s fetch runner', () => {
  it('sends each request once, in order, and reports its progress until done', async () => {
    const run = harness({ 'a/1': [done(10)], 'a/2': [done(20)] });
    const end = await runFetches(requests('a/1', 'a/2'), run.deps);
    expect(run.sent).toEqual(['a/1', 'a/2']);
    expect(run.answers).toEqual([10, 20]);
    expect(end).toEqual({ kind: 'done', progress: { fetched: 2, needed: 4 } });
    expect(run.states.filter((state) => state.kind === 'running').map((state) => state.progress.fetched)).toEqual([0, 1]);
  });

  it('pauses on a rate limit and resends the same request after 5, 10, 20, 40 s, then every minute', async () => {
    const run = harness({ 'a/1': [RATE_LIMITED, RATE_LIMITED, RATE_LIMITED, RATE_LIMITED, RATE_LIMITED, RATE_LIMITED, done(7)], 'a/2': [done(8)] });
    const start = run.clock();
    const end = await runFetches(requests('a/1', 'a/2'), run.deps);
    expect(run.sleeps).toEqual([5_000, 10_000, 20_000, 40_000, 60_000, 60_000]);
    expect(run.sent).toEqual([...Array(7).fill('a/1'), 'a/2']);
    const pauses = run.states.filter((state) => state.kind === 'paused');
    expect(pauses[0]).toMatchObject({ until: start + 5_000 });
    expect(pauses).toHaveLength(6);
    expect(end.kind).toBe('done');
    expect(rateLimitWait(10)).toBe(60_000);
  });

  it('starts the waits again at 5 s for the next request that is rate-limited', async () => {
    const run = harness({ 'a/1': [RATE_LIMITED, RATE_LIMITED, done(1)], 'a/2': [RATE_LIMITED, done(2)] });
    await runFetches(requests('a/1', 'a/2'), run.deps);
    expect(run.sleeps).toEqual([5_000, 10_000, 5_000]);
  });

  it('stops sending when cancelled, even in a pause, and says how far it got', async () => {
    const run = harness({ 'a/1': [done(1)], 'a/2': [RATE_LIMITED] });
    const deps: RunDeps<Request, number> = { ...run.deps, sleep: async () => run.controller.abort() };
    const end = await runFetches(requests('a/1', 'a/2', 'a/3'), deps);
    expect(run.sent).toEqual(['a/1', 'a/2']);
    expect(end).toMatchObject({ kind: 'cancelled', progress: { fetched: 1 } });
  });

  it('asks nothing once cancelled before it starts', async () => {
    const run = harness({});
    run.controller.abort();
    expect((await runFetches(requests('a/1'), run.deps)).kind).toBe('cancelled');
    expect(run.sent).toEqual([]);
  });

  it('drops an account’s remaining requests on its failure and goes on with the other accounts', async () => {
    const run = harness({ 'a/1': [{ kind: 'failed', error: TOKEN_REJECTED }], 'b/1': [done(5)] });
    const end = await runFetches(requests('a/1', 'a/2', 'b/1', 'a/3'), run.deps);
    expect(run.sent).toEqual(['a/1', 'b/1']);
    expect(end).toEqual({ kind: 'stopped', progress: { fetched: 1, needed: 4 }, failures: [{ kind: 'account', account: 'a', error: TOKEN_REJECTED }] });
  });

  it('drops only that user’s requests on a user’s failure: the same account’s other users still come', async () => {
    const run = harness({ 'a/bob': [{ kind: 'failed', error: UNKNOWN_USER }] });
    const end = await runFetches(requests('a/bob', 'a/bob', 'a/alice'), run.deps);
    expect(run.sent).toEqual(['a/bob', 'a/alice']);
    expect(end).toMatchObject({ kind: 'stopped', failures: [{ kind: 'user', key: 'a/bob', error: UNKNOWN_USER }] });
  });

  it('drops a user the background will not ask for, and only the one request it refused otherwise', async () => {
    const run = harness({ 'a/gone': [{ kind: 'refused', reason: 'not-watched' }], 'a/late': [{ kind: 'refused', reason: 'not-complete' }, done(3)] });
    const end = await runFetches(requests('a/gone', 'a/gone', 'a/late', 'a/late'), run.deps);
    expect(run.sent).toEqual(['a/gone', 'a/late', 'a/late']);
    expect(end.kind === 'stopped' && end.failures.map((failure) => failure.kind)).toEqual(['refused', 'refused']);
  });

  it('ends at once when the background does not answer, as every request after would fare', async () => {
    const run = harness({});
    const deps: RunDeps<Request, number> = { ...run.deps, send: () => Promise.reject(new Error('Receiving end does not exist')) };
    const end = await runFetches(requests('a/1', 'a/2'), deps);
    expect(end).toMatchObject({ kind: 'stopped', failures: [{ kind: 'no-answer' }] });
  });

  it('reads its progress again after each answer, as the store has it', async () => {
    let stored = 0;
    const run = harness({});
    const deps: RunDeps<Request, number> = {
      ...run.deps,
      onAnswer: () => {
        stored += 30;
      },
      progress: async () => ({ fetched: stored, needed: 60 }),
    };
    const end = await runFetches(requests('a/1', 'b/1'), deps);
    expect(end).toEqual({ kind: 'done', progress: { fetched: 60, needed: 60 } });
  });
});
