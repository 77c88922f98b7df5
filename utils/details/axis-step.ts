import { BYTES_PER_KB } from '@/utils/base/units';
import { unitBase, type TrafficUnits } from '@/utils/format/traffic-format';

/** Steps up to the largest figure the axis aims at, at most. */
const TARGET_STEPS = 6;
const NICE = [1, 2, 2.5, 5, 10];

/**
 * The chart's tick step in KB that is a round number in the unit the axis shows (1, 2, 2.5 or 5
 * × a power of ten of MiB, GiB... or MB, GB... as the units setting says): Chart.js's own steps are
 * round in KB, which reads as "23.8 GiB" on the axis. Null for an axis with nothing above 0.
 */
export function axisStepKb(maxKb: number, units: TrafficUnits): number | null {
  if (!(maxKb > 0) || !Number.isFinite(maxKb)) return null;
  const base = unitBase(units);
  const maxBytes = maxKb * BYTES_PER_KB;
  // The unit the largest figure is written in: bytes, then each power of the base.
  let unitBytes = 1;
  while (maxBytes / unitBytes >= base) unitBytes *= base;
  const rough = maxBytes / unitBytes / TARGET_STEPS;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const nice = NICE.find((step) => step * magnitude >= rough) ?? 10;
  return (nice * magnitude * unitBytes) / BYTES_PER_KB;
}
