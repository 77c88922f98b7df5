import type { DemoApi } from '../demo-api/server';
import { SETTINGS_SAVED } from '../../utils/messages/messages';
import { launchExtensionBrowser, readBadge } from '../lib/extension-browser';
import type { Figure } from './figures';

declare const chrome: {
  storage: { local: { set(items: object): Promise<void>; get(keys: string | string[]): Promise<Record<string, unknown>> } };
  runtime: { sendMessage(message: object): Promise<unknown> };
  alarms: { create(name: string, info: { when: number }): Promise<void> };
};

/** The users the extension watches in the bench. */
const USERS = ['alice_res', 'bob_scraper', 'carol_eu'];

/** The poll interval set up, in minutes; a worker woken within half of one has nothing to fetch. */
export const POLL_MINUTES = 10;

/**
 * Sets the extension up against the demo API (Playwright, through its own pages), lets its
 * first poll finish, and counts the requests of a steady-state poll. Returns the profile, which
 * the timed browser reuses, with the extension configured and its last poll fresh.
 */
export async function setUpExtension(extensionDir: string, api: DemoApi, baseUrl: string): Promise<{ profileDir: string; figures: Figure[] }> {
  const browser = await launchExtensionBrowser({ extensionDir });
  try {
    const setup = await browser.openPage('options.html');
    await setup.evaluate(
      async ({ apiBaseUrl, usernames, minutes, message }) => {
        await chrome.storage.local.set({
          apiToken: 'demo-token',
          settings: { proxyType: 1, usernames, pollIntervalMinutes: minutes, apiTimezone: { kind: 'offset', minutes: 0 }, apiBaseUrl, units: 'binary', chartHours: 24 },
        });
        await chrome.runtime.sendMessage(message);
      },
      { apiBaseUrl: baseUrl, usernames: USERS, minutes: POLL_MINUTES, message: SETTINGS_SAVED },
    );
    const idle = async () => {
      const { pollStatus } = (await setup.evaluate(() => chrome.storage.local.get('pollStatus'))) as { pollStatus?: { cycle: unknown; lastSuccessAt: number | null } };
      return pollStatus?.cycle === null && pollStatus.lastSuccessAt !== null;
    };
    for (let i = 0; i < 100 && !(await idle()); i += 1) await setup.waitForTimeout(200);
    if (!/^\d/.test((await readBadge(browser)).text)) throw new Error('The first poll did not finish');

    api.clearRequests();
    // A steady poll comes a whole interval after the one before: an alarm within half of one
    // asks nothing, so the settings poll is first made to look an interval old.
    await setup.evaluate(async (minutes) => {
      const { pollStatus } = (await chrome.storage.local.get('pollStatus')) as { pollStatus: { lastAttemptAt: number } };
      await chrome.storage.local.set({ pollStatus: { ...pollStatus, lastAttemptAt: pollStatus.lastAttemptAt - minutes * 60_000 } });
      await chrome.alarms.create('thordata-poll', { when: Date.now() });
    }, POLL_MINUTES);
    for (let i = 0; i < 50 && api.requests().length < USERS.length; i += 1) await setup.waitForTimeout(200);
    await setup.waitForTimeout(2500);
    const hourly = api.requests().filter((request) => request.path.endsWith('usage-statistics-hour')).length;
    return {
      profileDir: browser.profileDir,
      figures: [{ name: 'requests per steady poll', value: hourly, unit: `(${USERS.length} users)`, budget: USERS.length, rule: 'equal' }],
    };
  } finally {
    await browser.close();
  }
}
