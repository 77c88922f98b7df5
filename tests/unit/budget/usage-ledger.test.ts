import { describe, expect, it } from 'vitest';
import { cycleAt } from '@/utils/budget/cycle-span';
import { usageRecords } from '@/utils/budget/day-totals';
import { asTraffic } from '@/utils/budget/measure';
import { inMeasure, spanTotals, usageLedger } from '@/utils/budget/usage-ledger';
import { HOUR_MS, MINUTE_MS } from '@/utils/base/durations';
import { UTC, type ApiTimezone } from '@/utils/time/api-timezone';
import { userKey, watching } from '../support/watching';
import { cachedUser, cacheOf, dailyOf, hoursOfDay, hoursOfDays, sameEveryDay } from './fixtures';

const NOW = Date.parse('2026-11-25T14:40:00Z');
const ALICE = userKey(1, 'alice');
const BOB = userKey(1, 'bob');
const BROWSER: ApiTimezone = { kind: 'browser' };

describe('the usage ledger', () => {
  // Cycle from 15 Nov: 10 complete days (15–24) before today, the 25th.
  const cycle = cycleAt(NOW, 15, UTC);
  const cache = cacheOf({
    // Alice: 10 KB every hour of the last week, fetched now.
    [ALICE]: cachedUser(hoursOfDays('2026-11-18', '2026-11-25', 10), NOW),
    // Bob: failing since 21 Nov 10:00, his last answer; his only traffic since 18 Nov was 100 KB every hour of the 20th.
    [BOB]: cachedUser(hoursOfDay('2026-11-20', 100), Date.parse('2026-11-21T10:00:00Z')),
  });
  // The daily store has the 15–17 Nov of both: 1000 KB a day for Alice, 50 for Bob.
  const daily = dailyOf({ [ALICE]: sameEveryDay('2026-11-15', '2026-11-17', 1000), [BOB]: sameEveryDay('2026-11-15', '2026-11-17', 50) });
  const ledger = usageLedger(usageRecords(cache, daily, UTC), watching(['alice', 'bob']), cycle, NOW);

  it('splits the cycle into its complete days, then today’s hours up to now', () => {
    expect(ledger.todayFrom).toBe(10);
    expect(ledger.spans).toHaveLength(10 + 15);
    expect(ledger.spans[0]).toMatchObject({ startMs: Date.parse('2026-11-15T00:00:00Z'), endMs: Date.parse('2026-11-16T00:00:00Z') });
    expect(ledger.spans.at(-1)).toEqual({ startMs: Date.parse('2026-11-25T14:00:00Z'), endMs: NOW });
  });

  it('reads each user’s days from the store, else from hours that cover the day, and leaves the rest unknown', () => {
    const [alice, bob] = ledger.users;
    // Alice: 15–17 from the store (1000 each), 18 Nov partly past the kept week (unknown), 19–24 from her hours (240 each).
    expect(alice?.spans.slice(0, 10)).toEqual([1000, 1000, 1000, null, 240, 240, 240, 240, 240, 240]);
    // Bob: 15–17 from the store; 18–20 from hours fetched after they ended (no traffic but the 20th's 2400); 21–24 unknown.
    expect(bob?.spans.slice(0, 10)).toEqual([50, 50, 50, 0, 0, 2400, null, null, null, null]);
    // Days known for both: 15, 16, 17, 19, 20; missing: 18 and 21–24.
    expect(ledger.missingDays).toBe(5);
  });

  it('sums today, this hour and the cycle so far for each user', () => {
    const [alice, bob] = ledger.users;
    // Alice: today 15 × 10 = 150; cycle 3 × 1000 + 6 × 240 + 150 = 4590.
    expect([alice?.hourKb, alice?.todayKb, alice?.cycleKb]).toEqual([10, 150, 4590]);
    // Bob: nothing known today; cycle 3 × 50 + 2400 = 2550.
    expect([bob?.hourKb, bob?.todayKb, bob?.cycleKb]).toEqual([0, 0, 2550]);
    expect(inMeasure(ledger, asTraffic, (use) => use.cycleKb)).toBe(4590 + 2550);
  });

  it('keeps the last 24 whole hours and the history days known for everyone', () => {
    const [alice, bob] = ledger.users;
    // 24 Nov 14:00 to 25 Nov 13:00: Alice 24 × 10, Bob nothing known.
    expect([alice?.last24Kb, bob?.last24Kb]).toEqual([240, 0]);
    // Of 18–24 Nov, known for both: 19 and 20.
    expect(ledger.historyDays).toBe(2);
    expect([alice?.historyKb, bob?.historyKb]).toEqual([480, 2400]);
  });

  it('adds a span up only when every user’s figure is known', () => {
    const totals = spanTotals(ledger, asTraffic);
    expect(totals.slice(0, 10)).toEqual([1050, 1050, 1050, null, 240, 2640, null, null, null, null]);
    expect(totals.at(-1)).toBe(10);
  });

  it('covers the last 96 hours once every user was fetched', () => {
    expect(ledger.covers96Hours).toBe(true);
    const unfetched = cacheOf({ [ALICE]: cachedUser({}, NOW), [BOB]: cachedUser({}, null) });
    expect(usageLedger(usageRecords(unfetched, daily, UTC), watching(['alice', 'bob']), cycle, NOW).covers96Hours).toBe(false);
  });

  it('starts a cycle’s first day with no complete days', () => {
    const first = usageLedger(usageRecords(cache, daily, UTC), watching(['alice']), cycleAt(NOW, 25, UTC), NOW);
    expect([first.todayFrom, first.missingDays, first.users[0]?.cycleKb]).toEqual([0, 0, 150]);
  });

  // Under TZ=America/New_York, 1 Nov 2026 repeats 01:00–02:00: the key `01` covers two real hours.
  it('gives today’s hours real spans across a DST change in the browser zone', () => {
    const now = new Date(2026, 10, 1, 3, 30).getTime();
    const browserCycle = cycleAt(now, 1, BROWSER);
    const hours = cacheOf({ [ALICE]: cachedUser(hoursOfDay('2026-11-01', 10, 0, 3), now) }, 'browser');
    const dst = usageLedger(usageRecords(hours, dailyOf({}, 'browser'), BROWSER), watching(['alice']), browserCycle, now);
    const today = dst.spans.slice(dst.todayFrom);
    expect(today[0]?.startMs).toBe(new Date(2026, 10, 1).getTime());
    expect(today.at(-1)?.endMs).toBe(now);
    for (let index = 1; index < today.length; index += 1) expect(today[index]?.startMs).toBe(today[index - 1]?.endMs);
    expect(today.reduce((sum, span) => sum + span.endMs - span.startMs, 0)).toBe(now - new Date(2026, 10, 1).getTime());
    // The repeated hour lasts 2 h in New York (the offset grows by 60 min), 1 h where no change happens.
    const repeated = (new Date(now).getTimezoneOffset() - new Date(2026, 10, 1).getTimezoneOffset()) * MINUTE_MS;
    expect(Math.max(...today.map((span) => span.endMs - span.startMs))).toBe(HOUR_MS + repeated);
    expect(dst.users[0]?.todayKb).toBe(40);
    expect(now - (today.at(-1)?.startMs ?? 0)).toBe(30 * MINUTE_MS);
  });
});
