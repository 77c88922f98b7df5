// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PopupView, type PopupViewProps } from '@/components/popup/PopupView';
import { EMPTY_ACCOUNT, EMPTY_FIGURES } from '@/utils/account/account-snapshot';
import { HEALTHY_ACCOUNT, INITIAL_STATUS, type RetryPlan } from '@/utils/poll/status';
import type { ApiError } from '@/utils/api/errors';
import { DEFAULT_SETTINGS } from '@/utils/settings/model';
import { EMPTY_CACHE } from '@/utils/usage/cache';
import { watchKey } from '@/utils/settings/watched';
import type { ProxyType } from '@/utils/api/thordata-client';
import { mb } from '@/utils/base/units';
import { kbCache } from '../support/usage-fixtures';
import { CHINESE, ENGLISH } from '../support/languages';

afterEach(cleanup);

const NOW = Date.parse('2026-11-25T14:40:00Z');
const MIB = 1024;

/** A watched user of account 1 (the only one unless a test adds more), Residential by default. */
const user = (username: string, account = '1', proxyType: ProxyType = 1) => ({ account, proxyType, username });
const key = (username: string, account = '1', proxyType: ProxyType = 1) => watchKey(user(username, account, proxyType));

function props(overrides: Partial<PopupViewProps> = {}): PopupViewProps {
  return {
    settings: { ...DEFAULT_SETTINGS, watched: [user('alice')] },
    configured: true,
    cache: kbCache({
      [key('alice')]: {
        hours: { '2026-11-25 14': 300 * MIB, '2026-11-25 13': 500 * MIB, '2026-11-25 09': 900 * MIB },
        fetchedAt: NOW,
        trafficLimitKb: 0,
        trafficBalanceKb: 0,
      },
    }),
    status: { ...INITIAL_STATUS, lastSuccessAt: NOW - 5 * 60_000, lastAttemptAt: NOW - 5 * 60_000 },
    account: EMPTY_ACCOUNT,
    now: NOW,
    refreshing: false,
    language: ENGLISH,
    onRefresh: vi.fn(),
    onOpenSettings: vi.fn(),
    onChartHours: vi.fn(),
    onExport: vi.fn(),
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

  it('draws the chart with the figures, before Chart.js is loaded: one point an hour, the running hour dashed', () => {
    const onChartDrawn = vi.fn();
    const { container } = render(<PopupView {...props({ onChartDrawn })} />);
    expect(onChartDrawn).toHaveBeenCalled();
    const line = container.querySelector('.spark-svg .spark-line:not(.spark-running)')?.getAttribute('d') ?? '';
    const running = container.querySelector('.spark-svg .spark-running')?.getAttribute('d');
    // 24 hours up to 14:00: hours 0..22 are complete; the peak (900 MiB at 09:00) sits under the top.
    expect(line.split('L')).toHaveLength(23);
    expect(line).toContain('L18,9.091L');
    // 13:00 had 500 MiB, 14:00 (running) 300 MiB, against a top of 990 MiB.
    expect(running).toBe('M22,49.495L23,69.697');
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
    const rejected = { ...HEALTHY_ACCOUNT, failure: { kind: 'auth' as const, code: 10013, apiMessage: '' }, lastSuccessAt: NOW - 5 * 60_000 };
    render(<PopupView {...props({ status: { ...props().status, accounts: { '1': rejected } } })} />);
    expect(screen.getByRole('alert').textContent).toContain('rejected the API token');
    expect(screen.getByRole('alert').textContent).toContain('Showing the figures from 5 min ago');
    expect(screen.getByTestId('current-hour').textContent).toBe('300 MiB');
  });

  it('names an unknown username', () => {
    const error = { kind: 'unknown-user' as const, code: 10020, username: 'alice' };
    const status = { ...props().status, userFailures: { [key('alice')]: { ...user('alice'), error, at: NOW } } };
    render(<PopupView {...props({ status })} />);
    expect(screen.getByRole('alert').textContent).toContain('“alice”');
  });

  it('says it is fetching before the first figures arrive', () => {
    render(<PopupView {...props({ status: INITIAL_STATUS, cache: EMPTY_CACHE })} />);
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

describe('the popup with several users and account figures', () => {
  const several = () => {
    const base = props();
    const alice = base.cache.users[key('alice')]!;
    return props({
      settings: { ...DEFAULT_SETTINGS, watched: [user('alice'), user('bob')] },
      cache: kbCache({
        [key('alice')]: { ...alice, trafficLimitKb: 1000 * MIB, trafficBalanceKb: 50 * MIB },
        [key('bob')]: { hours: { '2026-11-25 14': 100 * MIB }, fetchedAt: NOW, trafficLimitKb: 0, trafficBalanceKb: 0 },
      }),
      account: { accounts: { '1': { ...EMPTY_FIGURES, fetchedAt: NOW, balance: { balanceMb: mb(8 * 1024), expiresOn: '2026-12-05' } } } },
    });
  };

  it('lists each user with this hour, its share and a trend, and focuses the chart on a chosen one', () => {
    render(<PopupView {...several()} />);
    expect(screen.getByTestId('current-hour').textContent).toBe('400 MiB');
    const bob = screen.getByRole('button', { name: 'bob: 100 MiB this hour, 25% of the total' });
    fireEvent.click(bob);
    expect(bob.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByTestId('current-hour').textContent).toBe('100 MiB');
    fireEvent.click(screen.getByRole('button', { name: 'All users' }));
    expect(screen.getByTestId('current-hour').textContent).toBe('400 MiB');
  });

  it('shows limits as bars, the account balance, plan expiry and when the balance runs out', () => {
    render(<PopupView {...several()} />);
    const bar = screen.getByRole('meter', { name: /alice/ });
    expect(bar.getAttribute('aria-valuenow')).toBe('5');
    expect(screen.getByTestId('account-balance').textContent).toBe('8.00 GiB');
    expect(screen.getByTestId('plan-expiry').textContent).toBe('Plan expires 2026-12-05 (in 10 days)');
    // 8 GiB at the last 24 h rate (1.66 + 0.1 GiB a day) lasts about 5 days.
    expect(screen.getByTestId('forecast').textContent).toMatch(/lasts about 5 days \(until /);
  });

  it('hides the forecast when there is no traffic to extrapolate', () => {
    const quiet = several();
    render(<PopupView {...quiet} cache={EMPTY_CACHE} />);
    expect(screen.queryByTestId('forecast')).toBeNull();
  });

  it('changes the chart window and exports on request', () => {
    const onChartHours = vi.fn();
    const onExport = vi.fn();
    render(<PopupView {...several()} onChartHours={onChartHours} onExport={onExport} />);
    fireEvent.change(screen.getByLabelText('Chart window'), { target: { value: '72' } });
    expect(onChartHours).toHaveBeenCalledWith(72);
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(onExport).toHaveBeenCalled();
  });

  it('links to the Thordata dashboard', () => {
    render(<PopupView {...several()} />);
    expect(screen.getByRole('link', { name: 'Thordata dashboard' }).getAttribute('href')).toBe('https://dashboard.thordata.com/');
  });

  it('keeps a failing user’s last figures in its row and the total, names it and says why', () => {
    const base = several();
    const error = { kind: 'malformed' as const, detail: { kind: 'no-data-object' as const } };
    const status = { ...base.status, userFailures: { [key('bob')]: { ...user('bob'), error, at: NOW } } };
    render(<PopupView {...base} status={status} />);
    expect(screen.getByRole('alert').textContent).toContain('bob: Thordata answered without usable figures (no data object).');
    expect(screen.getByTestId('current-hour').textContent).toBe('400 MiB');
    const bob = screen.getByRole('button', { name: 'bob: 100 MiB this hour, 25% of the total (answer unusable)' });
    expect(bob.textContent).toContain('answer unusable');
    cleanup();
    render(<PopupView {...base} status={status} language={CHINESE} />);
    expect(screen.getByRole('alert').textContent).toContain('bob：Thordata 的应答中没有可用的数据（缺少数据对象）。');
  });

  it('shows a secondary endpoint’s failure with its figures, not as a banner', () => {
    const base = several();
    const figures = base.account.accounts['1']!;
    const account = { accounts: { '1': { ...figures, balanceError: { kind: 'auth' as const, code: 10014, apiMessage: 'apiKey error' } } } };
    render(<PopupView {...base} account={account} />);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByTestId('balance-error').textContent).toBe('Balance not updated: Thordata rejected the API key (code 10014).');
    expect(screen.getByTestId('account-balance').textContent).toBe('8.00 GiB');
  });

  it('speaks Simplified Chinese', () => {
    render(<PopupView {...several()} language={CHINESE} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Thordata 用量');
    expect(screen.getByRole('button', { name: '刷新' })).toBeTruthy();
    expect(screen.getByText('今天')).toBeTruthy();
    expect(screen.getByTestId('updated').textContent).toBe('更新于 5 分钟前');
  });
});

describe('the popup’s banners', () => {
  /** Offline stops every account before a request; the rest is the (only) account's own failure. */
  const withFailure = (failure: ApiError, retry: RetryPlan) => {
    const status = props().status;
    return failure.kind === 'offline'
      ? props({ status: { ...status, failure, failingSince: NOW, retry } })
      : props({ status: { ...status, accounts: { '1': { failure, failingSince: NOW, retry, lastSuccessAt: status.lastSuccessAt } } } });
  };

  it.each([
    ['rate limited', { kind: 'rate-limited' as const, code: 10011 }, /too frequent/],
    ['offline', { kind: 'offline' as const }, /offline/],
    ['no plan', { kind: 'plan' as const, code: 10017 }, /no active plan/],
    ['server error', { kind: 'server' as const, code: 502, apiMessage: '' }, /server failed/],
  ])('explains %s and keeps the figures', (_, failure, message) => {
    render(<PopupView {...withFailure(failure, { attempt: 1, notBefore: NOW + 30_000 })} />);
    expect(screen.getByRole('alert').textContent).toMatch(message);
    expect(screen.getByRole('alert').textContent).toContain('Next try at');
    expect(screen.getByTestId('current-hour').textContent).toBe('300 MiB');
  });

  it('names every failing user, each with its reason, when there are several', () => {
    const status = {
      ...props().status,
      userFailures: {
        [key('bob')]: { ...user('bob'), error: { kind: 'malformed' as const, detail: { kind: 'no-data-object' as const } }, at: NOW },
        [key('carol')]: { ...user('carol'), error: { kind: 'unknown-user' as const, code: 10020, username: 'carol' }, at: NOW },
      },
    };
    render(<PopupView {...props({ status })} />);
    expect(screen.getByRole('alert').textContent).toContain(
      "2 users could not be updated: bob (answer unusable), carol (unknown to Thordata). The others' figures are current.",
    );
    expect(screen.getByRole('button', { name: 'Open settings' })).toBeTruthy();
  });

  it('says how old the figures are once they are stale', () => {
    render(<PopupView {...props({ status: { ...props().status, lastSuccessAt: NOW - 45 * 60_000 } })} />);
    expect(screen.getByRole('alert').textContent).toContain('These figures are 45 min old');
  });
});
