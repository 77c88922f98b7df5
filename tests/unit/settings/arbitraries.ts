import fc from 'fast-check';
import { DEFAULT_ALERT_RULES } from '@/utils/settings/alert-rules';
import { PRODUCTION_API_BASE } from '@/utils/api/origin';
import { parseApiTimezone, selectableOffsets, type ApiTimezone } from '@/utils/time/api-timezone';
import {
  ACCOUNT_LABEL_MAX_LENGTH,
  FIRST_ACCOUNT_ID,
  MAX_WATCHED,
  type AccountSettings,
  type BadgeScope,
  type BudgetLimit,
  type Budgets,
  type Prices,
  type Settings,
  type WatchedUser,
} from '@/utils/settings/model';
import { money } from '@/utils/base/money';
import { kb } from '@/utils/base/units';

// Any settings the form could save: shared by the form's round trip and the repair's "leaves
// valid settings unchanged", so both are held to the same idea of valid.

const timezone: fc.Arbitrary<ApiTimezone> = fc.constantFrom(
  { kind: 'browser' } as const,
  ...selectableOffsets().map((text) => parseApiTimezone(text) ?? { kind: 'browser' as const }),
);

const username = fc.string({ unit: fc.constantFrom(...'abcxyzABC0189_-.@'), minLength: 1, maxLength: 64 });
const proxyType = fc.constantFrom(1 as const, 2 as const, 3 as const);
/** Trimmed, as the form saves a label. */
const label = fc.string({ maxLength: ACCOUNT_LABEL_MAX_LENGTH }).map((text) => text.trim());

const accountsArb: fc.Arbitrary<AccountSettings[]> = fc
  .uniqueArray(fc.stringMatching(/^[0-9a-z]{6}$/), { maxLength: 3 })
  .chain((ids) => fc.tuple(...[FIRST_ACCOUNT_ID, ...ids.filter((id) => id !== FIRST_ACCOUNT_ID)].map((id) => label.map((text) => ({ id, label: text })))));

/** A price as the form saves one: any amount of 0 or more, often none. */
const price = fc.option(
  fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e6, noNaN: true }), fc.integer({ min: 1, max: 2000 }).map((cents) => cents / 100)).map(money),
  { nil: null, freq: 3 },
);
const pricesArb: fc.Arbitrary<Prices> = fc.record({
  currency: fc.constantFrom('USD', 'EUR', 'CNY', 'JPY', 'GBP', 'CHF', 'KWD', 'BRL'),
  perGb: fc.record({ 1: price, 2: price, 3: price }),
});
const positive = fc.double({ min: Number.MIN_VALUE, max: 1e15, noNaN: true });
const limitArb: fc.Arbitrary<BudgetLimit> = fc.oneof(
  fc.constant({ kind: 'off' } as const),
  positive.map((amount) => ({ kind: 'traffic', kb: kb(amount) }) as const),
  positive.map((amount) => ({ kind: 'money', amount: money(amount) }) as const),
);
const budgetsArb: fc.Arbitrary<Budgets> = fc.record({
  daily: limitArb,
  cycle: limitArb,
  cycleStartDay: fc.integer({ min: 1, max: 31 }),
  usePercents: fc.uniqueArray(fc.integer({ min: 1, max: 200 }), { maxLength: 6 }).map((percents) => percents.sort((a, b) => a - b)),
  forecastAlert: fc.boolean(),
  rapidUseAlert: fc.boolean(),
});

/** Money needs a price for a watched product: without one the form turns a money budget and the cost badge away. */
function withoutUnpricedMoney(settings: Settings): Settings {
  const priced = settings.watched.some((user: WatchedUser) => settings.prices.perGb[user.proxyType] !== null);
  if (priced) return settings;
  const traffic = (limit: BudgetLimit): BudgetLimit => (limit.kind === 'money' ? { kind: 'off' } : limit);
  return { ...settings, budgets: { ...settings.budgets, daily: traffic(settings.budgets.daily), cycle: traffic(settings.budgets.cycle) }, badgeShows: 'traffic' };
}

export const settingsArb: fc.Arbitrary<Settings> = accountsArb.chain((accounts) => {
  const ids = accounts.map((account) => account.id);
  const watched = fc.uniqueArray(fc.record({ account: fc.constantFrom(...ids), proxyType, username }), {
    minLength: 1,
    maxLength: Math.min(MAX_WATCHED, 40),
    selector: (entry) => `${entry.account}/${entry.proxyType}:${entry.username}`,
  });
  const badgeScope: fc.Arbitrary<BadgeScope> = fc.oneof(
    fc.constant({ kind: 'all' } as const),
    fc.constantFrom(...ids).map((account) => ({ kind: 'account', account }) as const),
    proxyType.map((type) => ({ kind: 'product', proxyType: type }) as const),
  );
  return fc.record({
    accounts: fc.constant(accounts),
    watched,
    badgeScope,
    pollIntervalMinutes: fc.integer({ min: 1, max: 1440 }),
    apiTimezone: timezone,
    apiBaseUrl: fc.constantFrom(PRODUCTION_API_BASE, 'https://openapi.thordata.com', 'http://127.0.0.1:8787/api'),
    units: fc.constantFrom('binary' as const, 'decimal' as const),
    chartHours: fc.constantFrom(12 as const, 24 as const, 48 as const, 72 as const),
    alerts: fc.constant(DEFAULT_ALERT_RULES),
    prices: pricesArb,
    budgets: budgetsArb,
    badgeShows: fc.constantFrom('traffic' as const, 'today-cost' as const),
  }).map(withoutUnpricedMoney);
});
