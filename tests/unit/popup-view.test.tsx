// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PopupView, type PopupViewProps } from '@/components/PopupView';
import { INITIAL_STATUS } from '@/utils/poll-status';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import { userKey } from '@/utils/usage-cache';

afterEach(cleanup);

const NOW = Date.parse('2026-11-25T14:40:00Z');
const MIB = 1024;

function props(overrides: Partial<PopupViewProps> = {}): PopupViewProps {
  return {
    settings: { ...DEFAULT_SETTINGS, usernames: ['alice'] },
    configured: true,
    cache: {
      users: {
        [userKey(1, 'alice')]: {
          hours: { '2026-11-25 14': 300 * MIB, '2026-11-25 13': 500 * MIB, '2026-11-25 09': 900 * MIB },
          fetchedAt: NOW,
          trafficLimitKb: 0,
          trafficBalanceKb: 0,
        },
      },
    },
    status: { ...INITIAL_STATUS, lastSuccessAt: NOW - 5 * 60_000, lastAttemptAt: NOW - 5 * 60_000 },
    now: NOW,
    refreshing: false,
    onRefresh: vi.fn(),
    onOpenSettings: vi.fn(),
    ...overrides,
  };
}

describe('the popup', () => {
  it('shows this hour, the comparison, the day figures and the update age from the cache', () => {
    render(<PopupView {...props()} />);
    expect(screen.getByTestId('current-hour').textContent).toBe('300 MiB');
    expect(screen.getByTestId('hour-change').textContent).toContain('pace vs previous hour (500 MiB)');
    expect(screen.getByText('Today').nextElementSibling?.textContent).toBe('1.66 GiB');
    expect(screen.getByText('Peak hour').nextElementSibling?.textContent).toContain('900 MiB');
    expect(screen.getByTestId('current-hour-exact').textContent).toBe('307,200 KB as reported for API hour 2026-11-25 14');
    expect(screen.getByTestId('updated').textContent).toBe('Updated 5 min ago');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('describes the chart in text for screen readers', () => {
    render(<PopupView {...props()} />);
    const chart = screen.getByRole('img');
    expect(chart.getAttribute('aria-label')).toMatch(/Hourly traffic over the last 24 hours: 1\.66 GiB in total, peak 900 MiB/);
  });

  it('asks to be set up, with a way to the settings, when unconfigured', () => {
    const onOpenSettings = vi.fn();
    render(<PopupView {...props({ configured: false, onOpenSettings, status: INITIAL_STATUS })} />);
    expect(screen.getByRole('status').textContent).toContain('Not set up yet');
    expect(screen.queryByTestId('current-hour')).toBeNull();
    fireEvent.click(screen.getAllByRole('button', { name: 'Open settings' })[0] as HTMLElement);
    expect(onOpenSettings).toHaveBeenCalled();
  });

  it('says the token was rejected while still showing the cached figures', () => {
    render(<PopupView {...props({ status: { ...props().status, failure: { kind: 'auth', code: 10013, apiMessage: '' } } })} />);
    expect(screen.getByRole('alert').textContent).toContain('rejected the API token');
    expect(screen.getByRole('alert').textContent).toContain('Showing the figures from 5 min ago');
    expect(screen.getByTestId('current-hour').textContent).toBe('300 MiB');
  });

  it('names an unknown username', () => {
    const error = { kind: 'unknown-user' as const, code: 10020, username: 'alice' };
    const status = { ...props().status, userFailures: { [userKey(1, 'alice')]: { error, at: NOW } } };
    render(<PopupView {...props({ status })} />);
    expect(screen.getByRole('alert').textContent).toContain('“alice”');
  });

  it('says it is fetching before the first figures arrive', () => {
    render(<PopupView {...props({ status: INITIAL_STATUS, cache: { users: {} } })} />);
    expect(screen.getByRole('status').textContent).toContain('Fetching the first figures');
    expect(screen.getByTestId('updated').textContent).toBe('Not updated yet');
  });

  it('refreshes on demand and shows that it is busy', () => {
    const onRefresh = vi.fn();
    const { rerender } = render(<PopupView {...props({ onRefresh })} />);
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(onRefresh).toHaveBeenCalledTimes(1);
    rerender(<PopupView {...props({ onRefresh, refreshing: true })} />);
    const busy = screen.getByRole('button', { name: 'Refreshing…' });
    expect(busy.hasAttribute('disabled')).toBe(true);
  });
});
