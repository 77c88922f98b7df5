import { userKey, watching } from '../support/watching';
import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { EMPTY_ACCOUNT, EMPTY_FIGURES, type AccountSnapshot } from '@/utils/account/account-snapshot';
import { EMPTY_ALERT_LOG, MAX_NOTIFICATIONS_PER_CYCLE, selectAlerts, type AlertDelivery } from '@/utils/alerts/log';
import { DEFAULT_ALERT_RULES, type AlertRules } from '@/utils/settings/alert-rules';
import { notificationText } from '@/utils/alerts/text';
import { evaluateAlerts, judgedThroughAfter, type AlertInput } from '@/utils/alerts/evaluate';
import { median } from '@/utils/base/median';
import { UTC } from '@/utils/time/api-timezone';
import { hourKeyAt, recentHourKeys } from '@/utils/time/hour-keys';
import { HOUR_MS } from '@/utils/base/durations';
import { deliverAlerts, openForNotification } from '@/utils/background/notifier';
import { HEALTHY_ACCOUNT, INITIAL_STATUS, type AccountPollStatus, type PollStatus } from '@/utils/poll/status';
import { DEFAULT_SETTINGS, FIRST_ACCOUNT_ID } from '@/utils/settings/model';
import { alertLogItem } from '@/utils/storage/items';
import { type UsageCache } from '@/utils/usage/cache';
import { mb } from '@/utils/base/units';
import { CHINESE, ENGLISH } from '../support/languages';
import { kbCache, plainRules, type Plain, type PlainUsage } from '../support/usage-fixtures';

const NOW = Date.parse('2026-11-25T14:40:00Z');
/** The first account's balance as the account endpoints gave it. */
const withBalance = (balance: NonNullable<AccountSnapshot['accounts'][string]['balance']>): AccountSnapshot => ({
  accounts: { [FIRST_ACCOUNT_ID]: { ...EMPTY_FIGURES, fetchedAt: NOW, balance } },
});
const GIB = 1024 * 1024;
const MIB = 1024;
const QUIET: AlertRules = {
  hourlyTotal: { ...DEFAULT_ALERT_RULES.hourlyTotal, enabled: false },
  hourlyUser: { ...DEFAULT_ALERT_RULES.hourlyUser, enabled: false },
  spike: { ...DEFAULT_ALERT_RULES.spike, enabled: false },
  userBalance: { ...DEFAULT_ALERT_RULES.userBalance, enabled: false },
  accountBalance: { ...DEFAULT_ALERT_RULES.accountBalance, enabled: false },
  planExpiry: { ...DEFAULT_ALERT_RULES.planExpiry, enabled: false },
  pollingBroken: { ...DEFAULT_ALERT_RULES.pollingBroken, enabled: false },
};

/** 24 ordinary hours of `typicalKb` per user, then the current hour's traffic. */
function cacheWith(now: number, currentKb: Record<string, number>, typicalKb = 200 * MIB): UsageCache {
  const hours = recentHourKeys(now, 25, UTC);
  const current = hours[hours.length - 1] ?? '';
  const users: Record<string, PlainUsage> = {};
  for (const [name, kb] of Object.entries(currentKb)) {
    const byHour: Record<string, number> = Object.fromEntries(hours.slice(0, -1).map((hour) => [hour, typicalKb]));
    byHour[current] = kb;
    users[userKey(1, name)] = { hours: byHour, fetchedAt: now, trafficLimitKb: 100 * GIB, trafficBalanceKb: 50 * GIB };
  }
  return kbCache(users);
}

function input(overrides: Partial<Omit<AlertInput, 'rules'>> & { rules?: Partial<Plain<AlertRules>> } = {}): AlertInput {
  return {
    settings: { ...DEFAULT_SETTINGS, watched: watching(['alice', 'bob']) },
    cache: cacheWith(NOW, { alice: 1 * GIB, bob: 0.5 * GIB }),
    status: { ...INITIAL_STATUS, lastSuccessAt: NOW },
    account: EMPTY_ACCOUNT,
    now: NOW,
    lastEvaluatedAt: null,
    judgedThrough: null,
    ...overrides,
    rules: { ...QUIET, ...plainRules(overrides.rules ?? {}) },
  };
}

