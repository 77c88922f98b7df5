import { accountFigures, type AccountSnapshot } from '@/utils/account/account-snapshot';
import type { AlertRules } from '@/utils/settings/alert-rules';
import type { ApiError } from '@/utils/api/errors';
import { type HourKey } from '@/utils/time/hour-keys';
import { HOUR_MS } from '@/utils/base/durations';
import { daysUntil } from '@/utils/time/expiry-date';
import { median } from '@/utils/base/median';
import { accountStatus, type PollStatus } from '@/utils/poll/status';
import type { Settings, WatchedUser } from '@/utils/settings/model';
import { watchKey } from '@/utils/settings/watched';
import { userUsage, type UsageCache } from '@/utils/usage/cache';
import { summarizeUsage, type HourPoint } from '@/utils/usage/summary';
import { kb, type Kb, type Mb } from '@/utils/base/units';

/** Where a click on the notification leads: the popup's figures, or the settings. */
export type AlertTarget = 'popup' | 'settings';

interface AlertBase {
  /** Rule, account or user, and period: an alert whose key already fired never fires again. */
  readonly key: string;
  /** Balance alerts re-arm once their condition clears (a recharge); the others never. */
  readonly level: boolean;
  readonly target: AlertTarget;
}

/** The hour an hourly rule judged, with its figure. */
interface HourFacts {
  readonly hour: HourKey;
  readonly startMs: number;
  readonly kb: Kb;
  /** Judged on the hour's final figure, after it ended (else on the figure so far, during it). */
  readonly ended: boolean;
}

/** A notification a rule asks for, with the facts its text needs. */
export type Alert = AlertBase &
  (
    | (HourFacts & { readonly kind: 'hourly-total'; readonly thresholdKb: Kb })
    | (HourFacts & { readonly kind: 'hourly-user'; readonly user: WatchedUser; readonly thresholdKb: Kb })
    | (HourFacts & { readonly kind: 'spike'; readonly typicalKb: Kb; readonly factor: number })
    | { readonly kind: 'user-balance'; readonly user: WatchedUser; readonly balanceKb: Kb; readonly limitKb: Kb; readonly percent: number }
    | { readonly kind: 'account-balance'; readonly account: string; readonly balanceMb: Mb; readonly thresholdMb: Mb }
    | { readonly kind: 'plan-expiry'; readonly account: string; readonly expiresOn: string; readonly daysLeft: number }
    | { readonly kind: 'token-rejected'; readonly account: string; readonly code: number }
    /** `account` null: nothing could be asked for any account (offline, no access to the API's host). */
    | { readonly kind: 'polling-broken'; readonly account: string | null; readonly failure: ApiError; readonly sinceMs: number }
  );

export interface AlertInput {
  readonly rules: AlertRules;
  readonly settings: Settings;
  readonly cache: UsageCache;
  readonly status: PollStatus;
  readonly account: AccountSnapshot;
  readonly now: number;
  /** When the alerts were last evaluated (log.ts), to tell a wake from sleep from a steady run. */
  readonly lastEvaluatedAt: number | null;
  /** Hours ending at or before this were judged on their final figure already (log.ts). */
  readonly judgedThrough: number | null;
}

/**
 * An hour that ended is judged on its final figure for this long after its end, so that a
 * crossing after the last poll inside the hour is not missed. After a sleep longer than this,
 * nothing about past hours fires: only the current hour is judged.
 */
export const ENDED_HOUR_WINDOW_MS = 2 * HOUR_MS;

/** Hours of history a spike is measured against: the median of the 24 complete hours before. */
const TYPICAL_HOURS = 24;

/** An hour that ended, judged on its figure once that figure is final. */
interface EndedHour {
  readonly index: number;
  readonly endMs: number;
}

/** Whether alerts were evaluated a short while ago: not so after a sleep, a clock set back, or at the first evaluation. */
function awakeSinceLastEvaluation({ now, lastEvaluatedAt, judgedThrough }: AlertInput): boolean {
  if (judgedThrough === null || lastEvaluatedAt === null) return false;
  const since = now - lastEvaluatedAt;
  return since >= 0 && since < ENDED_HOUR_WINDOW_MS;
}

