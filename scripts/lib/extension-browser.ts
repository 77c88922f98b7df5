import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { ensureChromium } from './chromium';
import type { ExtensionPagePath } from './page-driver';

/** The slice of the `chrome` global the badge reader uses inside the service worker. */
declare const chrome: {
  action: {
    getBadgeText(details: object): Promise<string>;
    getTitle(details: object): Promise<string>;
    getBadgeBackgroundColor(details: object): Promise<number[]>;
  };
};

export interface ExtensionBrowser {
  readonly context: BrowserContext;
  readonly extensionId: string;
  readonly profileDir: string;
  /** The extension's service worker; looked up again after a restart of the worker. */
  serviceWorker(): Promise<Worker>;
  openPage(path: ExtensionPagePath, colorScheme?: 'light' | 'dark'): Promise<Page>;
  /** Closes the browser; the profile stays unless `removeProfile`. */
  close(options?: { removeProfile?: boolean }): Promise<void>;
}

export interface LaunchOptions {
  readonly extensionDir: string;
  /** Reuse a profile to test a browser restart; a fresh one by default. */
  readonly profileDir?: string;
  readonly headless?: boolean;
  /** An IANA zone for the whole browser, e.g. `America/New_York`. */
  readonly timezone?: string;
  /** The browser's UI language, e.g. `zh-CN`, which the extension speaks; `en-US` by default. */
  readonly locale?: string;
}

/** No GPU, and none of the browser's own network calls, which this machine's closed network refuses. */
export const CHROMIUM_QUIET_FLAGS = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
] as const;

/** Starts Chromium with the unpacked extension loaded, as a user would have it. */
export async function launchExtensionBrowser(options: LaunchOptions): Promise<ExtensionBrowser> {
  const extensionDir = resolve(options.extensionDir);
  const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'thordata-profile-'));
  const locale = options.locale ?? 'en-US';
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: ensureChromium(),
    headless: options.headless ?? true,
    viewport: { width: 900, height: 900 },
    // The page's languages (navigator.languages, Accept-Language) agree with the UI's below.
    locale,
    env: {
      ...process.env,
      // Chromium on Linux takes its UI language, the one `i18n.getMessage` answers in, from
      // LANGUAGE; `--lang` alone changed getMessage but left getUILanguage in English.
      LANGUAGE: locale.replace('-', '_'),
      // TZ for the whole browser, service worker included (timezoneId would reach pages only).
      ...(options.timezone ? { TZ: options.timezone } : {}),
    },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...CHROMIUM_QUIET_FLAGS,
      `--lang=${locale}`,
    ],
  });
  const serviceWorker = async () => context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL((await serviceWorker()).url()).host;

  return {
    context,
    extensionId,
    profileDir,
    serviceWorker,
    async openPage(path, colorScheme = 'light') {
      const page = await context.newPage();
      await page.emulateMedia({ colorScheme });
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    async close({ removeProfile = false } = {}) {
      await context.close();
      if (removeProfile) rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

export interface BadgeState {
  readonly text: string;
  readonly title: string;
  readonly color: readonly number[];
}

/** What the toolbar shows right now, read from the browser itself. */
export async function readBadge(browser: ExtensionBrowser): Promise<BadgeState> {
  const worker = await browser.serviceWorker();
  return worker.evaluate(async () => ({
    text: await chrome.action.getBadgeText({}),
    title: await chrome.action.getTitle({}),
    color: await chrome.action.getBadgeBackgroundColor({}),
  }));
}
