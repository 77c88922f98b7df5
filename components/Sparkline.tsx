import { Chart, LinearScale, LineController, LineElement, PointElement, type ActiveElement, type Plugin } from 'chart.js';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';

/**
 * Fills the area under the (straight-segment) line: a few lines instead of Chart.js's
 * Filler plugin, as the hover tip below replaces its Tooltip plugin and a linear x
 * scale its CategoryScale. Together they keep the popup's JavaScript within budget.
 */
const areaFill: Plugin<'line'> = {
  id: 'areaFill',
  beforeDatasetsDraw(chart) {
    const meta = chart.getDatasetMeta(0);
    const first = meta.data[0];
    const last = meta.data[meta.data.length - 1];
    const color = chart.data.datasets[0]?.backgroundColor;
    if (!first || !last || typeof color !== 'string') return;
    const { ctx, chartArea } = chart;
    ctx.save();
    ctx.beginPath();
    ctx.moveTo(first.x, chartArea.bottom);
    for (const point of meta.data) ctx.lineTo(point.x, point.y);
    ctx.lineTo(last.x, chartArea.bottom);
    ctx.closePath();
    ctx.fillStyle = color;
    ctx.fill();
    ctx.restore();
  },
};

Chart.register(LineController, LineElement, PointElement, LinearScale);

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

/** About half the tip's width, to keep it inside the canvas. */
const TIP_HALF_WIDTH = 120;

interface Hover {
  readonly index: number;
  /** Where the hovered point sits, in canvas pixels from the left. */
  readonly x: number;
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

function chartData(points: readonly SparkPoint[]): { x: number; y: number }[] {
  return points.map((point, index) => ({ x: index, y: point.value }));
}

/** Exact bounds: a linear scale would round its end up to a "nice" number and leave a gap. */
function xBounds(points: readonly SparkPoint[]): { min: number; max: number } {
  return { min: 0, max: Math.max(1, points.length - 1) };
}

/**
 * One Chart.js instance for the component's life: updated in place, destroyed on
 * unmount. Layout effects, so the chart is drawn before the popup's first paint
 * rather than a frame later; it is created with its first points and colours, so
 * the popup's first chart costs one Chart.js update, not two.
 */
export function Sparkline({ points, summary, onDrawn }: SparklineProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const chartRef = useRef<Chart<'line'> | null>(null);
  const pointsRef = useRef(points);
  pointsRef.current = points;
  /** The points the chart shows now: set at creation, so the first update is not repeated. */
  const drawnRef = useRef<readonly SparkPoint[] | null>(null);
  const [hover, setHover] = useState<Hover | null>(null);

  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    // Without a 2D context (canvas blocked, or a DOM without one) the text summary stands alone.
    if (!canvas?.getContext('2d')) return undefined;
    const chart = new Chart(canvas, {
      type: 'line',
      plugins: [areaFill],
      data: {
        datasets: [
          {
            data: chartData(pointsRef.current),
            borderColor: themeColor(canvas, '--chart-line'),
            backgroundColor: themeColor(canvas, '--chart-fill'),
            borderWidth: 2,
            tension: 0,
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
        scales: { x: { type: 'linear', display: false, ...xBounds(pointsRef.current) }, y: { display: false, beginAtZero: true } },
        onHover: (_event, active: ActiveElement[], instance) => {
          const first = active[0];
          // Keep the tip inside the popup: centred on the point, but not past either edge.
          const half = Math.min(TIP_HALF_WIDTH, instance.width / 2);
          setHover(first ? { index: first.index, x: Math.min(Math.max(first.element.x, half), instance.width - half) } : null);
        },
      },
    });
    chartRef.current = chart;
    drawnRef.current = pointsRef.current;
    const scheme = matchMedia('(prefers-color-scheme: dark)');
    const onScheme = () => {
      applyTheme(chart, canvas);
      chart.update('none');
    };
    const onLeave = () => setHover(null);
    scheme.addEventListener('change', onScheme);
    canvas.addEventListener('mouseleave', onLeave);
    return () => {
      scheme.removeEventListener('change', onScheme);
      canvas.removeEventListener('mouseleave', onLeave);
      chart.destroy();
      chartRef.current = null;
    };
  }, []);

  useLayoutEffect(() => {
    const chart = chartRef.current;
    const canvas = canvasRef.current;
    const dataset = chart?.data.datasets[0];
    if (!chart || !canvas || !dataset) return;
    if (drawnRef.current !== points) {
      drawnRef.current = points;
      dataset.data = chartData(points);
      const x = chart.options.scales?.x;
      if (x) Object.assign(x, xBounds(points));
      applyTheme(chart, canvas);
      chart.update('none');
    }
    onDrawn?.();
  }, [points, onDrawn]);

  const hovered = hover ? points[hover.index] : undefined;
  return (
    <figure class="sparkline">
      <div class="sparkline-canvas">
        <canvas ref={canvasRef} role="img" aria-label={summary} />
        {hover && hovered && (
          <div class="spark-tip" aria-hidden="true" style={{ left: `${Math.round(hover.x)}px` }}>
            <span class="spark-tip-title">{hovered.title}</span>
            <span>{hovered.valueText}</span>
          </div>
        )}
      </div>
      <figcaption class="sr-only">{summary}</figcaption>
    </figure>
  );
}
