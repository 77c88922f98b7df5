import { describe, expect, it, vi } from 'vitest';
import { detailsChartConfig, type DetailsChartData } from '@/components/details/details-chart';

const COLORS = { series: ['#s1', '#s2'], previous: '#prev', text: '#text', muted: '#muted', grid: '#grid', background: '#bg', fontFamily: 'sans-serif' };

function data(overrides: Partial<DetailsChartData> = {}): DetailsChartData {
  return {
    labels: ['Nov 23', 'Nov 24', 'Nov 25'],
    series: [
      { label: 'alice (Residential)', values: [100, null, 50] },
      { label: 'bob (Residential)', values: [20, 30, 40] },
    ],
    previous: { label: 'Previous period', values: [90, 80, null] },
    stepKb: null,
    pickable: true,
    highlight: 1,
    formatAmount: (kb) => `${kb} KB`,
    tipLine: (label, amount) => `${label}: ${amount}`,
    tipTotal: (index) => `Total ${index}`,
    ...overrides,
  };
}

describe('the details chart', () => {
  it('steps its axis by the round amount it is given, and leaves Chart.js its own without one', () => {
    const y = (stepKb: number | null) => detailsChartConfig(data({ stepKb }), COLORS, vi.fn()).options?.scales?.y?.ticks;
    expect(y(5 * 1024 * 1024)).toMatchObject({ stepSize: 5 * 1024 * 1024 });
    expect(y(null)).not.toHaveProperty('stepSize');
  });

  it('marks each point of a short previous-period line, and those of a week only on hover', () => {
    const line = (labels: number) => detailsChartConfig(data({ labels: Array.from({ length: labels }, String) }), COLORS, vi.fn()).data.datasets.find((set) => set.type === 'line');
    expect(line(30)).toMatchObject({ pointRadius: 2 });
    expect(line(168)).toMatchObject({ pointRadius: 0, pointHoverRadius: 4 });
  });

  it('stacks a bar per series and draws the previous period as a dashed line beside them, not on top', () => {
    const { data: chart } = detailsChartConfig(data(), COLORS, vi.fn());
    expect(chart.datasets.map((set) => [set.type, set.label, set.stack])).toEqual([
      ['bar', 'alice (Residential)', 'current'],
      ['bar', 'bob (Residential)', 'current'],
      ['line', 'Previous period', 'previous'],
    ]);
    expect(chart.datasets[0]?.data).toEqual([100, null, 50]);
    expect(chart.datasets[2]).toMatchObject({ borderDash: [6, 4] });
  });

  it('has no line without a previous period', () => {
    expect(detailsChartConfig(data({ previous: null }), COLORS, vi.fn()).data.datasets).toHaveLength(2);
  });

  it('leaves an unknown figure out of the tooltip and words the known ones', () => {
    const tooltip = detailsChartConfig(data(), COLORS, vi.fn()).options?.plugins?.tooltip;
    const filter = tooltip?.filter as (item: { raw: unknown }) => boolean;
    expect(filter({ raw: null })).toBe(false);
    expect(filter({ raw: 30 })).toBe(true);
    const label = tooltip?.callbacks?.label as unknown as (item: { dataset: { label: string }; raw: number }) => string;
    expect(label({ dataset: { label: 'bob (Residential)' }, raw: 30 })).toBe('bob (Residential): 30 KB');
  });

  it('leads a click on a day’s bars to that day, and nowhere on an hourly chart', () => {
    const onPick = vi.fn();
    const click = (pickable: boolean) => {
      const handler = detailsChartConfig(data({ pickable }), COLORS, onPick).options?.onClick as unknown as (event: unknown, elements: { index: number }[]) => void;
      handler({}, [{ index: 2 }]);
    };
    click(false);
    expect(onPick).not.toHaveBeenCalled();
    click(true);
    expect(onPick).toHaveBeenCalledWith(2);
  });
});
