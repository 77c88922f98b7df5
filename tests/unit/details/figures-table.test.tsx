// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FiguresTable, type FiguresTableProps } from '@/components/details/FiguresTable';
import { KB_PER_GB } from '@/utils/base/units';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings/model';
import { UTC } from '@/utils/time/api-timezone';
import { figuresOf, userSeries } from '../support/detail-figures';
import { CHINESE, ENGLISH } from '../support/languages';
import { watching } from '../support/watching';

afterEach(cleanup);

/** Intl's thin and no-break spaces read as spaces. */
const text = (element: Element | null | undefined) => (element?.textContent ?? '').replace(/[\u2009\u202f\u00a0]/g, ' ');

const [ALICE, BOB] = watching(['alice', 'bob']);
const SETTINGS: Settings = { ...DEFAULT_SETTINGS, watched: [ALICE!, BOB!], apiTimezone: UTC };
const DAYS = ['2026-11-28', '2026-11-29', '2026-11-30'];
const MB = 1024;
// Bob's 29 Nov is not fetched yet.
const FIGURES = figuresOf(DAYS, [
  [userSeries(ALICE!), [3 * MB, KB_PER_GB, 2 * MB]],
  [userSeries(BOB!), [MB, null, 5 * MB]],
]);
const PREVIOUS = figuresOf(['2026-11-25', '2026-11-26', '2026-11-27'], [
  [userSeries(ALICE!), [MB, MB, MB]],
  [userSeries(BOB!), [0, 0, 0]],
]);

function renderTable(props: Partial<FiguresTableProps> = {}) {
  const all: FiguresTableProps = { figures: FIGURES, previous: PREVIOUS, granularity: 'day', settings: SETTINGS, language: ENGLISH, onShowHours: null, highlight: null, ...props };
  return render(<FiguresTable {...all} />);
}

/** Each body row as its cells' text. */
function bodyRows(): string[][] {
  const [, body] = screen.getAllByRole('rowgroup');
  return within(body!).getAllByRole('row').map((row) => [...row.children].map((cell) => text(cell)));
}

const rowNames = () => bodyRows().map(([name]) => name);
const sortedHeaders = () => screen.getAllByRole('columnheader').filter((header) => header.hasAttribute('aria-sort'));

