import type { DemoApi } from '../demo-api/server';
import { SETTINGS_SAVED, type BackgroundRequest } from '../../utils/messages/messages';
import { MIN_REQUEST_GAP_MS } from '../../utils/poll/spacing';
import { launchExtensionBrowser, readBadge, type ExtensionBrowser } from '../lib/extension-browser';
import type { Figure } from './figures';
import { storageItems, type BenchSetup } from './scale';

declare const chrome: {
  storage: { local: { set(items: object): Promise<void>; get(keys: string | string[]): Promise<Record<string, unknown>>; getBytesInUse(keys: null): Promise<number> } };
  runtime: { sendMessage(message: object): Promise<unknown> };
  alarms: { create(name: string, info: { when: number }): Promise<void> };
};

/** The poll interval set up, in minutes; a worker woken within half of one has nothing to fetch. */
export const POLL_MINUTES = 10;

const HOURLY_PATH = '/proxy-users/usage-statistics-hour';
const POLL_FROM_PAGE: BackgroundRequest = { type: 'poll-now', trigger: 'popup-open' };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A profile set up against the demo API, its first cycle over; the timed browser reuses it. */
export interface SetUpProfile {
  readonly profileDir: string;
  readonly figures: Figure[];
}

/** Whether the worker's last cycle is over and answered: read through the worker, no page open. */
async function cycleDone(browser: ExtensionBrowser, since: number): Promise<boolean> {
  try {
    const worker = await browser.serviceWorker();
    const { pollStatus } = (await worker.evaluate(() => chrome.storage.local.get('pollStatus'))) as { pollStatus?: { cycle: unknown; lastSuccessAt: number | null } };
    return pollStatus?.cycle === null && (pollStatus.lastSuccessAt ?? 0) >= since;
  } catch {
    // The worker restarting between the lookup and the call: ask again.
    return false;
  }
}

/**
 * Writes the setup into storage through the service worker as the settings page saves it
 * (settings at their version, each account's token in its own item), then tells the worker,
 * from an extension page, that settings were saved: the trigger of the first full cycle.
 * Returns when that cycle is over, and when it was triggered (epoch ms).
 */
