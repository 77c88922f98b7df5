// The JSON the Thordata API answers with: `{ code, data, msg }`, codes and messages from
// shared/thordata-api.md, and the `data` shapes of the endpoints the mock serves. The endpoints
// disagree on units (the documentation's "Units, endpoint by endpoint"): each shape below says
// its unit, and the mock keeps to it, so a client passing a figure across without converting it
// shows a 1024× error here as it would against the real API. Both units are binary: 1 KB = 1024
// bytes, 1 MB = 1024 KB.

export const OK_CODE = 200;

export type ErrorCode = 10000 | 10011 | 10013 | 10014 | 10020 | 10021;

export const ERROR_MESSAGES: Readonly<Record<ErrorCode, string>> = {
  10000: 'parameter error',
  10011: 'too frequent, try later',
  10013: 'sign error',
  10014: 'apiKey error',
  10020: 'username does not exist',
  10021: 'query date cannot exceed 180 days',
};

export interface ApiAnswer {
  readonly code: number;
  readonly data: unknown;
  readonly msg: string;
}

/** A row of the usage endpoints (hourly, daily, account); `usage_traffic` in KB. */
export interface UsageRow {
  readonly date: string;
  /** KB. */
  readonly usage_traffic: number;
}

/** `proxy-users/usage-statistics-hour` and `proxy-users/usage-statistics`: every amount in KB. */
export interface ProxyUserUsageData {
  /** KB; 0 = no limit. */
  readonly traffic_limit: number;
  /** KB, lifetime. */
  readonly total_usage_traffic: number;
  /** KB; 0 for a user without a limit. */
  readonly traffic_balance: number;
  readonly query_days: number;
  /** KB. */
  readonly range_usage_traffic: number;
  readonly data: readonly UsageRow[];
}

/** One entry of `proxy-users/user-list`: amounts in MB, not KB like the usage endpoints. */
export interface UserListItem {
  readonly created_time: string;
  readonly username: string;
  readonly password: string;
  readonly status: boolean;
  /** MB ("proxy user traffic limit (MB), 0 = no limit"). */
  readonly traffic_limit: number;
  /** MB ("proxy user total usage (MB)"), lifetime. */
  readonly usage_traffic: number;
}

/** `proxy-users/user-list`: `limit`/`remaining_limit` count sub-user slots; amounts in MB. */
export interface UserListData {
  readonly limit: number;
  readonly remaining_limit: number;
  readonly user_count: number;
  readonly list: readonly UserListItem[];
}

/** `account/traffic-balance`: the balance in MB. */
export interface TrafficBalanceData {
  /** MB. */
  readonly traffic_balance: number;
  readonly expiration_time: string;
}

/**
 * `account/wallet-balance`: the money in the account's wallet. The documentation names no
 * currency; Thordata prices in USD. (Thordata's SDKs read `balance`; the page says `wallet_balance`.)
 */
export interface WalletBalanceData {
  /** USD. */
  readonly wallet_balance: number;
}

/** `account/usage-statistics`: amounts in KB. */
export interface AccountUsageData {
  readonly query_days: number;
  /** KB. */
  readonly range_usage_traffic: number;
  readonly data: readonly UsageRow[];
}

export function okAnswer(data: unknown): ApiAnswer {
  return { code: OK_CODE, data, msg: 'ok' };
}

export function errorAnswer(code: ErrorCode): ApiAnswer {
  return { code, data: null, msg: ERROR_MESSAGES[code] };
}
