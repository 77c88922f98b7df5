import { coerceAlertRules } from './alert-rules';
import { formatApiTimezone, parseApiTimezone } from '@/utils/time/api-timezone';
import { checkApiBaseUrl } from '@/utils/api/origin';
import { isRecord } from '@/utils/base/is-record';
import {
  ACCOUNT_LABEL_MAX_LENGTH,
  DEFAULT_SETTINGS,
  FIRST_ACCOUNT_ID,
  MAX_ACCOUNTS,
  MAX_WATCHED,
  type AccountSettings,
  type BadgeScope,
  type BudgetLimit,
  type Budgets,
  type Prices,
  type Settings,
  type WatchedUser,
} from './model';
import {
  checkPercents,
  isUsername,
  parseBadgeShows,
  parseChartHours,
  parseCurrency,
  parseCycleStartDay,
  parsePollInterval,
  parseProxyType,
  parseUnits,
} from './fields';
import { money, type Money } from '@/utils/base/money';
import { kb } from '@/utils/base/units';
import { sameWatched } from './watched';

/** Numbers and strings as text; anything else (objects, arrays) as nothing. */
function asText(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

const ACCOUNT_ID_PATTERN = /^[0-9a-z]{1,16}$/;

function coerceAccounts(raw: unknown): AccountSettings[] {
  const accounts: AccountSettings[] = [];
  for (const entry of Array.isArray(raw) ? raw : []) {
    if (!isRecord(entry) || typeof entry.id !== 'string' || !ACCOUNT_ID_PATTERN.test(entry.id)) continue;
    if (accounts.some((known) => known.id === entry.id)) continue;
    const label = typeof entry.label === 'string' ? entry.label.trim().slice(0, ACCOUNT_LABEL_MAX_LENGTH) : '';
    accounts.push({ id: entry.id, label });
  }
  return accounts.length > 0 ? accounts.slice(0, MAX_ACCOUNTS) : [...DEFAULT_SETTINGS.accounts];
}

function coerceWatched(raw: unknown, accounts: readonly AccountSettings[]): WatchedUser[] {
  const watched: WatchedUser[] = [];
  for (const entry of Array.isArray(raw) ? raw : []) {
    if (!isRecord(entry) || typeof entry.username !== 'string' || !isUsername(entry.username)) continue;
    const proxyType = parseProxyType(asText(entry.proxyType));
    const account = accounts.find((known) => known.id === entry.account);
    if (proxyType === null || account === undefined) continue;
    const user = { account: account.id, proxyType, username: entry.username };
    if (!watched.some((known) => sameWatched(known, user))) watched.push(user);
  }
  return watched.slice(0, MAX_WATCHED);
}

function coerceBadgeScope(raw: unknown, accounts: readonly AccountSettings[]): BadgeScope {
  if (!isRecord(raw)) return DEFAULT_SETTINGS.badgeScope;
  if (raw.kind === 'account' && accounts.some((account) => account.id === raw.account)) {
    return { kind: 'account', account: String(raw.account) };
  }
  const proxyType = raw.kind === 'product' ? parseProxyType(asText(raw.proxyType)) : null;
  return proxyType === null ? DEFAULT_SETTINGS.badgeScope : { kind: 'product', proxyType };
}

const isAmount = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** Each price on its own: a finite amount of 0 or more, else none. */
function coercePrices(raw: unknown): Prices {
  const fallback = DEFAULT_SETTINGS.prices;
  if (!isRecord(raw)) return fallback;
  const stored = isRecord(raw.perGb) ? raw.perGb : {};
  const price = (value: unknown): Money | null => (isAmount(value) && value >= 0 ? money(value) : null);
  return {
    currency: (typeof raw.currency === 'string' ? parseCurrency(raw.currency) : null) ?? fallback.currency,
    perGb: { 1: price(stored[1]), 2: price(stored[2]), 3: price(stored[3]) },
  };
}

/**
 * A budget's limit: off, or an amount above 0. A money budget is kept without prices: they may be
 * set again, and until then the budget's figures say what is missing rather than vanish.
 */
function coerceBudgetLimit(raw: unknown, fallback: BudgetLimit): BudgetLimit {
  if (!isRecord(raw)) return fallback;
  if (raw.kind === 'off') return { kind: 'off' };
  if (raw.kind === 'traffic' && isAmount(raw.kb) && raw.kb > 0) return { kind: 'traffic', kb: kb(raw.kb) };
  if (raw.kind === 'money' && isAmount(raw.amount) && raw.amount > 0) return { kind: 'money', amount: money(raw.amount) };
  return fallback;
}

function coerceBudgets(raw: unknown): Budgets {
  const fallback = DEFAULT_SETTINGS.budgets;
  if (!isRecord(raw)) return fallback;
  const flag = (value: unknown, otherwise: boolean) => (typeof value === 'boolean' ? value : otherwise);
  return {
    daily: coerceBudgetLimit(raw.daily, fallback.daily),
    cycle: coerceBudgetLimit(raw.cycle, fallback.cycle),
    cycleStartDay: (typeof raw.cycleStartDay === 'number' ? parseCycleStartDay(String(raw.cycleStartDay)) : null) ?? fallback.cycleStartDay,
    usePercents: (Array.isArray(raw.usePercents) ? checkPercents(raw.usePercents) : null) ?? fallback.usePercents,
    forecastAlert: flag(raw.forecastAlert, fallback.forecastAlert),
    rapidUseAlert: flag(raw.rapidUseAlert, fallback.rapidUseAlert),
  };
}

/**
 * The settings of a version that watched one account: one product and a list of names. They
 * become the first account's, whose token kept its key, so an update asks nothing of the user.
 */
export function upgradeSingleAccount(raw: Readonly<Record<string, unknown>>): Record<string, unknown> {
  if (Array.isArray(raw.accounts) || Array.isArray(raw.watched)) return { ...raw };
  const proxyType = parseProxyType(asText(raw.proxyType)) ?? 1;
  const names = Array.isArray(raw.usernames) ? raw.usernames.filter((name): name is string => typeof name === 'string') : [];
  const { proxyType: _type, usernames: _names, ...rest } = raw;
  return {
    ...rest,
    accounts: [{ id: FIRST_ACCOUNT_ID, label: '' }],
    watched: names.map((username) => ({ account: FIRST_ACCOUNT_ID, proxyType, username })),
    badgeScope: { kind: 'all' },
  };
}

/**
 * Reads stored settings defensively: a field that is missing or malformed (an old
 * version, a hand edit) falls back to its default instead of breaking the extension.
 */
export function coerceSettings(stored: unknown, allowLoopback: boolean): Settings {
  if (!isRecord(stored)) return DEFAULT_SETTINGS;
  const raw = upgradeSingleAccount(stored);
  const accounts = coerceAccounts(raw.accounts);
  const tz = isRecord(raw.apiTimezone) ? raw.apiTimezone : null;
  const apiTimezone =
    tz?.kind === 'browser'
      ? parseApiTimezone('browser')
      : tz?.kind === 'offset' && typeof tz.minutes === 'number'
        ? parseApiTimezone(formatApiTimezone({ kind: 'offset', minutes: tz.minutes }))
        : null;
  const baseUrl = typeof raw.apiBaseUrl === 'string' ? checkApiBaseUrl(raw.apiBaseUrl, allowLoopback) : null;
  return {
    accounts,
    watched: coerceWatched(raw.watched, accounts),
    badgeScope: coerceBadgeScope(raw.badgeScope, accounts),
    pollIntervalMinutes: parsePollInterval(asText(raw.pollIntervalMinutes)) ?? DEFAULT_SETTINGS.pollIntervalMinutes,
    apiTimezone: apiTimezone ?? DEFAULT_SETTINGS.apiTimezone,
    apiBaseUrl: baseUrl?.ok ? baseUrl.baseUrl : DEFAULT_SETTINGS.apiBaseUrl,
    units: parseUnits(asText(raw.units)) ?? DEFAULT_SETTINGS.units,
    chartHours: parseChartHours(typeof raw.chartHours === 'number' ? raw.chartHours : null) ?? DEFAULT_SETTINGS.chartHours,
    alerts: coerceAlertRules(raw.alerts),
    prices: coercePrices(raw.prices),
    budgets: coerceBudgets(raw.budgets),
    badgeShows: (typeof raw.badgeShows === 'string' ? parseBadgeShows(raw.badgeShows) : null) ?? DEFAULT_SETTINGS.badgeShows,
  };
}
