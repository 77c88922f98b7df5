import { browser } from 'wxt/browser';
import { selectAlerts, type AlertDelivery } from '@/utils/alerts/log';
import { notificationText } from '@/utils/alerts/text';
import { evaluateAlerts, judgedThroughAfter, type AlertInput, type AlertRule, type AlertTarget } from '@/utils/alerts/evaluate';
import { isAlertRule, snoozedRules, snoozeRule } from '@/utils/alerts/snooze';
import type { Language } from '@/utils/i18n/i18n';
import type { ApiTimezone } from '@/utils/time/api-timezone';
import { alertLogItem, alertSnoozeItem } from '@/utils/storage/items';
import { focusOfNotification, focusToQuery } from '@/utils/details/focus';
import { detailsPageUrl } from './details-page';

const ICON = '/icon/128.png';

/**
 * The id says where a click leads and which rule raised the notification, so the click and
 * button handlers need no stored state: `target|rule|key`, the rule empty for a summary of
 * several rules. Ids of earlier versions (`target|key`) still lead where they did.
 */
function notificationId(target: AlertTarget, rule: AlertRule | null, key: string): string {
  return `${target}|${rule ?? ''}|${key}`;
}

export function targetOfNotification(id: string): AlertTarget | null {
  const target = id.split('|', 1)[0];
  return target === 'popup' || target === 'settings' ? target : null;
}

/** The rule a notification was raised by; null for a summary (several rules) or an id of an earlier version. */
export function ruleOfNotification(id: string): AlertRule | null {
  const rule = id.split('|', 2)[1] ?? '';
  return isAlertRule(rule) ? rule : null;
}

function deliveryKey(delivery: AlertDelivery, now: number): { target: AlertTarget; rule: AlertRule | null; key: string } {
  if (delivery.kind === 'single') return { target: delivery.alert.target, rule: delivery.alert.kind, key: delivery.alert.key };
  return { target: 'popup', rule: null, key: `summary:${now}` };
}

/**
 * Shows what the alert rules call for and has not been shown: the record of what
 * fired is saved before the notifications are created, so a worker stopped in
 * between can at worst lose one, never repeat it. `stillCurrent` is asked right
 * before that write: after "Forget token and data" nothing is recorded or shown.
 * The alerts of a rule snoozed with "Not today" wait (log.ts). `buttons`: whether
 * the browser shows notification buttons (Chrome does; Firefox throws on them):
 * then each notification of one rule offers "Not today".
 */
export async function deliverAlerts(
  state: Omit<AlertInput, 'lastEvaluatedAt' | 'judgedThrough'>,
  language: Language,
  stillCurrent: () => Promise<boolean>,
  buttons: boolean,
): Promise<number> {
  const [log, snooze] = await Promise.all([alertLogItem.getValue(), alertSnoozeItem.getValue()]);
  const input: AlertInput = { ...state, lastEvaluatedAt: log.evaluatedAt, judgedThrough: log.judgedThrough };
  const snoozed = snoozedRules(snooze, input.now, input.settings.apiTimezone);
  const { deliveries, log: selected } = selectAlerts(evaluateAlerts(input), log, input.now, snoozed);
  const next = { ...selected, judgedThrough: judgedThroughAfter(input) };
  if (!(await stillCurrent())) return 0;
  await alertLogItem.setValue(next);
  for (const delivery of deliveries) {
    const { target, rule, key } = deliveryKey(delivery, input.now);
    const { title, message } = notificationText(delivery, language, input.settings, input.now);
    // Only `basic` notifications: Firefox supports no other type.
    await browser.notifications.create(notificationId(target, rule, key), {
      type: 'basic',
      iconUrl: browser.runtime.getURL(ICON),
      title,
      message,
      ...(buttons && rule !== null ? { buttons: [{ title: language.t('alert.notToday') }] } : {}),
    });
  }
  return deliveries.length;
}

/**
 * "Not today" on a notification: its rule says nothing more until the next day in the API
 * timezone, and the notification goes away. Its own alert already fired (it is recorded).
 */
export async function snoozeFromNotification(id: string, tz: ApiTimezone, now: number): Promise<void> {
  const rule = ruleOfNotification(id);
  if (rule !== null) await alertSnoozeItem.setValue(snoozeRule(await alertSnoozeItem.getValue(), rule, now, tz));
  await browser.notifications.clear(id);
}

/**
 * A click opens the page that explains the notification, then clears it: the settings for what
 * only a setting can fix, else the details page focused on what fired (the hour, the user, the
 * budget), read from the id alone.
 */
export async function openForNotification(id: string): Promise<void> {
  const target = targetOfNotification(id);
  if (target === 'settings') await browser.runtime.openOptionsPage();
  if (target === 'popup') await browser.tabs.create({ url: detailsPageUrl(browser.runtime.getURL('/'), focusToQuery(focusOfNotification(id))) });
  await browser.notifications.clear(id);
}