describe('the figures table', () => {
  it('is a captioned table: a sortable heading per column, a row per day named in its header, figures in the chosen units, a total row', () => {
    renderTable();
    const table = screen.getByRole('table', { name: /^Traffic per day/ });
    expect(text(table.querySelector('caption'))).toBe('Traffic per day Column headings are buttons that sort the table.');
    const headers = screen.getAllByRole('columnheader');
    expect(headers.map((header) => header.getAttribute('scope'))).toEqual(['col', 'col', 'col', 'col', 'col']);
    expect(headers.map((header) => within(header).getByRole('button').textContent?.replace(/[▲▼↕]/, ''))).toEqual(['Day', 'alice (Residential)', 'bob (Residential)', 'Total', 'Previous period']);
    expect(screen.getAllByRole('rowheader').map((header) => [header.getAttribute('scope'), text(header)])).toEqual([
      ['row', 'Nov 28'],
      ['row', 'Nov 29'],
      ['row', 'Nov 30'],
      ['row', 'Total'],
    ]);
    expect(bodyRows()).toEqual([
      ['Nov 28', '3.00 MiB', '1.00 MiB', '4.00 MiB', '1.00 MiB'],
      ['Nov 29', '1.00 GiB', '—not fetched yet', '—not fetched yet', '1.00 MiB'],
      ['Nov 30', '2.00 MiB', '5.00 MiB', '7.00 MiB', '1.00 MiB'],
    ]);
    const [, , totals] = screen.getAllByRole('rowgroup');
    expect([...within(totals!).getByRole('row').children].map((cell) => text(cell))).toEqual(['Total', '1.00 GiB', '—not fetched yet', '—not fetched yet', '3.00 MiB']);
  });

  it('shows an unknown figure as a dash that screen readers hear as “not fetched yet”, never as 0', () => {
    renderTable();
    const unknown = screen.getAllByText('not fetched yet')[0]!;
    expect(unknown.className).toBe('sr-only');
    expect(unknown.previousElementSibling?.getAttribute('aria-hidden')).toBe('true');
    expect(unknown.previousElementSibling?.textContent).toBe('—');
  });

  it('writes figures in decimal units when chosen, and has no previous column without a previous period', () => {
    renderTable({ settings: { ...SETTINGS, units: 'decimal' }, previous: null });
    expect(screen.queryByRole('button', { name: /Previous period/ })).toBeNull();
    expect(bodyRows()[0]).toEqual(['Nov 28', '3.15 MB', '1.05 MB', '4.19 MB']);
  });

  it('sorts by a clicked heading, ascending then descending, unknown figures last, and says so with aria-sort', () => {
    renderTable();
    expect(sortedHeaders().map((header) => [text(header), header.getAttribute('aria-sort')])).toEqual([['Day▲', 'ascending']]);
    const total = screen.getByRole('button', { name: /^Total/ });
    fireEvent.click(total);
    expect(rowNames()).toEqual(['Nov 28', 'Nov 30', 'Nov 29']);
    expect(sortedHeaders().map((header) => [text(header), header.getAttribute('aria-sort')])).toEqual([['Total▲', 'ascending']]);
    fireEvent.click(total);
    expect(rowNames()).toEqual(['Nov 30', 'Nov 28', 'Nov 29']);
    expect(sortedHeaders().map((header) => header.getAttribute('aria-sort'))).toEqual(['descending']);
    fireEvent.click(screen.getByRole('button', { name: /^alice/ }));
    expect(rowNames()).toEqual(['Nov 30', 'Nov 28', 'Nov 29']);
    fireEvent.click(screen.getByRole('button', { name: /^Day/ }));
    expect(rowNames()).toEqual(['Nov 28', 'Nov 29', 'Nov 30']);
    // The total row stays last whatever the order.
    expect(text(screen.getAllByRole('rowheader').at(-1))).toBe('Total');
  });

  it('sorts from the keyboard: its headings are real buttons in the tab order, and focus stays on the one pressed', () => {
    renderTable();
    const bob = screen.getByRole('button', { name: /^bob/ });
    expect(bob.tagName).toBe('BUTTON');
    expect(bob.getAttribute('type')).toBe('button');
    expect(bob.tabIndex).toBe(0);
    bob.focus();
    // Enter and Space on a focused button are a click, dispatched by the browser.
    fireEvent.click(bob);
    fireEvent.click(bob);
    expect(rowNames()).toEqual(['Nov 30', 'Nov 28', 'Nov 29']);
    expect(document.activeElement).toBe(bob);
    expect(bob.closest('th')?.getAttribute('aria-sort')).toBe('descending');
  });

  it('opens a day’s hours: each day row’s “Show hours” calls back with its day', () => {
    const onShowHours = vi.fn();
    renderTable({ onShowHours });
    const buttons = screen.getAllByRole('button', { name: /^Show hours/ });
    expect(buttons.map((button) => [button.getAttribute('aria-label'), button.textContent])).toEqual([
      ['Show hours: Nov 28', 'Show hours'],
      ['Show hours: Nov 29', 'Show hours'],
      ['Show hours: Nov 30', 'Show hours'],
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Show hours: Nov 29' }));
    expect(onShowHours).toHaveBeenCalledWith('2026-11-29');
    expect(onShowHours).toHaveBeenCalledTimes(1);
  });

  it('has no “Show hours” for an hourly range or without a callback', () => {
    renderTable();
    expect(screen.queryByRole('button', { name: /Show hours/ })).toBeNull();
    cleanup();
    const hours = ['2026-11-30 13', '2026-11-30 14'];
    renderTable({ granularity: 'hour', figures: figuresOf(hours, [[userSeries(ALICE!), [1, 2]]]), previous: null, onShowHours: vi.fn() });
    expect(screen.getByRole('table', { name: /^Traffic per hour/ })).toBeTruthy();
    expect(text(screen.getAllByRole('columnheader')[0])).toBe('Hour▲');
    expect(screen.queryByRole('button', { name: /Show hours/ })).toBeNull();
  });

  it('marks the focused bucket’s row and scrolls it into view once, not again as figures arrive or the order changes', () => {
    const scroll = vi.spyOn(HTMLElement.prototype, 'scrollIntoView');
    const { rerender } = renderTable({ highlight: '2026-11-29' });
    const marked = screen.getAllByRole('row').filter((row) => row.getAttribute('aria-current') === 'true');
    expect(marked.map((row) => text(row.firstElementChild))).toEqual(['Nov 29']);
    expect(marked[0]?.className).toBe('highlight');
    expect(scroll).toHaveBeenCalledTimes(1);
    expect(scroll.mock.contexts[0]).toBe(marked[0]);
    const later = figuresOf(DAYS, [
      [userSeries(ALICE!), [3 * MB, KB_PER_GB, 2 * MB]],
      [userSeries(BOB!), [MB, MB, 5 * MB]],
    ]);
    rerender(<FiguresTable figures={later} previous={PREVIOUS} granularity="day" settings={SETTINGS} language={ENGLISH} onShowHours={null} highlight="2026-11-29" />);
    fireEvent.click(screen.getByRole('button', { name: /^Total/ }));
    expect(scroll).toHaveBeenCalledTimes(1);
    expect(screen.getAllByRole('row').filter((row) => row.getAttribute('aria-current') === 'true')).toHaveLength(1);
  });

  it('speaks Chinese', () => {
    renderTable({ language: CHINESE, onShowHours: vi.fn() });
    expect(screen.getByRole('table', { name: /^每日流量/ })).toBeTruthy();
    expect(screen.getAllByRole('columnheader').map((header) => text(header).replace(/[▲▼↕]/, ''))).toEqual(['日期', 'alice (住宅代理)', 'bob (住宅代理)', '合计', '上一时段', '当天各小时']);
    expect(screen.getAllByText('尚未获取')).toHaveLength(4);
    expect(screen.getAllByRole('button', { name: /^查看各小时：/ })).toHaveLength(3);
  });
});
