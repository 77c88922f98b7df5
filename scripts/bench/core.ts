import { watching } from '../../tests/unit/support/watching';
import { performance } from 'node:perf_hooks';
import { EMPTY_ACCOUNT } from '../../utils/account/account-snapshot';
import { EMPTY_ALERT_LOG, selectAlerts, type AlertLog } from '../../utils/alerts/log';
import { evaluateAlerts } from '../../utils/alerts/evaluate';
import { UTC } from '../../utils/time/api-timezone';
import { computeBadge } from '../../utils/background/badge';
import { catalogTranslate, type Language } from '../../utils/i18n/i18n';
import { readCatalogue } from '../lib/catalogues';
import { hourStart, parseHourKey, recentHourKeys } from '../../utils/time/hour-keys';
import { HOUR_MS } from '../../utils/base/durations';
import { EMPTY_CACHE, mergeAnswer, pruneUsage, userKey, withUser, type UsageCache } from '../../utils/usage/cache';
import { runPollCycle, type PollState } from '../../utils/poll/cycle';
import { INITIAL_STATUS } from '../../utils/poll/status';
import { DEFAULT_SETTINGS, type Settings } from '../../utils/settings/model';
import { summarizeUsage } from '../../utils/usage/summary';
import type { ThordataClient } from '../../utils/api/thordata-client';
import { kb, KB_PER_GB, mb, type Kb } from '../../utils/base/units';

const USERS = Array.from({ length: 10 }, (_, i) => `user_${i + 1}`);
const SETTINGS: Settings = { ...DEFAULT_SETTINGS, watched: watching(USERS) };
const START = Date.parse('2026-11-18T00:20:00Z');
const RUNS = 300;
const ENGLISH: Language = { locale: 'en', t: catalogTranslate(await readCatalogue('en')) };

/** A plausible hourly figure with decimals, as the API sends them. */
const LIMIT_KB = kb(500 * KB_PER_GB);
const BALANCE_KB = kb(200 * KB_PER_GB);

function kbFor(username: string, hour: string): Kb {
  const parts = parseHourKey(hour);
  const seed = (username.length * 7919 + (parts?.hour ?? 0) * 104729 + (parts?.day ?? 0) * 31) % 1000;
  return kb(Math.round((200_000 + seed * 1234.56) * 100) / 100);
}

function weekOfCache(now: number): UsageCache {
  const hours = recentHourKeys(now, 168, UTC);
  let cache: UsageCache = EMPTY_CACHE;
  for (const username of USERS) {
    cache = withUser(cache, userKey(1, username), {
      hours: Object.fromEntries(hours.map((hour) => [hour, kbFor(username, hour)])),
      fetchedAt: now - 600_000,
      trafficLimitKb: LIMIT_KB,
      trafficBalanceKb: BALANCE_KB,
    });
  }
  return cache;
}

/**
 * The work a poll cycle does besides waiting for the network: merge each user's
 * answer into a week of cached hours and prune, then derive the badge and decide
 * the alerts. Median wall time of many runs, in ms.
 */
export function measureCoreCycle(): number {
  const now = START + 7 * 24 * HOUR_MS;
  const base = weekOfCache(now);
  const answerHours = recentHourKeys(now, 2, UTC);
  const times: number[] = [];
  let log: AlertLog = EMPTY_ALERT_LOG;
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now();
    let cache = base;
    for (const username of USERS) {
      const key = userKey(1, username);
      const known = cache.users[key];
      if (!known) continue;
      const rows = answerHours.map((hour) => ({ hour, kb: kb(kbFor(username, hour) + run) }));
      const merged = mergeAnswer(known, { rows, fetchedAt: now, trafficLimitKb: known.trafficLimitKb, trafficBalanceKb: known.trafficBalanceKb });
      cache = withUser(cache, key, pruneUsage(merged, now, UTC));
    }
    const status = { ...INITIAL_STATUS, lastSuccessAt: now, lastAttemptAt: now };
    summarizeUsage(cache, SETTINGS, now, 72);
    computeBadge({ settings: SETTINGS, token: 'token-for-bench', cache, status, now, language: ENGLISH });
    log = selectAlerts(evaluateAlerts({ rules: SETTINGS.alerts, settings: SETTINGS, cache, status, account: EMPTY_ACCOUNT, now, lastEvaluatedAt: log.evaluatedAt, judgedThrough: log.judgedThrough }), log, now).log;
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return Math.round((times[Math.floor(times.length / 2)] ?? 0) * 1000) / 1000;
}

/** Bytes the extension keeps after a week of hourly polls of 10 users (what storage.local holds, as JSON). */
export async function measureStorageAfterWeek(): Promise<number> {
  let clock = START;
  const client: ThordataClient = {
    hourlyUsage: async ({ username, from, to }) => {
      const first = hourStart(from, UTC) ?? clock;
      const last = hourStart(to, UTC) ?? clock;
      const rows = [];
      for (let t = first; t <= last; t += HOUR_MS) {
        const hour = recentHourKeys(t, 1, UTC)[0] ?? '';
        rows.push({ hour, kb: kbFor(username, hour) });
      }
      return { ok: true, value: { rows, trafficLimitKb: LIMIT_KB, trafficBalanceKb: BALANCE_KB, totalUsageKb: null } };
    },
    userList: async () => ({ ok: true, value: { users: USERS.map((username) => ({ username, enabled: true, trafficLimitMb: mb(0), usageMb: mb(0) })) } }),
    accountBalance: async () => ({ ok: true, value: { balanceMb: mb(900_000), expiresOn: '2026-12-31' } }),
  };
  let state: PollState = { cache: EMPTY_CACHE, status: INITIAL_STATUS, account: EMPTY_ACCOUNT };
  let log: AlertLog = EMPTY_ALERT_LOG;
  for (let hour = 0; hour < 7 * 24; hour += 1) {
    state = await runPollCycle(SETTINGS, state, { kind: 'run', watched: watching(USERS), resumed: false, account: true }, {
      client,
      now: () => clock,
      sleep: async (ms) => {
        clock += ms;
      },
      random: () => 0.5,
      save: async () => undefined,
    });
    const input = { rules: SETTINGS.alerts, settings: SETTINGS, cache: state.cache, status: state.status, account: state.account, now: clock, lastEvaluatedAt: log.evaluatedAt, judgedThrough: log.judgedThrough };
    log = selectAlerts(evaluateAlerts(input), log, clock).log;
    clock += HOUR_MS;
  }
  const stored = { settings: SETTINGS, apiToken: 'x'.repeat(40), usageCache: state.cache, pollStatus: state.status, account: state.account, alertLog: log };
  return Buffer.byteLength(JSON.stringify(stored));
}
