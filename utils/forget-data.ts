import { browser } from 'wxt/browser';
import type { BackgroundRequest } from './messages';
import { ALL_ITEMS } from './storage-items';

/**
 * "Forget token and data": removes every stored item, then tells the background,
 * which finds no token and shows the unconfigured badge.
 *
 * Each item's version marker stays: a worker that defined the item before the wipe
 * writes later values without one, and an item with migrations would then mistake
 * a current value for version 1 on the next start. The marker holds no user data.
 */
export async function forgetTokenAndData(): Promise<void> {
  await Promise.all(ALL_ITEMS.map((item) => item.removeValue()));
  const request: BackgroundRequest = { type: 'settings-saved' };
  // The page does not wait for the background's new poll. Should no background answer
  // (it is being updated, say), the badge catches up when it next starts and reads storage.
  browser.runtime.sendMessage(request).catch(() => undefined);
}
