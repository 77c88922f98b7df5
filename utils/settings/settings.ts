import { coerceAlertRules, DEFAULT_ALERT_RULES, type AlertRules } from './alert-rules';
import { formatApiTimezone, parseApiTimezone, UTC, type ApiTimezone } from '@/utils/time/api-timezone';
import { checkApiBaseUrl, PRODUCTION_API_BASE, type BaseUrlProblem } from '@/utils/api/origin';
import type { Result } from '@/utils/base/result';
import type { ProxyType } from '@/utils/api/thordata-client';
import type { TrafficUnits } from '@/utils/format/traffic-format';
import { isRecord } from '@/utils/base/is-record';

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

export function parseChartHours(value: unknown): ChartHours | null {
  return CHART_HOURS_CHOICES.find((choice) => choice === Number(value)) ?? null;
}

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

export function parseUnits(text: string): TrafficUnits | null {
  return UNITS_CHOICES.find((units) => units === text) ?? null;
}

export const POLL_INTERVAL_RANGE = { min: 1, max: 1440 } as const;
export const MAX_USERNAMES = 20;
const USERNAME_MAX_LENGTH = 64;
const TOKEN_LENGTH = { min: 8, max: 256 } as const;

/** What the settings form holds: raw text, exactly as typed or chosen. */
export interface SettingsDraft {
  readonly token: string;
  readonly proxyType: string;
  readonly usernames: string;
  readonly pollIntervalMinutes: string;
  readonly apiTimezone: string;
  readonly apiBaseUrl: string;
  readonly units: string;
  readonly chartHours: string;
}

export type DraftField = keyof SettingsDraft;

/**
 * What is wrong with one field, as a code with the facts a message needs. The page
 * words it in the reader's language (utils/settings/settings-text.ts); validation stays pure.
 */
export type FieldProblem =
  | { readonly code: 'token-missing' }
  | { readonly code: 'token-malformed'; readonly min: number; readonly max: number }
  | { readonly code: 'proxy-type-unknown' }
  | { readonly code: 'usernames-missing' }
  | { readonly code: 'usernames-too-many'; readonly max: number }
  | { readonly code: 'username-invalid'; readonly username: string; readonly maxLength: number }
  | { readonly code: 'interval-out-of-range'; readonly min: number; readonly max: number }
  | { readonly code: 'timezone-unknown' }
  | { readonly code: 'units-unknown' }
  | { readonly code: 'chart-hours-unknown'; readonly choices: readonly number[] }
  | { readonly code: BaseUrlProblem };

export type FieldErrors = Partial<Record<DraftField, FieldProblem>>;

export function draftFromSettings(settings: Settings, token: string): SettingsDraft {
  return {
    token,
    proxyType: String(settings.proxyType),
    usernames: settings.usernames.join(', '),
    pollIntervalMinutes: String(settings.pollIntervalMinutes),
    apiTimezone: formatApiTimezone(settings.apiTimezone),
    apiBaseUrl: settings.apiBaseUrl,
    units: settings.units,
    chartHours: String(settings.chartHours),
  };
}

/** Splits the usernames field on commas, spaces and new lines, keeping the first of repeats. */
export function splitUsernames(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).filter((name) => name.length > 0))];
}

const TOKEN_PATTERN = new RegExp(`^[\\x21-\\x7e]{${TOKEN_LENGTH.min},${TOKEN_LENGTH.max}}$`);
const USERNAME_PATTERN = new RegExp(`^[^\\s,;]{1,${USERNAME_MAX_LENGTH}}$`);

export function parseProxyType(text: string): ProxyType | null {
  const value = Number(text);
  return value === 1 || value === 2 || value === 3 ? value : null;
}

function checkToken(text: string): Result<string, FieldProblem> {
  const token = text.trim();
  if (token === '') return { ok: false, error: { code: 'token-missing' } };
  if (!TOKEN_PATTERN.test(token)) return { ok: false, error: { code: 'token-malformed', ...TOKEN_LENGTH } };
  return { ok: true, value: token };
}

function checkUsernames(text: string): Result<string[], FieldProblem> {
  const names = splitUsernames(text);
  if (names.length === 0) return { ok: false, error: { code: 'usernames-missing' } };
  if (names.length > MAX_USERNAMES) return { ok: false, error: { code: 'usernames-too-many', max: MAX_USERNAMES } };
  const bad = names.find((name) => !USERNAME_PATTERN.test(name));
  if (bad !== undefined) return { ok: false, error: { code: 'username-invalid', username: bad, maxLength: USERNAME_MAX_LENGTH } };
  return { ok: true, value: names };
}

function checkInterval(text: string): Result<number, FieldProblem> {
  const trimmed = text.trim();
  const minutes = Number(trimmed);
  const { min, max } = POLL_INTERVAL_RANGE;
  if (!/^\d+$/.test(trimmed) || minutes < min || minutes > max) {
    return { ok: false, error: { code: 'interval-out-of-range', min, max } };
  }
  return { ok: true, value: minutes };
}

