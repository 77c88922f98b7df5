/**
 * The poller in Node, on its real code: `planPoll` decides each wake-up, `runPollCycle` carries it
 * out through the real Thordata client, and the alerts are evaluated after it, as the worker
 * does. The client's fetch is the demo API's own endpoints called in process, on a simulated
 * clock: a week of hourly polls, or hours of steady polls, take seconds. Measures the CPU a cycle
 * costs besides waiting, what storage holds after a week, and how many requests a steady poll
 * makes; and makes what a first full cycle stores, for a profile whose real first cycle is left
 * to the e2e suite (`--skip-first-cycle`).
 */
import { performance } from 'node:perf_hooks';
import { DEFAULT_TOKEN, type DemoAccount } from '../demo-api/accounts';
import { API_BASE_PATH, ENDPOINTS } from '../demo-api/endpoints';
import { readCatalogue } from '../lib/catalogues';
import { EMPTY_ACCOUNT } from '../../utils/account/account-snapshot';
import { judgedThroughAfter, evaluateAlerts } from '../../utils/alerts/evaluate';
import { EMPTY_ALERT_LOG, selectAlerts, type AlertLog } from '../../utils/alerts/log';
import { createThordataClient, type FetchLike, type ThordataClient } from '../../utils/api/thordata-client';
import { computeBadge } from '../../utils/background/badge';
import { badgeRedrawDue } from '../../utils/background/badge-redraw';
import { HOUR_MS, MINUTE_MS } from '../../utils/base/durations';
import { catalogTranslate, type Language } from '../../utils/i18n/i18n';
import { runPollCycle, type PollState } from '../../utils/poll/cycle';
import { accountRequestsPerCycle, effectiveIntervalMinutes } from '../../utils/poll/interval';
import { planPoll, type PollTrigger } from '../../utils/poll/plan';
import { INITIAL_STATUS } from '../../utils/poll/status';
import { ACCOUNT, ALERT_LOG, DAILY_USAGE, POLL_STATUS, RECENT_USAGE, USAGE_CACHE, versionKey } from '../../utils/storage/definitions';
import { EMPTY_DAILY } from '../../utils/usage/daily';
import { recentHoursFor, recentOf } from '../../utils/usage/recent';
import { median } from './figures';
import { storageItems, type BenchSetup } from './scale';

const START = Date.parse('2026-11-18T00:20:00Z');
const BASE_URL = `http://demo.bench${API_BASE_PATH}`;
const HOURLY_PATH = `${API_BASE_PATH}/proxy-users/usage-statistics-hour`;
const DAILY_PATH = `${API_BASE_PATH}/proxy-users/usage-statistics`;
const ENGLISH: Language = { locale: 'en', t: catalogTranslate(await readCatalogue('en')) };

/** A request the simulated poller made: its path, when, and the user it names, if any. */
interface Asked {
  readonly path: string;
  readonly at: number;
  readonly username: string | null;
}

/** The demo API's endpoints answering in process at the simulated time, each request's path and time noted. */
function inProcessApi(accounts: readonly DemoAccount[], now: () => number, asked: Asked[]): FetchLike {
  return async (raw) => {
    const url = new URL(raw);
    const endpoint = ENDPOINTS.get(url.pathname);
    if (endpoint === undefined) throw new Error(`The bench's API has no ${url.pathname}`);
    const arrivedAt = now();
    asked.push({ path: url.pathname, at: arrivedAt, username: url.searchParams.get('username') });
    const { answer } = endpoint(url.searchParams, {
      token: DEFAULT_TOKEN,
      accounts,
      offsetMinutes: 0,
      clock: { now: () => arrivedAt },
      shuffleRows: false,
      shuffleSeed: '',
    });
    const body = JSON.stringify(answer);
    return { status: 200, text: async () => body };
  };
}

/** The stored state a simulated poller keeps between wake-ups, and its clock. */
class SimulatedPoller {
  state: PollState = { cache: { apiTimezone: null, users: {} }, daily: EMPTY_DAILY, status: INITIAL_STATUS, account: EMPTY_ACCOUNT };
  log: AlertLog = EMPTY_ALERT_LOG;
  clock = START;
  readonly asked: Asked[] = [];
  readonly #clients: ReadonlyMap<string, ThordataClient>;

  constructor(
    readonly setup: BenchSetup,
    accounts: readonly DemoAccount[],
    fetch: (inner: FetchLike) => FetchLike = (inner) => inner,
  ) {
    const api = fetch(inProcessApi(accounts, () => this.clock, this.asked));
    this.#clients = new Map(Object.entries(setup.tokens).map(([id, token]) => [id, createThordataClient({ baseUrl: BASE_URL, token, fetch: api })]));
  }

