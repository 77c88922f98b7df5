// The demo account's plan: 30-day cycles from a fixed anchor. Per-user limits and the account's
// residential quota refill at each cycle start, so balances shrink hour by hour during a cycle
// (what the extension's forecast needs) yet never stay at zero for a demo run months later.

import { type Clock, sumKB, usageSinceKB } from './traffic-model.js';
import { DAY_MS } from '../../utils/base/durations.js';
import { KB_PER_MB, MB_PER_TB } from '../../utils/base/units.js';
import { USERS, type DemoUser } from './users.js';

export const PLAN = {
  anchorUtcMs: Date.UTC(2025, 0, 1),
  cycleDays: 30,
  /** Account-wide residential quota per cycle (4 TB), in MB as `account/traffic-balance` reports it. */
  residentialQuotaMB: 4 * MB_PER_TB,
} as const;

export interface PlanCycle {
  readonly startUtcMs: number;
  /** Exclusive: the instant the next cycle starts and the current plan expires. */
  readonly endUtcMs: number;
}

export function planCycle(nowUtcMs: number): PlanCycle {
  const length = PLAN.cycleDays * DAY_MS;
  const index = Math.floor((nowUtcMs - PLAN.anchorUtcMs) / length);
  const startUtcMs = PLAN.anchorUtcMs + index * length;
  return { startUtcMs, endUtcMs: startUtcMs + length };
}

export function cycleUsageKB(user: DemoUser, clock: Clock): number {
  const start = Math.max(planCycle(clock.now()).startUtcMs, user.createdAtUtcMs);
  return usageSinceKB(user.username, start, clock);
}

/** Remaining KB of the user's limit in this cycle; 0 when the user has no limit (as the API does). */
export function userBalanceKB(user: DemoUser, clock: Clock): number {
  if (user.trafficLimitKB === 0) return 0;
  return Math.max(0, sumKB([user.trafficLimitKB, -cycleUsageKB(user, clock)]));
}

/** Remaining residential quota of the account, in MB with 2 decimals. */
export function accountBalanceMB(clock: Clock): number {
  const usedKB = sumKB(USERS.filter((u) => u.proxyType === 1).map((u) => cycleUsageKB(u, clock)));
  return Math.max(0, Math.round((PLAN.residentialQuotaMB - usedKB / KB_PER_MB) * 100) / 100);
}
