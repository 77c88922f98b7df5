/**
 * The background's work behind its events: poll, test a connection, the details page's fetches
 * (page-fetches.ts), keep the alarm, draw the badge, forget. One closure of ~300 lines, over the ~250 a file is kept to, because every task
 * shares the same serial request queue, the forget generation that stops a cycle in flight, and
 * the injected clock and fetch; split apart, that state would have to be passed around or made
 * global. The rules themselves live in utils/poll, utils/alerts and utils/storage.
 */
import { browser } from 'wxt/browser';
import { listAccountUsers, type AccountUsers } from '@/utils/account/account-users';
import { clipText, type ApiError } from '@/utils/api/errors';
import { checkApiBaseUrl } from '@/utils/api/origin';
import { computeBadge } from './badge';
import { badgeRedrawDue, hoursJustCompleted } from './badge-redraw';
import { runPollCycle, type PollState } from '@/utils/poll/cycle';
import { effectiveIntervalMinutes } from '@/utils/poll/interval';
import { planPoll, type PollPlan, type PollTrigger } from '@/utils/poll/plan';
import { keepRequestGap } from '@/utils/poll/spacing';
import { nextRetryAt, withRetriesEnded, type PollStatus } from '@/utils/poll/status';
import { redact } from '@/utils/api/redact';
import type { Result } from '@/utils/base/result';
import { hostName, hostPattern } from '@/utils/api/host-permission';
import { createSerialQueue } from '@/utils/api/serial-queue';
import type { Language } from '@/utils/i18n/i18n';
import { deliverAlerts, snoozeFromNotification } from './notifier';
import { createPageFetches, type FetchDaysRequest, type FetchHoursRequest } from './page-fetches';
import type { FetchDaysReply, FetchHoursReply } from '@/utils/messages/messages';
import { accountsWithToken, isConfigured } from '@/utils/settings/readiness';
import { readStoredState } from '@/utils/storage/stored-state';
import {
  accountItem,
  dailyUsageItem,
  pollStatusItem,
  readTokens,
  recentUsageItem,
  removeAllItems,
  settingsItem,
  usageCacheItem,
} from '@/utils/storage/items';
import { coerceSettings } from '@/utils/settings/repair';
import { recentHoursFor, recentOf } from '@/utils/usage/recent';
import { createThordataClient, type FetchLike, type ThordataClient } from '@/utils/api/thordata-client';
import { MINUTE_MS } from '@/utils/base/durations';
import { spendView } from '@/utils/budget/spend-view';

export const POLL_ALARM = 'thordata-poll';
export const RETRY_ALARM = 'thordata-retry';

/**
 * While the browser is offline, how soon to look again. Being offline is no failed request, so
 * the backoff does not grow; where the context has an `online` event, it looks at once instead.
 */
export const OFFLINE_RECHECK_MS = MINUTE_MS;

export interface BackgroundDeps {
  readonly fetch: FetchLike;
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  /** For backoff jitter; returns a number in [0, 1). */
  readonly random: () => number;
  /** `navigator.onLine`: false means certainly offline, so no request is tried. */
  readonly isOnline: () => boolean;
  /** Whether the browser lets the extension reach this host pattern (Firefox users may withhold it). */
  readonly hasHostPermission: (pattern: string) => Promise<boolean>;
  /** Whether this build may talk to a loopback API (the demo/e2e build). */
  readonly allowLoopback: boolean;
  /** The language of notifications and tooltips. */
  readonly language: Language;
  /** Whether notifications may carry buttons ("Not today"): Chrome's do; Firefox throws on them. */
  readonly notificationButtons: boolean;
  /** How long a request may take; the client's default when left out. Simulations shorten it. */
  readonly requestTimeoutMs?: number;
}

