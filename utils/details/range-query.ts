import { isDayKey } from '@/utils/time/day-keys';
import { isPresetRange, type DetailRange } from './range';

/**
 * The range in the page's address (`details.html?range=30d`, `?range=custom&from=…&to=…`), so a
 * reload or a bookmark opens the same range and a test or the bench can open one directly.
 */
export function rangeToParams(range: DetailRange): Record<string, string> {
  return typeof range === 'string' ? { range } : { range: 'custom', from: range.from, to: range.to };
}

/** The range a query names; none, or anything malformed, is null (the page's own default). */
export function rangeFromQuery(query: string): DetailRange | null {
  const params = new URLSearchParams(query);
  const range = params.get('range') ?? '';
  if (isPresetRange(range)) return range;
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  return range === 'custom' && isDayKey(from) && isDayKey(to) ? { from, to } : null;
}

/** The query with its range replaced and anything else (a notification's focus) kept. */
export function withRange(query: string, range: DetailRange): string {
  const params = new URLSearchParams(query);
  for (const name of ['range', 'from', 'to']) params.delete(name);
  for (const [name, value] of Object.entries(rangeToParams(range))) params.set(name, value);
  return params.toString();
}
