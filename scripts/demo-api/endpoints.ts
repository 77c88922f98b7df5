// The mocked Thordata endpoints: query parameters in, `{ code, data, msg }` out. The `token`
// picks the account every figure comes from. Checks run in a fixed order: token (10000 missing,
// 10013 no such account), then parameter format (10000), then usernames of that account (10020),
// then the 180-day limits (10021).

import { accountUsersOfType, buildAccounts, type DemoAccount } from './accounts.js';

import {
  errorAnswer,
  okAnswer,
  type AccountUsageData,
  type ApiAnswer,
  type ErrorCode,
  type ProxyUserUsageData,
  type TrafficBalanceData,
  type UsageRow,
  type UserListData,
  type WalletBalanceData,
} from './answers.js';
import { seededShuffle } from './hash.js';
import {
  checkSpanLimits,
  readAccount,
  readDaySpan,
  readHourSpan,
  readProxyType,
  readUsernames,
  type Checked,
  type Span,
} from './params.js';
import { accountBalanceMB, planCycle, userBalanceKB } from './plan.js';
import { dayStartAt, floorToHour, formatDateTime, formatDayKey, formatHourKey } from './time-keys.js';
import { DAY_MS, HOUR_MS } from '../../utils/base/durations.js';
import { hourUsageKB, kbToMB, lifetimeUsageKB, sumKB, usageBetweenKB, type Clock } from './traffic-model.js';
import type { DemoUser } from './users.js';

export interface RequestContext {
  /** The first account's token; used only when `accounts` is absent. */
  readonly token: string;
  /** Every account the API serves; default: the built-in ones, the first under `token`. */
  readonly accounts?: readonly DemoAccount[];
  readonly offsetMinutes: number;
  /** Frozen at the request's arrival so one answer is consistent with itself. */
  readonly clock: Clock;
  readonly shuffleRows: boolean;
  /** Seeds the row shuffle, so the same request gets the same order. */
  readonly shuffleSeed: string;
}

export interface Served {
  readonly answer: ApiAnswer;
  /** The usage rows the hourly endpoint served, for the request log. */
  readonly rows?: readonly UsageRow[];
}

export type Endpoint = (params: URLSearchParams, ctx: RequestContext) => Served;

const failWith = (code: ErrorCode): Served => ({ answer: errorAnswer(code) });

function accountOf(params: URLSearchParams, ctx: RequestContext): Checked<DemoAccount> {
  return readAccount(params, ctx.accounts ?? buildAccounts({ token: ctx.token }));
}

function ordered(rows: UsageRow[], ctx: RequestContext): UsageRow[] {
  return ctx.shuffleRows ? seededShuffle(rows, ctx.shuffleSeed) : rows;
}

/** Hours after the current one and hours without traffic are left out, as the real API may do. */
function hourRows(user: DemoUser, span: Span, ctx: RequestContext): UsageRow[] {
  const end = Math.min(span.toUtcMs, floorToHour(ctx.clock.now()) + HOUR_MS);
  const rows: UsageRow[] = [];
  for (let t = span.fromUtcMs; t < end; t += HOUR_MS) {
    const usage = hourUsageKB(user.username, t, ctx.clock);
    if (usage > 0) rows.push({ date: formatHourKey(t, ctx.offsetMinutes), usage_traffic: usage });
  }
  return rows;
}

function dayRows(usernames: readonly string[], span: Span, ctx: RequestContext): UsageRow[] {
  const end = Math.min(span.toUtcMs, dayStartAt(ctx.clock.now(), ctx.offsetMinutes) + DAY_MS);
  const rows: UsageRow[] = [];
  for (let t = span.fromUtcMs; t < end; t += DAY_MS) {
    const usage = usageBetweenKB(usernames, t, t + DAY_MS, ctx.clock);
    if (usage > 0) rows.push({ date: formatDayKey(t, ctx.offsetMinutes), usage_traffic: usage });
  }
  return rows;
}

interface UsageQuery {
  readonly account: DemoAccount;
  readonly users: readonly DemoUser[];
  readonly span: Span;
}

/** Several users' figures are summed; the limit is 0 (none) if any of them is unlimited. */
function usageData(query: UsageQuery, rows: UsageRow[], ctx: RequestContext): ProxyUserUsageData {
  const { users, span, account } = query;
  const unlimited = users.some((u) => u.trafficLimitKB === 0);
  return {
    traffic_limit: unlimited ? 0 : sumKB(users.map((u) => u.trafficLimitKB)),
    total_usage_traffic: sumKB(users.map((u) => lifetimeUsageKB(u.username, ctx.clock))),
    traffic_balance: sumKB(users.map((u) => userBalanceKB(u, ctx.clock, account.plan))),
    query_days: span.queryDays,
    range_usage_traffic: sumKB(rows.map((r) => r.usage_traffic)),
    data: ordered(rows, ctx),
  };
}

