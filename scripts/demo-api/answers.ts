// The JSON the Thordata API answers with: `{ code, data, msg }`, codes and messages from
// shared/thordata-api.md, and the `data` shapes of the endpoints the mock serves.

export const OK_CODE = 200;

export type ErrorCode = 10000 | 10011 | 10013 | 10020 | 10021;

export const ERROR_MESSAGES: Readonly<Record<ErrorCode, string>> = {
  10000: 'parameter error',
  10011: 'too frequent, try later',
  10013: 'sign error',
  10020: 'username does not exist',
  10021: 'query date cannot exceed 180 days',
};

export interface ApiAnswer {
  readonly code: number;
  readonly data: unknown;
  readonly msg: string;
}

export interface UsageRow {
  readonly date: string;
  readonly usage_traffic: number;
}

/** `proxy-users/usage-statistics-hour` and `proxy-users/usage-statistics`; all amounts in KB. */
export interface ProxyUserUsageData {
  readonly traffic_limit: number;
  readonly total_usage_traffic: number;
  readonly traffic_balance: number;
  readonly query_days: number;
  readonly range_usage_traffic: number;
  readonly data: readonly UsageRow[];
}

export interface UserListItem {
  readonly created_time: string;
  readonly username: string;
  readonly password: string;
  readonly status: boolean;
  readonly traffic_limit: number;
  readonly usage_traffic: number;
}

export interface UserListData {
  readonly limit: number;
  readonly remaining_limit: number;
  readonly user_count: number;
  readonly list: readonly UserListItem[];
}

/** `account/traffic-balance`: the balance is in MB, unlike every other amount. */
export interface TrafficBalanceData {
  readonly traffic_balance: number;
  readonly expiration_time: string;
}

export interface AccountUsageData {
  readonly query_days: number;
  readonly range_usage_traffic: number;
  readonly data: readonly UsageRow[];
}

export function okAnswer(data: unknown): ApiAnswer {
  return { code: OK_CODE, data, msg: 'ok' };
}

export function errorAnswer(code: ErrorCode): ApiAnswer {
  return { code, data: null, msg: ERROR_MESSAGES[code] };
}
