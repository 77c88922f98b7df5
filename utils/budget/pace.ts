import type { Span } from './time-spans';

/** How much of a period has passed at `now`, in ms: 0 at its start, 1 at its end. */
export function elapsedShare(period: Span, now: number): number {
  return Math.min(1, Math.max(0, (now - period.startMs) / (period.endMs - period.startMs)));
}

/**
 * Use against an even pace through the period: (used − limit × elapsed) ÷ (limit × elapsed).
 * +0.12 is 12 % ahead of an even pace, −0.3 is 30 % behind; null at the period's very start,
 * where an even pace is nothing and any use is infinitely ahead of it.
 */
export function paceOf(used: number, limit: number, elapsed: number): number | null {
  const even = limit * elapsed;
  return even > 0 ? (used - even) / even : null;
}

/** What is left ÷ the days left counting today; 0 once the budget is spent. */
export function leftPerDay(used: number, limit: number, daysLeft: number): number {
  return Math.max(0, limit - used) / daysLeft;
}