/**
 * Whether an hour's figure is final: every watched user whose figures reach into the hour was
 * fetched again after it ended. A user whose last answer came before the hour began (unknown to
 * Thordata for a while, say) reports nothing about it and does not hold it up; one whose request
 * failed just after the hour ended does, until it answers.
 */
function isFinal(input: AlertInput, startMs: number, endMs: number): boolean {
  const { settings, cache } = input;
  return settings.watched.every((entry) => {
    const fetchedAt = userUsage(cache, watchKey(entry)).fetchedAt;
    return fetchedAt === null || fetchedAt < startMs || fetchedAt >= endMs;
  });
}

/**
 * The hours that ended since the last ones judged (`judgedThrough`), within the last
 * ENDED_HOUR_WINDOW_MS, whose figure is final, oldest first. They are taken in order and the
 * first one still waiting for its final figure stops the rest, so that judging a later hour
 * never passes over an earlier one. None when alerts were last evaluated longer ago than the
 * window (a sleep) or never: then nothing about past hours fires.
 */
function endedHours(input: AlertInput, points: readonly HourPoint[]): EndedHour[] {
  const { now, judgedThrough } = input;
  if (!awakeSinceLastEvaluation(input) || judgedThrough === null) return [];
  const ended: EndedHour[] = [];
  for (let index = 0; index < points.length - 1; index += 1) {
    const startMs = points[index]?.startMs ?? now;
    const endMs = points[index + 1]?.startMs ?? now;
    if (endMs <= judgedThrough || now - endMs >= ENDED_HOUR_WINDOW_MS) continue;
    if (!isFinal(input, startMs, endMs)) break;
    ended.push({ index, endMs });
  }
  return ended;
}

/** The window of hours the hourly rules look at: two ended hours and the current one, each with a day before it. */
function hourlyPoints(input: AlertInput): readonly HourPoint[] {
  return summarizeUsage(input.cache, input.settings, input.now, TYPICAL_HOURS + 3).series;
}

/**
 * Up to where ended hours are judged after this evaluation, for the alert log. The first
 * evaluation, and the first after a sleep, start from the current hour: hours that ended
 * before it are never judged.
 */
export function judgedThroughAfter(input: AlertInput): number {
  const points = hourlyPoints(input);
  const currentStart = points[points.length - 1]?.startMs ?? input.now;
  if (!awakeSinceLastEvaluation(input) || input.judgedThrough === null) return currentStart;
  const newest = endedHours(input, points).at(-1);
  return newest ? Math.max(input.judgedThrough, newest.endMs) : input.judgedThrough;
}

/**
 * The hours the hourly rules judge: the current one, on its figure so far, and the hours that
 * just ended, on their final figure (endedHours). An alert key is the same during and after the
 * hour, so an hour that fired while running never fires again.
 */
function judgedHours(input: AlertInput, points: readonly HourPoint[]): { index: number; ended: boolean }[] {
  return [{ index: points.length - 1, ended: false }, ...endedHours(input, points).map(({ index }) => ({ index, ended: true }))];
}

function usageAlerts(input: AlertInput): Alert[] {
  const { rules, settings, cache } = input;
  const points = hourlyPoints(input);
  const alerts: Alert[] = [];
  for (const { index, ended } of judgedHours(input, points)) {
    const point = points[index];
    if (!point) continue;
    const facts: HourFacts = { hour: point.hour, startMs: point.startMs, kb: point.kb, ended };
    if (rules.hourlyTotal.enabled && point.kb >= rules.hourlyTotal.kb) {
      alerts.push({ ...facts, kind: 'hourly-total', key: `hourly-total:${point.hour}`, level: false, target: 'popup', thresholdKb: rules.hourlyTotal.kb });
    }
    if (rules.hourlyUser.enabled) {
      for (const user of settings.watched) {
        const key = watchKey(user);
        const used = userUsage(cache, key).hours[point.hour] ?? kb(0);
        if (used >= rules.hourlyUser.kb) {
          alerts.push({
            ...facts,
            kb: used,
            kind: 'hourly-user',
            key: `hourly-user:${key}:${point.hour}`,
            level: false,
            target: 'popup',
            user,
            thresholdKb: rules.hourlyUser.kb,
          });
        }
      }
    }
    if (rules.spike.enabled) {
      // "Typical" is the median of the complete hours before: robust to the odd spike among them.
      const typicalKb = kb(median(points.slice(Math.max(0, index - TYPICAL_HOURS), index).map((before) => before.kb)));
      if (point.kb > 0 && point.kb >= Math.max(rules.spike.floorKb, rules.spike.factor * typicalKb)) {
        alerts.push({ ...facts, kind: 'spike', key: `spike:${point.hour}`, level: false, target: 'popup', typicalKb, factor: rules.spike.factor });
      }
    }
  }
  return alerts;
}

