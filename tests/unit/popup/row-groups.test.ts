import { describe, expect, it } from 'vitest';
import type { ProxyType } from '@/utils/api/thordata-client';
import { kb } from '@/utils/base/units';
import { watchKey } from '@/utils/settings/watched';
import { filterLayout, focusTarget, groupRows, type RowLayout } from '@/utils/popup/row-groups';
import type { UserRow } from '@/utils/popup/user-rows';

const ACCOUNTS = [
  { id: '1', label: 'Ops' },
  { id: 'b2', label: 'Lab' },
];

function row(account: string, proxyType: ProxyType, username: string, currentKb: number): UserRow {
  return {
    account,
    proxyType,
    username,
    key: watchKey({ account, proxyType, username }),
    currentKb: kb(currentKb),
    share: 0,
    trend: [],
    limitKb: null,
    balanceKb: null,
    hasFigures: true,
    failure: null,
  };
}

const names = (layout: RowLayout) =>
  layout.kind === 'accounts'
    ? layout.accounts.map((group) => [group.account, group.products.map((product) => [product.proxyType, product.rows.map((r) => r.username)])])
    : layout.kind === 'products'
      ? layout.products.map((product) => [product.proxyType, product.rows.map((r) => r.username)])
      : layout.rows.map((r) => r.username);

describe('grouping the rows', () => {
  it('groups by account in the settings’ order, then product, with each group’s total and share of this hour', () => {
    // Watched in mixed order: the Lab account's user first, Mobile before Residential.
    const rows = [row('b2', 1, 'lab-res', 100), row('1', 3, 'ops-mob', 300), row('1', 1, 'ops-res-a', 400), row('1', 1, 'ops-res-b', 200)];
    const layout = groupRows(rows, ACCOUNTS);
    expect(names(layout)).toEqual([
      ['1', [[1, ['ops-res-a', 'ops-res-b']], [3, ['ops-mob']]]],
      ['b2', [[1, ['lab-res']]]],
    ]);
    if (layout.kind !== 'accounts') throw new Error('accounts expected');
    const [ops, lab] = layout.accounts;
    expect([ops?.currentKb, ops?.share, lab?.currentKb, lab?.share]).toEqual([900, 0.9, 100, 0.1]);
    expect(ops?.products.map((product) => [product.currentKb, product.share])).toEqual([
      [600, 0.6],
      [300, 0.3],
    ]);
    expect(ops?.keys).toEqual([rows[1]?.key, rows[2]?.key, rows[3]?.key]);
  });

  it('leaves out the account level with one account, and lists flat with one product too', () => {
    const twoProducts = groupRows([row('1', 1, 'a', 1), row('1', 2, 'b', 3)], ACCOUNTS);
    expect(twoProducts.kind).toBe('products');
    expect(names(twoProducts)).toEqual([
      [1, ['a']],
      [2, ['b']],
    ]);
    const oneProduct = groupRows([row('1', 1, 'a', 1), row('1', 1, 'b', 3)], ACCOUNTS);
    expect(oneProduct).toEqual({ kind: 'flat', rows: [row('1', 1, 'a', 1), row('1', 1, 'b', 3)] });
  });

  it('past 8 rows starts the groups collapsed, and a lone product becomes a group that can collapse', () => {
    const many = Array.from({ length: 9 }, (_, i) => row('1', 1, `user${i}`, i));
    const single = groupRows(many, ACCOUNTS);
    expect(single.kind === 'products' && single.products.map((group) => [group.rows.length, group.startsOpen])).toEqual([[9, false]]);
    // A long list over two accounts: accounts start collapsed; a short account's products open when it is opened.
    const mixed = groupRows([...many, row('b2', 2, 'lab', 5)], ACCOUNTS);
    if (mixed.kind !== 'accounts') throw new Error('accounts expected');
    expect(mixed.accounts.map((group) => [group.rowCount, group.startsOpen, group.products.map((product) => product.startsOpen)])).toEqual([
      [9, false, [false]],
      [1, false, [true]],
    ]);
    const short = groupRows([row('1', 1, 'a', 1), row('b2', 1, 'b', 1)], ACCOUNTS);
    expect(short.kind === 'accounts' && short.accounts.every((group) => group.startsOpen)).toBe(true);
  });

  it('has no share to give when there is no traffic this hour', () => {
    const layout = groupRows([row('1', 1, 'a', 0), row('1', 2, 'b', 0)], ACCOUNTS);
    expect(layout.kind === 'products' && layout.products.map((group) => group.share)).toEqual([0, 0]);
  });
});

describe('focusing and filtering', () => {
  const rows = [row('1', 1, 'alice', 400), row('1', 3, 'bob', 300), row('b2', 1, 'alice', 100)];
  const layout = groupRows(rows, ACCOUNTS);

  it('finds the users a group or a row sums, and nothing for a group that is gone', () => {
    expect(focusTarget(layout, 'account:1')?.keys).toEqual([rows[0]?.key, rows[1]?.key]);
    expect(focusTarget(layout, 'product:1/3')).toEqual({ keys: [rows[1]?.key], kind: 'product', account: '1', proxyType: 3, username: null });
    expect(focusTarget(layout, `user:${rows[2]?.key}`)).toEqual({ keys: [rows[2]?.key], kind: 'user', account: 'b2', proxyType: 1, username: 'alice' });
    expect(focusTarget(layout, 'account:gone')).toBeNull();
  });

  it('keeps the rows whose name holds the text, in every account, and drops groups without one', () => {
    expect(names(filterLayout(layout, ' ALI '))).toEqual([
      ['1', [[1, ['alice']]]],
      ['b2', [[1, ['alice']]]],
    ]);
    const found = filterLayout(layout, 'bob');
    expect(found.kind === 'accounts' && found.accounts.map((group) => [group.account, group.rowCount, group.currentKb])).toEqual([['1', 1, 700]]);
    expect(names(filterLayout(layout, 'zzz'))).toEqual([]);
    expect(filterLayout(layout, '  ')).toBe(layout);
  });
});
