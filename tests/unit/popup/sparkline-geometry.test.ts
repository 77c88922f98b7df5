import { Chart } from 'chart.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sparklineConfig } from '@/components/popup/sparkline-chart';
import { SPARK_VIEW_HEIGHT, sparkBounds, sparkPaths } from '@/utils/popup/sparkline-geometry';

/** The points of an SVG path, in the viewBox's units. */
function pathPoints(path: string): [number, number][] {
  return [...path.matchAll(/(-?[\d.e-]+),(-?[\d.e-]+)/g)].map((match) => [Number(match[1]), Number(match[2])]);
}

/** Every hour's point along the drawn line: the complete hours, then the running one. */
function linePoints({ line, running }: { line: string; running: string }): [number, number][] {
  const last = pathPoints(running);
  return line ? [...pathPoints(line), ...last.slice(1)] : last;
}

describe('the sparkline geometry', () => {
  it('puts the peak just under the top and 0 on the bottom edge', () => {
    const values = [0, 500, 1000, 250];
    const bounds = sparkBounds(values);
    expect(bounds).toEqual({ xMax: 3, yMax: 1100 });
    const { line, running } = sparkPaths(values, bounds);
    expect(pathPoints(line)).toEqual([
      [0, 100],
      [1, 54.545],
      [2, 9.091],
    ]);
    // The hour still running is its own (dashed) segment, from the last complete hour.
    expect(pathPoints(running)).toEqual([
      [2, 9.091],
      [3, 77.273],
    ]);
  });

  it('fills the area down to the baseline at both ends', () => {
    const { area } = sparkPaths([10, 20, 5], sparkBounds([10, 20, 5]));
    expect(area.startsWith(`M0,${SPARK_VIEW_HEIGHT}L`)).toBe(true);
    expect(area.endsWith(`L2,${SPARK_VIEW_HEIGHT}Z`)).toBe(true);
  });

  it('draws a flat line on the baseline when nothing was used, and nothing for fewer than two hours', () => {
    expect(sparkBounds([0, 0, 0]).yMax).toBe(1);
    expect(pathPoints(sparkPaths([0, 0, 0], sparkBounds([0, 0, 0])).line).every(([, y]) => y === SPARK_VIEW_HEIGHT)).toBe(true);
    expect(sparkPaths([42], sparkBounds([42]))).toEqual({ area: '', line: '', running: '' });
    expect(sparkPaths([], sparkBounds([]))).toEqual({ area: '', line: '', running: '' });
  });

  it('keeps every point of any series inside the box, one per hour', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e12, noNaN: true }), { minLength: 2, maxLength: 72 }), (values) => {
        const bounds = sparkBounds(values);
        const points = linePoints(sparkPaths(values, bounds));
        expect(points.map(([x]) => x)).toEqual(values.map((_, index) => index));
        for (const [, y] of points) {
          expect(y).toBeGreaterThanOrEqual(0);
          expect(y).toBeLessThanOrEqual(SPARK_VIEW_HEIGHT);
        }
      }),
    );
  });
});

const THEME = { line: '#000', fill: '#0003', text: '#111', background: '#fff', fontFamily: 'sans-serif' };

/** Enough of a 2D context for Chart.js to lay a chart out without a DOM. */
function fakeCanvas(width: number, height: number): HTMLCanvasElement {
  const context = new Proxy(
    {},
    {
      get: (_target, name) => (name === 'measureText' ? () => ({ width: 0 }) : name === 'canvas' ? canvas : () => undefined),
      set: () => true,
    },
  );
  const canvas = { width, height, style: {}, getContext: () => context } as unknown as HTMLCanvasElement;
  return canvas;
}

describe('the Chart.js sparkline that takes over from the SVG', () => {
  it('puts every hour exactly where the SVG drew it, so the takeover does not move the line', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50_000_000 }), { minLength: 2, maxLength: 72 }), (values) => {
        const width = 332;
        const height = 90;
        const chart = new Chart(fakeCanvas(width, height), sparklineConfig(values, THEME, () => null));
        try {
          const drawn = chart.getDatasetMeta(0).data.map((point) => [point.x, point.y]);
          const bounds = sparkBounds(values);
          const svg = linePoints(sparkPaths(values, bounds)).map(([x, y]) => [(x / bounds.xMax) * width, (y / SPARK_VIEW_HEIGHT) * height]);
          expect(drawn).toHaveLength(svg.length);
          drawn.forEach(([x, y], index) => {
            expect(x).toBeCloseTo(svg[index]?.[0] ?? Number.NaN, 1);
            expect(y).toBeCloseTo(svg[index]?.[1] ?? Number.NaN, 1);
          });
        } finally {
          chart.destroy();
        }
      }),
      { numRuns: 40 },
    );
  });

  it('dashes only the segment into the running hour', () => {
    const config = sparklineConfig([1, 2, 3, 4], THEME, () => null);
    const segment = config.data.datasets[0]?.segment as { borderDash: (ctx: { p1DataIndex: number }) => number[] | undefined };
    const at = (p1DataIndex: number) => segment.borderDash({ p1DataIndex });
    expect(at(1)).toBeUndefined();
    expect(at(2)).toBeUndefined();
    expect(at(3)).toEqual([4, 3]);
  });

  it("fills the area down to zero and has Chart.js's tooltip name the hovered hour and its traffic, in the page's colours inverted", () => {
    const tips = ['11:00 PM–12:00 AM (API 2026-11-25 23)', '4.50 GiB (4,718,592 KB)'];
    const config = sparklineConfig([1, 2, 3], THEME, (index) => (index === 1 ? { title: tips[0] ?? '', valueText: tips[1] ?? '' } : null));
    expect(config.data.datasets[0]?.fill).toBe('origin');
    const tooltip = config.options?.plugins?.tooltip;
    expect(tooltip).toMatchObject({ backgroundColor: THEME.text, titleColor: THEME.background, bodyColor: THEME.background, displayColors: false });
    const callbacks = tooltip?.callbacks as { title: (items: { dataIndex: number }[]) => string; label: (item: { dataIndex: number }) => string };
    expect(callbacks.title([{ dataIndex: 1 }])).toBe(tips[0]);
    expect(callbacks.label({ dataIndex: 1 })).toBe(tips[1]);
    expect(callbacks.title([{ dataIndex: 0 }])).toBe('');
  });
});
