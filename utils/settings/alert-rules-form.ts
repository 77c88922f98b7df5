import type { AlertRules } from './alert-rules';
import type { Result } from '@/utils/base/result';
import type { TrafficUnits } from '@/utils/format/traffic-format';
import { kb, kbToMb, mbToKb, type Kb } from '@/utils/base/units';
import { readAmountKb, amountText, displayNumber, isPlainNumber, type ExactAmount } from './traffic-amount';

// The settings form's view of the alert rules, apart from the rules themselves so that
// pages which only read the rules (the popup) do not load the form's code.

/** The thresholds that are amounts of traffic, typed in the user's units, and their unit step. */
const TRAFFIC_UNIT = { hourlyTotalGb: 'GB', hourlyUserGb: 'GB', spikeFloorMb: 'MB', accountBalanceGb: 'GB' } as const;
type TrafficField = keyof typeof TRAFFIC_UNIT;
const TRAFFIC_FIELDS = Object.keys(TRAFFIC_UNIT) as TrafficField[];

/** The exact amount behind each traffic threshold whose text the form wrote itself (see traffic-amount.ts). */
export type ExactAmounts = Partial<Record<TrafficField, ExactAmount>>;

/** The form's view of the rules: switches, and numbers as typed in the user's units. */
export interface AlertRulesDraft {
  readonly hourlyTotalOn: boolean;
  readonly hourlyTotalGb: string;
  readonly hourlyUserOn: boolean;
  readonly hourlyUserGb: string;
  readonly spikeOn: boolean;
  readonly spikeFactor: string;
  readonly spikeFloorMb: string;
  readonly userBalanceOn: boolean;
  readonly userBalancePercent: string;
  readonly accountBalanceOn: boolean;
  readonly accountBalanceGb: string;
  readonly planExpiryOn: boolean;
  readonly planExpiryDays: string;
  readonly pollingBrokenOn: boolean;
  readonly pollingBrokenMinutes: string;
  readonly exact: ExactAmounts;
}

/** The draft's controls: everything but the exact amounts kept behind them. */
export type AlertField = Exclude<keyof AlertRulesDraft, 'exact'>;

/**
 * What is wrong with a threshold, as a code and the accepted range (in the units
 * shown). The settings page words it in the reader's language.
 */
export interface AlertProblem {
  readonly code: 'amount-positive' | 'amount-range' | 'factor-range' | 'percent-range' | 'days-range' | 'minutes-range';
  readonly min: number;
  readonly max: number;
}

export type AlertErrors = Partial<Record<AlertField, AlertProblem>>;

/** Writes traffic thresholds as text in `units`, remembering the exact amount behind each. */
function withAmounts(draft: AlertRulesDraft, kbs: Partial<Record<TrafficField, Kb>>, units: TrafficUnits): AlertRulesDraft {
  let next = draft;
  for (const field of TRAFFIC_FIELDS) {
    const amount = kbs[field];
    if (amount === undefined) continue;
    const exact = amountText(amount, TRAFFIC_UNIT[field], units);
    next = { ...next, [field]: exact.text, exact: { ...next.exact, [field]: exact } };
  }
  return next;
}

/** The amount a traffic threshold means, or null when its text is not a number. */
function amountKb(draft: AlertRulesDraft, field: TrafficField, units: TrafficUnits): Kb | null {
  return readAmountKb(draft[field], draft.exact[field], TRAFFIC_UNIT[field], units);
}

export function draftFromRules(rules: AlertRules, units: TrafficUnits): AlertRulesDraft {
  const unitless: AlertRulesDraft = {
    hourlyTotalOn: rules.hourlyTotal.enabled,
    hourlyTotalGb: '',
    hourlyUserOn: rules.hourlyUser.enabled,
    hourlyUserGb: '',
    spikeOn: rules.spike.enabled,
    spikeFactor: displayNumber(rules.spike.factor),
    spikeFloorMb: '',
    userBalanceOn: rules.userBalance.enabled,
    userBalancePercent: displayNumber(rules.userBalance.percent),
    accountBalanceOn: rules.accountBalance.enabled,
    accountBalanceGb: '',
    planExpiryOn: rules.planExpiry.enabled,
    planExpiryDays: displayNumber(rules.planExpiry.days),
    pollingBrokenOn: rules.pollingBroken.enabled,
    pollingBrokenMinutes: displayNumber(rules.pollingBroken.minutes),
    exact: {},
  };
  const kbs = {
    hourlyTotalGb: rules.hourlyTotal.kb,
    hourlyUserGb: rules.hourlyUser.kb,
    spikeFloorMb: rules.spike.floorKb,
    accountBalanceGb: mbToKb(rules.accountBalance.mb),
  };
  return withAmounts(unitless, kbs, units);
}

