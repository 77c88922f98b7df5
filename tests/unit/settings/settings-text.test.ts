import { describe, expect, it } from 'vitest';
import type { AlertProblem } from '@/utils/settings/alert-rules-form';
import type { Locale } from '@/utils/i18n/locale';
import type { FieldProblem } from '@/utils/settings/validate';
import { settingsText } from '@/utils/settings/settings-text';

/** One problem of every kind: the Record makes a new code without an example fail to compile. */
const FIELD_PROBLEMS: Readonly<Record<FieldProblem['code'], FieldProblem>> = {
  'token-missing': { code: 'token-missing' },
  'token-malformed': { code: 'token-malformed', min: 8, max: 256 },
  'proxy-type-unknown': { code: 'proxy-type-unknown' },
  'usernames-missing': { code: 'usernames-missing' },
  'usernames-too-many': { code: 'usernames-too-many', max: 20 },
  'username-invalid': { code: 'username-invalid', username: 'bad name', maxLength: 64 },
  'interval-out-of-range': { code: 'interval-out-of-range', min: 1, max: 1440 },
  'timezone-unknown': { code: 'timezone-unknown' },
  'units-unknown': { code: 'units-unknown' },
  'chart-hours-unknown': { code: 'chart-hours-unknown', choices: [12, 24, 48, 72] },
  'not-a-url': { code: 'not-a-url' },
  'has-query-or-credentials': { code: 'has-query-or-credentials' },
  'not-thordata': { code: 'not-thordata' },
  'not-thordata-or-loopback': { code: 'not-thordata-or-loopback' },
};

const ALERT_CODES: readonly AlertProblem['code'][] = [
  'amount-positive',
  'amount-range',
  'factor-range',
  'percent-range',
  'days-range',
  'minutes-range',
];

const LOCALES: readonly Locale[] = ['en', 'zh-CN'];
const HAN = /\p{Script=Han}/u;

describe('the settings page’s catalog', () => {
  it('keeps the English labels the end-to-end tests and the checker find the page by', () => {
    const { labels, test, save, forget } = settingsText('en');
    expect(labels).toMatchObject({
      token: 'API token',
      proxyType: 'Proxy type',
      usernames: 'Usernames',
      pollInterval: 'Poll interval (minutes)',
      apiTimezone: 'API timezone',
      units: 'Units',
      chartHours: 'Chart window',
      apiBaseUrl: 'API base URL',
    });
    expect([test.button, save.button, forget.button]).toEqual(['Test connection', 'Save', 'Forget token and data']);
    expect(save.saved).toMatch(/^Saved/);
    expect([save.notSaved, save.storeFailed].every((text) => text.startsWith('Not saved'))).toBe(true);
    expect(test.connected(2)).toMatch(/^Connected/);
    expect(settingsText('en').proxyTypes).toEqual({ 1: 'Residential', 2: 'Unlimited', 3: 'Mobile' });
  });

  it.each(LOCALES)('words every field problem in %s, each differently', (locale) => {
    const text = settingsText(locale);
    const messages = Object.values(FIELD_PROBLEMS).map(text.fieldProblem);
    for (const message of messages) expect(message.length).toBeGreaterThan(10);
    expect(new Set(messages).size).toBe(messages.length);
    if (locale === 'zh-CN') for (const message of messages) expect(message).toMatch(HAN);
  });

  it.each(LOCALES)('words every threshold problem in %s, each differently, with its range', (locale) => {
    const text = settingsText(locale);
    const messages = ALERT_CODES.map((code) => text.alertProblem({ code, min: 5, max: 1440 }));
    for (const message of messages) expect(message).toContain('1,440');
    expect(new Set(messages).size).toBe(messages.length);
  });

  it('writes numbers and lists the way each language does', () => {
    expect(settingsText('en').fieldProblem(FIELD_PROBLEMS['chart-hours-unknown'])).toBe('Choose 12, 24, 48, or 72 hours.');
    expect(settingsText('zh-CN').fieldProblem(FIELD_PROBLEMS['chart-hours-unknown'])).toBe('请选择 12、24、48或72 小时。');
    expect(settingsText('en').chartHoursOption(48)).toBe('48 hours');
    expect(settingsText('zh-CN').chartHoursOption(48)).toBe('48小时');
    expect(settingsText('en').rules.hourlyTotal('GiB', 0.8).after).toEqual(['GiB (the badge turns amber from 80%)']);
  });

  it('quotes at most 70 characters of a pasted username', () => {
    const message = settingsText('en').fieldProblem({ code: 'username-invalid', username: 'x'.repeat(500), maxLength: 64 });
    expect(message).toBe(`“${'x'.repeat(70)}…” is not a valid username (at most 64 characters, no spaces).`);
  });

  it('speaks Chinese for everything a person reads on the page', () => {
    const zh = settingsText('zh-CN');
    const plain = [
      zh.pageTitle,
      ...Object.values(zh.sections),
      ...Object.values(zh.labels),
      ...Object.values(zh.hints),
      ...Object.values(zh.proxyTypes),
      ...Object.values(zh.unitsOptions),
      zh.browserTimezone('Asia/Shanghai'),
      zh.test.button,
      zh.test.busy,
      zh.test.fixFirst,
      zh.test.connected(0),
      zh.test.connected(3),
      zh.test.noAnswer,
      zh.users.legend,
      zh.users.status(true),
      zh.users.status(false),
      ...Object.values(zh.save),
      ...Object.values(zh.forget),
      ...Object.values(zh.permission),
      zh.token.show,
      zh.token.hideName,
      zh.rules.spike('MiB').label,
      zh.rules.planExpiry.after[0] ?? '',
    ];
    for (const text of plain) expect(text, text).toMatch(HAN);
  });
});
