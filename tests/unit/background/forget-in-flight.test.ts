import { FIRST_ACCOUNT_ID } from '@/utils/settings/model';
import { watching } from '../support/watching';
import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_ALERT_RULES } from '@/utils/settings/alert-rules';
import { POLL_ALARM, RETRY_ALARM, type BackgroundTasks } from '@/utils/background/tasks';
import { forgetTokenAndData } from '@/utils/options/forget-data';
import { DEFAULT_SETTINGS } from '@/utils/settings/model';
import { settingsItem, tokenItem } from '@/utils/storage/items';
import { ACCOUNT, POLL_STATUS } from '@/utils/storage/definitions';
import type { FetchLike } from '@/utils/api/thordata-client';
import { kb } from '@/utils/base/units';
import { UTC } from '@/utils/time/api-timezone';
import { hourKeyAt } from '@/utils/time/hour-keys';
import { engineSetup, ENGINE_START, fakeWorker } from '../support/engine-harness';
import { fakeClock } from '../support/fake-client';
import { itemsAtStart } from '../support/items-at-start';

/** What is stored, value keys only (version markers aside). */
const storedKeys = async () => Object.keys(await browser.storage.local.get(null)).filter((key) => !key.endsWith('$'));

describe('"Forget token and data" while the background is busy', () => {
  beforeEach(() => fakeBrowser.reset());

  it('lets no write of a cycle in flight bring the data back, even when the same token is saved again at once', async () => {
    const settings = { ...DEFAULT_SETTINGS, watched: watching(['alice', 'bob']), alerts: { ...DEFAULT_ALERT_RULES, hourlyTotal: { enabled: true, kb: kb(1) } } };
    await settingsItem.setValue(settings);
    await tokenItem(FIRST_ACCOUNT_ID).setValue('tok-SECRET-42');
    const clock = fakeClock(ENGINE_START);
    const hour = hourKeyAt(clock.now(), UTC);
    let tasks: BackgroundTasks | null = null;
    let asked = 0;
    const fetch: FetchLike = async () => {
      asked += 1;
      if (asked === 2) {
        // While bob's answer is on its way, the person forgets everything and sets up again
        // with the same token: only the forget tells the old cycle apart from a new one.
        await tasks?.forget();
        await tokenItem(FIRST_ACCOUNT_ID).setValue('tok-SECRET-42');
      }
      return { status: 200, text: async () => JSON.stringify({ code: 200, msg: 'ok', data: { data: [{ date: hour, usage_traffic: 5 }] } }) };
    };
    tasks = fakeWorker({ fetch }, clock);
    await tasks.pollNow('settings');
    expect(asked).toBe(2);
    expect(await storedKeys()).toEqual(['apiToken']);
    expect(Object.keys(await browser.notifications.getAll())).toEqual([]);
  });

  it('clears the polling and retry alarms', async () => {
    const { tasks } = await engineSetup();
    await tasks.syncAlarm();
    await browser.alarms.create(RETRY_ALARM, { when: ENGINE_START + 60_000 });
    await tasks.forget();
    expect(await browser.alarms.get(POLL_ALARM)).toBeUndefined();
    expect(await browser.alarms.get(RETRY_ALARM)).toBeUndefined();
    expect(await browser.action.getBadgeText({})).toBe('');
  });

  it('checks before the offline and no-access paths write, too', async () => {
    for (const path of ['offline', 'no access'] as const) {
      fakeBrowser.reset();
      await settingsItem.setValue({ ...DEFAULT_SETTINGS, watched: watching(['alice']) });
      await tokenItem(FIRST_ACCOUNT_ID).setValue('tok-SECRET-42');
      const fetch: FetchLike = async () => ({ status: 500, text: async () => '' });
      let tasks: BackgroundTasks | null = null;
      tasks = fakeWorker({
        fetch,
        isOnline: () => path !== 'offline',
        // The forget lands while the background is asking the browser about host access.
        hasHostPermission: async () => {
          await tasks?.forget();
          return path !== 'no access';
        },
      });
      await tasks.pollNow('settings');
      expect(await storedKeys(), path).toEqual([]);
      expect(await browser.alarms.get(RETRY_ALARM), path).toBeUndefined();
    }
  });

  it('is carried out by the background as well as by the page', async () => {
    const { tasks } = await engineSetup();
    await tasks.pollNow('settings');
    const told: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((message) => {
      told.push(message);
      return tasks.forget();
    });
    await forgetTokenAndData();
    expect(told).toEqual([{ type: 'forget' }]);
    expect(await storedKeys()).toEqual([]);
  });

  it('stores what is polled after it with its versions, so the next start reads it as it is', async () => {
    const { tasks } = await engineSetup();
    await tasks.pollNow('settings');
    const settings = await settingsItem.getValue();
    await tasks.forget();
    await settingsItem.setValue(settings);
    await tokenItem(FIRST_ACCOUNT_ID).setValue('demo-token');
    await tasks.pollNow('settings');
    const stored = await browser.storage.local.get(null);
    expect(stored).toMatchObject({ usageCache$: { v: 3 }, pollStatus$: { v: POLL_STATUS.version }, account$: { v: ACCOUNT.version } });
    const atStart = await itemsAtStart();
    expect(await atStart.usageCacheItem.getValue()).toEqual(stored.usageCache);
    expect(await atStart.pollStatusItem.getValue()).toEqual(stored.pollStatus);
    expect(await atStart.accountItem.getValue()).toEqual(stored.account);
    expect(await atStart.dailyUsageItem.getValue()).toEqual(stored.dailyUsage);
  });
});
