import { useEffect, useRef, useState } from 'preact/hooks';
import type { UsageRecords } from '@/utils/budget/day-totals';
import { comparedSpan, dayFetchPlan, dayFetchProgress } from '@/utils/details/day-fetch-plan';
import { runFetches, type RunState } from '@/utils/details/fetch-runner';
import { EMPTY_OVERLAY, hourFetchPlan, withFetchedHours, type HourOverlay } from '@/utils/details/hour-fetches';
import type { ResolvedRange } from '@/utils/details/range';
import type { BackgroundRequest, FetchDaysReply, FetchHoursReply } from '@/utils/messages/messages';
import type { WatchKey } from '@/utils/settings/watched';
import { formatApiTimezone } from '@/utils/time/api-timezone';
import { dayKeyAt } from '@/utils/time/day-keys';
import type { HourKey } from '@/utils/time/hour-keys';
import type { DailyUsage } from '@/utils/usage/daily';

/** The page's ways out: the background's messages, the stored days, and time. */
export interface DetailsFetcher {
  readonly send: (request: BackgroundRequest) => Promise<unknown>;
  /** The daily store as it stands now, under the API timezone setting: the progress line counts what it holds. */
  readonly readDaily: () => Promise<DailyUsage>;
  /** Resolves after `ms`, or at once when `signal` aborts. */
  readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  readonly clock: () => number;
}

/** One kind of run as the progress line sees it. */
export interface FetchRun {
  readonly state: RunState | null;
  readonly cancel: () => void;
  readonly resume: () => void;
}

type Start = (signal: AbortSignal, onState: (state: RunState) => void) => Promise<RunState> | null;

/**
 * A run started whenever `key` changes (or on Resume), the one before aborted and no longer heard:
 * a range left mid-fetch stops asking. `start` answers null when nothing is missing.
 */
function useFetchRun(key: string, start: Start): FetchRun {
  const [state, setState] = useState<RunState | null>(null);
  const [generation, setGeneration] = useState(0);
  const controllerRef = useRef<AbortController | null>(null);
  const startRef = useRef(start);
  startRef.current = start;
  useEffect(() => {
    const controller = new AbortController();
    controllerRef.current = controller;
    let replaced = false;
    const run = startRef.current(controller.signal, (next) => {
      if (!replaced) setState(next);
    });
    if (run === null) setState(null);
    return () => {
      replaced = true;
      controller.abort();
    };
  }, [key, generation]);
  return { state, cancel: () => controllerRef.current?.abort(), resume: () => setGeneration((count) => count + 1) };
}

export interface FetchNeeds {
  readonly records: UsageRecords;
  readonly keys: readonly WatchKey[];
  readonly accountOf: (key: WatchKey) => string;
  /** The range shown: its days (and the previous period's) come from the daily endpoint. */
  readonly range: ResolvedRange;
  /** Hours the cache may not hold: the previous period of an hourly range, a drilled day's. */
  readonly hours: readonly HourKey[];
  readonly now: number;
}

/**
 * The page's two runs: the complete days of the range and its previous period, stored by the
 * background; and the hours beyond the cached week, kept in the page's overlay. Each asks only
 * what is missing when it starts, one request at a time.
 */
export function useDetailsFetches(needs: FetchNeeds, fetcher: DetailsFetcher): { days: FetchRun; hours: FetchRun; overlay: HourOverlay } {
  const { records, keys, range, hours, now } = needs;
  const tz = records.tz;
  const tzText = formatApiTimezone(tz);
  const [overlay, setOverlay] = useState<{ readonly tz: string; readonly hours: HourOverlay }>({ tz: tzText, hours: EMPTY_OVERLAY });
  // Hours fetched under another timezone setting are other hours.
  const shownOverlay = overlay.tz === tzText ? overlay.hours : EMPTY_OVERLAY;
  const latest = useRef({ needs, overlay: shownOverlay });
  latest.current = { needs, overlay: shownOverlay };
  const common = (signal: AbortSignal, onState: (state: RunState) => void) => ({
    keyOf: (request: { readonly key: WatchKey }) => request.key,
    accountOf: needs.accountOf,
    sleep: fetcher.sleep,
    now: fetcher.clock,
    signal,
    onState,
  });

  const dayKey = range.granularity === 'day' ? [range.first, range.last, tzText, ...keys].join('|') : '';
  const days = useFetchRun(dayKey, (signal, onState) => {
    const shown = latest.current.needs.range;
    if (shown.granularity !== 'day') return null;
    const today = dayKeyAt(now, tz);
    const plan = dayFetchPlan(latest.current.needs.records.daily, keys, comparedSpan(shown, today), today);
    if (plan.length === 0) return null;
    return runFetches(plan, {
      ...common(signal, onState),
      send: async ({ key, range: { from, to } }) => (await fetcher.send({ type: 'fetch-days', key, from, to })) as FetchDaysReply,
      progress: async () => dayFetchProgress(plan, await fetcher.readDaily()),
    });
  });

  const hourKey = hours.length === 0 ? '' : [hours[0], hours[hours.length - 1], tzText, ...keys].join('|');
  const hourRun = useFetchRun(hourKey, (signal, onState) => {
    const plan = hourFetchPlan(latest.current.needs.records, latest.current.overlay, keys, latest.current.needs.hours, now);
    if (plan.length === 0) return null;
    let answered = 0;
    return runFetches(plan, {
      ...common(signal, onState),
      send: async ({ key, span: { from, to } }) => (await fetcher.send({ type: 'fetch-hours', key, from, to })) as FetchHoursReply,
      onAnswer: ({ key, span }, value) => {
        answered += 1;
        setOverlay((known) => ({ tz: tzText, hours: withFetchedHours(known.tz === tzText ? known.hours : EMPTY_OVERLAY, key, span, value) }));
      },
      progress: () => ({ fetched: answered, needed: plan.length }),
    });
  });

  return { days, hours: hourRun, overlay: shownOverlay };
}
