import fc from 'fast-check';
import { DEFAULT_ALERT_RULES } from '@/utils/settings/alert-rules';
import { PRODUCTION_API_BASE } from '@/utils/api/origin';
import { parseApiTimezone, selectableOffsets, type ApiTimezone } from '@/utils/time/api-timezone';
import { MAX_USERNAMES, type Settings } from '@/utils/settings/model';

// Any settings the form could save: shared by the form's round trip and the repair's "leaves
// valid settings unchanged", so both are held to the same idea of valid.

const timezone: fc.Arbitrary<ApiTimezone> = fc.constantFrom(
  { kind: 'browser' } as const,
  ...selectableOffsets().map((text) => parseApiTimezone(text) ?? { kind: 'browser' as const }),
);

const username = fc.string({ unit: fc.constantFrom(...'abcxyzABC0189_-.@'), minLength: 1, maxLength: 64 });

export const settingsArb: fc.Arbitrary<Settings> = fc.record({
  proxyType: fc.constantFrom(1 as const, 2 as const, 3 as const),
  usernames: fc.uniqueArray(username, { minLength: 1, maxLength: MAX_USERNAMES }),
  pollIntervalMinutes: fc.integer({ min: 1, max: 1440 }),
  apiTimezone: timezone,
  apiBaseUrl: fc.constantFrom(PRODUCTION_API_BASE, 'https://openapi.thordata.com', 'http://127.0.0.1:8787/api'),
  units: fc.constantFrom('binary' as const, 'decimal' as const),
  chartHours: fc.constantFrom(12 as const, 24 as const, 48 as const, 72 as const),
  alerts: fc.constant(DEFAULT_ALERT_RULES),
});
