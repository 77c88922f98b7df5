import { render } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import '@/components/theme.css';
import './popup.css';
import { PopupView } from '@/components/PopupView';
import { buildAllowsLoopback } from '@/utils/api-origin';
import type { BackgroundRequest } from '@/utils/messages';
import { coerceSettings, isConfigured } from '@/utils/settings';
import { pollStatusItem, settingsItem, tokenItem, usageCacheItem } from '@/utils/storage-items';

/** Figures older than this are refreshed when the popup opens (the cached ones show meanwhile). */
const REFRESH_ON_OPEN_AFTER_MS = 60_000;

async function loadState() {
  const [rawSettings, token, cache, status] = await Promise.all([
    settingsItem.getValue(),
    tokenItem.getValue(),
    usageCacheItem.getValue(),
    pollStatusItem.getValue(),
  ]);
  const settings = coerceSettings(rawSettings, buildAllowsLoopback());
  return { settings, configured: isConfigured(settings, token), cache, status };
}

type PopupState = Awaited<ReturnType<typeof loadState>>;

function markReady() {
  if (performance.getEntriesByName('popup-ready').length === 0) performance.mark('popup-ready');
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

  const refresh = useCallback(async () => {
    setRefreshing(true);
    try {
      const request: BackgroundRequest = { type: 'poll-now' };
      await browser.runtime.sendMessage(request);
    } finally {
      setRefreshing(false);
      reload();
    }
  }, [reload]);

  useEffect(() => {
    const unwatch = [settingsItem, tokenItem, usageCacheItem, pollStatusItem].map((item) => item.watch(reload));
    const clock = setInterval(() => setNow(Date.now()), 30_000);
    const lastAttempt = initial.status.lastAttemptAt ?? 0;
    if (initial.configured && Date.now() - lastAttempt > REFRESH_ON_OPEN_AFTER_MS) void refresh();
    return () => {
      unwatch.forEach((stop) => stop());
      clearInterval(clock);
    };
  }, [initial, reload, refresh]);

  return (
    <PopupView
      {...state}
      now={now}
      refreshing={refreshing}
      onRefresh={() => void refresh()}
      onOpenSettings={() => void browser.runtime.openOptionsPage()}
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
