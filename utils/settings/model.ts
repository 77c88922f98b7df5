import { DEFAULT_ALERT_RULES, type AlertRules } from './alert-rules';
import { UTC, type ApiTimezone } from '@/utils/time/api-timezone';
import { PRODUCTION_API_BASE } from '@/utils/api/origin';
import type { ProxyType } from '@/utils/api/thordata-client';
import type { TrafficUnits } from '@/utils/format/traffic-format';

/**
 * One Thordata account: a token (stored on its own, see storage/definitions.ts) and the label
 * the user gave it. The id never changes and never shows; the label may be empty.
 */
export interface AccountSettings {
  readonly id: string;
  readonly label: string;
}

/** One proxy user watched: of which account, under which product, by name. */
export interface WatchedUser {
  readonly account: string;
  readonly proxyType: ProxyType;
  readonly username: string;
}

/** What the badge sums: everything watched, one account's users, or one product's. */
export type BadgeScope =
  | { readonly kind: 'all' }
  | { readonly kind: 'account'; readonly account: string }
  | { readonly kind: 'product'; readonly proxyType: ProxyType };

/** Everything the user configures except the tokens, which are stored on their own. */
export interface Settings {
  /** At least one; the first is the account earlier versions knew (FIRST_ACCOUNT_ID). */
  readonly accounts: readonly AccountSettings[];
  readonly watched: readonly WatchedUser[];
  readonly badgeScope: BadgeScope;
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

/** The id of the account a single-account version's settings became; its token kept its key. */
export const FIRST_ACCOUNT_ID = '1';

export const DEFAULT_SETTINGS: Settings = {
  accounts: [{ id: FIRST_ACCOUNT_ID, label: '' }],
  watched: [],
  badgeScope: { kind: 'all' },
  pollIntervalMinutes: 10,
  apiTimezone: UTC,
  apiBaseUrl: PRODUCTION_API_BASE,
  units: 'binary',
  chartHours: 24,
  alerts: DEFAULT_ALERT_RULES,
};

/** In the order the settings page offers them; their names live in the catalogue. */
export const PROXY_TYPES: readonly ProxyType[] = [1, 2, 3];

export const UNITS_CHOICES: readonly TrafficUnits[] = ['binary', 'decimal'];

export const POLL_INTERVAL_RANGE = { min: 1, max: 1440 } as const;
/** Thordata allows 100 proxy users per product and account; a team with several accounts watches more. */
export const MAX_WATCHED = 500;
export const MAX_ACCOUNTS = 20;
export const ACCOUNT_LABEL_MAX_LENGTH = 40;
export const USERNAME_MAX_LENGTH = 64;
export const TOKEN_LENGTH = { min: 8, max: 256 } as const;
