import type { AlertDelivery } from './log';
import type { Alert } from './evaluate';
import { describeApiError } from '@/utils/api/errors';
import type { Language } from '@/utils/i18n/i18n';
import { formatDuration, formatHourSpan } from '@/utils/time/local-time';
import { formatAmount, type TrafficUnits } from '@/utils/format/traffic-format';
import { mbToKb, type Kb } from '@/utils/base/units';

export interface NotificationText {
  readonly title: string;
  readonly message: string;
}

function render(alert: Alert, { locale, t }: Language, units: TrafficUnits, now: number): NotificationText {
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
          title: t('alert.hourEndedUserTitle', [alert.username, formatHourSpan(alert.startMs, locale), amount(alert.kb), amount(alert.thresholdKb)]),
          message: t('alert.hourEndedUserMessage', [alert.hour]),
        };
      }
      return {
        title: t('alert.hourlyUserTitle', [alert.username, amount(alert.thresholdKb)]),
        message: t('alert.hourlyUserMessage', [amount(alert.kb), alert.hour]),
      };
    case 'spike':
      return {
        title: alert.ended ? t('alert.spikeEndedTitle', [formatHourSpan(alert.startMs, locale), amount(alert.kb)]) : t('alert.spikeTitle', [amount(alert.kb)]),
        message: t('alert.spikeMessage', [alert.factor, amount(alert.typicalKb)]),
      };
    case 'user-balance':
      return {
        title: t('alert.userBalanceTitle', [alert.username, Math.floor(alert.percent)]),
        message: t('alert.userBalanceMessage', [amount(alert.balanceKb), amount(alert.limitKb)]),
      };
    case 'account-balance':
      return {
        title: t('alert.accountBalanceTitle', [amount(mbToKb(alert.balanceMb))]),
        message: t('alert.accountBalanceMessage', [amount(mbToKb(alert.thresholdMb))]),
      };
    case 'plan-expiry':
      return {
        title: t('alert.planExpiresTitle', alert.daysLeft),
        message: t('alert.planExpiryMessage', [alert.expiresOn]),
      };
    case 'token-rejected':
      return { title: t('alert.tokenTitle'), message: t('alert.tokenMessage', [alert.code]) };
    case 'polling-broken':
      return {
        title: t('alert.pollingBrokenTitle', [formatDuration(now - alert.sinceMs, t)]),
        message: describeApiError(alert.failure, t).problem,
      };
  }
}

/** The words of one notification, in the user's language. Never contains the token: alerts hold none. */
export function notificationText(delivery: AlertDelivery, language: Language, units: TrafficUnits, now: number): NotificationText {
  if (delivery.kind === 'single') return render(delivery.alert, language, units, now);
  const titles = delivery.alerts.map((alert) => render(alert, language, units, now).title);
  return { title: language.t('alert.summaryTitle', [delivery.alerts.length]), message: titles.join(language.t('alert.summarySeparator')) };
}
