// Generated proxy users for scale runs (e.g. 100 watched users over three accounts). Each one is
// a pure function of its name, so a name has the same status, limit and traffic on every run and
// in every process (a test computing the truth needs no access to the server), and the traffic
// model finds it by name without a registry.

import { unitHash } from './hash.js';
import { DAY_MS } from '../../utils/base/durations.js';
import { KB_PER_GB, KB_PER_MB } from '../../utils/base/units.js';
import type { DemoUser, ProxyType, TrafficProfile } from './users.js';

/** The most users of one proxy type an account may have, so one user-list answer holds them all. */
export const MAX_USERS_PER_TYPE = 100;

/** How many users to generate per proxy type, e.g. `{ 1: 40, 3: 10 }`. */
export type GeneratedUserCounts = Readonly<Partial<Record<ProxyType, number>>>;

const PROXY_TYPES: readonly ProxyType[] = [1, 2, 3];
const TYPE_LETTERS: Readonly<Record<ProxyType, string>> = { 1: 'r', 2: 'u', 3: 'm' };
const LETTER_TYPES: ReadonlyMap<string, ProxyType> = new Map(PROXY_TYPES.map((t) => [TYPE_LETTERS[t], t]));
const GENERATED_NAME = /^bulk([1-9]\d*)_([rum])(\d{3})$/;

/** Every tenth generated user is disabled, so lists at scale show both statuses predictably. */
const DISABLED_EVERY = 10;
/**
 * A user's limit is none (0) or this many times its average use in a 30-day cycle: 0.8 runs out
 * before the cycle ends, so scale runs show exhausted balances next to comfortable ones.
 */
const LIMIT_FACTORS: readonly number[] = [0, 0.8, 1.5, 3];
const HOURS_PER_CYCLE = 30 * 24;
const CREATED_FROM_UTC_MS = Date.UTC(2024, 9, 1);
const CREATED_SPAN_DAYS = 150;
/** One generated user in this many has a few silent hours, so omitted rows occur at scale too. */
const QUIET_ONE_IN = 4;

function requireIndex(index: number): void {
  if (!Number.isInteger(index) || index < 1 || index > MAX_USERS_PER_TYPE) {
    throw new RangeError(`generated user index must be 1..${MAX_USERS_PER_TYPE}, got ${index}`);
  }
}

/** e.g. (3, 1, 7) → 'bulk3_r007': the account's position (from 1), the product, the index. */
export function generatedUsername(accountNumber: number, proxyType: ProxyType, index: number): string {
  if (!Number.isInteger(accountNumber) || accountNumber < 1) {
    throw new RangeError(`account number must be a positive integer, got ${accountNumber}`);
  }
  requireIndex(index);
  return `bulk${accountNumber}_${TYPE_LETTERS[proxyType]}${String(index).padStart(3, '0')}`;
}

function profileFor(username: string): TrafficProfile {
  const h = (what: string): number => unitHash(`${username}|${what}`);
  const peakHourUtc = Math.floor(h('peak') * 24);
  const quiet = Math.floor(h('quiet') * QUIET_ONE_IN) === 0;
  return {
    meanKB: Math.round((60 + 740 * h('mean')) * KB_PER_MB),
    peakHourUtc,
    swing: Math.round((0.2 + 0.5 * h('swing')) * 100) / 100,
    weekendFactor: Math.round((0.5 + 0.8 * h('weekend')) * 100) / 100,
    quietHoursUtc: quiet ? [11, 12, 13].map((offset) => (peakHourUtc + offset) % 24) : [],
  };
}

/** Whole GB, as a limit set in the dashboard would be. */
function limitFor(username: string, profile: TrafficProfile): number {
  const factor = LIMIT_FACTORS[Math.floor(unitHash(`${username}|limit`) * LIMIT_FACTORS.length)] ?? 0;
  return Math.ceil((profile.meanKB * HOURS_PER_CYCLE * factor) / KB_PER_GB) * KB_PER_GB;
}

function generatedUser(username: string, proxyType: ProxyType, index: number): DemoUser {
  const profile = profileFor(username);
  const createdDay = Math.floor(unitHash(`${username}|created`) * CREATED_SPAN_DAYS);
  return {
    username,
    password: `Bulk-pass-${index}`,
    proxyType,
    status: index % DISABLED_EVERY !== 0,
    trafficLimitKB: limitFor(username, profile),
    createdAtUtcMs: CREATED_FROM_UTC_MS + createdDay * DAY_MS,
    profile,
  };
}

/** The generated user with this name, or undefined when the name is not one generatedUsername makes. */
export function generatedUserNamed(username: string): DemoUser | undefined {
  const match = GENERATED_NAME.exec(username);
  if (!match) return undefined;
  const [, , letter = '', digits = ''] = match;
  const proxyType = LETTER_TYPES.get(letter);
  const index = Number(digits);
  if (proxyType === undefined || index < 1 || index > MAX_USERS_PER_TYPE) return undefined;
  return generatedUser(username, proxyType, index);
}

/** The users `counts` asks for in the account at `accountNumber`: by proxy type, then index. */
export function generateUsers(accountNumber: number, counts: GeneratedUserCounts): DemoUser[] {
  return PROXY_TYPES.flatMap((proxyType) => {
    const count = counts[proxyType] ?? 0;
    if (!Number.isInteger(count) || count < 0 || count > MAX_USERS_PER_TYPE) {
      throw new RangeError(`generated users of proxy type ${proxyType} must be 0..${MAX_USERS_PER_TYPE}, got ${count}`);
    }
    return Array.from({ length: count }, (_, i) =>
      generatedUser(generatedUsername(accountNumber, proxyType, i + 1), proxyType, i + 1),
    );
  });
}
