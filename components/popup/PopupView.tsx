import { useMemo, useState } from 'preact/hooks';
import type { AccountSnapshot } from '@/utils/account/account-snapshot';
import { forecastBalance } from '@/utils/usage/forecast';
import { compareWithPreviousHour, describeHourChange } from '@/utils/popup/hour-change';
import { formatAge, formatClock, formatHourSpan } from '@/utils/time/local-time';
import type { Locale } from '@/utils/i18n/locale';
import type { PollStatus } from '@/utils/poll/status';
import { popupText } from '@/utils/popup/popup-text';
import { CHART_HOURS_CHOICES, type ChartHours, type Settings } from '@/utils/settings/model';
import { statusBanner } from '@/utils/popup/status-banner';
import { describeApiError } from '@/utils/api/errors';
import { formatAmount, formatExactKb } from '@/utils/format/traffic-format';
import { mbToKb, type Kb } from '@/utils/base/units';
import type { UsageCache } from '@/utils/usage/cache';
import { summarizeUsage, watchedUserKeys } from '@/utils/usage/summary';
import { userRows } from '@/utils/popup/user-rows';
import { AccountPanel } from './AccountPanel';
import { Sparkline, type SparkTip } from './Sparkline';
import { StatusBannerView } from './StatusBannerView';
import { UserList } from './UserList';
import { dateTimeFormat } from '@/utils/format/intl-formats';

export const THORDATA_DASHBOARD = 'https://dashboard.thordata.com/';

export interface PopupViewProps {
  readonly settings: Settings;
  readonly configured: boolean;
  readonly cache: UsageCache;
  readonly status: PollStatus;
  readonly account: AccountSnapshot;
  readonly now: number;
  readonly refreshing: boolean;
  readonly locale: Locale;
  readonly onRefresh: () => void;
  readonly onOpenSettings: () => void;
  readonly onChartHours: (hours: ChartHours) => void;
  readonly onExport: () => void;
  readonly onChartDrawn?: () => void;
  readonly onChartInteractive?: () => void;
}

