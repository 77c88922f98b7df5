import { describe, expect, it, vi } from 'vitest';
import { detailsStoredFrom, watchDetailsItems } from '@/entrypoints/details/stored';
import type { PopupApi } from '@/utils/popup/stored-reads';
import { INITIAL_STATUS } from '@/utils/poll/status';
import { userKey } from '../support/watching';

const ALICE = userKey(1, 'alice');

describe('what the details page reads at start', () => {
  it('is the settings, the week, the days and the status, each at its current version', () => {
    const items = {
      settings: { accounts: [{ id: '1', label: '' }], watched: [{ account: '1', proxyType: 1, username: 'alice' }], apiTimezone: 'UTC' },
      settings$: { v: 2 },
      usageCache: { apiTimezone: 'UTC', users: { [ALICE]: { hours: { '2026-11-25 14': 5 }, fetchedAt: 1, trafficLimitKb: null, trafficBalanceKb: null } } },
      usageCache$: { v: 3 },
      dailyUsage: { apiTimezone: 'UTC+8', users: { [ALICE]: { '2026-11-24': 100 } } },
    };
    const stored = detailsStoredFrom(items, false);
    expect(stored.settings.watched).toEqual([{ account: '1', proxyType: 1, username: 'alice' }]);
    expect(stored.records.cache.users[ALICE]?.hours['2026-11-25 14']).toBe(5);
    // Days read under another API timezone are other days: read as none.
    expect(stored.records.daily.users).toEqual({});
    expect(stored.status).toEqual(INITIAL_STATUS);
  });

  it('follows a change of its items, a removed one read as absent', async () => {
    const listeners: ((changes: Record<string, unknown>, area: string) => void)[] = [];
    const api = {
      storage: {
        local: { get: vi.fn(async () => ({ pollStatus: { lastSuccessAt: 5 } })), set: vi.fn() },
        onChanged: { addListener: (listener: (typeof listeners)[number]) => listeners.push(listener), removeListener: vi.fn() },
      },
      runtime: { sendMessage: vi.fn(), openOptionsPage: vi.fn() },
      tabs: { create: vi.fn() },
    } satisfies PopupApi;
    const onChange = vi.fn();
    watchDetailsItems(api, onChange);
    listeners[0]?.({ alertLog: {} }, 'local');
    listeners[0]?.({ pollStatus: {}, usageCache: {} }, 'local');
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(1));
    expect(onChange).toHaveBeenCalledWith({ usageCache: undefined, usageCache$: undefined, pollStatus: { lastSuccessAt: 5 }, pollStatus$: undefined });
  });
});
