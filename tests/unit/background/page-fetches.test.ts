import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { hourUsageKB, usageBetweenKB } from '../../../scripts/demo-api/traffic-model';
import { answer } from '../support/model-api';
import { dailyRequestsOf, engineSetup, ENGINE_USERS, fakeWorker } from '../support/engine-harness';
import { userKey } from '../support/watching';
import type { BackgroundTasks } from '@/utils/background/tasks';
import type { FetchLike } from '@/utils/api/thordata-client';
import { DAY_MS, HOUR_MS } from '@/utils/base/durations';
import { MIN_REQUEST_GAP_MS } from '@/utils/poll/spacing';
import { FIRST_ACCOUNT_ID } from '@/utils/settings/model';
import { dailyUsageItem, pollStatusItem, tokenItem } from '@/utils/storage/items';
import { UTC } from '@/utils/time/api-timezone';
import { dayStart, daysFromTo } from '@/utils/time/day-keys';
import { hourKeyAt, hourStart } from '@/utils/time/hour-keys';
import { kb } from '@/utils/base/units';

// The engine's clock: 25 November 2026, 14:20 UTC; the API speaks UTC.
const ALICE = userKey(1, 'alice_res');
const TODAY = '2026-11-25';

const dailyFigure = (name: string, day: string, clock: { now: () => number }) => {
  const start = dayStart(day, UTC) ?? NaN;
  return usageBetweenKB([name], start, start + DAY_MS, clock);
};

const fetchDays = (tasks: BackgroundTasks, from: string, to: string, key = ALICE) => tasks.fetchDays({ type: 'fetch-days', key, from, to });
const fetchHours = (tasks: BackgroundTasks, from: string, to: string, key = ALICE) => tasks.fetchHours({ type: 'fetch-hours', key, from, to });

/** The requests' `from_date`..`to_date` of the daily endpoint, in order. */
const dailySpans = (api: Awaited<ReturnType<typeof engineSetup>>['api'], from = 0) =>
  dailyRequestsOf(api, from).map((r) => `${r.url.searchParams.get('username')} ${r.url.searchParams.get('from_date')}..${r.url.searchParams.get('to_date')}`);

