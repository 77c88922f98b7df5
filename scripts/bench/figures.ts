/** One measured figure, with its budget when it has one. */
export interface Figure {
  readonly name: string;
  /** null when this run leaves the figure to another (`measuredBy`). */
  readonly value: number | null;
  readonly unit: string;
  readonly budget?: number;
  /** `max`: value ≤ budget; `equal`: value = budget. */
  readonly rule?: 'max' | 'equal';
  /** A timing: under CI=true its budget is reported only, as timings on a shared machine are not stable enough to gate on. */
  readonly timing?: boolean;
  /** What measures the figure when this run does not (its value null): reported, never gated on. */
  readonly measuredBy?: string;
}

export const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
