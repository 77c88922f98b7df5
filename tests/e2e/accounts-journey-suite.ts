import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoApi, DEFAULT_TOKEN, SECOND_TOKEN, type DemoApi } from '../../scripts/demo-api/server';
import type { ExtensionDriver } from '../../scripts/lib/page-driver';
import { configureThroughSettings, type JourneyAccount } from '../../scripts/lib/settings-journey';
import { HOUR_MS } from '../../utils/base/durations';
import type { Kb } from '../../utils/base/units';
import { formatAmount, formatBadgeAmount } from '../../utils/format/traffic-format';
import { SCREENSHOT_DIR, truthHourKb, waitUntil, type DemoWatched } from './support';

/** Two accounts with their own tokens, the first with users of two products: the accounts journeys' set-up. */
export const TWO_ACCOUNTS: readonly JourneyAccount[] = [
  {
    token: DEFAULT_TOKEN,
    users: [
      { username: 'alice_res', product: 'Residential' },
      { username: 'dave_unl', product: 'Unlimited' },
    ],
  },
  {
    token: SECOND_TOKEN,
    users: [
      { username: 'frank_res', product: 'Residential' },
      { username: 'heidi_mob', product: 'Mobile' },
    ],
  },
];
const WATCHED: readonly DemoWatched[] = TWO_ACCOUNTS.flatMap(({ token, users }) => users.map(({ username }) => ({ token, username })));
const [ALICE, DAVE, FRANK, HEIDI] = WATCHED as [DemoWatched, DemoWatched, DemoWatched, DemoWatched];

const amount = (figure: Kb) => formatAmount(figure, 'binary', 'en-US');

/**
 * The accounts journey, written once for any browser: two accounts with their own tokens set up
 * through the settings page, the first with users of two products; the badge sums all four, the
 * popup groups them by account and product; then the second account's token is rejected and the
 * first keeps its figures. The Chromium tests (accounts.e2e.ts) go further.
 */
export function describeAccountsJourney(launch: () => Promise<ExtensionDriver>): void {
  describe('two accounts with their own tokens, one of them later rejected', () => {
    let api: DemoApi;
    let driver: ExtensionDriver;
    const hourly = () => api.requests().filter((request) => request.path.endsWith('/usage-statistics-hour'));
    const truth = (watched: readonly DemoWatched[]) => truthHourKb(api, watched, Math.floor(Date.now() / HOUR_MS) * HOUR_MS);

    beforeAll(async () => {
      api = createDemoApi({ timezoneOffsetMinutes: 480 });
      const { baseUrl } = await api.start(0);
      driver = await launch();
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      const settings = await driver.open('options.html');
      await configureThroughSettings(settings, { accounts: TWO_ACCOUNTS, pollIntervalMinutes: 10, apiTimezone: 'UTC+8', apiBaseUrl: baseUrl });
      await settings.close();
      await waitUntil(async () => hourly().length >= WATCHED.length, 30_000, 'every watched user asked');
    });

    afterAll(async () => {
      await driver?.close();
      await api?.stop();
    });

    it('sums this hour of both accounts’ users on the badge, and lists them by account and product in the popup', async () => {
      await expect.poll(async () => (await driver.badge()).text, { timeout: 20_000 }).toBe(formatBadgeAmount(truth(WATCHED)));
      const popup = await driver.open('popup.html');
      await popup.waitForText('current-hour', /\d/);
      expect(await popup.listRows()).toEqual([
        { depth: 0, name: 'All users', amount: '' },
        { depth: 0, name: 'Account 1', amount: amount(truth([ALICE, DAVE])) },
        { depth: 1, name: 'Residential', amount: amount(truth([ALICE])) },
        { depth: 2, name: 'alice_res', amount: amount(truth([ALICE])) },
        { depth: 1, name: 'Unlimited', amount: amount(truth([DAVE])) },
        { depth: 2, name: 'dave_unl', amount: amount(truth([DAVE])) },
        { depth: 0, name: 'Account 2', amount: amount(truth([FRANK, HEIDI])) },
        { depth: 1, name: 'Residential', amount: amount(truth([FRANK])) },
        { depth: 2, name: 'frank_res', amount: amount(truth([FRANK])) },
        { depth: 1, name: 'Mobile', amount: amount(truth([HEIDI])) },
        { depth: 2, name: 'heidi_mob', amount: amount(truth([HEIDI])) },
      ]);
      // Each user asked with its own account's token: another account's user would get 10020.
      expect(hourly().map((request) => request.code)).toEqual(WATCHED.map(() => 200));
      await popup.close();
    });

    it('keeps Account 1’s figures and a figure on the badge when Account 2’s token is rejected, and says so on Account 2', async () => {
      api.setFault({ kind: 'bad-token', tokens: [SECOND_TOKEN] });
      try {
        const popup = await driver.open('popup.html');
        await popup.click('Refresh');
        expect(await popup.waitForText('account-problem', /rejected the API token/, 30_000)).toMatch(/code 10013/);
        const rows = await popup.listRows();
        const figureOf = (name: string) => rows.find((row) => row.name === name)?.amount;
        expect(figureOf('alice_res')).toBe(amount(truth([ALICE])));
        expect(figureOf('dave_unl')).toBe(amount(truth([DAVE])));
        // Account 2's last known figures stay, and still count in the badge's sum.
        expect(figureOf('frank_res')).toBe(amount(truth([FRANK])));
        const badge = await driver.badge();
        expect(badge.text).toBe(formatBadgeAmount(truth(WATCHED)));
        expect(badge.title).toMatch(/Account 2: .*rejected the API token/);
        await popup.screenshot(`${SCREENSHOT_DIR}/${driver.name.toLowerCase()}-accounts-one-rejected.png`);
        await popup.close();
      } finally {
        api.setFault(null);
      }
    });
  });
}
