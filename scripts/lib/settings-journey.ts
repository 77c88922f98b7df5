import type { PageDriver } from './page-driver';

/** As the Proxy type menu and the user list show it. */
export type JourneyProduct = 'Residential' | 'Unlimited' | 'Mobile';

const PRODUCT_VALUES: Readonly<Record<JourneyProduct, string>> = { Residential: '1', Unlimited: '2', Mobile: '3' };

export interface JourneyUser {
  readonly username: string;
  readonly product: JourneyProduct;
  /** Typed with its product rather than ticked in the list Test connection shows. */
  readonly typed?: boolean;
}

export interface JourneyAccount {
  /** Left empty, the page calls the account "Account N". */
  readonly label?: string;
  readonly token: string;
  readonly users: readonly JourneyUser[];
}

/** A budget as its menu offers it: off, an amount in GB (in the page's units), or an amount of money. */
export type JourneyBudget =
  | { readonly kind: 'off' }
  | { readonly kind: 'traffic'; readonly gb: string }
  | { readonly kind: 'money'; readonly amount: string };

/**
 * What to set in "Prices and budgets", amounts as typed (`'0.8'`). What is left out stays as the
 * page shows it; the two budget alert switches are left on, as they start.
 */
export interface JourneyMoney {
  /** A code the menu offers, e.g. `EUR`. */
  readonly currency?: string;
  readonly prices?: Readonly<Partial<Record<JourneyProduct, string>>>;
  readonly daily?: JourneyBudget;
  readonly cycle?: JourneyBudget;
  readonly cycleStartDay?: number;
  /** As typed, e.g. `50, 80, 100`. */
  readonly usePercents?: string;
  readonly badgeShows?: 'traffic' | 'today-cost';
}

interface JourneyCommon {
  readonly pollIntervalMinutes: number;
  /** As stored, e.g. `UTC`, `UTC+8`. */
  readonly apiTimezone: string;
  readonly apiBaseUrl: string;
  readonly money?: JourneyMoney;
}

/** One account, as the settings were before accounts: a token, one product and its users, picked from the list. */
export interface SingleAccountJourney extends JourneyCommon {
  readonly token: string;
  readonly proxyType: JourneyProduct;
  readonly usernames: readonly string[];
}

export interface AccountsJourney extends JourneyCommon {
  readonly accounts: readonly JourneyAccount[];
}

export type JourneySettings = SingleAccountJourney | AccountsJourney;

function accountsOf(settings: JourneySettings): readonly JourneyAccount[] {
  if ('accounts' in settings) return settings.accounts;
  return [{ token: settings.token, users: settings.usernames.map((username) => ({ username, product: settings.proxyType })) }];
}

/**
 * How the page names an account's controls: plainly while it is the only account, and with the
 * account's place once there are several ("API token (Account 2)"), which the page adds for
 * screen readers. `count` is how many accounts the page shows when the control is used.
 */
function named(base: string, position: number, count: number): string {
  return count > 1 ? `${base} (Account ${position})` : base;
}

/** A listed user's checkbox label: name, then product (and account, with several). */
function listedUser(user: JourneyUser, position: number, count: number): string {
  return count > 1 ? `${user.username} (${user.product}, Account ${position})` : `${user.username} (${user.product})`;
}

/**
 * Fills one account, the `position`th of `count` on the page: its name and token, Test
 * connection, a tick for each user the list should give, and the typed names under their product.
 */
async function setUpAccount(page: PageDriver, account: JourneyAccount, position: number, count: number): Promise<void> {
  const name = (base: string) => named(base, position, count);
  if (account.label) await page.fill(name('Account name'), account.label);
  await page.fill(name('API token'), account.token);
  const picked = account.users.filter((user) => !user.typed);
  if (picked.length > 0) {
    await page.click(name('Test connection'));
    const resultId = position === 1 ? 'test-result' : `test-result-${position}`;
    const said = await page.waitForText(resultId, /Connected|rejected|Could not|code|answer/);
    if (!said.startsWith('Connected')) throw new Error(`Test connection failed for account ${position}: ${said}`);
    for (const user of picked) await page.check(listedUser(user, position, count));
  }
  for (const product of Object.keys(PRODUCT_VALUES) as JourneyProduct[]) {
    const typed = account.users.filter((user) => user.typed && user.product === product);
    if (typed.length === 0) continue;
    await page.fill(name('Usernames'), typed.map((user) => user.username).join('\n'));
    await page.select(name('Proxy type'), PRODUCT_VALUES[product]);
    await page.click(name('Add'));
  }
}

/** Fills "Prices and budgets": prices before the budgets and the badge, which need one. */
async function setUpMoney(page: PageDriver, money: JourneyMoney): Promise<void> {
  if (money.currency !== undefined) await page.select('Currency', money.currency);
  for (const product of Object.keys(PRODUCT_VALUES) as JourneyProduct[]) {
    const price = money.prices?.[product];
    if (price !== undefined) await page.fill(`${product} price per GB`, price);
  }
  const budgets = [
    ['Daily budget', money.daily],
    ['Cycle budget', money.cycle],
  ] as const;
  for (const [name, budget] of budgets) {
    if (budget === undefined) continue;
    await page.select(name, budget.kind);
    if (budget.kind !== 'off') await page.fill(`${name} amount`, budget.kind === 'traffic' ? budget.gb : budget.amount);
  }
  if (money.cycleStartDay !== undefined) await page.fill('Billing cycle starts on day', String(money.cycleStartDay));
  if (money.usePercents !== undefined) await page.fill('Notify at these percentages of each budget', money.usePercents);
  if (money.badgeShows !== undefined) await page.select('Badge shows', money.badgeShows);
}

/**
 * What a person does on the settings page: fill each account by its labels, test the
 * connection, tick the users it lists or type their names, set prices and budgets if asked, and save. Fails with the page's own
 * message when a step does not give the expected result.
 *
 * The API base URL comes first: Test connection asks it. Accounts are added one by one, each
 * filled while it is the last, so that its controls' names are known.
 */
export async function configureThroughSettings(page: PageDriver, settings: JourneySettings): Promise<void> {
  const accounts = accountsOf(settings);
  await page.fill('API base URL', settings.apiBaseUrl);
  for (const [index, account] of accounts.entries()) {
    if (index > 0) await page.click('Add account');
    await setUpAccount(page, account, index + 1, index + 1);
  }
  await page.fill('Poll interval (minutes)', String(settings.pollIntervalMinutes));
  await page.select('API timezone', settings.apiTimezone);
  if (settings.money) await setUpMoney(page, settings.money);
  await page.click('Save');
  await page.waitForText('save-result', /^Saved/);
}
