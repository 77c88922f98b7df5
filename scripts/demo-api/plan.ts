// An account's plan: 30-day cycles from a fixed anchor. Per-user limits and the account's
// residential quota refill at each cycle start, so balances shrink hour by hour during a cycle
// (what the extension's forecast needs) yet never stay at zero for a demo run months later.

import { type Clock, sumKB, usageSinceKB } from './traffic-model.js';
import { DAY_MS } from '../../utils/base/durations.js';
import { KB_PER_MB, MB_PER_TB } from '../../utils/base/units.js';
import type { DemoUser } from './users.js';

export interface AccountPlan {
  readonly anchorUtcMs: number;
  readonly cycleDays: number;
  /** Account-wide residential quota per cycle, in MB as `account/traffic-balance` reports it. */
  readonly residentialQuotaMB: number;
}

/** The first demo account's plan: 4 TB of residential traffic every 30 days from 2025-01-01. */
export const PLAN: AccountPlan = {
  anchorUtcMs: Date.UTC(2025, 0, 1),
  cycleDays: 30,
  residentialQuotaMB: 4 * MB_PER_TB,
};

export interface PlanCycle {
  readonly startUtcMs: number;
  /** Exclusive: the instant the next cycle starts and the current plan expires. */
  readonly endUtcMs: number;
}

export function planCycle(nowUtcMs: number, plan: AccountPlan = PLAN): PlanCycle {
  const length = plan.cycleDays * DAY_MS;
  const index = Math.floor((nowUtcMs - plan.anchorUtcMs) / length);
  const startUtcMs = plan.anchorUtcMs + index * length;
  return { startUtcMs, endUtcMs: startUtcMs + length };
}

export function cycleUsageKB(user: DemoUser, clock: Clock, plan: AccountPlan = PLAN): number {
  const start = Math.max(planCycle(clock.now(), plan).startUtcMs, user.createdAtUtcMs);
  return usageSinceKB(user.username, start, clock);
}

/** Remaining KB of the user's limit in this cycle; 0 when the user has no limit (as the API does). */
export function userBalanceKB(user: DemoUser, clock: Clock, plan: AccountPlan = PLAN): number {
  if (user.trafficLimitKB === 0) return 0;
  return Math.max(0, sumKB([user.trafficLimitKB, -cycleUsageKB(user, clock, plan)]));
}

/**
 * Remaining residential quota of an account with these users and plan, in MB with 2 decimals.
 * Only residential users draw on it: users report the real figure reflects that balance only.
 */
export function accountBalanceMB(users: readonly DemoUser[], plan: AccountPlan, clock: Clock): number {
  const usedKB = sumKB(users.filter((u) => u.proxyType === 1).map((u) => cycleUsageKB(u, clock, plan)));
  return Math.max(0, Math.round((plan.residentialQuotaMB - usedKB / KB_PER_MB) * 100) / 100);
}
