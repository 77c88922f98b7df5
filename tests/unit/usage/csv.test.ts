import { describe, expect, it } from 'vitest';
import { forecastBalance } from '@/utils/usage/forecast';
import { usageCsv } from '@/utils/usage/csv';
import { userKey, type UsageCache } from '@/utils/usage/cache';
import { kb } from '@/utils/base/units';
import { kbCache } from '../support/usage-fixtures';

describe('CSV export', () => {
  const cache: UsageCache = kbCache({
    [userKey(1, 'alice')]: { hours: { '2026-11-25 09': 1.5, '2026-11-25 08': 2048 }, fetchedAt: 0, trafficLimitKb: null, trafficBalanceKb: null },
    [userKey(1, '=cmd')]: { hours: { '2026-11-25 08': 1 }, fetchedAt: 0, trafficLimitKb: null, trafficBalanceKb: null },
  });

  it('writes one row per user and hour, in API time and UTC, KB and bytes', () => {
    const names = new Map([[userKey(1, 'alice'), 'alice']]);
    expect(usageCsv(cache, names, { kind: 'offset', minutes: 480 })).toBe(
      'user,hour_api_time,hour_utc,kb,bytes\r\nalice,2026-11-25 08,2026-11-25 00,2048,2097152\r\nalice,2026-11-25 09,2026-11-25 01,1.5,1536\r\n',
    );
  });

  it('keeps a spreadsheet from running a username as a formula', () => {
    const csv = usageCsv(cache, new Map([[userKey(1, '=cmd'), '=cmd']]), { kind: 'offset', minutes: 0 });
    expect(csv.split('\r\n')[1]).toBe("'=cmd,2026-11-25 08,2026-11-25 08,1,1024");
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
