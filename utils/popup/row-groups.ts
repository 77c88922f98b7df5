import type { ProxyType } from '@/utils/api/thordata-client';
import type { AccountSettings } from '@/utils/settings/model';
import type { WatchKey } from '@/utils/settings/watched';
import { sumKb, type Kb } from '@/utils/base/units';
import type { UserRow } from './user-rows';

/**
 * Past this many rows the list's groups start collapsed (and a filter box appears): a popup
 * shows about that many rows without scrolling, and rendering a hundred rows would cost the
 * first frame what a hundred rows cost.
 */
export const COLLAPSE_ABOVE = 8;

/** What groups and rows share: an id to focus it by, the users it sums, this hour, its share. */
interface Summed {
  /** Unique across the list: `account:<id>`, `product:<id>/<type>`, `user:<watch key>`. */
  readonly id: string;
  readonly keys: readonly WatchKey[];
  readonly currentKb: Kb;
  /** Of all watched users' traffic this hour, 0–1 (0 when there is none). */
  readonly share: number;
}

export interface ProductGroup extends Summed {
  readonly account: string;
  readonly proxyType: ProxyType;
  readonly rows: readonly UserRow[];
  /** Whether its rows show before the user asks: when its account (or the list) is short. */
  readonly startsOpen: boolean;
}

export interface AccountGroup extends Summed {
  readonly account: string;
  readonly products: readonly ProductGroup[];
  readonly rowCount: number;
  readonly startsOpen: boolean;
}

/**
 * How the users are listed: by account then product; without the account level when only one
 * account is watched; flat when one product of one account is, unless the list is long enough
 * to collapse, where its one product group is what collapses.
 */
export type RowLayout =
  | { readonly kind: 'flat'; readonly rows: readonly UserRow[] }
  | { readonly kind: 'products'; readonly products: readonly ProductGroup[] }
  | { readonly kind: 'accounts'; readonly accounts: readonly AccountGroup[] };

export function userFocusId(row: UserRow): string {
  return `user:${row.key}`;
}

/** This hour's traffic of the given rows together. */
const currentOf = (rows: readonly UserRow[]) => sumKb(rows.map((row) => row.currentKb));

function productGroups(account: string, rows: readonly UserRow[], total: number, startsOpen: boolean): ProductGroup[] {
  const types = [...new Set(rows.map((row) => row.proxyType))].sort();
  return types.map((proxyType) => {
    const own = rows.filter((row) => row.proxyType === proxyType);
    const currentKb = currentOf(own);
    return {
      id: `product:${account}/${proxyType}`,
      keys: own.map((row) => row.key),
      currentKb,
      share: total > 0 ? currentKb / total : 0,
      account,
      proxyType,
      rows: own,
      startsOpen,
    };
  });
}

/**
 * Groups the rows: accounts in the settings' order (an account the settings no longer list,
 * last), products in their own order, users as watched.
 */
export function groupRows(rows: readonly UserRow[], accounts: readonly AccountSettings[]): RowLayout {
  const total = rows.reduce((sum, row) => sum + row.currentKb, 0);
  const order = (id: string) => {
    const index = accounts.findIndex((account) => account.id === id);
    return index < 0 ? accounts.length : index;
  };
  const ids = [...new Set(rows.map((row) => row.account))].sort((a, b) => order(a) - order(b));
  const long = rows.length > COLLAPSE_ABOVE;
  const [only] = ids;
  if (ids.length <= 1 || only === undefined) {
    const products = productGroups(only ?? '', rows, total, !long);
    return products.length <= 1 && !long ? { kind: 'flat', rows } : { kind: 'products', products };
  }
  return {
    kind: 'accounts',
    accounts: ids.map((account) => {
      const own = rows.filter((row) => row.account === account);
      const currentKb = currentOf(own);
      return {
        id: `account:${account}`,
        keys: own.map((row) => row.key),
        currentKb,
        share: total > 0 ? currentKb / total : 0,
        account,
        products: productGroups(account, own, total, own.length <= COLLAPSE_ABOVE),
        rowCount: own.length,
        startsOpen: !long,
      };
    }),
  };
}

/** What the figures are focused on: the users they sum, and how the focus is named. */
export interface FocusTarget {
  readonly keys: readonly WatchKey[];
  readonly kind: 'account' | 'product' | 'user';
  readonly account: string;
  readonly proxyType: ProxyType | null;
  readonly username: string | null;
}

/** The group or row a focus id names, or null when it names none any more (the list changed). */
export function focusTarget(layout: RowLayout, id: string): FocusTarget | null {
  const rows = (products: readonly ProductGroup[]) => products.flatMap((group) => group.rows);
  const products = layout.kind === 'accounts' ? layout.accounts.flatMap((group) => group.products) : layout.kind === 'products' ? layout.products : [];
  const all = layout.kind === 'flat' ? layout.rows : rows(products);
  const row = all.find((candidate) => userFocusId(candidate) === id);
  if (row) return { keys: [row.key], kind: 'user', account: row.account, proxyType: row.proxyType, username: row.username };
  const product = products.find((group) => group.id === id);
  if (product) return { keys: product.keys, kind: 'product', account: product.account, proxyType: product.proxyType, username: null };
  const account = layout.kind === 'accounts' ? layout.accounts.find((group) => group.id === id) : undefined;
  if (account) return { keys: account.keys, kind: 'account', account: account.account, proxyType: null, username: null };
  return null;
}

/** Whether a row's username holds the text typed in the filter, ignoring case and spaces around it. */
export function matchesFilter(row: UserRow, query: string): boolean {
  const wanted = query.trim().toLowerCase();
  return wanted === '' || row.username.toLowerCase().includes(wanted);
}

/** The layout with only the rows the filter finds, and only the groups that hold one; counts are of what is found, totals the groups' own. */
export function filterLayout(layout: RowLayout, query: string): RowLayout {
  if (query.trim() === '') return layout;
  const keepProducts = (products: readonly ProductGroup[]) =>
    products.map((group) => ({ ...group, rows: group.rows.filter((row) => matchesFilter(row, query)) })).filter((group) => group.rows.length > 0);
  switch (layout.kind) {
    case 'flat':
      return { kind: 'flat', rows: layout.rows.filter((row) => matchesFilter(row, query)) };
    case 'products':
      return { kind: 'products', products: keepProducts(layout.products) };
    case 'accounts':
      return {
        kind: 'accounts',
        accounts: layout.accounts
          .map((group) => {
            const products = keepProducts(group.products);
            return { ...group, products, rowCount: products.reduce((count, product) => count + product.rows.length, 0) };
          })
          .filter((group) => group.rowCount > 0),
      };
  }
}
