import { useMemo, useState } from 'preact/hooks';
import { accountFigures, type AccountSnapshot } from '@/utils/account/account-snapshot';
import { forecastBalance } from '@/utils/usage/forecast';
import { compareWithPreviousHour, describeHourChange } from '@/utils/popup/hour-change';
import { formatAge, formatClock, formatHourSpan } from '@/utils/time/local-time';
import type { Language } from '@/utils/i18n/i18n';
import type { PollStatus } from '@/utils/poll/status';
import { CHART_HOURS_CHOICES, type ChartHours, type Settings } from '@/utils/settings/model';
import { accountLabel, accountName, watchedKeys } from '@/utils/settings/watched';
import { proxyTypeName } from '@/utils/settings/settings-words';
import { accountProblems, statusBanner } from '@/utils/popup/status-banner';
import { COLLAPSE_ABOVE, focusTarget, groupRows, type FocusTarget } from '@/utils/popup/row-groups';
import { describeApiError } from '@/utils/api/errors';
import { formatAmount, formatExactKb } from '@/utils/format/traffic-format';
import { mbToKb, ZERO_KB, type Kb } from '@/utils/base/units';
import type { UsageCache } from '@/utils/usage/cache';
import { summarizeUsage } from '@/utils/usage/summary';
import { userRows } from '@/utils/popup/user-rows';
import { AccountPanel, type AccountEntry } from './AccountPanel';
import { Sparkline, type SparkTip } from './Sparkline';
import { AccountProblemLines, StatusBannerView } from './StatusBannerView';
import { UserList, type GroupNames } from './UserList';
import { BudgetPanel } from './BudgetPanel';
import { dateTimeFormat } from '@/utils/format/intl-formats';
import { spendView } from '@/utils/budget/spend-view';
import { planView } from '@/utils/budget/plan-view';
import { spendLines } from '@/utils/popup/budget-lines';
import { showsSpend } from '@/utils/popup/stored-reads';
import type { DailyUsage } from '@/utils/usage/daily';
import { DETAILS_PAGE } from '@/utils/background/details-page';

export const THORDATA_DASHBOARD = 'https://dashboard.thordata.com/';

export interface PopupViewProps {
  readonly settings: Settings;
  readonly configured: boolean;
  readonly cache: UsageCache;
  readonly status: PollStatus;
  readonly account: AccountSnapshot;
  /** The complete days the cycle's cost and budgets count (empty when no price or budget is set). */
  readonly daily: DailyUsage;
  readonly now: number;
  readonly refreshing: boolean;
  readonly language: Language;
  readonly onRefresh: () => void;
  readonly onOpenSettings: () => void;
  /** "Details": the details page in a tab of its own; the popup closes. */
  readonly onOpenDetails: () => void;
  readonly onChartHours: (hours: ChartHours) => void;
  readonly onExport: () => void;
  readonly onChartDrawn?: () => void;
  readonly onChartInteractive?: () => void;
}

/** In a long list, each account shows this many limit bars at most: the users closest to their limit. */
const LIMIT_BARS_WHEN_LONG = 3;

