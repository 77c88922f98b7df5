import { coerceAlertRules } from './alert-rules';
import { formatApiTimezone, parseApiTimezone } from '@/utils/time/api-timezone';
import { checkApiBaseUrl } from '@/utils/api/origin';
import { isRecord } from '@/utils/base/is-record';
import { DEFAULT_SETTINGS, MAX_USERNAMES, type Settings } from './model';
import { isUsername, parseChartHours, parsePollInterval, parseProxyType, parseUnits } from './fields';

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
  const usernames = Array.isArray(raw.usernames)
    ? [...new Set(raw.usernames.filter((name): name is string => typeof name === 'string' && isUsername(name)))]
    : [];
  const tz = isRecord(raw.apiTimezone) ? raw.apiTimezone : null;
  const apiTimezone =
    tz?.kind === 'browser'
      ? parseApiTimezone('browser')
      : tz?.kind === 'offset' && typeof tz.minutes === 'number'
        ? parseApiTimezone(formatApiTimezone({ kind: 'offset', minutes: tz.minutes }))
        : null;
  const baseUrl = typeof raw.apiBaseUrl === 'string' ? checkApiBaseUrl(raw.apiBaseUrl, allowLoopback) : null;
  return {
    proxyType: parseProxyType(asText(raw.proxyType)) ?? DEFAULT_SETTINGS.proxyType,
    usernames: usernames.slice(0, MAX_USERNAMES),
    pollIntervalMinutes: parsePollInterval(asText(raw.pollIntervalMinutes)) ?? DEFAULT_SETTINGS.pollIntervalMinutes,
    apiTimezone: apiTimezone ?? DEFAULT_SETTINGS.apiTimezone,
    apiBaseUrl: baseUrl?.ok ? baseUrl.baseUrl : DEFAULT_SETTINGS.apiBaseUrl,
    units: parseUnits(asText(raw.units)) ?? DEFAULT_SETTINGS.units,
    chartHours: parseChartHours(typeof raw.chartHours === 'number' ? raw.chartHours : null) ?? DEFAULT_SETTINGS.chartHours,
    alerts: coerceAlertRules(raw.alerts),
  };
}
