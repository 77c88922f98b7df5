import type { ProxyType } from '@/utils/api/thordata-client';
import { FIRST_ACCOUNT_ID, type WatchedUser } from '@/utils/settings/model';
import { watchKey } from '@/utils/settings/watched';

/** Watched entries for names of one product and account (the first account's by default). */
export function watching(usernames: readonly string[], proxyType: ProxyType = 1, account: string = FIRST_ACCOUNT_ID): WatchedUser[] {
  return usernames.map((username) => ({ account, proxyType, username }));
}

/** A watched user's key in stored records. */
export function userKey(proxyType: ProxyType, username: string, account: string = FIRST_ACCOUNT_ID): string {
  return watchKey({ account, proxyType, username });
}
