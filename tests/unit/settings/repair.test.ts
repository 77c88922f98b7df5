import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ALERT_RULES } from '@/utils/settings/alert-rules';
import { formatApiTimezone, parseApiTimezone } from '@/utils/time/api-timezone';
import { checkApiBaseUrl, PRODUCTION_API_BASE } from '@/utils/api/origin';
import { CHART_HOURS_CHOICES, DEFAULT_SETTINGS, FIRST_ACCOUNT_ID, MAX_ACCOUNTS, MAX_WATCHED } from '@/utils/settings/model';
import { coerceSettings } from '@/utils/settings/repair';
import { watching } from '../support/watching';
import { settingsArb } from './arbitraries';

const TWO_ACCOUNTS = [
  { id: FIRST_ACCOUNT_ID, label: 'Scraping' },
  { id: 'b2', label: 'Research' },
];

/** Prices and budgets unlike the defaults in every field, so that a repair shows in the one it concerns. */
const GOOD_PRICES = { currency: 'EUR', perGb: { 1: 0.8, 2: null, 3: 0 } };
const GOOD_BUDGETS = {
  daily: { kind: 'traffic', kb: 5 * 1024 * 1024 },
  cycle: { kind: 'money', amount: 300 },
  cycleStartDay: 31,
  usePercents: [75, 150],
  forecastAlert: false,
  rapidUseAlert: false,
};

