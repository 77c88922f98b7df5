import { render } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import '@/components/theme.css';
import './popup.css';
import { PopupView } from '@/components/PopupView';
import { buildAllowsLoopback } from '@/utils/api-origin';
import { pickLocale } from '@/utils/locale';
import type { BackgroundRequest, PageTrigger } from '@/utils/messages';
import { isConfigured, type ChartHours } from '@/utils/settings';
import { accountItem, pollStatusItem, settingsItem, tokenItem, usageCacheItem } from '@/utils/storage-items';
import { readStoredState } from '@/utils/stored-state';
import { userKey } from '@/utils/usage-cache';
import { usageCsv } from '@/utils/usage-csv';

const locale = pickLocale(navigator.languages);
document.documentElement.lang = locale;

async function loadState() {
  const { settings, token, cache, status, account } = await readStoredState(buildAllowsLoopback());
  // Only whether a token exists leaves this function: the popup never holds it.
  return { settings, configured: isConfigured(settings, token), cache, status, account };
}

type PopupState = Awaited<ReturnType<typeof loadState>>;

function markReady() {
  if (performance.getEntriesByName('popup-ready').length === 0) performance.mark('popup-ready');
}

/** Saves the cached hours through a download link: no `downloads` permission needed. */
function exportCsv({ cache, settings }: PopupState) {
  const names = new Map(settings.usernames.map((name) => [userKey(settings.proxyType, name), name]));
  const blob = new Blob([usageCsv(cache, names, settings.apiTimezone)], { type: 'text/csv;charset=utf-8' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = `thordata-usage-${new Date().toISOString().slice(0, 10)}.csv`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

function PopupApp({ initial }: { initial: PopupState }) {
  const [state, setState] = useState(initial);
  const [now, setNow] = useState(() => Date.now());
  const [refreshing, setRefreshing] = useState(false);

  const reload = useCallback(() => {
    void loadState().then((next) => {
      setState(next);
      setNow(Date.now());
    });
  }, []);

  const refresh = useCallback(
    async (trigger: PageTrigger) => {
      setRefreshing(true);
      try {
        const request: BackgroundRequest = { type: 'poll-now', trigger };
        await browser.runtime.sendMessage(request);
      } finally {
        setRefreshing(false);
        reload();
      }
    },
    [reload],
  );

  useEffect(() => {
    const unwatch = [settingsItem, tokenItem, usageCacheItem, pollStatusItem, accountItem].map((item) => item.watch(reload));
    const clock = setInterval(() => setNow(Date.now()), 30_000);
    // The cached figures are already on screen; the background decides whether they need a request.
    if (initial.configured) void refresh('popup-open');
    return () => {
      unwatch.forEach((stop) => stop());
      clearInterval(clock);
    };
  }, [initial, reload, refresh]);

  const chooseChartHours = (chartHours: ChartHours) => {
    void settingsItem.setValue({ ...state.settings, chartHours });
  };

  return (
    <PopupView
      {...state}
      now={now}
      refreshing={refreshing}
      locale={locale}
      onRefresh={() => void refresh('manual')}
      onOpenSettings={() => void browser.runtime.openOptionsPage()}
      onChartHours={chooseChartHours}
      onExport={() => exportCsv(state)}
      onChartDrawn={markReady}
    />
  );
}

const root = document.getElementById('app');
if (root) {
  void loadState().then((initial) => {
    render(<PopupApp initial={initial} />, root);
    if (!initial.configured) markReady();
  });
}
