import type { AlertProblem } from './alert-rules-form';
import { errorSentence, type ApiError } from '@/utils/api/errors';
import type { Locale } from '@/utils/i18n/locale';
import type { FieldProblem } from './validate';
import type { ProxyType } from '@/utils/api/thordata-client';
import type { TrafficUnits } from '@/utils/format/traffic-format';
import { numberFormat } from '@/utils/format/intl-formats';

/** A notification rule's words: its switch, and the words after each of its thresholds. */
export interface RuleText {
  readonly label: string;
  readonly after: readonly string[];
}

/**
 * Every visible string of the settings page. The English labels of the fields and
 * buttons are also how the end-to-end tests find them, so they change only together.
 */
export interface SettingsText {
  readonly pageTitle: string;
  readonly heading: string;
  readonly sections: {
    readonly account: string;
    readonly polling: string;
    readonly display: string;
    readonly notifications: string;
    readonly advanced: string;
    readonly data: string;
  };
  readonly labels: {
    readonly token: string;
    readonly proxyType: string;
    readonly usernames: string;
    readonly pollInterval: string;
    readonly apiTimezone: string;
    readonly units: string;
    readonly chartHours: string;
    readonly apiBaseUrl: string;
  };
  readonly hints: {
    readonly token: string;
    readonly usernames: string;
    readonly pollInterval: string;
    readonly apiTimezone: string;
    readonly units: string;
    readonly chartHours: string;
    readonly apiBaseUrl: string;
  };
  readonly token: { readonly show: string; readonly hide: string; readonly showName: string; readonly hideName: string };
  readonly proxyTypes: Readonly<Record<ProxyType, string>>;
  readonly timezoneOption: (value: string) => string;
  readonly browserTimezone: (zone: string) => string;
  readonly unitsOptions: Readonly<Record<TrafficUnits, string>>;
  readonly chartHoursOption: (hours: number) => string;
  readonly test: {
    readonly button: string;
    readonly busy: string;
    readonly fixFirst: string;
    readonly connected: (users: number) => string;
    readonly failed: (error: ApiError) => string;
    /** The request never reached the background, so there is no API answer to explain. */
    readonly noAnswer: string;
  };
  readonly users: {
    readonly legend: string;
    readonly status: (enabled: boolean) => string;
    readonly usage: (used: string | null, limit: string | null) => string;
  };
  readonly save: { readonly button: string; readonly saved: string; readonly notSaved: string; readonly storeFailed: string };
  readonly forget: {
    readonly intro: string;
    readonly button: string;
    readonly warning: string;
    readonly confirm: string;
    readonly cancel: string;
    readonly done: string;
    readonly failed: string;
  };
  readonly permission: { readonly granted: string; readonly denied: string; readonly unknown: string };
  readonly rules: {
    readonly hourlyTotal: (gb: string, nearingShare: number) => RuleText;
    readonly hourlyUser: (gb: string) => RuleText;
    readonly spike: (mb: string) => RuleText;
    readonly userBalance: RuleText;
    readonly accountBalance: (gb: string) => RuleText;
    readonly planExpiry: RuleText;
    readonly pollingBroken: RuleText;
  };
  readonly fieldProblem: (problem: FieldProblem) => string;
  readonly alertProblem: (problem: AlertProblem) => string;
}

/** Numbers, percentages and lists in the page's language. */
function formatters(locale: Locale) {
  return {
    number: (value: number) => numberFormat(locale, { maximumFractionDigits: 3 }).format(value),
    percent: (share: number) => numberFormat(locale, { style: 'percent' }).format(share),
    hours: (hours: number) => numberFormat(locale, { style: 'unit', unit: 'hour', unitDisplay: 'long' }).format(hours),
    either: (items: readonly number[]) =>
      new Intl.ListFormat(locale, { type: 'disjunction' }).format(items.map((item) => numberFormat(locale).format(item))),
  };
}