describe('the details page’s fetch of a user’s days', () => {
  beforeEach(() => fakeBrowser.reset());

  it('asks nothing for days the store holds', async () => {
    const { api, tasks } = await engineSetup();
    await tasks.pollNow('settings');
    const asked = api.requests.length;
    // The poll stored the cycle's days: 1 to 24 November.
    await expect(fetchDays(tasks, '2026-11-03', '2026-11-24')).resolves.toEqual({ kind: 'done', value: { asked: false } });
    expect(api.requests).toHaveLength(asked);
  });

  it('asks the missing days once, from the first missing to the last, and stores them as the daily endpoint serves them', async () => {
    const { api, tasks, clock } = await engineSetup();
    const held = { '2026-09-01': kb(11), '2026-09-02': kb(12), '2026-09-29': kb(29), '2026-09-30': kb(30) };
    await dailyUsageItem.setValue({ apiTimezone: 'UTC', users: { [ALICE]: held } });

    await expect(fetchDays(tasks, '2026-09-01', '2026-09-30')).resolves.toEqual({ kind: 'done', value: { asked: true } });
    expect(dailySpans(api)).toEqual(['alice_res 2026-09-03..2026-09-28']);
    const stored = (await dailyUsageItem.getValue()).users[ALICE] ?? {};
    expect(Object.keys(stored).sort()).toEqual(daysFromTo('2026-09-01', '2026-09-30'));
    for (const day of daysFromTo('2026-09-03', '2026-09-28')) expect(stored[day], day).toBe(dailyFigure('alice_res', day, clock));
    // What was held stays as it was.
    expect(stored).toMatchObject(held);

    // Reopened, the page asks again: nothing is missing any more.
    await expect(fetchDays(tasks, '2026-09-01', '2026-09-30')).resolves.toEqual({ kind: 'done', value: { asked: false } });
    expect(dailyRequestsOf(api)).toHaveLength(1);
  });

  it('asks the longest span the endpoint answers, 180 days up to yesterday, in one request', async () => {
    const { api, tasks } = await engineSetup();
    await expect(fetchDays(tasks, '2026-05-29', '2026-11-24')).resolves.toEqual({ kind: 'done', value: { asked: true } });
    expect(dailySpans(api)).toEqual(['alice_res 2026-05-29..2026-11-24']);
    expect(Object.keys((await dailyUsageItem.getValue()).users[ALICE] ?? {})).toHaveLength(180);
  });

  it('refuses without asking what the endpoint would refuse or what is not over yet', async () => {
    const { api, tasks } = await engineSetup();
    const cases: Array<[string, string, string, string]> = [
      ['reversed', '2026-11-10', '2026-11-09', ALICE],
      ['too-long', '2026-05-28', '2026-11-24', ALICE],
      ['too-old', '2026-05-28', '2026-06-02', ALICE],
      ['not-complete', '2026-11-20', TODAY, ALICE],
      ['not-complete', '2026-11-26', '2026-11-27', ALICE],
      ['not-watched', '2026-11-01', '2026-11-02', userKey(1, 'mallory')],
      ['not-watched', '2026-11-01', '2026-11-02', userKey(2, 'alice_res')],
    ];
    for (const [reason, from, to, key] of cases) {
      await expect(fetchDays(tasks, from, to, key), `${from}..${to} ${key}`).resolves.toEqual({ kind: 'refused', reason });
    }
    expect(api.requests).toEqual([]);
  });

  it('refuses a user whose account has no token, without asking', async () => {
    const { api, tasks } = await engineSetup();
    await tokenItem(FIRST_ACCOUNT_ID).removeValue();
    await expect(fetchDays(tasks, '2026-11-01', '2026-11-02')).resolves.toEqual({ kind: 'refused', reason: 'not-watched' });
    expect(api.requests).toEqual([]);
  });

  it('replies a rate limit as it came, stores nothing, and counts the request for the gap', async () => {
    const { api, tasks, clock } = await engineSetup();
    api.setOverride(() => answer(10011, 'too frequent'));
    await expect(fetchDays(tasks, '2026-11-01', '2026-11-24')).resolves.toEqual({ kind: 'failed', error: { kind: 'rate-limited', code: 10011 } });
    expect((await dailyUsageItem.getValue()).users).toEqual({});
    expect((await pollStatusItem.getValue()).lastRequestEndedAt).toBe(clock.now());
  });

  it('never puts the token in a reply, whatever the API or the network said', async () => {
    const { api, tasks } = await engineSetup();
    api.setOverride((request) => answer(10000, `bad parameter in ${request.url.href}`));
    const refusedByApi = await fetchDays(tasks, '2026-11-01', '2026-11-24');
    expect(refusedByApi).toMatchObject({ kind: 'failed', error: { kind: 'bad-request', code: 10000 } });

    const fetch: FetchLike = (url) => Promise.reject(new Error(`connection reset while fetching ${url}`));
    const broken = await fakeWorker({ fetch }).fetchHours({ type: 'fetch-hours', key: ALICE, from: '2026-11-20 00', to: '2026-11-20 23' });
    expect(broken).toMatchObject({ kind: 'failed', error: { kind: 'network' } });
    for (const reply of [refusedByApi, broken]) expect(JSON.stringify(reply)).not.toContain('demo-token');
  });

  it('writes nothing when "Forget token and data" came while the request was on its way', async () => {
    const { api, clock } = await engineSetup();
    let tasks: BackgroundTasks | null = null;
    const fetch: FetchLike = async (url, init) => {
      await tasks?.forget();
      return api.fetch(url, init);
    };
    tasks = fakeWorker({ fetch }, clock);
    await expect(fetchDays(tasks, '2026-11-01', '2026-11-24')).resolves.toEqual({ kind: 'refused', reason: 'not-watched' });
    const stored = Object.keys(await browser.storage.local.get(null)).filter((key) => !key.endsWith('$'));
    expect(stored).toEqual([]);
  });

  it('answers offline or without access to the API’s host as a poll would say it, without asking', async () => {
    const { api, clock } = await engineSetup();
    const offline = fakeWorker({ fetch: api.fetch, isOnline: () => false }, clock);
    await expect(fetchDays(offline, '2026-11-01', '2026-11-24')).resolves.toEqual({ kind: 'failed', error: { kind: 'offline' } });
    const withheld = fakeWorker({ fetch: api.fetch, hasHostPermission: async () => false }, clock);
    await expect(fetchDays(withheld, '2026-11-01', '2026-11-24')).resolves.toEqual({
      kind: 'failed',
      error: { kind: 'permission', host: 'openapi.thordata.com' },
    });
    expect(api.requests).toEqual([]);
  });
});

