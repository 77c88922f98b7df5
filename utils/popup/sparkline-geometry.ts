/**
 * The sparkline's geometry, shared by its two renderers: the SVG drawn with the popup's
 * first frame and the Chart.js chart that takes over right after it. Both map the hours
 * through the same bounds, so the takeover does not move the line.
 */
export interface SparkBounds {
  /** The last hour's index: x runs from 0 to here. */
  readonly xMax: number;
  /** The top of the y axis, in KB; the axis starts at 0. */
  readonly yMax: number;
}

/** Room above the peak, so the line's stroke at the top is not cut off by the edge. */
const HEADROOM = 1.1;

export function sparkBounds(values: readonly number[]): SparkBounds {
  const peak = values.reduce((max, value) => (value > max ? value : max), 0);
  return { xMax: Math.max(1, values.length - 1), yMax: peak > 0 ? peak * HEADROOM : 1 };
}

/** The SVG's viewBox height: y is drawn in hundredths of yMax, x in hours. */
export const SPARK_VIEW_HEIGHT = 100;

export interface SparkPaths {
  /** The filled area under the whole line. */
  readonly area: string;
  /** The line through the complete hours. */
  readonly line: string;
  /** The last segment, into the hour still running: drawn dashed so its dip does not read as a drop. */
  readonly running: string;
}

/** SVG path data for a viewBox of `0 0 xMax SPARK_VIEW_HEIGHT`. */
export function sparkPaths(values: readonly number[], bounds: SparkBounds): SparkPaths {
  const points = values.map((value, index) => `${index},${round(SPARK_VIEW_HEIGHT - (value / bounds.yMax) * SPARK_VIEW_HEIGHT)}`);
  if (points.length < 2) return { area: '', line: '', running: '' };
  const last = points.length - 1;
  return {
    area: `M0,${SPARK_VIEW_HEIGHT}L${points.join('L')}L${last},${SPARK_VIEW_HEIGHT}Z`,
    line: last > 1 ? `M${points.slice(0, last).join('L')}` : '',
    running: `M${points[last - 1]}L${points[last]}`,
  };
}

/** Three decimals of a 100-unit box is far below a pixel, and keeps the path short. */
function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
