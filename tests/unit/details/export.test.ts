import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { dayBuckets, hourBuckets } from '@/utils/details/range';
import { seriesLabel } from '@/utils/details/labels';
import { detailsCsv, detailsJson, exportFileName, type DetailsExportInput } from '@/utils/details/export';
import { DEFAULT_SETTINGS, type Settings, type WatchedUser } from '@/utils/settings/model';
import { settingsItem, tokenItem } from '@/utils/storage/items';
import type { ApiTimezone } from '@/utils/time/api-timezone';
import { CHINESE, ENGLISH } from '../support/languages';
import { figuresOf, userSeries } from '../support/detail-figures';

const UTC8: ApiTimezone = { kind: 'offset', minutes: 480 };
const ALICE: WatchedUser = { account: '1', proxyType: 1, username: 'alice' };
const TRICKY: WatchedUser = { account: 'k7x2q9', proxyType: 2, username: '=HYPERLINK("http://x.test","a,b")' };
const PLUS: WatchedUser = { account: '1', proxyType: 3, username: '+1' };
const SETTINGS: Settings = {
  ...DEFAULT_SETTINGS,
  accounts: [
    { id: '1', label: 'Agency, "North"\nteam' },
    { id: 'k7x2q9', label: '' },
  ],
  watched: [ALICE, TRICKY, PLUS],
  apiTimezone: UTC8,
};

const DAYS = dayBuckets('2026-11-29', '2026-11-30');
const FIGURES = figuresOf(DAYS.days, [
  [userSeries(ALICE), [1.5, 2]],
  [userSeries(TRICKY), [10, null]],
]);
const PREVIOUS = figuresOf(['2026-11-27', '2026-11-28'], [
  [userSeries(ALICE), [1, 1]],
  [userSeries(TRICKY), [3, 3]],
]);
const INPUT: DetailsExportInput = { range: DAYS, stackBy: 'user', figures: FIGURES, previous: PREVIOUS, settings: SETTINGS, generatedAt: Date.parse('2026-11-30T09:15:00Z') };

describe('the CSV export', () => {
  it('has one CRLF row per bucket and series, current then previous, with the bucket’s UTC start, KB and bytes', () => {
    const csv = detailsCsv(INPUT, ENGLISH);
    expect(csv.endsWith('\r\n')).toBe(true);
    // Records end in CRLF; the only other break is the one quoted inside a label.
    expect(csv.replaceAll('\r\n', '')).not.toContain('\r');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('period,bucket,bucket_start_utc,series,account,product,user,kb,bytes,known');
    // Days of UTC+8 start at 16:00 UTC the day before.
    expect(lines[1]).toBe('current,2026-11-29,2026-11-28T16:00:00Z,"alice (Agency, ""North""\nteam · Residential)","Agency, ""North""\nteam",Residential,alice,1.5,1536,yes');
    expect(lines.filter((line) => line.startsWith('current,')).length + lines.filter((line) => line.startsWith('previous,')).length).toBe(8);
    expect(lines[5]).toBe('previous,2026-11-27,2026-11-26T16:00:00Z,"alice (Agency, ""North""\nteam · Residential)","Agency, ""North""\nteam",Residential,alice,1,1024,yes');
    expect(lines.at(-1)).toBe('');
  });

  it('quotes commas, quotes and line breaks (RFC 4180) and guards a name a spreadsheet would run as a formula', () => {
    const lines = detailsCsv(INPUT, ENGLISH).split('\r\n');
    expect(lines[2]).toBe(`current,2026-11-29,2026-11-28T16:00:00Z,"'=HYPERLINK(""http://x.test"",""a,b"") (Account 2 · Unlimited)",Account 2,Unlimited,"'=HYPERLINK(""http://x.test"",""a,b"")",10,10240,yes`);
    const plus = detailsCsv({ ...INPUT, figures: figuresOf(['2026-11-29'], [[userSeries(PLUS), [4]]]), previous: null }, ENGLISH).split('\r\n');
    expect(plus[1]).toBe(`current,2026-11-29,2026-11-28T16:00:00Z,"'+1 (Agency, ""North""\nteam · Mobile)","Agency, ""North""\nteam",Mobile,'+1,4,4096,yes`);
  });

  it('writes a figure not fetched yet as empty with known=no, never as 0', () => {
    const lines = detailsCsv(INPUT, ENGLISH).split('\r\n');
    expect(lines[4]).toMatch(/,Account 2,Unlimited,.*,,,no$/);
  });

  it('names a product series by its product alone, and writes hours as the API keys them with their UTC start', () => {
    const hours = hourBuckets(Date.parse('2026-11-30T02:30:00Z'), 2, UTC8);
    expect(hours.hours).toEqual(['2026-11-30 09', '2026-11-30 10']);
    const byProduct = figuresOf(hours.hours, [[{ kind: 'product', proxyType: 1 }, [0, 2048]]]);
    const csv = detailsCsv({ ...INPUT, range: hours, stackBy: 'product', figures: byProduct, previous: null }, ENGLISH).split('\r\n');
    expect(csv.slice(1, 3)).toEqual(['current,2026-11-30 09,2026-11-30T01:00:00Z,Residential,,Residential,,0,0,yes', 'current,2026-11-30 10,2026-11-30T02:00:00Z,Residential,,Residential,,2048,2097152,yes']);
  });

  it('speaks the reader’s language in names, keeping the column names and values machine-readable', () => {
    const lines = detailsCsv(INPUT, CHINESE).split('\r\n');
    expect(lines[0]).toBe('period,bucket,bucket_start_utc,series,account,product,user,kb,bytes,known');
    expect(lines[4]).toMatch(/^current,2026-11-30,.*,账户 2,.*,,,no$/);
  });
});

