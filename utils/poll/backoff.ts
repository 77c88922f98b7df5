import { MINUTE_MS } from '@/utils/base/durations';

/** Thordata sends no Retry-After: back off exponentially from 30 s, never beyond 30 min. */
export const FIRST_RETRY_MS = 30_000;
export const MAX_RETRY_MS = 30 * MINUTE_MS;

/**
 * The wait before retry number `attempt` (1, 2, …). Jitter (up to a quarter more,
 * or up to a fifth less at the cap) keeps many browsers from retrying in step.
 * Always within [FIRST_RETRY_MS, MAX_RETRY_MS]. `random` returns a number in [0, 1).
 */
export function retryDelay(attempt: number, random: () => number): number {
  const exponent = Math.min(Math.max(attempt, 1) - 1, 16);
  const base = FIRST_RETRY_MS * 2 ** exponent;
  const jittered = base * (1 + 0.25 * random());
  return jittered > MAX_RETRY_MS ? MAX_RETRY_MS * (0.8 + 0.2 * random()) : jittered;
}
