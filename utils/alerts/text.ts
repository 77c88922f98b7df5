import type { AlertDelivery } from './log';
import type { Alert } from './evaluate';
import { describeApiError } from '@/utils/api/errors';
import type { Language } from '@/utils/i18n/i18n';
import { formatDuration, formatHourSpan } from '@/utils/time/local-time';
import { formatAmount, type TrafficUnits } from '@/utils/format/traffic-format';
import { kb, mbToKb, type Kb } from '@/utils/base/units';
import { numberFormat } from '@/utils/format/intl-formats';
import type { BudgetAlert } from './budget-rules';
import type { Settings, WatchedUser } from '@/utils/settings/model';
import { accountName } from '@/utils/settings/watched';

export interface NotificationText {
  readonly title: string;
  readonly message: string;
}

/** How a notification names a user and an account: with the account only when there are several. */
function naming(settings: Settings, { t }: Language) {
  const nameOf = (account: string | null) => (account === null ? null : accountName(settings, account, (n) => t('account.unnamed', [n])));
  return {
    user: (user: WatchedUser) => {
      const account = nameOf(user.account);
      return account === null ? user.username : t('userOfAccount', [user.username, account]);
    },
    /** A title about one account, led by its name. */
    about: (account: string | null, title: string) => {
      const name = nameOf(account);
      return name === null ? title : t('aboutAccount', [name, title]);
    },
  };
}

/** A budget's figure in its measure: traffic in the user's units, money in its currency, in the user's locale. */
function budgetFigure(alert: BudgetAlert, units: TrafficUnits, locale: string): (value: number) => string {
  if (alert.measure === 'traffic') return (value) => formatAmount(kb(value), units, locale);
  const currency = numberFormat(locale, { style: 'currency', currency: alert.currency });
  return (value) => currency.format(value);
}

function renderBudget(alert: BudgetAlert, { locale, t }: Language, units: TrafficUnits): NotificationText {
  const figure = budgetFigure(alert, units, locale);
  const number = numberFormat(locale, { maximumFractionDigits: 1 });
  switch (alert.kind) {
    case 'budget-use':
      return alert.period === 'daily'
        ? { title: t('alert.budgetUseDailyTitle', [number.format(alert.percent)]), message: t('alert.budgetUseDailyMessage', [figure(alert.used), figure(alert.limit)]) }
        : { title: t('alert.budgetUseCycleTitle', [number.format(alert.percent)]), message: t('alert.budgetUseCycleMessage', [figure(alert.used), figure(alert.limit)]) };
    case 'budget-forecast':
      return {
        title: t('alert.budgetForecastTitle', [figure(alert.low), figure(alert.high)]),
        message: t('alert.budgetForecastMessage', [figure(alert.limit), alert.lastDay]),
      };
    case 'rapid-use':
      return {
        title: t('alert.rapidUseTitle', [figure(alert.scaled)]),
        message: t('alert.rapidUseMessage', [figure(alert.threshold), number.format(alert.threshold / alert.limit), figure(alert.limit)]),
      };
  }
}

function render(alert: Alert, language: Language, settings: Settings, now: number): NotificationText {
  const { locale, t } = language;
  const units: TrafficUnits = settings.units;
  const names = naming(settings, language);
  const amount = (kb: Kb) => formatAmount(kb, units, locale);
  switch (alert.kind) {
    case 'hourly-total':
      if (alert.ended) {
        return {
          title: t('alert.hourEndedTotalTitle', [formatHourSpan(alert.startMs, locale), amount(alert.kb), amount(alert.thresholdKb)]),
          message: t('alert.hourEndedTotalMessage', [alert.hour]),
        };
      }
      return {
        title: t('alert.hourlyTotalTitle', [amount(alert.thresholdKb)]),
        message: t('alert.hourlyTotalMessage', [amount(alert.kb), formatHourSpan(alert.startMs, locale), alert.hour]),
      };
    case 'hourly-user':
      if (alert.ended) {
        return {
          title: t('alert.hourEndedUserTitle', [names.user(alert.user), formatHourSpan(alert.startMs, locale), amount(alert.kb), amount(alert.thresholdKb)]),
          message: t('alert.hourEndedUserMessage', [alert.hour]),
        };
      }
      return {
        title: t('alert.hourlyUserTitle', [names.user(alert.user), amount(alert.thresholdKb)]),
        message: t('alert.hourlyUserMessage', [amount(alert.kb), alert.hour]),
      };
    case 'spike':
      return {
        title: alert.ended ? t('alert.spikeEndedTitle', [formatHourSpan(alert.startMs, locale), amount(alert.kb)]) : t('alert.spikeTitle', [amount(alert.kb)]),
        message: t('alert.spikeMessage', [alert.factor, amount(alert.typicalKb)]),
      };
    case 'user-balance':
      return {
        title: t('alert.userBalanceTitle', [names.user(alert.user), Math.floor(alert.percent)]),
        message: t('alert.userBalanceMessage', [amount(alert.balanceKb), amount(alert.limitKb)]),
      };
    case 'account-balance':
      return {
        title: names.about(alert.account, t('alert.accountBalanceTitle', [amount(mbToKb(alert.balanceMb))])),
        message: t('alert.accountBalanceMessage', [amount(mbToKb(alert.thresholdMb))]),
      };
    case 'plan-expiry':
      return {
        title: names.about(alert.account, t('alert.planExpiresTitle', alert.daysLeft)),
        message: t('alert.planExpiryMessage', [alert.expiresOn]),
      };
    case 'token-rejected':
      return { title: names.about(alert.account, t('alert.tokenTitle')), message: t('alert.tokenMessage', [alert.code]) };
    case 'polling-broken':
      return {
        title: names.about(alert.account, t('alert.pollingBrokenTitle', [formatDuration(now - alert.sinceMs, t)])),
        message: describeApiError(alert.failure, t).problem,
      };
    case 'budget-use':
    case 'budget-forecast':
    case 'rapid-use':
      return renderBudget(alert, language, units);
  }
}

/** The words of one notification, in the user's language. Never contains the token: alerts hold none. */
export function notificationText(delivery: AlertDelivery, language: Language, settings: Settings, now: number): NotificationText {
  if (delivery.kind === 'single') return render(delivery.alert, language, settings, now);
  const titles = delivery.alerts.map((alert) => render(alert, language, settings, now).title);
  return { title: language.t('alert.summaryTitle', [delivery.alerts.length]), message: titles.join(language.t('alert.summarySeparator')) };
}
