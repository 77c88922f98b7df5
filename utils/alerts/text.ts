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
          title: t('alertHourEndedTotalTitle', formatHourSpan(alert.startMs, locale), amount(alert.kb), amount(alert.thresholdKb)),
          message: t('alertHourEndedTotalMessage', alert.hour),
        };
      }
      return {
        title: t('alertHourlyTotalTitle', amount(alert.thresholdKb)),
        message: t('alertHourlyTotalMessage', amount(alert.kb), formatHourSpan(alert.startMs, locale), alert.hour),
      };
    case 'hourly-user':
      if (alert.ended) {
        return {
          title: t('alertHourEndedUserTitle', alert.username, formatHourSpan(alert.startMs, locale), amount(alert.kb), amount(alert.thresholdKb)),
          message: t('alertHourEndedUserMessage', alert.hour),
        };
      }
      return {
        title: t('alertHourlyUserTitle', alert.username, amount(alert.thresholdKb)),
        message: t('alertHourlyUserMessage', amount(alert.kb), alert.hour),
      };
    case 'spike':
      return {
        title: alert.ended ? t('alertSpikeEndedTitle', formatHourSpan(alert.startMs, locale), amount(alert.kb)) : t('alertSpikeTitle', amount(alert.kb)),
        message: t('alertSpikeMessage', alert.factor, amount(alert.typicalKb)),
      };
    case 'user-balance':
      return {
        title: t('alertUserBalanceTitle', alert.username, Math.floor(alert.percent)),
        message: t('alertUserBalanceMessage', amount(alert.balanceKb), amount(alert.limitKb)),
      };
    case 'account-balance':
      return {
        title: t('alertAccountBalanceTitle', amount(mbToKb(alert.balanceMb))),
        message: t('alertAccountBalanceMessage', amount(mbToKb(alert.thresholdMb))),
      };
    case 'plan-expiry':
      return {
        title:
          alert.daysLeft === 0
            ? t('alertPlanExpiresToday')
            : alert.daysLeft === 1
              ? t('alertPlanExpiresTomorrow')
              : t('alertPlanExpiresInDays', alert.daysLeft),
        message: t('alertPlanExpiryMessage', alert.expiresOn),
      };
    case 'token-rejected':
      return { title: t('alertTokenTitle'), message: t('alertTokenMessage', alert.code) };
    case 'polling-broken':
      return {
        title: t('alertPollingBrokenTitle', formatDuration(now - alert.sinceMs, locale)),
        message: describeApiError(alert.failure, locale).problem,
      };
  }
}

/** The words of one notification, in the user's language. Never contains the token: alerts hold none. */
export function notificationText(delivery: AlertDelivery, language: Language, units: TrafficUnits, now: number): NotificationText {
  if (delivery.kind === 'single') return render(delivery.alert, language, units, now);
  const titles = delivery.alerts.map((alert) => render(alert, language, units, now).title);
  return { title: language.t('alertSummaryTitle', delivery.alerts.length), message: titles.join(language.t('alertSummarySeparator')) };
}
