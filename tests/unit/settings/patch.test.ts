import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ALERT_RULES, type AlertRules } from '@/utils/settings/alert-rules';
import { PRODUCTION_API_BASE } from '@/utils/api/origin';
import { parseApiTimezone, selectableOffsets, type ApiTimezone } from '@/utils/time/api-timezone';
import { DEFAULT_SETTINGS, FIRST_ACCOUNT_ID, type BadgeScope, type BudgetLimit, type Budgets, type Prices, type Settings } from '@/utils/settings/model';
import { applySettingsPatch, settingsPatch, writeSettingsPatch, type LockScope, type SettingsStore } from '@/utils/settings/patch';
import { kb, mb } from '@/utils/base/units';
import { money } from '@/utils/base/money';

const NESTED = ['alerts', 'prices', 'budgets'];
const FIELDS = Object.keys(DEFAULT_SETTINGS).filter((key) => !NESTED.includes(key));
const RULES = Object.keys(DEFAULT_ALERT_RULES) as (keyof AlertRules)[];
/**
 * What a patch is made of: a field, or a field inside one that holds several: one alert rule
 * (`alerts.spike`), the currency or one product's price (`prices.perGb.3`), one budget field.
 */
const PARTS = [
  ...FIELDS,
  ...RULES.map((rule) => `alerts.${rule}`),
  'prices.currency',
  ...['1', '2', '3'].map((type) => `prices.perGb.${type}`),
  ...Object.keys(DEFAULT_SETTINGS.budgets).map((field) => `budgets.${field}`),
];

function partAt(settings: Settings, part: string): unknown {
  return part.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown>)[key], settings);
}

/** `base`, with the parts named in `fromOther` taken from `other`. */
function mix(base: Settings, other: Settings, fromOther: ReadonlySet<string>): Settings {
  const result = JSON.parse(JSON.stringify(base)) as Record<string, unknown>;
  for (const part of fromOther) {
    const keys = part.split('.');
    const last = keys.pop() as string;
    const holder = keys.reduce((value, key) => value[key] as Record<string, unknown>, result);
    holder[last] = partAt(other, part);
  }
  return result as unknown as Settings;
}

/** The parts in which `a` and `b` differ. */
function changedParts(a: Settings, b: Settings): Set<string> {
  return new Set(PARTS.filter((part) => !isDeepStrictEqual(partAt(a, part), partAt(b, part))));
}

/** The parts a patch names. */
function partsOf(patch: object, within = ''): Set<string> {
  const parts = Object.entries(patch).flatMap(([key, value]: [string, object]) => {
    const part = within === '' ? key : `${within}.${key}`;
    return PARTS.includes(part) ? [part] : [...partsOf(value, part)];
  });
  return new Set(parts);
}

/** As storage gives it back: equal, but never the same objects. */
const stored = (settings: Settings): unknown => JSON.parse(JSON.stringify(settings));

// Few values per field, so that two generated settings often agree in some of them; made plain
// objects, as storage holds them (fast-check may build records without a prototype).
const timezone: fc.Arbitrary<ApiTimezone> = fc.constantFrom(
  { kind: 'browser' } as const,
  ...selectableOffsets().map((text) => parseApiTimezone(text) ?? { kind: 'browser' as const }),
);
const small = fc.constantFrom(0, 1, 3, 10, 2.5);
const alertsArb: fc.Arbitrary<AlertRules> = fc.record({
  hourlyTotal: fc.record({ enabled: fc.boolean(), kb: small.map(kb) }),
  hourlyUser: fc.record({ enabled: fc.boolean(), kb: small.map(kb) }),
  spike: fc.record({ enabled: fc.boolean(), factor: small, floorKb: small.map(kb) }),
  userBalance: fc.record({ enabled: fc.boolean(), percent: small }),
  accountBalance: fc.record({ enabled: fc.boolean(), mb: small.map(mb) }),
  planExpiry: fc.record({ enabled: fc.boolean(), days: small }),
  pollingBroken: fc.record({ enabled: fc.boolean(), minutes: small }),
});
const price = fc.constantFrom(null, money(0), money(0.8), money(3));
const pricesArb: fc.Arbitrary<Prices> = fc.record({
  currency: fc.constantFrom('USD', 'EUR'),
  perGb: fc.record({ 1: price, 2: price, 3: price }),
});
const limitArb: fc.Arbitrary<BudgetLimit> = fc.constantFrom<BudgetLimit>(
  { kind: 'off' },
  { kind: 'traffic', kb: kb(1024) },
  { kind: 'traffic', kb: kb(5 * 1024 * 1024) },
  { kind: 'money', amount: money(20) },
);
const budgetsArb: fc.Arbitrary<Budgets> = fc.record({
  daily: limitArb,
  cycle: limitArb,
  cycleStartDay: fc.constantFrom(1, 15, 31),
  usePercents: fc.constantFrom([], [50, 80, 100], [100]),
  forecastAlert: fc.boolean(),
  rapidUseAlert: fc.boolean(),
});
// Watched users and badge scopes of the first account only, which every choice of accounts has,
// so that any mix of two settings is settings the repair leaves as they are.
const watchedArb = fc.uniqueArray(
  fc.record({ account: fc.constant(FIRST_ACCOUNT_ID), proxyType: fc.constantFrom(1 as const, 3 as const), username: fc.constantFrom('alice', 'bob', 'carol') }),
  { maxLength: 4, selector: (entry) => `${entry.proxyType}:${entry.username}` },
);
const badgeScopeArb: fc.Arbitrary<BadgeScope> = fc.constantFrom(
  { kind: 'all' },
  { kind: 'account', account: FIRST_ACCOUNT_ID },
  { kind: 'product', proxyType: 2 },
);
const settingsArb: fc.Arbitrary<Settings> = fc.record({
  accounts: fc.constantFrom(
    [{ id: FIRST_ACCOUNT_ID, label: '' }],
    [
      { id: FIRST_ACCOUNT_ID, label: 'Team A' },
      { id: 'b2c3d4', label: '' },
    ],
  ),
  watched: watchedArb,
  badgeScope: badgeScopeArb,
  pollIntervalMinutes: fc.constantFrom(1, 10, 1440),
  apiTimezone: timezone,
  apiBaseUrl: fc.constantFrom(PRODUCTION_API_BASE, 'http://127.0.0.1:8787/api'),
  units: fc.constantFrom('binary' as const, 'decimal' as const),
  chartHours: fc.constantFrom(12 as const, 24 as const, 48 as const, 72 as const),
  alerts: alertsArb,
  prices: pricesArb,
  budgets: budgetsArb,
  badgeShows: fc.constantFrom('traffic' as const, 'today-cost' as const),
}).map((settings) => stored(settings) as Settings);
const partsArb = fc.subarray(PARTS).map((parts) => new Set(parts));

