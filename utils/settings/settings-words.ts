import type { AlertProblem } from './alert-rules-form';
import { NEARING_SHARE } from './alert-rules';
import type { FieldProblem } from './validate';
import { MAX_WATCHED, PROXY_TYPES, type BadgeScope, type BudgetLimit, type WatchedUser } from './model';
import { errorSentence, type ApiError } from '@/utils/api/errors';
import type { ProxyType } from '@/utils/api/thordata-client';
import type { TrafficUnits } from '@/utils/format/traffic-format';
import { numberFormat } from '@/utils/format/intl-formats';
import type { Language, Translate } from '@/utils/i18n/i18n';

/**
 * The settings page's words that need more than a catalogue lookup: numbers, percentages and
 * lists written the language's way, and the words chosen by a problem's code. The words
 * themselves are in locales/<lang>.yml.
 */

/** A notification rule's words: its switch, and the words after each of its thresholds. */
export interface RuleText {
  readonly label: string;
  readonly after: readonly string[];
}

type RuleName = 'hourlyTotal' | 'hourlyUser' | 'spike' | 'userBalance' | 'accountBalance' | 'planExpiry' | 'pollingBroken';

const number = (locale: string, value: number) => numberFormat(locale, { maximumFractionDigits: 3 }).format(value);

/** A pasted name can be anything; a message quotes at most this much of it. */
function clip(text: string): string {
  return text.length > 70 ? `${text.slice(0, 70)}…` : text;
}

/** An option of the chart window: "48 hours", "48小时". */
export function chartHoursOption(hours: number, locale: string): string {
  return numberFormat(locale, { style: 'unit', unit: 'hour', unitDisplay: 'long' }).format(hours);
}

export function proxyTypeName(type: ProxyType, t: Translate): string {
  switch (type) {
    case 1:
      return t('settings.proxyType.residential');
    case 2:
      return t('settings.proxyType.unlimited');
    case 3:
      return t('settings.proxyType.mobile');
  }
}

export function unitsOption(units: TrafficUnits, t: Translate): string {
  return units === 'binary' ? t('settings.units.binary') : t('settings.units.decimal');
}

/** An API timezone choice; the two likely ones say why. */
export function timezoneOption(value: string, t: Translate): string {
  if (value === 'UTC') return t('settings.timezone.utc');
  if (value === 'UTC+8') return t('settings.timezone.utc8');
  return value;
}

/** What a successful Test connection found: how many users the account has in all. */
export function connectedText(users: number, { locale, t }: Language): string {
  return users === 0 ? t('settings.test.noUsers') : t('settings.test.connected', users, [number(locale, users)]);
}

/** A product whose user list failed while the others answered. */
export function productFailedText(type: ProxyType, error: ApiError, t: Translate): string {
  return t('settings.test.productFailed', [proxyTypeName(type, t), errorSentence(error, t)]);
}

/** How many users an account watches of each product: "Residential: 3, Mobile: 2". */
export function watchedCountsText(watched: readonly WatchedUser[], { locale, t }: Language): string {
  const counts = PROXY_TYPES.map((type) => [type, watched.filter((entry) => entry.proxyType === type).length] as const).filter(([, n]) => n > 0);
  if (counts.length === 0) return t('settings.watched.none');
  const parts = counts.map(([type, n]) => t('settings.watched.productCount', [proxyTypeName(type, t), number(locale, n)]));
  return t('settings.watched.account', [new Intl.ListFormat(locale, { type: 'conjunction', style: 'narrow' }).format(parts)]);
}

/** The watched users in all, against the limit. */
export function watchedTotalText(count: number, { locale, t }: Language): string {
  return t('settings.watched.total', count, [number(locale, count), number(locale, MAX_WATCHED)]);
}

/** A badge scope choice. */
export function badgeScopeOption(scope: BadgeScope, name: (account: string) => string, t: Translate): string {
  if (scope.kind === 'account') return t('settings.badge.only', [name(scope.account)]);
  if (scope.kind === 'product') return t('settings.badge.only', [proxyTypeName(scope.proxyType, t)]);
  return t('settings.badge.all');
}

/**
 * Said under the poll interval when polling cannot keep it: a full round of requests, spaced as
 * Thordata needs, takes longer than the interval chosen.
 */
export function effectiveIntervalText(
  watched: number,
  roundMinutes: number,
  effective: number,
  chosen: number,
  { locale, t }: Language,
): string {
  return t('settings.interval.effective', [number(locale, watched), number(locale, roundMinutes), number(locale, effective), number(locale, chosen)]);
}

