import { FIRST_ACCOUNT_ID } from '@/utils/settings/model';
import { accountStatus } from '@/utils/poll/status';
import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OFFLINE_RECHECK_MS, RETRY_ALARM } from '@/utils/background/tasks';
import { pollStatusItem } from '@/utils/storage/items';
import { accountRequests, engineSetup, hourlyUsers, MINUTE } from '../support/engine-harness';
import { answer } from '../support/model-api';

const DAY_MS = 86_400_000;

describe('the network going and coming back', () => {
  beforeEach(() => fakeBrowser.reset());

  it('does not count being offline as a failed request: the backoff keeps its count and the next look is a minute away', async () => {
    let online = true;
    const { clock, api, tasks } = await engineSetup({ online: () => online });
    await tasks.pollNow('settings');
    // One real failure first, so there is a backoff count to keep.
    api.setOverride(() => ({ status: 502, body: 'Bad gateway' }));
    clock.advance(10 * MINUTE);
    await tasks.pollNow('alarm');
    expect(accountStatus(await pollStatusItem.getValue(), FIRST_ACCOUNT_ID).retry?.attempt).toBe(1);

    online = false;
    const asked = api.requests.length;
    for (let i = 0; i < 5; i += 1) {
      clock.advance(OFFLINE_RECHECK_MS);
      await tasks.pollNow('retry');
      const status = await pollStatusItem.getValue();
      expect(status.failure).toEqual({ kind: 'offline' });
      expect(status.retry).toEqual({ attempt: 0, notBefore: clock.now() + OFFLINE_RECHECK_MS });
      expect(accountStatus(status, FIRST_ACCOUNT_ID).retry?.attempt).toBe(1);
      expect((await browser.alarms.get(RETRY_ALARM))?.scheduledTime).toBe(clock.now() + OFFLINE_RECHECK_MS);
    }
    expect(api.requests.length).toBe(asked);

    online = true;
    api.setOverride(() => null);
    clock.advance(OFFLINE_RECHECK_MS);
    const before = api.hourlyRequests().length;
    await tasks.pollNow('retry');
    // The cycle the 502 stopped at its first user goes on, that user last.
    expect(hourlyUsers(api, before)).toEqual(['bob_scraper', 'carol_eu', 'alice_res']);
    const status = await pollStatusItem.getValue();
    expect(status.failure).toBeNull();
    expect(status.retry).toBeNull();
    expect(accountStatus(status, FIRST_ACCOUNT_ID)).toMatchObject({ failure: null, retry: null });
  });

  it('asks nothing on an alarm that comes just after a Refresh, and polls on the next one', async () => {
    const { clock, api, tasks } = await engineSetup();
    await tasks.pollNow('settings');
    clock.advance(7 * MINUTE);
    await tasks.pollNow('manual');
    const asked = api.requests.length;
    clock.advance(3 * MINUTE);
    expect(await tasks.pollNow('alarm')).toEqual({ kind: 'skip', reason: 'fresh' });
    expect(api.requests.length).toBe(asked);
    clock.advance(10 * MINUTE);
    await tasks.pollNow('alarm');
    expect(api.requests.length).toBeGreaterThan(asked);
  });

  it('asks nothing on an alarm just after a retry that succeeded', async () => {
    const { clock, api, tasks } = await engineSetup();
    await tasks.pollNow('settings');
    api.setOverride(() => answer(10011));
    clock.advance(10 * MINUTE);
    await tasks.pollNow('alarm');
    api.setOverride(() => null);
    const retry = accountStatus(await pollStatusItem.getValue(), FIRST_ACCOUNT_ID).retry;
    clock.advance((retry?.notBefore ?? 0) - clock.now());
    await tasks.pollNow('retry');
    const asked = api.requests.length;
    clock.advance(MINUTE);
    await tasks.pollNow('alarm');
    expect(api.requests.length).toBe(asked);
  });

  it('does not let a clock set back hold off account refreshes or unknown-user re-checks', async () => {
    const { clock, api, tasks } = await engineSetup();
    api.setOverride((r) => (r.url.searchParams.get('username') === 'bob_scraper' ? answer(10020, 'username does not exist') : null));
    await tasks.pollNow('settings');
    const secondary = () => accountRequests(api).length;
    const accountAsks = secondary();

    clock.advance(-DAY_MS);
    const before = api.hourlyRequests().length;
    await tasks.pollNow('alarm');
    expect(hourlyUsers(api, before)).toEqual(['alice_res', 'carol_eu', 'bob_scraper']);
    expect(secondary()).toBe(accountAsks + 3);
    // Once refreshed at the new time, the hourly pace holds again.
    clock.advance(10 * MINUTE);
    await tasks.pollNow('alarm');
    expect(secondary()).toBe(accountAsks + 3);
  });
});
