import { errorFromCode, type AnswerDetail, type ApiError } from './errors';
import { parseHourKey, type HourKey } from '@/utils/time/hour-keys';
import { isDayKey, type DayKey } from '@/utils/time/day-keys';
import type { Result } from '@/utils/base/result';
import { kb, mb, type Kb, type Mb } from '@/utils/base/units';
import { isRecord } from '@/utils/base/is-record';
import { money, type Money } from '@/utils/base/money';

/** One hour of one proxy user's traffic: the hourly endpoint speaks KB. */
export interface HourRow {
  readonly hour: HourKey;
  readonly kb: Kb;
}

/** `proxy-users/usage-statistics-hour`: every amount in KB. */
export interface HourlyUsage {
  /** Sorted by hour, one row per hour. */
  readonly rows: readonly HourRow[];
  /** The user's traffic limit, 0 = none; null when the API left it out. */
  readonly trafficLimitKb: Kb | null;
  readonly trafficBalanceKb: Kb | null;
  readonly totalUsageKb: Kb | null;
}

/** One day of one proxy user's traffic: the daily endpoint speaks KB, like the hourly one. */
export interface DayRow {
  readonly day: DayKey;
  readonly kb: Kb;
}

/**
 * `proxy-users/usage-statistics`: a user's days, in KB. A day the answer leaves out had no
 * traffic; whether a day is in the range asked is for the caller, which knows the range.
 */
export interface DailyAnswer {
  /** Sorted by day, one row per day. */
  readonly rows: readonly DayRow[];
}

/** One entry of `proxy-users/user-list`, whose field table gives limit and usage in MB. */
export interface ProxyUser {
  readonly username: string;
  readonly enabled: boolean;
  /** 0 = no limit. */
  readonly trafficLimitMb: Mb | null;
  readonly usageMb: Mb | null;
}

export interface UserList {
  readonly users: readonly ProxyUser[];
}

/** `account/traffic-balance`: the balance in MB. */
export interface AccountBalance {
  readonly balanceMb: Mb;
  readonly expiresOn: string | null;
}

/**
 * `account/wallet-balance`: money in the account's wallet. The API names no currency; Thordata
 * prices in USD, so it is USD whatever currency the user's prices are in.
 */
export interface WalletBalance {
  readonly usd: Money;
}

type Parsed<T> = Result<T, ApiError>;

function malformed(detail: AnswerDetail): { ok: false; error: ApiError } {
  return { ok: false, error: { kind: 'malformed', detail } };
}

const NUMERIC_TEXT = /^\s*\d+(\.\d+)?\s*$/;

/**
 * No real figure comes near this (10^12 KB is about a petabyte in an hour). A larger one
 * (`1e300`, say) is a broken answer, and would turn every sum it joins into Infinity.
 */
export const MAX_PLAUSIBLE_AMOUNT = 1e12;

/** A non-negative, plausible amount, accepting numeric strings; null for anything else. */
export function readAmount(value: unknown): number | null {
  const number = typeof value === 'number' ? value : typeof value === 'string' && NUMERIC_TEXT.test(value) ? Number(value) : NaN;
  return Number.isFinite(number) && number >= 0 && number <= MAX_PLAUSIBLE_AMOUNT ? number : null;
}

function readKb(value: unknown): Kb | null {
  const amount = readAmount(value);
  return amount === null ? null : kb(amount);
}

function readMb(value: unknown): Mb | null {
  const amount = readAmount(value);
  return amount === null ? null : mb(amount);
}

function describeBody(body: string): AnswerDetail {
  const start = body.trimStart().slice(0, 15).toLowerCase();
  if (start.startsWith('<')) return { kind: 'html-page' };
  if (start.startsWith('{') || start.startsWith('[')) return { kind: 'incomplete-json' };
  if (body.trim() === '') return { kind: 'empty-body' };
  return { kind: 'not-json' };
}

/**
 * Reads Thordata's `{ code, data, msg }` envelope. The HTTP status may be 200 while
 * `code` reports an error, so the body's code wins when present and not 200.
 */
export function readEnvelope(status: number, body: string, username: string | null): Parsed<unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    if (status < 200 || status >= 300) return { ok: false, error: errorFromCode(status, '', username) };
    return { ok: false, error: { kind: 'unreadable', detail: describeBody(body) } };
  }
  const code = isRecord(parsed) ? readAmount(parsed.code) : null;
  const apiMessage = isRecord(parsed) && typeof parsed.msg === 'string' ? parsed.msg : '';
  if (code !== null && code !== 200) return { ok: false, error: errorFromCode(code, apiMessage, username) };
  if (status < 200 || status >= 300) return { ok: false, error: errorFromCode(status, apiMessage, username) };
  if (!isRecord(parsed) || code === null) return { ok: false, error: { kind: 'unreadable', detail: { kind: 'no-result-code' } } };
  return { ok: true, value: parsed.data };
}

