import { formatApiTimezone } from '@/utils/time/api-timezone';
import type { ProxyType } from '@/utils/api/thordata-client';
import type { TrafficUnits } from '@/utils/format/traffic-format';
import type { Kb } from '@/utils/base/units';
import type { BadgeScope, BudgetLimit, Settings, WatchedUser } from './model';
import { parseUnits } from './fields';
import { amountText, exactBehind, readAmountKb, type ExactAmount } from './traffic-amount';
import { sameWatched } from './watched';

/** One account as the form holds it: its fields as typed, and the names typed for it but not added yet. */
export interface AccountDraft {
  readonly id: string;
  readonly label: string;
  readonly token: string;
  /** Usernames typed to watch under `product`: added to `watched` by Add, or by Save. */
  readonly typed: string;
  readonly product: string;
}

/**
 * Prices, budgets and what the badge shows, as the form holds them. A budget is a kind (`off`,
 * `traffic`, `money`) and an amount: GB in the user's units for traffic, in the currency for money.
 */
export interface MoneyDraft {
  readonly currency: string;
  /** Price per GB of each product; empty for none. */
  readonly priceResidential: string;
  readonly priceUnlimited: string;
  readonly priceMobile: string;
  readonly badgeShows: string;
  readonly dailyKind: string;
  readonly dailyAmount: string;
  readonly cycleKind: string;
  readonly cycleAmount: string;
  readonly cycleStartDay: string;
  /** Percentages as typed: "50, 80, 100". */
  readonly usePercents: string;
  readonly forecastAlert: boolean;
  readonly rapidUseAlert: boolean;
  /** The exact traffic behind a budget's text the form wrote itself (see traffic-amount.ts). */
  readonly exact: Partial<Record<BudgetAmountField, ExactAmount>>;
}

/** The switches among the money fields. */
export type MoneySwitch = 'forecastAlert' | 'rapidUseAlert';
/** The money fields that hold one text each. */
export type MoneyField = Exclude<keyof MoneyDraft, MoneySwitch | 'exact'>;

const MONEY_FIELDS: readonly MoneyField[] = [
  'currency',
  'priceResidential',
  'priceUnlimited',
  'priceMobile',
  'badgeShows',
  'dailyKind',
  'dailyAmount',
  'cycleKind',
  'cycleAmount',
  'cycleStartDay',
  'usePercents',
];

/** Each product's price field. */
export const PRICE_FIELDS = { 1: 'priceResidential', 2: 'priceUnlimited', 3: 'priceMobile' } as const satisfies Record<ProxyType, MoneyField>;

export type BudgetName = 'daily' | 'cycle';
/** Each budget's two fields: its kind and its amount. */
export const BUDGET_FIELDS = {
  daily: { kind: 'dailyKind', amount: 'dailyAmount' },
  cycle: { kind: 'cycleKind', amount: 'cycleAmount' },
} as const satisfies Record<BudgetName, { kind: MoneyField; amount: MoneyField }>;
type BudgetAmountField = (typeof BUDGET_FIELDS)[BudgetName]['amount'];

/** What the settings form holds: raw text, exactly as typed or chosen, and the users ticked or added. */
export interface SettingsDraft {
  readonly accounts: readonly AccountDraft[];
  readonly watched: readonly WatchedUser[];
  readonly badgeScope: string;
  readonly pollIntervalMinutes: string;
  readonly apiTimezone: string;
  readonly apiBaseUrl: string;
  readonly units: string;
  readonly chartHours: string;
  readonly money: MoneyDraft;
}

/** The form's fields that hold one text each. */
export type PlainField = Exclude<keyof SettingsDraft, 'accounts' | 'watched' | 'money'>;
/** An account's fields; each account has its own (`token-<id>`), so each shows its own problem. */
export type AccountField = Exclude<keyof AccountDraft, 'id'>;
export type AccountFieldKey = `${AccountField}-${string}`;
/** Every field a problem can be shown on; `watched` is the list of watched users as a whole. */
export type FieldKey = PlainField | AccountFieldKey | MoneyField | 'watched';

const ACCOUNT_FIELDS: readonly AccountField[] = ['label', 'token', 'typed', 'product'];

export function accountKey(field: AccountField, account: string): AccountFieldKey {
  return `${field}-${account}`;
}