export interface BackgroundTasks {
  /** Resolves with what the wake-up decided to do. */
  pollNow(trigger: PollTrigger): Promise<PollPlan>;
  testConnection(query: { token: string; apiBaseUrl: string }): Promise<Result<AccountUsers, ApiError>>;
  syncAlarm(): Promise<void>;
  renderBadge(): Promise<void>;
  /** "Forget token and data": removes every item and the alarms; a cycle in flight writes nothing more. */
  forget(): Promise<void>;
  /** The end of every background promise chain: records what failed, without the token, for the popup. */
  reportFailure(error: unknown): Promise<void>;
  /** "Not today" clicked on a notification: its rule is snoozed until the next API day. */
  notToday(notificationId: string): Promise<void>;
  /** The details page: one user's missing days, one request in the queue, merged into the daily store. */
  fetchDays(request: FetchDaysRequest): Promise<FetchDaysReply>;
  /** The details page: one user's hours, one request in the queue, answered and not stored. */
  fetchHours(request: FetchHoursRequest): Promise<FetchHoursReply>;
}

class CycleAbandoned extends Error {}

/** When several wake-ups queue, the strongest reason wins: a person's request beats an alarm. */
const TRIGGER_STRENGTH: Readonly<Record<PollTrigger, number>> = {
  'popup-open': 0,
  startup: 1,
  alarm: 2,
  retry: 3,
  manual: 4,
  settings: 5,
};

/**
 * The background's work, kept out of the entrypoint so it can be tested with a
 * fake browser. Nothing here lives across worker restarts except what is stored.
 */
