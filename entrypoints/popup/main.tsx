import { render } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import '@/components/theme.css';
import './popup.css';
import { PopupView } from '@/components/PopupView';
import { buildAllowsLoopback } from '@/utils/api-origin';
import type { BackgroundRequest, PageTrigger } from '@/utils/messages';
import { coerceSettings, isConfigured } from '@/utils/settings';
import { pollStatusItem, settingsItem, tokenItem, usageCacheItem } from '@/utils/storage-items';

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

  const refresh = useCallback(async (trigger: PageTrigger) => {
    setRefreshing(true);
    try {
      const request: BackgroundRequest = { type: 'poll-now', trigger };
      await browser.runtime.sendMessage(request);
    } finally {
      setRefreshing(false);
      reload();
    }
  }, [reload]);

  useEffect(() => {
    const unwatch = [settingsItem, tokenItem, usageCacheItem, pollStatusItem].map((item) => item.watch(reload));
    const clock = setInterval(() => setNow(Date.now()), 30_000);
    // The cached figures are already on screen; the background decides whether they need a request.
    if (initial.configured) void refresh('popup-open');
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
      onRefresh={() => void refresh('manual')}
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
