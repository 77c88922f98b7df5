import { redrawOnSchemeChange } from '@/components/shared/scheme-redraw';
import { Chart, Filler, LinearScale, LineController, LineElement, PointElement, Tooltip, type ChartConfiguration, type ChartDataset } from 'chart.js';
import { sparkBounds } from '@/utils/popup/sparkline-geometry';
import type { SparkTip } from './Sparkline';

/**
 * The interactive sparkline: Chart.js, loaded once the popup has painted its figures and
 * the SVG line (see Sparkline.tsx), takes over the same box with the same bounds and adds
 * the hover. Only the parts drawn are registered: the line controller, line and point
 * elements, a linear scale, and the Filler and Tooltip plugins for the area and the hover tip.
 */
Chart.register(LineController, LineElement, PointElement, LinearScale, Filler, Tooltip);

/** The popup's theme as the chart draws it, read from its CSS so light and dark follow the page. */
export interface SparkColors {
  readonly line: string;
  readonly fill: string;
  /** The tip is the page's colours inverted: text colour behind, background colour for words. */
  readonly text: string;
  readonly background: string;
  readonly fontFamily: string;
}

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

/** The chart's whole configuration: the same bounds and box as the SVG drawn first. */
export function sparklineConfig(
  values: readonly number[],
  colors: SparkColors,
  describe: (index: number) => SparkTip | null,
): ChartConfiguration<'line', { x: number; y: number }[]> {
  const dataset: ChartDataset<'line', { x: number; y: number }[]> = {
    data: values.map((y, x) => ({ x, y })),
    borderColor: colors.line,
    backgroundColor: colors.fill,
    // Down to the x axis, which is 0 KB: the SVG's area.
    fill: 'origin',
    borderWidth: 2,
    tension: 0,
    pointRadius: 0,
    pointHoverRadius: 4,
    // The last hour is still running: dash it so its dip does not read as a drop. Chart.js keeps
    // this very object, so the dash follows the points `show` puts in.
    segment: { borderDash: (ctx) => (ctx.p1DataIndex === dataset.data.length - 1 ? [4, 3] : undefined) },
  };
  const font = { family: colors.fontFamily, size: 12, lineHeight: 1.35 };
  return {
    type: 'line',
    data: { datasets: [dataset] },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      // No padding, as the SVG has none.
      layout: { padding: 0 },
      interaction: { mode: 'index', intersect: false },
      scales: scales(values),
      plugins: {
        tooltip: {
          backgroundColor: colors.text,
          titleColor: colors.background,
          bodyColor: colors.background,
          titleFont: { ...font, weight: 'normal' },
          bodyFont: font,
          titleMarginBottom: 2,
          padding: { x: 8, y: 4 },
          cornerRadius: 6,
          caretSize: 0,
          displayColors: false,
          // Texts are formatted on hover, for the one hour hovered: formatting every hour's up
          // front cost the first paint ~1 ms at 72 h.
          callbacks: {
            title: (items) => describe(items[0]?.dataIndex ?? -1)?.title ?? '',
            label: (item) => describe(item.dataIndex)?.valueText ?? '',
          },
        },
      },
    },
  };
}

const themeColors = (canvas: HTMLCanvasElement): SparkColors => ({
  line: themeColor(canvas, '--chart-line'),
  fill: themeColor(canvas, '--chart-fill'),
  text: themeColor(canvas, '--text'),
  background: themeColor(canvas, '--bg'),
  fontFamily: getComputedStyle(canvas).fontFamily,
});

/** One Chart.js instance on `canvas` at a time: updated in place, drawn anew when the theme changes. */
export function createSparklineChart(
  canvas: HTMLCanvasElement,
  values: readonly number[],
  describe: (index: number) => SparkTip | null,
): SparklineChart {
  let shown = values;
  const drawn = redrawOnSchemeChange(() => new Chart(canvas, sparklineConfig(shown, themeColors(canvas), describe)));

  return {
    show(next) {
      shown = next;
      const chart = drawn.current();
      const dataset = chart.data.datasets[0];
      if (!dataset) return;
      dataset.data = next.map((y, x) => ({ x, y }));
      chart.options.scales = scales(next);
      chart.update('none');
    },
    destroy: () => drawn.stop(),
  };
}