describe('the details page’s requests among the polls', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keep the gap from a poll’s last request, and the next poll keeps it from theirs', async () => {
    const { api, tasks } = await engineSetup();
    await tasks.pollNow('settings');
    const pollEnd = api.requests.length;
    await fetchDays(tasks, '2026-09-01', '2026-09-30');
    await fetchHours(tasks, '2026-10-01 00', '2026-10-01 23');
    await tasks.pollNow('manual');
    const times = api.requests.map((request) => request.at);
    expect(times.length).toBeGreaterThan(pollEnd + 2);
    for (let index = pollEnd; index < times.length; index += 1) {
      expect((times[index] ?? 0) - (times[index - 1] ?? 0), `request ${index}`).toBeGreaterThanOrEqual(MIN_REQUEST_GAP_MS);
    }
  });

  it('wait their turn in the one queue: a poll started first finishes its requests before the page’s is made', async () => {
    const { api, tasks } = await engineSetup();
    const poll = tasks.pollNow('settings');
    const page = fetchDays(tasks, '2026-09-01', '2026-09-30');
    await Promise.all([poll, page]);
    const paths = api.requests.map((request) => `${request.url.pathname.split('/').pop() ?? ''} ${request.url.searchParams.get('from_date') ?? ''}`);
    expect(paths[paths.length - 1]).toBe('usage-statistics 2026-09-01');
    const times = api.requests.map((request) => request.at);
    for (let index = 1; index < times.length; index += 1) expect((times[index] ?? 0) - (times[index - 1] ?? 0)).toBeGreaterThanOrEqual(MIN_REQUEST_GAP_MS);
  });
});

describe('the details page’s fetch of a user’s hours', () => {
  beforeEach(() => fakeBrowser.reset());

  it('answers any past hours as the hourly endpoint serves them, and stores nothing', async () => {
    const { api, tasks, clock } = await engineSetup();
    const before = await browser.storage.local.get(null);
    const reply = await fetchHours(tasks, '2026-08-10 00', '2026-08-10 23');
    expect(reply.kind).toBe('done');
    const hours = reply.kind === 'done' ? reply.value : {};
    const served = Object.fromEntries(
      Array.from({ length: 24 }, (_, hour) => `2026-08-10 ${String(hour).padStart(2, '0')}`)
        .map((key) => [key, hourUsageKB('alice_res', hourStart(key, UTC) ?? NaN, clock)] as const)
        .filter(([, usage]) => usage > 0),
    );
    expect(hours).toEqual(served);
    // The day's hours add up to the day the daily endpoint gives.
    expect(Object.values(hours).reduce((sum, value) => sum + value * 100, 0) / 100).toBeCloseTo(dailyFigure('alice_res', '2026-08-10', clock), 2);
    expect(api.hourlyRequests()).toHaveLength(1);
    const after = await browser.storage.local.get(null);
    expect({ ...after, pollStatus: null, pollStatus$: null }).toEqual({ ...before, pollStatus: null, pollStatus$: null });
  });

  it('answers the current hour as it stands, and refuses a later one or a span the endpoint refuses', async () => {
    const { api, tasks, clock } = await engineSetup();
    const now = hourKeyAt(clock.now(), UTC);
    const reply = await fetchHours(tasks, hourKeyAt(clock.now() - HOUR_MS, UTC), now);
    expect(reply.kind === 'done' ? Object.keys(reply.value) : reply).toContain(now);
    const asked = api.requests.length;
    const cases: Array<[string, string, string]> = [
      ['not-complete', now, hourKeyAt(clock.now() + HOUR_MS, UTC)],
      ['reversed', '2026-11-20 05', '2026-11-20 04'],
      ['too-old', '2026-05-28 23', '2026-05-29 02'],
      ['too-long', '2026-05-28 00', '2026-11-24 00'],
    ];
    for (const [reason, from, to] of cases) await expect(fetchHours(tasks, from, to), `${from}..${to}`).resolves.toEqual({ kind: 'refused', reason });
    expect(api.requests).toHaveLength(asked);
  });

  it('serves every watched user, each by its own name', async () => {
    const { api, tasks } = await engineSetup();
    for (const name of ENGINE_USERS) await fetchHours(tasks, '2026-11-24 00', '2026-11-24 23', userKey(1, name));
    expect(api.hourlyRequests().map((request) => request.url.searchParams.get('username'))).toEqual(ENGINE_USERS);
  });
});
