import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { countPainted, markTarget, pollFor, readFieldErrors, readListRows, waitForTextVia, type ExtensionDriver, type ExtensionPagePath, type PageDriver } from './page-driver';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** Installs Debian's Firefox ESR when missing and running as root (as CI does). */
export function ensureFirefox(): string {
  if (existsSync(FIREFOX_PATH)) return FIREFOX_PATH;
  if (process.getuid?.() !== 0) throw new Error(`Firefox not found at ${FIREFOX_PATH}. Install firefox-esr or set FIREFOX_PATH.`);
  execFileSync('apt-get', ['update'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'firefox-esr'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return FIREFOX_PATH;
}

/** The slice of the `browser` global these helpers use inside extension pages. */
declare const browser: {
  action: { getBadgeText(details: object): Promise<string>; getTitle(details: object): Promise<string> };
};

function firefoxPage(page: Page): PageDriver {
  // Waits for the element like Playwright's locators do: a button may be busy ("Refreshing…") while
  // a cycle ends, which with its account figures and daily requests can take half a minute.
  const target = async (kind: 'label' | 'button' | 'checkbox', name: string): Promise<string> => {
    const selector = await pollFor(() => page.evaluate(markTarget, kind, name), (found) => found !== null, 30_000, `${kind} “${name}”`);
    return selector ?? '';
  };
  const text = (testId: string) =>
    page.evaluate((id) => document.querySelector(`[data-testid="${id}"]`)?.textContent ?? '', testId);
  return {
    fill: async (label, value) => {
      const selector = await target('label', label);
      await page.click(selector, { count: 3 });
      await page.keyboard.press('Backspace');
      await page.type(selector, value);
    },
    select: async (label, option) => {
      const selector = await target('label', label);
      const value = await page.$eval(
        selector,
        (el, wanted) => [...(el as HTMLSelectElement).options].find((o) => o.value === wanted || o.text === wanted)?.value ?? wanted,
        option,
      );
      await page.select(selector, value);
    },
    click: async (name) => page.click(await target('button', name)),
    check: async (name) => {
      const selector = await target('checkbox', name);
      if (!(await page.$eval(selector, (el) => (el as HTMLInputElement).checked))) await page.click(selector);
    },
    value: async (label) => page.$eval(await target('label', label), (el) => (el as HTMLInputElement).value),
    fieldErrors: () => page.evaluate(readFieldErrors),
    listRows: () => page.evaluate(readListRows),
    text,
    waitForText: waitForTextVia(text),
    paintedPixels: () => page.evaluate(countPainted),
    evaluate: <T>(expression: string) => page.evaluate(expression) as Promise<T>,
    screenshot: async (path) => {
      await page.screenshot({ path: path as `${string}.png`, fullPage: true });
    },
    close: () => page.close(),
  };
}

export interface FirefoxOptions {
  readonly extensionDir: string;
  /** False to test what happens when Firefox has not granted the API host permission. */
  readonly grantHostPermissions?: boolean;
}

/** The add-on id the build declares (wxt.config.ts), by which Firefox is told the extension's uuid. */
function geckoIdOf(extensionDir: string): string {
  const manifest = JSON.parse(readFileSync(resolve(extensionDir, 'manifest.json'), 'utf8')) as { browser_specific_settings?: { gecko?: { id?: string } } };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (id === undefined) throw new Error(`${extensionDir} is not a Firefox build: its manifest has no gecko id`);
  return id;
}

/** Firefox ESR, headless, over WebDriver BiDi, with the extension installed as a temporary add-on. */
export async function launchFirefoxDriver(options: FirefoxOptions): Promise<ExtensionDriver> {
  const uuid = randomUUID();
  const instance: Browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: ensureFirefox(),
    headless: true,
    protocol: 'webDriverBiDi',
    // Without it, moz-extension:// pages are refused to the automation.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoIdOf(options.extensionDir)]: uuid }),
      'extensions.originControls.grantByDefault': options.grantHostPermissions ?? true,
      'intl.locale.requested': 'en-US',
    },
  });
  await instance.installExtension(resolve(options.extensionDir));
  const base = `moz-extension://${uuid}`;

  // Media emulation needs CDP, which Firefox lacks: the scheme is the browser's, fixed at launch.
  async function open(path: ExtensionPagePath): Promise<PageDriver> {
    const page = await instance.newPage();
    if (path === 'popup.html') await page.setViewport({ width: 360, height: 640 });
    const url = `${base}/${path}`;
    // goto on moz-extension:// never resolves: start it and watch the page load instead.
    void page.goto(url).catch(() => undefined);
    await pollFor(
      () => page.evaluate(() => `${location.href}|${document.readyState}`).catch(() => ''),
      (state) => state === `${url}|complete`,
      15_000,
      `${path} to load`,
    );
    return firefoxPage(page);
  }

  let badgePage: Page | null = null;
  return {
    name: 'Firefox',
    schemes: ['light'],
    open,
    badge: async () => {
      if (!badgePage) {
        await open('options.html');
        const pages = await instance.pages();
        badgePage = pages[pages.length - 1] ?? null;
      }
      if (!badgePage) throw new Error('No extension page to read the badge from');
      return badgePage.evaluate(async () => ({
        text: await browser.action.getBadgeText({}),
        title: await browser.action.getTitle({}),
      }));
    },
    close: () => instance.close(),
  };
}
