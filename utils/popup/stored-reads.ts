import { EMPTY_ACCOUNT, type AccountSnapshot } from '@/utils/account/account-snapshot';
import { INITIAL_STATUS, type PollStatus } from '@/utils/poll/status';
import type { Settings } from '@/utils/settings/model';
import { accountsWithToken, isConfigured } from '@/utils/settings/readiness';
import { coerceSettings } from '@/utils/settings/repair';
import { ACCOUNT, accountOfTokenKey, currentValue, DAILY_USAGE, POLL_STATUS, RECENT_USAGE, SETTINGS, tokenDefinition, USAGE_CACHE, versionKey } from '@/utils/storage/definitions';
import { recentCovers, type RecentUsage } from '@/utils/usage/recent';
import { cacheFor, EMPTY_CACHE, type UsageCache } from '@/utils/usage/cache';
import { dailyFor, daysToAsk, EMPTY_DAILY, type DailyUsage } from '@/utils/usage/daily';
import { anyWatchedPrice } from '@/utils/budget/cost';
import { neededDays } from '@/utils/poll/daily-requests';
import { watchKey } from '@/utils/settings/watched';
import { isRecord } from '@/utils/base/is-record';

/**
 * The popup reads storage through the browser's own promise API rather than the
 * storage items and webextension-polyfill: it only reads and watches five items, and
 * leaving those out keeps the popup's JavaScript within its budget. It reads them by the
 * items' own definitions (storage/definitions.ts): their keys, versions and migrations.
 */
type ChangeListener = (changes: Record<string, unknown>, area: string) => void;

export interface PopupApi {
  readonly storage: {
    readonly local: {
      get(keys: string[] | null): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
    };
    readonly onChanged: { addListener(listener: ChangeListener): void; removeListener(listener: ChangeListener): void };
  };
  readonly runtime: { sendMessage(message: unknown): Promise<unknown>; openOptionsPage(): Promise<void> };
  /** For "Details": the page opens in a tab of its own. */
  readonly tabs: { create(properties: { url: string }): Promise<unknown> };
}

/** Firefox's `browser`, or Chrome's `chrome`, whose MV3 APIs return promises too. */
export function popupApi(): PopupApi {
  const scope = globalThis as unknown as { browser?: PopupApi; chrome: PopupApi };
  return scope.browser ?? scope.chrome;
}

/**
 * The items the popup shows, with their version keys, so that a value an older version stored
 * is read as the item's migrations make it: the recent hours, not the week (usage/recent.ts).
 * Besides these it reads each account's token key, for whether one is saved.
 */
export const KEYS: readonly string[] = [SETTINGS, RECENT_USAGE, POLL_STATUS, ACCOUNT].flatMap(({ key }) => [key, versionKey(key)]);

/** The whole week of hours: read when the recent hours do not cover the chart window, or for an export. */
export const CACHE_KEYS: readonly string[] = [USAGE_CACHE.key, versionKey(USAGE_CACHE.key)];

/** The complete days of the cycle: read only when a price or a budget is set, as only the cost and budgets need them. */
export const DAILY_KEYS: readonly string[] = [DAILY_USAGE.key, versionKey(DAILY_USAGE.key)];

export interface PopupState {
  readonly settings: Settings;
  readonly configured: boolean;
  /** The accounts whose token is saved. */
  readonly withToken: ReadonlySet<string>;
  readonly cache: UsageCache;
  readonly status: PollStatus;
  readonly account: AccountSnapshot;
  /** The complete days, under the settings' API timezone; empty when no price or budget is set. */
  readonly daily: DailyUsage;
}

/**
 * What the popup uses of storage's items under KEYS, each at its current version (or undefined
 * where none is stored). Of the token, only whether one is saved: the popup never holds it.
 */
export interface PopupStored {
  readonly settings: unknown;
  readonly usageCache: unknown;
  readonly pollStatus: unknown;
  readonly account: unknown;
  readonly dailyUsage: unknown;
  /** The accounts with a token saved: the popup keeps no token, only this. */
  readonly withToken: ReadonlySet<string>;
}

export function popupStoredFrom(items: Record<string, unknown>): PopupStored {
  const tokens: Record<string, string> = {};
  for (const [key, value] of Object.entries(items)) {
    const account = accountOfTokenKey(key);
    if (account !== null && typeof value === 'string') tokens[account] = value;
  }
  return {
    settings: currentValue(SETTINGS, items),
    // The week when it was read (the recent hours did not cover the window), else the recent hours.
    usageCache: currentValue(USAGE_CACHE, items) ?? currentValue(RECENT_USAGE, items),
    pollStatus: currentValue(POLL_STATUS, items),
    account: currentValue(ACCOUNT, items),
    dailyUsage: currentValue(DAILY_USAGE, items),
    withToken: accountsWithToken(tokens),
  };
}