async function configure(browser: ExtensionBrowser, setup: BenchSetup, apiBaseUrl: string): Promise<number> {
  const items = storageItems({ ...setup, settings: { ...setup.settings, apiBaseUrl, pollIntervalMinutes: POLL_MINUTES } });
  // A worker cannot message itself: an empty page of the extension (written by popup-timing.ts) says it.
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/bench-blank.html`);
  // The install's own wake-up polls too, one at a time with any other: should it read storage
  // after the settings below were written, the cycle would start before the trigger. A page's
  // poll request is answered once the wake-ups queued before it are over.
  await page.evaluate((message) => chrome.runtime.sendMessage(message), POLL_FROM_PAGE);
  const worker = await browser.serviceWorker();
  await worker.evaluate((stored) => chrome.storage.local.set(stored), items);
  const triggeredAt = Date.now();
  await page.evaluate((message) => void chrome.runtime.sendMessage(message).catch(() => undefined), SETTINGS_SAVED);
  // Each request waits the spacing; a margin of a minute for the answers, the worker's own work and the build's speed.
  const deadline = triggeredAt + setup.settings.watched.length * 2 * MIN_REQUEST_GAP_MS + 60_000;
  while (!(await cycleDone(browser, triggeredAt))) {
    if (Date.now() > deadline) throw new Error(`The first cycle of ${setup.settings.watched.length} users did not end in time`);
    await sleep(1000);
  }
  await page.close();
  return triggeredAt;
}

/**
 * The small size: sets the extension up, lets its first poll finish, and counts the requests of
 * a steady-state poll in the real extension.
 */
export async function setUpSmall(extensionDir: string, api: DemoApi, baseUrl: string, setup: BenchSetup): Promise<SetUpProfile> {
  const browser = await launchExtensionBrowser({ extensionDir });
  try {
    await configure(browser, setup, baseUrl);
    if (!/^\d/.test((await readBadge(browser)).text)) throw new Error('The first poll did not draw a figure on the badge');
    api.clearRequests();
    // A steady poll comes a whole interval after the one before: an alarm within half of one
    // asks nothing, so the settings poll is first made to look an interval old.
    const worker = await browser.serviceWorker();
    await worker.evaluate(async (minutes) => {
      const { pollStatus } = (await chrome.storage.local.get('pollStatus')) as { pollStatus: { lastAttemptAt: number } };
      await chrome.storage.local.set({ pollStatus: { ...pollStatus, lastAttemptAt: pollStatus.lastAttemptAt - minutes * 60_000 } });
      await chrome.alarms.create('thordata-poll', { when: Date.now() });
    }, POLL_MINUTES);
    const users = setup.settings.watched.length;
    for (let i = 0; i < 50 && api.requests().length < users; i += 1) await sleep(200);
    // Anything more than the users would come within another spacing or two.
    await sleep(2 * MIN_REQUEST_GAP_MS + 500);
    const hourly = api.requests().filter((request) => request.path.endsWith(HOURLY_PATH)).length;
    return {
      profileDir: browser.profileDir,
      figures: [{ name: `requests per steady poll, ${users} users (extension)`, value: hourly, unit: 'requests', budget: users, rule: 'equal' }],
    };
  } finally {
    await browser.close();
  }
}

/**
 * The large size: 100 users over 3 accounts from a fresh profile. Times the first full cycle
 * from the settings-saved trigger to the last user's first answer, in the demo API's log, and
 * checks that every watched user was asked exactly once in it, with an answer.
 */
export async function setUpLarge(extensionDir: string, api: DemoApi, baseUrl: string, setup: BenchSetup): Promise<SetUpProfile> {
  const browser = await launchExtensionBrowser({ extensionDir });
  try {
    api.clearRequests();
    const triggeredAt = await configure(browser, setup, baseUrl);
    const early = api.requests().filter((request) => request.startedAt < triggeredAt).length;
    const requests = api.requests().filter((request) => request.startedAt >= triggeredAt);
    const hourly = requests.filter((request) => request.path.endsWith(HOURLY_PATH));
    const asked = new Map<string, number>();
    for (const request of hourly) {
      if (request.status !== 200 || request.code !== 200) continue;
      const user = `${request.params.proxy_type ?? ''}:${request.params.username ?? ''}`;
      asked.set(user, (asked.get(user) ?? 0) + 1);
    }
    const users = setup.settings.watched;
    const once = users.filter(({ proxyType, username }) => asked.get(`${proxyType}:${username}`) === 1).length;
    const lastAnswer = Math.max(...hourly.map((request) => request.endedAt));
    const firstRequest = Math.min(...requests.map((request) => request.startedAt));
    const worker = await browser.serviceWorker();
    const bytes = await worker.evaluate(() => chrome.storage.local.getBytesInUse(null));
    const seconds = (ms: number) => Math.round(ms / 100) / 10;
    const n = users.length;
    return {
      profileDir: browser.profileDir,
      figures: [
        {
          name: `first full cycle, ${n} users over ${setup.settings.accounts.length} accounts: settings saved → last user's answer`,
          value: seconds(lastAnswer - triggeredAt),
          unit: 's',
          // users × spacing + 30 s (issue 15).
          budget: seconds(n * MIN_REQUEST_GAP_MS + 30_000),
          rule: 'max',
          timing: true,
        },
        { name: '  of which: settings saved → first request', value: seconds(firstRequest - triggeredAt), unit: 's', timing: true },
        // A cycle started before the trigger would be timed short and counted without its first users.
        { name: '  requests before settings were saved', value: early, unit: 'requests', budget: 0, rule: 'equal' },
        { name: `  users asked exactly once, with an answer, in that cycle`, value: once, unit: `of ${n}`, budget: n, rule: 'equal' },
        { name: '  usage requests in that cycle', value: hourly.length, unit: 'requests' },
        { name: '  user-list and balance requests in that cycle', value: requests.length - hourly.length, unit: 'requests' },
        { name: `storage.local after that cycle (a week of hours fetched), ${n} users`, value: Math.round((bytes / 1024) * 10) / 10, unit: 'KB' },
      ],
    };
  } finally {
    await browser.close();
  }
}
