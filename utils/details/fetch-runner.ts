import { errorScope, type ApiError } from '@/utils/api/errors';
import type { FetchRefusal, FetchReply } from '@/utils/messages/messages';
import type { WatchKey } from '@/utils/settings/watched';
import type { DayFetchProgress } from './day-fetch-plan';

/** Why a request of a run was not answered with figures; the run goes on with what it concerns not. */
export type FetchFailure =
  /** Token, plan, network…: that account's remaining requests are dropped. */
  | { readonly kind: 'account'; readonly account: string; readonly error: ApiError }
  /** A user Thordata does not know, or whose answer was unusable: that user's remaining requests are dropped. */
  | { readonly kind: 'user'; readonly key: WatchKey; readonly error: ApiError }
  /** The background refused to ask: a user not watched (or without a token) is dropped; a span it would not send, that request alone. */
  | { readonly kind: 'refused'; readonly key: WatchKey; readonly reason: FetchRefusal }
  /** The background did not answer at all: every request after would fare the same, so the run ends. */
  | { readonly kind: 'no-answer' };

/** Where a run is, for the progress line. `progress` is read from what is stored (days) or answered (hours). */
export type RunState =
  | { readonly kind: 'running'; readonly progress: DayFetchProgress; readonly failures: readonly FetchFailure[] }
  /** Thordata asked to slow down: the same request goes again at `until` (epoch ms). */
  | { readonly kind: 'paused'; readonly until: number; readonly progress: DayFetchProgress; readonly failures: readonly FetchFailure[] }
  /** Ended with some requests dropped for the failures said. */
  | { readonly kind: 'stopped'; readonly progress: DayFetchProgress; readonly failures: readonly FetchFailure[] }
  | { readonly kind: 'cancelled'; readonly progress: DayFetchProgress; readonly failures: readonly FetchFailure[] }
  | { readonly kind: 'done'; readonly progress: DayFetchProgress };

/** What a run needs from outside: the way to the background, the clock, and the user's Cancel as `signal`. */
export interface RunDeps<Q, V> {
  /** One request through the background; rejects when no answer comes. */
  readonly send: (request: Q) => Promise<FetchReply<V>>;
  readonly keyOf: (request: Q) => WatchKey;
  readonly accountOf: (key: WatchKey) => string;
  /** Each answer's figures: the days are stored by the background already; the hours are the page's to keep. */
  readonly onAnswer?: (request: Q, value: V) => void;
  /** How far the run is, read again after each answer. */
  readonly progress: () => DayFetchProgress | Promise<DayFetchProgress>;
  /** Resolves after `ms`, or at once when `signal` aborts. */
  readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  readonly now: () => number;
  readonly signal: AbortSignal;
  readonly onState: (state: RunState) => void;
}

/** After a rate limit the same request goes again after 5, 10, 20, 40 s, then every minute. */
const RATE_LIMIT_WAITS_MS: readonly number[] = [5_000, 10_000, 20_000, 40_000];
const RATE_LIMIT_LAST_WAIT_MS = 60_000;

/** The wait before the `attempt`-th retry (0 first) of a request Thordata rate-limited. */
export function rateLimitWait(attempt: number): number {
  return RATE_LIMIT_WAITS_MS[attempt] ?? RATE_LIMIT_LAST_WAIT_MS;
}

/** What a failed or refused reply drops: `null` for an answer with figures. */
function failureOf<V>(reply: FetchReply<V>, key: WatchKey, account: string): FetchFailure | null {
  if (reply.kind === 'done') return null;
  if (reply.kind === 'refused') return { kind: 'refused', key, reason: reply.reason };
  return errorScope(reply.error) === 'account' ? { kind: 'account', account, error: reply.error } : { kind: 'user', key, error: reply.error };
}

/**
 * Sends `requests` one at a time, each awaited before the next (the background's queue spaces
 * them among its polls). A rate limit pauses and resends the same request by itself; an account's
 * failure drops its remaining requests, a user's failure that user's; the others go on.
 * Cancelling (`signal`) stops sending: an answer already on its way is still stored by the background.
 */
export async function runFetches<Q, V>(requests: readonly Q[], deps: RunDeps<Q, V>): Promise<RunState> {
  const failures: FetchFailure[] = [];
  const stoppedAccounts = new Set<string>();
  const droppedUsers = new Set<WatchKey>();
  let progress = await deps.progress();
  const report = (state: RunState): RunState => {
    deps.onState(state);
    return state;
  };
  const cancelled = () => report({ kind: 'cancelled', progress, failures: [...failures] });

  for (const request of requests) {
    const key = deps.keyOf(request);
    const account = deps.accountOf(key);
    if (stoppedAccounts.has(account) || droppedUsers.has(key)) continue;
    if (deps.signal.aborted) return cancelled();
    report({ kind: 'running', progress, failures: [...failures] });
    let reply: FetchReply<V>;
    for (let attempt = 0; ; attempt += 1) {
      try {
        reply = await deps.send(request);
      } catch {
        failures.push({ kind: 'no-answer' });
        return report({ kind: 'stopped', progress, failures: [...failures] });
      }
      if (deps.signal.aborted) return cancelled();
      if (reply.kind !== 'failed' || reply.error.kind !== 'rate-limited') break;
      const wait = rateLimitWait(attempt);
      report({ kind: 'paused', until: deps.now() + wait, progress, failures: [...failures] });
      await deps.sleep(wait, deps.signal).catch(() => undefined);
      if (deps.signal.aborted) return cancelled();
      report({ kind: 'running', progress, failures: [...failures] });
    }
    const failure = failureOf(reply, key, account);
    if (reply.kind === 'done') deps.onAnswer?.(request, reply.value);
    if (failure?.kind === 'account') stoppedAccounts.add(account);
    if (failure?.kind === 'user' || (failure?.kind === 'refused' && failure.reason === 'not-watched')) droppedUsers.add(key);
    if (failure !== null) failures.push(failure);
    progress = await deps.progress();
  }
  if (deps.signal.aborted) return cancelled();
  return report(failures.length > 0 ? { kind: 'stopped', progress, failures } : { kind: 'done', progress });
}
