// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { BudgetPanel } from '@/components/popup/BudgetPanel';
import { AccountPanel, type AccountEntry } from '@/components/popup/AccountPanel';
import { spendLines } from '@/utils/popup/budget-lines';
import { uiLanguage } from '@/utils/i18n/ui-language';
import { formatAmount } from '@/utils/format/traffic-format';
import { UTC } from '@/utils/time/api-timezone';
import { EMPTY_FIGURES } from '@/utils/account/account-snapshot';
import type { SpendView } from '@/utils/budget/spend-view';
import { money } from '@/utils/base/money';
import { kb, KB_PER_GB, mb, type Kb } from '@/utils/base/units';
import { setUiLanguage } from '../support/setup-locales';
import { SPEND_NOW, SPEND_VIEW } from '../support/spend-fixtures';

afterEach(cleanup);

/** Intl's thin and no-break spaces read as spaces. */
const text = (element: Element | null) => (element?.textContent ?? '').replace(/[\u2009\u202f\u00a0]/g, ' ');

function renderPanel(view: SpendView = SPEND_VIEW) {
  const language = uiLanguage();
  const lines = spendLines({ view, language, units: 'binary', currency: 'USD', tz: UTC, now: SPEND_NOW });
  if (lines === null) throw new Error('the fixture sets prices and budgets');
  return render(<BudgetPanel lines={lines} t={language.t} />);
}

describe('the budget panel', () => {
  it('shows the cost of this hour, today and the cycle, the projected cycle and what has no price', () => {
    renderPanel();
    expect(screen.getByRole('heading', { name: 'Cost and budgets' })).toBeTruthy();
    expect(text(screen.getByTestId('cycle-dates'))).toBe('Cycle Nov 15 – Dec 14');
    const cost = screen.getByTestId('cost');
    expect(text(within(cost).getByText('This hour').nextElementSibling)).toBe('$0.40');
    expect(text(within(cost).getByText('Today').nextElementSibling)).toBe('$12.34');
    expect(text(within(cost).getByText('This cycle').nextElementSibling)).toBe('$123.45');
    expect(text(screen.getByTestId('cost-projected'))).toBe('Projected cycle: $341 – $411');
    expect(text(screen.getByTestId('unpriced'))).toBe('No price for Mobile: its traffic counts in no cost.');
    expect(screen.queryByTestId('cycle-loading')).toBeNull();
  });

  it('draws each budget as a named meter of its use, with its pace, what is left per day and its forecasts', () => {
    renderPanel();
    const cycle = screen.getByRole('meter', { name: 'Cycle budget: $123.45 of $400.00 used' });
    // $123.45 of $400 is 30.9 %.
    expect(cycle.getAttribute('aria-valuenow')).toBe('31');
    expect(cycle.className).toContain('normal');
    const cycleNotes = within(screen.getByTestId('budget-cycle')).getAllByRole('listitem').map(text);
    expect(cycleNotes).toEqual(['12% behind an even pace', '$13.83 a day left to stay within it', 'Projected end of cycle: $341 – $411', 'Runs out on Dec 10 at today’s pace']);
    const daily = screen.getByRole('meter', { name: 'Daily budget: 6.00 GiB of 10.0 GiB used' });
    expect(daily.getAttribute('aria-valuenow')).toBe('60');
    // 20 % ahead of an even pace: amber.
    expect(daily.className).toContain('ahead');
    const dailyNotes = within(screen.getByTestId('budget-daily')).getAllByRole('listitem').map(text);
    expect(dailyNotes.slice(0, 3)).toEqual(['20% ahead of an even pace', '4.00 GiB left today', 'Projected end of day: 10.5–12.0 GiB']);
    expect(dailyNotes[3]).toMatch(/^Runs out around .+ at today’s pace$/);
  });

  it('marks an even pace on the bar where the period stands: half the day, 35 % of the cycle', () => {
    const { container } = renderPanel();
    const marks = [...container.querySelectorAll<HTMLElement>('.even-pace')].map((mark) => mark.style.left);
    expect(marks).toEqual(['50.0%', '35.0%']);
  });

  it('says when the cycle’s figures are still loading, and when there is too little history', () => {
    const tooLittle = { kind: 'too-little-history', daysKnown: 1, daysNeeded: 3 } as const;
    const view = { ...SPEND_VIEW, cost: { ...SPEND_VIEW.cost!, projectedCycle: tooLittle }, cycleBudget: { ...SPEND_VIEW.cycleBudget!, projected: tooLittle, runsOut: tooLittle } };
    const { unmount } = renderPanel({ ...view, missingDays: 6 });
    expect(text(screen.getByTestId('cycle-loading'))).toBe('Cycle figures still loading: 6 days to fetch');
    // A partial cycle gets no pace and no forecast until its days arrive.
    expect(within(screen.getByTestId('budget-cycle')).queryAllByRole('listitem')).toEqual([]);
    unmount();
    renderPanel(view);
    expect(text(screen.getByTestId('cost-projected'))).toBe('Projected cycle: Too little history to forecast (1 of 3 days)');
    expect(within(screen.getByTestId('budget-cycle')).getAllByRole('listitem').map(text)).toContain('Too little history to forecast (1 of 3 days)');
  });

  it('shows a spent budget full, in the danger tone, saying so', () => {
    renderPanel({ ...SPEND_VIEW, cycleBudget: { ...SPEND_VIEW.cycleBudget!, used: 412, share: 1.03, leftPerDay: 0, runsOut: { kind: 'already', atMs: null } } });
    const meter = screen.getByRole('meter', { name: 'Cycle budget: $412.00 of $400.00 used' });
    expect(meter.getAttribute('aria-valuenow')).toBe('100');
    expect(meter.className).toContain('over');
    expect(screen.getByText('Over budget by $12.00')).toBeTruthy();
    expect(screen.getByText('Used up')).toBeTruthy();
  });

  it('speaks Chinese when the browser does', () => {
    setUiLanguage('zh-CN');
    renderPanel();
    expect(screen.getByRole('heading', { name: '费用与预算' })).toBeTruthy();
    expect(text(within(screen.getByTestId('cost')).getByText('今天').nextElementSibling)).toBe('US$12.34');
    expect(text(screen.getByTestId('cost-projected'))).toBe('本周期预计：US$341-411');
    const meter = screen.getByRole('meter', { name: '周期预算：已用 US$123.45 / 共 US$400.00' });
    expect(meter.getAttribute('aria-valuenow')).toBe('31');
    expect(within(screen.getByTestId('budget-cycle')).getAllByRole('listitem').map(text)).toEqual([
      '比匀速慢 12%',
      '每天不超过 US$13.83 才能不超预算',
      '预计周期结束时：US$341-411',
      '按今天的速度，将于 12月10日 用完',
    ]);
  });
});

