import { FIRST_ACCOUNT_ID } from '@/utils/settings/model';
import { userKey, watching } from '../support/watching';
import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { hourUsageKB } from '../../../scripts/demo-api/traffic-model';
import { UTC } from '@/utils/time/api-timezone';
import { BADGE_COLORS, TOKEN_REJECTED_MARK } from '@/utils/background/badge';
import { RETRY_ALARM } from '@/utils/background/tasks';
import { hourKeyAt, hourStart } from '@/utils/time/hour-keys';
import { UNKNOWN_USER_RECHECK_MS } from '@/utils/poll/plan';
import { accountItem, pollStatusItem, usageCacheItem } from '@/utils/storage/items';
import { accountStatus } from '@/utils/poll/status';
import { formatBadgeAmount } from '@/utils/format/traffic-format';
import { kb } from '@/utils/base/units';

import { accountRequests, engineSetup, ENGINE_USERS, hourlyUsers, MINUTE, readFakeBadge } from '../support/engine-harness';
import { answer, nullData, type ModelRequest } from '../support/model-api';

const forUser = (name: string) => (r: ModelRequest) => r.url.searchParams.get('username') === name;
const onPath = (suffix: string) => (r: ModelRequest) => r.url.pathname.endsWith(suffix);

/** This hour's traffic of the given users as the model API serves it now: what the badge must sum. */
function servedNow(now: number, usernames: readonly string[]): number {
  const hour = hourStart(hourKeyAt(now, UTC), UTC) ?? 0;
  return usernames.reduce((sum, name) => sum + hourUsageKB(name, hour, { now: () => now }), 0);
}

describe('a failure for one user marks that user only', () => {
  beforeEach(() => fakeBrowser.reset());

  it('goes on past a user whose answer holds no figures, shows the others’ sum and names the user', async () => {
    const { api, tasks, clock } = await engineSetup();
    const bob = forUser('bob_scraper');
    api.setOverride((r) => (bob(r) ? nullData() : null));
    await tasks.pollNow('settings');

    expect(hourlyUsers(api)).toEqual(ENGINE_USERS);
    const status = await pollStatusItem.getValue();
    expect(status.failure).toBeNull();
    expect(status.lastSuccessAt).not.toBeNull();
    expect(status.userFailures[userKey(1, 'bob_scraper')]).toMatchObject({ username: 'bob_scraper', error: { kind: 'malformed' } });
    const shown = await readFakeBadge();
    expect(shown.text).toBe(formatBadgeAmount(kb(servedNow(clock.now(), ['alice_res', 'carol_eu']))));
    expect(shown.color).toBe(BADGE_COLORS.failing);
    expect(shown.title).toContain('bob_scraper: Thordata answered without usable figures (no data object).');
    expect(await browser.alarms.get(RETRY_ALARM)).toBeUndefined();
  });

  it('asks a failing user last, so every other user is asked in every cycle', async () => {
    const { api, tasks, clock } = await engineSetup({ settings: { watched: watching(['bob_scraper', 'alice_res', 'carol_eu']) } });
    const bob = forUser('bob_scraper');
    api.setOverride((r) => (bob(r) ? nullData() : null));
    await tasks.pollNow('settings');
    let cycleStart = clock.now();
    for (let cycle = 0; cycle < 4; cycle += 1) {
      clock.advance(10 * MINUTE);
      cycleStart = clock.now();
      const before = api.hourlyRequests().length;
      await tasks.pollNow('alarm');
      expect(hourlyUsers(api, before)).toEqual(['alice_res', 'carol_eu', 'bob_scraper']);
    }
    const cache = await usageCacheItem.getValue();
    expect(cache.users[userKey(1, 'carol_eu')]?.fetchedAt).toBeGreaterThan(cycleStart);

    api.setOverride(() => null);
    clock.advance(10 * MINUTE);
    await tasks.pollNow('alarm');
    expect((await pollStatusItem.getValue()).userFailures).toEqual({});
    expect((await readFakeBadge()).color).toBe(BADGE_COLORS.normal);
  });

  it('treats a parameter error (10000) for one username as that user’s, asked again hourly', async () => {
    const { api, tasks, clock } = await engineSetup();
    const carol = forUser('carol_eu');
    api.setOverride((r) => (carol(r) ? answer(10000, 'parameter error') : null));
    await tasks.pollNow('settings');
    const status = await pollStatusItem.getValue();
    expect(status.failure).toBeNull();
    expect(status.userFailures[userKey(1, 'carol_eu')]?.error).toMatchObject({ kind: 'bad-request', code: 10000 });
    expect((await readFakeBadge()).title).toContain('carol_eu: Thordata rejected a request parameter (code 10000).');

    clock.advance(10 * MINUTE);
    let before = api.hourlyRequests().length;
    await tasks.pollNow('alarm');
    expect(hourlyUsers(api, before)).toEqual(['alice_res', 'bob_scraper']);
    clock.advance(UNKNOWN_USER_RECHECK_MS);
    before = api.hourlyRequests().length;
    await tasks.pollNow('alarm');
    expect(hourlyUsers(api, before)).toEqual(['alice_res', 'bob_scraper', 'carol_eu']);
  });

  it('calls it account-wide when every answer is unusable, and backs off', async () => {
    const { api, tasks } = await engineSetup();
    api.setOverride((r) => (onPath('-hour')(r) ? nullData() : null));
    await tasks.pollNow('settings');
    const status = accountStatus(await pollStatusItem.getValue(), FIRST_ACCOUNT_ID);
    expect(status.failure?.kind).toBe('malformed');
    expect(status.retry).not.toBeNull();
    expect(await browser.alarms.get(RETRY_ALARM)).toBeDefined();
    expect((await readFakeBadge()).text).toBe('ERR');
  });

  it('moves the user an account-wide failure stopped at to the end, so it cannot hold back the rest', async () => {
    const { api, tasks, clock } = await engineSetup();
    const bob = forUser('bob_scraper');
    api.setOverride((r) => (bob(r) ? { status: 502, body: '<html>Bad gateway</html>' } : null));
    await tasks.pollNow('settings');
    expect(hourlyUsers(api)).toEqual(['alice_res', 'bob_scraper']);
    expect((await pollStatusItem.getValue()).cycle?.remaining).toEqual([userKey(1, 'carol_eu'), userKey(1, 'bob_scraper')]);

    const retry = accountStatus(await pollStatusItem.getValue(), FIRST_ACCOUNT_ID).retry;
    clock.advance((retry?.notBefore ?? 0) - clock.now());
    const before = api.hourlyRequests().length;
    await tasks.pollNow('retry');
    expect(hourlyUsers(api, before)).toEqual(['carol_eu', 'bob_scraper']);
    expect((await usageCacheItem.getValue()).users[userKey(1, 'carol_eu')]?.fetchedAt).not.toBeNull();
  });
});

