// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { forgetTokenAndData } from '@/utils/options/forget-data';
import { LEGACY_SNAPSHOT_KEY } from '@/utils/popup/legacy-snapshot';
import { DEFAULT_SETTINGS } from '@/utils/settings/model';
import { EMPTY_CACHE } from '@/utils/usage/cache';
import { accountItem, alertLogItem, dailyUsageItem, pollStatusItem, settingsItem, tokenItem, usageCacheItem } from '@/utils/storage/items';
import { EMPTY_FIGURES } from '@/utils/account/account-snapshot';
import { kb } from '@/utils/base/units';
import { itemsAtStart } from '../support/items-at-start';

let told: unknown[];

beforeEach(() => {
  fakeBrowser.reset();
  told = [];
  fakeBrowser.runtime.onMessage.addListener((message) => {
    told.push(message);
  });
});

const SECOND = 'k2x9qa';

/** Stores a value for every item, two accounts' tokens among them, as a configured extension that has polled a while would. */
async function storeEverything(): Promise<void> {
  await tokenItem('1').setValue('tok-SECRET-42');
  await tokenItem(SECOND).setValue('tok-SECRET-43');
  await settingsItem.setValue({
    ...DEFAULT_SETTINGS,
    accounts: [
      { id: '1', label: '' },
      { id: SECOND, label: 'Staging' },
    ],
    watched: [{ account: '1', proxyType: 1, username: 'alice_res' }],
    chartHours: 72,
  });
  await usageCacheItem.setValue(EMPTY_CACHE);
  await dailyUsageItem.setValue({ apiTimezone: 'UTC', users: { '1/1:alice_res': { '2025-01-01': kb(512) } } });
  await pollStatusItem.setValue({ ...pollStatusItem.fallback, lastAttemptAt: 1_700_000_000_000 });
  await accountItem.setValue({
    accounts: { '1': { ...EMPTY_FIGURES, fetchedAt: 1_700_000_000_000 } },
  });
  await alertLogItem.setValue({ fired: { 'hourly-total:2025-01-01 10': { at: 1_700_000_000_000, level: true } }, evaluatedAt: null, judgedThrough: null });
}

const storedValueKeys = async () => Object.keys(await browser.storage.local.get(null)).filter((key) => !key.endsWith('$'));

describe('forgetTokenAndData', () => {
  it('removes every stored item and tells the background to forget too', async () => {
    await storeEverything();
    const items = [settingsItem, usageCacheItem, dailyUsageItem, pollStatusItem, accountItem, alertLogItem, tokenItem('1'), tokenItem(SECOND)];
    expect(await storedValueKeys()).toHaveLength(items.length);

    await forgetTokenAndData();

    expect(await storedValueKeys()).toEqual([]);
    for (const item of items) expect(await item.getValue()).toEqual(item.fallback);
    expect(told).toEqual([{ type: 'forget' }]);
  });

  it('drops the copy of the cached figures an earlier build kept in localStorage', async () => {
    await storeEverything();
    localStorage.setItem(LEGACY_SNAPSHOT_KEY, JSON.stringify(await browser.storage.local.get(['usageCache'])));

    await forgetTokenAndData();

    expect(localStorage.getItem(LEGACY_SNAPSHOT_KEY)).toBeNull();
  });

  it('leaves nothing stored, and a status saved afterwards is read as current, not migrated', async () => {
    await browser.storage.local.set({ pollStatus: pollStatusItem.fallback, pollStatus$: { v: 2 } });
    await forgetTokenAndData();
    expect(await browser.storage.local.get(null)).toEqual({});

    // A retry plan, which a version 1 status never had: its migration would drop it.
    const later = { ...pollStatusItem.fallback, lastAttemptAt: 1_700_000_000_000, retry: { attempt: 1, notBefore: 1_700_000_060_000 } };
    await pollStatusItem.setValue(later);
    expect(await pollStatusItem.getValue()).toEqual(later);
    expect(await (await itemsAtStart()).pollStatusItem.getValue()).toEqual(later);
  });

  it('does not fail when the background cannot be reached', async () => {
    fakeBrowser.runtime.onMessage.removeAllListeners();
    await tokenItem('1').setValue('tok-SECRET-42');
    await expect(forgetTokenAndData()).resolves.toBeUndefined();
    expect(await tokenItem('1').getValue()).toBe('');
  });
});

describe('forgetting from the page alone', () => {
  it('stops polling too, even when no background answers', async () => {
    fakeBrowser.runtime.onMessage.removeAllListeners();
    await browser.alarms.create('thordata-poll', { periodInMinutes: 10 });
    await browser.alarms.create('thordata-retry', { when: Date.now() + 30_000 });
    await forgetTokenAndData();
    expect(await browser.alarms.getAll()).toEqual([]);
  });
});
