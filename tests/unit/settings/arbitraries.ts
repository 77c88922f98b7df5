import fc from 'fast-check';
import { DEFAULT_ALERT_RULES } from '@/utils/settings/alert-rules';
import { PRODUCTION_API_BASE } from '@/utils/api/origin';
import { parseApiTimezone, selectableOffsets, type ApiTimezone } from '@/utils/time/api-timezone';
import { ACCOUNT_LABEL_MAX_LENGTH, DEFAULT_SETTINGS, FIRST_ACCOUNT_ID, MAX_WATCHED, type AccountSettings, type BadgeScope, type Settings } from '@/utils/settings/model';

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
    prices: fc.constant(DEFAULT_SETTINGS.prices),
    budgets: fc.constant(DEFAULT_SETTINGS.budgets),
    badgeShows: fc.constant(DEFAULT_SETTINGS.badgeShows),
  });
});
