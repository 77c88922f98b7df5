import { useEffect, useRef } from 'preact/hooks';
import type { DetailsChart as ChartHandle, DetailsChartData } from './details-chart';

interface DetailsChartProps {
  readonly data: DetailsChartData;
  /** The chart's meaning as text: its canvas's accessible name. */
  readonly summary: string;
  /** A bucket's bars clicked, when `data.pickable` (a day's: its hours). */
  readonly onPick: (index: number) => void;
  /** The canvas once Chart.js draws on it, null when it goes: the PNG export reads it. */
  readonly onCanvas: (canvas: HTMLCanvasElement | null) => void;
}

/**
 * The chart's box, drawn by Chart.js once its chunk is loaded: the page shows its figures (the
 * headline and the table) without waiting for it. Where a canvas cannot draw, the box stays empty
 * and the table holds every figure.
 */
export function DetailsChart({ data, summary, onPick, onCanvas }: DetailsChartProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const chartRef = useRef<ChartHandle | null>(null);
  const dataRef = useRef(data);
  dataRef.current = data;
  const onPickRef = useRef(onPick);
  onPickRef.current = onPick;
  const onCanvasRef = useRef(onCanvas);
  onCanvasRef.current = onCanvas;

  useEffect(() => {
    let gone = false;
    void import('./details-chart').then(({ createDetailsChart }) => {
      const canvas = canvasRef.current;
      if (gone || !canvas?.getContext('2d')) return;
      chartRef.current = createDetailsChart(canvas, dataRef.current, (index) => onPickRef.current(index));
      onCanvasRef.current(canvas);
    });
    return () => {
      gone = true;
      chartRef.current?.destroy();
      chartRef.current = null;
      onCanvasRef.current(null);
    };
  }, []);

  useEffect(() => {
    chartRef.current?.show(data);
  }, [data]);

  return (
    <figure class="details-chart" data-testid="details-chart">
      <div class="chart-box">
        <canvas ref={canvasRef} role="img" aria-label={summary} />
      </div>
      <figcaption class="sr-only">{summary}</figcaption>
    </figure>
  );
}
