import type { ApiError } from '@/utils/api/errors';
import type { Locale } from '@/utils/i18n/locale';

/** Every visible string of the popup and its status banners, per language. */
export interface PopupText {
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
  /** A few words on a user's row: why it has no fresh figure. */
  readonly userFailed: (error: ApiError) => string;
  /** A user's problem after its name or figures, separator included: ` (answer unusable)`. */
  readonly userProblem: (problem: string) => string;
  /** A sentence about one user: `bob: …`. */
  readonly aboutUser: (username: string, sentence: string) => string;
  readonly limitLeft: (balance: string, limit: string) => string;
  readonly noLimit: string;
  readonly account: string;
  readonly accountBalance: string;
  readonly planExpires: (date: string, days: number) => string;
  readonly forecast: (days: number, date: string) => string;
  /** Where a secondary endpoint's figures would be: why they are missing or old. */
  readonly balanceNotRead: (problem: string) => string;
  readonly limitsNotRead: (problem: string) => string;
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
  readonly usersFailing: (count: number, names: string) => string;
  readonly backgroundError: (detail: string) => string;
  readonly backgroundErrorRemedy: string;
}

const en: PopupText = {
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
  userFailed: (error) =>
    error.kind === 'unknown-user' ? 'unknown to Thordata' : error.kind === 'malformed' ? 'answer unusable' : `request refused (code ${'code' in error ? error.code : '?'})`,
  limitLeft: (balance, limit) => `${balance} of ${limit} left`,
  noLimit: 'no limit',
  account: 'Account',
  accountBalance: 'Traffic balance',
  planExpires: (date, days) => `Plan expires ${date} (${days === 0 ? 'today' : `in ${days} day${days === 1 ? '' : 's'}`})`,
  forecast: (days, date) => `At the last 24 h rate the balance lasts about ${days} day${days === 1 ? '' : 's'} (until ${date}).`,
  userProblem: (problem) => ` (${problem})`,
  aboutUser: (username, sentence) => `${username}: ${sentence}`,
  balanceNotRead: (problem) => `Balance not updated: ${problem}`,
  limitsNotRead: (problem) => `User limits not updated: ${problem}`,
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
  usersFailing: (count, names) => `${count} users could not be updated: ${names}. The others' figures are current.`,
  backgroundError: (detail) => `A background task failed: ${detail}.`,
  backgroundErrorRemedy: 'The extension goes on polling; if this stays, reload the extension.',
};

/**
 * Other languages register themselves (locale-zh.ts), so that a page can load the
 * Chinese words only when the browser speaks Chinese: English pages do not carry them.
 */
const registered: Partial<Record<Locale, PopupText>> = {};

export function registerPopupText(locale: Locale, text: PopupText): void {
  registered[locale] = text;
}

export function popupText(locale: Locale): PopupText {
  return registered[locale] ?? en;
}
