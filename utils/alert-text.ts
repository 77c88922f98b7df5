import type { AlertDelivery } from './alert-log';
import type { Alert } from './alerts';
import { describeApiError, type ApiErrorKind } from './api-errors';
import { formatDuration, formatHourSpan } from './local-time';
import type { Locale } from './locale';
import { formatAmount, type TrafficUnits } from './traffic-format';

export interface NotificationText {
  readonly title: string;
  readonly message: string;
}

const FAILURE_ZH: Readonly<Record<ApiErrorKind, string>> = {
  auth: '令牌被拒绝',
  'rate-limited': '请求过于频繁',
  'unknown-user': '用户名不存在',
  plan: '账户没有有效套餐',
  'bad-request': '请求参数有误',
  server: 'Thordata 服务器出错',
  network: '无法连接 Thordata API',
  offline: '浏览器处于离线状态',
  permission: '浏览器未授予访问权限',
  timeout: 'Thordata API 响应超时',
  malformed: '返回内容无法解析',
};

/** Balances arrive in MB (1 MB = 1024 KB). */
const KB_PER_MB = 1024;

function english(alert: Alert, units: TrafficUnits, now: number): NotificationText {
  const amount = (kb: number) => formatAmount(kb, units, 'en');
  switch (alert.kind) {
    case 'hourly-total':
      return {
        title: `This hour passed ${amount(alert.thresholdKb)}`,
        message: `${amount(alert.kb)} so far in ${formatHourSpan(alert.startMs, 'en')} (API hour ${alert.hour}), all watched users together.`,
      };
    case 'hourly-user':
      return {
        title: `${alert.username} passed ${amount(alert.thresholdKb)} this hour`,
        message: `${amount(alert.kb)} so far in API hour ${alert.hour}.`,
      };
    case 'spike':
      return {
        title: `Traffic spike: ${amount(alert.kb)} this hour`,
        message: `At least ${alert.factor}× the typical hour (${amount(alert.typicalKb)}, the median of the last 24 hours).`,
      };
    case 'user-balance':
      return {
        title: `${alert.username}: ${Math.floor(alert.percent)}% of its traffic limit left`,
        message: `${amount(alert.balanceKb)} of ${amount(alert.limitKb)} remain.`,
      };
    case 'account-balance':
      return {
        title: `Account traffic balance low: ${amount(alert.balanceMb * KB_PER_MB)}`,
        message: `Below your alert at ${amount(alert.thresholdMb * KB_PER_MB)}. Recharge in the Thordata dashboard.`,
      };
    case 'plan-expiry':
      return {
        title: alert.daysLeft === 0 ? 'Thordata plan expires today' : `Thordata plan expires in ${alert.daysLeft} day${alert.daysLeft === 1 ? '' : 's'}`,
        message: `The plan ends on ${alert.expiresOn}. Renew it in the Thordata dashboard.`,
      };
    case 'token-rejected':
      return {
        title: 'Thordata rejected the API token',
        message: `Code ${alert.code}. Polling is paused: open the settings and enter the token again.`,
      };
    case 'polling-broken': {
      const { problem } = describeApiError(alert.failure);
      return { title: `Usage not updated for ${formatDuration(now - alert.sinceMs)}`, message: problem };
    }
  }
}

function chinese(alert: Alert, units: TrafficUnits, now: number): NotificationText {
  const amount = (kb: number) => formatAmount(kb, units, 'zh-CN');
  switch (alert.kind) {
    case 'hourly-total':
      return {
        title: `本小时流量已超过 ${amount(alert.thresholdKb)}`,
        message: `${formatHourSpan(alert.startMs, 'zh-CN')}（API 小时 ${alert.hour}）目前共 ${amount(alert.kb)}，为所有关注用户合计。`,
      };
    case 'hourly-user':
      return {
        title: `${alert.username} 本小时流量已超过 ${amount(alert.thresholdKb)}`,
        message: `API 小时 ${alert.hour} 目前已用 ${amount(alert.kb)}。`,
      };
    case 'spike':
      return {
        title: `流量突增：本小时 ${amount(alert.kb)}`,
        message: `至少是平常小时（${amount(alert.typicalKb)}，过去 24 小时的中位数）的 ${alert.factor} 倍。`,
      };
    case 'user-balance':
      return {
        title: `${alert.username}：流量限额仅剩 ${Math.floor(alert.percent)}%`,
        message: `剩余 ${amount(alert.balanceKb)}，限额 ${amount(alert.limitKb)}。`,
      };
    case 'account-balance':
      return {
        title: `账户流量余额不足：${amount(alert.balanceMb * KB_PER_MB)}`,
        message: `已低于提醒值 ${amount(alert.thresholdMb * KB_PER_MB)}。请在 Thordata 控制台充值。`,
      };
    case 'plan-expiry':
      return {
        title: alert.daysLeft === 0 ? 'Thordata 套餐今天到期' : `Thordata 套餐将在 ${alert.daysLeft} 天后到期`,
        message: `套餐到期日为 ${alert.expiresOn}。请在 Thordata 控制台续费。`,
      };
    case 'token-rejected':
      return {
        title: 'Thordata 拒绝了 API 令牌',
        message: `错误码 ${alert.code}。已暂停查询：请打开设置重新输入令牌。`,
      };
    case 'polling-broken':
      return {
        title: `用量已有 ${formatDuration(now - alert.sinceMs, 'zh-CN')}未更新`,
        message: `无法从 Thordata 获取数据：${FAILURE_ZH[alert.failure.kind]}。扩展会自动重试。`,
      };
  }
}

/** The words of one notification, in the user's language. Never contains the token: alerts hold none. */
export function notificationText(delivery: AlertDelivery, locale: Locale, units: TrafficUnits, now: number): NotificationText {
  const render = locale === 'zh-CN' ? chinese : english;
  if (delivery.kind === 'single') return render(delivery.alert, units, now);
  const titles = delivery.alerts.map((alert) => render(alert, units, now).title);
  return locale === 'zh-CN'
    ? { title: `${delivery.alerts.length} 条 Thordata 用量提醒`, message: titles.join('；') }
    : { title: `${delivery.alerts.length} Thordata usage alerts`, message: titles.join('; ') };
}
