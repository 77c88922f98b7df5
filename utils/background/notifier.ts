import { browser } from 'wxt/browser';
import { selectAlerts, type AlertDelivery } from '@/utils/alerts/log';
import { notificationText } from '@/utils/alerts/text';
import { evaluateAlerts, judgedThroughAfter, type AlertInput, type AlertTarget } from '@/utils/alerts/evaluate';
import type { Language } from '@/utils/i18n/i18n';
import { alertLogItem } from '@/utils/storage/items';

const ICON = '/icon/128.png';

/** The id says where a click leads, so the click handler needs no stored state. */
function notificationId(target: AlertTarget, key: string): string {
  return `${target}|${key}`;
}

export function targetOfNotification(id: string): AlertTarget | null {
  const target = id.split('|', 1)[0];
  return target === 'popup' || target === 'settings' ? target : null;
}

function deliveryKey(delivery: AlertDelivery, now: number): { target: AlertTarget; key: string } {
  if (delivery.kind === 'single') return { target: delivery.alert.target, key: delivery.alert.key };
  return { target: 'popup', key: `summary:${now}` };
}

/**
 * Shows what the alert rules call for and has not been shown: the record of what
 * fired is saved before the notifications are created, so a worker stopped in
 * between can at worst lose one, never repeat it. `stillCurrent` is asked right
 * before that write: after "Forget token and data" nothing is recorded or shown.
 */
export async function deliverAlerts(
  state: Omit<AlertInput, 'lastEvaluatedAt' | 'judgedThrough'>,
  language: Language,
  stillCurrent: () => Promise<boolean>,
): Promise<number> {
  const log = await alertLogItem.getValue();
  const input: AlertInput = { ...state, lastEvaluatedAt: log.evaluatedAt, judgedThrough: log.judgedThrough };
  const { deliveries, log: selected } = selectAlerts(evaluateAlerts(input), log, input.now);
  const next = { ...selected, judgedThrough: judgedThroughAfter(input) };
  if (!(await stillCurrent())) return 0;
  await alertLogItem.setValue(next);
  for (const delivery of deliveries) {
    const { target, key } = deliveryKey(delivery, input.now);
    const { title, message } = notificationText(delivery, language, input.settings, input.now);
    // Only `basic` notifications: Firefox supports no other type.
    await browser.notifications.create(notificationId(target, key), {
      type: 'basic',
      iconUrl: browser.runtime.getURL(ICON),
      title,
      message,
    });
  }
  return deliveries.length;
}

/** A click opens the page that explains the notification, then clears it. */
export async function openForNotification(id: string): Promise<void> {
  const target = targetOfNotification(id);
  if (target === 'settings') await browser.runtime.openOptionsPage();
  if (target === 'popup') await browser.tabs.create({ url: browser.runtime.getURL('/popup.html') });
  await browser.notifications.clear(id);
}
