// The command line's account options, apart from cli.ts (which starts a server when imported) so
// that their parsing can be tested.

import type { GeneratedUsersSpec } from './accounts.js';
import type { ProxyType } from './users.js';

const PROXY_TYPES: ReadonlyMap<string, ProxyType> = new Map([
  ['1', 1],
  ['2', 2],
  ['3', 3],
]);
const COUNT = /^\d+$/;

/**
 * A `--generate` value, `<token>:<type>=<count>[,<type>=<count>…]`, e.g. `demo-token-3:1=40,3=10`.
 * The token ends at the last ':', since counts never contain one. Errors do not repeat the token.
 */
export function parseGenerateFlag(value: string): GeneratedUsersSpec {
  const colon = value.lastIndexOf(':');
  const token = value.slice(0, Math.max(colon, 0));
  if (token === '') throw new RangeError('--generate needs <token>:<type>=<count>[,<type>=<count>], e.g. <token>:1=40,3=10');
  const counts: Partial<Record<ProxyType, number>> = {};
  for (const part of value.slice(colon + 1).split(',')) {
    const [type = '', count = '', ...rest] = part.split('=').map((p) => p.trim());
    const proxyType = PROXY_TYPES.get(type);
    if (proxyType === undefined || !COUNT.test(count) || rest.length > 0) {
      throw new RangeError(`--generate: '${part}' is not <type>=<count> with type 1, 2 or 3`);
    }
    if (counts[proxyType] !== undefined) throw new RangeError(`--generate: proxy type ${proxyType} given twice`);
    counts[proxyType] = Number(count);
  }
  return { token, counts };
}
