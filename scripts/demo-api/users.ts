// The demo account's proxy users (sub-accounts). Fixed data so demos, screenshots and tests
// always see the same people; each has a traffic profile the traffic model turns into hours.

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

export function findUser(username: string): DemoUser | undefined {
  return USERS.find((u) => u.username === username);
}

export function usersOfType(proxyType: ProxyType): DemoUser[] {
  return USERS.filter((u) => u.proxyType === proxyType);
}
