import type { HourlyUsage, UserList, AccountBalance } from '@/utils/api/answers';
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

type HourlyAnswer = (call: HourlyCall) => Result<HourlyUsage, ApiError>;

/** A client whose answers a test scripts, recording every call with the fake clock's time. */
export function scriptedClient(answer: HourlyAnswer, clock: { now: () => number }) {
  const calls: HourlyCall[] = [];
  const notUsed = (): Promise<Result<never, ApiError>> =>
    Promise.resolve({ ok: false, error: { kind: 'malformed', detail: { kind: 'no-data-object' } } });
  const client: ThordataClient = {
    hourlyUsage: async ({ username, from, to }) => {
      const call = { username, from, to, at: clock.now() };
      calls.push(call);
      return answer(call);
    },
    userList: notUsed as () => Promise<Result<UserList, ApiError>>,
    accountBalance: notUsed as () => Promise<Result<AccountBalance, ApiError>>,
  };
  return { client, calls };
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
