import { kb, KB_PER_GB, KB_PER_MB, mb, MB_PER_GB, type Kb, type Mb } from '@/utils/base/units';
import { isRecord } from '@/utils/base/is-record';


/**
 * The notification rules, each switched on or off with its threshold. Traffic
 * thresholds are kept in the API's own units (KB for traffic, MB for the account
 * balance) and shown in the user's units.
 */
export interface AlertRules {
  readonly hourlyTotal: { readonly enabled: boolean; readonly kb: Kb };
  readonly hourlyUser: { readonly enabled: boolean; readonly kb: Kb };
  readonly spike: { readonly enabled: boolean; readonly factor: number; readonly floorKb: Kb };
  readonly userBalance: { readonly enabled: boolean; readonly percent: number };
  readonly accountBalance: { readonly enabled: boolean; readonly mb: Mb };
  readonly planExpiry: { readonly enabled: boolean; readonly days: number };
  readonly pollingBroken: { readonly enabled: boolean; readonly minutes: number };
}

/** Defaults, stated in the settings page: alert on what costs money, stay quiet otherwise. */
export const DEFAULT_ALERT_RULES: AlertRules = {
  hourlyTotal: { enabled: true, kb: kb(5 * KB_PER_GB) },
  hourlyUser: { enabled: false, kb: kb(2 * KB_PER_GB) },
  spike: { enabled: true, factor: 3, floorKb: kb(100 * KB_PER_MB) },
  userBalance: { enabled: true, percent: 10 },
  accountBalance: { enabled: true, mb: mb(10 * MB_PER_GB) },
  planExpiry: { enabled: true, days: 3 },
  pollingBroken: { enabled: true, minutes: 30 },
};

/** The badge warns from this share of the hourly threshold. */
export const NEARING_SHARE = 0.8;

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
