import { formatApiTimezone } from '@/utils/time/api-timezone';
import type { BadgeScope, Settings, WatchedUser } from './model';
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
}

/** The form's fields that hold one text each. */
export type PlainField = Exclude<keyof SettingsDraft, 'accounts' | 'watched'>;
/** An account's fields; each account has its own (`token-<id>`), so each shows its own problem. */
export type AccountField = Exclude<keyof AccountDraft, 'id'>;
export type AccountFieldKey = `${AccountField}-${string}`;
/** Every field a problem can be shown on; `watched` is the list of watched users as a whole. */
export type FieldKey = PlainField | AccountFieldKey | 'watched';

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

/** A text field's value; '' for a field of an account the draft no longer holds. */
export function draftValue(draft: SettingsDraft, key: Exclude<FieldKey, 'watched'>): string {
  const inAccount = accountFieldOf(key);
  if (inAccount === null) return draft[key as PlainField];
  return draft.accounts.find((account) => account.id === inAccount.account)?.[inAccount.field] ?? '';
}

export function withDraftValue(draft: SettingsDraft, key: Exclude<FieldKey, 'watched'>, value: string): SettingsDraft {
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
  const { accounts, watched, ...plain } = current;
  const { accounts: referenceAccounts, watched: referenceWatched, ...referencePlain } = reference;
  const { accounts: nextAccounts, watched: nextWatched, ...nextPlain } = next;
  return {
    ...takeUnedited(plain, referencePlain, nextPlain),
    accounts: followAccounts(accounts, referenceAccounts, nextAccounts),
    watched: sameWatchedList(watched, referenceWatched) ? nextWatched : watched,
  };
}