  /**
   * One wake-up as the worker handles it: plan, cycle (saving after each answer, the badge
   * redrawn as utils/background/tasks.ts redraws it), alerts.
   */
  async wake(trigger: PollTrigger, drawBadge: (state: PollState) => void = () => undefined): Promise<void> {
    const { settings, tokens } = this.setup;
    const { status, account } = this.state;
    const plan = planPoll({ trigger, settings, withToken: new Set(Object.keys(tokens)), status, account, now: this.clock, online: true });
    if (plan.kind === 'run') {
      let drawnAt: number | null = null;
      let lastSaveDrew = false;
      this.state = await runPollCycle(settings, this.state, plan, {
        clientFor: (id) => this.#clients.get(id) ?? missing(id),
        now: () => this.clock,
        sleep: async (ms) => {
          this.clock += ms;
        },
        random: () => 0.5,
        save: async (state) => {
          lastSaveDrew = badgeRedrawDue(drawnAt, this.clock);
          if (!lastSaveDrew) return;
          drawnAt = this.clock;
          drawBadge(state);
        },
      });
      if (!lastSaveDrew) drawBadge(this.state);
    }
    const input = { rules: settings.alerts, settings, ...this.state, now: this.clock, lastEvaluatedAt: this.log.evaluatedAt, judgedThrough: this.log.judgedThrough };
    const selected = selectAlerts(evaluateAlerts(input), this.log, this.clock).log;
    this.log = { ...selected, judgedThrough: judgedThroughAfter(input) };
  }
}

function missing(account: string): never {
  throw new Error(`No token for account ${account}`);
}

/**
 * The CPU of a poll cycle besides waiting, in ms: a cycle an hour after the first (so each
 * account's user lists and balance are due too), over a week of cached hours. It runs the real
 * cycle: each answer parsed, merged into the cache and pruned, the badge computed as the worker
 * redraws it while saving (badge-redraw.ts) and at the end, then the alerts evaluated. Storage and the
 * network are not in it; the answers are read once beforehand, so only the extension's work
 * is timed. Median of `runs` (process CPU, user and system).
 */
export async function measureCoreCycle(setup: BenchSetup, accounts: readonly DemoAccount[], runs: number): Promise<{ cpuMs: number; wallMs: number; requests: number }> {
  const answers = new Map<string, string>();
  let requests = 0;
  const remembered = (inner: FetchLike): FetchLike => async (url, init) => {
    requests += 1;
    const known = answers.get(url) ?? (await (await inner(url, init)).text());
    answers.set(url, known);
    return { status: 200, text: async () => known };
  };
  const poller = new SimulatedPoller(setup, accounts, remembered);
  await poller.wake('settings');
  const base = { state: poller.state, log: poller.log, clock: poller.clock + HOUR_MS };
  const withToken = new Set(Object.keys(setup.tokens));
  const cpu: number[] = [];
  const wall: number[] = [];
  // Run -1 is not counted: it reads the answers the timed runs get from memory.
  for (let run = -1; run < runs; run += 1) {
    Object.assign(poller, base);
    requests = 0;
    const startedCpu = process.cpuUsage();
    const started = performance.now();
    await poller.wake('alarm', (state) => computeBadge({ settings: setup.settings, withToken, ...state, now: poller.clock, language: ENGLISH }));
    const used = process.cpuUsage(startedCpu);
    if (run < 0) continue;
    wall.push(performance.now() - started);
    cpu.push((used.user + used.system) / 1000);
  }
  const round = (ms: number) => Math.round(ms * 100) / 100;
  return { cpuMs: round(median(cpu)), wallMs: round(median(wall)), requests };
}

/**
 * Bytes `storage.local` holds after a week of hourly polls: every item the extension writes
 * (each with its version item), each account's token among them, counted as Chrome counts
 * them (key and JSON value).
 */
export async function measureStorageAfterWeek(setup: BenchSetup, accounts: readonly DemoAccount[]): Promise<number> {
  const hourly: BenchSetup = { ...setup, settings: { ...setup.settings, pollIntervalMinutes: 60 } };
  const poller = new SimulatedPoller(hourly, accounts);
  const first = poller.clock;
  await poller.wake('settings');
  for (let hour = 1; hour < 7 * 24; hour += 1) {
    poller.clock = Math.max(poller.clock, first + hour * HOUR_MS);
    await poller.wake('alarm');
  }
  const stored: Record<string, unknown> = {
    ...storageItems(hourly),
    [USAGE_CACHE.key]: poller.state.cache,
    [RECENT_USAGE.key]: recentOf(poller.state.cache, recentHoursFor(hourly.settings.chartHours), poller.clock, hourly.settings.apiTimezone),
    [DAILY_USAGE.key]: poller.state.daily,
    [POLL_STATUS.key]: poller.state.status,
    [ACCOUNT.key]: poller.state.account,
    [ALERT_LOG.key]: poller.log,
    ...Object.fromEntries([USAGE_CACHE, POLL_STATUS, ACCOUNT, ALERT_LOG].map(({ key, version }) => [versionKey(key), { v: version }])),
  };
  return Object.entries(stored).reduce((sum, [key, value]) => sum + Buffer.byteLength(key) + Buffer.byteLength(JSON.stringify(value)), 0);
}

