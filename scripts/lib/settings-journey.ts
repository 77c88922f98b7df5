import type { PageDriver } from './page-driver';

export interface JourneySettings {
  readonly token: string;
  /** As the Proxy type menu shows it. */
  readonly proxyType: 'Residential' | 'Unlimited' | 'Mobile';
  /** Picked from the list Test connection shows. */
  readonly usernames: readonly string[];
  readonly pollIntervalMinutes: number;
  /** As stored, e.g. `UTC`, `UTC+8`. */
  readonly apiTimezone: string;
  readonly apiBaseUrl: string;
}

/**
 * What a person does on the settings page: fill the fields by their labels, test
 * the connection, tick the users it lists, and save. Fails with the page's own
 * message when a step does not give the expected result.
 */
export async function configureThroughSettings(page: PageDriver, settings: JourneySettings): Promise<void> {
  await page.fill('API token', settings.token);
  await page.select('Proxy type', settings.proxyType);
  await page.fill('API base URL', settings.apiBaseUrl);
  await page.click('Test connection');
  const said = await page.waitForText('test-result', /Connected|rejected|Could not|code|answer/);
  if (!said.startsWith('Connected')) throw new Error(`Test connection failed: ${said}`);
  for (const username of settings.usernames) await page.check(username);
  await page.fill('Poll interval (minutes)', String(settings.pollIntervalMinutes));
  await page.select('API timezone', settings.apiTimezone);
  await page.click('Save');
  await page.waitForText('save-result', /^Saved/);
}
