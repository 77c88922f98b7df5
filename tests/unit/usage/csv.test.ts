import { describe, expect, it } from 'vitest';
import { forecastBalance } from '@/utils/usage/forecast';
import { usageCsv } from '@/utils/usage/csv';
import type { UsageCache } from '@/utils/usage/cache';
import { watchKey } from '@/utils/settings/watched';
import { kb } from '@/utils/base/units';
import { kbCache } from '../support/usage-fixtures';

describe('CSV export', () => {
  const alice = watchKey({ account: '1', proxyType: 1, username: 'alice' });
  const aliceMobile = watchKey({ account: 'b2', proxyType: 3, username: 'alice' });
  const formula = watchKey({ account: '1', proxyType: 1, username: '=cmd' });
  const cache: UsageCache = kbCache({
    [alice]: { hours: { '2026-11-25 09': 1.5, '2026-11-25 08': 2048 }, fetchedAt: 0, trafficLimitKb: null, trafficBalanceKb: null },
    [aliceMobile]: { hours: { '2026-11-25 09': 4 }, fetchedAt: 0, trafficLimitKb: null, trafficBalanceKb: null },
    [formula]: { hours: { '2026-11-25 08': 1 }, fetchedAt: 0, trafficLimitKb: null, trafficBalanceKb: null },
  });

  it('writes one row per user and hour, with account and product, in API time and UTC, KB and bytes', () => {
    const users = [{ key: alice, account: 'Account 1', product: 'Residential', username: 'alice' }];
    expect(usageCsv(cache, users, { kind: 'offset', minutes: 480 })).toBe(
      'account,product,user,hour_api_time,hour_utc,kb,bytes\r\n' +
        'Account 1,Residential,alice,2026-11-25 08,2026-11-25 00,2048,2097152\r\n' +
        'Account 1,Residential,alice,2026-11-25 09,2026-11-25 01,1.5,1536\r\n',
    );
  });

  it('tells apart the same username under two accounts and products', () => {
    const users = [
      { key: alice, account: 'Ops', product: 'Residential', username: 'alice' },
      { key: aliceMobile, account: 'Lab, "EU"', product: 'Mobile', username: 'alice' },
    ];
    const lines = usageCsv(cache, users, { kind: 'offset', minutes: 0 }).split('\r\n');
    expect(lines).toContain('Ops,Residential,alice,2026-11-25 09,2026-11-25 09,1.5,1536');
    // RFC 4180: a label holding a comma or quotes is quoted, its quotes doubled.
    expect(lines).toContain('"Lab, ""EU""",Mobile,alice,2026-11-25 09,2026-11-25 09,4,4096');
  });

  it('keeps a spreadsheet from running a username or a label as a formula', () => {
    const users = [{ key: formula, account: '@team', product: 'Residential', username: '=cmd' }];
    const csv = usageCsv(cache, users, { kind: 'offset', minutes: 0 });
    expect(csv.split('\r\n')[1]).toBe("'@team,Residential,'=cmd,2026-11-25 08,2026-11-25 08,1,1024");
  });
});

describe('balance forecast', () => {
  const NOW = Date.parse('2026-11-25T12:00:00Z');

  it('says when the balance runs out at the last 24 hours’ rate', () => {
    expect(forecastBalance(kb(100), kb(25), NOW)).toEqual({ kind: 'runs-out', days: 4, at: Date.parse('2026-11-29T12:00:00Z') });
  });

  it('stays quiet when it would mean nothing', () => {
    expect(forecastBalance(null, kb(25), NOW)).toEqual({ kind: 'none' });
    expect(forecastBalance(kb(0), kb(25), NOW)).toEqual({ kind: 'none' });
    expect(forecastBalance(kb(100), kb(0), NOW)).toEqual({ kind: 'none' });
    expect(forecastBalance(kb(1_000_000), kb(1), NOW)).toEqual({ kind: 'none' });
  });
});
