import { browser } from 'wxt/browser';
import type { BackgroundRequest } from './messages';
import { forgetSnapshot } from './popup-snapshot';
import { ALL_ITEMS } from './storage-items';

/**
 * "Forget token and data": removes every stored item (value and version marker) and the
 * popup's snapshot of them, then tells the background, which finds no token and shows the
 * unconfigured badge.
 */
export async function forgetTokenAndData(): Promise<void> {
  await Promise.all(ALL_ITEMS.map((item) => item.removeValue()));
  // Removed here, not left to the background: its copy of the figures must go even if no
  // background answers.
  forgetSnapshot(() => localStorage);
  const request: BackgroundRequest = { type: 'settings-saved' };
  // The page does not wait for the background's new poll. Should no background answer
  // (it is being updated, say), the badge catches up when it next starts and reads storage.
  browser.runtime.sendMessage(request).catch(() => undefined);
}
