import type { Locale } from './locale';

/** Every visible string of the popup, the badge tooltip and the status banners, per language. */
export interface PopupText {
  readonly product: string;
  readonly popupTitle: string;
  readonly settings: string;
  readonly dashboard: string;
  readonly thisHour: (span: string) => string;
  readonly exact: (exact: string, hour: string) => string;
  readonly noPreviousTraffic: string;
  readonly previousHour: (amount: string) => string;
  readonly onPace: (amount: string) => string;
  readonly paceChange: (arrow: string, percent: number, amount: string) => string;
  readonly today: string;
  readonly lastHours: (hours: number) => string;
  readonly peakHour: string;
  readonly peakAt: (time: string) => string;
  readonly chartSummary: (hours: number, total: string, peak: string | null, current: string) => string;
  readonly chartWindow: string;
  readonly hoursOption: (hours: number) => string;
  readonly users: string;
  readonly allUsers: string;
  readonly userRowLabel: (username: string, amount: string, share: number) => string;
  readonly shareOfTotal: (share: number) => string;
  readonly userUnknown: string;
  readonly limitLeft: (balance: string, limit: string) => string;
  readonly noLimit: string;
  readonly account: string;
  readonly accountBalance: string;
  readonly planExpires: (date: string, days: number) => string;
  readonly forecast: (days: number, date: string) => string;
  readonly exportCsv: string;
  readonly updated: (age: string) => string;
  readonly notUpdated: string;
  readonly refresh: string;
  readonly refreshing: string;
  readonly openSettings: string;
  readonly justNow: string;
  readonly ago: (duration: string) => string;
  // Banners
  readonly notSetUp: string;
  readonly notSetUpRemedy: string;
  readonly showingFrom: (age: string) => string;
  readonly nextTry: (time: string) => string;
  readonly pausedForToken: string;
  readonly staleProblem: (age: string) => string;
  readonly staleRemedy: string;
  readonly firstLoad: string;
  readonly firstLoadRemedy: string;
  readonly offlineProblem: string;
  readonly offlineRemedy: string;
  // Badge tooltip
  readonly tooltipThisHour: (span: string, hour: string, amount: string, exact: string) => string;
  readonly tooltipToday: (amount: string) => string;
  readonly tooltipAlertAbove: (amount: string) => string;
  readonly tooltipUpdated: (time: string) => string;
  readonly tooltipSetUp: string;
  readonly tooltipFetching: string;
  readonly tooltipLastKnown: string;
  readonly tooltipFailed: (sentence: string) => string;
  readonly tooltipStale: (duration: string) => string;
}

const en: PopupText = {
  product: 'Thordata Usage Monitor',
  popupTitle: 'Thordata usage',
  settings: 'Settings',
  dashboard: 'Thordata dashboard',
  thisHour: (span) => `This hour · ${span}`,
  exact: (exact, hour) => `${exact} as reported for API hour ${hour}`,
  noPreviousTraffic: 'No traffic in the previous hour',
  previousHour: (amount) => `Previous hour: ${amount}`,
  onPace: (amount) => `On pace with the previous hour (${amount})`,
  paceChange: (arrow, percent, amount) => `${arrow} ${percent}% pace vs previous hour (${amount})`,
  today: 'Today',
  lastHours: (hours) => `Last ${hours} h`,
  peakHour: 'Peak hour',
  peakAt: (time) => `at ${time}`,
  chartSummary: (hours, total, peak, current) =>
    `Hourly traffic over the last ${hours} hours: ${total} in total${peak ? `, peak ${peak}` : ', no traffic'}; this hour so far ${current}.`,
  chartWindow: 'Chart window',
  hoursOption: (hours) => `${hours} h`,
  users: 'Users',
  allUsers: 'All users',
  userRowLabel: (username, amount, share) => `${username}: ${amount} this hour, ${share}% of the total`,
  shareOfTotal: (share) => `${share}%`,
  userUnknown: 'unknown to Thordata',
  limitLeft: (balance, limit) => `${balance} of ${limit} left`,
  noLimit: 'no limit',
  account: 'Account',
  accountBalance: 'Traffic balance',
  planExpires: (date, days) => `Plan expires ${date} (${days === 0 ? 'today' : `in ${days} day${days === 1 ? '' : 's'}`})`,
  forecast: (days, date) => `At the last 24 h rate the balance lasts about ${days} day${days === 1 ? '' : 's'} (until ${date}).`,
  exportCsv: 'Export CSV',
  updated: (age) => `Updated ${age}`,
  notUpdated: 'Not updated yet',
  refresh: 'Refresh',
  refreshing: 'Refreshing…',
  openSettings: 'Open settings',
  justNow: 'just now',
  ago: (duration) => `${duration} ago`,
  notSetUp: 'Not set up yet.',
  notSetUpRemedy: 'Enter your Thordata API token and the proxy usernames to watch.',
  showingFrom: (age) => ` Showing the figures from ${age}.`,
  nextTry: (time) => ` Next try at ${time}.`,
  pausedForToken: ' Polling is paused until the token changes.',
  staleProblem: (age) => `These figures are ${age} old.`,
  staleRemedy: 'The browser may have been asleep or offline; press Refresh to update now.',
  firstLoad: 'Fetching the first figures…',
  firstLoadRemedy: 'This takes a few seconds per username.',
  offlineProblem: 'The browser is offline.',
  offlineRemedy: 'The figures update once the connection is back.',
  tooltipThisHour: (span, hour, amount, exact) => `This hour (${span}, API hour ${hour}): ${amount} (${exact})`,
  tooltipToday: (amount) => `Today: ${amount}`,
  tooltipAlertAbove: (amount) => `Alert above ${amount} an hour`,
  tooltipUpdated: (time) => `Updated ${time}`,
  tooltipSetUp: 'Thordata Usage Monitor: open the settings to enter your API token and the proxy usernames to watch.',
  tooltipFetching: 'Thordata Usage Monitor: fetching the first figures…',
  tooltipLastKnown: 'Last known figures:',
  tooltipFailed: (sentence) => `Last update failed: ${sentence}`,
  tooltipStale: (duration) => `Figures are ${duration} old: not updated since then.`,
};

