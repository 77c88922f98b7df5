import type { AccountFigures } from '@/utils/account/account-snapshot';
import type { ApiError } from '@/utils/api/errors';
import type { ThordataClient } from '@/utils/api/thordata-client';
import type { Settings } from '@/utils/settings/model';
import { productsOf, watchKey, type WatchKey } from '@/utils/settings/watched';

/**
 * Reads one account's secondary endpoints: the user list of each product it watches (limits,
 * usage), its balance and its wallet. Their failures are kept on their own figures and never
 * stop usage polling, nor read as a rejected token: only the usage endpoints speak for the
 * account. Thordata asking to wait leaves the rest for the next try rather than asking again.
 * `ask` makes each request in its turn, spaced from the one before.
 */
export async function refreshAccount(
  settings: Settings,
  account: string,
  known: AccountFigures,
  client: ThordataClient,
  ask: <T>(request: () => Promise<T>) => Promise<T>,
  now: () => number,
): Promise<AccountFigures> {
  const users: Record<WatchKey, AccountFigures['users'][string]> = {};
  let usersError: ApiError | null = null;
  for (const proxyType of productsOf(settings, account)) {
    const list = await ask(() => client.userList({ proxyType }));
    if (list.ok) {
      for (const user of list.value.users) users[watchKey({ account, proxyType, username: user.username })] = user;
      continue;
    }
    usersError = list.error;
    // The figures this list would have replaced stay until a list answers.
    for (const [key, user] of Object.entries(known.users)) if (key.startsWith(`${account}/${proxyType}:`)) users[key] = user;
    if (list.error.kind === 'rate-limited') break;
  }
  const balance = usersError?.kind === 'rate-limited' ? null : await ask(() => client.accountBalance());
  // Asked to wait by the list or the balance: that wait is why the next figure is not read.
  const waitError = usersError?.kind === 'rate-limited' ? usersError : balance?.ok === false && balance.error.kind === 'rate-limited' ? balance.error : null;
  const wallet = waitError === null ? await ask(() => client.walletBalance()) : null;
  return {
    fetchedAt: now(),
    balance: balance?.ok ? balance.value : known.balance,
    balanceError: balance === null ? usersError : balance.ok ? null : balance.error,
    users,
    usersError,
    wallet: wallet?.ok ? wallet.value.usd : known.wallet,
    walletError: wallet === null ? waitError : wallet.ok ? null : wallet.error,
  };
}
