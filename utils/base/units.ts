/**
 * Traffic figures carry their unit in their type. Thordata's endpoints disagree on units
 * (thordata-api.md, "Units, endpoint by endpoint"): the hourly and daily usage endpoints speak
 * KB, `user-list` and `account/traffic-balance` speak MB. A bare number passed from one to the
 * other is a 1024× error, so an MB figure only becomes KB through `mbToKb`, which the compiler
 * sees. Both units are Thordata's binary ones: 1 KB = 1024 bytes, 1 MB = 1024 KB.
 */
declare const unit: unique symbol;

/** Thordata's KB: 1024 bytes. */
export type Kb = number & { readonly [unit]: 'KB' };

/** Thordata's MB: 1024 KB. */
export type Mb = number & { readonly [unit]: 'MB' };

/** Thordata's units are binary throughout: each is 1024 of the one below (bytes, KB, MB, GB, TB). */
const BINARY_STEP = 1024;

export const BYTES_PER_KB = BINARY_STEP;
export const KB_PER_MB = BINARY_STEP;
export const MB_PER_GB = BINARY_STEP;
export const KB_PER_GB = KB_PER_MB * MB_PER_GB;
export const MB_PER_TB = MB_PER_GB * BINARY_STEP;

/** A number read where the documentation says KB. */
export function kb(value: number): Kb {
  return value as Kb;
}

/** A number read where the documentation says MB. */
export function mb(value: number): Mb {
  return value as Mb;
}

export function mbToKb(value: Mb): Kb {
  return kb(value * KB_PER_MB);
}

export function kbToMb(value: Kb): Mb {
  return mb(value / KB_PER_MB);
}

export const ZERO_KB = kb(0);

export function sumKb(values: Iterable<Kb>): Kb {
  let total = 0;
  for (const value of values) total += value;
  return kb(total);
}
