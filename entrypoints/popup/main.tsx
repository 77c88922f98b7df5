import { firstRead } from './first-read';
import { render } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { PopupView } from '@/components/popup/PopupView';
import { buildAllowsLoopback } from '@/utils/api/origin';
import { prepareClockFormat } from '@/utils/time/local-time';
import { uiLanguage } from '@/utils/i18n/ui-language';
import type { BackgroundRequest, PageTrigger } from '@/utils/messages/messages';
import { dropLegacySnapshot } from '@/utils/popup/legacy-snapshot';
import { popupApi, popupStateFrom, readStored, readWeek, watchPopupState, type PopupState, type PopupStored } from '@/utils/popup/stored-reads';
import type { ChartHours, Settings } from '@/utils/settings/model';
import { writeSettingsPatch, type SettingsStore } from '@/utils/settings/patch';
import { prepareAmountFormats } from '@/utils/format/traffic-format';
import { usageCsv, type CsvUser } from '@/utils/usage/csv';
import { accountLabel, watchKey } from '@/utils/settings/watched';
import { proxyTypeName } from '@/utils/settings/settings-words';
import { detailsPageUrl } from '@/utils/background/details-page';

const language = uiLanguage();
document.documentElement.lang = language.locale;

const api = popupApi();
const allowLoopback = buildAllowsLoopback();

/** Marks for `npm run bench`: the cached figures and the chart on screen, then Chart.js in charge. */
function markOnce(name: 'popup-ready' | 'chart-interactive') {
  if (performance.getEntriesByName(name).length === 0) performance.mark(name);
}
const markReady = () => markOnce('popup-ready');
const markInteractive = () => markOnce('chart-interactive');

/**
 * Saves the cached week through a download link: no `downloads` permission needed. The week is
 * read now: the popup holds only the hours it shows.
 */
async function exportCsv(settings: Settings) {
  const cache = await readWeek(api, settings);
  const { t } = language;
  const users: CsvUser[] = settings.watched.map((entry) => ({
    key: watchKey(entry),
    account: accountLabel(settings.accounts, entry.account, (n) => t('account.unnamed', [n])),
    product: proxyTypeName(entry.proxyType, t),
    username: entry.username,
  }));
  const blob = new Blob([usageCsv(cache, users, settings.apiTimezone)], { type: 'text/csv;charset=utf-8' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = `thordata-usage-${new Date().toISOString().slice(0, 10)}.csv`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/** The details page in a tab; the popup closes, as it would stay open over the tab in Firefox. */
async function openDetails() {
  await api.tabs.create({ url: detailsPageUrl(location.href) });
  window.close();
}

function PopupApp({ initial }: { initial: PopupState }) {
  const [state, setState] = useState(initial);
  const [now, setNow] = useState(() => Date.now());
  const [refreshing, setRefreshing] = useState(false);

  const show = useCallback((stored: PopupStored) => {
    setState(popupStateFrom(stored, allowLoopback));
    setNow(Date.now());
  }, []);

  const reload = useCallback(() => {
    void readStored(api).then(show);
  }, [show]);

  const refresh = useCallback(
    async (trigger: PageTrigger) => {
      setRefreshing(true);
      try {
        const request: BackgroundRequest = { type: 'poll-now', trigger };
        await api.runtime.sendMessage(request);
      } finally {
        setRefreshing(false);
        reload();
      }
    },
    [reload],
  );

  useEffect(() => {
    dropLegacySnapshot(() => localStorage);
    const unwatch = watchPopupState(api, reload);
    const clock = setInterval(() => setNow(Date.now()), 30_000);
    // The cached figures are on screen first; then the background decides whether they need a
    // request. Waking it only after the first paint keeps that work off the popup's critical path.
    const wake = setTimeout(() => {
      if (initial.configured) void refresh('popup-open');
    }, 0);
    return () => {
      unwatch();
      clearInterval(clock);
      clearTimeout(wake);
    };
  }, [initial, reload, refresh]);

  /**
   * Writes the chart window alone over what is stored now: the popup's copy of the other settings
   * may be older than a Save made in the settings page since, which writing it would undo.
   */
  const chooseChartHours = (chartHours: ChartHours) => {
    const store: SettingsStore = {
      read: async () => (await api.storage.local.get(['settings'])).settings,
      write: (settings) => api.storage.local.set({ settings }),
    };
    void writeSettingsPatch(store, { chartHours }, allowLoopback, navigator);
  };

  return (
    <PopupView
      {...state}
      now={now}
      refreshing={refreshing}
      language={language}
      onRefresh={() => void refresh('manual')}
      onOpenSettings={() => void api.runtime.openOptionsPage()}
      onOpenDetails={() => void openDetails()}
      onChartHours={chooseChartHours}
      onExport={() => void exportCsv(state.settings)}
      onChartDrawn={markReady}
      onChartInteractive={markInteractive}
    />
  );
}

function mount(root: HTMLElement, first: PopupStored) {
  const initial = popupStateFrom(first, allowLoopback);
  render(<PopupApp initial={initial} />, root);
  if (!initial.configured) markReady();
}

const root = document.getElementById('app');
if (root) {
  void firstRead.then((stored) => mount(root, stored));
  // Storage answers a few milliseconds after this point: time enough to build the formatters
  // the first render writes its figures with, which it would otherwise build.
  prepareAmountFormats(language.locale);
  prepareClockFormat(language.locale);
}
