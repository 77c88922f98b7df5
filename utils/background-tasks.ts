import { browser } from 'wxt/browser';
import type { ApiError } from './api-errors';
import { checkApiBaseUrl } from './api-origin';
import { computeBadge } from './badge';
import { keepRequestGap, runPollCycle, type PollState } from './poll-cycle';
import type { Result } from './result';
import { createSerialQueue } from './serial-queue';
import { coerceSettings, isConfigured } from './settings';
import { pollStatusItem, settingsItem, tokenItem, usageCacheItem } from './storage-items';
import { createThordataClient, type FetchLike, type ProxyType } from './thordata-client';
import type { UserList } from './api-answers';

export const POLL_ALARM = 'thordata-poll';

export interface BackgroundDeps {
  readonly fetch: FetchLike;
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  /** Whether this build may talk to a loopback API (the demo/e2e build). */
  readonly allowLoopback: boolean;
  readonly locale?: string;
}

export interface BackgroundTasks {
  pollNow(): Promise<void>;
  testConnection(query: { token: string; apiBaseUrl: string; proxyType: ProxyType }): Promise<Result<UserList, ApiError>>;
  syncAlarm(): Promise<void>;
  renderBadge(): Promise<void>;
}

/**
 * The background's work, kept out of the entrypoint so it can be tested with a
 * fake browser. Nothing here lives across worker restarts except what is stored.
 */
export function createBackgroundTasks(deps: BackgroundDeps): BackgroundTasks {
  const enqueue = createSerialQueue();
  let pollQueued: Promise<void> | null = null;

  async function readSettings() {
    return coerceSettings(await settingsItem.getValue(), deps.allowLoopback);
  }

  async function readAll() {
    const [settings, token, cache, status] = await Promise.all([
      readSettings(),
      tokenItem.getValue(),
      usageCacheItem.getValue(),
      pollStatusItem.getValue(),
    ]);
    return { settings, token, cache, status };
  }

  async function renderBadge(): Promise<void> {
    const { settings, token, cache, status } = await readAll();
    const view = computeBadge({ settings, token, cache, status, now: deps.now(), locale: deps.locale });
    const action = browser.action ?? browser.browserAction;
    await Promise.all([
      action.setBadgeText({ text: view.text }),
      action.setBadgeBackgroundColor({ color: view.color }),
      action.setTitle({ title: view.title }),
    ]);
  }

  async function save(state: PollState): Promise<void> {
    await Promise.all([usageCacheItem.setValue(state.cache), pollStatusItem.setValue(state.status)]);
    await renderBadge();
  }

  async function pollOnce(): Promise<void> {
    const { settings, token, cache, status } = await readAll();
    await renderBadge();
    if (!isConfigured(settings, token)) return;
    const client = createThordataClient({ baseUrl: settings.apiBaseUrl, token, fetch: deps.fetch });
    await runPollCycle(settings, { cache, status }, { client, now: deps.now, sleep: deps.sleep, save });
  }

  /** A poll asked for while one runs is queued once; asking again joins the queued one. */
  function pollNow(): Promise<void> {
    if (pollQueued) return pollQueued;
    const queued = enqueue(async () => {
      pollQueued = null;
      await pollOnce();
    });
    pollQueued = queued;
    return queued;
  }

  async function testConnection(query: {
    token: string;
    apiBaseUrl: string;
    proxyType: ProxyType;
  }): Promise<Result<UserList, ApiError>> {
    const base = checkApiBaseUrl(query.apiBaseUrl, deps.allowLoopback);
    if (!base.ok) return { ok: false, error: { kind: 'network', detail: base.reason } };
    const client = createThordataClient({ baseUrl: base.baseUrl, token: query.token.trim(), fetch: deps.fetch });
    return enqueue(async () => {
      await keepRequestGap((await pollStatusItem.getValue()).lastRequestEndedAt, deps);
      const result = await client.userList({ proxyType: query.proxyType });
      const after = await pollStatusItem.getValue();
      await pollStatusItem.setValue({ ...after, lastRequestEndedAt: deps.now() });
      return result;
    });
  }

  async function syncAlarm(): Promise<void> {
    const { pollIntervalMinutes } = await readSettings();
    const existing = await browser.alarms.get(POLL_ALARM);
    if (existing?.periodInMinutes === pollIntervalMinutes) return;
    await browser.alarms.create(POLL_ALARM, { periodInMinutes: pollIntervalMinutes, delayInMinutes: pollIntervalMinutes });
  }

  return { pollNow, testConnection, syncAlarm, renderBadge };
}