/**
 * The popup's state from what storage holds; odd shapes read as empty, hours read under another
 * API timezone as none.
 */
export function popupStateFrom(stored: PopupStored, allowLoopback: boolean): PopupState {
  const settings = coerceSettings(stored.settings, allowLoopback);
  const raw = isRecord(stored.usageCache) && isRecord(stored.usageCache.users) ? (stored.usageCache as unknown as UsageCache) : EMPTY_CACHE;
  const cache = cacheFor(raw, settings.apiTimezone);
  const status = isRecord(stored.pollStatus) ? (stored.pollStatus as unknown as PollStatus) : INITIAL_STATUS;
  const account = isRecord(stored.account) && isRecord(stored.account.accounts) ? (stored.account as unknown as AccountSnapshot) : EMPTY_ACCOUNT;
  const daily = isRecord(stored.dailyUsage) && isRecord(stored.dailyUsage.users) ? dailyFor(stored.dailyUsage as unknown as DailyUsage, settings.apiTimezone) : EMPTY_DAILY;
  const withToken = stored.withToken;
  return { settings, configured: isConfigured(settings, withToken), withToken, cache, status, account, daily };
}

function isRecent(value: unknown): value is RecentUsage {
  return isRecord(value) && isRecord(value.users) && typeof value.hours === 'number' && typeof value.at === 'number';
}

/** Whether the popup shows cost or budgets: a watched product has a price, or a budget is on. */
export function showsSpend(settings: Settings): boolean {
  const { budgets } = settings;
  return anyWatchedPrice(settings.watched, settings.prices) || budgets.daily.kind !== 'off' || budgets.cycle.kind !== 'off';
}

/**
 * Whether the stored days leave a complete day the cycle figures need unknown for some watched
 * user (the daily endpoint not asked yet: a first fill, or the morning before the day that ended
 * was asked). The week's hours may cover it, as the background's figures would count it.
 */
function daysMissing(settings: Settings, stored: unknown, now: number): boolean {
  const daily = isRecord(stored) && isRecord(stored.users) ? dailyFor(stored as unknown as DailyUsage, settings.apiTimezone) : EMPTY_DAILY;
  const { from, lastComplete } = neededDays(now, settings);
  return settings.watched.some((user) => daysToAsk(daily, watchKey(user), from, lastComplete) !== null);
}

/**
 * The popup's items, then the token keys the settings name (one per account, so they cannot be
 * named before), the complete days when a price or budget is set, and the week only when the
 * recent hours do not cover the chart window, or when the days leave one of the cycle's unknown.
 * Reading all of `storage.local` at once instead made the popup wait for every stored hour: with
 * 100 users 1.6× its time with 2 (docs/performance.md).
 */
export async function readStored(api: PopupApi, now = Date.now()): Promise<PopupStored> {
  const first = await api.storage.local.get([...KEYS]);
  const settings = coerceSettings(currentValue(SETTINGS, first), false);
  const recent = currentValue(RECENT_USAGE, first);
  const covered = isRecent(recent) && recentCovers(recent, settings.chartHours, now);
  const spends = showsSpend(settings);
  const tokenKeys = settings.accounts.map(({ id }) => tokenDefinition(id).key);
  const second = await api.storage.local.get([...tokenKeys, ...(covered ? [] : CACHE_KEYS), ...(spends ? DAILY_KEYS : [])]);
  const third = covered && spends && daysMissing(settings, currentValue(DAILY_USAGE, second), now) ? await api.storage.local.get([...CACHE_KEYS]) : {};
  return popupStoredFrom({ ...first, ...second, ...third });
}

/** Calls `onChange` when any of the popup's keys changes; returns the way to stop. */
export function watchPopupState(api: PopupApi, onChange: () => void): () => void {
  const listener: ChangeListener = (changes, area) => {
    if (area === 'local' && changesPopupItems(changes)) onChange();
  };
  api.storage.onChanged.addListener(listener);
  return () => api.storage.onChanged.removeListener(listener);
}

/** Whether a change in `storage.local` touches what the popup shows. */
export function changesPopupItems(changes: Record<string, unknown>): boolean {
  return KEYS.some((key) => key in changes) || DAILY_KEYS.some((key) => key in changes) || Object.keys(changes).some((key) => accountOfTokenKey(key) !== null);
}

/** The whole week of hours as the settings read them (for the export; the popup shows the recent hours). */
export async function readWeek(api: PopupApi, settings: Settings): Promise<UsageCache> {
  const stored = currentValue(USAGE_CACHE, await api.storage.local.get([...CACHE_KEYS]));
  const raw = isRecord(stored) && isRecord(stored.users) ? (stored as unknown as UsageCache) : EMPTY_CACHE;
  return cacheFor(raw, settings.apiTimezone);
}