const zhCN: PopupText = {
  product: 'Thordata 用量监控',
  popupTitle: 'Thordata 用量',
  settings: '设置',
  dashboard: 'Thordata 控制台',
  thisHour: (span) => `本小时 · ${span}`,
  exact: (exact, hour) => `API 小时 ${hour} 报告值 ${exact}`,
  noPreviousTraffic: '上一小时没有流量',
  previousHour: (amount) => `上一小时：${amount}`,
  onPace: (amount) => `与上一小时（${amount}）速度持平`,
  paceChange: (arrow, percent, amount) => `速度比上一小时（${amount}）${arrow} ${percent}%`,
  today: '今天',
  lastHours: (hours) => `最近 ${hours} 小时`,
  peakHour: '峰值小时',
  peakAt: (time) => `${time}`,
  chartSummary: (hours, total, peak, current) =>
    `最近 ${hours} 小时的每小时流量：合计 ${total}${peak ? `，峰值 ${peak}` : '，没有流量'}；本小时目前 ${current}。`,
  chartWindow: '图表范围',
  hoursOption: (hours) => `${hours} 小时`,
  users: '用户',
  allUsers: '全部用户',
  userRowLabel: (username, amount, share) => `${username}：本小时 ${amount}，占合计 ${share}%`,
  shareOfTotal: (share) => `${share}%`,
  userUnknown: 'Thordata 不认识此用户',
  limitLeft: (balance, limit) => `剩余 ${balance} / 限额 ${limit}`,
  noLimit: '无限额',
  account: '账户',
  accountBalance: '流量余额',
  planExpires: (date, days) => `套餐到期：${date}（${days === 0 ? '今天' : `${days} 天后`}）`,
  forecast: (days, date) => `按最近 24 小时的速度，余额约可用 ${days} 天（至 ${date}）。`,
  exportCsv: '导出 CSV',
  updated: (age) => `更新于${age}`,
  notUpdated: '尚未更新',
  refresh: '刷新',
  refreshing: '正在刷新…',
  openSettings: '打开设置',
  justNow: '刚刚',
  ago: (duration) => ` ${duration}前`,
  notSetUp: '尚未设置。',
  notSetUpRemedy: '请输入 Thordata API 令牌和要关注的代理用户名。',
  showingFrom: (age) => `当前显示的是${age}的数据。`,
  nextTry: (time) => `下次重试：${time}。`,
  pausedForToken: '在令牌更改之前已暂停查询。',
  staleProblem: (age) => `这些数据已有 ${age}未更新。`,
  staleRemedy: '浏览器可能处于休眠或离线状态；点击“刷新”立即更新。',
  firstLoad: '正在获取首批数据…',
  firstLoadRemedy: '每个用户名需要几秒钟。',
  offlineProblem: '浏览器处于离线状态。',
  offlineRemedy: '恢复联网后数据会自动更新。',
  tooltipThisHour: (span, hour, amount, exact) => `本小时（${span}，API 小时 ${hour}）：${amount}（${exact}）`,
  tooltipToday: (amount) => `今天：${amount}`,
  tooltipAlertAbove: (amount) => `每小时超过 ${amount} 时提醒`,
  tooltipUpdated: (time) => `更新于 ${time}`,
  tooltipSetUp: 'Thordata 用量监控：请打开设置，输入 API 令牌和要关注的代理用户名。',
  tooltipFetching: 'Thordata 用量监控：正在获取首批数据…',
  tooltipLastKnown: '最近一次的数据：',
  tooltipFailed: (sentence) => `上次更新失败：${sentence}`,
  tooltipStale: (duration) => `数据已有 ${duration}未更新。`,
};

export function popupText(locale: Locale): PopupText {
  return locale === 'zh-CN' ? zhCN : en;
}
