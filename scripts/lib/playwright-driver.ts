import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './extension-browser';
import { readBadge } from './extension-browser';
import { countPainted, readFieldErrors, readListRows, waitForTextVia, type ExtensionDriver, type PageDriver } from './page-driver';

/** Playwright's own locators, by label and role, as a person finds things. */
export function playwrightPage(page: Page): PageDriver {
  const text = async (testId: string) => (await page.getByTestId(testId).count()) > 0 ? ((await page.getByTestId(testId).textContent()) ?? '') : '';
  return {
    fill: (label, value) => page.getByLabel(label, { exact: true }).fill(value),
    select: async (label, option) => {
      const select = page.getByLabel(label, { exact: true });
      const byValue = await select.locator(`option[value="${option}"]`).count();
      await select.selectOption(byValue > 0 ? option : { label: option });
    },
    click: (name) => page.getByRole('button', { name, exact: true }).click(),
    check: (name) => page.getByRole('checkbox', { name }).check(),
    value: (label) => page.getByLabel(label, { exact: true }).inputValue(),
    fieldErrors: () => page.evaluate(readFieldErrors),
    listRows: () => page.evaluate(readListRows),
    text,
    waitForText: waitForTextVia(text),
    paintedPixels: () => page.evaluate(countPainted),
    evaluate: <T>(expression: string) => page.evaluate(expression) as Promise<T>,
    screenshot: async (path) => {
      await page.screenshot({ path, fullPage: true });
    },
    close: () => page.close(),
  };
}

export function chromiumDriver(browser: ExtensionBrowser): ExtensionDriver {
  return {
    name: 'Chromium',
    schemes: ['light', 'dark'],
    open: async (path, scheme = 'light') => {
      const page = await browser.openPage(path, scheme);
      if (path === 'popup.html') await page.setViewportSize({ width: 360, height: 640 });
      return playwrightPage(page);
    },
    badge: () => readBadge(browser),
    close: () => browser.close({ removeProfile: true }),
  };
}
