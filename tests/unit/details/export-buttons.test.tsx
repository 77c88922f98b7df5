// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ExportButtons } from '@/components/details/ExportButtons';
import { detailsCsv, type DetailsExportInput } from '@/utils/details/export';
import { dayBuckets } from '@/utils/details/range';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings/model';
import { figuresOf, userSeries } from '../support/detail-figures';
import { CHINESE, ENGLISH } from '../support/languages';
import { watching } from '../support/watching';

const [ALICE] = watching(['=cmd|calc']);
const SETTINGS: Settings = { ...DEFAULT_SETTINGS, accounts: [{ id: '1', label: 'Agency' }], watched: [ALICE!] };
const RANGE = dayBuckets('2026-11-29', '2026-11-30');
const INPUT: DetailsExportInput = {
  range: RANGE,
  stackBy: 'user',
  figures: figuresOf(RANGE.days, [[userSeries(ALICE!), [2, null]]]),
  previous: null,
  settings: SETTINGS,
  generatedAt: Date.parse('2026-11-30T09:00:00Z'),
};

/** What each download handed the browser: the file's name, its blob, and whether the link was in the page when clicked. */
interface Saved {
  readonly name: string;
  readonly blob: Blob;
  readonly attached: boolean;
}

let saved: Saved[];
let blobs: Map<string, Blob>;

beforeEach(() => {
  saved = [];
  blobs = new Map();
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:details/${blobs.size}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ name: this.download, blob: blobs.get(this.getAttribute('href') ?? '')!, attached: this.isConnected });
  });
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  document.body.style.backgroundColor = '';
});

describe('the export buttons', () => {
  it('save the range as CSV through a download link, whose object URL is freed afterwards', async () => {
    vi.useFakeTimers();
    render(<ExportButtons input={INPUT} chartCanvas={() => null} language={ENGLISH} />);
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(saved.map(({ name, attached }) => [name, attached])).toEqual([['thordata-usage-2026-11-29_2026-11-30-by-user.csv', true]]);
    const [csv] = saved;
    expect(csv?.blob.type).toBe('text/csv;charset=utf-8');
    const content = await csv!.blob.text();
    expect(content).toBe(detailsCsv(INPUT, ENGLISH));
    expect(content.split('\r\n').slice(1, 3)).toEqual([
      "current,2026-11-29,2026-11-29T00:00:00Z,'=cmd|calc (Residential),Agency,Residential,'=cmd|calc,2,2048,yes",
      "current,2026-11-30,2026-11-30T00:00:00Z,'=cmd|calc (Residential),Agency,Residential,'=cmd|calc,,,no",
    ]);
    expect(document.querySelector('a[download]')).toBeNull();
    expect(URL.revokeObjectURL).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:details/0');
  });

  it('save the range as JSON', async () => {
    render(<ExportButtons input={INPUT} chartCanvas={() => null} language={ENGLISH} />);
    fireEvent.click(screen.getByRole('button', { name: 'Export JSON' }));
    const [json] = saved;
    expect(json?.name).toBe('thordata-usage-2026-11-29_2026-11-30-by-user.json');
    expect(json?.blob.type).toBe('application/json');
    const parsed = JSON.parse(await json!.blob.text()) as { series: { label: string; values: unknown[] }[]; total: unknown };
    expect(parsed.series).toEqual([expect.objectContaining({ label: '=cmd|calc (Residential)', values: [2, null] })]);
    expect(parsed.total).toBeNull();
  });

  it('leave PNG disabled while the chart is not drawn', () => {
    render(<ExportButtons input={INPUT} chartCanvas={() => null} language={ENGLISH} />);
    const png = screen.getByRole('button', { name: 'Export PNG' }) as HTMLButtonElement;
    expect(png.disabled).toBe(true);
    fireEvent.click(png);
    expect(saved).toEqual([]);
  });

  it('save the chart as a PNG drawn over the page’s background, never transparent', async () => {
    document.body.style.backgroundColor = 'rgb(13, 17, 23)';
    const chart = document.createElement('canvas');
    chart.width = 640;
    chart.height = 320;
    const painted: unknown[][] = [];
    const context = {
      fillStyle: '',
      fillRect: (...args: unknown[]) => painted.push(['fillRect', context.fillStyle, ...args]),
      drawImage: (...args: unknown[]) => painted.push(['drawImage', ...args]),
    };
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(() => context as unknown as CanvasRenderingContext2D);
    vi.spyOn(HTMLCanvasElement.prototype, 'toBlob').mockImplementation(function (this: HTMLCanvasElement, callback: BlobCallback, type?: string) {
      callback(new Blob([`${this.width}x${this.height}`], { type: type ?? '' }));
    });
    render(<ExportButtons input={INPUT} chartCanvas={() => chart} language={ENGLISH} />);
    const png = screen.getByRole('button', { name: 'Export PNG' }) as HTMLButtonElement;
    expect(png.disabled).toBe(false);
    fireEvent.click(png);
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(painted).toEqual([
      ['fillRect', 'rgb(13, 17, 23)', 0, 0, 640, 320],
      ['drawImage', chart, 0, 0],
    ]);
    expect(saved[0]?.name).toBe('thordata-usage-2026-11-29_2026-11-30-by-user.png');
    expect(saved[0]?.blob.type).toBe('image/png');
    expect(await saved[0]?.blob.text()).toBe('640x320');
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('say so when the image cannot be made', async () => {
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(() => null);
    render(<ExportButtons input={INPUT} chartCanvas={() => document.createElement('canvas')} language={ENGLISH} />);
    fireEvent.click(screen.getByRole('button', { name: 'Export PNG' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('The chart could not be saved as an image. Try again once it is drawn.'));
    expect(saved).toEqual([]);
  });

  it('are a named group, in Chinese too', () => {
    render(<ExportButtons input={INPUT} chartCanvas={() => null} language={CHINESE} />);
    const group = screen.getByRole('group', { name: '导出所选时间范围' });
    expect([...group.querySelectorAll('button')].map((button) => button.textContent)).toEqual(['导出 CSV', '导出 JSON', '导出 PNG']);
  });
});