/** The account field a key names, or null for the form's other fields. Account ids hold no `-`. */
export function accountFieldOf(key: FieldKey): { readonly field: AccountField; readonly account: string } | null {
  const [field, account] = key.split('-', 2) as [string, string | undefined];
  const known = ACCOUNT_FIELDS.find((candidate) => candidate === field);
  return known && account !== undefined ? { field: known, account } : null;
}

function isMoneyField(key: string): key is MoneyField {
  return (MONEY_FIELDS as readonly string[]).includes(key);
}

/** A text field's value; '' for a field of an account the draft no longer holds. */
export function draftValue(draft: SettingsDraft, key: Exclude<FieldKey, 'watched'>): string {
  if (isMoneyField(key)) return draft.money[key];
  const inAccount = accountFieldOf(key);
  if (inAccount === null) return draft[key as PlainField];
  return draft.accounts.find((account) => account.id === inAccount.account)?.[inAccount.field] ?? '';
}

export function withDraftValue(draft: SettingsDraft, key: Exclude<FieldKey, 'watched'>, value: string): SettingsDraft {
  if (isMoneyField(key)) return { ...draft, money: { ...draft.money, [key]: value } };
  const inAccount = accountFieldOf(key);
  if (inAccount === null) return { ...draft, [key]: value };
  const accounts = draft.accounts.map((account) => (account.id === inAccount.account ? { ...account, [inAccount.field]: value } : account));
  return { ...draft, accounts };
}

/** The badge scope as the select holds it: `all`, `account:<id>` or `product:<type>`. */
export function badgeScopeValue(scope: BadgeScope): string {
  if (scope.kind === 'account') return `account:${scope.account}`;
  if (scope.kind === 'product') return `product:${scope.proxyType}`;
  return 'all';
}

export function blankAccount(id: string): AccountDraft {
  return { id, label: '', token: '', typed: '', product: '1' };
}

/** The amount of traffic a budget's text means in `units`, or null when it is not a traffic budget or not a number. */
export function budgetKb(money: MoneyDraft, budget: BudgetName, units: TrafficUnits): Kb | null {
  const { kind, amount } = BUDGET_FIELDS[budget];
  return money[kind] === 'traffic' ? readAmountKb(money[amount], money.exact[amount], 'GB', units) : null;
}

function withBudget(money: MoneyDraft, budget: BudgetName, limit: BudgetLimit, units: TrafficUnits): MoneyDraft {
  const { kind, amount } = BUDGET_FIELDS[budget];
  if (limit.kind === 'off') return { ...money, [kind]: 'off', [amount]: '' };
  if (limit.kind === 'money') return { ...money, [kind]: 'money', [amount]: String(limit.amount) };
  const exact = amountText(limit.kb, 'GB', units);
  return { ...money, [kind]: 'traffic', [amount]: exact.text, exact: { ...money.exact, [amount]: exact } };
}

function moneyDraftFrom(settings: Settings): MoneyDraft {
  const { prices, budgets, units } = settings;
  const price = (type: ProxyType) => {
    const value = prices.perGb[type];
    return value === null ? '' : String(value);
  };
  const unbudgeted: MoneyDraft = {
    currency: prices.currency,
    priceResidential: price(1),
    priceUnlimited: price(2),
    priceMobile: price(3),
    badgeShows: settings.badgeShows,
    dailyKind: 'off',
    dailyAmount: '',
    cycleKind: 'off',
    cycleAmount: '',
    cycleStartDay: String(budgets.cycleStartDay),
    usePercents: budgets.usePercents.join(', '),
    forecastAlert: budgets.forecastAlert,
    rapidUseAlert: budgets.rapidUseAlert,
    exact: {},
  };
  return withBudget(withBudget(unbudgeted, 'daily', budgets.daily, units), 'cycle', budgets.cycle, units);
}

/**
 * Re-expresses the traffic budgets in other units, so that each still means the same amount of
 * traffic, as the alert thresholds are. Text that is not a number is left as typed.
 */
export function convertMoneyUnits(money: MoneyDraft, from: TrafficUnits | null, to: TrafficUnits | null): MoneyDraft {
  if (from === null || to === null || from === to) return money;
  let next = money;
  for (const budget of ['daily', 'cycle'] as const) {
    const kb = budgetKb(money, budget, from);
    if (kb !== null) next = withBudget(next, budget, { kind: 'traffic', kb }, to);
  }
  return next;
}

