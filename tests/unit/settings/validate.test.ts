import fc from 'fast-check';
import { DEFAULT_ALERT_RULES } from '@/utils/settings/alert-rules';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, MAX_WATCHED, type Settings, type WatchedUser } from '@/utils/settings/model';
import {
  accountFieldOf,
  blankAccount,
  convertMoneyUnits,
  draftFromSettings,
  draftValue,
  followDraft,
  withDraftValue,
  type AccountDraft,
  type FieldKey,
  type MoneyDraft,
  type SettingsDraft,
} from '@/utils/settings/draft';
import { kb, KB_PER_GB } from '@/utils/base/units';
import { money } from '@/utils/base/money';
import { draftWatched, validateDraft, type FieldProblem } from '@/utils/settings/validate';
import { settingsArb } from './arbitraries';

const FIRST: AccountDraft = { id: '1', label: '  Team A ', token: '  abcDEF123456  ', typed: 'alice, bob\ncarol   alice;dave,,\n', product: '3' };

const GOOD_DRAFT: SettingsDraft = {
  accounts: [FIRST],
  watched: [{ account: '1', proxyType: 1, username: 'zed' }],
  badgeScope: 'product:3',
  pollIntervalMinutes: '15',
  apiTimezone: 'UTC+8',
  apiBaseUrl: 'https://openapi.thordata.com/api/',
  units: 'decimal',
  chartHours: '48',
  money: draftFromSettings(DEFAULT_SETTINGS, {}).money,
};

const CURRENT: Settings = DEFAULT_SETTINGS;

const second = (changes: Partial<AccountDraft> = {}): AccountDraft => ({ ...blankAccount('k2x9qa'), ...changes });
const users = (account: string, count: number, proxyType: 1 | 2 | 3 = 1): WatchedUser[] =>
  Array.from({ length: count }, (_, i) => ({ account, proxyType, username: `u${i}` }));

function errorsOf(draft: Partial<SettingsDraft>, allowLoopback = false) {
  const result = validateDraft({ ...GOOD_DRAFT, ...draft }, allowLoopback, CURRENT, 'en');
  expect(result.ok).toBe(false);
  expect('value' in result).toBe(false);
  return result.ok ? {} : result.error;
}

const firstWith = (changes: Partial<AccountDraft>) => ({ accounts: [{ ...FIRST, ...changes }] });

