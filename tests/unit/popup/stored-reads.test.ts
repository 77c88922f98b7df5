import { beforeEach, describe, expect, it } from 'vitest';
import { ACCOUNT, POLL_STATUS } from '@/utils/storage/definitions';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { changesPopupItems, popupStateFrom, readStored, readWeek, type PopupApi } from '@/utils/popup/stored-reads';
import { dailyUsageItem, settingsItem, tokenItem, usageCacheItem } from '@/utils/storage/items';
import { DEFAULT_SETTINGS } from '@/utils/settings/model';
import { money } from '@/utils/base/money';
import { kb, KB_PER_GB } from '@/utils/base/units';
import { summarizeUsage } from '@/utils/usage/summary';
import { engineSetup } from '../support/engine-harness';
import { watching } from '../support/watching';

/** The fake browser as the popup sees it, recording the keys each read asks for. */
function recordingApi(): { api: PopupApi; asked: (string[] | null)[] } {
  const asked: (string[] | null)[] = [];
  const local = fakeBrowser.storage.local;
  const api = {
    storage: {
      local: {
        get: (keys: string[] | null) => {
          asked.push(keys);
          return local.get(keys) as Promise<Record<string, unknown>>;
        },
        set: (items: Record<string, unknown>) => local.set(items),
      },
      onChanged: fakeBrowser.storage.onChanged,
    },
    runtime: fakeBrowser.runtime,
  } as unknown as PopupApi;
  return { api, asked };
}

/**
 * The version markers a worker writes with its first values. The harness resets storage after the
 * items were defined, which @wxt-dev/storage then writes without them (items.ts explains).
 */
const markVersions = () =>
  fakeBrowser.storage.local.set({ usageCache$: { v: 3 }, pollStatus$: { v: POLL_STATUS.version }, account$: { v: ACCOUNT.version }, settings$: { v: 2 } });

describe("the popup's reads", () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads the recent hours, not the week, and shows the same figures', async () => {
    const { tasks, clock } = await engineSetup();
    await tasks.pollNow('settings');
    const { api, asked } = recordingApi();
    const state = popupStateFrom(await readStored(api, clock.now()), false);

    expect(asked.flat()).not.toContain('usageCache');
    expect(asked.flat()).toContain('apiToken');
    expect(state.configured).toBe(true);
    const week = await usageCacheItem.getValue();
    const settings = state.settings;
    expect(summarizeUsage(state.cache, settings, clock.now(), settings.chartHours)).toEqual(summarizeUsage(week, settings, clock.now(), settings.chartHours));
    // The export still gets the whole week.
    expect(await readWeek(api, settings)).toEqual(week);
  });

  it('reads the week when the chart window grew since the background last wrote, and asks each account for its token', async () => {
    const { tasks, clock } = await engineSetup();
    await tasks.pollNow('settings');
    await markVersions();
    const settings = await settingsItem.getValue();
    await settingsItem.setValue({ ...settings, chartHours: 72, accounts: [...settings.accounts, { id: 'b2', label: '' }], watched: [...settings.watched, ...watching(['frank'], 1, 'b2')] });
    await tokenItem('b2').setValue('second-token');
    const { api, asked } = recordingApi();
    const stored = await readStored(api, clock.now());

    expect(asked.flat()).toContain('usageCache');
    expect(asked.flat()).toContain('apiToken.b2');
    expect(stored.withToken).toEqual(new Set(['1', 'b2']));
    expect(stored.usageCache).toMatchObject({ users: (await usageCacheItem.getValue()).users });
  });

  it('falls back to the week before the background ever wrote the recent hours (an update)', async () => {
    const { tasks, clock } = await engineSetup();
    await tasks.pollNow('settings');
    await markVersions();
    await fakeBrowser.storage.local.remove(['recentUsage', 'recentUsage$']);
    const stored = await readStored(recordingApi().api, clock.now());
    expect(stored.usageCache).toMatchObject({ users: (await usageCacheItem.getValue()).users });
  });

  describe('for cost and budgets', () => {
    const prices = { currency: 'USD', perGb: { 1: money(2), 2: null, 3: null } };

    it('leaves the complete days unread when no price and no budget is set', async () => {
      const { tasks, clock } = await engineSetup();
      await tasks.pollNow('settings');
      const { api, asked } = recordingApi();
      const state = popupStateFrom(await readStored(api, clock.now()), false);
      expect(asked.flat()).not.toContain('dailyUsage');
      expect(state.daily.users).toEqual({});
    });

    it('reads the complete days with a price set, and not the week while they cover the cycle', async () => {
      const { tasks, clock } = await engineSetup({ settings: { prices } });
      await tasks.pollNow('settings');
      const { api, asked } = recordingApi();
      const state = popupStateFrom(await readStored(api, clock.now()), false);
      expect(asked.flat()).toContain('dailyUsage');
      expect(asked.flat()).not.toContain('usageCache');
      expect(state.daily).toEqual(await dailyUsageItem.getValue());
      // Days arriving later redraw the popup, as the hours do.
      expect(changesPopupItems({ dailyUsage: {} })).toBe(true);
    });

    it('reads the week too when a day the cycle needs is not stored yet: its hours count it, as the background does', async () => {
      const { tasks, clock } = await engineSetup({ settings: { budgets: { ...DEFAULT_SETTINGS.budgets, daily: { kind: 'traffic', kb: kb(KB_PER_GB) } } } });
      await tasks.pollNow('settings');
      await markVersions();
      const stored = await dailyUsageItem.getValue();
      const [first = '', days = {}] = Object.entries(stored.users)[0] ?? [];
      const lastDay = Object.keys(days).sort().at(-1) ?? '';
      const { [lastDay]: _dropped, ...rest } = days;
      await dailyUsageItem.setValue({ ...stored, users: { ...stored.users, [first]: rest } });
      const { api, asked } = recordingApi();
      const read = await readStored(api, clock.now());
      expect(asked.flat()).toContain('usageCache');
      expect(read.usageCache).toMatchObject({ users: (await usageCacheItem.getValue()).users });
    });
  });
});
