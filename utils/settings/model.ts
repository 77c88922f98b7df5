import { DEFAULT_ALERT_RULES, type AlertRules } from './alert-rules';
import { UTC, type ApiTimezone } from '@/utils/time/api-timezone';
import { PRODUCTION_API_BASE } from '@/utils/api/origin';
import type { ProxyType } from '@/utils/api/thordata-client';
import type { TrafficUnits } from '@/utils/format/traffic-format';

/** Everything the user configures except the token, which is stored on its own. */
export interface Settings {
  readonly proxyType: ProxyType;
  readonly usernames: readonly string[];
  readonly pollIntervalMinutes: number;
  readonly apiTimezone: ApiTimezone;
  readonly apiBaseUrl: string;
  readonly units: TrafficUnits;
  /** Hours the popup's chart shows. */
  readonly chartHours: ChartHours;
  readonly alerts: AlertRules;
}

export const CHART_HOURS_CHOICES = [12, 24, 48, 72] as const;
export type ChartHours = (typeof CHART_HOURS_CHOICES)[number];

export const DEFAULT_SETTINGS: Settings = {
  proxyType: 1,
  usernames: [],
  pollIntervalMinutes: 10,
  apiTimezone: UTC,
  apiBaseUrl: PRODUCTION_API_BASE,
  units: 'binary',
  chartHours: 24,
  alerts: DEFAULT_ALERT_RULES,
};

/** In the order the settings page offers them; their names live in the page's catalog. */
export const PROXY_TYPES: readonly ProxyType[] = [1, 2, 3];

export const UNITS_CHOICES: readonly TrafficUnits[] = ['binary', 'decimal'];

export const POLL_INTERVAL_RANGE = { min: 1, max: 1440 } as const;
export const MAX_USERNAMES = 20;
export const USERNAME_MAX_LENGTH = 64;
export const TOKEN_LENGTH = { min: 8, max: 256 } as const;