const kinds = (i: AlertInput) => evaluateAlerts(i).map((alert) => alert.kind);

describe('alert rules', () => {
  it('fires the hourly rule on the total, and per user when asked', () => {
    expect(kinds(input({ rules: { hourlyTotal: { enabled: true, kb: 1.4 * GIB } } }))).toEqual(['hourly-total']);
    expect(kinds(input({ rules: { hourlyTotal: { enabled: true, kb: 1.6 * GIB } } }))).toEqual([]);
    const perUser = evaluateAlerts(input({ rules: { hourlyUser: { enabled: true, kb: 0.9 * GIB } } }));
    expect(perUser.map((alert) => alert.key)).toEqual(['hourly-user:1/1:alice:2026-11-25 14']);
  });

  it('calls a spike k × the median of the last 24 complete hours, above a floor', () => {
    const spike = { enabled: true, factor: 3, floorKb: 100 * MIB };
    expect(kinds(input({ rules: { spike } }))).toEqual(['spike']);
    expect(kinds(input({ rules: { spike: { ...spike, factor: 4 } } }))).toEqual([]);
    // A quiet account: 1 MiB typical hours, 20 MiB now is 20× but under the floor.
    const quiet = cacheWith(NOW, { alice: 20 * MIB }, 1 * MIB);
    expect(kinds(input({ rules: { spike }, cache: quiet }))).toEqual([]);
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('warns when a user’s balance falls below Y % of its limit, ignoring Thordata’s 0 for working mobile users', () => {
    const rules = { userBalance: { enabled: true, percent: 10 } };
    const low = cacheWith(NOW, { alice: 1 * GIB });
    const alice = low.users[userKey(1, 'alice')];
    const withBalance = (kb: number): UsageCache => kbCache({ [userKey(1, 'alice')]: { ...alice!, trafficBalanceKb: kb } });
    const settings = { ...DEFAULT_SETTINGS, watched: watching(['alice']) };
    expect(kinds(input({ rules, settings, cache: withBalance(5 * GIB) }))).toEqual(['user-balance']);
    expect(kinds(input({ rules, settings, cache: withBalance(20 * GIB) }))).toEqual([]);
    expect(kinds(input({ rules, settings, cache: withBalance(0) }))).toEqual([]);
  });

  it('warns on a low account balance and an expiring plan', () => {
    const account: AccountSnapshot = withBalance({ balanceMb: mb(5 * 1024), expiresOn: '2026-11-27' });
    const rules = { accountBalance: { enabled: true, mb: 10 * 1024 }, planExpiry: { enabled: true, days: 3 } };
    expect(kinds(input({ rules, account }))).toEqual(['account-balance', 'plan-expiry']);
    const later = withBalance({ balanceMb: mb(50 * 1024), expiresOn: '2026-12-27' });
    expect(kinds(input({ rules, account: later }))).toEqual([]);
  });

  it('says at once when the token is rejected, and when polling fails for longer than M minutes', () => {
    const rules = { pollingBroken: { enabled: true, minutes: 30 } };
    const firstAccount = (stoppage: Partial<AccountPollStatus>): PollStatus => ({ ...INITIAL_STATUS, accounts: { [FIRST_ACCOUNT_ID]: { ...HEALTHY_ACCOUNT, ...stoppage } } });
    const auth = firstAccount({ failure: { kind: 'auth' as const, code: 10013, apiMessage: '' }, failingSince: NOW });
    expect(kinds(input({ rules, status: auth }))).toEqual(['token-rejected']);
    const failing = { failure: { kind: 'server' as const, code: 502, apiMessage: '' }, failingSince: NOW - 20 * 60_000 };
    expect(kinds(input({ rules, status: firstAccount(failing) }))).toEqual([]);
    expect(kinds(input({ rules, status: firstAccount({ ...failing, failingSince: NOW - 31 * 60_000 }) }))).toEqual(['polling-broken']);
    // Offline concerns every account: one alert, named for none.
    const offline = { ...INITIAL_STATUS, failure: { kind: 'offline' as const }, failingSince: NOW - 31 * 60_000 };
    expect(evaluateAlerts(input({ rules, status: offline }))).toMatchObject([{ kind: 'polling-broken', account: null }]);
  });

  it('judges each account on its own and names it when there are several', () => {
    const settings = { ...DEFAULT_SETTINGS, accounts: [{ id: '1', label: 'Scraping' }, { id: 'b2', label: '' }], watched: [...watching(['alice']), ...watching(['frank'], 3, 'b2')] };
    const rules = { accountBalance: { enabled: true, mb: 10 * 1024 }, pollingBroken: { enabled: true, minutes: 30 } };
    const account: AccountSnapshot = {
      accounts: {
        '1': { ...EMPTY_FIGURES, balance: { balanceMb: mb(50 * 1024), expiresOn: null } },
        b2: { ...EMPTY_FIGURES, balance: { balanceMb: mb(2 * 1024), expiresOn: null } },
      },
    };
    const status: PollStatus = { ...INITIAL_STATUS, accounts: { '1': { ...HEALTHY_ACCOUNT, failure: { kind: 'auth', code: 10013, apiMessage: '' }, failingSince: NOW } } };
    const alerts = evaluateAlerts(input({ rules, settings, account, status }));
    expect(alerts.map((alert) => alert.key)).toEqual(['account-balance:b2', `token-rejected:1:${NOW}`]);
    const titles = alerts.map((alert) => notificationText({ kind: 'single', alert }, ENGLISH, settings, NOW).title);
    expect(titles).toEqual(['Account 2: Account traffic balance low: 2.00 GiB', 'Scraping: Thordata rejected the API token']);
    expect(notificationText({ kind: 'single', alert: alerts[0]! }, CHINESE, settings, NOW).title).toMatch(/^账户 2：/);
  });
});

describe('firing once only', () => {
  const rules = { hourlyTotal: { enabled: true, kb: 1 * GIB } };

  it('fires once per rule and hour, however often it is evaluated', () => {
    let log = EMPTY_ALERT_LOG;
    const shown: string[] = [];
    for (let minute = 0; minute < 20; minute += 5) {
      const result = selectAlerts(evaluateAlerts(input({ rules, now: NOW + minute * 60_000 })), log, NOW);
      log = result.log;
      shown.push(...result.deliveries.map((d) => (d.kind === 'single' ? d.alert.key : 'summary')));
    }
    expect(shown).toEqual(['hourly-total:2026-11-25 14']);
  });

  it('fires again in the next hour, and after a 9-hour sleep only for the current hour', () => {
    let log = selectAlerts(evaluateAlerts(input({ rules })), EMPTY_ALERT_LOG, NOW).log;
    const next = NOW + HOUR_MS;
    const nextHour = selectAlerts(evaluateAlerts(input({ rules, now: next, cache: cacheWith(next, { alice: 2 * GIB }) })), log, next);
    expect(nextHour.deliveries).toHaveLength(1);
    log = nextHour.log;
    const woke = next + 9 * HOUR_MS;
    const cache = cacheWith(woke, { alice: 2 * GIB });
    const afterSleep = selectAlerts(evaluateAlerts(input({ rules, now: woke, cache, lastEvaluatedAt: log.evaluatedAt })), log, woke);
    expect(afterSleep.deliveries.map((d) => (d.kind === 'single' ? d.alert.key : ''))).toEqual([`hourly-total:${hourKeyAt(woke, UTC)}`]);
  });

  it('re-arms a balance alert only after the balance recovers', () => {
    const account = (balanceMb: number): AccountSnapshot => (withBalance({ balanceMb: mb(balanceMb), expiresOn: null }));
    const low = { accountBalance: { enabled: true, mb: 10 * 1024 } };
    let log = EMPTY_ALERT_LOG;
    const fired: number[] = [];
    for (const balance of [5000, 4000, 3000, 20_000, 2000]) {
      const result = selectAlerts(evaluateAlerts(input({ rules: low, account: account(balance) })), log, NOW);
      fired.push(result.deliveries.length);
      log = result.log;
    }
    expect(fired).toEqual([1, 0, 0, 0, 1]);
  });

  it(`shows at most ${MAX_NOTIFICATIONS_PER_CYCLE} notifications a cycle; more become one summary`, () => {
    const everything = {
      hourlyTotal: { enabled: true, kb: 1 * GIB },
      hourlyUser: { enabled: true, kb: 0.1 * GIB },
      spike: { enabled: true, factor: 2, floorKb: 0 },
      accountBalance: { enabled: true, mb: 10 * 1024 },
    };
    const account: AccountSnapshot = withBalance({ balanceMb: mb(5), expiresOn: null });
    const { deliveries } = selectAlerts(evaluateAlerts(input({ rules: everything, account })), EMPTY_ALERT_LOG, NOW);
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]?.kind).toBe('summary');
    const text = notificationText(deliveries[0]!, ENGLISH, DEFAULT_SETTINGS, NOW);
    expect(text.title).toBe('5 Thordata usage alerts');
  });

  it('keeps the record bounded', () => {
    let log = EMPTY_ALERT_LOG;
    for (let hour = 0; hour < 24 * 30; hour += 1) {
      const now = NOW + hour * HOUR_MS;
      log = selectAlerts(evaluateAlerts(input({ rules, now, cache: cacheWith(now, { alice: 2 * GIB }) })), log, now).log;
    }
    expect(Object.keys(log.fired).length).toBeLessThanOrEqual(8 * 24 + 1);
  });
});

