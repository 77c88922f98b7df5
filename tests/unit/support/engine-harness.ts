import { FIRST_ACCOUNT_ID } from '@/utils/settings/model';
import { watching } from './watching';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBackgroundTasks, type BackgroundDeps, type BackgroundTasks } from '@/utils/background/tasks';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings/model';
import { settingsItem, tokenItem } from '@/utils/storage/items';
import { fakeClock } from './fake-client';
import { ENGLISH } from './languages';
import { modelApi } from './model-api';

export const ENGINE_USERS = ['alice_res', 'bob_scraper', 'carol_eu'];
export const ENGINE_START = Date.parse('2026-11-25T14:20:00Z');
export const MINUTE = 60_000;

/**
 * The real background tasks on WXT's fake browser with a fake clock, online, with host access,
 * steady jitter and English words; `deps` replaces any of those.
 */
export function fakeWorker(deps: Partial<BackgroundDeps> & Pick<BackgroundDeps, 'fetch'>, clock = fakeClock(ENGINE_START)): BackgroundTasks {
  return createBackgroundTasks({
    now: clock.now,
    sleep: clock.sleep,
    random: () => 0.5,
    isOnline: () => true,
    allowLoopback: false,
    hasHostPermission: async () => true,
    language: ENGLISH,
    ...deps,
  });
}

/**
 * The real background tasks on WXT's fake browser, a fake clock and the demo API's endpoints
 * called in-process: configured with three residential users, as the settings page would.
 */
export async function engineSetup(options: { online?: () => boolean; settings?: Partial<Settings>; apiOffsetMinutes?: number } = {}) {
  fakeBrowser.reset();
  const clock = fakeClock(ENGINE_START);
  const api = modelApi(clock.now, options.apiOffsetMinutes);
  await settingsItem.setValue({
    ...DEFAULT_SETTINGS,
    watched: watching(ENGINE_USERS),
    apiBaseUrl: 'https://openapi.thordata.com/api',
    ...options.settings,
  });
  await tokenItem(FIRST_ACCOUNT_ID).setValue('demo-token');
  const worker = () => fakeWorker({ fetch: api.fetch, isOnline: options.online ?? (() => true) }, clock);
  return { clock, api, tasks: worker(), newWorker: worker };
}

/** The usernames of the hourly requests made since request number `from`. */
export const hourlyUsers = (api: ReturnType<typeof modelApi>, from = 0) =>
  api.hourlyRequests().slice(from).map((r) => r.url.searchParams.get('username'));

const ACCOUNT_PATHS = ['/proxy-users/user-list', '/account/traffic-balance', '/account/wallet-balance'];

/** The requests for an account's figures (user lists, balance, wallet) made since request number `from`. */
export const accountRequests = (api: ReturnType<typeof modelApi>, from = 0) =>
  api.requests.slice(from).filter((r) => ACCOUNT_PATHS.some((path) => r.url.pathname.endsWith(path)));

/** The daily endpoint's requests made since request number `from`. */
export const dailyRequestsOf = (api: ReturnType<typeof modelApi>, from = 0) =>
  api.requests.slice(from).filter((r) => r.url.pathname.endsWith('/proxy-users/usage-statistics'));

/** The badge as the browser holds it, its colour back in the `#rrggbb` form the code sets. */
export const readFakeBadge = async () => {
  const [r, g, b] = await browser.action.getBadgeBackgroundColor({});
  return {
    text: await browser.action.getBadgeText({}),
    title: await browser.action.getTitle({}),
    color: `#${[r, g, b].map((c) => (c ?? 0).toString(16).padStart(2, '0')).join('')}`,
  };
};
