import { isAlertRule } from '@/utils/alerts/snooze';
import type { ApiTimezone } from '@/utils/time/api-timezone';
import { dayKeyAt, daysBetween, isDayKey, type DayKey } from '@/utils/time/day-keys';
import { dayOfHourKey, parseHourKey, recentHourKeys, type HourKey } from '@/utils/time/hour-keys';
import type { WatchKey } from '@/utils/settings/watched';
import { resolveRange, type DetailRange, type PresetRange } from './range';
import type { StackBy } from './series';

/** What the page opens on after a notification's click: the hour, the user or the budget that fired. */
export type DetailFocus =
  | { readonly kind: 'hour'; readonly hour: HourKey; readonly user: WatchKey | null }
  | { readonly kind: 'user'; readonly user: WatchKey }
  /** `day`: the budget's day (daily) or its cycle's first day (cycle). */
  | { readonly kind: 'budget'; readonly period: 'daily' | 'cycle'; readonly day: DayKey }
  | { readonly kind: 'none' };

export const NO_FOCUS: DetailFocus = { kind: 'none' };

const HOUR_KEY_LENGTH = 'yyyy-mm-dd HH'.length;
/** `account/proxyType:username` (settings/watched.ts). */
const WATCH_KEY_PATTERN = /^[^/]+\/[123]:.+$/;

function isHourKey(text: string): boolean {
  return parseHourKey(text) !== null;
}

function isWatchKey(text: string): boolean {
  return WATCH_KEY_PATTERN.test(text);
}

/** The alert key after its rule's prefix, or null when it has another prefix. */
function afterPrefix(key: string, prefix: string): string | null {
  return key.startsWith(prefix) ? key.slice(prefix.length) : null;
}

/** An hourly-user key's rest: `<watch key>:<hour>`; the watch key may itself hold colons. */
function userHour(rest: string): DetailFocus {
  const hour = rest.slice(-HOUR_KEY_LENGTH);
  const user = rest.slice(0, -HOUR_KEY_LENGTH - 1);
  return isHourKey(hour) && isWatchKey(user) && rest.charAt(rest.length - HOUR_KEY_LENGTH - 1) === ':' ? { kind: 'hour', hour, user } : NO_FOCUS;
}

/** A budget-use key's rest: `<daily|cycle>:<percent>:<day>`. */
function budgetUse(rest: string): DetailFocus {
  const [period, percent, day, extra] = rest.split(':');
  if ((period !== 'daily' && period !== 'cycle') || !/^\d+$/.test(percent ?? '') || day === undefined || !isDayKey(day) || extra !== undefined) return NO_FOCUS;
  return { kind: 'budget', period, day };
}

/**
 * The focus of a notification from its id (`target|rule|key`, utils/background/notifier.ts): the
 * rule and the alert key (utils/alerts/) name the hour, the user or the budget's period. A summary
 * of several rules, an account's rule (balance, plan, token, polling) or a malformed id: none.
 */
export function focusOfNotification(id: string): DetailFocus {
  const [, ruleText = '', ...keyParts] = id.split('|');
  const rule = isAlertRule(ruleText) ? ruleText : null;
  const key = keyParts.join('|');
  const hourOf = (prefix: string): DetailFocus => {
    const hour = afterPrefix(key, prefix);
    return hour !== null && isHourKey(hour) ? { kind: 'hour', hour, user: null } : NO_FOCUS;
  };
  const cycleOf = (prefix: string): DetailFocus => {
    const day = afterPrefix(key, prefix);
    return day !== null && isDayKey(day) ? { kind: 'budget', period: 'cycle', day } : NO_FOCUS;
  };
  switch (rule) {
    case 'hourly-total':
      return hourOf('hourly-total:');
    case 'spike':
      return hourOf('spike:');
    case 'hourly-user': {
      const rest = afterPrefix(key, 'hourly-user:');
      return rest === null ? NO_FOCUS : userHour(rest);
    }
    case 'user-balance': {
      const user = afterPrefix(key, 'user-balance:');
      return user !== null && isWatchKey(user) ? { kind: 'user', user } : NO_FOCUS;
    }
    case 'budget-use': {
      const rest = afterPrefix(key, 'budget-use:');
      return rest === null ? NO_FOCUS : budgetUse(rest);
    }
    case 'budget-forecast':
      return cycleOf('budget-forecast:');
    case 'rapid-use':
      return cycleOf('rapid-use:');
    default:
      return NO_FOCUS;
  }
}

