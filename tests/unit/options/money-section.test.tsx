// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SettingsForm, type SettingsFormProps } from '@/components/options/SettingsForm';
import type { SettingsChange, StoredSettings } from '@/components/options/useSettingsDraft';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings/model';
import { applySettingsPatch } from '@/utils/settings/patch';
import { money } from '@/utils/base/money';
import { kb, KB_PER_GB } from '@/utils/base/units';
import { CHINESE, ENGLISH } from '../support/languages';

afterEach(cleanup);

/** Set up already: one Residential user, so Save needs nothing but what a test changes. */
const SET_UP: Settings = { ...DEFAULT_SETTINGS, watched: [{ account: '1', proxyType: 1, username: 'alice_res' }] };

/** The form over `settings`; Save answers as if nothing else wrote meanwhile. */
function setup(settings: Settings = SET_UP, overrides: Partial<SettingsFormProps> = {}) {
  const stored: StoredSettings = { settings, tokens: { '1': 'my-token-123' } };
  const props: SettingsFormProps = {
    language: ENGLISH,
    stored,
    permission: 'granted',
    allowLoopback: false,
    onTestConnection: vi.fn(async () => ({ ok: true as const, value: { users: [], failures: [] } })),
    onSave: vi.fn(async ({ settings: patch }: SettingsChange) => ({ settings: applySettingsPatch(settings, patch, false), tokens: stored.tokens })),
    watchStored: () => () => undefined,
    shortcut: { kind: 'set', keys: 'Alt+Shift+T' },
    shortcutPlace: 'chromium',
    onForget: vi.fn(async () => undefined),
    ...overrides,
  };
  render(<SettingsForm {...props} />);
  return props;
}

const control = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
const type = (label: string, value: string) => fireEvent.input(control(label), { target: { value } });
const choose = (label: string, value: string) => fireEvent.change(control(label), { target: { value } });
const save = () => fireEvent.click(screen.getByRole('button', { name: 'Save' }));
const savedPatch = (props: SettingsFormProps) => vi.mocked(props.onSave).mock.calls[0]?.[0].settings;

/** The message a control points at with aria-describedby, if any. */
function describedError(element: HTMLElement): string | null {
  const errorId = element.getAttribute('aria-describedby')?.split(' ').find((id) => id.endsWith('-error'));
  return errorId ? (document.getElementById(errorId)?.textContent ?? null) : null;
}

/** The unit written after an amount, which the amount's description names. */
function describedUnit(element: HTMLElement): string | null {
  const unitId = element.getAttribute('aria-describedby')?.split(' ').find((id) => id.endsWith('-unit'));
  return unitId ? (document.getElementById(unitId)?.textContent ?? null) : null;
}