describe('notifications in the browser', () => {
  beforeEach(() => fakeBrowser.reset());
  const current = async () => true;
  const rules = { hourlyTotal: { enabled: true, kb: 1 * GIB } };

  it('creates a basic notification once, and not again after a restart re-reads the record', async () => {
    expect(await deliverAlerts(input({ rules }), ENGLISH, current, true)).toBe(1);
    const created = await browser.notifications.getAll();
    expect(Object.keys(created)).toEqual(['popup|hourly-total|hourly-total:2026-11-25 14']);
    expect(await deliverAlerts(input({ rules, now: NOW + 60_000 }), ENGLISH, current, true)).toBe(0);
    expect(Object.keys((await alertLogItem.getValue()).fired)).toEqual(['hourly-total:2026-11-25 14']);
  });

  it('speaks Simplified Chinese when the browser does', () => {
    const [alert] = evaluateAlerts(input({ rules }));
    const text = notificationText({ kind: 'single', alert: alert! }, CHINESE, DEFAULT_SETTINGS, NOW);
    expect(text.title).toBe('本小时流量已超过 1.00 GiB');
    expect(text.message).toContain('1.50 GiB');
  });

  it('opens the page that explains the notification when clicked: the details page on the hour that fired', async () => {
    await openForNotification('popup|hourly-total|hourly-total:2026-11-25 14');
    const tabs = await browser.tabs.query({});
    expect(tabs.map((tab) => tab.url)).toContain(`${browser.runtime.getURL('/')}details.html?focus=hour&hour=2026-11-25+14`);
  });
});

