import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
  type ChartDataset,
} from 'chart.js';
import { redrawOnSchemeChange } from '@/components/shared/scheme-redraw';

/**
 * The details page's chart: Chart.js, loaded after the page has shown its cached figures (its own
 * chunk). Only what is drawn is registered: bars stacked per series on a category axis, the
 * previous period as a line, the legend (a click hides or shows a series) and the tooltip.
 */
Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

/** What the chart draws, with its words already chosen by the page. */
export interface DetailsChartData {
  /** One label per bucket, oldest first. */
  readonly labels: readonly string[];
  /** KB per bucket per series; null where not known (no bar, never a 0 one). */
  readonly series: readonly { readonly label: string; readonly values: readonly (number | null)[] }[];
  /** The previous period's bucket totals, aligned by index; null when there is none to show. */
  readonly previous: { readonly label: string; readonly values: readonly (number | null)[] } | null;
  /** The y axis's step in KB, round in the unit it shows (utils/details/axis-step.ts); null: Chart.js's own. */
  readonly stepKb: number | null;
  /** Whether a click on a bucket leads somewhere (a day's hours). */
  readonly pickable: boolean;
  /** The bucket to mark (a notification's hour), or -1. */
  readonly highlight: number;
  readonly formatAmount: (kb: number) => string;
  /** The tooltip's lines: a series' figure, and the bucket's total. */
  readonly tipLine: (label: string, amount: string) => string;
  readonly tipTotal: (index: number) => string;
}

const SERIES_COLORS = 8;

interface ChartColors {
  readonly series: readonly string[];
  readonly previous: string;
  readonly text: string;
  readonly muted: string;
  readonly grid: string;
  readonly background: string;
  readonly fontFamily: string;
}

/** The page's theme as the chart draws it, read from its CSS so light and dark follow the page. */
function themeColors(canvas: HTMLCanvasElement): ChartColors {
  const style = getComputedStyle(canvas);
  const read = (name: string) => style.getPropertyValue(name).trim();
  return {
    series: Array.from({ length: SERIES_COLORS }, (_, index) => read(`--series-${index + 1}`)),
    previous: read('--previous-line'),
    text: read('--text'),
    muted: read('--muted'),
    grid: read('--border'),
    background: read('--bg'),
    fontFamily: style.fontFamily,
  };
}

type Mixed = ChartConfiguration<'bar' | 'line', (number | null)[], string>;
type Dataset = ChartDataset<'bar' | 'line', (number | null)[]>;

export function detailsChartConfig(data: DetailsChartData, colors: ChartColors, onPick: (index: number) => void): Mixed {
  const font = { family: colors.fontFamily, size: 12 };
  // The marked bucket's bars get an outline in the text colour: seen without telling colours apart.
  const outline = (index: number) => (index === data.highlight ? 2 : 0);
  const bars: Dataset[] = data.series.map(({ label, values }, index) => ({
    type: 'bar',
    label,
    data: [...values],
    stack: 'current',
    backgroundColor: colors.series[index % SERIES_COLORS],
    borderColor: colors.text,
    borderWidth: (context) => outline(context.dataIndex),
    borderSkipped: false,
  }));
  const line: Dataset[] =
    data.previous === null
      ? []
      : [
          {
            type: 'line',
            label: data.previous.label,
            data: [...data.previous.values],
            // A stack of its own: the previous period is drawn beside the bars, not added to them.
            stack: 'previous',
            borderColor: colors.previous,
            backgroundColor: colors.previous,
            borderDash: [6, 4],
            borderWidth: 2,
            // A dot per hour of a week is noise: long lines show their points on hover only.
            pointRadius: data.labels.length > 48 ? 0 : 2,
            pointHoverRadius: 4,
            tension: 0,
          },
        ];
  return {
    type: 'bar',
    data: { labels: [...data.labels], datasets: [...bars, ...line] },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: { stacked: true, ticks: { color: colors.muted, font, maxRotation: 0, autoSkipPadding: 12 }, grid: { display: false } },
        y: {
          stacked: true,
          beginAtZero: true,
          ticks: { color: colors.muted, font, ...(data.stepKb === null ? {} : { stepSize: data.stepKb }), callback: (value) => data.formatAmount(Number(value)) },
          grid: { color: colors.grid },
        },
      },
      plugins: {
        legend: { position: 'bottom', labels: { color: colors.text, font, boxWidth: 14 } },
        tooltip: {
          backgroundColor: colors.text,
          titleColor: colors.background,
          bodyColor: colors.background,
          footerColor: colors.background,
          titleFont: font,
          bodyFont: font,
          footerFont: font,
          // A bucket not known for a series has no bar: nor a line in the tip.
          filter: (item) => item.raw !== null,
          callbacks: {
            label: (item) => data.tipLine(item.dataset.label ?? '', data.formatAmount(Number(item.raw))),
            footer: (items) => data.tipTotal(items[0]?.dataIndex ?? -1),
          },
        },
      },
      onClick: (_event, elements) => {
        const index = elements[0]?.index;
        if (data.pickable && index !== undefined) onPick(index);
      },
      onHover: (event, elements) => {
        const target = event.native?.target;
        if (data.pickable && target instanceof HTMLElement) target.style.cursor = elements.length > 0 ? 'pointer' : 'default';
      },
    },
  };
}

export interface DetailsChart {
  show(data: DetailsChartData): void;
  destroy(): void;
}

/** One Chart.js instance on `canvas`: updated in place, drawn anew when the colour scheme changes. */
export function createDetailsChart(canvas: HTMLCanvasElement, data: DetailsChartData, onPick: (index: number) => void): DetailsChart {
  let shown = data;
  const drawn = redrawOnSchemeChange(() => new Chart(canvas, detailsChartConfig(shown, themeColors(canvas), onPick)));
  return {
    show(next) {
      shown = next;
      const chart = drawn.current();
      const config = detailsChartConfig(next, themeColors(canvas), onPick);
      // New datasets would show every series again: a series hidden from the legend stays hidden.
      const hidden = new Set(chart.data.datasets.filter((_, index) => !chart.isDatasetVisible(index)).map(({ label }) => label));
      for (const dataset of config.data.datasets) if (hidden.has(dataset.label)) dataset.hidden = true;
      chart.data = config.data;
      if (config.options) chart.options = config.options;
      chart.update('none');
    },
    destroy: () => drawn.stop(),
  };
}
