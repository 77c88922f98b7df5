import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { EMPTY_ACCOUNT } from '@/utils/account/account-snapshot';
import type { AlertInput } from '@/utils/alerts/evaluate';
import { HOUR_MS } from '@/utils/base/durations';
import type { SpendView } from '@/utils/budget/spend-view';
import { deliverAlerts, openForNotification, ruleOfNotification, targetOfNotification } from '@/utils/background/notifier';
import { INITIAL_STATUS } from '@/utils/poll/status';
import { DEFAULT_ALERT_RULES, type AlertRules } from '@/utils/settings/alert-rules';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings/model';
import { alertLogItem, alertSnoozeItem, settingsItem } from '@/utils/storage/items';
import { EMPTY_CACHE } from '@/utils/usage/cache';
import { fakeWorker } from '../support/engine-harness';
import { fakeClock } from '../support/fake-client';
import { ENGLISH } from '../support/languages';
import { budgetView, spendFixture } from '../support/spend-fixtures';

const GIB = 1024 * 1024;
/** 10:00 on 2 December in UTC+8, the API timezone here. */
const NOW = Date.parse('2026-12-02T02:00:00Z');
const SETTINGS: Settings = { ...DEFAULT_SETTINGS, apiTimezone: { kind: 'offset', minutes: 480 } };
const QUIET = Object.fromEntries(Object.entries(DEFAULT_ALERT_RULES).map(([rule, value]) => [rule, { ...value, enabled: false }])) as unknown as AlertRules;
const current = async () => true;

/** The cycle budget at `usedGib` of 100 GiB; rapid use over its threshold when asked. */
function spend(usedGib: number, options: { rapid?: boolean; today?: string } = {}): SpendView {
  return spendFixture(
    {
      cycleBudget: budgetView('cycle', usedGib * GIB, 100 * GIB),
      daily: budgetView('daily', 0, 5 * GIB),
      rapidUse: options.rapid ? { scaled: 200 * GIB, threshold: 150 * GIB } : null,
    },
    options.today ?? '2026-12-02',
  );
}

const state = (view: SpendView | null, now = NOW): Omit<AlertInput, 'lastEvaluatedAt' | 'judgedThrough'> => ({
  rules: QUIET,
  settings: SETTINGS,
  cache: EMPTY_CACHE,
  status: INITIAL_STATUS,
  account: EMPTY_ACCOUNT,
  now,
  spend: view,
});

const created = () => fakeBrowser.notifications.getAllCreateOptions();
const shownIds = async () => Object.keys(await browser.notifications.getAll());

describe('budget notifications', () => {
  beforeEach(() => fakeBrowser.reset());

  it('are shown once, led to the popup, their id naming the rule, with a "Not today" button where the browser has buttons', async () => {
    expect(await deliverAlerts(state(spend(85)), ENGLISH, current, true)).toBe(1);
    expect(created()).toEqual({
      'popup|budget-use|budget-use:cycle:80:2026-11-15': {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        title: 'Cycle budget: 80% used',
        message: '85.0 GiB of the 100 GiB cycle budget used this cycle.',
        buttons: [{ title: 'Not today' }],
      },
    });
    expect(await deliverAlerts(state(spend(90), NOW + HOUR_MS), ENGLISH, current, true)).toBe(0);
    expect(Object.keys((await alertLogItem.getValue()).fired).sort()).toEqual(['budget-use:cycle:50:2026-11-15', 'budget-use:cycle:80:2026-11-15']);
  });

  it('have no button on Firefox, which throws on one', async () => {
    await deliverAlerts(state(spend(85, { rapid: true })), ENGLISH, current, false);
    const options = Object.values(created());
    expect(options).toHaveLength(2);
    for (const option of options) expect(option).not.toHaveProperty('buttons');
  });

  it('judge no budget without a spend view', async () => {
    expect(await deliverAlerts(state(null), ENGLISH, current, true)).toBe(0);
  });

  it('offer no button on a summary, which speaks for several rules', async () => {
    const settings = { ...SETTINGS, budgets: { ...SETTINGS.budgets, usePercents: [50] } };
    const many = spendFixture({
      daily: budgetView('daily', 6 * GIB, 5 * GIB),
      cycleBudget: budgetView('cycle', 60 * GIB, 100 * GIB, { projected: { kind: 'range', low: 120 * GIB, high: 130 * GIB } }),
      rapidUse: { scaled: 200 * GIB, threshold: 150 * GIB },
    });
    await deliverAlerts({ ...state(many), settings }, ENGLISH, current, true);
    const [[id, options] = []] = Object.entries(created());
    expect(id).toBe(`popup||summary:${NOW}`);
    expect(options).not.toHaveProperty('buttons');
    expect(ruleOfNotification(id ?? '')).toBeNull();
  });
});

