import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoApi, type DemoApi } from '../../scripts/demo-api/server';
import { launchFirefoxDriver } from '../../scripts/lib/firefox-driver';
import type { ExtensionDriver } from '../../scripts/lib/page-driver';
import { SCREENSHOT_DIR } from './support';

describe('Firefox without the API host permission', () => {
  let api: DemoApi;
  let baseUrl: string;
  let driver: ExtensionDriver;

  beforeAll(async () => {
    api = createDemoApi();
    ({ baseUrl } = await api.start(0));
    driver = await launchFirefoxDriver({ extensionDir: '.output/firefox-mv3-e2e', grantHostPermissions: false });
  });

  afterAll(async () => {
    await driver?.close();
    await api?.stop();
  });

  it('asks for access in the settings and says in badge and popup what is missing, sending nothing', async () => {
    const settings = await driver.open('options.html');
    await settings.fill('API token', 'demo-token');
    await settings.fill('Usernames', 'alice_res');
    await settings.fill('API base URL', baseUrl);
    await settings.click('Save');
    await settings.waitForText('save-result', /^Saved/);
    await settings.close();

    await expect.poll(async () => (await driver.badge()).title, { timeout: 15_000 }).toMatch(/has not allowed this extension to reach 127\.0\.0\.1/);
    const reopened = await driver.open('options.html');
    expect(await reopened.text('host-access')).toMatch(/has not allowed the extension to reach 127\.0\.0\.1/);
    await reopened.screenshot(`${SCREENSHOT_DIR}/firefox-settings-no-host-access.png`);
    const popup = await driver.open('popup.html');
    await popup.waitForText('current-hour', /\S/);
    await popup.screenshot(`${SCREENSHOT_DIR}/firefox-popup-no-host-access.png`);
    expect(api.requests().filter((r) => r.path.endsWith('usage-statistics-hour'))).toHaveLength(0);
  });
});
