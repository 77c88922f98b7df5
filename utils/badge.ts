import { describeApiError, errorSentence } from './api-errors';
import { formatClock, formatHourSpan } from './local-time';
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

export const BADGE_COLORS = {
  normal: '#1a56db',
  failing: '#b45309',
  tokenRejected: '#c81e1e',
} as const;

/** Shown on the badge when Thordata rejects the token: no figure can be trusted to update. */
export const TOKEN_REJECTED_MARK = '!';

/** Shown when polling fails before any figure was fetched. */
export const NO_FIGURES_MARK = 'ERR';

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
  const userProblems = Object.values(status.userFailures).map(errorSentence);
  const problems = failure ? [`Last update failed: ${errorSentence(failure)}`, ...userProblems] : userProblems;
  return {
    // With no figure ever fetched, a 0 would be a lie: say that it failed instead.
    text: status.lastSuccessAt === null ? NO_FIGURES_MARK : formatBadgeAmount(current.kb, settings.units),
    color: problems.length > 0 ? BADGE_COLORS.failing : BADGE_COLORS.normal,
    title: [`${PRODUCT}`, ...figures, ...problems].join('\n'),
  };
}