function readUsageQuery(params: URLSearchParams, ctx: RequestContext, hourly: boolean): Checked<UsageQuery> {
  const account = accountOf(params, ctx);
  if (!account.ok) return account;
  const type = readProxyType(params);
  if (!type.ok) return type;
  const span = hourly ? readHourSpan(params, ctx.offsetMinutes) : readDaySpan(params, ctx.offsetMinutes);
  if (!span.ok) return span;
  const users = readUsernames(params, account.value, type.value, !hourly);
  if (!users.ok) return users;
  const limitError = checkSpanLimits(span.value, ctx.offsetMinutes, ctx.clock.now());
  if (limitError !== null) return { ok: false, code: limitError };
  return { ok: true, value: { account: account.value, users: users.value, span: span.value } };
}

function usageStatisticsHour(params: URLSearchParams, ctx: RequestContext): Served {
  const query = readUsageQuery(params, ctx, true);
  if (!query.ok) return failWith(query.code);
  const { users, span } = query.value;
  const data = usageData(query.value, users.flatMap((u) => hourRows(u, span, ctx)), ctx);
  return { answer: okAnswer(data), rows: data.data };
}

function usageStatisticsDay(params: URLSearchParams, ctx: RequestContext): Served {
  const query = readUsageQuery(params, ctx, false);
  if (!query.ok) return failWith(query.code);
  const { users, span } = query.value;
  const rows = dayRows(users.map((u) => u.username), span, ctx);
  return { answer: okAnswer(usageData(query.value, rows, ctx)) };
}

/** The model keeps KB; user-list is documented in MB, so its figures are converted here. */
function userList(params: URLSearchParams, ctx: RequestContext): Served {
  const account = accountOf(params, ctx);
  if (!account.ok) return failWith(account.code);
  const type = readProxyType(params);
  if (!type.ok) return failWith(type.code);
  const { userSlots, users } = account.value;
  const list = accountUsersOfType(account.value, type.value).map((u) => ({
    created_time: formatDateTime(u.createdAtUtcMs, ctx.offsetMinutes),
    username: u.username,
    password: u.password,
    status: u.status,
    traffic_limit: kbToMB(u.trafficLimitKB),
    usage_traffic: kbToMB(lifetimeUsageKB(u.username, ctx.clock)),
  }));
  const data: UserListData = {
    limit: userSlots,
    remaining_limit: userSlots - users.length,
    user_count: list.length,
    list,
  };
  return { answer: okAnswer(data) };
}

function trafficBalance(params: URLSearchParams, ctx: RequestContext): Served {
  const account = accountOf(params, ctx);
  if (!account.ok) return failWith(account.code);
  const { users, plan } = account.value;
  const data: TrafficBalanceData = {
    traffic_balance: accountBalanceMB(users, plan, ctx.clock),
    expiration_time: formatDayKey(planCycle(ctx.clock.now(), plan).endUtcMs, ctx.offsetMinutes),
  };
  return { answer: okAnswer(data) };
}

function walletBalance(params: URLSearchParams, ctx: RequestContext): Served {
  const account = accountOf(params, ctx);
  if (!account.ok) return failWith(account.code);
  const data: WalletBalanceData = { wallet_balance: account.value.walletUsd };
  return { answer: okAnswer(data) };
}

function accountUsage(params: URLSearchParams, ctx: RequestContext): Served {
  const account = accountOf(params, ctx);
  if (!account.ok) return failWith(account.code);
  const span = readDaySpan(params, ctx.offsetMinutes);
  if (!span.ok) return failWith(span.code);
  const limitError = checkSpanLimits(span.value, ctx.offsetMinutes, ctx.clock.now());
  if (limitError !== null) return failWith(limitError);
  const rows = dayRows(account.value.users.map((u) => u.username), span.value, ctx);
  const data: AccountUsageData = {
    query_days: span.value.queryDays,
    range_usage_traffic: sumKB(rows.map((r) => r.usage_traffic)),
    data: ordered(rows, ctx),
  };
  return { answer: okAnswer(data) };
}

/** Where the endpoints live, as in `https://openapi.thordata.com/api`. */
export const API_BASE_PATH = '/api';

/** Keyed by the full request path, base path included. */
export const ENDPOINTS: ReadonlyMap<string, Endpoint> = new Map<string, Endpoint>([
  [`${API_BASE_PATH}/proxy-users/usage-statistics-hour`, usageStatisticsHour],
  [`${API_BASE_PATH}/proxy-users/usage-statistics`, usageStatisticsDay],
  [`${API_BASE_PATH}/proxy-users/user-list`, userList],
  [`${API_BASE_PATH}/account/traffic-balance`, trafficBalance],
  [`${API_BASE_PATH}/account/wallet-balance`, walletBalance],
  [`${API_BASE_PATH}/account/usage-statistics`, accountUsage],
]);

/** A request path relative to the API base: '/api/account/traffic-balance' → 'account/traffic-balance'. */
export function endpointName(path: string): string {
  const prefix = `${API_BASE_PATH}/`;
  return path.startsWith(prefix) ? path.slice(prefix.length) : path;
}

/** The endpoints' paths relative to the API base (e.g. 'account/traffic-balance'), as faults name them. */
export const ENDPOINT_NAMES: readonly string[] = [...ENDPOINTS.keys()].map((path) => endpointName(path));
