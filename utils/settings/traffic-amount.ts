import { unitBase, type TrafficUnits } from '@/utils/format/traffic-format';
import { BYTES_PER_KB, kb, type Kb } from '@/utils/base/units';

// How the settings form writes and reads an amount of traffic: in the user's units (a GB is a
// GiB when they read binary), rounded for display, with the exact amount kept behind the text.
// The alert thresholds and the traffic budgets follow the same rules.

/** The unit step an amount is typed in. */
export type AmountStep = 'GB' | 'MB';

/**
 * The exact amount behind a text the form wrote itself, from what is stored or on a change of
 * units. The text is rounded; while it is unchanged, the exact amount is what it means, so
 * switching units back and forth, or saving untouched, never shifts an amount.
 */
export interface ExactAmount {
  readonly text: string;
  readonly kb: Kb;
}

/** KB in one user-facing unit step: a GB (GiB when binary) or an MB (MiB). */
function kbPer(step: AmountStep, units: TrafficUnits): number {
  const base = unitBase(units);
  const bytes = step === 'GB' ? base ** 3 : base ** 2;
  return bytes / BYTES_PER_KB;
}

/** Three decimals (5 GiB reads 5.369 GB), or four significant digits below 1, so a small amount never reads 0. */
export function displayNumber(value: number): string {
  return String(Number(value >= 1 || value === 0 ? value.toFixed(3) : value.toPrecision(4)));
}

const NUMBER = /^\s*\d+(\.\d+)?\s*$/;

/** Whether the text is a plain number as the amounts are typed: digits, perhaps a point and more. */
export function isPlainNumber(text: string): boolean {
  return NUMBER.test(text);
}

/** An amount written for the form in `units`, with the exact amount behind the text. */
export function amountText(amount: Kb, step: AmountStep, units: TrafficUnits): ExactAmount {
  return { text: displayNumber(amount / kbPer(step, units)), kb: amount };
}

/** The amount a text means in `units`: the exact one behind it while unchanged, else as typed; null when not a number. */
export function readAmountKb(text: string, exact: ExactAmount | undefined, step: AmountStep, units: TrafficUnits): Kb | null {
  if (exact && exact.text === text) return exact.kb;
  return isPlainNumber(text) ? kb(Number(text) * kbPer(step, units)) : null;
}

/** Of the exact amounts known, the one behind each field's text as it now reads: the first whose text matches. */
export function exactBehind<F extends string>(
  texts: Readonly<Record<F, string>>,
  candidates: readonly Partial<Record<F, ExactAmount>>[],
): Partial<Record<F, ExactAmount>> {
  const exact: Partial<Record<F, ExactAmount>> = {};
  for (const candidate of candidates) {
    for (const field of Object.keys(candidate) as F[]) {
      const amount = candidate[field];
      if (!exact[field] && amount?.text === texts[field]) exact[field] = amount;
    }
  }
  return exact;
}
