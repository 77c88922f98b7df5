import { Chart, LinearScale, LineController, LineElement, PointElement, type ActiveElement, type ChartConfiguration, type ChartDataset, type Plugin } from 'chart.js';
import { sparkBounds } from '@/utils/popup/sparkline-geometry';

/**
 * The interactive sparkline: Chart.js, loaded once the popup has painted its figures and
 * the SVG line (see Sparkline.tsx), takes over the same box with the same bounds and adds
 * the hover. Only the parts drawn are registered: the line controller, line and point
 * elements and a linear scale; the area fill below and the hover tip in Sparkline.tsx are
 * a few lines of our own instead of the Filler and Tooltip plugins.
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

export interface SparkHover {
  readonly index: number;
  /** Where the hovered point sits, in canvas pixels from the left. */
  readonly x: number;
}

/** About half the hover tip's width, to keep it inside the canvas. */
const TIP_HALF_WIDTH = 120;

function themeColor(element: Element, name: string): string {
  return getComputedStyle(element).getPropertyValue(name).trim();
}

/** Exact bounds, the SVG's: a linear scale would otherwise round its ends to "nice" numbers. */
function scales(values: readonly number[]) {
  const { xMax, yMax } = sparkBounds(values);
  return {
    x: { type: 'linear' as const, display: false, min: 0, max: xMax },
    y: { type: 'linear' as const, display: false, min: 0, max: yMax },
  };
}

export interface SparklineChart {
  show(values: readonly number[]): void;
  destroy(): void;
}

export interface SparkColors {
  readonly line: string;
  readonly fill: string;
}

/** The chart's whole configuration: the same bounds and box as the SVG drawn first. */
export function sparklineConfig(
  values: readonly number[],
  colors: SparkColors,
  onHover: (hover: SparkHover | null) => void,
): ChartConfiguration<'line', { x: number; y: number }[]> {
  const dataset: ChartDataset<'line', { x: number; y: number }[]> = {
    data: values.map((y, x) => ({ x, y })),
    borderColor: colors.line,
    backgroundColor: colors.fill,
    borderWidth: 2,
    tension: 0,
    pointRadius: 0,
    pointHoverRadius: 4,
    // The last hour is still running: dash it so its dip does not read as a drop. Chart.js keeps
    // this very object, so the dash follows the points `show` puts in.
    segment: { borderDash: (ctx) => (ctx.p1DataIndex === dataset.data.length - 1 ? [4, 3] : undefined) },
  };
  return {
    type: 'line',
    plugins: [areaFill],
    data: { datasets: [dataset] },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      // No padding, as the SVG has none.
      layout: { padding: 0 },
      interaction: { mode: 'index', intersect: false },
      scales: scales(values),
      onHover: (_event, active: ActiveElement[], instance) => {
        const first = active[0];
        // Keep the tip inside the popup: centred on the point, but not past either edge.
        const half = Math.min(TIP_HALF_WIDTH, instance.width / 2);
        onHover(first ? { index: first.index, x: Math.min(Math.max(first.element.x, half), instance.width - half) } : null);
      },
    },
  };
}

const themeColors = (canvas: HTMLCanvasElement): SparkColors => ({
  line: themeColor(canvas, '--chart-line'),
  fill: themeColor(canvas, '--chart-fill'),
});

/** One Chart.js instance on `canvas` for the sparkline's life: updated in place, destroyed with it. */
export function createSparklineChart(
  canvas: HTMLCanvasElement,
  values: readonly number[],
  onHover: (hover: SparkHover | null) => void,
): SparklineChart {
  const chart = new Chart(canvas, sparklineConfig(values, themeColors(canvas), onHover));

  const scheme = matchMedia('(prefers-color-scheme: dark)');
  const onScheme = () => {
    const dataset = chart.data.datasets[0];
    if (!dataset) return;
    const colors = themeColors(canvas);
    dataset.borderColor = colors.line;
    dataset.backgroundColor = colors.fill;
    chart.update('none');
  };
  const onLeave = () => onHover(null);
  scheme.addEventListener('change', onScheme);
  canvas.addEventListener('mouseleave', onLeave);

  return {
    show(next) {
      const dataset = chart.data.datasets[0];
      if (!dataset) return;
      dataset.data = next.map((y, x) => ({ x, y }));
      chart.options.scales = scales(next);
      chart.update('none');
    },
    destroy() {
      scheme.removeEventListener('change', onScheme);
      canvas.removeEventListener('mouseleave', onLeave);
      chart.destroy();
    },
  };
}
