/**
 * The details page's two fetches (`fetch-days`, `fetch-hours`; utils/messages/messages.ts): the
 * page drives a long fetch one request at a time, and the background makes each request as one
 * task of its serial queue, so polls interleave between them and every request of anyone keeps
 * `MIN_REQUEST_GAP_MS` from the last. A request the endpoint would refuse (10021) or that cannot
 * be right (a reversed span, a day not over yet) is refused here without asking.
 */
import type { ApiError } from '@/utils/api/errors';
import { hostName, hostPattern } from '@/utils/api/host-permission';
import { createThordataClient, type FetchLike, type ThordataClient } from '@/utils/api/thordata-client';
import type { Kb } from '@/utils/base/units';
import { earliestAskableDay } from '@/utils/details/range';
import type { BackgroundRequest, FetchDaysReply, FetchHoursReply, FetchRefusal, FetchReply } from '@/utils/messages/messages';
import { keepRequestGap } from '@/utils/poll/spacing';
import type { PollStatus } from '@/utils/poll/status';
import type { Settings, WatchedUser } from '@/utils/settings/model';
import { watchKey } from '@/utils/settings/watched';
import { dailyUsageItem, pollStatusItem } from '@/utils/storage/items';
import { dayKeyAt, daysBetween, daysFromTo, type DayKey } from '@/utils/time/day-keys';
import { dayOfHourKey, hourKeyAt, type HourKey } from '@/utils/time/hour-keys';
import { dailyFor, dailyRetentionStart, mergeDailyAnswer, MAX_DAILY_SPAN_DAYS, type DailyUsage } from '@/utils/usage/daily';

export type FetchDaysRequest = Extract<BackgroundRequest, { type: 'fetch-days' }>;
export type FetchHoursRequest = Extract<BackgroundRequest, { type: 'fetch-hours' }>;

/** What a fetch reads from storage, in the queue, before it decides anything. */
export interface PageFetchState {
  readonly settings: Settings;
  readonly tokens: Readonly<Record<string, string>>;
  readonly daily: DailyUsage;
  readonly status: PollStatus;
}

export interface PageFetchDeps<Known extends PageFetchState> {
  /** The background's one serial queue, shared with polls and "Test connection". */
  readonly enqueue: <T>(task: () => Promise<T>) => Promise<T>;
  readonly readAll: () => Promise<Known>;
  /** Whether work started from `known` may still write what it read: nothing forgotten, no token changed. */
  readonly stillCurrent: (known: Known) => Promise<boolean>;
  /** Whether "Forget token and data" happened since `known` was read: then nothing at all is written. */
  readonly forgotten: (known: Known) => boolean;
  readonly fetch: FetchLike;
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly isOnline: () => boolean;
  readonly hasHostPermission: (pattern: string) => Promise<boolean>;
  readonly requestTimeoutMs?: number;
}

export interface PageFetches {
  /** One user's missing days of the span, asked in one request and merged into the daily store. */
  fetchDays(request: FetchDaysRequest): Promise<FetchDaysReply>;
  /** One user's hours of the span, answered and not stored. */
  fetchHours(request: FetchHoursRequest): Promise<FetchHoursReply>;
}

const refused = (reason: FetchRefusal) => ({ kind: 'refused', reason }) as const;

/** The watched user behind a key and its account's token; null when not watched or without a token. */
function watchedWithToken(state: PageFetchState, key: string): { user: WatchedUser; token: string } | null {
  const user = state.settings.watched.find((entry) => watchKey(entry) === key);
  const token = user === undefined ? undefined : state.tokens[user.account];
  return user === undefined || token === undefined || token === '' ? null : { user, token };
}

/** Why the daily endpoint would refuse the days, or could not answer them for good: null when it can. */
export function dayRefusal(from: DayKey, to: DayKey, today: DayKey): FetchRefusal | null {
  if (from > to) return 'reversed';
  if (daysBetween(from, to) + 1 > MAX_DAILY_SPAN_DAYS) return 'too-long';
  if (from < earliestAskableDay(today)) return 'too-old';
  // Today is still growing: a day stored as complete must be over.
  return to >= today ? 'not-complete' : null;
}

/** The same limits for hours, counted in the days they fall on; the current hour may be asked, a later one not. */
export function hourRefusal(from: HourKey, to: HourKey, currentHour: HourKey): FetchRefusal | null {
  if (from > to) return 'reversed';
  const today = dayOfHourKey(currentHour);
  if (daysBetween(dayOfHourKey(from), dayOfHourKey(to)) + 1 > MAX_DAILY_SPAN_DAYS) return 'too-long';
  if (dayOfHourKey(from) < earliestAskableDay(today)) return 'too-old';
  return to > currentHour ? 'not-complete' : null;
}