describe('coerceSettings', () => {
  it('falls back to the defaults for something that is not a settings object', () => {
    for (const raw of [undefined, null, 'settings', 42, [], true]) expect(coerceSettings(raw, false)).toEqual(DEFAULT_SETTINGS);
  });

  it('repairs each malformed field and keeps the good ones', () => {
    const raw = {
      accounts: TWO_ACCOUNTS,
      watched: [
        ...watching(['alice']),
        { account: FIRST_ACCOUNT_ID, proxyType: 1, username: 42 },
        ...watching(['has space', '', 'x'.repeat(65)]),
        { account: 'gone', proxyType: 1, username: 'ghost' },
        { account: 'b2', proxyType: 7, username: 'frank' },
        ...watching(['frank'], 3, 'b2'),
        null,
      ],
      badgeScope: { kind: 'account', account: 'gone' },
      pollIntervalMinutes: -5,
      apiTimezone: { kind: 'offset', minutes: 480 },
      apiBaseUrl: 'https://openapi.thordata.com/api',
      units: 'decimal',
    };
    expect(coerceSettings(raw, false)).toEqual({
      accounts: TWO_ACCOUNTS,
      watched: [...watching(['alice']), ...watching(['frank'], 3, 'b2')],
      badgeScope: { kind: 'all' },
      pollIntervalMinutes: 10,
      apiTimezone: { kind: 'offset', minutes: 480 },
      apiBaseUrl: 'https://openapi.thordata.com/api',
      units: 'decimal',
      chartHours: 24,
      alerts: DEFAULT_ALERT_RULES,
      prices: DEFAULT_SETTINGS.prices,
      budgets: DEFAULT_SETTINGS.budgets,
      badgeShows: 'traffic',
    });
  });

  it('turns the single account of earlier versions into the first account, product as set', () => {
    const settings = coerceSettings({ proxyType: '3', usernames: ['carol', 'dan'], pollIntervalMinutes: '30' }, false);
    expect(settings).toMatchObject({
      accounts: [{ id: FIRST_ACCOUNT_ID, label: '' }],
      watched: watching(['carol', 'dan'], 3),
      badgeScope: { kind: 'all' },
      pollIntervalMinutes: 30,
    });
    // An unknown product read as the documentation's default, Residential; bad names dropped.
    expect(coerceSettings({ proxyType: 7, usernames: ['alice', 42, 'has space'] }, false).watched).toEqual(watching(['alice']));
    expect(coerceSettings({ usernames: 'alice,bob' }, false).watched).toEqual([]);
  });

  it.each([
    ['an account id that could not be a key', { accounts: [{ id: 'a/b', label: '' }] }, { accounts: DEFAULT_SETTINGS.accounts }],
    ['no account at all', { accounts: [] }, { accounts: DEFAULT_SETTINGS.accounts }],
    ['a label that is not text', { accounts: [{ id: FIRST_ACCOUNT_ID, label: 5 }] }, { accounts: [{ id: FIRST_ACCOUNT_ID, label: '' }] }],
    ['a scope of an unknown kind', { badgeScope: { kind: 'user' } }, { badgeScope: { kind: 'all' } }],
    ['a product scope with a product as text', { badgeScope: { kind: 'product', proxyType: '3' } }, { badgeScope: { kind: 'product', proxyType: 3 } }],
    ['a fractional interval', { pollIntervalMinutes: 2.5 }, { pollIntervalMinutes: 10 }],
    ['an interval over a day', { pollIntervalMinutes: 1441 }, { pollIntervalMinutes: 10 }],
    ['a timezone stored as text', { apiTimezone: 'UTC+8' }, { apiTimezone: { kind: 'offset', minutes: 0 } }],
    ['an impossible offset', { apiTimezone: { kind: 'offset', minutes: 900 } }, { apiTimezone: { kind: 'offset', minutes: 0 } }],
    ['an offset as text', { apiTimezone: { kind: 'offset', minutes: '480' } }, { apiTimezone: { kind: 'offset', minutes: 0 } }],
    ['an unknown timezone kind', { apiTimezone: { kind: 'iana', name: 'Asia/Shanghai' } }, { apiTimezone: { kind: 'offset', minutes: 0 } }],
    ['an http base URL', { apiBaseUrl: 'http://openapi.thordata.com/api' }, { apiBaseUrl: PRODUCTION_API_BASE }],
    ['a base URL of another type', { apiBaseUrl: 12 }, { apiBaseUrl: PRODUCTION_API_BASE }],
    ['unknown units', { units: 'metric' }, { units: 'binary' }],
    ['a chart window that is not offered', { chartHours: 36 }, { chartHours: 24 }],
    ['a chart window as text', { chartHours: '48' }, { chartHours: 24 }],
    ['prices that are not a record', { prices: 'cheap' }, { prices: DEFAULT_SETTINGS.prices }],
    ['a currency in lower case', { prices: { ...GOOD_PRICES, currency: ' eur ' } }, { prices: { ...GOOD_PRICES, currency: 'EUR' } }],
    ['a currency Intl does not know', { prices: { ...GOOD_PRICES, currency: 'XYZ' } }, { prices: { ...GOOD_PRICES, currency: 'USD' } }],
    ['a currency that is not a code', { prices: { ...GOOD_PRICES, currency: 'dollars' } }, { prices: { ...GOOD_PRICES, currency: 'USD' } }],
    [
      'a negative, an infinite and a textual price, each on its own',
      { prices: { currency: 'EUR', perGb: { 1: -1, 2: '3', 3: 4.5 } } },
      { prices: { currency: 'EUR', perGb: { 1: null, 2: null, 3: 4.5 } } },
    ],
    ['prices without their products', { prices: { currency: 'EUR' } }, { prices: { currency: 'EUR', perGb: { 1: null, 2: null, 3: null } } }],
    ['budgets that are not a record', { budgets: [] }, { budgets: DEFAULT_SETTINGS.budgets }],
    ['a budget of 0 GB', { budgets: { ...GOOD_BUDGETS, daily: { kind: 'traffic', kb: 0 } } }, { budgets: { ...GOOD_BUDGETS, daily: { kind: 'off' } } }],
    [
      'a money budget of text',
      { budgets: { ...GOOD_BUDGETS, cycle: { kind: 'money', amount: '20' } } },
      { budgets: { ...GOOD_BUDGETS, cycle: { kind: 'off' } } },
    ],
    ['a budget of an unknown kind', { budgets: { ...GOOD_BUDGETS, daily: { kind: 'time', hours: 3 } } }, { budgets: { ...GOOD_BUDGETS, daily: { kind: 'off' } } }],
    ['a cycle starting on day 0', { budgets: { ...GOOD_BUDGETS, cycleStartDay: 0 } }, { budgets: { ...GOOD_BUDGETS, cycleStartDay: 1 } }],
    ['a cycle starting on day 32', { budgets: { ...GOOD_BUDGETS, cycleStartDay: 32 } }, { budgets: { ...GOOD_BUDGETS, cycleStartDay: 1 } }],
    ['a cycle starting on day 1.5', { budgets: { ...GOOD_BUDGETS, cycleStartDay: 1.5 } }, { budgets: { ...GOOD_BUDGETS, cycleStartDay: 1 } }],
    ['a cycle start day as text', { budgets: { ...GOOD_BUDGETS, cycleStartDay: '15' } }, { budgets: { ...GOOD_BUDGETS, cycleStartDay: 1 } }],
    [
      'percentages out of order and repeated',
      { budgets: { ...GOOD_BUDGETS, usePercents: [100, 50, 100, 80] } },
      { budgets: { ...GOOD_BUDGETS, usePercents: [50, 80, 100] } },
    ],
    ['a percentage past 200', { budgets: { ...GOOD_BUDGETS, usePercents: [50, 250] } }, { budgets: { ...GOOD_BUDGETS, usePercents: [50, 80, 100] } }],
    ['a fractional percentage', { budgets: { ...GOOD_BUDGETS, usePercents: [50.5] } }, { budgets: { ...GOOD_BUDGETS, usePercents: [50, 80, 100] } }],
    [
      'more than six percentages',
      { budgets: { ...GOOD_BUDGETS, usePercents: [10, 20, 30, 40, 50, 60, 70] } },
      { budgets: { ...GOOD_BUDGETS, usePercents: [50, 80, 100] } },
    ],
    ['percentages as text', { budgets: { ...GOOD_BUDGETS, usePercents: '50, 80' } }, { budgets: { ...GOOD_BUDGETS, usePercents: [50, 80, 100] } }],
    [
      'alert switches that are not true or false',
      { budgets: { ...GOOD_BUDGETS, forecastAlert: 'no', rapidUseAlert: 0 } },
      { budgets: { ...GOOD_BUDGETS, forecastAlert: true, rapidUseAlert: true } },
    ],
    ['an unknown badge choice', { badgeShows: 'cost' }, { badgeShows: 'traffic' }],
  ])('repairs %s', (_, raw, repaired) => {
    const good = {
      accounts: DEFAULT_SETTINGS.accounts,
      watched: watching(['alice'], 2),
      badgeScope: { kind: 'all' },
      pollIntervalMinutes: 5,
      apiTimezone: { kind: 'browser' },
      apiBaseUrl: PRODUCTION_API_BASE,
      units: 'decimal',
      chartHours: 24,
      alerts: DEFAULT_ALERT_RULES,
      prices: GOOD_PRICES,
      budgets: GOOD_BUDGETS,
      badgeShows: 'today-cost',
    };
    expect(coerceSettings({ ...good, ...raw }, false)).toEqual({ ...good, ...repaired });
  });

  it('keeps a money budget and the cost on the badge when no product has a price', () => {
    const raw = {
      prices: { currency: 'USD', perGb: { 1: null, 2: null, 3: null } },
      budgets: { ...GOOD_BUDGETS, daily: { kind: 'money', amount: 12.5 } },
      badgeShows: 'today-cost',
    };
    expect(coerceSettings(raw, false)).toMatchObject({
      budgets: { daily: { kind: 'money', amount: 12.5 }, cycle: { kind: 'money', amount: 300 } },
      badgeShows: 'today-cost',
    });
  });

  it('does not break on stored JSON objects that cannot be turned into text', () => {
    const raw: unknown = JSON.parse('{"proxyType":{"toString":0},"pollIntervalMinutes":[{"toString":0}],"usernames":["alice"]}');
    expect(() => coerceSettings(raw, false)).not.toThrow();
    expect(coerceSettings(raw, false)).toEqual({ ...DEFAULT_SETTINGS, watched: watching(['alice']) });
  });

  it('keeps a loopback base URL only where loopback is allowed', () => {
    const raw = { apiBaseUrl: 'http://127.0.0.1:8787/api/' };
    expect(coerceSettings(raw, true).apiBaseUrl).toBe('http://127.0.0.1:8787/api');
    expect(coerceSettings(raw, false).apiBaseUrl).toBe(PRODUCTION_API_BASE);
  });

  it('keeps at most the maximum number of watched users and accounts', () => {
    const many = watching(Array.from({ length: MAX_WATCHED + 5 }, (_, i) => `user${i}`));
    expect(coerceSettings({ watched: many }, false).watched).toEqual(many.slice(0, MAX_WATCHED));
    const accounts = Array.from({ length: MAX_ACCOUNTS + 3 }, (_, i) => ({ id: `a${i}`, label: '' }));
    expect(coerceSettings({ accounts }, false).accounts).toHaveLength(MAX_ACCOUNTS);
  });

  it('collapses repeated entries, which would otherwise be counted twice, but keeps a name under another product or account', () => {
    const watched = [...watching(['alice', 'bob', 'alice']), ...watching(['alice'], 3), ...watching(['alice'], 1, 'b2')];
    expect(coerceSettings({ accounts: TWO_ACCOUNTS, watched }, false).watched).toEqual([
      ...watching(['alice', 'bob']),
      ...watching(['alice'], 3),
      ...watching(['alice'], 1, 'b2'),
    ]);
  });

  it('leaves valid settings unchanged', () => {
    fc.assert(
      fc.property(settingsArb, (settings) => {
        expect(coerceSettings(JSON.parse(JSON.stringify(settings)), true)).toEqual(settings);
      }),
    );
  });

  it('always yields settings whose every field is valid', () => {
    const field = fc.oneof(fc.anything(), fc.constantFrom(1, 2, 3, '2', 'decimal', { kind: 'offset', minutes: 330 }, ['a', 'b'], TWO_ACCOUNTS));
    const amount = fc.oneof(fc.double(), fc.integer({ min: -5, max: 250 }), field);
    const limit = fc.oneof(field, fc.record({ kind: fc.constantFrom('off', 'traffic', 'money', 'other'), kb: amount, amount }, { requiredKeys: [] }));
    const prices = fc.record(
      { currency: fc.oneof(field, fc.constantFrom('eur', 'USD', 'XYZ')), perGb: fc.oneof(field, fc.dictionary(fc.constantFrom('1', '2', '3', '4'), amount)) },
      { requiredKeys: [] },
    );
    const budgets = fc.record(
      {
        daily: limit,
        cycle: limit,
        cycleStartDay: fc.oneof(field, amount),
        usePercents: fc.oneof(field, fc.array(fc.oneof(amount, field))),
        forecastAlert: field,
        rapidUseAlert: field,
      },
      { requiredKeys: [] },
    );
    const entry = fc.record({ account: fc.constantFrom(FIRST_ACCOUNT_ID, 'b2', 'zz', 5), proxyType: field, username: fc.oneof(fc.string(), field) }, { requiredKeys: [] });
    const raw = fc.oneof(
      fc.anything(),
      fc.record(
        {
          proxyType: field,
          usernames: field,
          accounts: field,
          watched: fc.oneof(field, fc.array(entry)),
          badgeScope: fc.oneof(field, fc.record({ kind: fc.constantFrom('all', 'account', 'product'), account: field, proxyType: field })),
          pollIntervalMinutes: field,
          apiTimezone: field,
          apiBaseUrl: field,
          units: field,
          chartHours: field,
          prices: fc.oneof(field, prices),
          budgets: fc.oneof(field, budgets),
          badgeShows: fc.oneof(field, fc.constantFrom('traffic', 'today-cost')),
        },
        { requiredKeys: [] },
      ),
    );
    fc.assert(
      fc.property(raw, (value) => {
        const settings = coerceSettings(value, false);
        const ids = settings.accounts.map((account) => account.id);
        expect(ids.length).toBeGreaterThanOrEqual(1);
        expect(new Set(ids).size).toBe(ids.length);
        expect(settings.watched.length).toBeLessThanOrEqual(MAX_WATCHED);
        for (const user of settings.watched) {
          expect(ids).toContain(user.account);
          expect([1, 2, 3]).toContain(user.proxyType);
          expect(user.username).toMatch(/^[^\s,;]{1,64}$/);
        }
        if (settings.badgeScope.kind === 'account') expect(ids).toContain(settings.badgeScope.account);
        if (settings.badgeScope.kind === 'product') expect([1, 2, 3]).toContain(settings.badgeScope.proxyType);
        expect(Number.isInteger(settings.pollIntervalMinutes)).toBe(true);
        expect(settings.pollIntervalMinutes).toBeGreaterThanOrEqual(1);
        expect(settings.pollIntervalMinutes).toBeLessThanOrEqual(1440);
        expect(parseApiTimezone(formatApiTimezone(settings.apiTimezone))).toEqual(settings.apiTimezone);
        expect(checkApiBaseUrl(settings.apiBaseUrl, false)).toEqual({ ok: true, baseUrl: settings.apiBaseUrl });
        expect(['binary', 'decimal']).toContain(settings.units);
        expect(CHART_HOURS_CHOICES).toContain(settings.chartHours);
        expect(settings.prices.currency).toMatch(/^[A-Z]{3}$/);
        expect(() => new Intl.NumberFormat('en', { style: 'currency', currency: settings.prices.currency })).not.toThrow();
        for (const price of Object.values(settings.prices.perGb)) if (price !== null) expect(Number.isFinite(price) && price >= 0).toBe(true);
        expect(Object.keys(settings.prices.perGb)).toEqual(['1', '2', '3']);
        for (const limit of [settings.budgets.daily, settings.budgets.cycle]) {
          if (limit.kind === 'traffic') expect(Number.isFinite(limit.kb) && limit.kb > 0).toBe(true);
          if (limit.kind === 'money') expect(Number.isFinite(limit.amount) && limit.amount > 0).toBe(true);
        }
        expect(Number.isInteger(settings.budgets.cycleStartDay) && settings.budgets.cycleStartDay >= 1 && settings.budgets.cycleStartDay <= 31).toBe(true);
        const percents = settings.budgets.usePercents;
        expect(percents.length).toBeLessThanOrEqual(6);
        expect([...new Set(percents)].sort((a, b) => a - b)).toEqual(percents);
        for (const percent of percents) expect(Number.isInteger(percent) && percent >= 1 && percent <= 200).toBe(true);
        expect(typeof settings.budgets.forecastAlert).toBe('boolean');
        expect(typeof settings.budgets.rapidUseAlert).toBe('boolean');
        expect(['traffic', 'today-cost']).toContain(settings.badgeShows);
      }),
    );
  });
});