describe('a secondary endpoint’s failure stays with its own figures', () => {
  beforeEach(() => fakeBrowser.reset());

  it('never reads the balance endpoint’s 10014 as a rejected token, and polling goes on', async () => {
    const { api, tasks, clock } = await engineSetup();
    api.setOverride((r) => (onPath('/account/traffic-balance')(r) ? answer(10014, 'apiKey error') : null));
    await tasks.pollNow('settings');

    const status = await pollStatusItem.getValue();
    expect(status.failure).toBeNull();
    expect(status.lastSuccessAt).not.toBeNull();
    const account = await accountItem.getValue();
    expect(account.accounts[FIRST_ACCOUNT_ID]?.balanceError).toMatchObject({ kind: 'auth', code: 10014 });
    expect(account.accounts[FIRST_ACCOUNT_ID]?.usersError).toBeNull();
    expect(Object.keys(account.accounts[FIRST_ACCOUNT_ID]?.users ?? {})).toContain(userKey(1, 'alice_res'));
    const shown = await readFakeBadge();
    expect(shown.text).not.toBe(TOKEN_REJECTED_MARK);
    expect(shown.text).toBe(formatBadgeAmount(kb(servedNow(clock.now(), ENGINE_USERS))));
    expect(shown.title).not.toMatch(/rejected the API token/);

    clock.advance(10 * MINUTE);
    const before = api.hourlyRequests().length;
    await tasks.pollNow('alarm');
    expect(hourlyUsers(api, before)).toEqual(ENGINE_USERS);
  });

  it('keeps the user list’s refusal on the user list, and asks both again at a later cycle, not at once', async () => {
    const { api, tasks, clock } = await engineSetup();
    api.setOverride((r) => (onPath('/user-list')(r) ? answer(10013, 'sign error') : null));
    await tasks.pollNow('settings');
    const account = await accountItem.getValue();
    expect(account.accounts[FIRST_ACCOUNT_ID]?.usersError).toMatchObject({ kind: 'auth', code: 10013 });
    expect(account.accounts[FIRST_ACCOUNT_ID]?.balance).not.toBeNull();
    expect((await pollStatusItem.getValue()).failure).toBeNull();

    const secondary = () => accountRequests(api).length;
    const asked = secondary();
    clock.advance(MINUTE);
    await tasks.pollNow('manual');
    expect(secondary()).toBe(asked);
    api.setOverride(() => null);
    clock.advance(10 * MINUTE);
    await tasks.pollNow('alarm');
    expect(secondary()).toBe(asked + 3);
    expect((await accountItem.getValue()).accounts[FIRST_ACCOUNT_ID]?.usersError).toBeNull();
  });

  it('does not back off usage polling when a secondary endpoint asks to wait, and leaves the other secondary for later', async () => {
    const { api, tasks } = await engineSetup();
    api.setOverride((r) => (onPath('/user-list')(r) ? answer(10011, 'too frequent') : null));
    await tasks.pollNow('settings');
    const status = await pollStatusItem.getValue();
    expect(status.failure).toBeNull();
    expect(status.retry).toBeNull();
    expect(api.requests.filter(onPath('/account/traffic-balance'))).toHaveLength(0);
    expect((await accountItem.getValue()).accounts[FIRST_ACCOUNT_ID]?.usersError).toMatchObject({ kind: 'rate-limited' });
  });
});
