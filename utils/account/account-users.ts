import type { ProxyUser } from '@/utils/api/answers';
import type { ApiError } from '@/utils/api/errors';
import type { ProxyType, ThordataClient } from '@/utils/api/thordata-client';
import type { Result } from '@/utils/base/result';
import { PROXY_TYPES } from '@/utils/settings/model';

/** A proxy user of one of the account's products, as user-list gives it (limit and usage in MB). */
export interface ProductUser extends ProxyUser {
  readonly proxyType: ProxyType;
}

/** Every proxy user of an account, all products in one list, and the products that could not be listed. */
export interface AccountUsers {
  readonly users: readonly ProductUser[];
  readonly failures: readonly { readonly proxyType: ProxyType; readonly error: ApiError }[];
}

/** A failure no other product's list can escape: the token, or Thordata asking to wait. */
function stopsTheRest(error: ApiError): boolean {
  return error.kind === 'auth' || error.kind === 'rate-limited' || error.kind === 'offline' || error.kind === 'permission';
}

/**
 * "Test connection": the user lists of all three products, in turn, through `ask` (which keeps
 * the spacing between requests). A product the account has no users of answers an empty list;
 * one that fails is named with its error while the others' users are listed. The whole test
 * fails only when no list answered: then the first failure is the answer.
 */
export async function listAccountUsers(
  client: ThordataClient,
  ask: <T>(request: () => Promise<T>) => Promise<T>,
): Promise<Result<AccountUsers, ApiError>> {
  const users: ProductUser[] = [];
  const failures: { proxyType: ProxyType; error: ApiError }[] = [];
  let answered = 0;
  for (const proxyType of PROXY_TYPES) {
    const list = await ask(() => client.userList({ proxyType }));
    if (list.ok) {
      answered += 1;
      users.push(...list.value.users.map((user) => ({ ...user, proxyType })));
      continue;
    }
    failures.push({ proxyType, error: list.error });
    if (stopsTheRest(list.error)) break;
  }
  const first = failures[0];
  if (answered === 0 && first) return { ok: false, error: first.error };
  return { ok: true, value: { users, failures } };
}
