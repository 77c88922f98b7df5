import { parseApiTimezone } from '@/utils/time/api-timezone';
import { checkApiBaseUrl, type BaseUrlProblem } from '@/utils/api/origin';
import type { Result } from '@/utils/base/result';
import {
  ACCOUNT_LABEL_MAX_LENGTH,
  CHART_HOURS_CHOICES,
  MAX_WATCHED,
  POLL_INTERVAL_RANGE,
  PROXY_TYPES,
  TOKEN_LENGTH,
  USERNAME_MAX_LENGTH,
  type AccountSettings,
  type BadgeScope,
  type BudgetLimit,
  type Settings,
  type WatchedUser,
} from './model';
import {
  accountKey,
  addWatched,
  BUDGET_FIELDS,
  budgetKb,
  PRICE_FIELDS,
  splitUsernames,
  type AccountDraft,
  type BudgetName,
  type FieldKey,
  type PlainField,
  type SettingsDraft,
} from './draft';
import {
  CYCLE_START_DAY_RANGE,
  isUsername,
  MAX_USE_PERCENTS,
  parseBadgeShows,
  parseBudgetKind,
  parseChartHours,
  parseCurrency,
  parseCycleStartDay,
  parseDecimal,
  parsePercents,
  parsePollInterval,
  parseProxyType,
  parseUnits,
  USE_PERCENT_RANGE,
} from './fields';
import type { ProxyType } from '@/utils/api/thordata-client';
import { money } from '@/utils/base/money';
import { kb } from '@/utils/base/units';

/**
 * What is wrong with one field, as a code with the facts a message needs. The page
 * words it in the reader's language (utils/settings/settings-words.ts); validation stays pure.
 */
export type FieldProblem =
  | { readonly code: 'token-missing' }
  | { readonly code: 'token-malformed'; readonly min: number; readonly max: number }
  | { readonly code: 'label-too-long'; readonly max: number }
  | { readonly code: 'proxy-type-unknown' }
  | { readonly code: 'watched-missing' }
  | { readonly code: 'watched-too-many'; readonly max: number; readonly count: number }
  | { readonly code: 'username-invalid'; readonly username: string; readonly maxLength: number }
  | { readonly code: 'badge-scope-unknown' }
  | { readonly code: 'interval-out-of-range'; readonly min: number; readonly max: number }
  | { readonly code: 'timezone-unknown' }
  | { readonly code: 'units-unknown' }
  | { readonly code: 'chart-hours-unknown'; readonly choices: readonly number[] }
  | { readonly code: BaseUrlProblem }
  | { readonly code: 'currency-unknown' }
  | { readonly code: 'price-invalid' }
  | { readonly code: 'badge-shows-unknown' }
  | { readonly code: 'budget-kind-unknown' }
  | { readonly code: 'budget-positive' }
  /** A money budget, or today's cost on the badge, needs a price for one of `products` (those watched). */
  | { readonly code: 'budget-needs-price' | 'badge-needs-price'; readonly products: readonly ProxyType[] }
  | { readonly code: 'cycle-start-day-range'; readonly min: number; readonly max: number }
  | { readonly code: 'percents-invalid'; readonly min: number; readonly max: number; readonly most: number };

export type FieldErrors = Partial<Record<FieldKey, FieldProblem>>;

/** What a valid form saves: the settings, and each account's token ('' where none is given). */
export interface ValidDraft {
  readonly settings: Settings;
  readonly tokens: Readonly<Record<string, string>>;
}

const TOKEN_PATTERN = new RegExp(`^[\\x21-\\x7e]{${TOKEN_LENGTH.min},${TOKEN_LENGTH.max}}$`);

/** A token as typed: trimmed, or its problem. Test connection checks a token so too. */
export function checkToken(text: string): Result<string, FieldProblem> {
  const token = text.trim();
  if (token === '') return { ok: false, error: { code: 'token-missing' } };
  if (!TOKEN_PATTERN.test(token)) return { ok: false, error: { code: 'token-malformed', ...TOKEN_LENGTH } };
  return { ok: true, value: token };
}

/** The names typed for an account, as watched entries, or the first that is not a username. */
export function typedEntries(account: AccountDraft): Result<WatchedUser[], FieldProblem> {
  const names = splitUsernames(account.typed);
  const bad = names.find((name) => !isUsername(name));
  if (bad !== undefined) return { ok: false, error: { code: 'username-invalid', username: bad, maxLength: USERNAME_MAX_LENGTH } };
  const proxyType = parseProxyType(account.product);
  if (proxyType === null) return names.length === 0 ? { ok: true, value: [] } : { ok: false, error: { code: 'proxy-type-unknown' } };
  return { ok: true, value: names.map((username) => ({ account: account.id, proxyType, username })) };
}