/** The first to the last day of the span the store lacks; null when it holds them all. */
function missingSpan(days: Readonly<Record<DayKey, Kb>>, from: DayKey, to: DayKey): { from: DayKey; to: DayKey } | null {
  const missing = daysFromTo(from, to).filter((day) => days[day] === undefined);
  const first = missing[0];
  const last = missing[missing.length - 1];
  return first === undefined || last === undefined ? null : { from: first, to: last };
}

export function createPageFetches<Known extends PageFetchState>(deps: PageFetchDeps<Known>): PageFetches {
  /**
   * One request for `known`'s watched user: nothing is tried offline or without access to the
   * API's host (as a poll would not), the gap since the last request of anyone is kept, and the
   * end is written back for the next one, unless everything was forgotten meanwhile.
   */
  async function ask<T>(known: Known, token: string, request: (client: ThordataClient) => Promise<FetchReply<T>>): Promise<FetchReply<T>> {
    const { settings } = known;
    if (!deps.isOnline()) return { kind: 'failed', error: { kind: 'offline' } };
    if (!(await deps.hasHostPermission(hostPattern(settings.apiBaseUrl)))) {
      return { kind: 'failed', error: { kind: 'permission', host: hostName(settings.apiBaseUrl) } };
    }
    const client = createThordataClient({ baseUrl: settings.apiBaseUrl, token, fetch: deps.fetch, timeoutMs: deps.requestTimeoutMs });
    await keepRequestGap(known.status.lastRequestEndedAt, deps);
    const reply = await request(client);
    const endedAt = deps.now();
    const status = await pollStatusItem.getValue();
    if (!deps.forgotten(known)) await pollStatusItem.setValue({ ...status, lastRequestEndedAt: endedAt });
    return reply;
  }

  const failed = (error: ApiError) => ({ kind: 'failed', error }) as const;

  function fetchDays({ key, from, to }: FetchDaysRequest): Promise<FetchDaysReply> {
    return deps.enqueue(async () => {
      const known = await deps.readAll();
      const watched = watchedWithToken(known, key);
      if (watched === null) return refused('not-watched');
      const tz = known.settings.apiTimezone;
      const today = dayKeyAt(deps.now(), tz);
      const refusal = dayRefusal(from, to, today);
      if (refusal !== null) return refused(refusal);
      const daily = dailyFor(known.daily, tz);
      const range = missingSpan(daily.users[key] ?? {}, from, to);
      if (range === null) return { kind: 'done', value: { asked: false } };
      const { user, token } = watched;
      return ask(known, token, async (client): Promise<FetchDaysReply> => {
        const result = await client.dailyUsage({ proxyType: user.proxyType, username: user.username, ...range });
        if (!result.ok) return failed(result.error);
        // Days asked with a token that is gone, or of data forgotten, belong to nobody now.
        if (!(await deps.stillCurrent(known))) return refused('not-watched');
        await dailyUsageItem.setValue(mergeDailyAnswer(daily, key, range, result.value.rows, dailyRetentionStart(today)));
        return { kind: 'done', value: { asked: true } };
      });
    });
  }

  function fetchHours({ key, from, to }: FetchHoursRequest): Promise<FetchHoursReply> {
    return deps.enqueue(async () => {
      const known = await deps.readAll();
      const watched = watchedWithToken(known, key);
      if (watched === null) return refused('not-watched');
      const refusal = hourRefusal(from, to, hourKeyAt(deps.now(), known.settings.apiTimezone));
      if (refusal !== null) return refused(refusal);
      const { user, token } = watched;
      return ask(known, token, async (client): Promise<FetchHoursReply> => {
        const result = await client.hourlyUsage({ proxyType: user.proxyType, username: user.username, from, to });
        if (!result.ok) return failed(result.error);
        if (!(await deps.stillCurrent(known))) return refused('not-watched');
        const hours: Record<HourKey, Kb> = {};
        // Only the hours asked: a row outside the span is not what the page asked about.
        for (const row of result.value.rows) if (row.hour >= from && row.hour <= to) hours[row.hour] = row.kb;
        return { kind: 'done', value: hours };
      });
    });
  }

  return { fetchDays, fetchHours };
}
