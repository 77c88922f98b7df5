import fc from 'fast-check';
import { DEFAULT_ALERT_RULES } from '@/utils/settings/alert-rules';
import { describe, expect, it } from 'vitest';
import { formatApiTimezone, parseApiTimezone, selectableOffsets, type ApiTimezone } from '@/utils/time/api-timezone';
import { checkApiBaseUrl, PRODUCTION_API_BASE } from '@/utils/api/origin';
import {
  CHART_HOURS_CHOICES,
  coerceSettings,
  DEFAULT_SETTINGS,
  draftFromSettings,
  MAX_USERNAMES,
  validateDraft,
  type FieldProblem,
  type Settings,
  type SettingsDraft,
} from '@/utils/settings/settings';

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

const timezone: fc.Arbitrary<ApiTimezone> = fc.constantFrom(
  { kind: 'browser' } as const,
  ...selectableOffsets().map((text) => parseApiTimezone(text) ?? { kind: 'browser' as const }),
);

const username = fc.string({ unit: fc.constantFrom(...'abcxyzABC0189_-.@'), minLength: 1, maxLength: 64 });

const settingsArb: fc.Arbitrary<Settings> = fc.record({
  proxyType: fc.constantFrom(1 as const, 2 as const, 3 as const),
  usernames: fc.uniqueArray(username, { minLength: 1, maxLength: MAX_USERNAMES }),
  pollIntervalMinutes: fc.integer({ min: 1, max: 1440 }),
  apiTimezone: timezone,
  apiBaseUrl: fc.constantFrom(PRODUCTION_API_BASE, 'https://openapi.thordata.com', 'http://127.0.0.1:8787/api'),
  units: fc.constantFrom('binary' as const, 'decimal' as const),
  chartHours: fc.constantFrom(12 as const, 24 as const, 48 as const, 72 as const),
  alerts: fc.constant(DEFAULT_ALERT_RULES),
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

describe('coerceSettings', () => {
  it('falls back to the defaults for something that is not a settings object', () => {
    for (const raw of [undefined, null, 'settings', 42, [], true]) expect(coerceSettings(raw, false)).toEqual(DEFAULT_SETTINGS);
  });

  it('repairs each malformed field and keeps the good ones', () => {
    const raw = {
      proxyType: 7,
      usernames: ['alice', 42, 'has space', '', 'bob', null, 'x'.repeat(65)],
      pollIntervalMinutes: -5,
      apiTimezone: { kind: 'offset', minutes: 480 },
      apiBaseUrl: 'https://openapi.thordata.com/api',
      units: 'decimal',
    };
    expect(coerceSettings(raw, false)).toEqual({
      proxyType: 1,
      usernames: ['alice', 'bob'],
      pollIntervalMinutes: 10,
      apiTimezone: { kind: 'offset', minutes: 480 },
      apiBaseUrl: 'https://openapi.thordata.com/api',
      units: 'decimal',
      chartHours: 24, alerts: DEFAULT_ALERT_RULES,
    });
  });

  it('keeps good values of the wrong type that still mean the same', () => {
    const settings = coerceSettings({ proxyType: '3', usernames: ['carol'], pollIntervalMinutes: '30' }, false);
    expect(settings).toMatchObject({ proxyType: 3, usernames: ['carol'], pollIntervalMinutes: 30 });
  });

  it.each([
    ['a wrongly typed list of usernames', { usernames: 'alice,bob' }, { usernames: [] }],
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
  ])('repairs %s', (_, raw, repaired) => {
    const good = { proxyType: 2, usernames: ['alice'], pollIntervalMinutes: 5, apiTimezone: { kind: 'browser' }, apiBaseUrl: PRODUCTION_API_BASE, units: 'decimal', chartHours: 24, alerts: DEFAULT_ALERT_RULES };
    expect(coerceSettings({ ...good, ...raw }, false)).toEqual({ ...good, ...repaired });
  });

  it('does not break on stored JSON objects that cannot be turned into text', () => {
    const raw: unknown = JSON.parse('{"proxyType":{"toString":0},"pollIntervalMinutes":[{"toString":0}],"usernames":["alice"]}');
    expect(() => coerceSettings(raw, false)).not.toThrow();
    expect(coerceSettings(raw, false)).toEqual({ ...DEFAULT_SETTINGS, usernames: ['alice'] });
  });

  it('keeps a loopback base URL only where loopback is allowed', () => {
    const raw = { apiBaseUrl: 'http://127.0.0.1:8787/api/' };
    expect(coerceSettings(raw, true).apiBaseUrl).toBe('http://127.0.0.1:8787/api');
    expect(coerceSettings(raw, false).apiBaseUrl).toBe(PRODUCTION_API_BASE);
  });

  it('keeps at most the maximum number of usernames', () => {
    const usernames = Array.from({ length: MAX_USERNAMES + 5 }, (_, i) => `user${i}`);
    expect(coerceSettings({ usernames }, false).usernames).toEqual(usernames.slice(0, MAX_USERNAMES));
  });

  it('collapses repeated usernames, which would otherwise be counted twice', () => {
    expect(coerceSettings({ usernames: ['alice', 'bob', 'alice'] }, false).usernames).toEqual(['alice', 'bob']);
  });

  it('leaves valid settings unchanged', () => {
    fc.assert(
      fc.property(settingsArb, (settings) => {
        expect(coerceSettings(JSON.parse(JSON.stringify(settings)), true)).toEqual(settings);
      }),
    );
  });

  it('always yields settings whose every field is valid', () => {
    const field = fc.oneof(fc.anything(), fc.constantFrom(1, 2, 3, '2', 'decimal', { kind: 'offset', minutes: 330 }, ['a', 'b']));
    const raw = fc.oneof(
      fc.anything(),
      fc.record(
        { proxyType: field, usernames: field, pollIntervalMinutes: field, apiTimezone: field, apiBaseUrl: field, units: field, chartHours: field },
        { requiredKeys: [] },
      ),
    );
    fc.assert(
      fc.property(raw, (value) => {
        const settings = coerceSettings(value, false);
        expect([1, 2, 3]).toContain(settings.proxyType);
        expect(settings.usernames.length).toBeLessThanOrEqual(MAX_USERNAMES);
        for (const name of settings.usernames) expect(name).toMatch(/^[^\s,;]{1,64}$/);
        expect(Number.isInteger(settings.pollIntervalMinutes)).toBe(true);
        expect(settings.pollIntervalMinutes).toBeGreaterThanOrEqual(1);
        expect(settings.pollIntervalMinutes).toBeLessThanOrEqual(1440);
        expect(parseApiTimezone(formatApiTimezone(settings.apiTimezone))).toEqual(settings.apiTimezone);
        expect(checkApiBaseUrl(settings.apiBaseUrl, false)).toEqual({ ok: true, baseUrl: settings.apiBaseUrl });
        expect(['binary', 'decimal']).toContain(settings.units);
        expect(CHART_HOURS_CHOICES).toContain(settings.chartHours);
      }),
    );
  });
});
