/**
 * Thordata answers 10011 to clients that call a few seconds apart; keep our distance.
 * The spacing an observer of our requests (the API, a proxy, the demo API's log) must see
 * between one answer and the next request, whichever accounts the two are for.
 */
export const OBSERVED_REQUEST_GAP_MS = 1500;

/** What we wait: a margin over the observed gap, for an observer whose clock differs by a few milliseconds. */
export const MIN_REQUEST_GAP_MS = OBSERVED_REQUEST_GAP_MS + 100;

/**
 * Waits until the gap since the last request has passed. Checks the clock again
 * after each sleep, because timers may fire a little early.
 */
export async function keepRequestGap(
  lastRequestEndedAt: number | null,
  clock: { now: () => number; sleep: (ms: number) => Promise<void> },
): Promise<void> {
  if (lastRequestEndedAt === null) return;
  // A clock set back (a correction, a changed time zone setting) must not make us wait
  // until the old time comes round again.
  const target = Math.min(lastRequestEndedAt, clock.now()) + MIN_REQUEST_GAP_MS;
  for (let wait = target - clock.now(); wait > 0; wait = target - clock.now()) await clock.sleep(wait);
}
