import { describe, expect, it } from 'vitest';
import type { AlertProblem } from '@/utils/settings/alert-rules-form';
import type { Language } from '@/utils/i18n/i18n';
import type { FieldProblem } from '@/utils/settings/validate';
import {
  alertProblemText,
  badgeScopeOption,
  budgetKindOption,
  currencyOption,
  chartHoursOption,
  connectedText,
  effectiveIntervalText,
  fieldProblemText,
  productFailedText,
  proxyTypeName,
  ruleWords,
  timezoneOption,
  unitsOption,
  watchedCountsText,
  watchedTotalText,
} from '@/utils/settings/settings-words';
import { CHINESE, ENGLISH } from '../support/languages';

/** One problem of every kind: the Record makes a new code without an example fail to compile. */
const FIELD_PROBLEMS: Readonly<Record<FieldProblem['code'], FieldProblem>> = {
  'token-missing': { code: 'token-missing' },
  'token-malformed': { code: 'token-malformed', min: 8, max: 256 },
  'label-too-long': { code: 'label-too-long', max: 40 },
  'proxy-type-unknown': { code: 'proxy-type-unknown' },
  'watched-missing': { code: 'watched-missing' },
  'watched-too-many': { code: 'watched-too-many', max: 500, count: 501 },
  'username-invalid': { code: 'username-invalid', username: 'bad name', maxLength: 64 },
  'badge-scope-unknown': { code: 'badge-scope-unknown' },
  'interval-out-of-range': { code: 'interval-out-of-range', min: 1, max: 1440 },
  'timezone-unknown': { code: 'timezone-unknown' },
  'units-unknown': { code: 'units-unknown' },
  'chart-hours-unknown': { code: 'chart-hours-unknown', choices: [12, 24, 48, 72] },
  'not-a-url': { code: 'not-a-url' },
  'has-query-or-credentials': { code: 'has-query-or-credentials' },
  'not-thordata': { code: 'not-thordata' },
  'not-thordata-or-loopback': { code: 'not-thordata-or-loopback' },
  'currency-unknown': { code: 'currency-unknown' },
  'price-invalid': { code: 'price-invalid' },
  'badge-shows-unknown': { code: 'badge-shows-unknown' },
  'budget-kind-unknown': { code: 'budget-kind-unknown' },
  'budget-positive': { code: 'budget-positive' },
  'budget-needs-price': { code: 'budget-needs-price', products: [1, 3] },
  'badge-needs-price': { code: 'badge-needs-price', products: [2] },
  'cycle-start-day-range': { code: 'cycle-start-day-range', min: 1, max: 31 },
  'percents-invalid': { code: 'percents-invalid', min: 1, max: 200, most: 6 },
};

const ALERT_CODES: readonly AlertProblem['code'][] = [
  'amount-positive',
  'amount-range',
  'factor-range',
  'percent-range',
  'days-range',
  'minutes-range',
];

const LANGUAGES: readonly [string, Language][] = [
  ['en', ENGLISH],
  ['zh-CN', CHINESE],
];
const HAN = /\p{Script=Han}/u;