/** The focus as the query of `details.html?…`; none is the empty query. */
export function focusToQuery(focus: DetailFocus): string {
  const params = new URLSearchParams();
  if (focus.kind === 'none') return '';
  params.set('focus', focus.kind);
  if (focus.kind === 'hour') {
    params.set('hour', focus.hour);
    if (focus.user !== null) params.set('user', focus.user);
  }
  if (focus.kind === 'user') params.set('user', focus.user);
  if (focus.kind === 'budget') {
    params.set('period', focus.period);
    params.set('day', focus.day);
  }
  return params.toString();
}

/** The focus a page's query names; anything malformed is no focus, never an error. */
export function queryToFocus(query: string): DetailFocus {
  const params = new URLSearchParams(query);
  const hour = params.get('hour') ?? '';
  const user = params.get('user');
  const day = params.get('day') ?? '';
  const period = params.get('period');
  switch (params.get('focus')) {
    case 'hour':
      return isHourKey(hour) && (user === null || isWatchKey(user)) ? { kind: 'hour', hour, user } : NO_FOCUS;
    case 'user':
      return user !== null && isWatchKey(user) ? { kind: 'user', user } : NO_FOCUS;
    case 'budget':
      return (period === 'daily' || period === 'cycle') && isDayKey(day) ? { kind: 'budget', period, day } : NO_FOCUS;
    default:
      return NO_FOCUS;
  }
}

/** The hourly range that shows a focused hour: the last 24 hours, else the week; null when older than the cache keeps. */
export function rangeShowingHour(hour: HourKey, now: number, tz: ApiTimezone): PresetRange | null {
  if (recentHourKeys(now, 24, tz).includes(hour)) return '24h';
  return recentHourKeys(now, 7 * 24, tz).includes(hour) ? '7d' : null;
}

/** What the page shows: the range, how it is stacked, a day's hours drilled into, what is marked. */
export interface DetailView {
  readonly range: DetailRange;
  readonly stackBy: StackBy;
  /** The day whose hours are shown instead of the range, or null. */
  readonly drill: DayKey | null;
  /** A bucket (hour or day key) to mark on the chart and in the table. */
  readonly highlight: string | null;
  /** A user to stack first, so the one an alert named is at the bottom of each bar and first in the legend. */
  readonly firstUser: WatchKey | null;
}

/** More users than the chart has distinct colours for stack by product unless a focus names a user. */
export const MAX_USER_SERIES = 8;

/** The smallest daily preset that shows `day` (the last 30, 90 or 180 days). */
function dayPresetFor(day: DayKey, today: DayKey): PresetRange {
  const back = daysBetween(day, today);
  return back < 30 ? '30d' : back < 90 ? '90d' : '180d';
}

/**
 * What the page opens on for a focus: an hour in the 24 h or 7 d range that shows it, else its
 * day's hours; a user in the week stacked by user, that user first; a daily budget's day as its
 * hours; a cycle's days from its first to today. No focus: the week.
 */
export function initialView(focus: DetailFocus, watchedCount: number, now: number, tz: ApiTimezone): DetailView {
  const today = dayKeyAt(now, tz);
  const stackBy: StackBy = watchedCount > MAX_USER_SERIES ? 'product' : 'user';
  const plain: DetailView = { range: '7d', stackBy, drill: null, highlight: null, firstUser: null };
  switch (focus.kind) {
    case 'none':
      return plain;
    case 'hour': {
      const byFocus: DetailView = { ...plain, stackBy: focus.user === null ? stackBy : 'user', highlight: focus.hour, firstUser: focus.user };
      const range = rangeShowingHour(focus.hour, now, tz);
      if (range !== null) return { ...byFocus, range };
      const day = dayOfHourKey(focus.hour);
      return day > today ? plain : { ...byFocus, range: dayPresetFor(day, today), drill: day };
    }
    case 'user':
      return { ...plain, stackBy: 'user', firstUser: focus.user };
    case 'budget': {
      if (focus.day > today) return plain;
      if (focus.period === 'daily') return { ...plain, range: dayPresetFor(focus.day, today), drill: focus.day };
      const cycle = { from: focus.day, to: today };
      return resolveRange(cycle, now, tz).ok ? { ...plain, range: cycle } : plain;
    }
  }
}
