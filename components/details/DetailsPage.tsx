import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { kb, type Kb } from '@/utils/base/units';
import type { UsageRecords } from '@/utils/budget/day-totals';
import { compareWithPrevious, readChange } from '@/utils/details/comparison';
import { axisStepKb } from '@/utils/details/axis-step';
import { initialView, type DetailFocus } from '@/utils/details/focus';
import { bucketLabel, seriesLabel } from '@/utils/details/labels';
import { dayHourBuckets, previousRange, resolveRange, type CustomRange, type DetailRange, type ResolvedRange } from '@/utils/details/range';
import { detailFigures, type DetailFigures, type StackBy } from '@/utils/details/series';
import { formatAmount } from '@/utils/format/traffic-format';
import type { Language } from '@/utils/i18n/i18n';
import type { PollStatus } from '@/utils/poll/status';
import type { Settings, WatchedUser } from '@/utils/settings/model';
import { watchKey, type WatchKey } from '@/utils/settings/watched';
import { dayKeyAt, type DayKey } from '@/utils/time/day-keys';
import { formatDay } from '@/utils/time/day-format';
import { formatAge } from '@/utils/time/local-time';
import { DetailsChart } from './DetailsChart';
import type { DetailsChartData } from './details-chart';
import { DrillDown } from './DrillDown';
import { ExportButtons } from './ExportButtons';
import { FetchProgress } from './FetchProgress';
import { FiguresTable } from './FiguresTable';
import { FocusLine } from './FocusLine';
import { headline, periodName, previousName } from './period-words';
import { RangePicker } from './RangePicker';
import { StackToggle } from './StackToggle';
import { useDetailsFetches, type DetailsFetcher } from './useDetailsFetches';

/** What the page reads of storage, under the API timezone setting. */
export interface DetailsStored {
  readonly settings: Settings;
  readonly records: UsageRecords;
  readonly status: PollStatus;
}

export interface DetailsPageProps {
  readonly stored: DetailsStored;
  /** The page's clock, moved on each minute. */
  readonly now: number;
  readonly language: Language;
  /** What the notification that opened the page was about. */
  readonly focus: DetailFocus;
  readonly fetcher: DetailsFetcher;
  readonly onOpenSettings: () => void;
  /** Called once, when the cached figures are on screen (the chart may come after). */
  readonly onReady: () => void;
  /** The range the page's address names, shown when no focus names one. */
  readonly requestedRange: DetailRange | null;
  /** Told each range picked, for the page's address. */
  readonly onRangeChange: (range: DetailRange) => void;
}

/** The tallest thing the chart draws: a bucket's known figures stacked, or the previous period's line. */
function highestBar(figures: DetailFigures, previous: DetailFigures | null): number {
  const stacked = figures.buckets.map((_, index) => figures.series.reduce((sum, entry) => sum + (entry.values[index] ?? 0), 0));
  const before = previous?.bucketTotals.map((total) => total ?? 0) ?? [];
  return Math.max(0, ...stacked, ...before);
}

/** The watched users with the one a notification named first. */
function firstUserFirst(watched: readonly WatchedUser[], first: WatchKey | null): readonly WatchedUser[] {
  const index = first === null ? -1 : watched.findIndex((user) => watchKey(user) === first);
  return index <= 0 ? watched : [watched[index] as WatchedUser, ...watched.slice(0, index), ...watched.slice(index + 1)];
}

/** The range at `now`; a custom range that no longer holds (its first day aged past 180) shows the week. */
function resolved(range: DetailRange, now: number, settings: Settings): ResolvedRange {
  const result = resolveRange(range, now, settings.apiTimezone);
  if (result.ok) return result.value;
  const week = resolveRange('7d', now, settings.apiTimezone);
  if (!week.ok) throw new Error('a preset range always resolves');
  return week.value;
}