function parseBadgeScope(text: string, accounts: readonly AccountDraft[]): BadgeScope | null {
  if (text === 'all') return { kind: 'all' };
  const [kind, value = ''] = text.split(':', 2);
  if (kind === 'account' && accounts.some((account) => account.id === value)) return { kind: 'account', account: value };
  const proxyType = kind === 'product' ? parseProxyType(value) : null;
  return proxyType === null ? null : { kind: 'product', proxyType };
}

/** Each plain field's value, or its problem: one check per field, so each can be shown on its own. */
function plainChecks(draft: SettingsDraft, allowLoopback: boolean) {
  const orProblem = <T>(value: T | null, problem: FieldProblem): Result<T, FieldProblem> =>
    value === null ? { ok: false, error: problem } : { ok: true, value };
  const baseUrl = checkApiBaseUrl(draft.apiBaseUrl, allowLoopback);
  return {
    badgeScope: orProblem(parseBadgeScope(draft.badgeScope, draft.accounts), { code: 'badge-scope-unknown' }),
    pollIntervalMinutes: orProblem(parsePollInterval(draft.pollIntervalMinutes), { code: 'interval-out-of-range', ...POLL_INTERVAL_RANGE }),
    apiTimezone: orProblem(parseApiTimezone(draft.apiTimezone), { code: 'timezone-unknown' }),
    apiBaseUrl: baseUrl.ok ? { ok: true, value: baseUrl.baseUrl } : { ok: false, error: { code: baseUrl.reason } },
    units: orProblem(parseUnits(draft.units), { code: 'units-unknown' }),
    chartHours: orProblem(parseChartHours(draft.chartHours), { code: 'chart-hours-unknown', choices: CHART_HOURS_CHOICES }),
  } satisfies Record<PlainField, Result<unknown, FieldProblem>>;
}

type MoneySettings = Pick<Settings, 'prices' | 'budgets' | 'badgeShows'>;

/**
 * Prices, budgets and what the badge shows, or each bad field's problem. Money needs a price for
 * a product watched (any product while none is): a money budget or today's cost on the badge
 * without one would count nothing, so the field that asks for money says so. A price typed but
 * not valid counts as given here; its own field says what is wrong with it.
 */
function moneyChecks(
  draft: SettingsDraft,
  watched: readonly WatchedUser[],
  locale: string,
  fallbackUnits: Settings['units'],
): Result<MoneySettings, FieldErrors> {
  const errors: FieldErrors = {};
  const { money: form } = draft;
  const units = parseUnits(draft.units) ?? fallbackUnits;
  const watchedTypes = PROXY_TYPES.filter((type) => watched.some((user) => user.proxyType === type));
  const products = watchedTypes.length > 0 ? watchedTypes : PROXY_TYPES;
  const priced = products.some((type) => form[PRICE_FIELDS[type]].trim() !== '');

  const price = (type: ProxyType) => {
    const field = PRICE_FIELDS[type];
    if (form[field].trim() === '') return null;
    const value = parseDecimal(form[field], locale);
    if (value === null) errors[field] = { code: 'price-invalid' };
    return value === null ? null : money(value);
  };
  const perGb = { 1: price(1), 2: price(2), 3: price(3) };
  const currency = parseCurrency(form.currency);
  if (currency === null) errors.currency = { code: 'currency-unknown' };

  const limit = (budget: BudgetName): BudgetLimit => {
    const fields = BUDGET_FIELDS[budget];
    const kind = parseBudgetKind(form[fields.kind]);
    if (kind === null) errors[fields.kind] = { code: 'budget-kind-unknown' };
    if (kind === null || kind === 'off') return { kind: 'off' };
    if (kind === 'money' && !priced) errors[fields.kind] = { code: 'budget-needs-price', products };
    const amount = kind === 'traffic' ? budgetKb(form, budget, units) : parseDecimal(form[fields.amount], locale);
    if (amount === null || !Number.isFinite(amount) || amount <= 0) {
      errors[fields.amount] = { code: 'budget-positive' };
      return { kind: 'off' };
    }
    return kind === 'traffic' ? { kind, kb: kb(amount) } : { kind, amount: money(amount) };
  };
  const daily = limit('daily');
  const cycle = limit('cycle');

  const cycleStartDay = parseCycleStartDay(form.cycleStartDay);
  if (cycleStartDay === null) errors.cycleStartDay = { code: 'cycle-start-day-range', ...CYCLE_START_DAY_RANGE };
  const usePercents = parsePercents(form.usePercents);
  if (usePercents === null) errors.usePercents = { code: 'percents-invalid', ...USE_PERCENT_RANGE, most: MAX_USE_PERCENTS };
  const badgeShows = parseBadgeShows(form.badgeShows);
  if (badgeShows === null) errors.badgeShows = { code: 'badge-shows-unknown' };
  else if (badgeShows === 'today-cost' && !priced) errors.badgeShows = { code: 'badge-needs-price', products };

  if (currency === null || cycleStartDay === null || usePercents === null || badgeShows === null || Object.keys(errors).length > 0) {
    return { ok: false, error: errors };
  }
  const { forecastAlert, rapidUseAlert } = form;
  return {
    ok: true,
    value: { prices: { currency, perGb }, budgets: { daily, cycle, cycleStartDay, usePercents, forecastAlert, rapidUseAlert }, badgeShows },
  };
}

