import { parseApiTimezone } from '@/utils/time/api-timezone';
import { checkApiBaseUrl, type BaseUrlProblem } from '@/utils/api/origin';
import type { Result } from '@/utils/base/result';
import { CHART_HOURS_CHOICES, MAX_USERNAMES, POLL_INTERVAL_RANGE, TOKEN_LENGTH, USERNAME_MAX_LENGTH, type Settings } from './model';
import { splitUsernames, type DraftField, type SettingsDraft } from './draft';
import { isUsername, parseChartHours, parsePollInterval, parseProxyType, parseUnits } from './fields';

/**
 * What is wrong with one field, as a code with the facts a message needs. The page
 * words it in the reader's language (utils/settings/settings-text.ts); validation stays pure.
 */
export type FieldProblem =
  | { readonly code: 'token-missing' }
  | { readonly code: 'token-malformed'; readonly min: number; readonly max: number }
  | { readonly code: 'proxy-type-unknown' }
  | { readonly code: 'usernames-missing' }
  | { readonly code: 'usernames-too-many'; readonly max: number }
  | { readonly code: 'username-invalid'; readonly username: string; readonly maxLength: number }
  | { readonly code: 'interval-out-of-range'; readonly min: number; readonly max: number }
  | { readonly code: 'timezone-unknown' }
  | { readonly code: 'units-unknown' }
  | { readonly code: 'chart-hours-unknown'; readonly choices: readonly number[] }
  | { readonly code: BaseUrlProblem };

export type FieldErrors = Partial<Record<DraftField, FieldProblem>>;

const TOKEN_PATTERN = new RegExp(`^[\\x21-\\x7e]{${TOKEN_LENGTH.min},${TOKEN_LENGTH.max}}$`);

function checkToken(text: string): Result<string, FieldProblem> {
  const token = text.trim();
  if (token === '') return { ok: false, error: { code: 'token-missing' } };
  if (!TOKEN_PATTERN.test(token)) return { ok: false, error: { code: 'token-malformed', ...TOKEN_LENGTH } };
  return { ok: true, value: token };
}

function checkUsernames(text: string): Result<string[], FieldProblem> {
  const names = splitUsernames(text);
  if (names.length === 0) return { ok: false, error: { code: 'usernames-missing' } };
  if (names.length > MAX_USERNAMES) return { ok: false, error: { code: 'usernames-too-many', max: MAX_USERNAMES } };
  const bad = names.find((name) => !isUsername(name));
  if (bad !== undefined) return { ok: false, error: { code: 'username-invalid', username: bad, maxLength: USERNAME_MAX_LENGTH } };
  return { ok: true, value: names };
}

/** A field's value, or its problem: one check per field, so each can be shown on its own. */
function fieldChecks(draft: SettingsDraft, allowLoopback: boolean) {
  const orProblem = <T>(value: T | null, problem: FieldProblem): Result<T, FieldProblem> =>
    value === null ? { ok: false, error: problem } : { ok: true, value };
  const baseUrl = checkApiBaseUrl(draft.apiBaseUrl, allowLoopback);
  return {
    token: checkToken(draft.token),
    proxyType: orProblem(parseProxyType(draft.proxyType), { code: 'proxy-type-unknown' }),
    usernames: checkUsernames(draft.usernames),
    pollIntervalMinutes: orProblem(parsePollInterval(draft.pollIntervalMinutes), { code: 'interval-out-of-range', ...POLL_INTERVAL_RANGE }),
    apiTimezone: orProblem(parseApiTimezone(draft.apiTimezone), { code: 'timezone-unknown' }),
    apiBaseUrl: baseUrl.ok ? { ok: true, value: baseUrl.baseUrl } : { ok: false, error: { code: baseUrl.reason } },
    units: orProblem(parseUnits(draft.units), { code: 'units-unknown' }),
    chartHours: orProblem(parseChartHours(draft.chartHours), { code: 'chart-hours-unknown', choices: CHART_HOURS_CHOICES }),
  } satisfies Record<DraftField, Result<unknown, FieldProblem>>;
}

/**
 * Validates the whole form. Either every field is good and the result can be
 * saved (over `current`, which supplies what the draft does not hold), or each
 * bad field gets its own problem and nothing is saved.
 */
export function validateDraft(
  draft: SettingsDraft,
  allowLoopback: boolean,
  current: Settings,
): Result<{ settings: Settings; token: string }, FieldErrors> {
  const c = fieldChecks(draft, allowLoopback);
  if (
    c.token.ok &&
    c.proxyType.ok &&
    c.usernames.ok &&
    c.pollIntervalMinutes.ok &&
    c.apiTimezone.ok &&
    c.apiBaseUrl.ok &&
    c.units.ok &&
    c.chartHours.ok
  ) {
    return {
      ok: true,
      value: {
        token: c.token.value,
        settings: {
          ...current,
          proxyType: c.proxyType.value,
          usernames: c.usernames.value,
          pollIntervalMinutes: c.pollIntervalMinutes.value,
          apiTimezone: c.apiTimezone.value,
          apiBaseUrl: c.apiBaseUrl.value,
          units: c.units.value,
          chartHours: c.chartHours.value,
        },
      },
    };
  }
  const errors: FieldErrors = {};
  for (const [field, check] of Object.entries(c) as [DraftField, Result<unknown, FieldProblem>][]) {
    if (!check.ok) errors[field] = check.error;
  }
  return { ok: false, error: errors };
}