export function createBackgroundTasks(deps: BackgroundDeps): BackgroundTasks {
  const enqueue = createSerialQueue();
  /** The wake-up waiting in the queue, if any: later ones join it instead of queueing again. */
  let waiting: { trigger: PollTrigger } | null = null;
  let waitingDone: Promise<PollPlan> | null = null;
  /**
   * Counts "Forget token and data". Work started before a forget belongs to data that is gone:
   * every write checks this, synchronously before it is issued, so no write of that work can
   * land after the forget removed everything. In memory, because only work in flight in this
   * very worker can be affected; a restarted worker has none.
   */
  let generation = 0;

  /** The stored state, with the generation it was read in: taken first, so a forget during the read counts. */
  const readAll = async () => {
    const readIn = generation;
    return { ...(await readStoredState(deps.allowLoopback)), generation: readIn };
  };

  type Known = Awaited<ReturnType<typeof readAll>>;

  /**
   * Whether work started from `known` may still write: nothing was forgotten since, and every
   * account's token is the same (a new one means another account, whose figures these are not).
   */
  async function stillCurrent(known: Known): Promise<boolean> {
    const tokens = await readTokens(known.settings);
    return generation === known.generation && Object.entries(known.tokens).every(([account, token]) => tokens[account] === token);
  }

  /** Shows what is known on the badge, without reading storage again. */
  async function showBadge({ settings, tokens, cache, status }: Pick<Known, 'settings' | 'tokens' | 'cache' | 'status'>): Promise<void> {
    const withToken = accountsWithToken(tokens);
    const view = computeBadge({ settings, withToken, cache, status, now: deps.now(), language: deps.language });
    const action = browser.action ?? browser.browserAction;
    const drawn = action.setBadgeText({ text: view.text });
    // `npm run bench` times a woken worker up to here; the mark exists in the e2e build only.
    if (import.meta.env.MODE === 'e2e') performance.mark('badge-drawn');
    await Promise.all([drawn, action.setBadgeBackgroundColor({ color: view.color }), action.setTitle({ title: view.title })]);
  }

  async function renderBadge(): Promise<void> {
    await showBadge(await readAll());
  }

  /**
   * Saves a cycle's progress, unless the token changed meanwhile (saved anew, or
   * forgotten with all data): then the cycle's answers belong to another account
   * or to nobody, and it stops without writing.
   */
  async function saveFor(known: Known, state: PollState, drawBadge: boolean, daysChanged: boolean): Promise<void> {
    if (!(await stillCurrent(known))) throw new CycleAbandoned();
    await save(known, state, drawBadge, daysChanged);
  }

  /**
   * Writes a cycle's state, with the hours the popup reads apart, and shows it, with the settings
   * and tokens the cycle started from. The days are written only when they changed: they are up
   * to 200 per user, and change once a day, while the hours change at every answer.
   */
  async function save(known: Known, state: PollState, drawBadge: boolean, daysChanged: boolean): Promise<void> {
    const { settings } = known;
    const recent = recentOf(state.cache, recentHoursFor(settings.chartHours), deps.now(), settings.apiTimezone);
    await Promise.all([
      usageCacheItem.setValue(state.cache),
      recentUsageItem.setValue(recent),
      daysChanged ? dailyUsageItem.setValue(state.daily) : null,
      pollStatusItem.setValue(state.status),
      accountItem.setValue(state.account),
    ]);
    if (drawBadge) await showBadge({ ...known, ...state });
  }

  /** A retry is an alarm too, so it survives the worker being stopped while waiting. */
  async function scheduleRetry(status: PollStatus): Promise<void> {
    const when = nextRetryAt(status);
    if (when !== null) await browser.alarms.create(RETRY_ALARM, { when });
    else await browser.alarms.clear(RETRY_ALARM);
  }

  /** A state that stops polling before any request (no access, offline), saved only if still current. */
  async function saveStopped(known: Known, status: PollStatus): Promise<void> {
    try {
      await saveFor(known, { cache: known.cache, daily: known.daily, status, account: known.account }, true, false);
      await scheduleRetry(status);
    } catch (error) {
      if (!(error instanceof CycleAbandoned)) throw error;
      await renderBadge();
    }
  }

  async function pollOnce(trigger: PollTrigger): Promise<PollPlan> {
    const known = await readAll();
    const { settings, tokens, cache, daily, status, account } = known;
    const now = deps.now();
    const plan = planPoll({ trigger, settings, withToken: accountsWithToken(tokens), status, account, now, online: deps.isOnline() });
    if (plan.kind === 'skip') {
      await showBadge(known);
      return plan;
    }
    if (!(await deps.hasHostPermission(hostPattern(settings.apiBaseUrl)))) {
      // No request could succeed: say what is missing instead of failing on every poll.
      const failure = { kind: 'permission' as const, host: hostName(settings.apiBaseUrl) };
      await saveStopped(known, { ...status, failure, failingSince: status.failingSince ?? now, lastAttemptAt: now, retry: null });
      return plan;
    }
    if (plan.kind === 'offline') {
      // No request was tried, so none failed: the backoff keeps its count, and the next look is soon.
      const retry = { attempt: status.retry?.attempt ?? 0, notBefore: now + OFFLINE_RECHECK_MS };
      const failure = { kind: 'offline' as const };
      await saveStopped(known, { ...status, failure, failingSince: status.failingSince ?? now, lastAttemptAt: now, retry });
      return plan;
    }
    const clients = new Map<string, ThordataClient>();
    const clientFor = (id: string): ThordataClient => {
      const client =
        clients.get(id) ?? createThordataClient({ baseUrl: settings.apiBaseUrl, token: tokens[id] ?? '', fetch: deps.fetch, timeoutMs: deps.requestTimeoutMs });
      clients.set(id, client);
      return client;
    };
    // New settings deserve a fresh start: the old backoffs were about the old ones.
    const start = trigger === 'settings' ? withRetriesEnded(status) : status;
    let badgeDrawnAt: number | null = null;
    let lastSaveDrew = false;
    let drawnWithAllHours = false;
    try {
      let daysWritten = daily;
      const result = await runPollCycle(settings, { cache, daily, status: start, account }, plan, {
        clientFor,
        now: deps.now,
        sleep: deps.sleep,
        random: deps.random,
        save: (state) => {
          const now = deps.now();
          const allHours = hoursJustCompleted(state.status.cycle, drawnWithAllHours);
          drawnWithAllHours ||= allHours;
          lastSaveDrew = allHours || badgeRedrawDue(badgeDrawnAt, now);
          if (lastSaveDrew) badgeDrawnAt = now;
          const daysChanged = state.daily !== daysWritten;
          daysWritten = state.daily;
          return saveFor(known, state, lastSaveDrew, daysChanged);
        },
      });
      // The cycle's last save may have come too soon after a redraw: the badge shows its end.
      if (!lastSaveDrew) await showBadge({ ...known, ...result });
      await scheduleRetry(result.status);
    } catch (error) {
      if (!(error instanceof CycleAbandoned)) throw error;
      await renderBadge();
    }
    return plan;
  }

  /** After every wake-up, whatever it did: alerts look at the stored state, not at what just changed. */
  async function pollAndAlert(trigger: PollTrigger): Promise<PollPlan> {
    const plan = await pollOnce(trigger);
    const known = await readAll();
    const { settings, tokens, cache, daily, status, account } = known;
    if (isConfigured(settings, accountsWithToken(tokens))) {
      const now = deps.now();
      // Only budgets raise budget alerts, and the view costs ~10 ms a wake-up with 100 users.
      const budgets = settings.budgets;
      const spend = budgets.daily.kind === 'off' && budgets.cycle.kind === 'off' ? null : spendView({ settings, cache, daily, now });
      const input = { rules: settings.alerts, settings, cache, status, account, now, spend };
      await deliverAlerts(input, deps.language, () => stillCurrent(known), deps.notificationButtons);
    }
    return plan;
  }

  function pollNow(trigger: PollTrigger): Promise<PollPlan> {
    if (waiting && waitingDone) {
      if (TRIGGER_STRENGTH[trigger] > TRIGGER_STRENGTH[waiting.trigger]) waiting.trigger = trigger;
      return waitingDone;
    }
    const ticket = { trigger };
    waiting = ticket;
    waitingDone = enqueue(() => {
      waiting = null;
      waitingDone = null;
      return pollAndAlert(ticket.trigger);
    });
    return waitingDone;
  }

  async function testConnection(query: { token: string; apiBaseUrl: string }): Promise<Result<AccountUsers, ApiError>> {
    const base = checkApiBaseUrl(query.apiBaseUrl, deps.allowLoopback);
    // The settings page checks the address first; this refusal is the last line of defence.
    if (!base.ok) return { ok: false, error: { kind: 'address-refused' } };
    const client = createThordataClient({ baseUrl: base.baseUrl, token: query.token.trim(), fetch: deps.fetch });
    return enqueue(async () => {
      const started = generation;
      let lastEndedAt = (await pollStatusItem.getValue()).lastRequestEndedAt;
      const ask = async <T>(request: () => Promise<T>): Promise<T> => {
        await keepRequestGap(lastEndedAt, deps);
        const answer = await request();
        lastEndedAt = deps.now();
        return answer;
      };
      const result = await listAccountUsers(client, ask);
      const after = await pollStatusItem.getValue();
      if (generation === started) await pollStatusItem.setValue({ ...after, lastRequestEndedAt: lastEndedAt });
      return result;
    });
  }

  async function forget(): Promise<void> {
    generation += 1;
    await Promise.all([removeAllItems(), browser.alarms.clear(POLL_ALARM), browser.alarms.clear(RETRY_ALARM)]);
    await renderBadge();
  }

  async function reportFailure(error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    try {
      // Every account's token, wherever the message may hold one; the settings name the accounts.
      const settings = coerceSettings(await settingsItem.getValue(), deps.allowLoopback);
      const tokens = Object.values(await readTokens(settings));
      const detail = clipText(tokens.reduce((text, token) => redact(text, token), message)) || 'unknown error';
      console.warn(`Thordata Usage Monitor: a background task failed: ${detail}`);
      const status = await pollStatusItem.getValue();
      await pollStatusItem.setValue({ ...status, backgroundError: { detail, at: deps.now() } });
    } catch (secondary) {
      // Storage itself is failing: the console is all that is left, and it never gets the raw message.
      console.warn('Thordata Usage Monitor: a background task failed, and its failure could not be recorded.', secondary instanceof Error ? secondary.name : '');
    }
  }

  /** Makes sure the periodic alarm exists with the interval from settings. */
  async function syncAlarm(): Promise<void> {
    const { settings } = await readAll();
    const minutes = effectiveIntervalMinutes(settings);
    const existing = await browser.alarms.get(POLL_ALARM);
    if (existing?.periodInMinutes === minutes) return;
    await browser.alarms.create(POLL_ALARM, { periodInMinutes: minutes, delayInMinutes: minutes });
  }

  async function notToday(notificationId: string): Promise<void> {
    const settings = coerceSettings(await settingsItem.getValue(), deps.allowLoopback);
    await snoozeFromNotification(notificationId, settings.apiTimezone, deps.now());
  }

  const { fetchDays, fetchHours } = createPageFetches({ ...deps, enqueue, readAll, stillCurrent, forgotten: (known) => known.generation !== generation });

  return { pollNow, testConnection, syncAlarm, renderBadge, forget, reportFailure, notToday, fetchDays, fetchHours };
}
