import type { ApiTimezone } from '@/utils/time/api-timezone';
import { dayKeyAt } from '@/utils/time/day-keys';
import { MIN_HISTORY_DAYS } from './projection';
import type { RunOut } from './spend-view';
import type { Span } from './time-spans';

export interface RunOutInput {
  /** The period's use so far and its limit, in the budget's measure. */
  readonly used: number;
  readonly limit: number;
  /** Today's use in the measure: today's pace is it ÷ the part of today gone. */
  readonly todayUsed: number;
  readonly today: Span;
  readonly now: number;
  readonly periodEndMs: number;
  readonly tz: ApiTimezone;
  /** Complete days known, where the forecast needs history (the cycle); null where it does not (the daily budget, within today). */
  readonly daysKnown: number | null;
  /** When the use reached the limit, if it has and that is known (reachedAt). */
  readonly reachedAtMs: number | null;
}

/**
 * When the budget runs out if the rest of the period goes at today's pace (today's use ÷ the
 * time gone today): the first moment used + pace × t reaches the limit.
 */
export function runOutAtTodaysPace(input: RunOutInput): RunOut {
  const { used, limit, todayUsed, today, now, periodEndMs, daysKnown } = input;
  if (used >= limit) return { kind: 'already', atMs: input.reachedAtMs };
  if (daysKnown !== null && daysKnown < MIN_HISTORY_DAYS) return { kind: 'too-little-history', daysKnown, daysNeeded: MIN_HISTORY_DAYS };
  const gone = now - today.startMs;
  const perMs = gone > 0 ? todayUsed / gone : 0;
  if (perMs <= 0) return { kind: 'not-this-period' };
  const atMs = now + (limit - used) / perMs;
  return atMs >= periodEndMs ? { kind: 'not-this-period' } : { kind: 'on', day: dayKeyAt(atMs, input.tz), atMs };
}

/**
 * When a running total over consecutive spans first reached the limit, taking use as even within
 * the span it crossed in; null when it never did, or when a span before the crossing is not
 * known (the moment could be earlier).
 */
export function reachedAt(spans: readonly Span[], amounts: readonly (number | null)[], limit: number): number | null {
  let before = 0;
  for (const [index, span] of spans.entries()) {
    const amount = amounts[index] ?? null;
    if (amount === null) return null;
    if (amount > 0 && before + amount >= limit) return span.startMs + ((limit - before) / amount) * (span.endMs - span.startMs);
    before += amount;
  }
  return null;
}
