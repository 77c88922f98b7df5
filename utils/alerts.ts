import type { AccountSnapshot } from './account-snapshot';
import type { AlertRules } from './alert-rules';
import type { ApiError } from './api-errors';
import type { HourKey } from './hour-keys';
import type { PollStatus } from './poll-status';
import type { Settings } from './settings';
import { userKey, userUsage, type UsageCache } from './usage-cache';
import { summarizeUsage } from './usage-summary';

/** Where a click on the notification leads: the popup's figures, or the settings. */
export type AlertTarget = 'popup' | 'settings';

interface AlertBase {
  /** Rule, user and period: an alert whose key already fired never fires again. */
  readonly key: string;
  /** Balance alerts re-arm once their condition clears (a recharge); the others never. */
  readonly level: boolean;
  readonly target: AlertTarget;
}

/** A notification a rule asks for, with the facts its text needs. */
export type Alert = AlertBase &
  (
    | { readonly kind: 'hourly-total'; readonly hour: HourKey; readonly startMs: number; readonly kb: number; readonly thresholdKb: number }
    | { readonly kind: 'hourly-user'; readonly username: string; readonly hour: HourKey; readonly kb: number; readonly thresholdKb: number }
    | { readonly kind: 'spike'; readonly hour: HourKey; readonly kb: number; readonly typicalKb: number; readonly factor: number }
    | { readonly kind: 'user-balance'; readonly username: string; readonly balanceKb: number; readonly limitKb: number; readonly percent: number }
    | { readonly kind: 'account-balance'; readonly balanceMb: number; readonly thresholdMb: number }
    | { readonly kind: 'plan-expiry'; readonly expiresOn: string; readonly daysLeft: number }
    | { readonly kind: 'token-rejected'; readonly code: number }
    | { readonly kind: 'polling-broken'; readonly failure: ApiError; readonly sinceMs: number }
  );

export interface AlertInput {
  readonly rules: AlertRules;
  readonly settings: Settings;
  readonly cache: UsageCache;
  readonly status: PollStatus;
  readonly account: AccountSnapshot;
  readonly now: number;
}

const DAY_MS = 86_400_000;

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Whole days from now until the end of the expiry date (read as UTC; Thordata gives no zone). */
export function daysUntil(date: string, now: number): number | null {
  const end = Date.parse(`${date}T23:59:59Z`);
  return Number.isNaN(end) ? null : Math.floor((end - now) / DAY_MS);
}

function usageAlerts({ rules, settings, cache, now }: AlertInput): Alert[] {
  const summary = summarizeUsage(cache, settings, now, 25);
  const { current } = summary;
  const alerts: Alert[] = [];
  if (rules.hourlyTotal.enabled && current.kb >= rules.hourlyTotal.kb) {
    alerts.push({
      kind: 'hourly-total',
      key: `hourly-total:${current.hour}`,
      level: false,
      target: 'popup',
      hour: current.hour,
      startMs: current.startMs,
      kb: current.kb,
      thresholdKb: rules.hourlyTotal.kb,
    });
  }
  if (rules.hourlyUser.enabled) {
    for (const username of settings.usernames) {
      const key = userKey(settings.proxyType, username);
      const kb = userUsage(cache, key).hours[current.hour] ?? 0;
      if (kb >= rules.hourlyUser.kb) {
        alerts.push({
          kind: 'hourly-user',
          key: `hourly-user:${key}:${current.hour}`,
          level: false,
          target: 'popup',
          username,
          hour: current.hour,
          kb,
          thresholdKb: rules.hourlyUser.kb,
        });
      }
    }
  }
  if (rules.spike.enabled) {
    // "Typical" is the median of the last 24 complete hours: robust to the odd spike among them.
    const typicalKb = median(summary.series.slice(0, -1).slice(-24).map((point) => point.kb));
    if (current.kb > 0 && current.kb >= Math.max(rules.spike.floorKb, rules.spike.factor * typicalKb)) {
      alerts.push({
        kind: 'spike',
        key: `spike:${current.hour}`,
        level: false,
        target: 'popup',
        hour: current.hour,
        kb: current.kb,
        typicalKb,
        factor: rules.spike.factor,
      });
    }
  }
  return alerts;
}

function balanceAlerts({ rules, settings, cache, account, now }: AlertInput): Alert[] {
  const alerts: Alert[] = [];
  if (rules.userBalance.enabled) {
    const summaryHour = summarizeUsage(cache, settings, now, 2);
    for (const username of settings.usernames) {
      const key = userKey(settings.proxyType, username);
      const usage = userUsage(cache, key);
      const { trafficLimitKb: limitKb, trafficBalanceKb: balanceKb } = usage;
      if (limitKb === null || balanceKb === null || limitKb <= 0) continue;
      // Thordata reports a 0 balance for some working mobile users: traffic flowing means it is not empty.
      const flowing = summaryHour.series.some((point) => (usage.hours[point.hour] ?? 0) > 0);
      if (balanceKb === 0 && flowing) continue;
      const percent = (balanceKb / limitKb) * 100;
      if (percent < rules.userBalance.percent) {
        alerts.push({ kind: 'user-balance', key: `user-balance:${key}`, level: true, target: 'popup', username, balanceKb, limitKb, percent });
      }
    }
  }
  const balance = account.balance;
  if (rules.accountBalance.enabled && balance && balance.balanceMb < rules.accountBalance.mb) {
    alerts.push({
      kind: 'account-balance',
      key: 'account-balance',
      level: true,
      target: 'popup',
      balanceMb: balance.balanceMb,
      thresholdMb: rules.accountBalance.mb,
    });
  }
  const daysLeft = balance?.expiresOn ? daysUntil(balance.expiresOn, now) : null;
  if (rules.planExpiry.enabled && balance?.expiresOn && daysLeft !== null && daysLeft >= 0 && daysLeft <= rules.planExpiry.days) {
    alerts.push({
      kind: 'plan-expiry',
      key: `plan-expiry:${balance.expiresOn}`,
      level: false,
      target: 'popup',
      expiresOn: balance.expiresOn,
      daysLeft,
    });
  }
  return alerts;
}

function pollingAlerts({ rules, status, now }: AlertInput): Alert[] {
  const failure = status.failure;
  if (!rules.pollingBroken.enabled || failure === null) return [];
  const since = status.failingSince ?? now;
  if (failure.kind === 'auth') {
    return [{ kind: 'token-rejected', key: `token-rejected:${since}`, level: false, target: 'settings', code: failure.code }];
  }
  if (now - since < rules.pollingBroken.minutes * 60_000) return [];
  return [{ kind: 'polling-broken', key: `polling-broken:${since}`, level: false, target: 'popup', failure, sinceMs: since }];
}

/**
 * Every alert the current state calls for, fired or not. Hourly rules look only at
 * the current hour, so after a long sleep no past hour can fire.
 */
export function evaluateAlerts(input: AlertInput): Alert[] {
  return [...usageAlerts(input), ...balanceAlerts(input), ...pollingAlerts(input)];
}
