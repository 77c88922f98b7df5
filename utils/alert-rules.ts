import type { Result } from './result';
import { BYTES_PER_API_KB, type TrafficUnits } from './traffic-format';

/**
 * The notification rules, each switched on or off with its threshold. Traffic
 * thresholds are kept in the API's own units (KB for traffic, MB for the account
 * balance) and shown in the user's units.
 */
export interface AlertRules {
  readonly hourlyTotal: { readonly enabled: boolean; readonly kb: number };
  readonly hourlyUser: { readonly enabled: boolean; readonly kb: number };
  readonly spike: { readonly enabled: boolean; readonly factor: number; readonly floorKb: number };
  readonly userBalance: { readonly enabled: boolean; readonly percent: number };
  readonly accountBalance: { readonly enabled: boolean; readonly mb: number };
  readonly planExpiry: { readonly enabled: boolean; readonly days: number };
  readonly pollingBroken: { readonly enabled: boolean; readonly minutes: number };
}

const GIB_IN_KB = 1024 * 1024;
const MIB_IN_KB = 1024;

/** Defaults, stated in the settings page: alert on what costs money, stay quiet otherwise. */
export const DEFAULT_ALERT_RULES: AlertRules = {
  hourlyTotal: { enabled: true, kb: 5 * GIB_IN_KB },
  hourlyUser: { enabled: false, kb: 2 * GIB_IN_KB },
  spike: { enabled: true, factor: 3, floorKb: 100 * MIB_IN_KB },
  userBalance: { enabled: true, percent: 10 },
  accountBalance: { enabled: true, mb: 10 * 1024 },
  planExpiry: { enabled: true, days: 3 },
  pollingBroken: { enabled: true, minutes: 30 },
};

/** The badge warns from this share of the hourly threshold. */
export const NEARING_SHARE = 0.8;

/** The form's view of the rules: switches, and numbers as typed in the user's units. */
export interface AlertRulesDraft {
  readonly hourlyTotalOn: boolean;
  readonly hourlyTotalGb: string;
  readonly hourlyUserOn: boolean;
  readonly hourlyUserGb: string;
  readonly spikeOn: boolean;
  readonly spikeFactor: string;
  readonly spikeFloorMb: string;
  readonly userBalanceOn: boolean;
  readonly userBalancePercent: string;
  readonly accountBalanceOn: boolean;
  readonly accountBalanceGb: string;
  readonly planExpiryOn: boolean;
  readonly planExpiryDays: string;
  readonly pollingBrokenOn: boolean;
  readonly pollingBrokenMinutes: string;
}

export type AlertField = keyof AlertRulesDraft;
export type AlertErrors = Partial<Record<AlertField, string>>;

/** KB in one user-facing unit step: a GB (GiB when binary) or an MB (MiB). */
function kbPer(unit: 'GB' | 'MB', units: TrafficUnits): number {
  const base = units === 'binary' ? 1024 : 1000;
  const bytes = unit === 'GB' ? base ** 3 : base ** 2;
  return bytes / BYTES_PER_API_KB;
}

/** The balance endpoint speaks MB: 1 MB = 1024 KB, as for traffic. */
const KB_PER_API_MB = 1024;

