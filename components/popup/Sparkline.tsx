import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { SPARK_VIEW_HEIGHT, sparkBounds, sparkPaths } from '@/utils/popup/sparkline-geometry';
import type { SparklineChart } from './sparkline-chart';

/** The hover tip of one hour, drawn by Chart.js's Tooltip. */
export interface SparkTip {
  /** e.g. `2:00 PM–3:00 PM (API 2026-11-25 06)`. */
  readonly title: string;
  /** e.g. `4.50 GiB (4,718,592 KB)`. */
  readonly valueText: string;
}

interface SparklineProps {
  /** KB per hour, oldest first; the last hour is still running. */
  readonly values: readonly number[];
  /** The tip for the hour at `index`, asked for only when it is hovered. */
  readonly describe: (index: number) => SparkTip | null;
  /** The chart's meaning as text, for screen readers. */
  readonly summary: string;
  /** Called once the chart shows its points: with the first frame, and after each change. */
  readonly onDrawn?: () => void;
  /** Called once Chart.js has taken over and answers the pointer. */
  readonly onInteractive?: () => void;
}

/** Runs `task` once the browser has painted the current frame. */
function afterPaint(task: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(task, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

/**
 * The popup's chart, in two steps. The first frame draws the line as an SVG path: a few
 * microseconds, no layout read, so the figures and the chart appear together. Right after
 * that frame is painted, Chart.js (its own chunk, ~48 KB gzip and several milliseconds of
 * set-up) takes over the same box with the same bounds and adds the hover, and the SVG
 * goes. Where a canvas cannot draw (a blocked canvas, a DOM without one), the SVG stays.
 */
export function Sparkline({ values, describe, summary, onDrawn, onInteractive }: SparklineProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const chartRef = useRef<SparklineChart | null>(null);
  const valuesRef = useRef(values);
  valuesRef.current = values;
  const describeRef = useRef(describe);
  describeRef.current = describe;
  const onInteractiveRef = useRef(onInteractive);
  onInteractiveRef.current = onInteractive;
  const [interactive, setInteractive] = useState(false);

  useEffect(() => {
    let gone = false;
    const cancel = afterPaint(() => {
      void import('./sparkline-chart').then(({ createSparklineChart }) => {
        const canvas = canvasRef.current;
        if (gone || !canvas?.getContext('2d')) return;
        chartRef.current = createSparklineChart(canvas, valuesRef.current, (index) => describeRef.current(index));
        setInteractive(true);
        onInteractiveRef.current?.();
      });
    });
    return () => {
      gone = true;
      cancel();
      chartRef.current?.destroy();
      chartRef.current = null;
    };
  }, []);

  useLayoutEffect(() => {
    chartRef.current?.show(valuesRef.current);
    onDrawn?.();
  }, [values, onDrawn]);

  // Once Chart.js draws, the SVG's geometry is no longer needed.
  const bounds = interactive ? null : sparkBounds(values);
  const paths = bounds && sparkPaths(values, bounds);
  return (
    <figure class="sparkline">
      <div class="sparkline-canvas">
        <canvas ref={canvasRef} role="img" aria-label={summary} />
        {bounds && paths && (
          <svg class="spark-svg" viewBox={`0 0 ${bounds.xMax} ${SPARK_VIEW_HEIGHT}`} preserveAspectRatio="none" aria-hidden="true" focusable="false">
            <path class="spark-area" d={paths.area} />
            <path class="spark-line" d={paths.line} />
            <path class="spark-line spark-running" d={paths.running} />
          </svg>
        )}
      </div>
      <figcaption class="sr-only">{summary}</figcaption>
    </figure>
  );
}
