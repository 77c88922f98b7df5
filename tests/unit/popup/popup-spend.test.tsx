// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { PopupView, type PopupViewProps } from '@/components/popup/PopupView';
import { EMPTY_FIGURES } from '@/utils/account/account-snapshot';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings/model';
import { watchKey } from '@/utils/settings/watched';
import { EMPTY_DAILY, type DailyUsage } from '@/utils/usage/daily';
import { daysFromTo } from '@/utils/time/day-keys';
import { money } from '@/utils/base/money';
import { kb, KB_PER_GB, mb } from '@/utils/base/units';
import { kbCache } from '../support/usage-fixtures';
import { popupViewProps } from '../support/popup-view-props';

afterEach(cleanup);

/**
 * Nov 25, 14:40 UTC, the API in UTC, a cycle from the 15th (Nov 15 – Dec 14, 30 days; 10 days
 * 14 h 40 min gone: 0.353704 of it). Alice (Residential, $2 a GB) used 1 GiB on each of the
 * cycle's 10 complete days and today 900 + 500 + 300 MiB (1.66015625 GiB), 300 MiB this hour.
 */
const NOW = Date.parse('2026-11-25T14:40:00Z');
const MIB = 1024;
const alice = { account: '1', proxyType: 1 as const, username: 'alice' };
const key = watchKey(alice);

const priced: Settings = {
  ...DEFAULT_SETTINGS,
  watched: [alice],
  prices: { currency: 'USD', perGb: { 1: money(2), 2: null, 3: null } },
  budgets: { ...DEFAULT_SETTINGS.budgets, cycleStartDay: 15, daily: { kind: 'traffic', kb: kb(2 * KB_PER_GB) }, cycle: { kind: 'money', amount: money(60) } },
};

const daily: DailyUsage = { apiTimezone: 'UTC', users: { [key]: Object.fromEntries(daysFromTo('2026-11-15', '2026-11-24').map((day) => [day, kb(KB_PER_GB)])) } };

/** Intl's thin and no-break spaces read as spaces. */
const text = (element: Element | null) => (element?.textContent ?? '').replace(/[\u2009\u202f\u00a0]/g, ' ');

function props(overrides: Partial<PopupViewProps> = {}): PopupViewProps {
  const hours = { '2026-11-25 14': 300 * MIB, '2026-11-25 13': 500 * MIB, '2026-11-25 09': 900 * MIB };
  return popupViewProps(NOW, {
    settings: priced,
    cache: kbCache({ [key]: { hours, fetchedAt: NOW, trafficLimitKb: 0, trafficBalanceKb: 0 } }, 'UTC'),
    daily,
    ...overrides,
  });
}

