import type { Alert, AlertRule } from './evaluate';
import { isCycleKey } from './budget-rules';
import { DAY_MS } from '@/utils/base/durations';
import { FIRST_ACCOUNT_ID } from '@/utils/settings/model';

/** What already fired, by alert key; persisted so restarts and re-polls never repeat one. */
export interface AlertLog {
  readonly fired: Readonly<Record<string, { readonly at: number; readonly level: boolean }>>;
  /** When the rules were last evaluated: a long gap means the computer slept (evaluate.ts). */
  readonly evaluatedAt: number | null;
  /** Every hour ending at or before this instant has been judged on its final figure (evaluate.ts). */
  readonly judgedThrough: number | null;
}

export const EMPTY_ALERT_LOG: AlertLog = { fired: {}, evaluatedAt: null, judgedThrough: null };

/** Version 1 recorded only what fired. */
export function migrateAlertLogV1(old: Pick<AlertLog, 'fired'>): AlertLog {
  return { ...EMPTY_ALERT_LOG, fired: old.fired ?? {} };
}

/**
 * Version 2 keys named one account's users `proxyType:username` and its balance, plan and token
 * alerts without an account. Each becomes the first account's, so that nothing that fired
 * fires again after the update. A "polling broken" key stays too: it may have been the kind
 * that now concerns every account (offline), which keeps the unqualified key.
 */
export function migrateAlertLogV2(old: AlertLog): AlertLog {
  const first = FIRST_ACCOUNT_ID;
  const renamed = (key: string): string[] => {
    const [rule = '', ...rest] = key.split(':');
    const tail = rest.join(':');
    switch (rule) {
      case 'hourly-user':
      case 'user-balance':
        return [`${rule}:${first}/${tail}`];
      case 'account-balance':
        return [`${rule}:${first}`];
      case 'plan-expiry':
      case 'token-rejected':
        return [`${rule}:${first}:${tail}`];
      case 'polling-broken':
        return [key, `${rule}:${first}:${tail}`];
      default:
        return [key];
    }
  };
  const fired = Object.fromEntries(Object.entries(old.fired ?? {}).flatMap(([key, entry]) => renamed(key).map((name) => [name, entry])));
  return { ...EMPTY_ALERT_LOG, ...old, fired };
}

/** One cycle shows at most this many notifications; more become one summary. */
export const MAX_NOTIFICATIONS_PER_CYCLE = 3;

/** Hour and day keys older than this can never match again (their hour or day is past). */
const KEEP_MS = 8 * DAY_MS;
/**
 * A cycle lasts at most 31 days (and an hour, across a daylight-saving change): a cycle key that
 * fired on the cycle's first day must still be known on its last, or it would fire again.
 */
const CYCLE_KEEP_MS = 32 * DAY_MS;
/** At most this many hour and day keys are kept, the newest; cycle keys, a handful a cycle, are not counted. */
const MAX_ENTRIES = 500;

type LogEntry = AlertLog['fired'][string];

/** What to show now: single alerts, or one summary of several. */
export type AlertDelivery =
  | { readonly kind: 'single'; readonly alert: Alert }
  | { readonly kind: 'summary'; readonly alerts: readonly Alert[] };

/** The entries still able to match a candidate: level entries while their condition holds, the rest while their period may last. */
function stillMatching(log: AlertLog, active: ReadonlySet<string>, now: number): [string, LogEntry][] {
  return Object.entries(log.fired).filter(([key, entry]) =>
    entry.level ? active.has(key) : now - entry.at < (isCycleKey(key) ? CYCLE_KEEP_MS : KEEP_MS),
  );
}

/** The record bounded: every cycle key (many hourly keys must not push one out), and the newest others. */
function bounded(entries: readonly (readonly [string, LogEntry])[]): AlertLog['fired'] {
  const cycle = entries.filter(([key]) => isCycleKey(key));
  const others = entries.filter(([key]) => !isCycleKey(key)).sort(([, a], [, b]) => b.at - a.at);
  return Object.fromEntries([...cycle, ...others.slice(0, MAX_ENTRIES)]);
}

/**
 * Picks the alerts that have not fired yet, records them (with the keys each stands for),
 * re-arms balance alerts whose condition cleared, and keeps the record bounded. The alerts of a
 * snoozed rule are postponed: neither shown nor recorded, so they fire once the snooze is over
 * if still called for then.
 */
export function selectAlerts(
  candidates: readonly Alert[],
  log: AlertLog,
  now: number,
  snoozed: ReadonlySet<AlertRule> = new Set(),
): { deliveries: AlertDelivery[]; log: AlertLog } {
  const active = new Set(candidates.map((alert) => alert.key));
  const fresh = candidates.filter((alert) => log.fired[alert.key] === undefined && !snoozed.has(alert.kind));
  const kept = stillMatching(log, active, now);
  const known = new Set(kept.map(([key]) => key));
  const added = fresh.flatMap((alert) =>
    [alert.key, ...(alert.covers ?? [])].filter((key) => !known.has(key)).map((key) => [key, { at: now, level: alert.level }] as const),
  );
  const deliveries: AlertDelivery[] =
    fresh.length > MAX_NOTIFICATIONS_PER_CYCLE
      ? [{ kind: 'summary', alerts: fresh }]
      : fresh.map((alert) => ({ kind: 'single', alert }));
  return { deliveries, log: { ...log, fired: bounded([...kept, ...added]), evaluatedAt: now } };
}