function trim(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

export function draftFromRules(rules: AlertRules, units: TrafficUnits): AlertRulesDraft {
  return {
    hourlyTotalOn: rules.hourlyTotal.enabled,
    hourlyTotalGb: trim(rules.hourlyTotal.kb / kbPer('GB', units)),
    hourlyUserOn: rules.hourlyUser.enabled,
    hourlyUserGb: trim(rules.hourlyUser.kb / kbPer('GB', units)),
    spikeOn: rules.spike.enabled,
    spikeFactor: trim(rules.spike.factor),
    spikeFloorMb: trim(rules.spike.floorKb / kbPer('MB', units)),
    userBalanceOn: rules.userBalance.enabled,
    userBalancePercent: trim(rules.userBalance.percent),
    accountBalanceOn: rules.accountBalance.enabled,
    accountBalanceGb: trim((rules.accountBalance.mb * KB_PER_API_MB) / kbPer('GB', units)),
    planExpiryOn: rules.planExpiry.enabled,
    planExpiryDays: trim(rules.planExpiry.days),
    pollingBrokenOn: rules.pollingBroken.enabled,
    pollingBrokenMinutes: trim(rules.pollingBroken.minutes),
  };
}

const NUMBER = /^\s*\d+(\.\d+)?\s*$/;

function readNumber(text: string, min: number, max: number, integer: boolean): number | null {
  if (!NUMBER.test(text)) return null;
  const value = Number(text);
  if (value < min || value > max || (integer && !Number.isInteger(value))) return null;
  return value;
}

/**
 * Validates the rules' thresholds. A switched-off rule keeps its threshold but a
 * bad one is still reported, so that switching it on later cannot save nonsense.
 */
export function validateAlertDraft(draft: AlertRulesDraft, units: TrafficUnits): Result<AlertRules, AlertErrors> {
  const errors: AlertErrors = {};
  const check = (field: AlertField, min: number, max: number, integer: boolean, message: string): number => {
    const value = readNumber(String(draft[field]), min, max, integer);
    if (value === null) errors[field] = message;
    return value ?? 0;
  };
  const hourlyTotal = check('hourlyTotalGb', 0.001, 100_000, false, 'Enter an amount above 0.');
  const hourlyUser = check('hourlyUserGb', 0.001, 100_000, false, 'Enter an amount above 0.');
  const factor = check('spikeFactor', 1.5, 100, false, 'Enter a factor from 1.5 to 100.');
  const floor = check('spikeFloorMb', 0, 10_000_000, false, 'Enter an amount of 0 or more.');
  const percent = check('userBalancePercent', 1, 99, false, 'Enter a percentage from 1 to 99.');
  const accountGb = check('accountBalanceGb', 0.001, 10_000_000, false, 'Enter an amount above 0.');
  const days = check('planExpiryDays', 1, 365, true, 'Enter a whole number of days from 1 to 365.');
  const minutes = check('pollingBrokenMinutes', 5, 1440, true, 'Enter a whole number of minutes from 5 to 1440.');
  if (Object.keys(errors).length > 0) return { ok: false, error: errors };
  return {
    ok: true,
    value: {
      hourlyTotal: { enabled: draft.hourlyTotalOn, kb: hourlyTotal * kbPer('GB', units) },
      hourlyUser: { enabled: draft.hourlyUserOn, kb: hourlyUser * kbPer('GB', units) },
      spike: { enabled: draft.spikeOn, factor, floorKb: floor * kbPer('MB', units) },
      userBalance: { enabled: draft.userBalanceOn, percent },
      accountBalance: { enabled: draft.accountBalanceOn, mb: (accountGb * kbPer('GB', units)) / KB_PER_API_MB },
      planExpiry: { enabled: draft.planExpiryOn, days },
      pollingBroken: { enabled: draft.pollingBrokenOn, minutes },
    },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads stored rules defensively: each rule falls back to its default on its own. */
export function coerceAlertRules(raw: unknown): AlertRules {
  if (!isRecord(raw)) return DEFAULT_ALERT_RULES;
  const rule = <K extends keyof AlertRules>(key: K): AlertRules[K] => {
    const fallback = DEFAULT_ALERT_RULES[key];
    const stored = raw[key];
    if (!isRecord(stored) || typeof stored.enabled !== 'boolean') return fallback;
    const merged: Record<string, unknown> = { ...fallback, enabled: stored.enabled };
    for (const [field, value] of Object.entries(fallback)) {
      if (field === 'enabled') continue;
      const candidate = stored[field];
      merged[field] = typeof candidate === 'number' && Number.isFinite(candidate) && candidate >= 0 ? candidate : value;
    }
    return merged as AlertRules[K];
  };
  return {
    hourlyTotal: rule('hourlyTotal'),
    hourlyUser: rule('hourlyUser'),
    spike: rule('spike'),
    userBalance: rule('userBalance'),
    accountBalance: rule('accountBalance'),
    planExpiry: rule('planExpiry'),
    pollingBroken: rule('pollingBroken'),
  };
}