describe('settingsPatch', () => {
  it('is empty between equal settings, even when they are not the same objects', () => {
    expect(settingsPatch(DEFAULT_SETTINGS, stored(DEFAULT_SETTINGS) as Settings)).toEqual({});
  });

  it('names the changed fields only, comparing lists and timezones by what they hold', () => {
    const alice = { account: FIRST_ACCOUNT_ID, proxyType: 1, username: 'alice' } as const;
    const bob = { account: FIRST_ACCOUNT_ID, proxyType: 3, username: 'bob' } as const;
    const from: Settings = { ...DEFAULT_SETTINGS, watched: [alice, bob], apiTimezone: { kind: 'offset', minutes: 480 } };
    const to: Settings = { ...from, watched: [{ ...alice }, { ...bob }], apiTimezone: { kind: 'offset', minutes: 480 }, chartHours: 72 };
    expect(settingsPatch(from, to)).toEqual({ chartHours: 72 });
    expect(settingsPatch(from, { ...from, watched: [bob, alice] })).toEqual({ watched: [bob, alice] });
    expect(settingsPatch(from, { ...from, apiTimezone: { kind: 'browser' } })).toEqual({ apiTimezone: { kind: 'browser' } });
  });

  it('names only the alert rules that changed', () => {
    const spike = { ...DEFAULT_ALERT_RULES.spike, factor: 5 };
    const to: Settings = { ...DEFAULT_SETTINGS, alerts: { ...DEFAULT_ALERT_RULES, spike } };
    expect(settingsPatch(DEFAULT_SETTINGS, to)).toEqual({ alerts: { spike } });
  });

  it('names only the prices and budget fields that changed', () => {
    const prices: Prices = { currency: 'USD', perGb: { 1: money(0.8), 2: null, 3: money(3) } };
    const from: Settings = { ...DEFAULT_SETTINGS, prices };
    const to: Settings = {
      ...from,
      prices: { ...prices, perGb: { ...prices.perGb, 2: money(1.5) } },
      budgets: { ...DEFAULT_SETTINGS.budgets, cycle: { kind: 'money', amount: money(300) } },
    };
    expect(settingsPatch(from, to)).toEqual({ prices: { perGb: { 2: 1.5 } }, budgets: { cycle: { kind: 'money', amount: 300 } } });
    expect(settingsPatch(from, { ...from, prices: { ...prices, currency: 'EUR' } })).toEqual({ prices: { currency: 'EUR' } });
  });

  it('names exactly the parts that differ', () => {
    fc.assert(
      fc.property(settingsArb, settingsArb, partsArb, (a, other, parts) => {
        const b = stored(mix(a, other, parts)) as Settings;
        expect(partsOf(settingsPatch(a, b))).toEqual(changedParts(a, b));
      }),
    );
  });
});

