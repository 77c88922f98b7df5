import { readDaily, readDetailsItems, detailsStoredFrom, watchDetailsItems } from './stored';
import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import './details.css';
import { DetailsPage } from '@/components/details/DetailsPage';
import type { DetailsFetcher } from '@/components/details/useDetailsFetches';
import { buildAllowsLoopback } from '@/utils/api/origin';
import { queryToFocus } from '@/utils/details/focus';
import type { DetailRange } from '@/utils/details/range';
import { rangeFromQuery, withRange } from '@/utils/details/range-query';
import { prepareAmountFormats } from '@/utils/format/traffic-format';
import { uiLanguage } from '@/utils/i18n/ui-language';
import { popupApi } from '@/utils/popup/stored-reads';

const api = popupApi();
// Asked before anything else: storage answers while the rest of the script is evaluated.
const firstRead = readDetailsItems(api);

const language = uiLanguage();
document.documentElement.lang = language.locale;
document.title = language.t('details.pageTitle');
const allowLoopback = buildAllowsLoopback();
const focus = queryToFocus(location.search);
const requestedRange = rangeFromQuery(location.search);

/** The picked range in the address, so a reload or a bookmark opens it again. */
function rememberRange(range: DetailRange) {
  history.replaceState(null, '', `?${withRange(location.search, range)}`);
}

/** The mark `npm run bench` times: the cached figures on screen (the chart comes after). */
function markReady() {
  if (performance.getEntriesByName('details-ready').length === 0) performance.mark('details-ready');
}

/** A pause that Cancel ends at once. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

function DetailsApp({ initial }: { initial: Record<string, unknown> }) {
  const [items, setItems] = useState(initial);
  const [now, setNow] = useState(() => Date.now());
  const stored = useMemo(() => detailsStoredFrom(items, allowLoopback), [items]);
  const tz = stored.settings.apiTimezone;
  const fetcher = useMemo<DetailsFetcher>(
    () => ({ send: (request) => api.runtime.sendMessage(request), readDaily: () => readDaily(api, tz), sleep, clock: () => Date.now() }),
    [tz],
  );

  useEffect(() => {
    const unwatch = watchDetailsItems(api, (changed) => setItems((known) => ({ ...known, ...changed })));
    const clock = setInterval(() => setNow(Date.now()), 60_000);
    return () => {
      unwatch();
      clearInterval(clock);
    };
  }, []);

  return (
    <DetailsPage
      stored={stored}
      now={now}
      language={language}
      focus={focus}
      fetcher={fetcher}
      onOpenSettings={() => void api.runtime.openOptionsPage()}
      onReady={markReady}
      requestedRange={requestedRange}
      onRangeChange={rememberRange}
    />
  );
}

const root = document.getElementById('app');
if (root) {
  void firstRead.then((items) => render(<DetailsApp initial={items} />, root));
  // Built while storage answers: the first render writes its figures with them.
  prepareAmountFormats(language.locale);
}
