// The built-in demo accounts' proxy users (sub-accounts). Fixed data so demos, screenshots and
// tests always see the same people; each has a traffic profile the traffic model turns into hours.
// Usernames are kept unique across every account (generated ones carry their account's position),
// so the traffic model can find a user by name alone.

import { generatedUserNamed } from './generated-users.js';
import { KB_PER_GB, KB_PER_MB } from '../../utils/base/units.js';

export type ProxyType = 1 | 2 | 3;

export const PROXY_TYPE_NAMES: Readonly<Record<ProxyType, string>> = {
  1: 'Residential',
  2: 'Unlimited',
  3: 'Mobile',
};

export interface TrafficProfile {
  /** Average KB in an hour before noise and spikes. */
  readonly meanKB: number;
  /** UTC hour of day with the most traffic. */
  readonly peakHourUtc: number;
  /** Depth of the daily rhythm: 0 flat, 0.7 means ±70 % around the mean. */
  readonly swing: number;
  /** Multiplier for Saturdays and Sundays (UTC). */
  readonly weekendFactor: number;
  /** UTC hours of day with no traffic at all (the API then omits those hours). */
  readonly quietHoursUtc: readonly number[];
}

export interface DemoUser {
  readonly username: string;
  /** Fake; the real API returns passwords in user-list, so the mock does too. */
  readonly password: string;
  readonly proxyType: ProxyType;
  readonly status: boolean;
  /** KB per plan cycle; 0 means no limit. */
  readonly trafficLimitKB: number;
  readonly createdAtUtcMs: number;
  readonly profile: TrafficProfile;
}

/** The first (original) demo account's users. */
export const USERS: readonly DemoUser[] = [
  {
    username: 'alice_res',
    password: 'Demo-pass-A1',
    proxyType: 1,
    status: true,
    trafficLimitKB: 500 * KB_PER_GB,
    createdAtUtcMs: Date.UTC(2024, 8, 3, 9, 12, 44),
    profile: { meanKB: 400 * KB_PER_MB, peakHourUtc: 14, swing: 0.6, weekendFactor: 0.6, quietHoursUtc: [] },
  },
  {
    username: 'bob_scraper',
    password: 'Demo-pass-B2',
    proxyType: 1,
    status: true,
    trafficLimitKB: 0,
    createdAtUtcMs: Date.UTC(2024, 9, 17, 15, 40, 2),
    profile: { meanKB: 2.5 * KB_PER_GB, peakHourUtc: 2, swing: 0.45, weekendFactor: 1, quietHoursUtc: [] },
  },
  {
    username: 'carol_eu',
    password: 'Demo-pass-C3',
    proxyType: 1,
    status: true,
    trafficLimitKB: 200 * KB_PER_GB,
    createdAtUtcMs: Date.UTC(2024, 10, 5, 8, 1, 30),
    profile: { meanKB: 250 * KB_PER_MB, peakHourUtc: 10, swing: 0.6, weekendFactor: 0.7, quietHoursUtc: [1, 2, 3, 4] },
  },
  {
    username: 'dave_unl',
    password: 'Demo-pass-D4',
    proxyType: 2,
    status: true,
    trafficLimitKB: 0,
    createdAtUtcMs: Date.UTC(2024, 11, 1, 0, 30, 0),
    profile: { meanKB: 1.5 * KB_PER_GB, peakHourUtc: 20, swing: 0.3, weekendFactor: 0.9, quietHoursUtc: [] },
  },
  {
    username: 'erin_mobile',
    password: 'Demo-pass-E5',
    proxyType: 3,
    status: true,
    trafficLimitKB: 150 * KB_PER_GB,
    createdAtUtcMs: Date.UTC(2024, 11, 20, 11, 5, 9),
    profile: { meanKB: 120 * KB_PER_MB, peakHourUtc: 18, swing: 0.5, weekendFactor: 1.2, quietHoursUtc: [] },
  },
];

/**
 * The second demo account's users: two products, rhythms unlike the first account's (night
 * peaks, a mobile user silent late in the evening), so a test can tell the accounts' figures apart.
 */
export const SECOND_ACCOUNT_USERS: readonly DemoUser[] = [
  {
    username: 'frank_res',
    password: 'Demo-pass-F6',
    proxyType: 1,
    status: true,
    trafficLimitKB: 800 * KB_PER_GB,
    createdAtUtcMs: Date.UTC(2025, 1, 10, 7, 20, 15),
    profile: { meanKB: 700 * KB_PER_MB, peakHourUtc: 6, swing: 0.5, weekendFactor: 0.4, quietHoursUtc: [] },
  },
  {
    username: 'grace_res',
    password: 'Demo-pass-G7',
    proxyType: 1,
    status: true,
    trafficLimitKB: 0,
    createdAtUtcMs: Date.UTC(2025, 1, 12, 16, 2, 48),
    profile: { meanKB: 1.2 * KB_PER_GB, peakHourUtc: 23, swing: 0.35, weekendFactor: 1.3, quietHoursUtc: [] },
  },
  {
    username: 'heidi_mob',
    password: 'Demo-pass-H8',
    proxyType: 3,
    status: true,
    trafficLimitKB: 80 * KB_PER_GB,
    createdAtUtcMs: Date.UTC(2025, 2, 3, 9, 45, 0),
    profile: { meanKB: 90 * KB_PER_MB, peakHourUtc: 8, swing: 0.7, weekendFactor: 0.8, quietHoursUtc: [21, 22, 23] },
  },
  {
    username: 'ivan_mob',
    password: 'Demo-pass-I9',
    proxyType: 3,
    status: true,
    trafficLimitKB: 250 * KB_PER_GB,
    createdAtUtcMs: Date.UTC(2025, 3, 22, 13, 30, 30),
    profile: { meanKB: 200 * KB_PER_MB, peakHourUtc: 12, swing: 0.25, weekendFactor: 1, quietHoursUtc: [] },
  },
];

const BUILT_IN_USERS: ReadonlyMap<string, DemoUser> = new Map(
  [...USERS, ...SECOND_ACCOUNT_USERS].map((u) => [u.username, u]),
);

/** A built-in user of either account, or a generated user (whose name says all about it). */
export function findUser(username: string): DemoUser | undefined {
  return BUILT_IN_USERS.get(username) ?? generatedUserNamed(username);
}