/** A pasted name can be anything; a message quotes at most this much of it. */
function clip(text: string): string {
  return text.length > 70 ? `${text.slice(0, 70)}…` : text;
}

function english(): SettingsText {
  const f = formatters('en');
  return {
    pageTitle: 'Thordata Usage Monitor settings',
    heading: 'Thordata Usage Monitor',
    sections: {
      account: 'Account',
      polling: 'Polling',
      display: 'Display',
      notifications: 'Notifications',
      advanced: 'Advanced',
      data: 'Data in this browser',
    },
    labels: {
      token: 'API token',
      proxyType: 'Proxy type',
      usernames: 'Usernames',
      pollInterval: 'Poll interval (minutes)',
      apiTimezone: 'API timezone',
      units: 'Units',
      chartHours: 'Chart window',
      apiBaseUrl: 'API base URL',
    },
    hints: {
      token: 'Thordata Dashboard → My Account. Stored only in this browser.',
      usernames: 'The proxy users (sub-accounts) to watch, separated by commas.',
      pollInterval: 'How often to ask Thordata; each watched user costs one request.',
      apiTimezone:
        'The timezone of the hours in Thordata’s answers. Thordata does not document it; UTC and UTC+8 are the likely ones.',
      units:
        'Thordata’s API counts traffic in KB of 1,024 bytes, as its own client does. Binary shows KiB, MiB and GiB: the figures Thordata’s dashboard labels KB, MB and GB. Decimal shows kB, MB and GB of 1,000, so the same traffic reads about 7% more in GB. Thresholds keep their meaning when you switch.',
      chartHours: 'How many recent hours the popup’s chart shows.',
      apiBaseUrl: 'The token is sent only here. Leave it as https://openapi.thordata.com/api unless told otherwise.',
    },
    token: { show: 'Show', hide: 'Hide', showName: 'Show token', hideName: 'Hide token' },
    proxyTypes: { 1: 'Residential', 2: 'Unlimited', 3: 'Mobile' },
    timezoneOption: (value) => (value === 'UTC' ? 'UTC (default)' : value === 'UTC+8' ? 'UTC+8 (China, Singapore)' : value),
    browserTimezone: (zone) => `Browser’s timezone (${zone})`,
    unitsOptions: {
      binary: 'Binary: KiB, MiB, GiB (as Thordata’s dashboard counts)',
      decimal: 'Decimal: kB, MB, GB (1 GB = 1,000,000,000 bytes)',
    },
    chartHoursOption: f.hours,
    test: {
      button: 'Test connection',
      busy: 'Testing the connection…',
      fixFirst: 'Fix the marked fields first.',
      connected: (users) =>
        users === 0
          ? 'Connected, but this proxy type has no users yet: create one in the Thordata dashboard, or choose another proxy type.'
          : `Connected: the token works and this proxy type has ${f.number(users)} user${users === 1 ? '' : 's'}.`,
      failed: (error) => errorSentence(error, 'en'),
      noAnswer: 'The extension’s background did not answer, so nothing was tested. Reload the extension and try again.',
    },
    users: {
      legend: 'Proxy users in this account: tick the ones to watch',
      status: (enabled) => (enabled ? 'active' : 'disabled'),
      // user-list's usage is the user's total so far, which may well exceed a limit that renews with the plan.
      usage: (used, limit) => [used === null ? '' : ` · used ${used} in all`, limit === null ? '' : ` · limit ${limit}`].join(''),
    },
    save: {
      button: 'Save',
      saved: 'Saved. Fetching the latest figures now.',
      notSaved: 'Not saved: fix the marked fields.',
      storeFailed: 'Not saved: the browser could not store the settings. Try again.',
    },
    forget: {
      intro: 'The token, settings, cached hours and alert history are kept only in this browser.',
      button: 'Forget token and data',
      warning:
        'This removes the token, settings, cached hours and alert history from this browser. The extension stops polling until you set it up again.',
      confirm: 'Forget everything',
      cancel: 'Cancel',
      done: 'Forgotten: the token, settings, cached hours and alert history are gone from this browser. The form shows the defaults.',
      failed: 'Could not remove everything: the browser refused. Try again.',
    },
    permission: {
      granted: 'Desktop notifications are allowed.',
      denied:
        'Desktop notifications are blocked for this browser or extension, so alerts will not appear. Allow them in the browser’s site and notification settings, or in the system’s notification settings.',
      unknown:
        'This browser cannot tell whether notifications are allowed. If alerts never appear, check the system’s notification settings for the browser.',
    },
    rules: {
      hourlyTotal: (gb, share) => ({
        label: 'This hour’s traffic, all watched users together, passes',
        after: [`${gb} (the badge turns amber from ${f.percent(share)})`],
      }),
      hourlyUser: (gb) => ({ label: 'One user’s traffic this hour passes', after: [gb] }),
      spike: (mb) => ({
        label: 'Spike: this hour reaches',
        after: ['× the typical hour (median of the last 24 complete hours), and at least', mb],
      }),
      userBalance: { label: 'A user’s remaining traffic falls below', after: ['% of its limit'] },
      accountBalance: (gb) => ({ label: 'The account’s traffic balance falls below', after: [gb] }),
      planExpiry: { label: 'The plan expires within', after: ['days'] },
      pollingBroken: {
        label: 'Polling is broken: the token is rejected, or updates fail for more than',
        after: ['minutes'],
      },
    },
    fieldProblem: (problem) => {
      switch (problem.code) {
        case 'token-missing':
          return 'Enter the API token from Thordata Dashboard → My Account.';
        case 'token-malformed':
          return `A token is ${f.number(problem.min)} to ${f.number(problem.max)} visible characters with no spaces; paste it again.`;
        case 'proxy-type-unknown':
          return 'Choose Residential, Unlimited or Mobile.';
        case 'usernames-missing':
          return 'Enter at least one proxy username, or pick one after Test connection.';
        case 'usernames-too-many':
          return `Watch at most ${f.number(problem.max)} usernames.`;
        case 'username-invalid':
          return `“${clip(problem.username)}” is not a valid username (at most ${f.number(problem.maxLength)} characters, no spaces).`;
        case 'interval-out-of-range':
          return `Enter a whole number of minutes from ${f.number(problem.min)} to ${f.number(problem.max)}.`;
        case 'timezone-unknown':
          return 'Choose UTC, an offset such as UTC+8, or the browser’s timezone.';
        case 'units-unknown':
          return 'Choose binary or decimal units.';
        case 'chart-hours-unknown':
          return `Choose ${f.either(problem.choices)} hours.`;
        case 'not-a-url':
          return 'Enter a full URL such as https://openapi.thordata.com/api.';
        case 'has-query-or-credentials':
          return 'The API base URL may not contain a query, a fragment or credentials.';
        case 'not-thordata':
          return 'This build talks only to https://openapi.thordata.com/….';
        case 'not-thordata-or-loopback':
          return 'Use https://openapi.thordata.com/… or a loopback address (http://127.0.0.1:PORT/…).';
      }
    },
    alertProblem: ({ code, min, max }) => {
      const range = `from ${f.number(min)} to ${f.number(max)}`;
      switch (code) {
        case 'amount-positive':
          return `Enter an amount above ${f.number(min)}, at most ${f.number(max)}.`;
        case 'amount-range':
          return `Enter an amount ${range}.`;
        case 'factor-range':
          return `Enter a factor ${range}.`;
        case 'percent-range':
          return `Enter a percentage ${range}.`;
        case 'days-range':
          return `Enter a whole number of days ${range}.`;
        case 'minutes-range':
          return `Enter a whole number of minutes ${range}.`;
      }
    },
  };
}

