import type { AlertRules } from './alert-rules';
import { coerceSettings } from './repair';
import { DEFAULT_SETTINGS, type Budgets, type Prices, type Settings } from './model';

// Two pages write the settings: the settings page on Save, the popup when its chart window is
// chosen. Each writes only the fields it changed, over what is stored at that moment, so that
// neither puts back its older copy of a field the other has just changed.

/** The fields of settings that hold fields of their own, patched one inner field at a time. */
type NestedField = 'alerts' | 'prices' | 'budgets';

/**
 * The fields one page changed; of the alert rules, only the rules it changed; of the prices, the
 * currency and each product's price on its own; of the budgets, each of their fields.
 */
export type SettingsPatch = Partial<Omit<Settings, NestedField>> & {
  readonly alerts?: Partial<AlertRules>;
  readonly prices?: { readonly currency?: string; readonly perGb?: Partial<Prices['perGb']> };
  readonly budgets?: Partial<Budgets>;
};

type PlainField = Exclude<keyof Settings, NestedField>;

// Read from the defaults, which the compiler holds to every field, so a new field is diffed too.
const NESTED: readonly string[] = ['alerts', 'prices', 'budgets'] satisfies NestedField[];
const PLAIN_FIELDS = (Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]).filter((field): field is PlainField => !NESTED.includes(field));

/** Equality of stored data: strings, numbers and booleans, and arrays and records of them. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  return keys.length === Object.keys(right).length && keys.every((key) => key in right && same(left[key], right[key]));
}

function pick<T extends object, K extends keyof T>(from: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((key) => [key, from[key]])) as Pick<T, K>;
}

/** The fields of `to` that differ from `from`'s, or nothing when none does. */
function changed<T extends object>(from: T, to: T): Partial<T> | undefined {
  const fields = (Object.keys(to) as (keyof T)[]).filter((field) => !same(from[field], to[field]));
  return fields.length === 0 ? undefined : pick(to, fields);
}

/** Leaves out the nested parts in which nothing changed, so an unchanged form patches nothing. */
function present<T extends object>(parts: T): Partial<T> {
  return Object.fromEntries(Object.entries(parts).filter(([, part]) => part !== undefined)) as Partial<T>;
}

/** What differs in `to` from `from`: the fields, and inside the alert rules, prices and budgets, their own fields one by one. */
export function settingsPatch(from: Settings, to: Settings): SettingsPatch {
  const fields = PLAIN_FIELDS.filter((field) => !same(from[field], to[field]));
  const perGb = changed(from.prices.perGb, to.prices.perGb);
  const currency = from.prices.currency === to.prices.currency ? undefined : to.prices.currency;
  const prices = currency === undefined && perGb === undefined ? undefined : present({ currency, perGb });
  return { ...pick(to, fields), ...present({ alerts: changed(from.alerts, to.alerts), prices, budgets: changed(from.budgets, to.budgets) }) };
}

/**
 * `patch` written over what is stored now. The stored value is read as every page reads it, so
 * a malformed or older one is repaired rather than carried along or allowed to fail the write.
 */
export function applySettingsPatch(stored: unknown, patch: SettingsPatch, allowLoopback: boolean): Settings {
  const current = coerceSettings(stored, allowLoopback);
  const { alerts, prices, budgets, ...fields } = patch;
  return {
    ...current,
    ...fields,
    alerts: { ...current.alerts, ...alerts },
    prices: { currency: prices?.currency ?? current.prices.currency, perGb: { ...current.prices.perGb, ...prices?.perGb } },
    budgets: { ...current.budgets, ...budgets },
  };
}

/** How a page reads and writes the stored settings: the popup through the raw API, the settings page through its item. */
export interface SettingsStore {
  read(): Promise<unknown>;
  write(settings: Settings): Promise<void>;
}

/** Where Web Locks live (`navigator` in a page), as far as used here. Absent in older browsers. */
export interface LockScope {
  readonly locks?: { request<T>(name: string, work: () => Promise<T>): Promise<T> };
}

const SETTINGS_LOCK = 'thordata-settings';

/**
 * Runs `work` holding the settings lock. The popup and the settings page are both the
 * extension's origin, which Web Locks are scoped to, so their read-modify-write sequences take
 * turns: otherwise both could read before either writes, and the later write would drop the
 * earlier one's field. Without Web Locks the work runs at once, as it did before.
 */
function withSettingsLock<T>(scope: LockScope, work: () => Promise<T>): Promise<T> {
  return scope.locks ? scope.locks.request(SETTINGS_LOCK, work) : work();
}

/** Reads what is stored, applies `patch` and writes the result, holding the lock; resolves with what it wrote. */
export function writeSettingsPatch(store: SettingsStore, patch: SettingsPatch, allowLoopback: boolean, scope: LockScope): Promise<Settings> {
  return withSettingsLock(scope, async () => {
    const next = applySettingsPatch(await store.read(), patch, allowLoopback);
    await store.write(next);
    return next;
  });
}
