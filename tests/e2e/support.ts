import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { accountHourUsageKB } from '../../scripts/demo-api/accounts';
import type { RequestLogEntry } from '../../scripts/demo-api/request-log';
import type { DemoApi } from '../../scripts/demo-api/server';
import { readBadge, type ExtensionBrowser } from '../../scripts/lib/extension-browser';
import { playwrightPage } from '../../scripts/lib/playwright-driver';
import { configureThroughSettings } from '../../scripts/lib/settings-journey';
import { kb, type Kb } from '../../utils/base/units';
import { BADGE_COLORS } from '../../utils/background/badge';

export const SCREENSHOT_DIR = 'test-results/screenshots';

/** The current hour's traffic the demo API last served for each user, summed: the truth the badge must show. */
export function servedCurrentHourKb(log: readonly RequestLogEntry[], usernames: readonly string[], hour: string): Kb {
  return kb(usernames.reduce((sum, username) => {
    const last = log.filter((entry) => entry.params.username === username && entry.rows !== undefined).at(-1);
    const row = last?.rows?.find((r) => r.date === hour);
    return sum + (row?.usage_traffic ?? 0);
  }, 0));
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

declare const axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> };

/** Serious and critical accessibility problems axe-core finds on the page. */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, so the extension's CSP does not block it.
  await page.evaluate(AXE_SOURCE);
  const { violations } = await page.evaluate(() => axe.run(document, { resultTypes: ['violations'] }));
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`);
}

/** A watched user as the demo API knows it: by the token of its account. */
export interface DemoWatched {
  readonly token: string;
  readonly username: string;
}

/**
 * The truth for the hour starting at `hourStartMs`, summed over `watched`: what the demo API's
 * model gives each user, asked with its account's token, at the moment the API last answered
 * that user's hourly question (the current hour grows minute by minute, so the moment matters).
 * Throws for a user the token's account does not have, as the API would answer 10020.
 */
export function truthHourKb(api: DemoApi, watched: readonly DemoWatched[], hourStartMs: number): Kb {
  const log = api.requests();
  let cents = 0;
  for (const { token, username } of watched) {
    const served = log.filter((entry) => entry.params.username === username && entry.code === 200 && entry.rows !== undefined).at(-1);
    if (!served) throw new Error(`the demo API never answered ${username}’s hours`);
    cents += Math.round(accountHourUsageKB(api.accounts(), token, username, hourStartMs, { now: () => served.startedAt }) * 100);
  }
  return kb(cents / 100);
}

/** The slice of the `chrome` global these helpers use inside extension pages. */
declare const chrome: {
  storage: {
    local: {
      get(key: string | null): Promise<Record<string, { cycle?: unknown; lastAttemptAt?: number | null } | undefined>>;
      set(items: Record<string, unknown>): Promise<void>;
    };
  };
  notifications: {
    getAll(): Promise<Record<string, boolean>>;
    clear(id: string): Promise<boolean>;
  };
  alarms: {
    create(name: string, info: { when: number }): Promise<void>;
    get(name: string): Promise<{ periodInMinutes?: number; scheduledTime: number } | undefined>;
  };
};

/** Makes an alarm fire now, as the browser would when its time comes. */
export async function fireAlarm(page: Page, name: string): Promise<void> {
  await page.evaluate((alarm) => chrome.alarms.create(alarm, { when: Date.now() }), name);
}

/**
 * The poll alarm as it fires once its period has passed since the last poll. An alarm within
 * half an interval of a poll (a Refresh, a settings save) asks nothing, so the last poll is first
 * made to look `minutes` older, as the time the test skips would have made it.
 */
export async function firePollAlarmLater(page: Page, minutes = 10): Promise<void> {
  await page.evaluate(async (ms) => {
    const { pollStatus } = await chrome.storage.local.get('pollStatus');
    if (pollStatus?.lastAttemptAt) await chrome.storage.local.set({ pollStatus: { ...pollStatus, lastAttemptAt: pollStatus.lastAttemptAt - ms } });
  }, minutes * 60_000);
  await fireAlarm(page, 'thordata-poll');
}

export async function readAlarm(page: Page, name: string) {
  return page.evaluate((alarm) => chrome.alarms.get(alarm), name);
}

/** Stops the extension's service worker the way Chrome does when it is idle or under pressure. */
export async function stopServiceWorkers(page: Page): Promise<void> {
  const session = await page.context().newCDPSession(page);
  await session.send('ServiceWorker.enable');
  await session.send('ServiceWorker.stopAllWorkers');
  await session.detach();
}

export function hexColor(rgba: readonly number[]): string {
  return `#${rgba.slice(0, 3).map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * The badge colours of a poll that worked: which one depends on this hour's traffic against the
 * hourly alert, and the demo's traffic grows through the hour, so late in an hour it is "nearing".
 */
export const WORKING_COLORS: readonly string[] = [BADGE_COLORS.normal, BADGE_COLORS.nearing, BADGE_COLORS.over];

/** Polls until `check` holds, for hooks, where expect.poll is not allowed. */
export async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Sets the extension up through its settings page against the demo API at `apiBaseUrl`
 * (residential users, every 10 minutes, UTC) and waits for the first figure on the badge.
 * Returns the settings page, still open.
 */
export async function setUpThroughSettings(browser: ExtensionBrowser, apiBaseUrl: string, token: string, usernames: readonly string[]): Promise<Page> {
  const settings = await browser.openPage('options.html');
  await configureThroughSettings(playwrightPage(settings), { token, proxyType: 'Residential', usernames, pollIntervalMinutes: 10, apiTimezone: 'UTC', apiBaseUrl });
  await waitUntil(async () => /^\d/.test((await readBadge(browser)).text), 20_000, 'the first figure on the badge');
  return settings;
}

/** Whether no poll cycle is under way, read from the extension's own storage. */
export async function pollIdle(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    const { pollStatus } = await chrome.storage.local.get('pollStatus');
    return (pollStatus?.cycle ?? null) === null;
  });
}

/** Collects every console line of the extension's pages and service workers, present and future. */
export function collectConsole(context: BrowserContext): string[] {
  const lines: string[] = [];
  const listen = (worker: Worker) => worker.on('console', (message) => lines.push(message.text()));
  context.on('console', (message) => lines.push(message.text()));
  context.on('weberror', (error) => lines.push(String(error.error())));
  context.serviceWorkers().forEach(listen);
  context.on('serviceworker', listen);
  return lines;
}

/** Everything the extension keeps in storage.local, item by item, as JSON text. */
export async function storedItems(page: Page): Promise<Record<string, string>> {
  return page.evaluate(async () => {
    const all = await chrome.storage.local.get(null);
    return Object.fromEntries(Object.entries(all).map(([key, value]) => [key, JSON.stringify(value)]));
  });
}

/** The ids of the notifications the browser holds for the extension right now. */
export async function notificationIds(page: Page): Promise<string[]> {
  return page.evaluate(async () => Object.keys(await chrome.notifications.getAll()));
}

export async function clearNotifications(page: Page): Promise<void> {
  await page.evaluate(async () => {
    for (const id of Object.keys(await chrome.notifications.getAll())) await chrome.notifications.clear(id);
  });
}
