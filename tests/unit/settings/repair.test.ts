import { watching } from '../support/watching';
import fc from 'fast-check';
import { DEFAULT_ALERT_RULES } from '@/utils/settings/alert-rules';
import { describe, expect, it } from 'vitest';
import { formatApiTimezone, parseApiTimezone } from '@/utils/time/api-timezone';
import { checkApiBaseUrl, PRODUCTION_API_BASE } from '@/utils/api/origin';
import { CHART_HOURS_CHOICES, DEFAULT_SETTINGS, MAX_USERNAMES } from '@/utils/settings/model';
import { coerceSettings } from '@/utils/settings/repair';
import { settingsArb } from './arbitraries';

describe('coerceSettings', () => {
  it('falls back to the defaults for something that is not a settings object', () => {
    for (const raw of [undefined, null, 'settings', 42, [], true]) expect(coerceSettings(raw, false)).toEqual(DEFAULT_SETTINGS);
  });

  it('repairs each malformed field and keeps the good ones', () => {
    const raw = {
      proxyType: 7,
      watched: watching(['alice', 42, 'has space', '', 'bob', null, 'x'.repeat(65)]),
      pollIntervalMinutes: -5,
      apiTimezone: { kind: 'offset', minutes: 480 },
      apiBaseUrl: 'https://openapi.thordata.com/api',
      units: 'decimal',
    };
    expect(coerceSettings(raw, false)).toEqual({
      proxyType: 1,
      watched: watching(['alice', 'bob']),
      pollIntervalMinutes: 10,
      apiTimezone: { kind: 'offset', minutes: 480 },
      apiBaseUrl: 'https://openapi.thordata.com/api',
      units: 'decimal',
      chartHours: 24, alerts: DEFAULT_ALERT_RULES,
    });
  });

  it('keeps good values of the wrong type that still mean the same', () => {
    const settings = coerceSettings({ proxyType: '3', watched: watching(['carol']), pollIntervalMinutes: '30' }, false);
    expect(settings).toMatchObject({ watched: watching(['carol'], 3), pollIntervalMinutes: 30 });
  });

  it.each([
    ['a wrongly typed list of usernames', { usernames: 'alice,bob' }, { watched: watching([]) }],
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
    const good = { watched: watching(['alice'], 2), pollIntervalMinutes: 5, apiTimezone: { kind: 'browser' }, apiBaseUrl: PRODUCTION_API_BASE, units: 'decimal', chartHours: 24, alerts: DEFAULT_ALERT_RULES };
    expect(coerceSettings({ ...good, ...raw }, false)).toEqual({ ...good, ...repaired });
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

  it('keeps at most the maximum number of usernames', () => {
    const usernames = Array.from({ length: MAX_USERNAMES + 5 }, (_, i) => `user${i}`);
    expect(coerceSettings({ usernames }, false).usernames).toEqual(usernames.slice(0, MAX_USERNAMES));
  });

  it('collapses repeated usernames, which would otherwise be counted twice', () => {
    expect(coerceSettings({ watched: watching(['alice', 'bob', 'alice']) }, false).usernames).toEqual(['alice', 'bob']);
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
        { proxyType: field, watched: watching(field), pollIntervalMinutes: field, apiTimezone: field, apiBaseUrl: field, units: field, chartHours: field },
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