describe('the settings page’s words', () => {
  it('keeps the English labels the end-to-end tests and the checker find the page by', () => {
    const { t } = ENGLISH;
    expect([
      t('settings.label.token'),
      t('settings.label.proxyType'),
      t('settings.label.usernames'),
      t('settings.label.pollInterval'),
      t('settings.label.apiTimezone'),
      t('settings.label.units'),
      t('settings.label.chartHours'),
      t('settings.label.apiBaseUrl'),
    ]).toEqual(['API token', 'Proxy type', 'Usernames', 'Poll interval (minutes)', 'API timezone', 'Units', 'Chart window', 'API base URL']);
    expect([t('settings.test.button'), t('settings.save.button'), t('settings.forget.button')]).toEqual(['Test connection', 'Save', 'Forget token and data']);
    expect(t('settings.save.saved')).toMatch(/^Saved/);
    expect([t('settings.save.notSaved'), t('settings.save.storeFailed')].every((text) => text.startsWith('Not saved'))).toBe(true);
    expect(connectedText(2, ENGLISH)).toMatch(/^Connected/);
    expect(connectedText(1, ENGLISH)).toBe('Connected: the token works and the account has 1 proxy user.');
    expect(([1, 2, 3] as const).map((type) => proxyTypeName(type, t))).toEqual(['Residential', 'Unlimited', 'Mobile']);
  });

  it.each(LANGUAGES)('words every field problem in %s, each differently', (locale, language) => {
    const messages = Object.values(FIELD_PROBLEMS).map((problem) => fieldProblemText(problem, language));
    for (const message of messages) expect(message.length).toBeGreaterThan(10);
    expect(new Set(messages).size).toBe(messages.length);
    if (locale === 'zh-CN') for (const message of messages) expect(message).toMatch(HAN);
  });

  it.each(LANGUAGES)('words every threshold problem in %s, each differently, with its range', (_, language) => {
    const messages = ALERT_CODES.map((code) => alertProblemText({ code, min: 5, max: 1440 }, language));
    for (const message of messages) expect(message).toContain('1,440');
    expect(new Set(messages).size).toBe(messages.length);
  });

  it('writes numbers and lists the way each language does', () => {
    expect(fieldProblemText(FIELD_PROBLEMS['chart-hours-unknown'], ENGLISH)).toBe('Choose 12, 24, 48, or 72 hours.');
    expect(fieldProblemText(FIELD_PROBLEMS['chart-hours-unknown'], CHINESE)).toBe('请选择 12、24、48或72 小时。');
    expect(chartHoursOption(48, 'en')).toBe('48 hours');
    expect(chartHoursOption(48, 'zh-CN')).toBe('48小时');
    expect(ruleWords('binary', ENGLISH).hourlyTotal.after).toEqual(['GiB (the badge turns amber from 80%)']);
  });

  it('says the limit of watched users and how many the form holds', () => {
    expect(fieldProblemText(FIELD_PROBLEMS['watched-too-many'], ENGLISH)).toBe('Watch at most 500 users in all; this would watch 501. Untick or remove some.');
    expect(fieldProblemText(FIELD_PROBLEMS['watched-too-many'], CHINESE)).toBe('最多共监控 500 个用户，当前为 501 个。请取消勾选或移除一些。');
    expect(watchedTotalText(1, ENGLISH)).toBe('Watching 1 user in all, of at most 500.');
    expect(watchedTotalText(300, CHINESE)).toBe('共监控 300 个用户，最多 500 个。');
  });

  it('counts an account’s watched users by product, in each language', () => {
    const watched = [
      { account: '1', proxyType: 3, username: 'm' },
      { account: '1', proxyType: 1, username: 'a' },
      { account: '1', proxyType: 1, username: 'b' },
    ] as const;
    expect(watchedCountsText(watched, ENGLISH)).toBe('Watched under this account: Residential: 2, Mobile: 1');
    expect(watchedCountsText(watched, CHINESE)).toBe('此账户下监控：住宅代理：2、移动代理：1');
    expect(watchedCountsText([], ENGLISH)).toBe('No users watched under this account yet.');
  });

  it('names badge scopes, failed products and the interval polling keeps', () => {
    const name = () => 'Staging';
    expect(badgeScopeOption({ kind: 'all' }, name, ENGLISH.t)).toBe('Everything watched');
    expect(badgeScopeOption({ kind: 'account', account: 'x' }, name, ENGLISH.t)).toBe('Only Staging');
    expect(badgeScopeOption({ kind: 'product', proxyType: 2 }, name, CHINESE.t)).toBe('仅 不限量代理');
    expect(productFailedText(3, { kind: 'server', code: 500, apiMessage: '' }, ENGLISH.t)).toMatch(/^Mobile users could not be listed: .*500/);
    expect(effectiveIntervalText(300, 8, 13, 10, ENGLISH)).toBe(
      'With 300 watched users a full round of requests takes about 8 min, so polling runs every 13 min rather than every 10.',
    );
    expect(effectiveIntervalText(300, 8, 13, 10, CHINESE)).toBe('监控 300 个用户时，一轮请求约需 8 分钟，因此实际每 13 分钟轮询一次，而不是每 10 分钟。');
  });

  it('names the products a money budget or the cost badge needs a price for, and the ranges of the money fields', () => {
    expect(fieldProblemText(FIELD_PROBLEMS['budget-needs-price'], ENGLISH)).toBe('A budget in money needs a price per GB for Residential or Mobile, above.');
    expect(fieldProblemText(FIELD_PROBLEMS['badge-needs-price'], ENGLISH)).toBe('Today’s cost needs a price per GB for Unlimited, above.');
    expect(fieldProblemText(FIELD_PROBLEMS['budget-needs-price'], CHINESE)).toBe('金额预算需要在上方为住宅代理或移动代理设置每 GB 价格。');
    expect(fieldProblemText(FIELD_PROBLEMS['percents-invalid'], ENGLISH)).toBe(
      'Enter up to 6 whole percentages from 1 to 200, separated by commas (such as 50, 80, 100), or leave it empty.',
    );
    expect(fieldProblemText(FIELD_PROBLEMS['price-invalid'], ENGLISH)).toBe('Enter a price of 0 or more, such as 0.75, or leave it empty for no price.');
    expect(fieldProblemText(FIELD_PROBLEMS['cycle-start-day-range'], CHINESE)).toBe('请输入 1 到 31 之间的整数日期。');
  });

  it('offers budgets in the units and the currency chosen, and currencies by code and name', () => {
    expect(budgetKindOption('traffic', 'binary', 'USD', ENGLISH.t)).toBe('Traffic (GiB)');
    expect(budgetKindOption('traffic', 'decimal', 'USD', ENGLISH.t)).toBe('Traffic (GB)');
    expect(budgetKindOption('money', 'binary', 'EUR', CHINESE.t)).toBe('金额（EUR）');
    expect(budgetKindOption('off', 'binary', 'EUR', ENGLISH.t)).toBe('Off');
    expect(currencyOption('EUR', 'en')).toBe('EUR · Euro');
    expect(currencyOption('CNY', 'zh-CN')).toBe('CNY · 人民币');
  });

  it('quotes at most 70 characters of a pasted username', () => {
    const message = fieldProblemText({ code: 'username-invalid', username: 'x'.repeat(500), maxLength: 64 }, ENGLISH);
    expect(message).toBe(`“${'x'.repeat(70)}…” is not a valid username (at most 64 characters, no spaces).`);
  });

  it('speaks Chinese for everything a person reads on the page', () => {
    const { t } = CHINESE;
    const plain = [
      t('settings.pageTitle'),
      t('settings.section.account'),
      t('settings.section.data'),
      t('settings.label.token'),
      t('settings.hint.units'),
      ...([1, 2, 3] as const).map((type) => proxyTypeName(type, t)),
      unitsOption('binary', t),
      unitsOption('decimal', t),
      timezoneOption('UTC', t),
      t('settings.timezone.browser', ['Asia/Shanghai']),
      t('settings.test.busy'),
      t('settings.test.fixFirst'),
      connectedText(0, CHINESE),
      connectedText(3, CHINESE),
      t('settings.test.noAnswer'),
      t('settings.users.legend'),
      t('settings.users.noLimit'),
      t('settings.label.accountLabel'),
      t('settings.account.add'),
      t('settings.account.removeWarning', ['x']),
      t('settings.hint.usernames'),
      t('settings.shortcut.set', ['Alt+Shift+T']),
      t('settings.shortcut.firefox'),
      watchedCountsText([], CHINESE),
      t('settings.forget.warning'),
      t('settings.permission.denied'),
      t('settings.token.show'),
      t('settings.token.hideName'),
      ruleWords('binary', CHINESE).spike.label,
      ruleWords('binary', CHINESE).planExpiry.after[0] ?? '',
      t('settings.money.section'),
      t('settings.money.price', [proxyTypeName(1, t)]),
      t('settings.money.cycleStartDayHint'),
      t('settings.money.usePercentsHint'),
      t('settings.money.forecastAlertHint'),
      t('settings.money.rapidUseAlertHint'),
      t('settings.money.notToday'),
    ];
    for (const text of plain) expect(text, text).toMatch(HAN);
  });
});