describe('validateDraft', () => {
  it('turns a good draft into settings, with the typed names watched under the chosen product, and a trimmed token', () => {
    expect(validateDraft(GOOD_DRAFT, false, CURRENT, 'en')).toEqual({
      ok: true,
      value: {
        tokens: { '1': 'abcDEF123456' },
        settings: {
          accounts: [{ id: '1', label: 'Team A' }],
          watched: [
            { account: '1', proxyType: 1, username: 'zed' },
            ...['alice', 'bob', 'carol', 'dave'].map((username) => ({ account: '1', proxyType: 3, username })),
          ],
          badgeScope: { kind: 'product', proxyType: 3 },
          pollIntervalMinutes: 15,
          apiTimezone: { kind: 'offset', minutes: 480 },
          apiBaseUrl: 'https://openapi.thordata.com/api',
          units: 'decimal',
          chartHours: 48,
          alerts: DEFAULT_ALERT_RULES,
          prices: DEFAULT_SETTINGS.prices,
          budgets: DEFAULT_SETTINGS.budgets,
          badgeShows: 'traffic',
        },
      },
    });
  });

  it('saves two accounts with their own labels, tokens and users, and a badge scope naming one', () => {
    const result = validateDraft(
      {
        ...GOOD_DRAFT,
        accounts: [{ ...FIRST, typed: '' }, second({ label: 'Staging', token: 'other-token-789', typed: 'mob_1', product: '3' })],
        badgeScope: 'account:k2x9qa',
      },
      false,
      CURRENT,
      'en',
    );
    expect(result.ok && result.value.tokens).toEqual({ '1': 'abcDEF123456', k2x9qa: 'other-token-789' });
    expect(result.ok && result.value.settings).toMatchObject({
      accounts: [
        { id: '1', label: 'Team A' },
        { id: 'k2x9qa', label: 'Staging' },
      ],
      watched: [
        { account: '1', proxyType: 1, username: 'zed' },
        { account: 'k2x9qa', proxyType: 3, username: 'mob_1' },
      ],
      badgeScope: { kind: 'account', account: 'k2x9qa' },
    });
  });

  it.each<[string, Partial<SettingsDraft>, FieldKey, FieldProblem]>([
    ['an empty token', firstWith({ token: '   ' }), 'token-1', { code: 'token-missing' }],
    ['a token with spaces', firstWith({ token: 'abcd efgh ijkl' }), 'token-1', { code: 'token-malformed', min: 8, max: 256 }],
    ['a token that is too short', firstWith({ token: 'abc' }), 'token-1', { code: 'token-malformed', min: 8, max: 256 }],
    ['a token that is too long', firstWith({ token: 'x'.repeat(257) }), 'token-1', { code: 'token-malformed', min: 8, max: 256 }],
    ['a label that is too long', firstWith({ label: 'x'.repeat(41) }), 'label-1', { code: 'label-too-long', max: 40 }],
    ['an unknown proxy type for typed names', firstWith({ product: '4' }), 'product-1', { code: 'proxy-type-unknown' }],
    ['nothing watched', { watched: [], ...firstWith({ typed: ' ,, \n ' }) }, 'typed-1', { code: 'watched-missing' }],
    [
      'more users than may be watched',
      { watched: users('1', MAX_WATCHED), ...firstWith({ typed: 'one_more' }) },
      'watched',
      { code: 'watched-too-many', max: MAX_WATCHED, count: MAX_WATCHED + 1 },
    ],
    [
      'a username that is too long',
      firstWith({ typed: `alice ${'x'.repeat(65)}` }),
      'typed-1',
      { code: 'username-invalid', username: 'x'.repeat(65), maxLength: 64 },
    ],
    ['a badge scope naming no account', { badgeScope: 'account:gone12' }, 'badgeScope', { code: 'badge-scope-unknown' }],
    ['an interval of 0', { pollIntervalMinutes: '0' }, 'pollIntervalMinutes', { code: 'interval-out-of-range', min: 1, max: 1440 }],
    ['an interval of 1441', { pollIntervalMinutes: '1441' }, 'pollIntervalMinutes', { code: 'interval-out-of-range', min: 1, max: 1440 }],
    ['an interval of abc', { pollIntervalMinutes: 'abc' }, 'pollIntervalMinutes', { code: 'interval-out-of-range', min: 1, max: 1440 }],
    ['an interval of 2.5', { pollIntervalMinutes: '2.5' }, 'pollIntervalMinutes', { code: 'interval-out-of-range', min: 1, max: 1440 }],
    ['an empty interval', { pollIntervalMinutes: '' }, 'pollIntervalMinutes', { code: 'interval-out-of-range', min: 1, max: 1440 }],
    ['a timezone name', { apiTimezone: 'Asia/Shanghai' }, 'apiTimezone', { code: 'timezone-unknown' }],
    ['an impossible offset', { apiTimezone: 'UTC+15' }, 'apiTimezone', { code: 'timezone-unknown' }],
    ['unknown units', { units: 'metric' }, 'units', { code: 'units-unknown' }],
    ['a chart window that is not offered', { chartHours: '36' }, 'chartHours', { code: 'chart-hours-unknown', choices: [12, 24, 48, 72] }],
    ['an empty chart window', { chartHours: '' }, 'chartHours', { code: 'chart-hours-unknown', choices: [12, 24, 48, 72] }],
    ['not a URL', { apiBaseUrl: 'openapi.thordata.com' }, 'apiBaseUrl', { code: 'not-a-url' }],
    ['a base URL with a query', { apiBaseUrl: 'https://openapi.thordata.com/api?x=1' }, 'apiBaseUrl', { code: 'has-query-or-credentials' }],
    ['an http base URL', { apiBaseUrl: 'http://openapi.thordata.com/api' }, 'apiBaseUrl', { code: 'not-thordata' }],
    ['another host', { apiBaseUrl: 'https://example.com/api' }, 'apiBaseUrl', { code: 'not-thordata' }],
    ['a loopback base URL in a production build', { apiBaseUrl: 'http://127.0.0.1:8787/api' }, 'apiBaseUrl', { code: 'not-thordata' }],
  ])('rejects %s with a problem for that field only', (_, change, field, problem) => {
    expect(errorsOf(change)).toEqual({ [field]: problem });
  });

  it('accepts as many users as may be watched, over several accounts', () => {
    const draft = { ...GOOD_DRAFT, accounts: [{ ...FIRST, typed: '' }, second({ token: 'other-token-789' })], watched: [...users('1', 300), ...users('k2x9qa', 200, 2)] };
    const result = validateDraft(draft, false, CURRENT, 'en');
    expect(result.ok && result.value.settings.watched).toHaveLength(MAX_WATCHED);
  });

  it('asks for a token on the account with watched users only, and saves an account without users or token', () => {
    const withUsers = { ...GOOD_DRAFT, accounts: [{ ...FIRST, typed: '' }, second({ label: 'Later' })] };
    expect(validateDraft(withUsers, false, CURRENT, 'en')).toMatchObject({ ok: true, value: { tokens: { k2x9qa: '' } } });
    expect(errorsOf({ ...withUsers, watched: [...GOOD_DRAFT.watched, ...users('k2x9qa', 1)] })).toEqual({ 'token-k2x9qa': { code: 'token-missing' } });
    expect(errorsOf({ ...withUsers, accounts: [withUsers.accounts[0] as AccountDraft, second({ typed: 'typed_one' })] })).toEqual({
      'token-k2x9qa': { code: 'token-missing' },
    });
    expect(errorsOf({ ...withUsers, accounts: [withUsers.accounts[0] as AccountDraft, second({ token: 'bad token' })] })).toEqual({
      'token-k2x9qa': { code: 'token-malformed', min: 8, max: 256 },
    });
  });

  it('drops the watched users of an account no longer in the draft', () => {
    const result = validateDraft({ ...GOOD_DRAFT, watched: [...GOOD_DRAFT.watched, ...users('gone12', 3)] }, false, CURRENT, 'en');
    expect(result.ok && result.value.settings.watched.map((entry) => entry.account)).not.toContain('gone12');
  });

  it('names the loopback way out only in a build that allows it', () => {
    expect(errorsOf({ apiBaseUrl: 'https://example.com/api' }, true)).toEqual({ apiBaseUrl: { code: 'not-thordata-or-loopback' } });
  });

  it('gives each bad field its own problem at once', () => {
    const errors = errorsOf({
      accounts: [{ ...FIRST, token: '', label: 'x'.repeat(50), typed: '', product: 'x' }],
      watched: [],
      badgeScope: 'none',
      pollIntervalMinutes: '0',
      apiTimezone: 'GMT',
      apiBaseUrl: 'not a url',
      units: '',
      chartHours: '0',
    });
    expect(Object.keys(errors).sort()).toEqual([
      'apiBaseUrl',
      'apiTimezone',
      'badgeScope',
      'chartHours',
      'label-1',
      'pollIntervalMinutes',
      'token-1',
      'typed-1',
      'units',
    ]);
    expect(new Set(Object.values(errors).map((problem) => problem?.code)).size).toBe(9);
  });

  it('accepts the bounds of the interval and a loopback base in the demo build', () => {
    expect(validateDraft({ ...GOOD_DRAFT, pollIntervalMinutes: '1' }, false, CURRENT, 'en').ok).toBe(true);
    expect(validateDraft({ ...GOOD_DRAFT, pollIntervalMinutes: ' 1440 ' }, false, CURRENT, 'en').ok).toBe(true);
    const demo = validateDraft({ ...GOOD_DRAFT, apiBaseUrl: 'http://127.0.0.1:8787/api' }, true, CURRENT, 'en');
    expect(demo.ok && demo.value.settings.apiBaseUrl).toBe('http://127.0.0.1:8787/api');
  });
});

