import { DAY_MS } from '@/utils/base/durations';
import { kb, mbToKb, type Kb } from '@/utils/base/units';
import type { AccountBalance } from '@/utils/api/answers';
import { daysUntil, expiryEndMs } from '@/utils/time/expiry-date';
import type { PlanView } from './spend-view';

/**
 * An account's plan as a budget: its traffic balance spread over the days to expiry, today
 * included, is what it may use per day; at the last 24 hours' rate the balance runs out before or
 * after the plan ends. Unknown without a balance, without an expiry date, or once expired (no
 * days left to spread it over).
 */
export function planView(balance: AccountBalance | null, last24Kb: Kb, now: number): PlanView {
  const expiresOn = balance?.expiresOn ?? null;
  const daysToExpiry = expiresOn === null ? null : daysUntil(expiresOn, now);
  const endMs = expiresOn === null ? null : expiryEndMs(expiresOn);
  if (balance === null || daysToExpiry === null || endMs === null || daysToExpiry < 0) return { kind: 'unknown' };
  const balanceKb = mbToKb(balance.balanceMb);
  const inDays = last24Kb > 0 ? balanceKb / last24Kb : null;
  return {
    kind: 'plan',
    daysToExpiry,
    allowancePerDayKb: kb(balanceKb / (daysToExpiry + 1)),
    last24Kb,
    // Counted to the expiry's very end, not its whole days: on the last day, 12 h of balance left with 20 h to go runs out before it.
    runsOut: inDays === null ? null : { inDays, beforeExpiryDays: (endMs - now) / DAY_MS - inDays },
  };
}
