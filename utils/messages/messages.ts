import type { AccountUsers } from '@/utils/account/account-users';
import type { ApiError } from '@/utils/api/errors';
import type { Result } from '@/utils/base/result';
import { isRecord } from '@/utils/base/is-record';
import type { Kb } from '@/utils/base/units';
import type { WatchKey } from '@/utils/settings/watched';
import { isDayKey, type DayKey } from '@/utils/time/day-keys';
import { parseHourKey, type HourKey } from '@/utils/time/hour-keys';

/** A page's reason to ask for a poll: an explicit refresh may override a pause, opening the popup may not. */
export type PageTrigger = 'manual' | 'popup-open';

/** What pages ask the background for: every request to the API goes through it, one at a time. */
export type BackgroundRequest =
  | { readonly type: 'poll-now'; readonly trigger: PageTrigger }
  | { readonly type: 'settings-saved' }
  /** "Forget token and data": the background drops what is stored and stops whatever it has in flight. */
  | { readonly type: 'forget' }
  /** Lists an account's users of every product, with the token as typed (maybe not saved yet). */
  | { readonly type: 'test-connection'; readonly token: string; readonly apiBaseUrl: string }
  /** The details page: one watched user's complete days, merged into the daily store (one request). */
  | { readonly type: 'fetch-days'; readonly key: WatchKey; readonly from: DayKey; readonly to: DayKey }
  /** The details page: one watched user's hours, answered to the page, not stored (one request). */
  | { readonly type: 'fetch-hours'; readonly key: WatchKey; readonly from: HourKey; readonly to: HourKey };

/** The settings or the API host's permission changed: poll with what is stored now. */
export const SETTINGS_SAVED = { type: 'settings-saved' } as const satisfies BackgroundRequest;

/**
 * Tells the background the settings changed, through `send` (a page's `runtime.sendMessage`).
 * The page does not wait for the poll that follows, and should no background answer, it polls
 * with the saved settings when it next starts: so a failure to deliver is not the page's error.
 */
export function tellSettingsSaved(send: (message: BackgroundRequest) => Promise<unknown>): void {
  send(SETTINGS_SAVED).catch(() => undefined);
}

export type PollNowReply = { readonly done: true };
export type TestConnectionReply = Result<AccountUsers, ApiError>;

/**
 * Why the background refused a page's fetch without asking: the key is not watched (or its account
 * has no token), the span is reversed, over 180 days, older than the endpoint answers, or (days)
 * reaches today, which is not complete.
 */
export type FetchRefusal = 'not-watched' | 'reversed' | 'too-long' | 'too-old' | 'not-complete';

/** A page's fetch: done with its value, failed as the API said (a rate limit included), or refused. */
export type FetchReply<T> =
  | { readonly kind: 'done'; readonly value: T }
  | { readonly kind: 'failed'; readonly error: ApiError }
  | { readonly kind: 'refused'; readonly reason: FetchRefusal };

/** `asked`: false when every day was stored already, so nothing was asked. */
export type FetchDaysReply = FetchReply<{ readonly asked: boolean }>;
/** The user's hours of the span; an hour with no traffic is absent, as the API leaves it out. */
export type FetchHoursReply = FetchReply<Readonly<Record<HourKey, Kb>>>;

/** Messages arrive untyped; anything malformed is ignored rather than trusted. */
export function parseBackgroundRequest(message: unknown): BackgroundRequest | null {
  if (!isRecord(message)) return null;
  switch (message.type) {
    case 'poll-now':
      return message.trigger === 'manual' || message.trigger === 'popup-open' ? { type: 'poll-now', trigger: message.trigger } : null;
    case 'settings-saved':
      return { type: 'settings-saved' };
    case 'forget':
      return { type: 'forget' };
    case 'test-connection': {
      const { token, apiBaseUrl } = message;
      if (typeof token !== 'string' || typeof apiBaseUrl !== 'string') return null;
      return { type: 'test-connection', token, apiBaseUrl };
    }
    case 'fetch-days': {
      const { key, from, to } = message;
      if (typeof key !== 'string' || typeof from !== 'string' || typeof to !== 'string' || !isDayKey(from) || !isDayKey(to)) return null;
      return { type: 'fetch-days', key, from, to };
    }
    case 'fetch-hours': {
      const { key, from, to } = message;
      if (typeof key !== 'string' || typeof from !== 'string' || typeof to !== 'string' || parseHourKey(from) === null || parseHourKey(to) === null) return null;
      return { type: 'fetch-hours', key, from, to };
    }
    default:
      return null;
  }
}