export function PopupView(props: PopupViewProps) {
  const { settings, configured, cache, status, account, now, refreshing, locale } = props;
  const text = popupText(locale);
  const [focus, setFocus] = useState<string | null>(null);
  const watched = watchedUserKeys(settings);
  const focused = focus !== null && watched.includes(focus) ? focus : null;
  const keys = focused === null ? watched : [focused];
  const hours = settings.chartHours;
  const banner = statusBanner({ configured, settings, status, now, locale });
  const summary = useMemo(() => summarizeUsage(cache, settings, now, hours, keys), [cache, settings, now, hours, keys.join()]);
  const last24All = useMemo(() => summarizeUsage(cache, settings, now, 24), [cache, settings, now]);
  const last24 = focused === null ? last24All : summarizeUsage(cache, settings, now, 24, keys);
  const rows = useMemo(() => userRows(cache, settings, status, account, now), [cache, settings, status, account, now]);
  const amount = (kb: Kb) => formatAmount(kb, settings.units);
  const formatDate = (ms: number) => dateTimeFormat(undefined, { dateStyle: 'medium' }).format(ms);
  const values = useMemo(() => summary.series.map((point) => point.kb), [summary]);
  // Built on hover only: formatting every hour's tip up front cost the first paint ~1 ms at 72 h.
  const describeHour = (index: number): SparkTip | null => {
    const point = summary.series[index];
    return point
      ? { title: `${formatHourSpan(point.startMs)} (API ${point.hour})`, valueText: `${amount(point.kb)} (${formatExactKb(point.kb)})` }
      : null;
  };
  const peak = summary.peak;
  const chartSummary = text.chartSummary(
    hours,
    amount(summary.windowKb),
    peak ? `${amount(peak.kb)} ${text.peakAt(formatHourSpan(peak.startMs))}` : null,
    amount(summary.current.kb),
  );
  const balanceKb = account.balance ? mbToKb(account.balance.balanceMb) : null;
  // The account balance is shared by every watched user, so its forecast uses all of them.
  const forecast = forecastBalance(balanceKb, last24All.windowKb, now);

  return (
    <main class="popup">
      <header class="popup-header">
        <h1>{text.popupTitle}</h1>
        <nav class="popup-links">
          <a href={THORDATA_DASHBOARD} target="_blank" rel="noopener noreferrer">
            {text.dashboard}
          </a>
          <button type="button" class="link-button" onClick={props.onOpenSettings}>
            {text.settings}
          </button>
        </nav>
      </header>
      {banner && <StatusBannerView banner={banner} openSettings={text.openSettings} onOpenSettings={props.onOpenSettings} />}
      {configured && (
        <>
          <section class="current" aria-labelledby="current-label">
            <p id="current-label" class="muted">
              {text.thisHour(formatHourSpan(summary.current.startMs))}
              {focused !== null && ` · ${rows.find((row) => row.key === focused)?.username ?? ''}`}
            </p>
            <p class="current-figure" data-testid="current-hour">
              {/* Before any figure arrived, a 0 would be a claim: show a dash instead. */}
              {status.lastSuccessAt === null ? '—' : amount(summary.current.kb)}
            </p>
            <p class="muted exact" data-testid="current-hour-exact">
              {text.exact(formatExactKb(summary.current.kb), summary.current.hour)}
            </p>
            <p class="muted" data-testid="hour-change">
              {describeHourChange(
                compareWithPreviousHour(summary.current.kb, summary.previousKb, summary.current.startMs, now),
                amount(summary.previousKb),
                locale,
              )}
            </p>
          </section>
          <div class="chart-head">
            <label for="chart-window">{text.chartWindow}</label>
            <select
              id="chart-window"
              value={String(hours)}
              onChange={(e) => {
                const choice = CHART_HOURS_CHOICES.find((option) => String(option) === e.currentTarget.value);
                if (choice) props.onChartHours(choice);
              }}
            >
              {CHART_HOURS_CHOICES.map((option) => (
                <option key={option} value={String(option)}>
                  {text.hoursOption(option)}
                </option>
              ))}
            </select>
          </div>
          <Sparkline values={values} describe={describeHour} summary={chartSummary} onDrawn={props.onChartDrawn} onInteractive={props.onChartInteractive} />
          <dl class="stats">
            <div>
              <dt>{text.today}</dt>
              <dd>{amount(summary.todayKb)}</dd>
            </div>
            <div>
              <dt>{text.lastHours(24)}</dt>
              <dd>{amount(last24.windowKb)}</dd>
            </div>
            <div>
              <dt>{text.peakHour}</dt>
              <dd>
                {peak ? amount(peak.kb) : '—'}
                {peak && <span class="stat-note">{text.peakAt(formatClock(peak.startMs))}</span>}
              </dd>
            </div>
          </dl>
          {rows.length > 1 && <UserList rows={rows} focus={focused} text={text} amount={amount} onFocus={setFocus} />}
          <AccountPanel
            account={account}
            rows={rows}
            forecast={forecast}
            now={now}
            text={text}
            amount={amount}
            formatDate={formatDate}
            problemOf={(error) => describeApiError(error, locale).problem}
          />
        </>
      )}
      <footer class="popup-footer">
        <span class="muted" data-testid="updated">
          {status.lastSuccessAt === null ? text.notUpdated : text.updated(formatAge(status.lastSuccessAt, now, locale))}
        </span>
        {configured && (
          <span class="footer-actions">
            <button type="button" onClick={props.onExport}>
              {text.exportCsv}
            </button>
            <button type="button" onClick={props.onRefresh} disabled={refreshing} aria-busy={refreshing}>
              {refreshing ? text.refreshing : text.refresh}
            </button>
          </span>
        )}
      </footer>
    </main>
  );
}