function balanceAlerts({ rules, settings, cache, account, now }: AlertInput): Alert[] {
  const alerts: Alert[] = [];
  if (rules.userBalance.enabled) {
    const summaryHour = summarizeUsage(cache, settings, now, 2);
    for (const user of settings.watched) {
      const key = watchKey(user);
      const usage = userUsage(cache, key);
      const { trafficLimitKb: limitKb, trafficBalanceKb: balanceKb } = usage;
      if (limitKb === null || balanceKb === null || limitKb <= 0) continue;
      // Thordata reports a 0 balance for some working mobile users: traffic flowing means it is not empty.
      const flowing = summaryHour.series.some((point) => (usage.hours[point.hour] ?? 0) > 0);
      if (balanceKb === 0 && flowing) continue;
      const percent = (balanceKb / limitKb) * 100;
      if (percent < rules.userBalance.percent) {
        alerts.push({ kind: 'user-balance', key: `user-balance:${key}`, level: true, target: 'popup', user, balanceKb, limitKb, percent });
      }
    }
  }
  for (const { id } of settings.accounts) alerts.push(...accountAlerts(rules, id, accountFigures(account, id).balance, now));
  return alerts;
}

/** One account's balance and plan expiry rules; each alert's key names the account. */
function accountAlerts(rules: AlertRules, account: string, balance: AccountSnapshot['accounts'][string]['balance'], now: number): Alert[] {
  const alerts: Alert[] = [];
  if (rules.accountBalance.enabled && balance && balance.balanceMb < rules.accountBalance.mb) {
    alerts.push({
      kind: 'account-balance',
      key: `account-balance:${account}`,
      level: true,
      target: 'popup',
      account,
      balanceMb: balance.balanceMb,
      thresholdMb: rules.accountBalance.mb,
    });
  }
  const daysLeft = balance?.expiresOn ? daysUntil(balance.expiresOn, now) : null;
  if (rules.planExpiry.enabled && balance?.expiresOn && daysLeft !== null && daysLeft >= 0 && daysLeft <= rules.planExpiry.days) {
    alerts.push({
      kind: 'plan-expiry',
      key: `plan-expiry:${account}:${balance.expiresOn}`,
      level: false,
      target: 'popup',
      account,
      expiresOn: balance.expiresOn,
      daysLeft,
    });
  }
  return alerts;
}

/** The polling rules, for what stops every account and for each account on its own. */
function pollingAlerts({ rules, settings, status, now }: AlertInput): Alert[] {
  if (!rules.pollingBroken.enabled) return [];
  const stopped = [
    { account: null, state: status },
    ...settings.accounts.map(({ id }) => ({ account: id, state: accountStatus(status, id) })),
  ];
  return stopped.flatMap(({ account, state }): Alert[] => {
    const failure = state.failure;
    if (failure === null) return [];
    const since = state.failingSince ?? now;
    const scope = account === null ? '' : `${account}:`;
    if (failure.kind === 'auth' && account !== null) {
      return [{ kind: 'token-rejected', key: `token-rejected:${scope}${since}`, level: false, target: 'settings', account, code: failure.code }];
    }
    if (now - since < rules.pollingBroken.minutes * 60_000) return [];
    return [{ kind: 'polling-broken', key: `polling-broken:${scope}${since}`, level: false, target: 'popup', account, failure, sinceMs: since }];
  });
}

/**
 * Every alert the current state calls for, fired or not. Hourly rules look at the current
 * hour and at the hours that just ended (judgedHours), so after a long sleep no past hour fires.
 */
export function evaluateAlerts(input: AlertInput): Alert[] {
  return [...usageAlerts(input), ...balanceAlerts(input), ...pollingAlerts(input)];
}
