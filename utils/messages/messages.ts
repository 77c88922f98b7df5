import type { AccountUsers } from '@/utils/account/account-users';
import type { ApiError } from '@/utils/api/errors';
import type { Result } from '@/utils/base/result';
import { isRecord } from '@/utils/base/is-record';

/** A page's reason to ask for a poll: an explicit refresh may override a pause, opening the popup may not. */
export type PageTrigger = 'manual' | 'popup-open';

/** What pages ask the background for: every request to the API goes through it, one at a time. */
export type BackgroundRequest =
  | { readonly type: 'poll-now'; readonly trigger: PageTrigger }
  | { readonly type: 'settings-saved' }
  /** "Forget token and data": the background drops what is stored and stops whatever it has in flight. */
  | { readonly type: 'forget' }
  /** Lists an account's users of every product, with the token as typed (maybe not saved yet). */
  | { readonly type: 'test-connection'; readonly token: string; readonly apiBaseUrl: string };

/** The settings or the API host's permission changed: poll with what is stored now. */
export const SETTINGS_SAVED = { type: 'settings-saved' } as const satisfies BackgroundRequest;

/**
 * Tells the background the settings changed, through `send` (a page's `runtime.sendMessage`).
 * The page does not wait for the poll that follows, and should no background answer, it polls
 * with the saved settings when it next starts: so a failure to deliver is not the page's error.
 */
export function tellSettingsSaved(send: (message: BackgroundRequest) => Promise<unknown>): void {
  send(SETTINGS_SAVED).catch(() => undefined);
}

export type PollNowReply = { readonly done: true };
export type TestConnectionReply = Result<AccountUsers, ApiError>;

/** Messages arrive untyped; anything malformed is ignored rather than trusted. */
export function parseBackgroundRequest(message: unknown): BackgroundRequest | null {
  if (!isRecord(message)) return null;
  switch (message.type) {
    case 'poll-now':
      return message.trigger === 'manual' || message.trigger === 'popup-open' ? { type: 'poll-now', trigger: message.trigger } : null;
    case 'settings-saved':
      return { type: 'settings-saved' };
    case 'forget':
      return { type: 'forget' };
    case 'test-connection': {
      const { token, apiBaseUrl } = message;
      if (typeof token !== 'string' || typeof apiBaseUrl !== 'string') return null;
      return { type: 'test-connection', token, apiBaseUrl };
    }
    default:
      return null;
  }
}
