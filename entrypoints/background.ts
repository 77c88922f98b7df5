import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { buildAllowsLoopback } from '@/utils/api/origin';
import { createBackgroundTasks, POLL_ALARM, RETRY_ALARM } from '@/utils/background/tasks';
import { uiLanguage } from '@/utils/i18n/ui-language';
import { parseBackgroundRequest, type PollNowReply } from '@/utils/messages/messages';
import { openForNotification } from '@/utils/background/notifier';
import { createActionMenuInstaller, runActionMenuItem, type MenuRegistry } from '@/utils/background/action-menu';
import { detailsPageUrl } from '@/utils/background/details-page';

/** `contextMenus.create` reports a refusal only to its callback, through `runtime.lastError`. */
const contextMenus: MenuRegistry = {
  removeAll: () => browser.contextMenus.removeAll(),
  create: (item) =>
    new Promise((resolve, reject) => {
      browser.contextMenus.create(item, () => {
        const error = browser.runtime.lastError;
        if (error) reject(new Error(error.message));
        else resolve();
      });
    }),
};

export default defineBackground(() => {
  const language = uiLanguage();
  // Firefox shows no notification buttons and throws on a notification that has any.
  const notificationButtons = !import.meta.env.FIREFOX;
  const tasks = createBackgroundTasks({
    fetch: (url, init) => fetch(url, { ...init, cache: 'no-store', credentials: 'omit' }),
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    random: () => Math.random(),
    isOnline: () => navigator.onLine,
    hasHostPermission: (pattern) => browser.permissions.contains({ origins: [pattern] }),
    allowLoopback: buildAllowsLoopback(),
    language,
    notificationButtons,
  });
  const installActionMenu = createActionMenuInstaller(contextMenus, language.t);

  /** Every chain ends here: what failed is recorded for the popup, without the token. */
  const settle = (work: Promise<unknown>): Promise<void> => work.then(() => undefined, tasks.reportFailure);

  /** A page's request that failed is recorded too; the page hears only that it failed, never the details. */
  const answer = <T>(work: Promise<T>): Promise<T> =>
    work.catch(async (error: unknown) => {
      await tasks.reportFailure(error);
      throw new Error('The background could not carry out the request.');
    });

  // Every listener is registered synchronously here: an MV3 worker woken by an
  // event only delivers it to listeners added during its first turn.
  // An update (or an unpacked extension reloaded at browser start) keeps its data:
  // it polls like a browser start, respecting fresh figures and any pause.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    void settle(installActionMenu());
    void settle(tasks.syncAlarm().then(() => tasks.pollNow(reason === 'install' ? 'settings' : 'startup')));
  });
  browser.runtime.onStartup.addListener(() => {
    void settle(installActionMenu());
    void settle(tasks.syncAlarm().then(() => tasks.pollNow('startup')));
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === POLL_ALARM) void settle(tasks.syncAlarm().then(() => tasks.pollNow('alarm')));
    if (alarm.name === RETRY_ALARM) void settle(tasks.pollNow('retry'));
  });
  // Where the context tells (Firefox's background page), the network's return is acted on at
  // once; elsewhere the one-minute retry alarm set while offline finds it.
  globalThis.addEventListener?.('online', () => {
    void settle(tasks.pollNow('retry'));
  });
  browser.notifications.onClicked.addListener((id) => {
    void settle(openForNotification(id));
  });
  // "Not today" is the only button a notification has.
  if (notificationButtons) {
    browser.notifications.onButtonClicked.addListener((id) => {
      void settle(tasks.notToday(id));
    });
  }
  browser.contextMenus.onClicked.addListener(({ menuItemId }) => {
    void settle(
      runActionMenuItem(menuItemId, {
        refreshNow: () => tasks.pollNow('manual'),
        openDetails: () => browser.tabs.create({ url: detailsPageUrl(browser.runtime.getURL('/')) }),
        openSettings: () => browser.runtime.openOptionsPage(),
      }),
    );
  });
  browser.runtime.onMessage.addListener((message: unknown) => {
    const request = parseBackgroundRequest(message);
    if (request === null) return undefined;
    switch (request.type) {
      case 'poll-now':
        return answer(tasks.pollNow(request.trigger).then((): PollNowReply => ({ done: true })));
      case 'settings-saved':
        return answer(
          tasks
            .syncAlarm()
            .then(() => tasks.pollNow('settings'))
            .then((): PollNowReply => ({ done: true })),
        );
      case 'forget':
        return answer(tasks.forget().then((): PollNowReply => ({ done: true })));
      case 'test-connection':
        return answer(tasks.testConnection(request));
      case 'fetch-days':
        return answer(tasks.fetchDays(request));
      case 'fetch-hours':
        return answer(tasks.fetchHours(request));
    }
  });
});