function chinese(): SettingsText {
  const f = formatters('zh-CN');
  return {
    pageTitle: 'Thordata 用量监控设置',
    heading: 'Thordata 用量监控',
    sections: {
      account: '账户',
      polling: '轮询',
      display: '显示',
      notifications: '通知',
      advanced: '高级',
      data: '此浏览器中的数据',
    },
    labels: {
      token: 'API 令牌',
      proxyType: '代理类型',
      usernames: '用户名',
      pollInterval: '轮询间隔（分钟）',
      apiTimezone: 'API 时区',
      units: '单位',
      chartHours: '图表时间范围',
      apiBaseUrl: 'API 基础地址',
    },
    hints: {
      token: '在 Thordata 控制台 → 我的账户中获取。仅保存在此浏览器中。',
      usernames: '要监控的代理用户（子账户），用逗号分隔。',
      pollInterval: '向 Thordata 查询的频率；每个监控用户每次占用一个请求。',
      apiTimezone: 'Thordata 返回数据中小时所用的时区。Thordata 未说明这一点，通常是 UTC 或 UTC+8。',
      units:
        'Thordata API 以 KB 计量流量，1 KB = 1,024 字节，与其官方客户端一致。二进制显示 KiB、MiB、GiB，即 Thordata 控制台中标为 KB、MB、GB 的数值；十进制以 1,000 进位显示 kB、MB、GB，同样的流量以 GB 计约多 7%。切换单位后，提醒阈值的含义保持不变。',
      chartHours: '弹出窗口中的图表显示最近多少小时。',
      apiBaseUrl: '令牌只会发送到此地址。除非另有说明，请保持 https://openapi.thordata.com/api。',
    },
    token: { show: '显示', hide: '隐藏', showName: '显示令牌', hideName: '隐藏令牌' },
    proxyTypes: { 1: '住宅代理', 2: '不限量代理', 3: '移动代理' },
    timezoneOption: (value) => (value === 'UTC' ? 'UTC（默认）' : value === 'UTC+8' ? 'UTC+8（中国、新加坡）' : value),
    browserTimezone: (zone) => `浏览器时区（${zone}）`,
    unitsOptions: {
      binary: '二进制：KiB、MiB、GiB（与 Thordata 控制台一致）',
      decimal: '十进制：kB、MB、GB（1 GB = 1,000,000,000 字节）',
    },
    chartHoursOption: f.hours,
    test: {
      button: '测试连接',
      busy: '正在测试连接…',
      fixFirst: '请先修正标出的字段。',
      connected: (users) =>
        users === 0
          ? '已连接，但此代理类型下还没有用户：请在 Thordata 控制台中创建，或选择其他代理类型。'
          : `连接成功：令牌有效，此代理类型下有 ${f.number(users)} 个用户。`,
      failed: (error) => errorSentence(error, 'zh-CN'),
      noAnswer: '扩展的后台没有响应，因此未能测试。请重新加载扩展后再试。',
    },
    users: {
      legend: '此账户的代理用户：勾选要监控的用户',
      status: (enabled) => (enabled ? '已启用' : '已停用'),
      usage: (used, limit) => [used === null ? '' : ` · 累计已用 ${used}`, limit === null ? '' : ` · 限额 ${limit}`].join(''),
    },
    save: {
      button: '保存',
      saved: '已保存，正在获取最新数据。',
      notSaved: '未保存：请修正标出的字段。',
      storeFailed: '未保存：浏览器无法存储设置，请重试。',
    },
    forget: {
      intro: '令牌、设置、缓存的小时数据和提醒记录只保存在此浏览器中。',
      button: '清除令牌和数据',
      warning: '这将从此浏览器中删除令牌、设置、缓存的小时数据和提醒记录。重新设置之前，扩展将停止轮询。',
      confirm: '全部清除',
      cancel: '取消',
      done: '已清除：令牌、设置、缓存的小时数据和提醒记录已从此浏览器中删除。表单已恢复为默认值。',
      failed: '未能全部清除：浏览器拒绝了操作，请重试。',
    },
    permission: {
      granted: '已允许桌面通知。',
      denied: '此浏览器或扩展的桌面通知已被阻止，提醒将不会显示。请在浏览器的网站和通知设置或系统通知设置中允许通知。',
      unknown: '此浏览器无法判断是否允许通知。如果始终收不到提醒，请检查系统中该浏览器的通知设置。',
    },
    rules: {
      hourlyTotal: (gb, share) => ({
        label: '本小时所有监控用户的总流量超过',
        after: [`${gb}（达到 ${f.percent(share)} 时徽标变为琥珀色）`],
      }),
      hourlyUser: (gb) => ({ label: '单个用户本小时流量超过', after: [gb] }),
      spike: (mb) => ({ label: '突增：本小时流量达到', after: ['倍于典型小时（最近 24 个完整小时的中位数），且不少于', mb] }),
      userBalance: { label: '用户剩余流量低于其限额的', after: ['%'] },
      accountBalance: (gb) => ({ label: '账户流量余额低于', after: [gb] }),
      planExpiry: { label: '套餐到期前', after: ['天'] },
      pollingBroken: { label: '轮询中断：令牌被拒绝，或更新连续失败超过', after: ['分钟'] },
    },
    fieldProblem: (problem) => {
      switch (problem.code) {
        case 'token-missing':
          return '请输入 API 令牌（在 Thordata 控制台 → 我的账户中获取）。';
        case 'token-malformed':
          return `令牌由 ${f.number(problem.min)} 到 ${f.number(problem.max)} 个可见字符组成，不含空格，请重新粘贴。`;
        case 'proxy-type-unknown':
          return '请选择住宅代理、不限量代理或移动代理。';
        case 'usernames-missing':
          return '请至少输入一个代理用户名，或在“测试连接”后从列表中勾选。';
        case 'usernames-too-many':
          return `最多监控 ${f.number(problem.max)} 个用户名。`;
        case 'username-invalid':
          return `“${clip(problem.username)}”不是有效的用户名（最多 ${f.number(problem.maxLength)} 个字符，不含空格）。`;
        case 'interval-out-of-range':
          return `请输入 ${f.number(problem.min)} 到 ${f.number(problem.max)} 之间的整数分钟数。`;
        case 'timezone-unknown':
          return '请选择 UTC、UTC+8 等偏移量，或浏览器时区。';
        case 'units-unknown':
          return '请选择二进制或十进制单位。';
        case 'chart-hours-unknown':
          return `请选择 ${f.either(problem.choices)} 小时。`;
        case 'not-a-url':
          return '请输入完整的网址，例如 https://openapi.thordata.com/api。';
        case 'has-query-or-credentials':
          return 'API 基础地址不能包含查询参数、片段或登录凭据。';
        case 'not-thordata':
          return '此版本只连接 https://openapi.thordata.com/…。';
        case 'not-thordata-or-loopback':
          return '请使用 https://openapi.thordata.com/… 或本机回环地址（http://127.0.0.1:端口/…）。';
      }
    },
    alertProblem: ({ code, min, max }) => {
      const range = `${f.number(min)} 到 ${f.number(max)} 之间`;
      switch (code) {
        case 'amount-positive':
          return `请输入大于 ${f.number(min)} 且不超过 ${f.number(max)} 的数值。`;
        case 'amount-range':
          return `请输入 ${range}的数值。`;
        case 'factor-range':
          return `请输入 ${range}的倍数。`;
        case 'percent-range':
          return `请输入 ${range}的百分比。`;
        case 'days-range':
          return `请输入 ${range}的整数天数。`;
        case 'minutes-range':
          return `请输入 ${range}的整数分钟数。`;
      }
    },
  };
}

const CATALOGS: Readonly<Record<Locale, SettingsText>> = { en: english(), 'zh-CN': chinese() };

/** The settings page's words in one of the languages the extension speaks. */
export function settingsText(locale: Locale): SettingsText {
  return CATALOGS[locale];
}