export function DetailsPage({ stored, now, language, focus, fetcher, onOpenSettings, onReady, requestedRange, onRangeChange }: DetailsPageProps) {
  const { settings, records, status } = stored;
  const { t, locale } = language;
  const tz = settings.apiTimezone;
  const [view] = useState(() => {
    const opened = initialView(focus, settings.watched.length, now, tz);
    return focus.kind === 'none' && requestedRange !== null ? { ...opened, range: requestedRange } : opened;
  });
  const [range, setShownRange] = useState<DetailRange>(view.range);
  const [stackBy, setStackBy] = useState<StackBy>(view.stackBy);
  const [drill, setDrill] = useState<DayKey | null>(view.drill);
  /** A range picked: shown from its overview (a drilled day is left), and told to the address. */
  const setRange = (picked: DetailRange) => {
    setShownRange(picked);
    setDrill(null);
    onRangeChange(picked);
  };
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const [canvasDrawn, setCanvasDrawn] = useState(false);

  useLayoutEffect(onReady, []);

  const watched = useMemo(() => firstUserFirst(settings.watched, view.firstUser), [settings.watched, view.firstUser]);
  const keys = useMemo(() => watched.map(watchKey), [watched]);
  const accounts = useMemo(() => new Map(watched.map((user) => [watchKey(user), user.account])), [watched]);
  const shownRange = useMemo(() => resolved(range, now, settings), [range, now, settings]);
  const drillRange = useMemo(() => (drill === null ? null : dayHourBuckets(drill, now, tz)), [drill, now, tz]);
  const hourNeeds = useMemo(() => {
    // The previous period of an hourly range: the week before the cached one is not in the cache.
    const before = previousRange(shownRange);
    return [...(before.granularity === 'hour' ? before.hours : []), ...(drillRange?.hours ?? [])];
  }, [shownRange, drillRange]);
  const fetches = useDetailsFetches(
    { records, keys, accountOf: (key) => accounts.get(key) ?? '', range: shownRange, hours: hourNeeds, now },
    fetcher,
  );
  const { overlay } = fetches;
  const comparison = useMemo(() => compareWithPrevious(records, watched, shownRange, stackBy, now, overlay), [records, watched, shownRange, stackBy, now, overlay]);
  const drillFigures = useMemo(() => (drillRange === null ? null : detailFigures(records, watched, drillRange, stackBy, now, overlay)), [records, watched, drillRange, stackBy, now, overlay]);

  const figures = drillFigures ?? comparison.current;
  const previous = drillFigures === null ? comparison.previous : null;
  const figuresRange = drillRange ?? shownRange;
  const granularity = figuresRange.granularity;
  const amount = (value: Kb) => formatAmount(value, settings.units, locale);
  const highlight = view.highlight !== null && figures.buckets.includes(view.highlight) ? view.highlight : null;
  const today = dayKeyAt(now, tz);
  const showHours = (day: DayKey) => {
    if (day <= today) setDrill(day);
  };

  const chartData = useMemo<DetailsChartData>(
    () => ({
      labels: figures.buckets.map((bucket) => bucketLabel(bucket, granularity, tz, locale)),
      series: figures.series.map((entry) => ({ label: seriesLabel(entry.of, settings, language), values: entry.values })),
      previous: previous === null ? null : { label: t('details.chart.previous'), values: previous.bucketTotals },
      stepKb: axisStepKb(highestBar(figures, previous), settings.units),
      pickable: granularity === 'day',
      highlight: highlight === null ? -1 : figures.buckets.indexOf(highlight),
      formatAmount: (value) => amount(kb(value)),
      tipLine: (label, text) => t('details.chart.tip', [label, text]),
      tipTotal: (index) => {
        const total = figures.bucketTotals[index];
        return total == null ? '' : t('details.chart.tipTotal', [amount(total)]);
      },
    }),
    [figures, previous, granularity, highlight, settings, language],
  );

  if (settings.watched.length === 0) {
    return (
      <main class="details">
        <h1>{t('details.heading')}</h1>
        <div class="banner info" role="status">
          <p>{t('details.notSetUp')}</p>
          <button type="button" class="primary" onClick={onOpenSettings}>
            {t('popup.openSettings')}
          </button>
        </div>
      </main>
    );
  }

  const period = periodName(range, shownRange, language);
  const totalText = figures.total === null ? t('details.chart.unknownTotal') : amount(figures.total);
  const summary = t(granularity === 'hour' ? 'details.chart.hourly' : 'details.chart.daily', [drill === null ? period : formatDay(drill, locale), totalText]);
  const exportInput = { range: figuresRange, stackBy, figures, previous, settings, generatedAt: now };
  const chooseCustom = (custom: CustomRange) => {
    const result = resolveRange(custom, now, tz);
    if (!result.ok) return result.error;
    setRange(custom);
    return null;
  };

  return (
    <main class="details">
      <header class="details-header">
        <h1>{t('details.heading')}</h1>
        <span class="muted">{status.lastSuccessAt === null ? t('popup.notUpdated') : t('popup.updated', [formatAge(status.lastSuccessAt, now, t)])}</span>
      </header>
      <FocusLine focus={focus} settings={settings} language={language} />
      <div class="controls">
        <RangePicker
          range={range}
          today={today}
          language={language}
          onPreset={setRange}
          onCustom={chooseCustom}
        />
        <StackToggle stackBy={stackBy} t={t} onChange={setStackBy} />
      </div>
      {drill === null ? (
        <p class="comparison" data-testid="comparison">
          {headline(period, previousName(shownRange, language), comparison.current.total === null ? null : amount(comparison.current.total), readChange(comparison, today), language)}
        </p>
      ) : (
        <DrillDown day={drill} total={figures.total === null ? null : amount(figures.total)} language={language} onBack={() => setDrill(null)} />
      )}
      <FetchProgress state={fetches.days.state} what="days" settings={settings} language={language} clock={fetcher.clock} onCancel={fetches.days.cancel} onResume={fetches.days.resume} />
      <FetchProgress state={fetches.hours.state} what="hours" settings={settings} language={language} clock={fetcher.clock} onCancel={fetches.hours.cancel} onResume={fetches.hours.resume} />
      <DetailsChart
        data={chartData}
        summary={summary}
        onPick={(index) => {
          const day = figures.buckets[index];
          if (granularity === 'day' && day !== undefined) showHours(day);
        }}
        onCanvas={(canvas) => {
          canvasRef.current = canvas;
          setCanvasDrawn(canvas !== null);
        }}
      />
      <ExportButtons input={exportInput} chartCanvas={() => (canvasDrawn ? canvasRef.current : null)} language={language} />
      <FiguresTable
        figures={figures}
        previous={previous}
        granularity={granularity}
        settings={settings}
        language={language}
        onShowHours={granularity === 'day' ? showHours : null}
        highlight={highlight}
      />
    </main>
  );
}