/**
 * Re-expresses the traffic thresholds in other units, so that each still means
 * the same amount of traffic. Text that is not a number is left as typed.
 */
export function convertDraftUnits(draft: AlertRulesDraft, from: TrafficUnits, to: TrafficUnits): AlertRulesDraft {
  if (from === to) return draft;
  const kbs: Partial<Record<TrafficField, Kb>> = {};
  for (const field of TRAFFIC_FIELDS) {
    const amount = amountKb(draft, field, from);
    if (amount !== null) kbs[field] = amount;
  }
  return withAmounts(draft, kbs, to);
}

interface Bounds {
  readonly min: number;
  readonly max: number;
  /** The minimum itself is refused: an amount must be above it. */
  readonly aboveMin?: boolean;
  readonly integer?: boolean;
}

function readNumber(text: string, { min, max, aboveMin = false, integer = false }: Bounds): number | null {
  if (!isPlainNumber(text)) return null;
  const value = Number(text);
  if (value < min || (aboveMin && value === min) || value > max || (integer && !Number.isInteger(value))) return null;
  return value;
}

/**
 * Validates the rules' thresholds. A switched-off rule keeps its threshold but a
 * bad one is still reported, so that switching it on later cannot save nonsense.
 */
export function validateAlertDraft(draft: AlertRulesDraft, units: TrafficUnits): Result<AlertRules, AlertErrors> {
  const errors: AlertErrors = {};
  const check = (field: AlertField, code: AlertProblem['code'], bounds: Bounds): number => {
    const value = readNumber(String(draft[field]), bounds);
    if (value === null) errors[field] = { code, min: bounds.min, max: bounds.max };
    return value ?? 0;
  };
  /** A traffic threshold is checked as shown, and saved as the exact amount it means. */
  const amount = (field: TrafficField, code: AlertProblem['code'], bounds: Bounds): Kb => {
    check(field, code, bounds);
    return amountKb(draft, field, units) ?? kb(0);
  };
  // A threshold of 0 would fire every hour, so traffic amounts must be above it; the spike floor may be 0.
  const hourlyTotalKb = amount('hourlyTotalGb', 'amount-positive', { min: 0, max: 100_000, aboveMin: true });
  const hourlyUserKb = amount('hourlyUserGb', 'amount-positive', { min: 0, max: 100_000, aboveMin: true });
  const factor = check('spikeFactor', 'factor-range', { min: 1.5, max: 100 });
  const floorKb = amount('spikeFloorMb', 'amount-range', { min: 0, max: 10_000_000 });
  const percent = check('userBalancePercent', 'percent-range', { min: 1, max: 99 });
  const accountKb = amount('accountBalanceGb', 'amount-positive', { min: 0, max: 10_000_000, aboveMin: true });
  const days = check('planExpiryDays', 'days-range', { min: 1, max: 365, integer: true });
  const minutes = check('pollingBrokenMinutes', 'minutes-range', { min: 5, max: 1440, integer: true });
  if (Object.keys(errors).length > 0) return { ok: false, error: errors };
  return {
    ok: true,
    value: {
      hourlyTotal: { enabled: draft.hourlyTotalOn, kb: hourlyTotalKb },
      hourlyUser: { enabled: draft.hourlyUserOn, kb: hourlyUserKb },
      spike: { enabled: draft.spikeOn, factor, floorKb },
      userBalance: { enabled: draft.userBalanceOn, percent },
      accountBalance: { enabled: draft.accountBalanceOn, mb: kbToMb(accountKb) },
      planExpiry: { enabled: draft.planExpiryOn, days },
      pollingBroken: { enabled: draft.pollingBrokenOn, minutes },
    },
  };
}
