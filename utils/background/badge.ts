import { NEARING_SHARE, type AlertRules } from '@/utils/settings/alert-rules';
import { describeApiError, errorSentence } from '@/utils/api/errors';
import { isStale } from '@/utils/poll/freshness';
import { formatClock, formatDuration, formatHourSpan } from '@/utils/time/local-time';
import { accountStatus, type PollStatus } from '@/utils/poll/status';
import type { Language } from '@/utils/i18n/i18n';
import { readyAccounts } from '@/utils/settings/readiness';
import type { BadgeScope, Settings } from '@/utils/settings/model';
import { accountLabel, accountName, badgeKeys } from '@/utils/settings/watched';
import { proxyTypeName } from '@/utils/settings/settings-words';
import { formatAmount, formatBadgeAmount, formatExactKb } from '@/utils/format/traffic-format';
import type { UsageCache } from '@/utils/usage/cache';
import { summarizeUsage } from '@/utils/usage/summary';
import { todayCost } from '@/utils/budget/today-cost';
import { formatBadgeMoney, formatMoney } from '@/utils/format/money-format';
import { dayKeyAt, dayStart } from '@/utils/time/day-keys';
import type { Money } from '@/utils/base/money';
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
export function usageColor(kb: Kb, rules: AlertRules): string {
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
  /** The accounts whose token is saved. */
  readonly withToken: ReadonlySet<string>;
  readonly cache: UsageCache;
  readonly status: PollStatus;
  readonly now: number;
  /** The language of the words. */
  readonly language: Language;
  /** How numbers and times are written: the language's locale when left out. */
  readonly intlLocale?: string;
}

/**
 * Today's cost when the badge is to show it: null when it shows traffic, or when no watched
 * product has a price (the badge then shows traffic, and its tooltip says what is missing).
 */
function costShown(settings: Settings, cache: UsageCache, now: number): Money | null {
  return settings.badgeShows === 'today-cost' ? todayCost(settings, cache, now) : null;
}

/** The tooltip's line on today's cost, when the badge is to show it. */
function costLine(settings: Settings, cost: Money | null, { t }: Language, intlLocale: string): string[] {
  if (settings.badgeShows !== 'today-cost') return [];
  return [cost === null ? t('spend.badgeNeedsPrices') : t('spend.badgeTodayCost', [formatMoney(cost, settings.prices.currency, intlLocale)])];
}

/** The line naming what the badge sums, when it is not everything watched. */
function scopeLine(scope: BadgeScope, settings: Settings, { t }: Language): string[] {
  if (scope.kind === 'account' && settings.accounts.some((account) => account.id === scope.account)) {
    return [t('badge.scope', [accountLabel(settings.accounts, scope.account, (n) => t('account.unnamed', [n]))])];
  }
  if (scope.kind === 'product') return [t('badge.scope', [proxyTypeName(scope.proxyType, t)])];
  return [];
}

export function computeBadge({ settings, withToken, cache, status, now, language, intlLocale = language.locale }: BadgeInput): BadgeView {
  const { t } = language;
  const ready = readyAccounts(settings, withToken);
  if (ready.length === 0) return { text: '', color: BADGE_COLORS.normal, title: t('badge.setUp') };
  const amount = (kb: Kb) => formatAmount(kb, settings.units, intlLocale);
  const summary = summarizeUsage(cache, settings, now, 24, badgeKeys(settings));
  const { current } = summary;
  const alerts = settings.alerts.hourlyTotal;
  // Cost covers everything watched, as budgets do, whatever the badge's scope.
  const cost = costShown(settings, cache, now);
  const nameOf = (account: string) => accountName(settings, account, (n) => t('account.unnamed', [n]));
  const aboutAccount = (account: string, sentence: string) => {
    const name = nameOf(account);
    return name === null ? sentence : t('aboutAccount', [name, sentence]);
  };
  const figures = [
    ...scopeLine(settings.badgeScope, settings, language),
    t('badge.thisHour', [formatHourSpan(current.startMs, intlLocale), current.hour, amount(current.kb), formatExactKb(current.kb, intlLocale)]),
    t('badge.today', [amount(summary.todayKb)]),
    ...costLine(settings, cost, language, intlLocale),
    ...(alerts.enabled ? [t('badge.alertAbove', [amount(alerts.kb)])] : []),
    status.lastSuccessAt === null ? t('badge.notUpdated') : t('badge.updated', [formatClock(status.lastSuccessAt, intlLocale)]),
  ];
  const rejected = ready.filter((account) => accountStatus(status, account).failure?.kind === 'auth');
  const firstRejection = accountStatus(status, rejected[0] ?? '').failure;
  if (rejected.length === ready.length && firstRejection) {
    const { problem, remedy } = describeApiError(firstRejection, t);
    return {
      text: TOKEN_REJECTED_MARK,
      color: BADGE_COLORS.tokenRejected,
      title: [t('badge.productProblem', [problem]), remedy, t('badge.lastKnown'), ...figures].join('\n'),
    };
  }
  const failure = status.failure;
  // Each account's and each user's problem names it; their last figures still count in the badge's sum.
  const accountProblems = ready.flatMap((account) => {
    const state = accountStatus(status, account);
    if (state.failure === null) return [];
    const retry = state.retry ? [t('badge.nextTry', [formatClock(state.retry.notBefore, intlLocale)])] : [];
    return [aboutAccount(account, t('badge.failed', [errorSentence(state.failure, t)])), ...retry];
  });
  const userProblems = Object.values(status.userFailures).map((failed) => {
    const account = nameOf(failed.account);
    const name = account === null ? failed.username : t('userOfAccount', [failed.username, account]);
    return t('aboutUser', [name, errorSentence(failed.error, t)]);
  });
  if (status.lastSuccessAt === null && failure === null && accountProblems.length === 0 && userProblems.length === 0) {
    return { text: '…', color: BADGE_COLORS.normal, title: t('badge.fetching') };
  }
  const backgroundError = status.backgroundError ? [t('badge.backgroundError', [status.backgroundError.detail])] : [];
  const retry = status.retry ? [t('badge.nextTry', [formatClock(status.retry.notBefore, intlLocale)])] : [];
  const problems = [...(failure ? [t('badge.failed', [errorSentence(failure, t)]), ...retry] : []), ...accountProblems, ...userProblems, ...backgroundError];
  const stale = isStale(status, settings, now);
  const lastSuccessAt = status.lastSuccessAt;
  const ageLine = stale && lastSuccessAt !== null ? [t('badge.stale', [formatDuration(now - lastSuccessAt, t)])] : [];
  // With nothing fetched, or nothing fetched since the hour (for cost, the day) began, a 0 would be a lie.
  const shownSince = cost === null ? current.startMs : (dayStart(dayKeyAt(now, settings.apiTimezone), settings.apiTimezone) ?? current.startMs);
  const badgeText =
    lastSuccessAt === null
      ? NO_FIGURES_MARK
      : stale && lastSuccessAt < shownSince
        ? UNKNOWN_HOUR_MARK
        : cost === null
          ? formatBadgeAmount(current.kb, settings.units)
          : formatBadgeMoney(cost, settings.prices.currency, intlLocale);
  return {
    text: badgeText,
    color: stale ? BADGE_COLORS.stale : problems.length > 0 ? BADGE_COLORS.failing : usageColor(current.kb, settings.alerts),
    title: [t('extName'), ...ageLine, ...figures, ...problems].join('\n'),
  };
}
