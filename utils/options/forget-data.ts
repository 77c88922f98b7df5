import { browser } from 'wxt/browser';
import type { BackgroundRequest } from '@/utils/messages/messages';
import { dropLegacySnapshot } from '@/utils/popup/legacy-snapshot';
import { removeAllItems } from '@/utils/storage/items';

/**
 * "Forget token and data": removes every stored item (value and version marker) and any copy
 * of them an earlier build left in localStorage, then tells the background, which removes them again after
 * stopping any cycle in flight (whose writes could otherwise bring figures back), clears its
 * alarms and shows the unconfigured badge.
 */
export async function forgetTokenAndData(): Promise<void> {
  // Removed here too, not only left to the background: the data must go even if no
  // background answers (it is being updated, say); the badge then catches up when it next
  // starts and reads storage.
  await Promise.all([removeAllItems(), browser.alarms.clearAll()]);
  dropLegacySnapshot(() => localStorage);
  const request: BackgroundRequest = { type: 'forget' };
  browser.runtime.sendMessage(request).catch(() => undefined);
}
