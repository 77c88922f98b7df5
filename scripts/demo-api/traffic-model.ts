// Deterministic hourly traffic of the demo users: a daily rhythm, hash-based noise, rare spikes
// and a few silent night hours. Pure functions of (user, hour, clock): the clock only decides
// which hours exist yet and how far the current hour has grown.

import { unitHash } from './hash.js';
import { floorToHour } from './time-keys.js';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../utils/base/durations.js';
import { KB_PER_MB } from '../../utils/base/units.js';
import { findUser, type DemoUser } from './users.js';

export interface Clock {
  /** Epoch ms. */
  readonly now: () => number;
}

export const SPIKE_PROBABILITY = 0.03;
export const SPIKE_MIN_FACTOR = 4;
export const SPIKE_MAX_FACTOR = 8;
/** Noise multiplies the rhythm by a factor in [NOISE_MIN, NOISE_MIN + NOISE_SPAN). */
const NOISE_MIN = 0.85;
const NOISE_SPAN = 0.3;

export function roundKB(kb: number): number {
  return Math.round(kb * 100) / 100;
}

/** KB as MB (1 MB = 1024 KB) with 2 decimals, for the endpoints documented to speak MB. */
export function kbToMB(kb: number): number {
  return Math.round((kb / KB_PER_MB) * 100) / 100;
}

// Sums go through integer hundredths so that a day's total equals the sum of its hours exactly,
// whichever order or grouping the values are added in.
export function toCents(kb: number): number {
  return Math.round(kb * 100);
}

export function sumKB(values: Iterable<number>): number {
  let cents = 0;
  for (const v of values) cents += toCents(v);
  return cents / 100;
}

export function requireUser(username: string): DemoUser {
  const user = findUser(username);
  if (!user) throw new RangeError(`unknown demo user: ${username}`);
  return user;
}

function requireHourStart(hourStartUtcMs: number): void {
  if (!Number.isInteger(hourStartUtcMs) || hourStartUtcMs % HOUR_MS !== 0) {
    throw new RangeError(`not the start of an hour: ${hourStartUtcMs}`);
  }
}

export function isSpikeHour(username: string, hourStartUtcMs: number): boolean {
  return unitHash(`${username}|${hourStartUtcMs}|spike`) < SPIKE_PROBABILITY;
}

/** Traffic of a whole hour as it will be once the hour is over, ignoring the clock. */
export function fullHourUsageKB(username: string, hourStartUtcMs: number): number {
  requireHourStart(hourStartUtcMs);
  const user = requireUser(username);
  if (hourStartUtcMs < floorToHour(user.createdAtUtcMs)) return 0;
  const { meanKB, peakHourUtc, swing, weekendFactor, quietHoursUtc } = user.profile;
  const date = new Date(hourStartUtcMs);
  const hourOfDay = date.getUTCHours();
  if (quietHoursUtc.includes(hourOfDay)) return 0;

  const rhythm = 1 + swing * Math.cos((2 * Math.PI * (hourOfDay - peakHourUtc)) / 24);
  const weekday = date.getUTCDay();
  const week = weekday === 0 || weekday === 6 ? weekendFactor : 1;
  const noise = NOISE_MIN + NOISE_SPAN * unitHash(`${username}|${hourStartUtcMs}|noise`);
  const spike = isSpikeHour(username, hourStartUtcMs)
    ? SPIKE_MIN_FACTOR + (SPIKE_MAX_FACTOR - SPIKE_MIN_FACTOR) * unitHash(`${username}|${hourStartUtcMs}|factor`)
    : 1;
  return roundKB(meanKB * rhythm * week * noise * spike);
}

/**
 * KB used by `username` in the hour starting at `hourStartUtcMs` (must be a whole UTC hour), as
 * seen at `now`: 0 for future hours; the hour containing `now` has grown to
 * full × (whole minutes elapsed + 1) / 60, so it rises minute by minute.
 */
export function hourUsageKB(username: string, hourStartUtcMs: number, clock: Clock): number {
  const full = fullHourUsageKB(username, hourStartUtcMs);
  const now = clock.now();
  if (hourStartUtcMs > now) return 0;
  if (now >= hourStartUtcMs + HOUR_MS) return full;
  const minutes = Math.floor((now - hourStartUtcMs) / MINUTE_MS);
  return roundKB((full * (minutes + 1)) / 60);
}

/** KB used by all `usernames` in the hours starting in [fromUtcMs, toUtcMs). */
export function usageBetweenKB(usernames: readonly string[], fromUtcMs: number, toUtcMs: number, clock: Clock): number {
  let cents = 0;
  for (let t = floorToHour(fromUtcMs); t < toUtcMs; t += HOUR_MS) {
    for (const name of usernames) cents += toCents(hourUsageKB(name, t, clock));
  }
  return cents / 100;
}

// Whole past UTC days never change, so their sums are kept: lifetime totals then cost one
// lookup per day instead of 24 model evaluations per day on every request.
const fullDayCents = new Map<string, number>();
const FULL_DAY_CACHE_LIMIT = 100_000;

function fullDayUsageCents(username: string, dayStartUtcMs: number): number {
  const key = `${username}|${dayStartUtcMs}`;
  const cached = fullDayCents.get(key);
  if (cached !== undefined) return cached;
  let cents = 0;
  for (let h = 0; h < 24; h++) cents += toCents(fullHourUsageKB(username, dayStartUtcMs + h * HOUR_MS));
  if (fullDayCents.size >= FULL_DAY_CACHE_LIMIT) fullDayCents.clear();
  fullDayCents.set(key, cents);
  return cents;
}

/** KB used by `username` from the hour containing `sinceUtcMs` up to `now`. */
export function usageSinceKB(username: string, sinceUtcMs: number, clock: Clock): number {
  requireUser(username);
  const now = clock.now();
  let t = floorToHour(sinceUtcMs);
  let cents = 0;
  while (t % DAY_MS !== 0 && t <= now) {
    cents += toCents(hourUsageKB(username, t, clock));
    t += HOUR_MS;
  }
  while (t + DAY_MS <= now) {
    cents += fullDayUsageCents(username, t);
    t += DAY_MS;
  }
  while (t <= now) {
    cents += toCents(hourUsageKB(username, t, clock));
    t += HOUR_MS;
  }
  return cents / 100;
}

/** Everything `username` used since the account was created: the mock's `total_usage_traffic`. */
export function lifetimeUsageKB(username: string, clock: Clock): number {
  return usageSinceKB(username, requireUser(username).createdAtUtcMs, clock);
}