describe('the account panel’s plan and wallet', () => {
  const NOW = Date.parse('2026-12-01T12:00:00Z');

  function renderAccount(entry: Partial<AccountEntry>) {
    const language = uiLanguage();
    const base: AccountEntry = {
      id: '1',
      name: null,
      figures: { ...EMPTY_FIGURES, fetchedAt: NOW, balance: { balanceMb: mb(99.2 * 1024), expiresOn: '2026-12-31' } },
      rows: [],
      forecast: { kind: 'runs-out', days: 25, at: NOW + 25 * 86_400_000 },
      plan: { kind: 'plan', daysToExpiry: 30, allowancePerDayKb: kb(3.2 * KB_PER_GB), last24Kb: kb(3.968 * KB_PER_GB), runsOut: { inDays: 25, beforeExpiryDays: 5 } },
      wallet: money(125.4),
    };
    render(
      <AccountPanel
        accounts={[{ ...base, ...entry }]}
        maxBars={null}
        now={NOW}
        language={language}
        amount={(value: Kb) => formatAmount(value, 'binary', language.locale)}
        formatDate={(ms) => new Date(ms).toISOString().slice(0, 10)}
        problemOf={() => 'failed'}
      />,
    );
  }

  it('gives the plan’s allowance per day and, against its expiry, when the balance runs out', () => {
    renderAccount({});
    expect(text(screen.getByTestId('plan-allowance'))).toBe('Plan allowance 3.20 GiB a day to Dec 31');
    expect(text(screen.getByTestId('forecast'))).toBe('At the last 24 h rate the balance lasts about 25 days (until 2026-12-26). It runs out 5 days before the plan expires.');
    expect(text(screen.getByTestId('wallet'))).toBe('$125.40');
    expect(screen.getByText('Wallet (USD)')).toBeTruthy();
  });

  it('keeps the plain forecast where the plan’s expiry is unknown, and no wallet line when the wallet did not answer', () => {
    renderAccount({ plan: { kind: 'unknown' }, wallet: null });
    expect(screen.queryByTestId('plan-allowance')).toBeNull();
    expect(text(screen.getByTestId('forecast'))).toBe('At the last 24 h rate the balance lasts about 25 days (until 2026-12-26).');
    expect(screen.queryByTestId('wallet')).toBeNull();
  });

  it('shows an account with only a wallet', () => {
    renderAccount({ figures: EMPTY_FIGURES, plan: { kind: 'unknown' }, forecast: { kind: 'none' } });
    expect(text(screen.getByTestId('wallet'))).toBe('$125.40');
  });

  it('speaks Chinese, the wallet in US dollars', () => {
    setUiLanguage('zh-CN');
    renderAccount({
      forecast: { kind: 'runs-out', days: 42, at: NOW + 42 * 86_400_000 },
      plan: { kind: 'plan', daysToExpiry: 30, allowancePerDayKb: kb(3.2 * KB_PER_GB), last24Kb: kb(2.36 * KB_PER_GB), runsOut: { inDays: 42, beforeExpiryDays: -11.5 } },
    });
    expect(text(screen.getByTestId('plan-allowance'))).toBe('套餐每天可用 3.20 GiB，至 12月31日');
    expect(text(screen.getByTestId('forecast'))).toBe('按最近 24 小时的速度，余额约可用 42 天（至 2027-01-12）。可比套餐到期多用 12 天。');
    expect(text(screen.getByTestId('wallet'))).toBe('US$125.40');
    expect(screen.getByText('钱包余额（USD）')).toBeTruthy();
  });
});