describe('the popup’s cost and budgets', () => {
  it('shows the cost of this hour, today and the cycle, and the cycle projected from both rates', () => {
    render(<PopupView {...props()} />);
    const cost = screen.getByTestId('cost');
    // 300 MiB at $2 a GiB; 1.66015625 GiB; 10 GiB + today.
    expect(text(within(cost).getByText('This hour').nextElementSibling)).toBe('$0.59');
    expect(text(within(cost).getByText('Today').nextElementSibling)).toBe('$3.32');
    expect(text(within(cost).getByText('This cycle').nextElementSibling)).toBe('$23.32');
    // 19.389 days left at 1 GiB a day (the last 7 days) or 1400 MiB a day (the last 24 hours, hours 09 and 13 of today).
    expect(text(screen.getByTestId('cost-projected'))).toBe('Projected cycle: $62 – $76');
    expect(text(screen.getByTestId('cycle-dates'))).toBe('Cycle Nov 15 – Dec 14');
    expect(screen.queryByTestId('cycle-loading')).toBeNull();
  });

  it('shows each budget’s bar, pace, what is left per day, projection and run-out day', () => {
    render(<PopupView {...props()} />);
    const cycleMeter = screen.getByRole('meter', { name: 'Cycle budget: $23.32 of $60.00 used' });
    expect(cycleMeter.getAttribute('aria-valuenow')).toBe('39');
    // An even pace is $60 × 0.353704 = $21.22; $23.32 is 9.9 % ahead. $36.68 over the 20 days to Dec 14.
    expect(within(screen.getByTestId('budget-cycle')).getAllByRole('listitem').map(text)).toEqual([
      '10% ahead of an even pace',
      '$1.83 a day left to stay within it',
      'Projected end of cycle: $62 – $76',
      // Today's $5.43 a day reaches $60 in 6.75 days: Dec 2.
      'Runs out on Dec 2 at today’s pace',
    ]);
    const dailyMeter = screen.getByRole('meter', { name: 'Daily budget: 1.66 GiB of 2.00 GiB used' });
    expect(dailyMeter.getAttribute('aria-valuenow')).toBe('83');
    const dailyNotes = within(screen.getByTestId('budget-daily')).getAllByRole('listitem').map(text);
    // 0.6111 of the day gone: an even pace is 1.2222 GiB, 35.8 % below the use; 348 MiB left.
    expect(dailyNotes.slice(0, 3)).toEqual(['36% ahead of an even pace', '348 MiB left today', 'Projected end of day: 2.05–2.19 GiB']);
    expect(dailyNotes[3]).toMatch(/^Runs out around .+ at today’s pace$/);
  });

  it('says the cycle’s figures are partial while complete days are still to fetch', () => {
    const { [key]: days = {} } = daily.users;
    const fewer = { ...daily, users: { [key]: Object.fromEntries(Object.entries(days).filter(([day]) => day >= '2026-11-18')) } };
    render(<PopupView {...props({ daily: fewer })} />);
    expect(text(screen.getByTestId('cycle-loading'))).toBe('Cycle figures still loading: 3 days to fetch');
  });

  it('stays as before for a user who set no price and no budget', () => {
    render(<PopupView {...props({ settings: { ...DEFAULT_SETTINGS, watched: [alice] }, daily: EMPTY_DAILY })} />);
    expect(screen.queryByRole('heading', { name: /Cost|Budgets/ })).toBeNull();
    expect(screen.queryByRole('meter')).toBeNull();
  });

  it('spreads the plan’s balance over the days to its expiry, and says how long before it the balance runs out', () => {
    const figures = { ...EMPTY_FIGURES, fetchedAt: NOW, balance: { balanceMb: mb(8 * 1024), expiresOn: '2026-12-05' } };
    render(<PopupView {...props({ account: { accounts: { '1': figures } } })} />);
    // 8 GiB over the 11 days from today to Dec 5.
    expect(text(screen.getByTestId('plan-allowance'))).toBe('Plan allowance 745 MiB a day to Dec 5');
    // 1700 MiB in the last 24 hours: 4.8 days of balance, gone 5.6 days before Dec 5 ends.
    expect(text(screen.getByTestId('forecast'))).toMatch(/^At the last 24 h rate the balance lasts about 5 days \(until .+\)\. It runs out 6 days before the plan expires\.$/);
  });

  it('shows the wallet in US dollars, and nothing of it when it did not answer', () => {
    const figures = { ...EMPTY_FIGURES, fetchedAt: NOW, balance: { balanceMb: mb(8 * 1024), expiresOn: '2026-12-05' }, wallet: money(125.4) };
    render(<PopupView {...props({ account: { accounts: { '1': figures } } })} />);
    expect(text(screen.getByTestId('wallet'))).toBe('$125.40');
    cleanup();
    const failed = { ...figures, wallet: null, walletError: { kind: 'malformed' as const, detail: { kind: 'no-wallet-balance' as const } } };
    render(<PopupView {...props({ account: { accounts: { '1': failed } } })} />);
    expect(screen.queryByTestId('wallet')).toBeNull();
    expect(screen.queryByText(/wallet/i)).toBeNull();
  });
});
