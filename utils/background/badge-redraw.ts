/**
 * During a poll cycle the badge is redrawn after an answer at most this often, and always when
 * the cycle ends. A redraw sums every watched user's hours and formats the tooltip: after every
 * answer, at 100 users that was 100 redraws a cycle (~0.5 ms each), most of the cycle's CPU
 * (`npm run bench`), for a badge that moves by one user's share at a time.
 */
export const CYCLE_BADGE_REDRAW_MS = 30_000;

/**
 * Whether the answer saved at `now` redraws the badge, given this cycle's last redraw (null
 * before any). A clock set back redraws rather than waiting for the old time to come round.
 */
export function badgeRedrawDue(lastDrawnAt: number | null, now: number): boolean {
  return lastDrawnAt === null || now < lastDrawnAt || now - lastDrawnAt >= CYCLE_BADGE_REDRAW_MS;
}

/**
 * Whether a save is the first of this cycle with every planned user's hours in: the account
 * figures and the daily requests that may follow change nothing the badge shows, so it shows the
 * round's hours then rather than after them.
 */
export function hoursJustCompleted(cycle: { readonly remaining: readonly unknown[] } | null, drawnWithAllHours: boolean): boolean {
  return !drawnWithAllHours && cycle !== null && cycle.remaining.length === 0;
}
