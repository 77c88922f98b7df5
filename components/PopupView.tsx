import { useMemo } from 'preact/hooks';
import { compareWithPreviousHour, describeHourChange } from '@/utils/hour-change';
import { Sparkline, type SparkPoint } from './Sparkline';
import { StatusBannerView } from './StatusBannerView';
import { formatAge, formatClock, formatHourSpan } from '@/utils/local-time';
import type { PollStatus } from '@/utils/poll-status';
import type { Settings } from '@/utils/settings';
import { statusBanner } from '@/utils/status-banner';
import { formatAmount, formatExactKb } from '@/utils/traffic-format';
import type { UsageCache } from '@/utils/usage-cache';
import { summarizeUsage } from '@/utils/usage-summary';

export const CHART_HOURS = 24;

export interface PopupViewProps {
  readonly settings: Settings;
  readonly configured: boolean;
  readonly cache: UsageCache;
  readonly status: PollStatus;
  readonly now: number;
  readonly refreshing: boolean;
  readonly onRefresh: () => void;
  readonly onOpenSettings: () => void;
  readonly onChartDrawn?: () => void;
}

export function PopupView(props: PopupViewProps) {
  const { settings, configured, cache, status, now, refreshing } = props;
  const banner = statusBanner({ configured, settings, status, now });
  const summary = useMemo(() => summarizeUsage(cache, settings, now, CHART_HOURS), [cache, settings, now]);
  const amount = (kb: number) => formatAmount(kb, settings.units);
  const points = useMemo<SparkPoint[]>(
    () =>
      summary.series.map((point) => ({
        label: formatClock(point.startMs),
        title: `${formatHourSpan(point.startMs)} (API hour ${point.hour})`,
        value: point.kb,
        valueText: `${formatAmount(point.kb, settings.units)} (${formatExactKb(point.kb)})`,
      })),
    [summary, settings.units],
  );
  const peak = summary.peak;
  const chartSummary =
    `Hourly traffic over the last ${CHART_HOURS} hours: ${amount(summary.windowKb)} in total` +
    (peak ? `, peak ${amount(peak.kb)} at ${formatHourSpan(peak.startMs)}` : ', no traffic') +
    `; this hour so far ${amount(summary.current.kb)}.`;

  return (
    <main class="popup">
      <header class="popup-header">
        <h1>Thordata usage</h1>
        <button type="button" class="link-button" onClick={props.onOpenSettings}>
          Settings
        </button>
      </header>
      {banner && <StatusBannerView banner={banner} onOpenSettings={props.onOpenSettings} />}
      {configured && (
        <>
          <section class="current" aria-labelledby="current-label">
            <p id="current-label" class="muted">
              This hour · {formatHourSpan(summary.current.startMs)}
            </p>
            <p class="current-figure" data-testid="current-hour">
              {amount(summary.current.kb)}
            </p>
            <p class="muted exact" data-testid="current-hour-exact">
              {formatExactKb(summary.current.kb)} as reported for API hour {summary.current.hour}
            </p>
            <p class="muted" data-testid="hour-change">
              {describeHourChange(
                compareWithPreviousHour(summary.current.kb, summary.previousKb, summary.current.startMs, now),
                amount(summary.previousKb),
              )}
            </p>
          </section>
          <Sparkline points={points} summary={chartSummary} onDrawn={props.onChartDrawn} />
          <dl class="stats">
            <div>
              <dt>Today</dt>
              <dd>{amount(summary.todayKb)}</dd>
            </div>
            <div>
              <dt>Last {CHART_HOURS} h</dt>
              <dd>{amount(summary.windowKb)}</dd>
            </div>
            <div>
              <dt>Peak hour</dt>
              <dd>
                {peak ? amount(peak.kb) : '—'}
                {peak && <span class="stat-note">at {formatClock(peak.startMs)}</span>}
              </dd>
            </div>
          </dl>
        </>
      )}
      <footer class="popup-footer">
        <span class="muted" data-testid="updated">
          {status.lastSuccessAt === null ? 'Not updated yet' : `Updated ${formatAge(status.lastSuccessAt, now)}`}
        </span>
        {configured && (
          <button type="button" onClick={props.onRefresh} disabled={refreshing} aria-busy={refreshing}>
            {refreshing ? 'Refreshing…' : 'Refresh'}
          </button>
        )}
      </footer>
    </main>
  );
}