describe('validateDraft: prices and budgets', () => {
  // GOOD_DRAFT watches Residential (zed) and Mobile (the names typed under product 3).
  const moneyChange = (changes: Partial<MoneyDraft>): Partial<SettingsDraft> => ({ money: { ...GOOD_DRAFT.money, ...changes } });
  const saved = (changes: Partial<MoneyDraft>, units = GOOD_DRAFT.units, locale = 'en') => {
    const result = validateDraft({ ...GOOD_DRAFT, ...moneyChange(changes), units }, false, CURRENT, locale);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.value.settings;
  };

  it.each<[string, Partial<MoneyDraft>, FieldKey, FieldProblem]>([
    ['a price in words', { priceResidential: 'cheap' }, 'priceResidential', { code: 'price-invalid' }],
    ['a negative price', { priceMobile: '-1' }, 'priceMobile', { code: 'price-invalid' }],
    ['a price with a decimal comma in English', { priceUnlimited: '0,8' }, 'priceUnlimited', { code: 'price-invalid' }],
    ['a price with a group mark', { priceResidential: '1,000.5' }, 'priceResidential', { code: 'price-invalid' }],
    ['a currency Intl does not know', { currency: 'XYZ' }, 'currency', { code: 'currency-unknown' }],
    ['a budget of 0 GB', { dailyKind: 'traffic', dailyAmount: '0' }, 'dailyAmount', { code: 'budget-positive' }],
    ['an empty budget', { cycleKind: 'traffic', cycleAmount: ' ' }, 'cycleAmount', { code: 'budget-positive' }],
    ['a money budget of 0', { priceResidential: '1', cycleKind: 'money', cycleAmount: '0.00' }, 'cycleAmount', { code: 'budget-positive' }],
    ['a budget of an unknown kind', { dailyKind: 'time' }, 'dailyKind', { code: 'budget-kind-unknown' }],
    ['a money budget without any price', { dailyKind: 'money', dailyAmount: '10' }, 'dailyKind', { code: 'budget-needs-price', products: [1, 3] }],
    [
      'a money budget priced only for a product not watched',
      { priceUnlimited: '2', cycleKind: 'money', cycleAmount: '100' },
      'cycleKind',
      { code: 'budget-needs-price', products: [1, 3] },
    ],
    ['today’s cost on the badge without any price', { badgeShows: 'today-cost' }, 'badgeShows', { code: 'badge-needs-price', products: [1, 3] }],
    ['an unknown badge choice', { badgeShows: 'both' }, 'badgeShows', { code: 'badge-shows-unknown' }],
    ['a cycle starting on day 0', { cycleStartDay: '0' }, 'cycleStartDay', { code: 'cycle-start-day-range', min: 1, max: 31 }],
    ['a cycle starting on day 32', { cycleStartDay: '32' }, 'cycleStartDay', { code: 'cycle-start-day-range', min: 1, max: 31 }],
    ['a cycle starting on day 1.5', { cycleStartDay: '1.5' }, 'cycleStartDay', { code: 'cycle-start-day-range', min: 1, max: 31 }],
    ['a percentage past 200', { usePercents: '50, 250' }, 'usePercents', { code: 'percents-invalid', min: 1, max: 200, most: 6 }],
    ['a percentage of 0', { usePercents: '0, 50' }, 'usePercents', { code: 'percents-invalid', min: 1, max: 200, most: 6 }],
    ['a fractional percentage', { usePercents: '50.5' }, 'usePercents', { code: 'percents-invalid', min: 1, max: 200, most: 6 }],
    ['seven percentages', { usePercents: '10 20 30 40 50 60 70' }, 'usePercents', { code: 'percents-invalid', min: 1, max: 200, most: 6 }],
    ['percentages in words', { usePercents: 'half, all' }, 'usePercents', { code: 'percents-invalid', min: 1, max: 200, most: 6 }],
  ])('rejects %s with a problem for that field only', (_, change, field, problem) => {
    expect(errorsOf(moneyChange(change))).toEqual({ [field]: problem });
  });

  it('saves prices as typed, an empty one as no price, in the currency chosen', () => {
    expect(saved({ currency: 'eur', priceResidential: ' 0.8 ', priceUnlimited: '', priceMobile: '.5' }).prices).toEqual({
      currency: 'EUR',
      perGb: { 1: 0.8, 2: null, 3: 0.5 },
    });
  });

  it('reads a decimal comma where the locale writes one', () => {
    expect(saved({ priceResidential: '0,8' }, 'binary', 'de').prices.perGb[1]).toBe(0.8);
    expect(saved({ priceResidential: '0.8' }, 'binary', 'de').prices.perGb[1]).toBe(0.8);
  });

  it('saves a traffic budget in the units shown, and a money budget once a watched product has a price', () => {
    const budgets = (units: string) =>
      saved({ priceMobile: '3', dailyKind: 'traffic', dailyAmount: '5', cycleKind: 'money', cycleAmount: '250.5' }, units).budgets;
    expect(budgets('binary')).toMatchObject({ daily: { kind: 'traffic', kb: 5 * KB_PER_GB }, cycle: { kind: 'money', amount: 250.5 } });
    expect(budgets('decimal').daily).toEqual({ kind: 'traffic', kb: 5e9 / 1024 });
    expect(saved({ priceMobile: '0', badgeShows: 'today-cost' }).badgeShows).toBe('today-cost');
  });

  it('checks no amount of a budget that is off', () => {
    expect(saved({ dailyKind: 'off', dailyAmount: 'nonsense' }).budgets.daily).toEqual({ kind: 'off' });
  });

  it('reads percentages as either language lists them, each once and in order, and none as never', () => {
    expect(saved({ usePercents: '100%, 50，80、80 ' }).budgets.usePercents).toEqual([50, 80, 100]);
    expect(saved({ usePercents: '  ' }).budgets.usePercents).toEqual([]);
    expect(saved({ usePercents: '1 200' }).budgets.usePercents).toEqual([1, 200]);
  });

  it('saves the alert switches and the cycle’s start day', () => {
    expect(saved({ forecastAlert: false, rapidUseAlert: true, cycleStartDay: ' 31 ' }).budgets).toMatchObject({
      cycleStartDay: 31,
      forecastAlert: false,
      rapidUseAlert: true,
    });
  });
});

