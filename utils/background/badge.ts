import { NEARING_SHARE, type AlertRules } from '@/utils/settings/alert-rules';
import { describeApiError, errorSentence } from '@/utils/api/errors';
import { isStale } from '@/utils/poll/freshness';
import { formatClock, formatDuration, formatHourSpan } from '@/utils/time/local-time';
import type { PollStatus } from '@/utils/poll/status';
import type { Language } from '@/utils/i18n/i18n';
import { isConfigured } from '@/utils/settings/readiness';
import type { Settings } from '@/utils/settings/model';
import { formatAmount, formatBadgeAmount, formatExactKb } from '@/utils/format/traffic-format';
import type { UsageCache } from '@/utils/usage/cache';
import { summarizeUsage } from '@/utils/usage/summary';
import type { Kb } from '@/utils/base/units';

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
function usageColor(kb: Kb, rules: AlertRules): string {
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

export interface BadgeInput {
  readonly settings: Settings;
  readonly token: string;
  readonly cache: UsageCache;
  readonly status: PollStatus;
  readonly now: number;
  /** The language of the words. */
  readonly language: Language;
  /** How numbers and times are written: the browser's own locale when left out. */
  readonly intlLocale?: string;
}

export function computeBadge({ settings, token, cache, status, now, language, intlLocale }: BadgeInput): BadgeView {
  const { locale, t } = language;
  if (!isConfigured(settings, token.length > 0)) return { text: '', color: BADGE_COLORS.normal, title: t('badgeSetUp') };
  const amount = (kb: Kb) => formatAmount(kb, settings.units, intlLocale);
  const summary = summarizeUsage(cache, settings, now, 24);
  const { current } = summary;
  const alerts = settings.alerts.hourlyTotal;
  const figures = [
    t('badgeThisHour', formatHourSpan(current.startMs, intlLocale), current.hour, amount(current.kb), formatExactKb(current.kb, intlLocale)),
    t('badgeToday', amount(summary.todayKb)),
    ...(alerts.enabled ? [t('badgeAlertAbove', amount(alerts.kb))] : []),
    status.lastSuccessAt === null ? t('badgeNotUpdated') : t('badgeUpdated', formatClock(status.lastSuccessAt, intlLocale)),
  ];
  const failure = status.failure;
  if (failure?.kind === 'auth') {
    const { problem, remedy } = describeApiError(failure, locale);
    return {
      text: TOKEN_REJECTED_MARK,
      color: BADGE_COLORS.tokenRejected,
      title: [`${t('badgeProduct')}: ${problem}`, remedy, t('badgeLastKnown'), ...figures].join('\n'),
    };
  }
  // Each user's problem names the user; its last figures still count in the badge's sum.
  const userProblems = Object.values(status.userFailures).map((failed) =>
    t('badgeUserProblem', failed.username, errorSentence(failed.error, locale)),
  );
  if (status.lastSuccessAt === null && failure === null && userProblems.length === 0) {
    return { text: '…', color: BADGE_COLORS.normal, title: t('badgeFetching') };
  }
  const backgroundError = status.backgroundError ? [t('badgeBackgroundError', status.backgroundError.detail)] : [];
  const retry = status.retry ? [t('badgeNextTry', formatClock(status.retry.notBefore, intlLocale))] : [];
  const problems = [...(failure ? [t('badgeFailed', errorSentence(failure, locale)), ...retry] : []), ...userProblems, ...backgroundError];
  const stale = isStale(status, settings, now);
  const lastSuccessAt = status.lastSuccessAt;
  const ageLine = stale && lastSuccessAt !== null ? [t('badgeStale', formatDuration(now - lastSuccessAt, locale))] : [];
  // With nothing fetched, or nothing fetched since this hour began, a 0 would be a lie.
  const badgeText =
    lastSuccessAt === null
      ? NO_FIGURES_MARK
      : stale && lastSuccessAt < current.startMs
        ? UNKNOWN_HOUR_MARK
        : formatBadgeAmount(current.kb, settings.units);
  return {
    text: badgeText,
    color: stale ? BADGE_COLORS.stale : problems.length > 0 ? BADGE_COLORS.failing : usageColor(current.kb, settings.alerts),
    title: [t('badgeProduct'), ...ageLine, ...figures, ...problems].join('\n'),
  };
}
