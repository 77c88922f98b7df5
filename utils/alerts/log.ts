import type { Alert } from './evaluate';
import { DAY_MS } from '@/utils/base/durations';

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

/** One cycle shows at most this many notifications; more become one summary. */
export const MAX_NOTIFICATIONS_PER_CYCLE = 3;

/** Period keys older than this can never match again (their hour or day is past). */
const KEEP_MS = 8 * DAY_MS;
const MAX_ENTRIES = 500;

/** What to show now: single alerts, or one summary of several. */
export type AlertDelivery =
  | { readonly kind: 'single'; readonly alert: Alert }
  | { readonly kind: 'summary'; readonly alerts: readonly Alert[] };

/**
 * Picks the alerts that have not fired yet, records them, re-arms balance alerts
 * whose condition cleared, and keeps the record bounded.
 */
export function selectAlerts(candidates: readonly Alert[], log: AlertLog, now: number): { deliveries: AlertDelivery[]; log: AlertLog } {
  const active = new Set(candidates.map((alert) => alert.key));
  const fresh = candidates.filter((alert) => log.fired[alert.key] === undefined);
  const kept = Object.entries(log.fired).filter(
    ([key, entry]) => (entry.level ? active.has(key) : now - entry.at < KEEP_MS),
  );
  const added = fresh.map((alert) => [alert.key, { at: now, level: alert.level }] as const);
  const fired = Object.fromEntries([...kept, ...added].sort(([, a], [, b]) => b.at - a.at).slice(0, MAX_ENTRIES));
  const deliveries: AlertDelivery[] =
    fresh.length > MAX_NOTIFICATIONS_PER_CYCLE
      ? [{ kind: 'summary', alerts: fresh }]
      : fresh.map((alert) => ({ kind: 'single', alert }));
  return { deliveries, log: { ...log, fired, evaluatedAt: now } };
}
