import fc from 'fast-check';
import { DEFAULT_ALERT_RULES } from '@/utils/settings/alert-rules';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, MAX_USERNAMES, type Settings } from '@/utils/settings/model';
import { draftFromSettings, type SettingsDraft } from '@/utils/settings/draft';
import { validateDraft, type FieldProblem } from '@/utils/settings/validate';
import { settingsArb } from './arbitraries';

const GOOD_DRAFT: SettingsDraft = {
  token: '  abcDEF123456  ',
  proxyType: '3',
  usernames: 'alice, bob\ncarol   alice;dave,,\n',
  pollIntervalMinutes: '15',
  apiTimezone: 'UTC+8',
  apiBaseUrl: 'https://openapi.thordata.com/api/',
  units: 'decimal',
  chartHours: '48',
};

const CURRENT: Settings = { ...DEFAULT_SETTINGS, usernames: ['zed'] };

function errorsOf(draft: Partial<SettingsDraft>, allowLoopback = false) {
  const result = validateDraft({ ...GOOD_DRAFT, ...draft }, allowLoopback, CURRENT);
  expect(result.ok).toBe(false);
  expect('value' in result).toBe(false);
  return result.ok ? {} : result.error;
}

describe('validateDraft', () => {
  it('turns a good draft into settings and a trimmed token', () => {
    expect(validateDraft(GOOD_DRAFT, false, CURRENT)).toEqual({
      ok: true,
      value: {
        token: 'abcDEF123456',
        settings: {
          proxyType: 3,
          usernames: ['alice', 'bob', 'carol', 'dave'],
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

  it.each<[string, Partial<SettingsDraft>, keyof SettingsDraft, FieldProblem]>([
    ['an empty token', { token: '   ' }, 'token', { code: 'token-missing' }],
    ['a token with spaces', { token: 'abcd efgh ijkl' }, 'token', { code: 'token-malformed', min: 8, max: 256 }],
    ['a token that is too short', { token: 'abc' }, 'token', { code: 'token-malformed', min: 8, max: 256 }],
    ['a token that is too long', { token: 'x'.repeat(257) }, 'token', { code: 'token-malformed', min: 8, max: 256 }],
    ['an unknown proxy type', { proxyType: '4' }, 'proxyType', { code: 'proxy-type-unknown' }],
    ['no usernames', { usernames: ' ,, \n ' }, 'usernames', { code: 'usernames-missing' }],
    [
      'too many usernames',
      { usernames: Array.from({ length: MAX_USERNAMES + 1 }, (_, i) => `u${i}`).join(',') },
      'usernames',
      { code: 'usernames-too-many', max: MAX_USERNAMES },
    ],
    [
      'a username that is too long',
      { usernames: `alice ${'x'.repeat(65)}` },
      'usernames',
      { code: 'username-invalid', username: 'x'.repeat(65), maxLength: 64 },
    ],
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

  it('names the loopback way out only in a build that allows it', () => {
    expect(errorsOf({ apiBaseUrl: 'https://example.com/api' }, true)).toEqual({ apiBaseUrl: { code: 'not-thordata-or-loopback' } });
  });

  it('gives each bad field its own problem at once', () => {
    const errors = errorsOf({
      token: '',
      proxyType: 'x',
      usernames: '',
      pollIntervalMinutes: '0',
      apiTimezone: 'GMT',
      apiBaseUrl: 'not a url',
      units: '',
      chartHours: '0',
    });
    expect(Object.keys(errors).sort()).toEqual([
      'apiBaseUrl',
      'apiTimezone',
      'chartHours',
      'pollIntervalMinutes',
      'proxyType',
      'token',
      'units',
      'usernames',
    ]);
    expect(new Set(Object.values(errors).map((problem) => problem.code)).size).toBe(8);
  });

  it('accepts the bounds of the interval and a loopback base in the demo build', () => {
    expect(validateDraft({ ...GOOD_DRAFT, pollIntervalMinutes: '1' }, false, CURRENT).ok).toBe(true);
    expect(validateDraft({ ...GOOD_DRAFT, pollIntervalMinutes: ' 1440 ' }, false, CURRENT).ok).toBe(true);
    const demo = validateDraft({ ...GOOD_DRAFT, apiBaseUrl: 'http://127.0.0.1:8787/api' }, true, CURRENT);
    expect(demo.ok && demo.value.settings.apiBaseUrl).toBe('http://127.0.0.1:8787/api');
  });
});

describe('draftFromSettings', () => {
  it('round-trips any valid settings through validateDraft', () => {
    const tokenArb = fc.string({ unit: fc.constantFrom(...'abcXYZ0123456789-_!~'), minLength: 8, maxLength: 256 });
    fc.assert(
      fc.property(settingsArb, tokenArb, (settings, token) => {
        const result = validateDraft(draftFromSettings(settings, token), true, settings);
        expect(result).toEqual({ ok: true, value: { settings, token } });
      }),
    );
  });
});
