import { POLL_INTERVAL_RANGE, USERNAME_MAX_LENGTH, CHART_HOURS_CHOICES, UNITS_CHOICES, type ChartHours } from './model';
import type { ProxyType } from '@/utils/api/thordata-client';
import type { TrafficUnits } from '@/utils/format/traffic-format';

// One field's value read from text or a stored value, or null when it is not one. Both the form
// (validate.ts) and the repair of stored settings (repair.ts) read fields here, so a value the
// form refuses is never kept from storage either.

export function parseProxyType(text: string): ProxyType | null {
  const value = Number(text);
  return value === 1 || value === 2 || value === 3 ? value : null;
}

export function parseUnits(text: string): TrafficUnits | null {
  return UNITS_CHOICES.find((units) => units === text) ?? null;
}

export function parseChartHours(value: unknown): ChartHours | null {
  return CHART_HOURS_CHOICES.find((choice) => choice === Number(value)) ?? null;
}

/** Whole minutes within the allowed range; anything else (fractions, signs, words) is null. */
export function parsePollInterval(text: string): number | null {
  const trimmed = text.trim();
  const minutes = Number(trimmed);
  const { min, max } = POLL_INTERVAL_RANGE;
  return /^\d+$/.test(trimmed) && minutes >= min && minutes <= max ? minutes : null;
}

const USERNAME_PATTERN = new RegExp(`^[^\\s,;]{1,${USERNAME_MAX_LENGTH}}$`);

export function isUsername(name: string): boolean {
  return USERNAME_PATTERN.test(name);
}