/** A field's value, or its problem: one check per field, so each can be shown on its own. */
function fieldChecks(draft: SettingsDraft, allowLoopback: boolean) {
  const orProblem = <T>(value: T | null, problem: FieldProblem): Result<T, FieldProblem> =>
    value === null ? { ok: false, error: problem } : { ok: true, value };
  const baseUrl = checkApiBaseUrl(draft.apiBaseUrl, allowLoopback);
  return {
    token: checkToken(draft.token),
    proxyType: orProblem(parseProxyType(draft.proxyType), { code: 'proxy-type-unknown' }),
    usernames: checkUsernames(draft.usernames),
    pollIntervalMinutes: checkInterval(draft.pollIntervalMinutes),
    apiTimezone: orProblem(parseApiTimezone(draft.apiTimezone), { code: 'timezone-unknown' }),
    apiBaseUrl: baseUrl.ok ? { ok: true, value: baseUrl.baseUrl } : { ok: false, error: { code: baseUrl.reason } },
    units: orProblem(parseUnits(draft.units), { code: 'units-unknown' }),
    chartHours: orProblem(parseChartHours(draft.chartHours), { code: 'chart-hours-unknown', choices: CHART_HOURS_CHOICES }),
  } satisfies Record<DraftField, Result<unknown, FieldProblem>>;
}

/**
 * Validates the whole form. Either every field is good and the result can be
 * saved (over `current`, which supplies what the draft does not hold), or each
 * bad field gets its own problem and nothing is saved.
 */
export function validateDraft(
  draft: SettingsDraft,
  allowLoopback: boolean,
  current: Settings,
): Result<{ settings: Settings; token: string }, FieldErrors> {
  const c = fieldChecks(draft, allowLoopback);
  if (
    c.token.ok &&
    c.proxyType.ok &&
    c.usernames.ok &&
    c.pollIntervalMinutes.ok &&
    c.apiTimezone.ok &&
    c.apiBaseUrl.ok &&
    c.units.ok &&
    c.chartHours.ok
  ) {
    return {
      ok: true,
      value: {
        token: c.token.value,
        settings: {
          ...current,
          proxyType: c.proxyType.value,
          usernames: c.usernames.value,
          pollIntervalMinutes: c.pollIntervalMinutes.value,
          apiTimezone: c.apiTimezone.value,
          apiBaseUrl: c.apiBaseUrl.value,
          units: c.units.value,
          chartHours: c.chartHours.value,
        },
      },
    };
  }
  const errors: FieldErrors = {};
  for (const [field, check] of Object.entries(c) as [DraftField, Result<unknown, FieldProblem>][]) {
    if (!check.ok) errors[field] = check.error;
  }
  return { ok: false, error: errors };
}

/** Numbers and strings as text; anything else (objects, arrays) as nothing. */
function asText(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

/**
 * Reads stored settings defensively: a field that is missing or malformed (an old
 * version, a hand edit) falls back to its default instead of breaking the extension.
 */
export function coerceSettings(raw: unknown, allowLoopback: boolean): Settings {
  if (!isRecord(raw)) return DEFAULT_SETTINGS;
  const proxyType = parseProxyType(asText(raw.proxyType));
  const usernames = Array.isArray(raw.usernames)
    ? [...new Set(raw.usernames.filter((name): name is string => typeof name === 'string' && USERNAME_PATTERN.test(name)))]
    : [];
  const interval = checkInterval(asText(raw.pollIntervalMinutes));
  const tz = isRecord(raw.apiTimezone) ? raw.apiTimezone : null;
  const apiTimezone =
    tz?.kind === 'browser'
      ? parseApiTimezone('browser')
      : tz?.kind === 'offset' && typeof tz.minutes === 'number'
        ? parseApiTimezone(formatApiTimezone({ kind: 'offset', minutes: tz.minutes }))
        : null;
  const baseUrl = typeof raw.apiBaseUrl === 'string' ? checkApiBaseUrl(raw.apiBaseUrl, allowLoopback) : null;
  return {
    proxyType: proxyType ?? DEFAULT_SETTINGS.proxyType,
    usernames: usernames.slice(0, MAX_USERNAMES),
    pollIntervalMinutes: interval.ok ? interval.value : DEFAULT_SETTINGS.pollIntervalMinutes,
    apiTimezone: apiTimezone ?? DEFAULT_SETTINGS.apiTimezone,
    apiBaseUrl: baseUrl?.ok ? baseUrl.baseUrl : DEFAULT_SETTINGS.apiBaseUrl,
    units: parseUnits(asText(raw.units)) ?? DEFAULT_SETTINGS.units,
    chartHours: parseChartHours(typeof raw.chartHours === 'number' ? raw.chartHours : null) ?? DEFAULT_SETTINGS.chartHours,
    alerts: coerceAlertRules(raw.alerts),
  };
}

/** Ready to poll: a token saved and at least one username. */
export function isConfigured(settings: Settings, tokenSaved: boolean): boolean {
  return tokenSaved && settings.usernames.length > 0;
}