/**
 * Hourly rows, validated. One bad row rejects the whole answer: showing a wrong
 * number is worse than showing the last good one. Repeated hours keep the larger
 * value, so a repeated row is never counted twice.
 */
export function parseHourlyUsage(data: unknown): Parsed<HourlyUsage> {
  if (!isRecord(data)) return malformed({ kind: 'no-data-object' });
  const list = data.data;
  if (!Array.isArray(list)) return malformed({ kind: 'no-hourly-rows' });
  const byHour = new Map<HourKey, Kb>();
  for (const row of list) {
    if (!isRecord(row) || typeof row.date !== 'string' || !parseHourKey(row.date)) {
      return malformed({ kind: 'invalid-row-date' });
    }
    const usage = readKb(row.usage_traffic);
    if (usage === null) return malformed({ kind: 'invalid-figure', date: row.date });
    byHour.set(row.date, kb(Math.max(usage, byHour.get(row.date) ?? 0)));
  }
  const rows = [...byHour.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([hour, usage]) => ({ hour, kb: usage }));
  return {
    ok: true,
    value: {
      rows,
      trafficLimitKb: readKb(data.traffic_limit),
      trafficBalanceKb: readKb(data.traffic_balance),
      totalUsageKb: readKb(data.total_usage_traffic),
    },
  };
}

/**
 * Daily rows, validated like the hourly ones: one bad row rejects the answer, a repeated day
 * keeps the larger value, and the order the API sent them in does not matter.
 */
export function parseDailyUsage(data: unknown): Parsed<DailyAnswer> {
  if (!isRecord(data)) return malformed({ kind: 'no-data-object' });
  const list = data.data;
  if (!Array.isArray(list)) return malformed({ kind: 'no-daily-rows' });
  const byDay = new Map<DayKey, Kb>();
  for (const row of list) {
    if (!isRecord(row) || typeof row.date !== 'string' || !isDayKey(row.date)) return malformed({ kind: 'invalid-day-row-date' });
    const usage = readKb(row.usage_traffic);
    if (usage === null) return malformed({ kind: 'invalid-figure', date: row.date });
    byDay.set(row.date, kb(Math.max(usage, byDay.get(row.date) ?? 0)));
  }
  const rows = [...byDay.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([day, usage]) => ({ day, kb: usage }));
  return { ok: true, value: { rows } };
}

/** Proxy users without their passwords: those are never kept. Limits and usage are MB here. */
export function parseUserList(data: unknown): Parsed<UserList> {
  if (!isRecord(data) || !Array.isArray(data.list)) return malformed({ kind: 'no-user-list' });
  const users: ProxyUser[] = [];
  for (const item of data.list) {
    if (!isRecord(item) || typeof item.username !== 'string' || item.username.trim() === '') {
      return malformed({ kind: 'nameless-user' });
    }
    users.push({
      username: item.username,
      enabled: item.status !== false && item.status !== 0 && item.status !== '0',
      trafficLimitMb: readMb(item.traffic_limit),
      usageMb: readMb(item.usage_traffic),
    });
  }
  return { ok: true, value: { users } };
}

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}/;

export function parseAccountBalance(data: unknown): Parsed<AccountBalance> {
  if (!isRecord(data)) return malformed({ kind: 'no-data-object' });
  const balanceMb = readMb(data.traffic_balance);
  if (balanceMb === null) return malformed({ kind: 'no-traffic-balance' });
  const expiry = data.expiration_time;
  const expiresOn = typeof expiry === 'string' && DATE_PATTERN.test(expiry) ? expiry.slice(0, 10) : null;
  return { ok: true, value: { balanceMb, expiresOn } };
}

/**
 * The documentation names the field `wallet_balance`; Thordata's own SDKs read `balance`. The
 * documented name wins when both are there.
 */
export function parseWalletBalance(data: unknown): Parsed<WalletBalance> {
  if (!isRecord(data)) return malformed({ kind: 'no-data-object' });
  const amount = readAmount(data.wallet_balance ?? data.balance);
  if (amount === null) return malformed({ kind: 'no-wallet-balance' });
  return { ok: true, value: { usd: money(amount) } };
}