describe('draftWatched', () => {
  it('counts what Save would watch: entries and valid typed names, each once', () => {
    expect(draftWatched({ ...GOOD_DRAFT, accounts: [{ ...FIRST, typed: 'zed dave', product: '1' }] })).toEqual([
      { account: '1', proxyType: 1, username: 'zed' },
      { account: '1', proxyType: 1, username: 'dave' },
    ]);
  });
});

describe('draftFromSettings', () => {
  it('round-trips any valid settings through validateDraft', () => {
    const tokenArb = fc.string({ unit: fc.constantFrom(...'abcXYZ0123456789-_!~'), minLength: 8, maxLength: 256 });
    fc.assert(
      fc.property(settingsArb, tokenArb, (settings, token) => {
        const tokens = Object.fromEntries(settings.accounts.map((account) => [account.id, token]));
        const result = validateDraft(draftFromSettings(settings, tokens), true, settings, 'en');
        expect(result).toEqual({ ok: true, value: { settings, tokens } });
      }),
    );
  });
});

describe('the draft’s fields', () => {
  it('reads and writes an account’s field by its key, and a plain field by its name', () => {
    const draft = withDraftValue(withDraftValue(GOOD_DRAFT, 'token-1', 'new-token-1'), 'units', 'binary');
    expect(draftValue(draft, 'token-1')).toBe('new-token-1');
    expect(draftValue(draft, 'units')).toBe('binary');
    expect(draftValue(draft, 'label-nobody')).toBe('');
    expect(accountFieldOf('typed-k2x9qa')).toEqual({ field: 'typed', account: 'k2x9qa' });
    expect(accountFieldOf('pollIntervalMinutes')).toBeNull();
  });

  it('reads and writes a price or budget field by its name', () => {
    const draft = withDraftValue(GOOD_DRAFT, 'priceMobile', '1.25');
    expect(draftValue(draft, 'priceMobile')).toBe('1.25');
    expect(draft.money).toEqual({ ...GOOD_DRAFT.money, priceMobile: '1.25' });
    expect(accountFieldOf('cycleAmount')).toBeNull();
  });
});