/**
 * Requests of steady polls: after the first cycle, the poll alarm every effective interval for
 * `hours`. Returns the hourly usage requests of each steady poll, the most secondary requests
 * (user lists, balances and wallets) in any hour since the first cycle, the most the poll plan
 * allows an hour (each account: one user list per product watched, its balance and its wallet),
 * and the most daily requests any one user had.
 */
export async function measureSteadyRequests(
  setup: BenchSetup,
  accounts: readonly DemoAccount[],
  hours: number,
): Promise<{ perPoll: number[]; secondaryPerHour: number; secondaryAllowed: number; dailyPerUser: number }> {
  const poller = new SimulatedPoller(setup, accounts);
  const first = poller.clock;
  await poller.wake('settings');
  const intervalMs = effectiveIntervalMinutes(setup.settings) * MINUTE_MS;
  const perPoll: number[] = [];
  for (let wake = 1; wake * intervalMs < hours * HOUR_MS; wake += 1) {
    poller.clock = Math.max(poller.clock, first + wake * intervalMs);
    const asked = poller.asked.length;
    await poller.wake('alarm');
    perPoll.push(poller.asked.slice(asked).filter(({ path }) => path === HOURLY_PATH).length);
  }
  const secondary = new Map<number, number>();
  const daily = new Map<string | null, number>();
  for (const { path, at, username } of poller.asked) {
    if (path === HOURLY_PATH) continue;
    if (path === DAILY_PATH) {
      daily.set(username, (daily.get(username) ?? 0) + 1);
      continue;
    }
    const hour = Math.floor((at - first) / HOUR_MS);
    secondary.set(hour, (secondary.get(hour) ?? 0) + 1);
  }
  return {
    perPoll,
    secondaryPerHour: Math.max(0, ...secondary.values()),
    secondaryAllowed: accountRequestsPerCycle(setup.settings),
    dailyPerUser: Math.max(0, ...daily.values()),
  };
}

/**
 * What `storage.local` holds after the first full cycle of `setup` (the trigger: its settings
 * saved), ending at `endAt` (epoch ms): every item the settings page and the background write, in
 * their stored layout. The settings at their version and each account's token (scale.ts); the
 * usage cache, the recent hours the popup reads (as utils/background/tasks.ts saves them, from
 * the cache at the cycle's last save), the complete days, the poll status, the account figures and the alert log,
 * each with its version item where @wxt-dev/storage writes one (none at version 1). The cycle is
 * the product's own, on the simulated clock against the demo API's endpoints: a run of some
 * 3 minutes in a browser takes well under a second. It is run once to learn how long it takes
 * and again started that long before `endAt`, so its hours are the current ones.
 */
export async function firstCycleItems(setup: BenchSetup, accounts: readonly DemoAccount[], endAt: number): Promise<Record<string, unknown>> {
  const cycleFrom = async (startAt: number) => {
    const poller = new SimulatedPoller(setup, accounts);
    poller.clock = startAt;
    await poller.wake('settings');
    return poller;
  };
  const probe = await cycleFrom(endAt - HOUR_MS);
  const poller = await cycleFrom(endAt - (probe.clock - (endAt - HOUR_MS)));
  const asked = poller.asked.filter(({ path }) => path === HOURLY_PATH).length;
  const users = setup.settings.watched.length;
  const cached = Object.keys(poller.state.cache.users).length;
  if (asked !== users || cached !== users || poller.state.status.lastSuccessAt === null) {
    throw new Error(`The first cycle in Node asked ${asked} and cached ${cached} of ${users} users`);
  }
  const { settings } = setup;
  const { cache, daily, status, account } = poller.state;
  return {
    ...storageItems(setup),
    [USAGE_CACHE.key]: cache,
    [RECENT_USAGE.key]: recentOf(cache, recentHoursFor(settings.chartHours), poller.clock, settings.apiTimezone),
    [DAILY_USAGE.key]: daily,
    [POLL_STATUS.key]: status,
    [ACCOUNT.key]: account,
    [ALERT_LOG.key]: poller.log,
    ...Object.fromEntries(
      [USAGE_CACHE, RECENT_USAGE, DAILY_USAGE, POLL_STATUS, ACCOUNT, ALERT_LOG].filter(({ version }) => version > 1).map(({ key, version }) => [versionKey(key), { v: version }]),
    ),
  };
}
