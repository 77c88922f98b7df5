import type { Page } from 'playwright-core';

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
export async function configureThroughSettings(page: Page, settings: JourneySettings): Promise<void> {
  await page.getByLabel('API token').fill(settings.token);
  await page.getByLabel('Proxy type').selectOption({ label: settings.proxyType });
  await page.getByLabel('API base URL').fill(settings.apiBaseUrl);
  await page.getByRole('button', { name: 'Test connection' }).click();
  const testResult = page.getByTestId('test-result');
  await testResult.filter({ hasText: /Connected|rejected|Could not|code/ }).waitFor();
  const said = await testResult.textContent();
  if (!said?.startsWith('Connected')) throw new Error(`Test connection failed: ${said ?? ''}`);
  for (const username of settings.usernames) {
    await page.getByRole('checkbox', { name: username }).check();
  }
  await page.getByLabel('Poll interval (minutes)').fill(String(settings.pollIntervalMinutes));
  await page.getByLabel('API timezone').selectOption(settings.apiTimezone);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByTestId('save-result').filter({ hasText: 'Saved' }).waitFor();
}
