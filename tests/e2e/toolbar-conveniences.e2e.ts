import type { Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtensionBrowser, type ExtensionBrowser } from '../../scripts/lib/extension-browser';
import { DETAILS_ITEM, REFRESH_NOW_ITEM, SETTINGS_ITEM } from '../../utils/background/action-menu';

/** The slice of the `chrome` global these checks use inside the service worker. */
declare const chrome: {
  contextMenus: { update(id: string, properties: object): Promise<void> };
  commands: { getAll(): Promise<{ name?: string; description?: string; shortcut?: string }[]> };
};

/**
 * Whether the browser holds a menu item of this id. Chromium has no call that lists an
 * extension's menu items, but `update` is refused for an id it does not hold.
 */
function hasMenuItem(worker: Worker, id: string): Promise<boolean> {
  return worker.evaluate((item) => chrome.contextMenus.update(item, {}).then(() => true, () => false), id);
}

describe('the toolbar button’s conveniences, in Chromium', () => {
  let browser: ExtensionBrowser;
  let worker: Worker;

  beforeAll(async () => {
    // The store build, never set up: the menu and the shortcut are there before any token.
    browser = await launchExtensionBrowser({ extensionDir: '.output/chrome-mv3' });
    worker = await browser.serviceWorker();
  });

  afterAll(async () => {
    await browser?.close({ removeProfile: true });
  });

  it('has "Refresh now", "Details" and "Settings" in the button’s menu once installed, and nothing the check would wrongly find', async () => {
    await expect.poll(() => hasMenuItem(worker, REFRESH_NOW_ITEM), { timeout: 10_000 }).toBe(true);
    expect(await hasMenuItem(worker, DETAILS_ITEM)).toBe(true);
    expect(await hasMenuItem(worker, SETTINGS_ITEM)).toBe(true);
    expect(await hasMenuItem(worker, 'no-such-item')).toBe(false);
  });

  // Chromium never gives an extension a key that is its own shortcut, and Alt+Shift+T is its
  // "focus the toolbar" on Linux (where this suite runs) and Windows: there the command is listed
  // without a key, and the settings page has to send people to chrome://extensions/shortcuts.
  // Chrome also lists this command without its description, naming it itself.
  it('lists the popup’s shortcut command, left without a key where Alt+Shift+T is Chromium’s own', async () => {
    const commands = await worker.evaluate(() => chrome.commands.getAll());
    expect(commands).toEqual([{ name: '_execute_action', description: '', shortcut: '' }]);
  });
});
