// Query-parameter checks shared by the endpoints. Each answers with the API's error code
// (10000 malformed, 10013 token, 10020 username, 10021 range) rather than throwing.

import { accountUser, findAccount, type DemoAccount } from './accounts.js';
import type { ErrorCode } from './answers.js';
import { dayStartAt, parseDayKey, parseHourKey } from './time-keys.js';
import { DAY_MS, HOUR_MS } from '../../utils/base/durations.js';
import type { DemoUser, ProxyType } from './users.js';

export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly code: ErrorCode };

export const MAX_QUERY_DAYS = 180;

const PROXY_TYPES: ReadonlyMap<string, ProxyType> = new Map([
  ['1', 1],
  ['2', 2],
  ['3', 3],
]);

const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const failed = <T>(code: ErrorCode): Checked<T> => ({ ok: false, code });

/** A queried period: whole hours or days in the API timezone. */
export interface Span {
  readonly fromUtcMs: number;
  /** Exclusive end: the start of the hour or day after `to_date`. */
  readonly toUtcMs: number;
  /** Calendar days (API timezone) the span touches, as the API reports in `query_days`. */
  readonly queryDays: number;
}

/** The account the `token` parameter names: 10000 when there is none, 10013 when no account has it. */
export function readAccount(params: URLSearchParams, accounts: readonly DemoAccount[]): Checked<DemoAccount> {
  const token = params.get('token');
  if (token === null || token === '') return failed(10000);
  const account = findAccount(accounts, token);
  return account === undefined ? failed(10013) : ok(account);
}

/** The documentation gives 1 (Residential) as the default, so a missing proxy_type is not an error. */
export function readProxyType(params: URLSearchParams): Checked<ProxyType> {
  const raw = params.get('proxy_type');
  if (raw === null) return ok(1);
  const type = PROXY_TYPES.get(raw);
  return type === undefined ? failed(10000) : ok(type);
}

function readSpan(
  params: URLSearchParams,
  offsetMinutes: number,
  parse: (key: string, offsetMinutes: number) => number | null,
  stepMs: number,
): Checked<Span> {
  const from = parse(params.get('from_date') ?? '', offsetMinutes);
  const to = parse(params.get('to_date') ?? '', offsetMinutes);
  if (from === null || to === null || from > to) return failed(10000);
  const queryDays = (dayStartAt(to, offsetMinutes) - dayStartAt(from, offsetMinutes)) / DAY_MS + 1;
  return ok({ fromUtcMs: from, toUtcMs: to + stepMs, queryDays });
}

export function readHourSpan(params: URLSearchParams, offsetMinutes: number): Checked<Span> {
  return readSpan(params, offsetMinutes, parseHourKey, HOUR_MS);
}

export function readDaySpan(params: URLSearchParams, offsetMinutes: number): Checked<Span> {
  return readSpan(params, offsetMinutes, parseDayKey, DAY_MS);
}

/** 10021 when the span covers more than 180 days or starts more than 180 days before today. */
export function checkSpanLimits(span: Span, offsetMinutes: number, nowUtcMs: number): ErrorCode | null {
  const daysBack = (dayStartAt(nowUtcMs, offsetMinutes) - dayStartAt(span.fromUtcMs, offsetMinutes)) / DAY_MS;
  return span.queryDays > MAX_QUERY_DAYS || daysBack > MAX_QUERY_DAYS ? 10021 : null;
}

/**
 * The `username` parameter: one name, or (when `several`) a comma-separated list, each of which
 * must be a user of `proxyType` in `account`: another account's user does not exist for this
 * token. Duplicates count once so a repeated name is not summed twice.
 */
export function readUsernames(
  params: URLSearchParams,
  account: DemoAccount,
  proxyType: ProxyType,
  several: boolean,
): Checked<DemoUser[]> {
  const raw = params.get('username');
  if (raw === null || raw.trim() === '') return failed(10000);
  const names = several ? raw.split(',').map((n) => n.trim()) : [raw];
  if (names.some((n) => n === '')) return failed(10000);
  const users: DemoUser[] = [];
  for (const name of new Set(names)) {
    const user = accountUser(account, name);
    if (!user || user.proxyType !== proxyType) return failed(10020);
    users.push(user);
  }
  return ok(users);
}