describe('the prices and budgets section', () => {
  it('saves prices, a budget in money, one in GB and the badge’s choice, writing only what changed', async () => {
    const props = setup();
    type('Residential price per GB', '0.8');
    choose('Currency', 'EUR');
    choose('Cycle budget', 'money');
    expect(describedUnit(control('Cycle budget amount'))).toBe('EUR');
    type('Cycle budget amount', '300');
    choose('Daily budget', 'traffic');
    expect(describedUnit(control('Daily budget amount'))).toBe('GiB');
    type('Daily budget amount', '2.5');
    type('Billing cycle starts on day', '31');
    type('Notify at these percentages of each budget', '90, 50');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Rapid use' }));
    choose('Badge shows', 'today-cost');
    save();
    await screen.findByText(/^Saved/);
    expect(savedPatch(props)).toEqual({
      prices: { currency: 'EUR', perGb: { 1: 0.8 } },
      budgets: {
        daily: { kind: 'traffic', kb: 2.5 * KB_PER_GB },
        cycle: { kind: 'money', amount: 300 },
        cycleStartDay: 31,
        usePercents: [50, 90],
        rapidUseAlert: false,
      },
      badgeShows: 'today-cost',
    });
    // What is stored now shows as it was saved, tidied.
    expect(control('Notify at these percentages of each budget').value).toBe('50, 90');
  });

  it('says on the budget itself that money needs a price for a watched product, and saves nothing', async () => {
    const props = setup();
    choose('Cycle budget', 'money');
    type('Cycle budget amount', '100');
    type('Mobile price per GB', '3');
    save();
    await waitFor(() => expect(screen.getByTestId('save-result').textContent).toMatch(/^Not saved/));
    const budget = control('Cycle budget');
    expect(budget.getAttribute('aria-invalid')).toBe('true');
    expect(describedError(budget)).toBe('A budget in money needs a price per GB for Residential, above.');
    expect(describedError(control('Cycle budget amount'))).toBeNull();
    expect(props.onSave).not.toHaveBeenCalled();
    await waitFor(() => expect(document.activeElement).toBe(budget));

    type('Residential price per GB', '1.2');
    expect(describedError(budget)).toBeNull();
    save();
    await screen.findByText(/^Saved/);
    expect(savedPatch(props)).toMatchObject({ budgets: { cycle: { kind: 'money', amount: 100 } }, prices: { perGb: { 1: 1.2, 3: 3 } } });
  });

  it('says the same on the badge’s choice, and a price’s own problem on the price', () => {
    setup();
    choose('Badge shows', 'today-cost');
    fireEvent.blur(control('Badge shows'));
    expect(describedError(control('Badge shows'))).toBe('Today’s cost needs a price per GB for Residential, above.');
    type('Residential price per GB', '0,8');
    fireEvent.blur(control('Residential price per GB'));
    expect(describedError(control('Residential price per GB'))).toBe('Enter a price of 0 or more, such as 0.75, or leave it empty for no price.');
    expect(describedError(control('Badge shows'))).toBeNull();
  });

  it('refuses a budget of 0 and a day past 31 next to each', () => {
    setup();
    choose('Daily budget', 'traffic');
    type('Daily budget amount', '0');
    fireEvent.blur(control('Daily budget amount'));
    type('Billing cycle starts on day', '32');
    fireEvent.blur(control('Billing cycle starts on day'));
    expect(describedError(control('Daily budget amount'))).toBe('Enter a budget above 0.');
    expect(describedError(control('Billing cycle starts on day'))).toBe('Enter a whole day of the month from 1 to 31.');
  });

  it('shows no amount for a budget that is off', () => {
    setup();
    expect(screen.queryByLabelText('Daily budget amount')).toBeNull();
    choose('Daily budget', 'traffic');
    expect(screen.getByLabelText('Daily budget amount')).toBeTruthy();
    choose('Daily budget', 'off');
    expect(screen.queryByLabelText('Daily budget amount')).toBeNull();
  });

  it('shows what is stored, offers a stored currency beyond the common ones, and saves nothing it did not change', async () => {
    const stored: Settings = {
      ...SET_UP,
      units: 'decimal',
      prices: { currency: 'CHF', perGb: { 1: money(0.75), 2: null, 3: money(4) } },
      budgets: { ...DEFAULT_SETTINGS.budgets, daily: { kind: 'traffic', kb: kb(5 * KB_PER_GB) }, cycleStartDay: 15, usePercents: [100] },
      badgeShows: 'today-cost',
    };
    const props = setup(stored);
    expect(control('Residential price per GB').value).toBe('0.75');
    expect(control('Unlimited price per GB').value).toBe('');
    expect([...(control('Currency') as unknown as HTMLSelectElement).options].map((option) => option.value)).toEqual([
      'USD',
      'EUR',
      'CNY',
      'GBP',
      'JPY',
      'HKD',
      'SGD',
      'AUD',
      'CAD',
      'INR',
      'CHF',
    ]);
    expect(control('Currency').value).toBe('CHF');
    // 5 GiB, read in decimal units; untouched, it is saved as the exact amount, so not at all.
    expect(control('Daily budget amount').value).toBe('5.369');
    expect(describedUnit(control('Daily budget amount'))).toBe('GB');
    expect(control('Billing cycle starts on day').value).toBe('15');
    type('Poll interval (minutes)', '30');
    save();
    await screen.findByText(/^Saved/);
    expect(savedPatch(props)).toEqual({ pollIntervalMinutes: 30 });
  });

  it('re-expresses a GB budget when the units change, so it keeps its amount', async () => {
    const props = setup({ ...SET_UP, budgets: { ...DEFAULT_SETTINGS.budgets, cycle: { kind: 'traffic', kb: kb(100 * KB_PER_GB) } } });
    expect(control('Cycle budget amount').value).toBe('100');
    choose('Units', 'decimal');
    expect(control('Cycle budget amount').value).toBe('107.374');
    expect(describedUnit(control('Cycle budget amount'))).toBe('GB');
    save();
    await screen.findByText(/^Saved/);
    expect(savedPatch(props)).toEqual({ units: 'decimal' });
  });

  it('explains the cycle’s start day and each budget notification where it is set', () => {
    setup();
    const hint = (element: HTMLElement) =>
      (element.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ');
    expect(hint(control('Billing cycle starts on day'))).toMatch(/in the API timezone\. 31 means the last day of shorter months/);
    expect(hint(control('Notify at these percentages of each budget'))).toMatch(/once per budget period/);
    expect(hint(screen.getByRole('checkbox', { name: 'Forecast over the cycle budget' }))).toMatch(/both the last 24 hours’ rate and the last 7 days’/);
    expect(hint(screen.getByRole('checkbox', { name: 'Rapid use' }))).toMatch(/last 4 days’ use, scaled to the whole cycle, exceeds 1\.5 × the cycle budget/);
    expect(screen.getByText(/“Not today” button: it snoozes that rule until tomorrow/)).toBeTruthy();
  });

  it('comes after the notification rules, its controls in reading order', () => {
    setup();
    const controls = [...document.querySelectorAll('input, select, textarea, button')].map((element) => element.id || element.textContent);
    const order = [
      'pollingBrokenMinutes',
      'priceResidential',
      'priceUnlimited',
      'priceMobile',
      'currency',
      'badgeShows',
      'dailyKind',
      'cycleKind',
      'cycleStartDay',
      'usePercents',
      'forecastAlert',
      'rapidUseAlert',
      'apiBaseUrl',
    ];
    const positions = order.map((id) => controls.indexOf(id));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('speaks Chinese, the problem included', () => {
    setup(SET_UP, { language: CHINESE });
    choose('周期预算', 'money');
    fireEvent.blur(control('周期预算'));
    expect(describedError(control('周期预算'))).toBe('金额预算需要在上方为住宅代理设置每 GB 价格。');
    const kinds = [...(control('每日预算') as unknown as HTMLSelectElement).options].map((option) => option.textContent);
    expect(kinds).toEqual(['关闭', '流量（GiB）', '金额（USD）']);
    expect(screen.getByRole('checkbox', { name: '用量过快' })).toBeTruthy();
  });
});
