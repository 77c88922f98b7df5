import type { AccountBalance, DailyAnswer, HourlyUsage, UserList, WalletBalance } from '@/utils/api/answers';
import type { ApiError } from '@/utils/api/errors';
import type { Result } from '@/utils/base/result';
import type { ThordataClient } from '@/utils/api/thordata-client';
import { kb } from '@/utils/base/units';

export interface HourlyCall {
  readonly username: string;
  readonly from: string;
  readonly to: string;
  readonly at: number;
}

/** A call of the daily endpoint: the same shape, with days for hours. */
export type DailyCall = HourlyCall;

type HourlyAnswer = (call: HourlyCall) => Result<HourlyUsage, ApiError>;
type DailyScript = (call: DailyCall) => Result<DailyAnswer, ApiError>;

const unusable = { ok: false, error: { kind: 'malformed', detail: { kind: 'no-data-object' } } } as const;

/**
 * A client whose answers a test scripts, recording every call with the fake clock's time. The
 * daily endpoint answers no traffic unless `daily` says otherwise.
 */
export function scriptedClient(answer: HourlyAnswer, clock: { now: () => number }, daily: DailyScript = () => days([])) {
  const calls: HourlyCall[] = [];
  const dailyCalls: DailyCall[] = [];
  const notUsed = (): Promise<Result<never, ApiError>> => Promise.resolve(unusable);
  const client: ThordataClient = {
    hourlyUsage: async ({ username, from, to }) => {
      const call = { username, from, to, at: clock.now() };
      calls.push(call);
      return answer(call);
    },
    dailyUsage: async ({ username, from, to }) => {
      const call = { username, from, to, at: clock.now() };
      dailyCalls.push(call);
      return daily(call);
    },
    userList: notUsed as () => Promise<Result<UserList, ApiError>>,
    accountBalance: notUsed as () => Promise<Result<AccountBalance, ApiError>>,
    walletBalance: notUsed as () => Promise<Result<WalletBalance, ApiError>>,
  };
  return { client, calls, dailyCalls };
}

/** A clock that only moves when told: sleeping advances it instantly. */
export function fakeClock(start: number) {
  let current = start;
  return {
    now: () => current,
    advance: (ms: number) => {
      current += ms;
    },
    sleep: async (ms: number) => {
      current += ms;
    },
  };
}

export function hourly(rows: Array<[string, number]>): Result<HourlyUsage, ApiError> {
  return {
    ok: true,
    value: {
      rows: rows.map(([hour, usage]) => ({ hour, kb: kb(usage) })),
      trafficLimitKb: kb(0),
      trafficBalanceKb: kb(0),
      totalUsageKb: null,
    },
  };
}

export function days(rows: Array<[string, number]>): Result<DailyAnswer, ApiError> {
  return { ok: true, value: { rows: rows.map(([day, usage]) => ({ day, kb: kb(usage) })) } };
}
