/**
 * The timezone in which the Thordata API writes its `yyyy-mm-dd HH` hour keys.
 * Thordata does not document it, so it is a setting: a fixed UTC offset, or
 * the browser's own zone (which may observe daylight saving time).
 */
export type ApiTimezone =
  | { readonly kind: 'offset'; readonly minutes: number }
  | { readonly kind: 'browser' };

export const UTC: ApiTimezone = { kind: 'offset', minutes: 0 };

const OFFSET_PATTERN = /^UTC(?:([+-])(\d{1,2})(?::(\d{2}))?)?$/;

/** Real-world offsets run from UTC-12 to UTC+14. */
const MAX_OFFSET_MINUTES = 14 * 60;
const MIN_OFFSET_MINUTES = -12 * 60;

/** Reads the stored form (`UTC`, `UTC+8`, `UTC+5:30`, `UTC-03:00`, `browser`). */
export function parseApiTimezone(text: string): ApiTimezone | null {
  const trimmed = text.trim();
  if (trimmed === 'browser') return { kind: 'browser' };
  const match = OFFSET_PATTERN.exec(trimmed);
  if (!match) return null;
  const [, sign, hours, minutes] = match;
  if (sign === undefined || hours === undefined) return UTC;
  const mins = minutes === undefined ? 0 : Number(minutes);
  if (mins >= 60) return null;
  const total = (sign === '-' ? -1 : 1) * (Number(hours) * 60 + mins);
  if (total > MAX_OFFSET_MINUTES || total < MIN_OFFSET_MINUTES) return null;
  return { kind: 'offset', minutes: total };
}

/** The stored form: `UTC`, `UTC+8`, `UTC+5:30`, `browser`. */
export function formatApiTimezone(tz: ApiTimezone): string {
  if (tz.kind === 'browser') return 'browser';
  if (tz.minutes === 0) return 'UTC';
  const sign = tz.minutes < 0 ? '-' : '+';
  const abs = Math.abs(tz.minutes);
  const hours = Math.floor(abs / 60);
  const mins = abs % 60;
  return `UTC${sign}${hours}${mins === 0 ? '' : `:${String(mins).padStart(2, '0')}`}`;
}

/** Every offset a user may pick, in order, in the stored form. */
export function selectableOffsets(): string[] {
  const quarterHourZones = [
    -570, -210, 210, 270, 330, 345, 390, 525, 570, 630, 765,
  ];
  const whole = Array.from({ length: 27 }, (_, i) => (i - 12) * 60);
  return [...whole, ...quarterHourZones]
    .sort((a, b) => a - b)
    .map((minutes) => formatApiTimezone({ kind: 'offset', minutes }));
}
