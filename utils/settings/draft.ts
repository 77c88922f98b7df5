import { formatApiTimezone } from '@/utils/time/api-timezone';
import type { Settings } from './model';

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
