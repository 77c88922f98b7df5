import { browser } from 'wxt/browser';
import type { BackgroundRequest } from '@/utils/messages/messages';
import { forgetSnapshot } from '@/utils/popup/snapshot';
import { removeAllItems } from '@/utils/storage/items';

/**
 * "Forget token and data": removes every stored item (value and version marker) and the
 * popup's snapshot of them, then tells the background, which removes them again after
 * stopping any cycle in flight (whose writes could otherwise bring figures back), clears its
 * alarms and shows the unconfigured badge.
 */
export async function forgetTokenAndData(): Promise<void> {
  // Removed here too, not only left to the background: the data must go even if no
  // background answers (it is being updated, say); the badge then catches up when it next
  // starts and reads storage.
  await Promise.all([removeAllItems(), browser.alarms.clearAll()]);
  forgetSnapshot(() => localStorage);
  const request: BackgroundRequest = { type: 'forget' };
  browser.runtime.sendMessage(request).catch(() => undefined);
}
