// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PopupView, type PopupViewProps } from '@/components/popup/PopupView';
import { EMPTY_FIGURES } from '@/utils/account/account-snapshot';
import { HEALTHY_ACCOUNT, INITIAL_STATUS, type RetryPlan } from '@/utils/poll/status';
import type { ApiError } from '@/utils/api/errors';
import { DEFAULT_SETTINGS } from '@/utils/settings/model';
import { EMPTY_CACHE } from '@/utils/usage/cache';
import { watchKey } from '@/utils/settings/watched';
import type { ProxyType } from '@/utils/api/thordata-client';
import { mb } from '@/utils/base/units';
import { kbCache } from '../support/usage-fixtures';
import { popupViewProps } from '../support/popup-view-props';
import { CHINESE } from '../support/languages';

afterEach(cleanup);

const NOW = Date.parse('2026-11-25T14:40:00Z');
const MIB = 1024;

/** A watched user of account 1 (the only one unless a test adds more), Residential by default. */
const user = (username: string, account = '1', proxyType: ProxyType = 1) => ({ account, proxyType, username });
const key = (username: string, account = '1', proxyType: ProxyType = 1) => watchKey(user(username, account, proxyType));

function props(overrides: Partial<PopupViewProps> = {}): PopupViewProps {
  return popupViewProps(NOW, {
    settings: { ...DEFAULT_SETTINGS, watched: [user('alice')] },
    cache: kbCache({
      [key('alice')]: {
        hours: { '2026-11-25 14': 300 * MIB, '2026-11-25 13': 500 * MIB, '2026-11-25 09': 900 * MIB },
        fetchedAt: NOW,
        trafficLimitKb: 0,
        trafficBalanceKb: 0,
      },
    }),
    ...overrides,
  });
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

  it('offers "Details" beside its footer actions: a link to the details page, opened by the popup’s handler', () => {
    const onOpenDetails = vi.fn();
    render(<PopupView {...several()} onOpenDetails={onOpenDetails} />);
    const link = screen.getByRole('link', { name: 'Details' });
    expect(link.getAttribute('href')).toBe('details.html');
    expect(link.closest('footer')).not.toBeNull();
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    link.dispatchEvent(click);
    expect(onOpenDetails).toHaveBeenCalledTimes(1);
    // The popup opens the page in a tab; the popup itself does not navigate.
    expect(click.defaultPrevented).toBe(true);
  });

  it('says "Details" in Chinese too', () => {
    render(<PopupView {...several()} language={CHINESE} />);
    expect(screen.getByRole('link', { name: '用量详情' })).toBeTruthy();
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

describe('the popup with several accounts and products', () => {
  const usage = (kbThisHour: number) => ({ hours: { '2026-11-25 14': kbThisHour }, fetchedAt: NOW, trafficLimitKb: 0, trafficBalanceKb: 0 });
  const accounts = [
    { id: '1', label: 'Ops' },
    { id: 'b2', label: '' },
  ];
  const team = () =>
    props({
      settings: { ...DEFAULT_SETTINGS, accounts, watched: [user('alice'), user('bob', '1', 3), user('carol', 'b2'), user('dan', 'b2', 2)] },
      cache: kbCache({
        [key('alice')]: usage(300 * MIB),
        [key('bob', '1', 3)]: usage(100 * MIB),
        [key('carol', 'b2')]: usage(50 * MIB),
        [key('dan', 'b2', 2)]: usage(50 * MIB),
      }),
      account: {
        accounts: {
          '1': { ...EMPTY_FIGURES, fetchedAt: NOW, balance: { balanceMb: mb(8 * 1024), expiresOn: '2026-12-05' } },
          b2: { ...EMPTY_FIGURES, fetchedAt: NOW, balance: { balanceMb: mb(2 * 1024), expiresOn: null } },
        },
      },
    });

  it('lists each account, then each product, with its total and share of this hour', () => {
    render(<PopupView {...team()} />);
    expect(screen.getByRole('heading', { level: 3, name: 'Ops: 400 MiB this hour, 80% of the total' })).toBeTruthy();
    // An account without a label is named by its place.
    expect(screen.getByRole('heading', { level: 3, name: 'Account 2: 100 MiB this hour, 20% of the total' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 4, name: 'Mobile: 100 MiB this hour, 20% of the total' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'carol: 50.0 MiB this hour, 10% of the total' })).toBeTruthy();
  });

  it('focuses the figures on a group, naming it beside “This hour”, and on everyone again', () => {
    render(<PopupView {...team()} />);
    expect(screen.getByTestId('current-hour').textContent).toBe('500 MiB');
    const ops = screen.getByRole('button', { name: 'Ops: 400 MiB this hour, 80% of the total' });
    fireEvent.click(ops);
    expect(ops.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByTestId('current-hour').textContent).toBe('400 MiB');
    expect(screen.getByText(/^This hour · .* · Ops$/)).toBeTruthy();
    const unlimited = screen.getByRole('button', { name: 'Unlimited: 50.0 MiB this hour, 10% of the total' });
    fireEvent.click(unlimited);
    expect(screen.getByTestId('current-hour').textContent).toBe('50.0 MiB');
    expect(screen.getByText(/^This hour · .* · Account 2 · Unlimited$/)).toBeTruthy();
    expect(ops.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(screen.getByRole('button', { name: 'carol: 50.0 MiB this hour, 10% of the total' }));
    expect(screen.getByText(/^This hour · .* · carol · Account 2$/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'All users' }));
    expect(screen.getByTestId('current-hour').textContent).toBe('500 MiB');
  });

  it('shows each account’s balance under its name, with a forecast from its own users only', () => {
    render(<PopupView {...team()} />);
    const ops = screen.getByRole('region', { name: 'Ops' });
    const second = screen.getByRole('region', { name: 'Account 2' });
    expect(within(ops).getByTestId('account-balance').textContent).toBe('8.00 GiB');
    expect(within(ops).getByTestId('plan-expiry').textContent).toBe('Plan expires 2026-12-05 (in 10 days)');
    expect(within(second).getByTestId('account-balance').textContent).toBe('2.00 GiB');
    // 8 GiB at Ops's 400 MiB a day lasts 20 days; 2 GiB at Account 2's 100 MiB, 20 too, not 4 at everyone's 500.
    expect(within(ops).getByTestId('forecast').textContent).toMatch(/lasts about 20 days/);
    expect(within(second).getByTestId('forecast').textContent).toMatch(/lasts about 20 days/);
  });

  it('shows one account’s rejected token on its group and in a named line, while the other account’s figures stay', () => {
    const base = team();
    const rejected = { ...HEALTHY_ACCOUNT, failure: { kind: 'auth' as const, code: 10013, apiMessage: '' }, failingSince: NOW };
    const status = { ...base.status, accounts: { b2: rejected } };
    render(<PopupView {...base} status={status} />);
    // No banner over every figure: the top says which account, and only that.
    const line = screen.getByRole('alert');
    expect(line.textContent).toContain('Account 2: Thordata rejected the API token (code 10013).');
    expect(line.textContent).not.toContain('Ops');
    const warnings = screen.getAllByTestId('account-problem');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.closest('li')?.textContent).toContain('Account 2');
    expect(warnings[0]?.textContent).toContain('Copy the token again');
    expect(screen.getByTestId('current-hour').textContent).toBe('500 MiB');
    expect(screen.getByRole('button', { name: 'Ops: 400 MiB this hour, 80% of the total' })).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Ops' })).getByTestId('account-balance').textContent).toBe('8.00 GiB');
    fireEvent.click(within(line).getByRole('button', { name: 'Open settings' }));
    expect(base.onOpenSettings).toHaveBeenCalled();
  });

  it('names a failing user with its account', () => {
    const base = team();
    const error = { kind: 'unknown-user' as const, code: 10020, username: 'dan' };
    const status = { ...base.status, userFailures: { [key('dan', 'b2', 2)]: { ...user('dan', 'b2', 2), error, at: NOW } } };
    render(<PopupView {...base} status={status} />);
    expect(screen.getByRole('alert').textContent).toContain('dan · Account 2: Thordata does not know the proxy user “dan”');
  });

  it('keeps a stop of every account (offline) as the one banner', () => {
    const base = team();
    render(<PopupView {...base} status={{ ...base.status, failure: { kind: 'offline' }, failingSince: NOW }} />);
    expect(screen.getAllByRole('alert')).toHaveLength(1);
    expect(screen.getByRole('alert').textContent).toMatch(/offline/);
  });

  it('speaks Chinese on a failing account’s line', () => {
    const base = team();
    const status = { ...base.status, accounts: { b2: { ...HEALTHY_ACCOUNT, failure: { kind: 'plan' as const, code: 10017 } } } };
    render(<PopupView {...base} status={status} language={CHINESE} />);
    expect(screen.getByRole('alert').textContent).toContain('账户 2：Thordata 提示账户没有有效套餐（错误码 10017）。');
  });
});

describe('the popup with many users', () => {
  /** 60 Residential users of Ops and 40 Mobile users of Lab: user07 has 7 MiB this hour, and so on. */
  const many = () => {
    const watched = [
      ...Array.from({ length: 60 }, (_, i) => user(`ops${String(i).padStart(2, '0')}`)),
      ...Array.from({ length: 40 }, (_, i) => user(`lab${String(i).padStart(2, '0')}`, 'b2', 3)),
    ];
    const users = Object.fromEntries(
      watched.map((entry, i) => [
        watchKey(entry),
        { hours: { '2026-11-25 14': (i % 10) * MIB }, fetchedAt: NOW, trafficLimitKb: 1000 * MIB, trafficBalanceKb: (100 + i) * MIB },
      ]),
    );
    return props({
      settings: { ...DEFAULT_SETTINGS, accounts: [{ id: '1', label: 'Ops' }, { id: 'b2', label: 'Lab' }], watched },
      cache: kbCache(users),
    });
  };

  it('starts with the groups collapsed: no user row drawn, each group’s total shown', () => {
    const { container } = render(<PopupView {...many()} />);
    expect(container.querySelectorAll('.user-row:not(.group-row)')).toHaveLength(1); // "All users"
    expect(container.querySelectorAll('.mini-trend')).toHaveLength(0);
    const ops = screen.getByRole('button', { name: 'Ops: 60 users' });
    expect(ops.getAttribute('aria-expanded')).toBe('false');
    expect(screen.getByRole('heading', { level: 3, name: /^Ops: 60 users Ops: 270 MiB this hour, 60% of the total$/ })).toBeTruthy();
    fireEvent.click(ops);
    expect(ops.getAttribute('aria-expanded')).toBe('true');
    const residential = screen.getByRole('button', { name: 'Residential: 60 users' });
    fireEvent.click(residential);
    expect(screen.getByRole('button', { name: 'ops07: 7.00 MiB this hour, 2% of the total' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^lab07:/ })).toBeNull();
  });

  it('finds a user by part of its name across the groups, opening the ones that hold it', () => {
    render(<PopupView {...many()} />);
    fireEvent.input(screen.getByRole('searchbox', { name: 'Find a user' }), { target: { value: 'B07' } });
    expect(screen.getByRole('button', { name: 'lab07: 7.00 MiB this hour, 2% of the total' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^ops/ })).toBeNull();
    expect(screen.queryByRole('heading', { name: /^Ops: 60 users/ })).toBeNull();
    // Counted are the users found; the group can still be closed.
    const lab = screen.getByRole('button', { name: 'Lab: 1 user' });
    expect(lab.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(lab);
    expect(screen.queryByRole('button', { name: /^lab07:/ })).toBeNull();
    fireEvent.input(screen.getByRole('searchbox', { name: 'Find a user' }), { target: { value: 'nobody' } });
    expect(screen.getByRole('status').textContent).toBe('No watched user’s name holds “nobody”.');
  });

  it('shows only the limits closest to running out, and how many more there are', () => {
    render(<PopupView {...many()} />);
    const ops = screen.getByRole('region', { name: 'Ops' });
    expect(within(ops).getAllByRole('meter').map((bar) => bar.getAttribute('aria-label')?.split(':')[0])).toEqual(['ops00', 'ops01', 'ops02']);
    expect(ops.textContent).toContain('57 more users have a limit; the lowest are shown.');
  });
});
