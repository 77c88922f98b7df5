import { DEFAULT_ALERT_RULES, type AlertRules } from './alert-rules';
import { UTC, type ApiTimezone } from '@/utils/time/api-timezone';
import { PRODUCTION_API_BASE } from '@/utils/api/origin';
import type { ProxyType } from '@/utils/api/thordata-client';
import type { TrafficUnits } from '@/utils/format/traffic-format';
import type { Kb } from '@/utils/base/units';
import type { Money } from '@/utils/base/money';

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

/**
 * What traffic costs: a price per GB for each product, in one currency (ISO 4217, formatted with
 * Intl). A GB is Thordata's: 1,048,576 KB. A product without a price counts in no cost.
 */
export interface Prices {
  readonly currency: string;
  readonly perGb: Readonly<Record<ProxyType, Money | null>>;
}

/** A budget's limit: off, an amount of traffic, or an amount of money (which needs prices). */
export type BudgetLimit =
  | { readonly kind: 'off' }
  | { readonly kind: 'traffic'; readonly kb: Kb }
  | { readonly kind: 'money'; readonly amount: Money };

/**
 * The daily and the cycle budget, over everything watched, and their notification rules. The
 * cycle starts on `cycleStartDay` (1–31; in a shorter month, on its last day, like Android's
 * data cycle) at midnight in the API timezone, as every day here does.
 */
export interface Budgets {
  readonly daily: BudgetLimit;
  readonly cycle: BudgetLimit;
  readonly cycleStartDay: number;
  /** Actual use crossing each of these percentages of a budget notifies, once per period; empty: never. */
  readonly usePercents: readonly number[];
  /** The cycle forecast to end over the cycle budget notifies, once per cycle. */
  readonly forecastAlert: boolean;
  /** Android's "rapid use": the last 4 days scaled to the cycle exceed 1.5 × the cycle budget; once per cycle. */
  readonly rapidUseAlert: boolean;
}

/** What the badge shows: this hour's traffic, or today's cost (which needs prices). */
export type BadgeShows = 'traffic' | 'today-cost';

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
  readonly prices: Prices;
  readonly budgets: Budgets;
  readonly badgeShows: BadgeShows;
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
  prices: { currency: 'USD', perGb: { 1: null, 2: null, 3: null } },
  budgets: {
    daily: { kind: 'off' },
    cycle: { kind: 'off' },
    cycleStartDay: 1,
    usePercents: [50, 80, 100],
    forecastAlert: true,
    rapidUseAlert: true,
  },
  badgeShows: 'traffic',
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