describe('the money draft', () => {
  const WITH_BUDGETS: Settings = {
    ...DEFAULT_SETTINGS,
    watched: users('1', 1),
    prices: { currency: 'EUR', perGb: { 1: money(0.8), 2: null, 3: money(1e-7) } },
    budgets: { ...DEFAULT_SETTINGS.budgets, daily: { kind: 'traffic', kb: kb(5 * KB_PER_GB) }, cycle: { kind: 'money', amount: money(300) } },
  };

  it('writes stored prices and budgets as the form shows them', () => {
    expect(draftFromSettings(WITH_BUDGETS, {}).money).toMatchObject({
      currency: 'EUR',
      priceResidential: '0.8',
      priceUnlimited: '',
      priceMobile: '1e-7',
      dailyKind: 'traffic',
      dailyAmount: '5',
      cycleKind: 'money',
      cycleAmount: '300',
      cycleStartDay: '1',
      usePercents: '50, 80, 100',
    });
    expect(draftFromSettings({ ...WITH_BUDGETS, units: 'decimal' }, {}).money.dailyAmount).toBe('5.369');
  });

  it('re-expresses a traffic budget in other units, leaves a money budget, and comes back to the same amount', () => {
    const binary = draftFromSettings(WITH_BUDGETS, {}).money;
    const decimal = convertMoneyUnits(binary, 'binary', 'decimal');
    expect(decimal).toMatchObject({ dailyAmount: '5.369', cycleAmount: '300' });
    const back = convertMoneyUnits(decimal, 'decimal', 'binary');
    expect(back.dailyAmount).toBe('5');
    const result = validateDraft({ ...draftFromSettings(WITH_BUDGETS, { '1': 'token-1234' }), units: 'decimal', money: decimal }, false, WITH_BUDGETS, 'en');
    expect(result.ok && result.value.settings.budgets.daily).toEqual({ kind: 'traffic', kb: 5 * KB_PER_GB });
  });

  it('follows prices and budgets changed elsewhere where the person has not edited them, compared in the units shown', () => {
    const stored = draftFromSettings(WITH_BUDGETS, {});
    const mine = withDraftValue(stored, 'priceResidential', '0.9');
    const theirs = draftFromSettings(
      {
        ...WITH_BUDGETS,
        units: 'decimal',
        prices: { currency: 'USD', perGb: { 1: money(0.7), 2: money(2), 3: null } },
        budgets: { ...WITH_BUDGETS.budgets, cycleStartDay: 15 },
      },
      {},
    );
    const followed = followDraft(mine, stored, theirs);
    expect(followed.units).toBe('decimal');
    expect(followed.money).toEqual({ ...theirs.money, priceResidential: '0.9' });
    // The daily budget was not touched: it reads in the stored units now, and still means 5 GiB.
    const result = validateDraft({ ...followed, accounts: stored.accounts.map((account) => ({ ...account, token: 'token-1234' })) }, false, WITH_BUDGETS, 'en');
    expect(result.ok && result.value.settings.budgets.daily).toEqual({ kind: 'traffic', kb: 5 * KB_PER_GB });
  });

  it('keeps a budget the person edited when the stored one changes', () => {
    const stored = draftFromSettings(WITH_BUDGETS, {});
    const mine = withDraftValue(stored, 'dailyAmount', '7');
    const theirs = draftFromSettings({ ...WITH_BUDGETS, budgets: { ...WITH_BUDGETS.budgets, daily: { kind: 'traffic', kb: kb(KB_PER_GB) } } }, {});
    expect(followDraft(mine, stored, theirs).money.dailyAmount).toBe('7');
  });
});

describe('followDraft', () => {
  const stored = draftFromSettings({ ...DEFAULT_SETTINGS, watched: users('1', 1) }, { '1': 'token-1234' });

  it('takes what changed elsewhere where the person has not edited, and keeps their edits', () => {
    const mine = withDraftValue(stored, 'label-1', 'Mine');
    const next = draftFromSettings(
      { ...DEFAULT_SETTINGS, accounts: [{ id: '1', label: 'Theirs' }], watched: users('1', 2), pollIntervalMinutes: 30 },
      { '1': 'token-5678' },
    );
    expect(followDraft(mine, stored, next)).toEqual({ ...next, accounts: [{ ...(next.accounts[0] as AccountDraft), label: 'Mine' }] });
  });

  it('keeps the accounts the person added or removed, and the users they picked', () => {
    const mine = { ...stored, accounts: [...stored.accounts, second()], watched: users('1', 3) };
    const next = draftFromSettings({ ...DEFAULT_SETTINGS, watched: users('1', 2), chartHours: 72 }, { '1': 'token-5678' });
    expect(followDraft(mine, stored, next)).toEqual({
      ...next,
      accounts: [{ ...(next.accounts[0] as AccountDraft) }, second()],
      watched: users('1', 3),
    });
  });
});
