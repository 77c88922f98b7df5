/** One measured figure, with its budget when it has one. */
export interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly budget?: number;
  /** `max`: value ≤ budget; `equal`: value = budget. */
  readonly rule?: 'max' | 'equal';
  /** A timing: under CI=true its budget is reported only, as timings on a shared machine are not stable enough to gate on. */
  readonly timing?: boolean;
}

export const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
