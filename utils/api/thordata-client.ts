import {
  parseAccountBalance,
  parseDailyUsage,
  parseHourlyUsage,
  parseUserList,
  parseWalletBalance,
  readEnvelope,
  type AccountBalance,
  type DailyAnswer,
  type HourlyUsage,
  type UserList,
  type WalletBalance,
} from './answers';
import { clipText, type ApiError } from './errors';
import type { HourKey } from '@/utils/time/hour-keys';
import type { DayKey } from '@/utils/time/day-keys';
import { redact } from './redact';
import type { Result } from '@/utils/base/result';

/** 1 Residential, 2 Unlimited, 3 Mobile, as the API numbers them. */
export type ProxyType = 1 | 2 | 3;

export type FetchLike = (url: string, init: { signal: AbortSignal }) => Promise<{
  readonly status: number;
  text(): Promise<string>;
}>;

export interface ClientOptions {
  /** Validated beforehand (see origin.ts); no trailing slash. */
  readonly baseUrl: string;
  readonly token: string;
  readonly fetch: FetchLike;
  readonly timeoutMs?: number;
}

export interface ThordataClient {
  hourlyUsage(query: { proxyType: ProxyType; username: string; from: HourKey; to: HourKey }): Promise<Result<HourlyUsage, ApiError>>;
  /** One user's days from `from` to `to` (both included); the API refuses spans over 180 days (10021). */
  dailyUsage(query: { proxyType: ProxyType; username: string; from: DayKey; to: DayKey }): Promise<Result<DailyAnswer, ApiError>>;
  userList(query: { proxyType: ProxyType }): Promise<Result<UserList, ApiError>>;
  accountBalance(): Promise<Result<AccountBalance, ApiError>>;
  walletBalance(): Promise<Result<WalletBalance, ApiError>>;
}

export const DEFAULT_TIMEOUT_MS = 20_000;

function networkDetail(error: unknown, token: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return clipText(redact(`${message}${cause}`, token)) || 'network error';
}

export function createThordataClient(options: ClientOptions): ThordataClient {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  async function get(
    path: string,
    params: Record<string, string>,
    username: string | null,
  ): Promise<Result<unknown, ApiError>> {
    const query = new URLSearchParams({ token: options.token, ...params });
    const url = `${options.baseUrl}${path}?${query.toString()}`;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const response = await options.fetch(url, { signal: controller.signal });
      const body = await response.text();
      return readEnvelope(response.status, body, username);
    } catch (error) {
      if (controller.signal.aborted) return { ok: false, error: { kind: 'timeout', afterMs: timeoutMs } };
      return { ok: false, error: { kind: 'network', detail: networkDetail(error, options.token) } };
    } finally {
      clearTimeout(timer);
    }
  }

  /** Redacted before it is cut: a cut could leave part of the token that redaction would miss. */
  function redactError(error: ApiError): ApiError {
    if ('apiMessage' in error) return { ...error, apiMessage: clipText(redact(error.apiMessage, options.token)) };
    return error;
  }

  async function read<T>(
    path: string,
    params: Record<string, string>,
    username: string | null,
    parse: (data: unknown) => Result<T, ApiError>,
  ): Promise<Result<T, ApiError>> {
    const envelope = await get(path, params, username);
    const result = envelope.ok ? parse(envelope.value) : envelope;
    return result.ok ? result : { ok: false, error: redactError(result.error) };
  }

  return {
    hourlyUsage: ({ proxyType, username, from, to }) =>
      read(
        '/proxy-users/usage-statistics-hour',
        { proxy_type: String(proxyType), username, from_date: from, to_date: to },
        username,
        parseHourlyUsage,
      ),
    dailyUsage: ({ proxyType, username, from, to }) =>
      read(
        '/proxy-users/usage-statistics',
        { proxy_type: String(proxyType), username, from_date: from, to_date: to },
        username,
        parseDailyUsage,
      ),
    userList: ({ proxyType }) =>
      read('/proxy-users/user-list', { proxy_type: String(proxyType) }, null, parseUserList),
    accountBalance: () => read('/account/traffic-balance', {}, null, parseAccountBalance),
    walletBalance: () => read('/account/wallet-balance', {}, null, parseWalletBalance),
  };
}
