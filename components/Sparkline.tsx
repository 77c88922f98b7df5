import {
  CategoryScale,
  Chart,
  Filler,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type TooltipItem,
} from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';

// Only the parts a filled line with a tooltip needs: the rest of Chart.js stays out of the bundle.
Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Filler, Tooltip);

export interface SparkPoint {
  /** Axis label, e.g. the local hour `14:00`. */
  readonly label: string;
  /** Tooltip heading, e.g. `14:00–15:00 (API hour 2026-11-25 06)`. */
  readonly title: string;
  readonly value: number;
  /** Tooltip text for the value, e.g. `4.50 GiB`. */
  readonly valueText: string;
}

interface SparklineProps {
  readonly points: readonly SparkPoint[];
  /** The chart's meaning as text, for screen readers. */
  readonly summary: string;
  /** Called once the chart has drawn its first data. */
  readonly onDrawn?: () => void;
}

function themeColor(element: Element, name: string): string {
  return getComputedStyle(element).getPropertyValue(name).trim();
}

function applyTheme(chart: Chart<'line'>, canvas: HTMLCanvasElement): void {
  const dataset = chart.data.datasets[0];
  if (!dataset) return;
  dataset.borderColor = themeColor(canvas, '--chart-line');
  dataset.backgroundColor = themeColor(canvas, '--chart-fill');
}

/** One Chart.js instance for the component's life: updated in place, destroyed on unmount. */
export function Sparkline({ points, summary, onDrawn }: SparklineProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const chartRef = useRef<Chart<'line'> | null>(null);
  const pointsRef = useRef(points);
  pointsRef.current = points;

  useEffect(() => {
    const canvas = canvasRef.current;
    // Without a 2D context (canvas blocked, or a DOM without one) the text summary stands alone.
    if (!canvas?.getContext('2d')) return undefined;
    const chart = new Chart(canvas, {
      type: 'line',
      data: {
        labels: [],
        datasets: [
          {
            data: [],
            fill: 'origin',
            borderWidth: 2,
            tension: 0.3,
            pointRadius: 0,
            pointHoverRadius: 4,
            // The last hour is still running: dash it so its dip does not read as a drop.
            segment: { borderDash: (ctx) => (ctx.p1DataIndex === pointsRef.current.length - 1 ? [4, 3] : undefined) },
          },
        ],
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        interaction: { mode: 'index', intersect: false },
        scales: { x: { display: false }, y: { display: false, beginAtZero: true } },
        plugins: {
          tooltip: {
            displayColors: false,
            callbacks: {
              title: (items: TooltipItem<'line'>[]) => pointsRef.current[items[0]?.dataIndex ?? 0]?.title ?? '',
              label: (item: TooltipItem<'line'>) => pointsRef.current[item.dataIndex]?.valueText ?? '',
            },
          },
        },
      },
    });
    chartRef.current = chart;
    const scheme = matchMedia('(prefers-color-scheme: dark)');
    const onScheme = () => {
      applyTheme(chart, canvas);
      chart.update('none');
    };
    scheme.addEventListener('change', onScheme);
    return () => {
      scheme.removeEventListener('change', onScheme);
      chart.destroy();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    const chart = chartRef.current;
    const canvas = canvasRef.current;
    const dataset = chart?.data.datasets[0];
    if (!chart || !canvas || !dataset) return;
    chart.data.labels = points.map((point) => point.label);
    dataset.data = points.map((point) => point.value);
    applyTheme(chart, canvas);
    chart.update('none');
    onDrawn?.();
  }, [points, onDrawn]);

  return (
    <figure class="sparkline">
      <div class="sparkline-canvas">
        <canvas ref={canvasRef} role="img" aria-label={summary} />
      </div>
      <figcaption class="sr-only">{summary}</figcaption>
    </figure>
  );
}
