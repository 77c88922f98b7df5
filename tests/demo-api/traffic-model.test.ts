import { describe, expect, it } from 'vitest';
import {
  fullHourUsageKB,
  hourUsageKB,
  isSpikeHour,
  lifetimeUsageKB,
  usageBetweenKB,
} from '../../scripts/demo-api/traffic-model.js';
import { floorToHour } from '../../scripts/demo-api/time-keys.js';
import { HOUR_MS, MINUTE_MS } from '../../utils/base/durations.js';
import { KB_PER_GB, KB_PER_MB } from '../../utils/base/units.js';
import { USERS, findUser } from '../../scripts/demo-api/users.js';

const NOW = Date.UTC(2025, 6, 1, 10, 30);
const clock = { now: () => NOW };
const HOUR = floorToHour(NOW);

function hoursBefore(end: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => end - (i + 1) * HOUR_MS);
}

describe('demo users', () => {
  it('are the fixed list, by proxy type', () => {
    expect(USERS.map((u) => [u.username, u.proxyType])).toEqual([
      ['alice_res', 1],
      ['bob_scraper', 1],
      ['carol_eu', 1],
      ['dave_unl', 2],
      ['erin_mobile', 3],
    ]);
    expect(USERS.some((u) => u.trafficLimitKB === 0)).toBe(true);
    expect(USERS.every((u) => u.status && u.password.length > 0)).toBe(true);
  });
});

describe('hourUsageKB', () => {
  it('is deterministic and has at most two decimals', () => {
    for (const user of USERS) {
      for (const hour of hoursBefore(HOUR, 48)) {
        const value = hourUsageKB(user.username, hour, clock);
        expect(hourUsageKB(user.username, hour, clock)).toBe(value);
        expect(Math.round(value * 100) / 100).toBe(value);
      }
    }
  });

  it('keeps ordinary hours between about 50 MB and 6 GB', () => {
    for (const user of USERS) {
      const ordinary = hoursBefore(HOUR, 24 * 30)
        .filter((h) => !isSpikeHour(user.username, h))
        .map((h) => fullHourUsageKB(user.username, h))
        .filter((v) => v > 0);
      expect(Math.min(...ordinary)).toBeGreaterThan(45 * KB_PER_MB);
      expect(Math.max(...ordinary)).toBeLessThan(6 * KB_PER_GB);
    }
  });

  it('spikes in about 3% of hours, by 4 to 8 times', () => {
    const hours = hoursBefore(HOUR, 24 * 365);
    const spikes = hours.filter((h) => isSpikeHour('alice_res', h));
    expect(spikes.length / hours.length).toBeGreaterThan(0.02);
    expect(spikes.length / hours.length).toBeLessThan(0.04);
  });

  it('has silent night hours (01-04 UTC) for carol_eu only', () => {
    const day = Date.UTC(2025, 5, 30);
    const carol = [1, 2, 3, 4].map((h) => hourUsageKB('carol_eu', day + h * HOUR_MS, clock));
    expect(carol).toEqual([0, 0, 0, 0]);
    expect(hourUsageKB('carol_eu', day, clock)).toBeGreaterThan(0);
    expect(hourUsageKB('alice_res', day + 2 * HOUR_MS, clock)).toBeGreaterThan(0);
  });

  it('is 0 for hours after now', () => {
    expect(hourUsageKB('alice_res', HOUR + HOUR_MS, clock)).toBe(0);
    expect(fullHourUsageKB('alice_res', HOUR + HOUR_MS)).toBeGreaterThan(0);
  });

  it('grows the current hour minute by minute up to the full value', () => {
    const full = fullHourUsageKB('bob_scraper', HOUR);
    const at = (minute: number, second = 0): number =>
      hourUsageKB('bob_scraper', HOUR, { now: () => HOUR + minute * MINUTE_MS + second * 1000 });
    expect(at(0)).toBe(Math.round((full / 60) * 100) / 100);
    expect(at(29, 59)).toBe(Math.round(((full * 30) / 60) * 100) / 100);
    expect(at(30)).toBe(Math.round(((full * 31) / 60) * 100) / 100);
    const minutes = Array.from({ length: 60 }, (_, m) => at(m));
    minutes.slice(1).forEach((v, i) => expect(v).toBeGreaterThan(minutes[i] ?? Infinity));
    expect(at(59)).toBe(full);
    expect(hourUsageKB('bob_scraper', HOUR, { now: () => HOUR + HOUR_MS })).toBe(full);
  });

  it('refuses instants that are not whole hours, and unknown users', () => {
    expect(() => hourUsageKB('alice_res', HOUR + 1, clock)).toThrow(RangeError);
    expect(() => hourUsageKB('mallory', HOUR, clock)).toThrow(RangeError);
  });
});

describe('lifetimeUsageKB', () => {
  it('is the sum of every hour since the user was created, current hour included', () => {
    const erin = findUser('erin_mobile');
    if (!erin) throw new Error('erin_mobile missing');
    const expected = usageBetweenKB(['erin_mobile'], floorToHour(erin.createdAtUtcMs), HOUR + HOUR_MS, clock);
    expect(lifetimeUsageKB('erin_mobile', clock)).toBe(expected);
    expect(expected).toBeGreaterThan(0);
  });

  it('is 0 before the user existed', () => {
    expect(lifetimeUsageKB('alice_res', { now: () => Date.UTC(2024, 0, 1) })).toBe(0);
  });
});