export function PopupView(props: PopupViewProps) {
  const { settings, configured, cache, status, account, daily, now, refreshing, language } = props;
  const { locale, t } = language;
  const [focus, setFocus] = useState<string | null>(null);
  const rows = useMemo(() => userRows(cache, settings, status, account, now), [cache, settings, status, account, now]);
  const layout = useMemo(() => groupRows(rows, settings.accounts), [rows, settings.accounts]);
  const allKeys = useMemo(() => watchedKeys(settings.watched), [settings.watched]);
  // A focus on a group or a user the settings no longer hold falls back to everyone.
  const target = focus === null ? null : focusTarget(layout, focus);
  const keys = target?.keys ?? allKeys;
  const hours = settings.chartHours;
  const bannerInput = { configured, settings, status, now, language };
  const banner = statusBanner(bannerInput);
  const problems = configured ? accountProblems(bannerInput) : [];
  const summary = useMemo(() => summarizeUsage(cache, settings, now, hours, keys), [cache, settings, now, hours, keys]);
  const last24 = useMemo(() => summarizeUsage(cache, settings, now, 24, keys), [cache, settings, now, keys]);
  const amount = (kb: Kb) => formatAmount(kb, settings.units, locale);
  const formatDate = (ms: number) => dateTimeFormat(locale, { dateStyle: 'medium' }).format(ms);
  const unnamed = (n: number) => t('account.unnamed', [n]);
  const names: GroupNames = { account: (id) => accountLabel(settings.accounts, id, unnamed), product: (type) => proxyTypeName(type, t) };
  const focusName = (focused: FocusTarget) => {
    const ofAccount = accountName(settings, focused.account, unnamed);
    if (focused.kind === 'account') return names.account(focused.account);
    if (focused.kind === 'product' && focused.proxyType !== null) {
      const product = names.product(focused.proxyType);
      return ofAccount === null ? product : t('popup.within', [ofAccount, product]);
    }
    const username = focused.username ?? '';
    return ofAccount === null ? username : t('userOfAccount', [username, ofAccount]);
  };
  const values = useMemo(() => summary.series.map((point) => point.kb), [summary]);
  // Built on hover only: formatting every hour's tip up front cost the first paint ~1 ms at 72 h.
  const describeHour = (index: number): SparkTip | null => {
    const point = summary.series[index];
    return point
      ? { title: `${formatHourSpan(point.startMs, locale)} (API ${point.hour})`, valueText: `${amount(point.kb)} (${formatExactKb(point.kb, locale)})` }
      : null;
  };
  const peak = summary.peak;
  const chartSummary = peak
    ? t('popup.chartSummary', [hours, amount(summary.windowKb), `${amount(peak.kb)} ${t('popup.peakAt', [formatHourSpan(peak.startMs, locale)])}`, amount(summary.current.kb)])
    : t('popup.chartSummaryNoTraffic', [hours, amount(summary.windowKb), amount(summary.current.kb)]);
  // Each account's balance is drawn by its own users only, so its forecast uses their last 24 hours.
  const accounts = useMemo<AccountEntry[]>(
    () =>
      settings.accounts.map(({ id }) => {
        const figures = accountFigures(account, id);
        const own = rows.filter((row) => row.account === id);
        const balanceKb = figures.balance ? mbToKb(figures.balance.balanceMb) : null;
        const last24Kb = balanceKb === null ? ZERO_KB : summarizeUsage(cache, settings, now, 24, own.map((row) => row.key)).windowKb;
        return {
          id,
          name: accountName(settings, id, unnamed),
          figures,
          rows: own,
          forecast: forecastBalance(balanceKb, last24Kb, now),
          plan: planView(figures.balance, last24Kb, now),
          wallet: figures.wallet,
        };
      }),
    [settings, account, rows, cache, now, t],
  );
  const thisHour = formatHourSpan(summary.current.startMs, locale);
  // Cost and budgets cover everything watched, whatever the focus; nothing is computed for a user who set neither.
  const spend = useMemo(
    () =>
      showsSpend(settings)
        ? spendLines({
            view: spendView({ settings, cache, daily, now }),
            language,
            units: settings.units,
            currency: settings.prices.currency,
            tz: settings.apiTimezone,
            now,
          })
        : null,
    [settings, cache, daily, now, language],
  );

  return (
    <main class="popup">
      <header class="popup-header">
        <h1>{t('popup.title')}</h1>
        <nav class="popup-links">
          <a href={THORDATA_DASHBOARD} target="_blank" rel="noopener noreferrer">
            {t('popup.dashboard')}
          </a>
          <button type="button" class="link-button" onClick={props.onOpenSettings}>
            {t('popup.settings')}
          </button>
        </nav>
      </header>
      {banner && <StatusBannerView banner={banner} openSettings={t('popup.openSettings')} onOpenSettings={props.onOpenSettings} />}
      {problems.length > 0 && <AccountProblemLines problems={problems} t={t} onOpenSettings={props.onOpenSettings} />}
      {configured && (
        <>
          <section class="current" aria-labelledby="current-label">
            <p id="current-label" class="muted">
              {target === null ? t('popup.thisHour', [thisHour]) : t('popup.thisHourFocused', [thisHour, focusName(target)])}
            </p>
            <p class="current-figure" data-testid="current-hour">
              {/* Before any figure arrived, a 0 would be a claim: show a dash instead. */}
              {status.lastSuccessAt === null ? '—' : amount(summary.current.kb)}
            </p>
            <p class="muted exact" data-testid="current-hour-exact">
              {t('popup.exact', [formatExactKb(summary.current.kb, locale), summary.current.hour])}
            </p>
            <p class="muted" data-testid="hour-change">
              {describeHourChange(
                compareWithPreviousHour(summary.current.kb, summary.previousKb, summary.current.startMs, now),
                amount(summary.previousKb),
                t,
              )}
            </p>
          </section>
          <div class="chart-head">
            <label for="chart-window">{t('popup.chartWindow')}</label>
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
                  {t('popup.hoursOption', [option])}
                </option>
              ))}
            </select>
          </div>
          <Sparkline values={values} describe={describeHour} summary={chartSummary} onDrawn={props.onChartDrawn} onInteractive={props.onChartInteractive} />
          <dl class="stats">
            <div>
              <dt>{t('popup.today')}</dt>
              <dd>{amount(summary.todayKb)}</dd>
            </div>
            <div>
              <dt>{t('popup.lastHours', [24])}</dt>
              <dd>{amount(last24.windowKb)}</dd>
            </div>
            <div>
              <dt>{t('popup.peakHour')}</dt>
              <dd>
                {peak ? amount(peak.kb) : '—'}
                {peak && <span class="stat-note">{t('popup.peakAt', [formatClock(peak.startMs, locale)])}</span>}
              </dd>
            </div>
          </dl>
          {spend && <BudgetPanel lines={spend} t={t} />}
          {rows.length > 1 && (
            <UserList
              layout={layout}
              rowCount={rows.length}
              focus={target === null ? null : focus}
              problems={new Map(problems.map((problem) => [problem.account, problem]))}
              names={names}
              t={t}
              amount={amount}
              onFocus={setFocus}
            />
          )}
          <AccountPanel
            accounts={accounts}
            maxBars={rows.length > COLLAPSE_ABOVE ? LIMIT_BARS_WHEN_LONG : null}
            now={now}
            language={language}
            amount={amount}
            formatDate={formatDate}
            problemOf={(error) => describeApiError(error, t).problem}
          />
        </>
      )}
      <footer class="popup-footer">
        <span class="muted" data-testid="updated">
          {status.lastSuccessAt === null ? t('popup.notUpdated') : t('popup.updated', [formatAge(status.lastSuccessAt, now, t)])}
        </span>
        {configured && (
          <span class="footer-actions">
            {/* A link, as it leads to a page; the click opens it in a tab rather than inside the popup. */}
            <a
              href={DETAILS_PAGE}
              onClick={(event) => {
                event.preventDefault();
                props.onOpenDetails();
              }}
            >
              {t('popup.details')}
            </a>
            <button type="button" onClick={props.onExport}>
              {t('popup.exportCsv')}
            </button>
            <button type="button" onClick={props.onRefresh} disabled={refreshing} aria-busy={refreshing}>
              {refreshing ? t('popup.refreshing') : t('popup.refresh')}
            </button>
          </span>
        )}
      </footer>
    </main>
  );
}
