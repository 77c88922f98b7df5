import { NEARING_SHARE, type AlertRules } from './alert-rules';
import { describeApiError, errorSentence } from './api-errors';
import { isStale } from './freshness';
import { formatClock, formatDuration, formatHourSpan } from './local-time';
import type { PollStatus } from './poll-status';
import { isConfigured, type Settings } from './settings';
import { formatAmount, formatBadgeAmount, formatExactKb } from './traffic-format';
import type { UsageCache } from './usage-cache';
import { summarizeUsage } from './usage-summary';

export interface BadgeView {
  /** At most four characters. */
  readonly text: string;
  readonly color: string;
  /** The toolbar tooltip: the full sentence behind the badge. */
  readonly title: string;
}

/** Each state its own colour: normal, nearing and over the hourly alert, stale, failing, token rejected. */
export const BADGE_COLORS = {
  normal: '#1a56db',
  nearing: '#b45309',
  over: '#9d174d',
  stale: '#6b7280',
  failing: '#7e22ce',
  tokenRejected: '#c81e1e',
} as const;

/** The colour for this hour's traffic against the hourly alert, when that rule is on. */
function usageColor(kb: number, rules: AlertRules): string {
  if (!rules.hourlyTotal.enabled) return BADGE_COLORS.normal;
  if (kb >= rules.hourlyTotal.kb) return BADGE_COLORS.over;
  if (kb >= NEARING_SHARE * rules.hourlyTotal.kb) return BADGE_COLORS.nearing;
  return BADGE_COLORS.normal;
}

/** Shown on the badge when Thordata rejects the token: no figure can be trusted to update. */
export const TOKEN_REJECTED_MARK = '!';

/** Shown when polling fails before any figure was fetched. */
export const NO_FIGURES_MARK = 'ERR';

/** Shown when the figures are stale and the current hour began after the last one arrived. */
export const UNKNOWN_HOUR_MARK = '?';

const PRODUCT = 'Thordata Usage Monitor';

export interface BadgeInput {
  readonly settings: Settings;
  readonly token: string;
  readonly cache: UsageCache;
  readonly status: PollStatus;
  readonly now: number;
  readonly locale?: string;
}

export function computeBadge({ settings, token, cache, status, now, locale }: BadgeInput): BadgeView {
  if (!isConfigured(settings, token)) {
    return {
      text: '',
      color: BADGE_COLORS.normal,
      title: `${PRODUCT}: open the settings to enter your API token and the proxy usernames to watch.`,
    };
  }
  const summary = summarizeUsage(cache, settings, now, 24);
  const { current } = summary;
  const figures = [
    `This hour (${formatHourSpan(current.startMs, locale)}, API hour ${current.hour}): ` +
      `${formatAmount(current.kb, settings.units, locale)} (${formatExactKb(current.kb, locale)})`,
    `Today: ${formatAmount(summary.todayKb, settings.units, locale)}`,
    ...(settings.alerts.hourlyTotal.enabled
      ? [`Alert above ${formatAmount(settings.alerts.hourlyTotal.kb, settings.units, locale)} an hour`]
      : []),
    status.lastSuccessAt === null ? 'Not updated yet' : `Updated ${formatClock(status.lastSuccessAt, locale)}`,
  ];
  const failure = status.failure;
  if (failure?.kind === 'auth') {
    const { problem, remedy } = describeApiError(failure);
    return {
      text: TOKEN_REJECTED_MARK,
      color: BADGE_COLORS.tokenRejected,
      title: [`${PRODUCT}: ${problem}`, remedy, 'Last known figures:', ...figures].join('\n'),
    };
  }
  if (status.lastSuccessAt === null && failure === null) {
    return { text: '…', color: BADGE_COLORS.normal, title: `${PRODUCT}: fetching the first figures…` };
  }
  const userProblems = Object.values(status.userFailures).map((failed) => errorSentence(failed.error));
  const retry = status.retry ? [`Next try at ${formatClock(status.retry.notBefore, locale)}.`] : [];
  const problems = failure ? [`Last update failed: ${errorSentence(failure)}`, ...retry, ...userProblems] : userProblems;
  const stale = isStale(status, settings, now);
  const lastSuccessAt = status.lastSuccessAt;
  const ageLine =
    stale && lastSuccessAt !== null ? [`Figures are ${formatDuration(now - lastSuccessAt)} old: not updated since then.`] : [];
  // With nothing fetched, or nothing fetched since this hour began, a 0 would be a lie.
  const text =
    lastSuccessAt === null
      ? NO_FIGURES_MARK
      : stale && lastSuccessAt < current.startMs
        ? UNKNOWN_HOUR_MARK
        : formatBadgeAmount(current.kb, settings.units);
  return {
    text,
    color: stale
      ? BADGE_COLORS.stale
      : problems.length > 0
        ? BADGE_COLORS.failing
        : usageColor(current.kb, settings.alerts),
    title: [`${PRODUCT}`, ...ageLine, ...figures, ...problems].join('\n'),
  };
}