describe('applySettingsPatch', () => {
  it('turns a into b with the difference of a and b', () => {
    fc.assert(
      fc.property(settingsArb, settingsArb, partsArb, (a, other, parts) => {
        const b = mix(a, other, parts);
        expect(applySettingsPatch(stored(a), settingsPatch(a, b), true)).toEqual(b);
      }),
    );
  });

  it('keeps what another page changed in the parts this one did not', () => {
    fc.assert(
      fc.property(settingsArb, settingsArb, settingsArb, partsArb, partsArb, (a, other, elsewhere, parts, theirs) => {
        const b = mix(a, other, parts);
        const changed = changedParts(a, b);
        // c: what is stored by the time b is saved; another page changed parts b did not.
        const c = mix(a, elsewhere, new Set([...theirs].filter((part) => !changed.has(part))));
        expect(applySettingsPatch(stored(c), settingsPatch(a, b), true)).toEqual(mix(c, b, changed));
      }),
    );
  });

  it('writes one product’s price and one budget field over what another page stored in the others', () => {
    const theirs = {
      ...DEFAULT_SETTINGS,
      prices: { currency: 'EUR', perGb: { 1: 0.8, 2: null, 3: null } },
      budgets: { ...DEFAULT_SETTINGS.budgets, cycleStartDay: 15 },
    };
    const written = applySettingsPatch(theirs, { prices: { perGb: { 3: money(2) } }, budgets: { daily: { kind: 'traffic', kb: kb(1024) } } }, false);
    expect(written.prices).toEqual({ currency: 'EUR', perGb: { 1: 0.8, 2: null, 3: 2 } });
    expect(written.budgets).toEqual({ ...DEFAULT_SETTINGS.budgets, cycleStartDay: 15, daily: { kind: 'traffic', kb: 1024 } });
  });

  it('repairs what is stored before writing over it', () => {
    const alice = { account: FIRST_ACCOUNT_ID, proxyType: 1, username: 'alice' } as const;
    const raw = { ...DEFAULT_SETTINGS, watched: [alice, { ...alice, username: 42 }], pollIntervalMinutes: -5, alerts: { spike: 'loud' } };
    expect(applySettingsPatch(raw, { chartHours: 72 }, false)).toEqual({ ...DEFAULT_SETTINGS, watched: [alice], chartHours: 72 });
    expect(applySettingsPatch(undefined, { chartHours: 48 }, false)).toEqual({ ...DEFAULT_SETTINGS, chartHours: 48 });
  });

  it('keeps a loopback base URL only where loopback is allowed', () => {
    const raw = { ...DEFAULT_SETTINGS, apiBaseUrl: 'http://127.0.0.1:8787/api' };
    expect(applySettingsPatch(raw, {}, true).apiBaseUrl).toBe('http://127.0.0.1:8787/api');
    expect(applySettingsPatch(raw, {}, false).apiBaseUrl).toBe(PRODUCTION_API_BASE);
  });
});

/** A store whose reads and writes each take a turn of the event loop, as storage's do. */
function slowStore(initial: unknown): SettingsStore & { readonly value: () => unknown } {
  let value = initial;
  const later = () => new Promise((resolve) => setTimeout(resolve, 0));
  return {
    value: () => value,
    read: async () => {
      await later();
      return value;
    },
    write: async (settings) => {
      await later();
      value = stored(settings);
    },
  };
}

/** Web Locks as far as used here: one holder at a time, in the order asked. */
function fakeLocks(): Required<LockScope> & { readonly names: string[] } {
  let tail: Promise<unknown> = Promise.resolve();
  const names: string[] = [];
  return {
    names,
    locks: {
      request: <T>(name: string, work: () => Promise<T>) => {
        names.push(name);
        const turn = tail.then(work);
        tail = turn.catch(() => undefined);
        return turn;
      },
    },
  };
}

describe('writeSettingsPatch', () => {
  it('writes the patch over what is stored now and says what it wrote', async () => {
    const watched = [{ account: FIRST_ACCOUNT_ID, proxyType: 2, username: 'alice' }] as const;
    const store = slowStore({ ...DEFAULT_SETTINGS, watched });
    const written = await writeSettingsPatch(store, { chartHours: 72 }, false, {});
    expect(written).toEqual({ ...DEFAULT_SETTINGS, watched, chartHours: 72 });
    expect(store.value()).toEqual(written);
  });

  it('lets two pages’ writes take turns under the settings lock, so neither is lost', async () => {
    const store = slowStore(DEFAULT_SETTINGS);
    const scope = fakeLocks();
    await Promise.all([
      writeSettingsPatch(store, { chartHours: 72 }, false, scope),
      writeSettingsPatch(store, { pollIntervalMinutes: 30 }, false, scope),
    ]);
    expect(store.value()).toEqual({ ...DEFAULT_SETTINGS, chartHours: 72, pollIntervalMinutes: 30 });
    expect(scope.names).toEqual(['thordata-settings', 'thordata-settings']);
  });
});