describe('"Not today" clicked', () => {
  beforeEach(() => fakeBrowser.reset());

  it('snoozes that rule until the next API day and clears the notification; the rule’s next alert waits, then fires once', async () => {
    await settingsItem.setValue(SETTINGS);
    const clock = fakeClock(NOW);
    const tasks = fakeWorker({ fetch: () => Promise.reject(new Error('no request expected')) }, clock);
    await deliverAlerts(state(spend(55)), ENGLISH, current, true);
    const [id = ''] = await shownIds();
    expect(ruleOfNotification(id)).toBe('budget-use');

    await tasks.notToday(id);
    expect(await alertSnoozeItem.getValue()).toEqual({ 'budget-use': '2026-12-03' });
    expect(await shownIds()).toEqual([]);

    // 23:00 in UTC+8: the cycle passed 80 % and use speeds up; only rapid use, another rule, speaks.
    const lateEvening = NOW + 13 * HOUR_MS;
    expect(await deliverAlerts(state(spend(85, { rapid: true }), lateEvening), ENGLISH, current, true)).toBe(1);
    expect(await shownIds()).toEqual(['popup|rapid-use|rapid-use:2026-11-15']);
    await browser.notifications.clear('popup|rapid-use|rapid-use:2026-11-15');

    // Midnight in UTC+8: the snooze is over, and the postponed 80 % fires, once.
    const nextDay = NOW + 14 * HOUR_MS;
    expect(await deliverAlerts(state(spend(86, { rapid: true, today: '2026-12-03' }), nextDay), ENGLISH, current, true)).toBe(1);
    expect(await shownIds()).toEqual(['popup|budget-use|budget-use:cycle:80:2026-11-15']);
    expect(await deliverAlerts(state(spend(87, { rapid: true, today: '2026-12-03' }), nextDay + HOUR_MS), ENGLISH, current, true)).toBe(0);
  });

  it('on a summary or a notification of an earlier version, only clears it', async () => {
    await settingsItem.setValue(SETTINGS);
    const tasks = fakeWorker({ fetch: () => Promise.reject(new Error('no request expected')) }, fakeClock(NOW));
    for (const id of [`popup||summary:${NOW}`, 'popup|hourly-total:2026-12-02 10']) {
      await browser.notifications.create(id, { type: 'basic', iconUrl: '', title: '', message: '' });
      await tasks.notToday(id);
    }
    expect(await alertSnoozeItem.getValue()).toEqual({});
    expect(await shownIds()).toEqual([]);
  });
});

describe('notification ids', () => {
  beforeEach(() => fakeBrowser.reset());

  it('lead where they did before the rule joined them', async () => {
    expect(targetOfNotification('popup|budget-use|budget-use:cycle:80:2026-11-15')).toBe('popup');
    expect(targetOfNotification('settings|token-rejected|token-rejected:1:5')).toBe('settings');
    expect(targetOfNotification('popup|hourly-total:2026-11-25 14')).toBe('popup');
    expect(ruleOfNotification('popup|hourly-total:2026-11-25 14')).toBeNull();
    await openForNotification('popup|budget-use|budget-use:cycle:80:2026-11-15');
    const tabs = await browser.tabs.query({});
    expect(tabs.map((tab) => tab.url)).toContain(`${browser.runtime.getURL('/')}details.html?focus=budget&period=cycle&day=2026-11-15`);
  });
});
