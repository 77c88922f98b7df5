import { coerceAlertRules, DEFAULT_ALERT_RULES, type AlertRules } from './alert-rules';
import { formatApiTimezone, parseApiTimezone, UTC, type ApiTimezone } from './api-timezone';
import { checkApiBaseUrl, PRODUCTION_API_BASE } from './api-origin';
import type { Result } from './result';
import type { ProxyType } from './thordata-client';
import type { TrafficUnits } from './traffic-format';

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

export const PROXY_TYPES: readonly { readonly value: ProxyType; readonly label: string }[] = [
  { value: 1, label: 'Residential' },
  { value: 2, label: 'Unlimited' },
  { value: 3, label: 'Mobile' },
];

export const POLL_INTERVAL_RANGE = { min: 1, max: 1440 } as const;
export const MAX_USERNAMES = 20;

/** What the settings form holds: raw text, exactly as typed. */
export interface SettingsDraft {
  readonly token: string;
  readonly proxyType: string;
  readonly usernames: string;
  readonly pollIntervalMinutes: string;
  readonly apiTimezone: string;
  readonly apiBaseUrl: string;
}

export type DraftField = keyof SettingsDraft;
export type FieldErrors = Partial<Record<DraftField, string>>;

export function draftFromSettings(settings: Settings, token: string): SettingsDraft {
  return {
    token,
    proxyType: String(settings.proxyType),
    usernames: settings.usernames.join(', '),
    pollIntervalMinutes: String(settings.pollIntervalMinutes),
    apiTimezone: formatApiTimezone(settings.apiTimezone),
    apiBaseUrl: settings.apiBaseUrl,
  };
}

/** Splits the usernames field on commas, spaces and new lines, keeping the first of repeats. */
export function splitUsernames(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).filter((name) => name.length > 0))];
}

const TOKEN_PATTERN = /^[\x21-\x7e]{8,256}$/;
const USERNAME_PATTERN = /^[^\s,;]{1,64}$/;

export function parseProxyType(text: string): ProxyType | null {
  const value = Number(text);
  return value === 1 || value === 2 || value === 3 ? value : null;
}

function checkToken(text: string): Result<string, string> {
  const token = text.trim();
  if (token === '') return { ok: false, error: 'Enter the API token from Thordata Dashboard → My Account.' };
  if (!TOKEN_PATTERN.test(token)) {
    return { ok: false, error: 'A token is 8 to 256 visible characters with no spaces; paste it again.' };
  }
  return { ok: true, value: token };
}

function checkUsernames(text: string): Result<string[], string> {
  const names = splitUsernames(text);
  if (names.length === 0) return { ok: false, error: 'Enter at least one proxy username, or pick one after Test connection.' };
  if (names.length > MAX_USERNAMES) return { ok: false, error: `Watch at most ${MAX_USERNAMES} usernames.` };
  const bad = names.find((name) => !USERNAME_PATTERN.test(name));
  if (bad !== undefined) return { ok: false, error: `“${bad.slice(0, 70)}” is not a valid username (at most 64 characters).` };
  return { ok: true, value: names };
}

function checkInterval(text: string): Result<number, string> {
  const trimmed = text.trim();
  const minutes = Number(trimmed);
  const { min, max } = POLL_INTERVAL_RANGE;
  if (!/^\d+$/.test(trimmed) || minutes < min || minutes > max) {
    return { ok: false, error: `Enter a whole number of minutes from ${min} to ${max}.` };
  }
  return { ok: true, value: minutes };
}

/**
 * Validates the whole form. Either every field is good and the result can be
 * saved, or each bad field gets its own message and nothing is saved.
 */
export function validateDraft(
  draft: SettingsDraft,
  allowLoopback: boolean,
  current: Settings,
): Result<{ settings: Settings; token: string }, FieldErrors> {
  const errors: FieldErrors = {};
  const token = checkToken(draft.token);
  if (!token.ok) errors.token = token.error;
  const proxyType = parseProxyType(draft.proxyType);
  if (proxyType === null) errors.proxyType = 'Choose Residential, Unlimited or Mobile.';
  const usernames = checkUsernames(draft.usernames);
  if (!usernames.ok) errors.usernames = usernames.error;
  const interval = checkInterval(draft.pollIntervalMinutes);
  if (!interval.ok) errors.pollIntervalMinutes = interval.error;
  const apiTimezone = parseApiTimezone(draft.apiTimezone);
  if (apiTimezone === null) errors.apiTimezone = 'Choose UTC, an offset such as UTC+8, or the browser’s timezone.';
  const baseUrl = checkApiBaseUrl(draft.apiBaseUrl, allowLoopback);
  if (!baseUrl.ok) errors.apiBaseUrl = baseUrl.reason;

  if (!token.ok || proxyType === null || !usernames.ok || !interval.ok || apiTimezone === null || !baseUrl.ok) {
    return { ok: false, error: errors };
  }
  return {
    ok: true,
    value: {
      token: token.value,
      settings: {
        ...current,
        proxyType,
        usernames: usernames.value,
        pollIntervalMinutes: interval.value,
        apiTimezone,
        apiBaseUrl: baseUrl.baseUrl,
      },
    },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
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
    units: raw.units === 'decimal' ? 'decimal' : 'binary',
    chartHours: parseChartHours(typeof raw.chartHours === 'number' ? raw.chartHours : null) ?? DEFAULT_SETTINGS.chartHours,
    alerts: coerceAlertRules(raw.alerts),
  };
}

/** Ready to poll: a token and at least one username. */
export function isConfigured(settings: Settings, token: string): boolean {
  return token.length > 0 && settings.usernames.length > 0;
}