describe('an hour judged on its final figure', () => {
  const T13 = Date.parse('2026-11-25T13:00:00Z');
  const T14 = T13 + HOUR_MS;
  const rules = { hourlyTotal: { enabled: true, kb: 5 * GIB } };
  const settings = { ...DEFAULT_SETTINGS, watched: watching(['alice']) };
  /** Alice's hours 13:00 and 14:00 (UTC) as fetched at `fetchedAt`. */
  const fetched = (fetchedAt: number, hour13: number, hour14 = 0) =>
    kbCache({ [userKey(1, 'alice')]: { hours: { '2026-11-25 13': hour13, '2026-11-25 14': hour14 }, fetchedAt, trafficLimitKb: null, trafficBalanceKb: null } });
  const at = (now: number, cache: UsageCache, log: { evaluatedAt: number | null; judgedThrough: number | null }) =>
    input({ rules, settings, now, cache, lastEvaluatedAt: log.evaluatedAt, judgedThrough: log.judgedThrough });

  /** Evaluates as the background does: alerts, then the record with what was judged. */
  function evaluate(now: number, cache: UsageCache, log: typeof EMPTY_ALERT_LOG) {
    const state = at(now, cache, log);
    const result = selectAlerts(evaluateAlerts(state), log, now);
    return { deliveries: result.deliveries, log: { ...result.log, judgedThrough: judgedThroughAfter(state) } };
  }
  const keys = (deliveries: readonly AlertDelivery[]) => deliveries.map((d) => (d.kind === 'single' ? d.alert.key : 'summary'));

  it('notifies once when the hour crossed after the last poll inside it', () => {
    const during = evaluate(T13 + 50 * 60_000, fetched(T13 + 50 * 60_000, 4.5 * GIB), EMPTY_ALERT_LOG);
    expect(during.deliveries).toEqual([]);
    const after = evaluate(T14 + 5 * 60_000, fetched(T14 + 5 * 60_000, 5.3 * GIB, 0.2 * GIB), during.log);
    expect(keys(after.deliveries)).toEqual(['hourly-total:2026-11-25 13']);
    const [delivery] = after.deliveries;
    const alert = delivery?.kind === 'single' ? delivery.alert : null;
    expect(alert).toMatchObject({ kind: 'hourly-total', ended: true, kb: 5.3 * GIB });
    const text = notificationText(delivery!, ENGLISH, DEFAULT_SETTINGS, T14);
    expect(text.title).toMatch(/^The hour .+ ended at 5\.30 GiB, above 5\.00 GiB$/);
    expect(text.message).toContain('API hour 2026-11-25 13');
    expect(notificationText(delivery!, CHINESE, DEFAULT_SETTINGS, T14).title).toMatch(/这一小时以 5\.30 GiB 结束，超过 5\.00 GiB$/);

    const later = evaluate(T14 + 15 * 60_000, fetched(T14 + 15 * 60_000, 5.3 * GIB, 0.4 * GIB), after.log);
    expect(later.deliveries).toEqual([]);
  });

  it('does not notify again an hour that was notified while it ran', () => {
    const during = evaluate(T13 + 50 * 60_000, fetched(T13 + 50 * 60_000, 5.1 * GIB), EMPTY_ALERT_LOG);
    expect(keys(during.deliveries)).toEqual(['hourly-total:2026-11-25 13']);
    const after = evaluate(T14 + 5 * 60_000, fetched(T14 + 5 * 60_000, 5.3 * GIB), during.log);
    expect(after.deliveries).toEqual([]);
  });

  it('waits for the final figure: an hour is judged only once it was fetched after its end', () => {
    const during = evaluate(T13 + 50 * 60_000, fetched(T13 + 50 * 60_000, 4.5 * GIB), EMPTY_ALERT_LOG);
    const notYet = evaluate(T14 + 5 * 60_000, fetched(T13 + 59 * 60_000, 4.9 * GIB), during.log);
    expect(notYet.deliveries).toEqual([]);
    const final = evaluate(T14 + 15 * 60_000, fetched(T14 + 15 * 60_000, 5.3 * GIB), notYet.log);
    expect(keys(final.deliveries)).toEqual(['hourly-total:2026-11-25 13']);
  });

  it('judges nothing that ended before the first evaluation, or before a sleep of more than two hours', () => {
    const first = evaluate(T14 + 5 * 60_000, fetched(T14 + 5 * 60_000, 9 * GIB), EMPTY_ALERT_LOG);
    expect(first.deliveries).toEqual([]);
    const beforeSleep = evaluate(T13 - 3 * HOUR_MS, fetched(T13 - 3 * HOUR_MS, 0), EMPTY_ALERT_LOG);
    const woke = evaluate(T14 + 5 * 60_000, fetched(T14 + 5 * 60_000, 9 * GIB), beforeSleep.log);
    expect(woke.deliveries).toEqual([]);
    expect(woke.log.judgedThrough).toBe(T14);
  });
});
