import fc from 'fast-check';
import { DEFAULT_ALERT_RULES } from '@/utils/settings/alert-rules';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, MAX_WATCHED, type Settings, type WatchedUser } from '@/utils/settings/model';
import {
  accountFieldOf,
  blankAccount,
  draftFromSettings,
  draftValue,
  followDraft,
  withDraftValue,
  type AccountDraft,
  type FieldKey,
  type SettingsDraft,
} from '@/utils/settings/draft';
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
};

const CURRENT: Settings = DEFAULT_SETTINGS;

const second = (changes: Partial<AccountDraft> = {}): AccountDraft => ({ ...blankAccount('k2x9qa'), ...changes });
const users = (account: string, count: number, proxyType: 1 | 2 | 3 = 1): WatchedUser[] =>
  Array.from({ length: count }, (_, i) => ({ account, proxyType, username: `u${i}` }));

function errorsOf(draft: Partial<SettingsDraft>, allowLoopback = false) {
  const result = validateDraft({ ...GOOD_DRAFT, ...draft }, allowLoopback, CURRENT);
  expect(result.ok).toBe(false);
  expect('value' in result).toBe(false);
  return result.ok ? {} : result.error;
}

const firstWith = (changes: Partial<AccountDraft>) => ({ accounts: [{ ...FIRST, ...changes }] });

describe('validateDraft', () => {
  it('turns a good draft into settings, with the typed names watched under the chosen product, and a trimmed token', () => {
    expect(validateDraft(GOOD_DRAFT, false, CURRENT)).toEqual({
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
    const result = validateDraft(draft, false, CURRENT);
    expect(result.ok && result.value.settings.watched).toHaveLength(MAX_WATCHED);
  });

  it('asks for a token on the account with watched users only, and saves an account without users or token', () => {
    const withUsers = { ...GOOD_DRAFT, accounts: [{ ...FIRST, typed: '' }, second({ label: 'Later' })] };
    expect(validateDraft(withUsers, false, CURRENT)).toMatchObject({ ok: true, value: { tokens: { k2x9qa: '' } } });
    expect(errorsOf({ ...withUsers, watched: [...GOOD_DRAFT.watched, ...users('k2x9qa', 1)] })).toEqual({ 'token-k2x9qa': { code: 'token-missing' } });
    expect(errorsOf({ ...withUsers, accounts: [withUsers.accounts[0] as AccountDraft, second({ typed: 'typed_one' })] })).toEqual({
      'token-k2x9qa': { code: 'token-missing' },
    });
    expect(errorsOf({ ...withUsers, accounts: [withUsers.accounts[0] as AccountDraft, second({ token: 'bad token' })] })).toEqual({
      'token-k2x9qa': { code: 'token-malformed', min: 8, max: 256 },
    });
  });

  it('drops the watched users of an account no longer in the draft', () => {
    const result = validateDraft({ ...GOOD_DRAFT, watched: [...GOOD_DRAFT.watched, ...users('gone12', 3)] }, false, CURRENT);
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
    expect(validateDraft({ ...GOOD_DRAFT, pollIntervalMinutes: '1' }, false, CURRENT).ok).toBe(true);
    expect(validateDraft({ ...GOOD_DRAFT, pollIntervalMinutes: ' 1440 ' }, false, CURRENT).ok).toBe(true);
    const demo = validateDraft({ ...GOOD_DRAFT, apiBaseUrl: 'http://127.0.0.1:8787/api' }, true, CURRENT);
    expect(demo.ok && demo.value.settings.apiBaseUrl).toBe('http://127.0.0.1:8787/api');
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
        const result = validateDraft(draftFromSettings(settings, tokens), true, settings);
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