describe('the JSON export', () => {
  it('holds the range, each series by name with its KB values, the totals, the previous period and the change', () => {
    const json: unknown = JSON.parse(detailsJson(INPUT, ENGLISH));
    expect(json).toEqual({
      generatedAt: '2026-11-30T09:15:00.000Z',
      range: { granularity: 'day', first: '2026-11-29', last: '2026-11-30', apiTimezone: 'UTC+8', buckets: ['2026-11-29', '2026-11-30'] },
      stackBy: 'user',
      unit: 'KB',
      series: [
        { label: 'alice (Agency, "North"\nteam · Residential)', account: 'Agency, "North"\nteam', product: 'Residential', user: 'alice', values: [1.5, 2], total: 3.5 },
        { label: '=HYPERLINK("http://x.test","a,b") (Account 2 · Unlimited)', account: 'Account 2', product: 'Unlimited', user: TRICKY.username, values: [10, null], total: null },
      ],
      bucketTotals: [11.5, null],
      total: null,
      previous: {
        range: { granularity: 'day', first: '2026-11-27', last: '2026-11-28', apiTimezone: 'UTC+8', buckets: ['2026-11-27', '2026-11-28'] },
        series: [
          { label: 'alice (Agency, "North"\nteam · Residential)', account: 'Agency, "North"\nteam', product: 'Residential', user: 'alice', values: [1, 1], total: 2 },
          { label: '=HYPERLINK("http://x.test","a,b") (Account 2 · Unlimited)', account: 'Account 2', product: 'Unlimited', user: TRICKY.username, values: [3, 3], total: 6 },
        ],
        bucketTotals: [4, 4],
        total: 8,
      },
      change: null,
    });
  });

  it('gives the change as a fraction when both totals are known, and no previous period when there is none', () => {
    const known = figuresOf(DAYS.days, [[userSeries(ALICE), [6, 6]]]);
    const before = figuresOf(['2026-11-27', '2026-11-28'], [[userSeries(ALICE), [5, 5]]]);
    const compared = JSON.parse(detailsJson({ ...INPUT, figures: known, previous: before }, ENGLISH)) as { change: number; series: { account: string | null; user: string | null }[] };
    expect(compared.change).toBeCloseTo(0.2);
    const alone = JSON.parse(detailsJson({ ...INPUT, stackBy: 'product', figures: figuresOf(DAYS.days, [[{ kind: 'product', proxyType: 3 }, [1, 2]]]), previous: null }, ENGLISH)) as Record<string, unknown>;
    expect(alone.previous).toBeNull();
    expect(alone.change).toBeNull();
    expect(alone.series).toEqual([{ label: 'Mobile', account: null, product: 'Mobile', user: null, values: [1, 2], total: 3 }]);
  });
});

describe('the exports and the token', () => {
  const TOKEN = 'tok_9f8e7d6c5b4a3210fedcba9876543210';

  beforeEach(async () => {
    fakeBrowser.reset();
    await settingsItem.setValue(SETTINGS);
    await tokenItem('1').setValue(TOKEN);
    await tokenItem('k7x2q9').setValue(`${TOKEN}-2`);
  });

  it('never hold a token, even with one stored beside the settings: accounts appear by label only, never by id', async () => {
    const settings = await settingsItem.getValue();
    expect(await tokenItem('1').getValue()).toBe(TOKEN);
    const input = { ...INPUT, settings };
    for (const language of [ENGLISH, CHINESE]) {
      const csv = detailsCsv(input, language);
      const json = detailsJson(input, language);
      for (const text of [csv, json, exportFileName(input, 'png')]) {
        expect(text).not.toContain('tok_');
        expect(text).not.toContain('k7x2q9');
      }
      // Every string in the JSON is a label, a name, a key or a date.
      const strings: string[] = [];
      JSON.parse(json, (_, value: unknown) => (typeof value === 'string' ? (strings.push(value), value) : value));
      const allowed = new Set([
        ...(language === ENGLISH ? ['Agency, "North"\nteam', 'Account 2', 'Residential', 'Unlimited'] : ['Agency, "North"\nteam', '账户 2', '住宅代理', '不限量代理']),
        ...input.figures.series.map((series) => seriesLabel(series.of, settings, language)),
        ...['alice', TRICKY.username],
        ...['day', 'user', 'KB', 'UTC+8', '2026-11-30T09:15:00.000Z', '2026-11-27', '2026-11-28', '2026-11-29', '2026-11-30'],
      ]);
      expect(strings.filter((value) => !allowed.has(value))).toEqual([]);
    }
  });
});

describe('the export file name', () => {
  it('names the range and the stacking, with no space or colon', () => {
    expect(exportFileName(INPUT, 'csv')).toBe('thordata-usage-2026-11-29_2026-11-30-by-user.csv');
    const hours = hourBuckets(Date.parse('2026-11-30T02:30:00Z'), 24, UTC8);
    expect(exportFileName({ ...INPUT, range: hours, stackBy: 'product' }, 'png')).toBe('thordata-usage-2026-11-29T11_2026-11-30T10-by-product.png');
  });
});