export function draftFromSettings(settings: Settings, tokens: Readonly<Record<string, string>>): SettingsDraft {
  return {
    accounts: settings.accounts.map((account) => ({ ...blankAccount(account.id), label: account.label, token: tokens[account.id] ?? '' })),
    watched: settings.watched,
    badgeScope: badgeScopeValue(settings.badgeScope),
    pollIntervalMinutes: String(settings.pollIntervalMinutes),
    apiTimezone: formatApiTimezone(settings.apiTimezone),
    apiBaseUrl: settings.apiBaseUrl,
    units: settings.units,
    chartHours: String(settings.chartHours),
    money: moneyDraftFrom(settings),
  };
}

/** Splits typed usernames on commas, spaces and new lines, keeping the first of repeats. */
export function splitUsernames(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).filter((name) => name.length > 0))];
}

/** `watched` with `more` after it, less those already in it. */
export function addWatched(watched: readonly WatchedUser[], more: readonly WatchedUser[]): WatchedUser[] {
  const result = [...watched];
  for (const entry of more) if (!result.some((known) => sameWatched(known, entry))) result.push(entry);
  return result;
}

export function sameWatchedList(a: readonly WatchedUser[], b: readonly WatchedUser[]): boolean {
  return a.length === b.length && a.every((entry, index) => sameWatched(entry, b[index] as WatchedUser));
}

/** Each field still as `reference` has it takes `next`'s value; a field the person edited keeps theirs. */
export function takeUnedited<D extends object>(current: D, reference: D, next: D): D {
  const taken = (Object.keys(next) as (keyof D)[]).filter((field) => current[field] === reference[field]);
  return { ...current, ...Object.fromEntries(taken.map((field) => [field, next[field]])) };
}

/**
 * The accounts brought up to `next`, what is stored now: the list follows `next` unless the
 * person added or removed accounts here, and each account's fields follow unless edited here.
 */
function followAccounts(current: readonly AccountDraft[], reference: readonly AccountDraft[], next: readonly AccountDraft[]): AccountDraft[] {
  const ids = (accounts: readonly AccountDraft[]) => accounts.map((account) => account.id).join(',');
  const list = ids(current) === ids(reference) ? next : current;
  return list.map((account) => {
    const mine = current.find((known) => known.id === account.id);
    const before = reference.find((known) => known.id === account.id);
    const stored = next.find((known) => known.id === account.id);
    if (mine === undefined) return account;
    return before && stored ? takeUnedited(mine, before, stored) : mine;
  });
}

/**
 * `current` brought up to `next`, drawn from what is stored now, given `reference`, the draft
 * drawn from what was stored before: what the person has not edited takes the stored value.
 */
export function followDraft(current: SettingsDraft, reference: SettingsDraft, next: SettingsDraft): SettingsDraft {
  const { accounts, watched, money: _money, ...plain } = current;
  const { accounts: referenceAccounts, watched: referenceWatched, money: _referenceMoney, ...referencePlain } = reference;
  const { accounts: nextAccounts, watched: nextWatched, money: _nextMoney, ...nextPlain } = next;
  const followed = takeUnedited(plain, referencePlain, nextPlain);
  return {
    ...followed,
    accounts: followAccounts(accounts, referenceAccounts, nextAccounts),
    watched: sameWatchedList(watched, referenceWatched) ? nextWatched : watched,
    money: followMoney(current, reference, next, parseUnits(followed.units)),
  };
}

/**
 * The money fields brought up to `next`'s, as followDraft does the others. Budgets are compared
 * in `units`, those the form shows afterwards, which the stored units may have changed.
 */
function followMoney(current: SettingsDraft, reference: SettingsDraft, next: SettingsDraft, units: TrafficUnits | null): MoneyDraft {
  const shown = (draft: SettingsDraft) => convertMoneyUnits(draft.money, parseUnits(draft.units), units);
  const [mine, theirs] = [shown(current), shown(next)];
  const followed = takeUnedited(mine, shown(reference), theirs);
  return { ...followed, exact: exactBehind(followed, [theirs.exact, mine.exact]) };
}