/**
 * Every user the draft would watch: those ticked or added, and the names still typed, which
 * Save adds too, so that a name typed and saved is never silently left out. Entries of an
 * account the draft no longer holds are dropped with it.
 */
export function draftWatched(draft: SettingsDraft): WatchedUser[] {
  const typed = draft.accounts.flatMap((account) => {
    const check = typedEntries(account);
    return check.ok ? check.value : [];
  });
  const kept = draft.watched.filter((entry) => draft.accounts.some((account) => account.id === entry.account));
  return addWatched(kept, typed);
}

/**
 * Validates the whole form. Either every field is good and the result can be saved (over
 * `current`, which supplies what the draft does not hold), or each bad field gets its own
 * problem and nothing is saved.
 *
 * A token is needed by every account with watched users, and by a lone account, which Save
 * needs users for anyway: its token is asked for at once rather than after the users.
 */
export function validateDraft(draft: SettingsDraft, allowLoopback: boolean, current: Settings, locale: string): Result<ValidDraft, FieldErrors> {
  const errors: FieldErrors = {};
  const plain = plainChecks(draft, allowLoopback);
  for (const [field, check] of Object.entries(plain) as [PlainField, Result<unknown, FieldProblem>][]) {
    if (!check.ok) errors[field] = check.error;
  }

  const watched = draftWatched(draft);
  const accounts: AccountSettings[] = [];
  const tokens: Record<string, string> = {};
  for (const account of draft.accounts) {
    const label = account.label.trim();
    if (label.length > ACCOUNT_LABEL_MAX_LENGTH) errors[accountKey('label', account.id)] = { code: 'label-too-long', max: ACCOUNT_LABEL_MAX_LENGTH };
    accounts.push({ id: account.id, label });

    const typed = typedEntries(account);
    if (!typed.ok) errors[accountKey(typed.error.code === 'proxy-type-unknown' ? 'product' : 'typed', account.id)] = typed.error;

    const needsToken = draft.accounts.length === 1 || watched.some((entry) => entry.account === account.id);
    const token = checkToken(account.token);
    if (token.ok) tokens[account.id] = token.value;
    else if (token.error.code === 'token-missing' && !needsToken) tokens[account.id] = '';
    else errors[accountKey('token', account.id)] = token.error;
  }

  const first = draft.accounts[0];
  if (watched.length === 0 && first && !errors[accountKey('typed', first.id)]) {
    // Where a first user is typed; a pick from Test connection's list clears it as well.
    errors[accountKey('typed', first.id)] = { code: 'watched-missing' };
  }
  if (watched.length > MAX_WATCHED) errors.watched = { code: 'watched-too-many', max: MAX_WATCHED, count: watched.length };
  const moneyCheck = moneyChecks(draft, watched, locale, current.units);
  if (!moneyCheck.ok) Object.assign(errors, moneyCheck.error);

  if (
    !moneyCheck.ok ||
    Object.keys(errors).length > 0 ||
    !plain.badgeScope.ok ||
    !plain.pollIntervalMinutes.ok ||
    !plain.apiTimezone.ok ||
    !plain.apiBaseUrl.ok ||
    !plain.units.ok ||
    !plain.chartHours.ok
  ) {
    return { ok: false, error: errors };
  }
  return {
    ok: true,
    value: {
      tokens,
      settings: {
        ...current,
        accounts,
        watched,
        badgeScope: plain.badgeScope.value,
        pollIntervalMinutes: plain.pollIntervalMinutes.value,
        apiTimezone: plain.apiTimezone.value,
        apiBaseUrl: plain.apiBaseUrl.value,
        units: plain.units.value,
        chartHours: plain.chartHours.value,
        ...moneyCheck.value,
      },
    },
  };
}
