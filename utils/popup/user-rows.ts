import { accountFigures, type AccountSnapshot } from '@/utils/account/account-snapshot';
import type { ApiError } from '@/utils/api/errors';
import { recentHourKeys } from '@/utils/time/hour-keys';
import type { PollStatus } from '@/utils/poll/status';
import type { ProxyType } from '@/utils/api/thordata-client';
import type { Settings } from '@/utils/settings/model';
import { watchKey, type WatchKey } from '@/utils/settings/watched';
import { userUsage, type UsageCache } from '@/utils/usage/cache';
import { kb, mbToKb, type Kb } from '@/utils/base/units';

/** One watched user as the popup lists it. */
export interface UserRow {
  readonly account: string;
  readonly proxyType: ProxyType;
  readonly username: string;
  readonly key: WatchKey;
  readonly currentKb: Kb;
  /** Share of all watched users' traffic this hour, 0–1 (0 when there is none). */
  readonly share: number;
  /** The last hours, oldest first, for a mini trend. */
  readonly trend: readonly Kb[];
  readonly limitKb: Kb | null;
  readonly balanceKb: Kb | null;
  /** Whether any answer for this user ever arrived: without one, its 0 would be a claim. */
  readonly hasFigures: boolean;
  /** Why its last request failed, if it did; its last figures still count. */
  readonly failure: ApiError | null;
}

export const TREND_HOURS = 12;

export function userRows(
  cache: UsageCache,
  settings: Settings,
  status: PollStatus,
  account: AccountSnapshot,
  now: number,
): UserRow[] {
  const hours = recentHourKeys(now, TREND_HOURS, settings.apiTimezone);
  const current = hours[hours.length - 1] ?? '';
  const rows = settings.watched.map(({ account: id, proxyType, username }) => {
    const key = watchKey({ account: id, proxyType, username });
    const usage = userUsage(cache, key);
    const listed = accountFigures(account, id).users[key];
    return {
      account: id,
      proxyType,
      username,
      key,
      currentKb: usage.hours[current] ?? kb(0),
      trend: hours.map((hour) => usage.hours[hour] ?? kb(0)),
      // The hourly answer's figures (KB) are fresher than user-list's (MB); either will do.
      limitKb: usage.trafficLimitKb ?? (listed?.trafficLimitMb == null ? null : mbToKb(listed.trafficLimitMb)),
      balanceKb: usage.trafficBalanceKb,
      hasFigures: usage.fetchedAt !== null,
      failure: status.userFailures[key]?.error ?? null,
    };
  });
  const total = rows.reduce((sum, row) => sum + row.currentKb, 0);
  return rows.map((row) => ({ ...row, share: total > 0 ? row.currentKb / total : 0 }));
}