/** Each rule's words, with the units its thresholds are in. */
export function ruleWords(units: TrafficUnits, { locale, t }: Language): Readonly<Record<RuleName, RuleText>> {
  const gb = units === 'binary' ? 'GiB' : 'GB';
  const mb = units === 'binary' ? 'MiB' : 'MB';
  const percent = numberFormat(locale, { style: 'percent' }).format(NEARING_SHARE);
  return {
    hourlyTotal: { label: t('settings.rule.hourlyTotal'), after: [t('settings.rule.hourlyTotalAfter', [gb, percent])] },
    hourlyUser: { label: t('settings.rule.hourlyUser'), after: [gb] },
    spike: { label: t('settings.rule.spike'), after: [t('settings.rule.spikeAfter'), mb] },
    userBalance: { label: t('settings.rule.userBalance'), after: [t('settings.rule.userBalanceAfter')] },
    accountBalance: { label: t('settings.rule.accountBalance'), after: [gb] },
    planExpiry: { label: t('settings.rule.planExpiry'), after: [t('settings.rule.planExpiryAfter')] },
    pollingBroken: { label: t('settings.rule.pollingBroken'), after: [t('settings.rule.pollingBrokenAfter')] },
  };
}

export function fieldProblemText(problem: FieldProblem, { locale, t }: Language): string {
  const n = (value: number) => number(locale, value);
  switch (problem.code) {
    case 'token-missing':
      return t('settings.field.tokenMissing');
    case 'token-malformed':
      return t('settings.field.tokenMalformed', [n(problem.min), n(problem.max)]);
    case 'label-too-long':
      return t('settings.field.labelTooLong', [n(problem.max)]);
    case 'proxy-type-unknown':
      return t('settings.field.proxyTypeUnknown');
    case 'watched-missing':
      return t('settings.field.watchedMissing');
    case 'watched-too-many':
      return t('settings.field.watchedTooMany', [n(problem.max), n(problem.count)]);
    case 'badge-scope-unknown':
      return t('settings.field.badgeScopeUnknown');
    case 'username-invalid':
      return t('settings.field.usernameInvalid', [clip(problem.username), n(problem.maxLength)]);
    case 'interval-out-of-range':
      return t('settings.field.intervalOutOfRange', [n(problem.min), n(problem.max)]);
    case 'timezone-unknown':
      return t('settings.field.timezoneUnknown');
    case 'units-unknown':
      return t('settings.field.unitsUnknown');
    case 'chart-hours-unknown': {
      const either = new Intl.ListFormat(locale, { type: 'disjunction' }).format(problem.choices.map(n));
      return t('settings.field.chartHoursUnknown', [either]);
    }
    case 'not-a-url':
      return t('settings.field.notAUrl');
    case 'has-query-or-credentials':
      return t('settings.field.hasQueryOrCredentials');
    case 'not-thordata':
      return t('settings.field.notThordata');
    case 'not-thordata-or-loopback':
      return t('settings.field.notThordataOrLoopback');
    case 'currency-unknown':
      return t('settings.money.currencyUnknown');
    case 'price-invalid':
      return t('settings.money.priceInvalid', [n(0.75)]);
    case 'badge-shows-unknown':
      return t('settings.money.badgeShowsUnknown');
    case 'budget-kind-unknown':
      return t('settings.money.budgetKindUnknown');
    case 'budget-positive':
      return t('settings.money.budgetPositive');
    case 'budget-needs-price':
    case 'badge-needs-price': {
      const either = new Intl.ListFormat(locale, { type: 'disjunction' }).format(problem.products.map((type) => proxyTypeName(type, t)));
      return problem.code === 'budget-needs-price' ? t('settings.money.budgetNeedsPrice', [either]) : t('settings.money.badgeNeedsPrice', [either]);
    }
    case 'cycle-start-day-range':
      return t('settings.money.cycleStartDayRange', [n(problem.min), n(problem.max)]);
    case 'percents-invalid':
      return t('settings.money.percentsInvalid', [n(problem.min), n(problem.max), n(problem.most)]);
  }
}

/** The unit a traffic budget is typed in: a GiB when the user reads binary units. */
export function budgetGbUnit(units: TrafficUnits): string {
  return units === 'binary' ? 'GiB' : 'GB';
}

/** A budget's kind as its menu offers it: "Traffic (GiB)", "Money (EUR)". */
export function budgetKindOption(kind: BudgetLimit['kind'], units: TrafficUnits, currency: string, t: Translate): string {
  switch (kind) {
    case 'off':
      return t('settings.money.budgetOff');
    case 'traffic':
      return t('settings.money.budgetTraffic', [budgetGbUnit(units)]);
    case 'money':
      return t('settings.money.budgetMoney', [currency]);
  }
}

const currencyNames = new Map<string, Intl.DisplayNames>();

/** A currency in the menu: its code and, where the language has one, its name ("EUR · Euro"). */
export function currencyOption(code: string, locale: string): string {
  let names = currencyNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames(locale, { type: 'currency' });
    currencyNames.set(locale, names);
  }
  const name = names.of(code);
  return name && name !== code ? `${code} · ${name}` : code;
}

export function alertProblemText({ code, min, max }: AlertProblem, { locale, t }: Language): string {
  const range: [string, string] = [number(locale, min), number(locale, max)];
  switch (code) {
    case 'amount-positive':
      return t('settings.amount.positive', range);
    case 'amount-range':
      return t('settings.amount.range', range);
    case 'factor-range':
      return t('settings.amount.factorRange', range);
    case 'percent-range':
      return t('settings.amount.percentRange', range);
    case 'days-range':
      return t('settings.amount.daysRange', range);
    case 'minutes-range':
      return t('settings.amount.minutesRange', range);
  }
}
