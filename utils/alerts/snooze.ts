import type { AlertRule } from './evaluate';
import type { ApiTimezone } from '@/utils/time/api-timezone';
import { addDays, dayKeyAt, type DayKey } from '@/utils/time/day-keys';

/**
 * "Not today": each snoozed rule with the API day on which it notifies again. A rule is snoozed
 * while today (in the API timezone) is before that day, so a snooze made at 23:59 ends a minute
 * later, at the start of the next API day. While snoozed, a rule's alerts are neither shown nor
 * recorded (log.ts): one still true when the snooze ends, and not fired in its period, fires then.
 */
export type AlertSnooze = Readonly<Partial<Record<AlertRule, DayKey>>>;

export const NO_SNOOZE: AlertSnooze = {};

/** Every rule, each named once: a rule added to the alerts must be added here too, or this does not compile. */
const RULES: Readonly<Record<AlertRule, true>> = {
  'hourly-total': true,
  'hourly-user': true,
  spike: true,
  'user-balance': true,
  'account-balance': true,
  'plan-expiry': true,
  'token-rejected': true,
  'polling-broken': true,
  'budget-use': true,
  'budget-forecast': true,
  'rapid-use': true,
};

/** Whether a text (a notification id's part) names a rule. */
export function isAlertRule(text: string): text is AlertRule {
  return Object.hasOwn(RULES, text);
}

/** Whether `rule` is snoozed at `now`. */
export function isSnoozed(snooze: AlertSnooze, rule: AlertRule, now: number, tz: ApiTimezone): boolean {
  const until = snooze[rule];
  return until !== undefined && dayKeyAt(now, tz) < until;
}

/** The rules snoozed at `now`. */
export function snoozedRules(snooze: AlertSnooze, now: number, tz: ApiTimezone): ReadonlySet<AlertRule> {
  return new Set(Object.keys(snooze).filter(isAlertRule).filter((rule) => isSnoozed(snooze, rule, now, tz)));
}

/** Snoozes `rule` for the rest of today (API timezone); snoozes already over are dropped on the way. */
export function snoozeRule(snooze: AlertSnooze, rule: AlertRule, now: number, tz: ApiTimezone): AlertSnooze {
  const kept = Object.fromEntries([...snoozedRules(snooze, now, tz)].map((snoozed) => [snoozed, snooze[snoozed]]));
  return { ...kept, [rule]: addDays(dayKeyAt(now, tz), 1) };
}
