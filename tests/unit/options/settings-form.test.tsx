// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SettingsForm, type SettingsFormProps } from '@/components/options/SettingsForm';
import type { SettingsChange, StoredSettings } from '@/components/options/useSettingsDraft';
import { readStoredSettings, saveChange, watchStoredSettings } from '@/entrypoints/options/main';
import { forgetTokenAndData } from '@/utils/options/forget-data';
import type { AccountUsers } from '@/utils/account/account-users';
import { DEFAULT_SETTINGS, MAX_WATCHED, type ChartHours, type Settings, type WatchedUser } from '@/utils/settings/model';
import { applySettingsPatch, writeSettingsPatch } from '@/utils/settings/patch';
import { settingsItem, tokenItem } from '@/utils/storage/items';
import { kb, mb } from '@/utils/base/units';
import { CHINESE, ENGLISH } from '../support/languages';

afterEach(cleanup);

const GIB_IN_KB = 1024 * 1024;

const NOTHING_STORED: StoredSettings = { settings: DEFAULT_SETTINGS, tokens: {} };

/** What Test connection lists by default: users of two products, with user-list's MB figures. */
const LISTED: AccountUsers = {
  users: [
    { proxyType: 1, username: 'alice_res', enabled: true, trafficLimitMb: mb(0), usageMb: mb(1) },
    { proxyType: 1, username: 'bob_scraper', enabled: false, trafficLimitMb: mb(1024), usageMb: mb(0) },
    { proxyType: 3, username: 'mob_1', enabled: true, trafficLimitMb: mb(5120), usageMb: mb(2048) },
  ],
  failures: [],
};

const watching = (account: string, proxyType: 1 | 2 | 3, ...names: string[]): WatchedUser[] =>
  names.map((username) => ({ account, proxyType, username }));

/** The form alone: Save answers as if nothing else wrote meanwhile, and no change from elsewhere arrives. */
function setup(overrides: Partial<SettingsFormProps> = {}) {
  const stored = overrides.stored ?? NOTHING_STORED;
  const props: SettingsFormProps = {
    language: ENGLISH,
    stored,
    permission: 'granted',
    allowLoopback: false,
    onTestConnection: vi.fn(async () => ({ ok: true as const, value: LISTED })),
    onSave: vi.fn(async ({ settings, tokens, removedAccounts }: SettingsChange) => {
      const saved = applySettingsPatch(stored.settings, settings, false);
      const kept = Object.entries({ ...stored.tokens, ...tokens }).filter(([account]) => !removedAccounts.includes(account));
      return { settings: saved, tokens: Object.fromEntries(kept) };
    }),
    watchStored: () => () => undefined,
    shortcut: { kind: 'set', keys: 'Alt+Shift+T' },
    shortcutPlace: 'chromium',
    onForget: vi.fn(async () => undefined),
    ...overrides,
  };
  render(<SettingsForm {...props} />);
  return props;
}

const type = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });
const leave = (label: string) => fireEvent.blur(screen.getByLabelText(label));
const choose = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const save = () => fireEvent.click(screen.getByRole('button', { name: 'Save' }));

/** The message a control points at with aria-describedby, if any. */
function describedError(control: HTMLElement): string | null {
  const ids = control.getAttribute('aria-describedby')?.split(' ') ?? [];
  const errorId = ids.find((id) => id.endsWith('-error'));
  return errorId ? (document.getElementById(errorId)?.textContent ?? null) : null;
}

/** What a listed user's checkbox points at: its status, usage and limit. */
function describedStatus(control: HTMLElement): string {
  const ids = control.getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' · ');
}

const testConnection = (name = 'Test connection') => fireEvent.click(screen.getByRole('button', { name }));

function fillValidAccount() {
  type('API token', 'my-token-123');
  type('Usernames', 'alice_res');
}

describe('the settings form', () => {
  it('has every field labelled, in English exactly as the end-to-end tests name them', () => {
    setup();
    for (const label of [
      'Account name',
      'API token',
      'Usernames',
      'Proxy type',
      'Poll interval (minutes)',
      'API timezone',
      'Units',
      'Chart window',
      'Badge counts',
      'Residential price per GB',
      'Unlimited price per GB',
      'Mobile price per GB',
      'Currency',
      'Badge shows',
      'Daily budget',
      'Cycle budget',
      'Billing cycle starts on day',
      'Notify at these percentages of each budget',
      'Forecast over the cycle budget',
      'Rapid use',
      'API base URL',
    ]) {
      expect(screen.getByLabelText(label)).toBeTruthy();
    }
  });

  it('keeps its headings in order and the Advanced section open', () => {
    setup();
    const headings = screen.getAllByRole('heading').map((h) => `${h.tagName} ${h.textContent}`);
    expect(headings).toEqual([
      'H1 Thordata Usage Monitor',
      'H2 Accounts',
      'H2 Polling',
      'H2 Display',
      'H2 Notifications',
      'H2 Prices and budgets',
      'H3 Price per GB',
      'H3 Budgets',
      'H3 Budget notifications',
      'H2 Advanced',
      'H2 Data in this browser',
    ]);
    expect(screen.getByLabelText('API base URL').closest('details')).toBeNull();
  });

  it('saves a valid form and says so', async () => {
    const props = setup();
    type('API token', ' my-token-123 ');
    type('Usernames', 'alice_res,  bob_scraper');
    choose('API timezone', 'UTC+8');
    save();
    await screen.findByText(/^Saved/);
    expect(props.onSave).toHaveBeenCalledWith({
      settings: { watched: watching('1', 1, 'alice_res', 'bob_scraper'), apiTimezone: { kind: 'offset', minutes: 480 } },
      tokens: { '1': 'my-token-123' },
      removedAccounts: [],
    });
    // The typed names are watched now: the box is free for the next ones.
    expect((screen.getByLabelText('Usernames') as HTMLTextAreaElement).value).toBe('');
    expect(screen.getByTestId('watched-1').textContent).toBe('Watched under this account: Residential: 2');
  });

  it('looks as simple as one account needs: no frame, name or Remove', () => {
    setup();
    expect(screen.queryByRole('group')).toBeNull();
    expect(screen.queryByRole('button', { name: /^Remove account/ })).toBeNull();
    expect(screen.getByLabelText('Account name').getAttribute('placeholder')).toBe('Account 1');
  });

  it('does not let a field’s message, revealed as the field loses focus, move a button from under the pointer', () => {
    setup();
    for (const name of ['Save', 'Test connection', 'Add', 'Add account', 'Forget token and data']) {
      // fireEvent returns false when the default, taking the focus, was prevented.
      expect(fireEvent.mouseDown(screen.getByRole('button', { name })), name).toBe(false);
    }
  });

  it('says so when the browser cannot store the settings', async () => {
    setup({ onSave: vi.fn(async () => Promise.reject(new Error('QUOTA_BYTES quota exceeded'))) });
    fillValidAccount();
    save();
    await waitFor(() => expect(screen.getByTestId('save-result').textContent).toMatch(/^Not saved: the browser could not store/));
  });

  it('shows a message next to each bad field, saves nothing and takes the focus to the first', async () => {
    const props = setup();
    type('Poll interval (minutes)', '0');
    save();
    await waitFor(() => expect(screen.getByTestId('save-result').textContent).toMatch(/^Not saved/));
    const token = screen.getByLabelText('API token');
    expect(token.getAttribute('aria-invalid')).toBe('true');
    expect(token.getAttribute('type')).toBe('password');
    expect(describedError(token)).toBe('Enter the API token from Thordata Dashboard → My Account.');
    expect(describedError(screen.getByLabelText('Usernames'))).toMatch(/at least one proxy username/);
    expect(describedError(screen.getByLabelText('Poll interval (minutes)'))).toBe('Enter a whole number of minutes from 1 to 1,440.');
    expect(props.onSave).not.toHaveBeenCalled();
    await waitFor(() => expect(document.activeElement).toBe(token));
  });

  it('lists the account’s users of every product after Test connection, with status and MB figures, and lets the person pick them', async () => {
    const props = setup();
    type('API token', ' my-token-123 ');
    testConnection();
    await screen.findByText(/^Connected: the token works and the account has 3 proxy users\./);
    expect(props.onTestConnection).toHaveBeenCalledWith({ token: 'my-token-123', apiBaseUrl: 'https://openapi.thordata.com/api' });
    const bob = screen.getByRole('checkbox', { name: 'bob_scraper (Residential)' });
    const mobile = screen.getByRole('checkbox', { name: 'mob_1 (Mobile)' });
    expect(describedStatus(bob)).toBe('disabled · 0 B · 1.00 GiB');
    expect(describedStatus(screen.getByRole('checkbox', { name: 'alice_res (Residential)' }))).toBe('active · 1.00 MiB · no limit');
    expect(describedStatus(mobile)).toBe('active · 2.00 GiB · 5.00 GiB');
    expect(mobile.closest('tr')?.textContent).toContain('Mobile');

    fireEvent.click(bob);
    fireEvent.click(mobile);
    expect(screen.getByTestId('watched-1').textContent).toBe('Watched under this account: Residential: 1, Mobile: 1');
    save();
    await screen.findByText(/^Saved/);
    expect(vi.mocked(props.onSave).mock.calls[0]?.[0].settings.watched).toEqual([...watching('1', 1, 'bob_scraper'), ...watching('1', 3, 'mob_1')]);
  });

  it('names the products whose list failed, and lists the others', async () => {
    const failures = [{ proxyType: 2 as const, error: { kind: 'server' as const, code: 502, apiMessage: '' } }];
    setup({ onTestConnection: vi.fn(async () => ({ ok: true as const, value: { ...LISTED, failures } })) });
    type('API token', 'my-token-123');
    testConnection();
    await waitFor(() => expect(screen.getByTestId('product-failure').textContent).toMatch(/^Unlimited users could not be listed: .*502/));
    expect(screen.getByRole('checkbox', { name: 'alice_res (Residential)' })).toBeTruthy();
  });

  it('filters a long list and ticks or unticks every user it shows', async () => {
    const many: AccountUsers = {
      users: Array.from({ length: 120 }, (_, i) => ({
        proxyType: i < 100 ? (1 as const) : (3 as const),
        username: `user_${String(i).padStart(3, '0')}`,
        enabled: true,
        trafficLimitMb: mb(0),
        usageMb: mb(i),
      })),
      failures: [],
    };
    setup({ onTestConnection: vi.fn(async () => ({ ok: true as const, value: many })) });
    type('API token', 'my-token-123');
    testConnection();
    await screen.findByText(/has 120 proxy users/);
    expect(screen.getAllByRole('checkbox', { name: /^user_/ })).toHaveLength(120);

    fireEvent.input(screen.getByLabelText('Filter users'), { target: { value: 'mobile' } });
    expect(screen.getByTestId('users-shown').textContent).toBe('20 of 120 shown');
    fireEvent.click(screen.getByRole('button', { name: 'Select all shown' }));
    expect(screen.getByTestId('watched-1').textContent).toBe('Watched under this account: Mobile: 20');

    fireEvent.input(screen.getByLabelText('Filter users'), { target: { value: 'user_11' } });
    expect(screen.getByTestId('users-shown').textContent).toBe('10 of 120 shown');
    fireEvent.click(screen.getByRole('button', { name: 'Select none shown' }));
    expect(screen.getByTestId('watched-1').textContent).toBe('Watched under this account: Mobile: 10');
    expect(screen.getByTestId('watched-total').textContent).toBe('Watching 10 users in all, of at most 500.');
  });

  it('adds typed names under the chosen product, for users no list shows, and removes a watched entry', () => {
    setup();
    type('Usernames', 'carol_dc\ndave_dc, carol_dc');
    choose('Proxy type', '2');
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect((screen.getByLabelText('Usernames') as HTMLTextAreaElement).value).toBe('');
    expect(screen.getByTestId('watched-1').textContent).toBe('Watched under this account: Unlimited: 2');

    type('Usernames', `ok_name ${'x'.repeat(65)}`);
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(describedError(screen.getByLabelText('Usernames'))).toBe(`“${'x'.repeat(65)}” is not a valid username (at most 64 characters, no spaces).`);
    expect(screen.getByTestId('watched-1').textContent).toBe('Watched under this account: Unlimited: 2');

    fireEvent.click(screen.getByRole('button', { name: 'Remove (carol_dc, Unlimited)' }));
    expect(screen.getByTestId('watched-1').textContent).toBe('Watched under this account: Unlimited: 1');
  });

  it('shows the specific error when the connection test fails', async () => {
    setup({
      onTestConnection: vi.fn(async () => ({ ok: false as const, error: { kind: 'auth' as const, code: 10013, apiMessage: '' } })),
    });
    type('API token', 'my-token-123');
    testConnection();
    await waitFor(() => expect(screen.getByTestId('test-result').textContent).toContain('rejected the API token'));
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('says so when the background does not answer the connection test', async () => {
    setup({ onTestConnection: vi.fn(async () => Promise.reject(new Error('Receiving end does not exist.'))) });
    type('API token', 'my-token-123');
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    await waitFor(() => expect(screen.getByTestId('test-result').textContent).toMatch(/^The extension’s background did not answer/));
    expect(screen.getByRole('button', { name: 'Test connection' }).getAttribute('aria-disabled')).toBeNull();
  });

  it('ignores a second click while a test is under way', async () => {
    type Reply = Awaited<ReturnType<SettingsFormProps['onTestConnection']>>;
    let answer: (reply: Reply) => void = () => undefined;
    const props = setup({ onTestConnection: vi.fn(() => new Promise<Reply>((resolve) => (answer = resolve))) });
    type('API token', 'my-token-123');
    const button = screen.getByRole('button', { name: 'Test connection' });
    fireEvent.click(button);
    await waitFor(() => expect(button.getAttribute('aria-disabled')).toBe('true'));
    fireEvent.click(button);
    expect(props.onTestConnection).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('test-result').textContent).toBe('Testing the connection…');
    answer({ ok: true, value: { users: [], failures: [] } });
    await waitFor(() => expect(screen.getByTestId('test-result').textContent).toMatch(/^Connected, but the account has no proxy users yet/));
  });

  it('does not test the connection with an empty token, and marks the token', () => {
    const props = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(props.onTestConnection).not.toHaveBeenCalled();
    expect(screen.getByTestId('test-result').textContent).toBe('Fix the marked fields first.');
    expect(screen.getByText(/Enter the API token/)).toBeTruthy();
    expect(screen.queryByText(/at least one proxy username/)).toBeNull();
  });

  it('shows and hides the token', () => {
    setup();
    type('API token', 'my-token-123');
    expect(screen.getByLabelText('API token').getAttribute('type')).toBe('password');
    fireEvent.click(screen.getByRole('button', { name: 'Show token' }));
    expect(screen.getByLabelText('API token').getAttribute('type')).toBe('text');
    fireEvent.click(screen.getByRole('button', { name: 'Hide token' }));
    expect(screen.getByLabelText('API token').getAttribute('type')).toBe('password');
  });

  it('saves the notification rules with their thresholds in the API’s units', async () => {
    const props = setup();
    fillValidAccount();
    fireEvent.click(screen.getByRole('checkbox', { name: 'One user’s traffic this hour passes' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'One user’s traffic this hour passes GiB' }), { target: { value: '1.5' } });
    save();
    await screen.findByText(/^Saved/);
    const saved = vi.mocked(props.onSave).mock.calls[0]?.[0].settings;
    // Only the rule that changed is written: another page's change to another rule stays.
    expect(saved?.alerts).toEqual({ hourlyUser: { enabled: true, kb: 1.5 * GIB_IN_KB } });
  });

  it('rejects a bad threshold next to its rule and saves nothing', async () => {
    const props = setup();
    fillValidAccount();
    const percent = screen.getByRole('textbox', { name: 'A user’s remaining traffic falls below % of its limit' });
    fireEvent.input(percent, { target: { value: '150' } });
    save();
    await screen.findByText(/^Not saved/);
    expect(describedError(percent)).toBe('Enter a percentage from 1 to 99.');
    expect(percent.getAttribute('aria-invalid')).toBe('true');
    expect(props.onSave).not.toHaveBeenCalled();
  });

  it('says so when notifications are blocked', () => {
    setup({ permission: 'denied' });
    expect(screen.getByTestId('notification-permission').textContent).toContain('blocked');
  });
});

describe('live validation', () => {
  it('says nothing about a field until the person leaves it, then follows each keystroke', () => {
    setup();
    const interval = screen.getByLabelText('Poll interval (minutes)');
    type('Poll interval (minutes)', '0');
    expect(interval.getAttribute('aria-invalid')).toBeNull();
    expect(describedError(interval)).toBeNull();

    leave('Poll interval (minutes)');
    expect(interval.getAttribute('aria-invalid')).toBe('true');
    expect(describedError(interval)).toBe('Enter a whole number of minutes from 1 to 1,440.');
    expect(interval.getAttribute('aria-describedby')).toBe('pollIntervalMinutes-error pollIntervalMinutes-hint');

    type('Poll interval (minutes)', '15');
    expect(interval.getAttribute('aria-invalid')).toBeNull();
    expect(describedError(interval)).toBeNull();
    expect(interval.getAttribute('aria-describedby')).toBe('pollIntervalMinutes-hint');

    type('Poll interval (minutes)', '2.5');
    expect(describedError(interval)).toBe('Enter a whole number of minutes from 1 to 1,440.');
  });

  it('does not mark other fields when one is left', () => {
    setup();
    leave('API token');
    expect(describedError(screen.getByLabelText('API token'))).toMatch(/Enter the API token/);
    expect(describedError(screen.getByLabelText('Usernames'))).toBeNull();
  });

  it.each<[string, string, string]>([
    ['API token', 'abc', 'A token is 8 to 256 visible characters with no spaces; paste it again.'],
    ['API token', '', 'Enter the API token from Thordata Dashboard → My Account.'],
    ['Usernames', ' , ', 'Enter at least one proxy username, or pick one after Test connection.'],
    ['Usernames', `ok ${'x'.repeat(65)}`, `“${'x'.repeat(65)}” is not a valid username (at most 64 characters, no spaces).`],
    ['Account name', 'x'.repeat(41), 'Keep the account name to 40 characters or fewer.'],
    ['Poll interval (minutes)', '1441', 'Enter a whole number of minutes from 1 to 1,440.'],
    ['API base URL', 'openapi.thordata.com', 'Enter a full URL such as https://openapi.thordata.com/api.'],
    ['API base URL', 'https://openapi.thordata.com/api?x=1', 'The API base URL may not contain a query, a fragment or credentials.'],
    ['API base URL', 'http://127.0.0.1:8787/api', 'This build talks only to https://openapi.thordata.com/….'],
  ])('explains a bad %s (%j) in English', (label, value, message) => {
    setup();
    type(label, value);
    leave(label);
    expect(describedError(screen.getByLabelText(label))).toBe(message);
  });

  it('names loopback as the way out in the demo build', () => {
    setup({ allowLoopback: true });
    type('API base URL', 'https://example.com/api');
    leave('API base URL');
    expect(describedError(screen.getByLabelText('API base URL'))).toMatch(/loopback address/);
  });

  it.each<[string, string, string]>([
    ['This hour’s traffic, all watched users together, passes GiB (the badge turns amber from 80%)', '0', 'Enter an amount above 0, at most 100,000.'],
    ['One user’s traffic this hour passes GiB', 'lots', 'Enter an amount above 0, at most 100,000.'],
    ['Spike: this hour reaches × the typical hour (median of the last 24 complete hours), and at least', '1', 'Enter a factor from 1.5 to 100.'],
    ['Spike: this hour reaches MiB', '-1', 'Enter an amount from 0 to 10,000,000.'],
    ['A user’s remaining traffic falls below % of its limit', '0', 'Enter a percentage from 1 to 99.'],
    ['The account’s traffic balance falls below GiB', '', 'Enter an amount above 0, at most 10,000,000.'],
    ['The plan expires within days', '1.5', 'Enter a whole number of days from 1 to 365.'],
    ['Polling is broken: the token is rejected, or updates fail for more than minutes', '4', 'Enter a whole number of minutes from 5 to 1,440.'],
  ])('explains a bad threshold “%s” when it is left', (name, value, message) => {
    setup();
    const input = screen.getByRole('textbox', { name });
    fireEvent.input(input, { target: { value } });
    expect(describedError(input)).toBeNull();
    fireEvent.blur(input);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(describedError(input)).toBe(message);
  });
});

describe('units and chart window', () => {
  it('keeps each traffic threshold’s meaning when the units change', async () => {
    const props = setup();
    fillValidAccount();
    const hourly = () => screen.getByRole('textbox', { name: /^This hour’s traffic, all watched users together, passes/ }) as HTMLInputElement;
    const floor = () => screen.getByRole('textbox', { name: /^Spike: this hour reaches M/ }) as HTMLInputElement;
    const balance = () => screen.getByRole('textbox', { name: /^The account’s traffic balance falls below/ }) as HTMLInputElement;
    expect([hourly().value, floor().value, balance().value]).toEqual(['5', '100', '10']);

    choose('Units', 'decimal');
    expect(screen.getByRole('textbox', { name: /passes GB \(the badge/ })).toBe(hourly());
    expect([hourly().value, floor().value, balance().value]).toEqual(['5.369', '104.858', '10.737']);
    expect(screen.getByRole('textbox', { name: 'A user’s remaining traffic falls below % of its limit' })).toHaveProperty('value', '10');

    choose('Units', 'binary');
    expect([hourly().value, floor().value, balance().value]).toEqual(['5', '100', '10']);

    choose('Units', 'decimal');
    save();
    await screen.findByText(/^Saved/);
    const saved = vi.mocked(props.onSave).mock.calls[0]?.[0].settings;
    expect(saved?.units).toBe('decimal');
    // 5.369 GB, as shown, still means exactly the 5 GiB it was: no rule changed.
    expect(saved).not.toHaveProperty('alerts');
  });

  it('takes a threshold typed after the switch in the new units', async () => {
    const props = setup();
    fillValidAccount();
    choose('Units', 'decimal');
    fireEvent.input(screen.getByRole('textbox', { name: /^One user’s traffic this hour passes GB/ }), { target: { value: '2' } });
    save();
    await screen.findByText(/^Saved/);
    expect(vi.mocked(props.onSave).mock.calls[0]?.[0].settings.alerts?.hourlyUser?.kb).toBe(2e9 / 1024);
  });

  it('leaves a threshold that is not a number as typed when the units change', () => {
    setup();
    const hourly = screen.getByRole('textbox', { name: /^One user’s traffic this hour passes/ }) as HTMLInputElement;
    fireEvent.input(hourly, { target: { value: '2,5' } });
    choose('Units', 'decimal');
    expect(hourly.value).toBe('2,5');
  });

  it('saves the chosen chart window', async () => {
    const props = setup();
    fillValidAccount();
    const chart = screen.getByLabelText('Chart window') as HTMLSelectElement;
    expect([...chart.options].map((option) => option.textContent)).toEqual(['12 hours', '24 hours', '48 hours', '72 hours']);
    expect(chart.value).toBe('24');
    choose('Chart window', '72');
    save();
    await screen.findByText(/^Saved/);
    expect(vi.mocked(props.onSave).mock.calls[0]?.[0].settings).toEqual({ watched: watching('1', 1, 'alice_res'), chartHours: 72 });
  });

  it('starts from the saved units and chart window', () => {
    const settings = { ...DEFAULT_SETTINGS, units: 'decimal' as const, chartHours: 48 as const };
    setup({ stored: { settings, tokens: {} } });
    expect((screen.getByLabelText('Units') as HTMLSelectElement).value).toBe('decimal');
    expect((screen.getByLabelText('Chart window') as HTMLSelectElement).value).toBe('48');
    expect(screen.getByRole('textbox', { name: /passes GB \(the badge/ })).toHaveProperty('value', '5.369');
  });
});

describe('forget token and data', () => {
  it('asks in the page first, and Cancel keeps everything', async () => {
    const props = setup();
    type('API token', 'my-token-123');
    fireEvent.click(screen.getByRole('button', { name: 'Forget token and data' }));
    const group = screen.getByRole('group', { name: /removes the token, settings, cached hours and days and alert history/ });
    expect(group).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' })));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(props.onForget).not.toHaveBeenCalled();
    expect(screen.queryByRole('button', { name: 'Forget everything' })).toBeNull();
    expect((screen.getByLabelText('API token') as HTMLInputElement).value).toBe('my-token-123');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Forget token and data' })));
  });

  it('cancels with Escape too', () => {
    const props = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Forget token and data' }));
    fireEvent.keyDown(screen.getByRole('button', { name: 'Cancel' }), { key: 'Escape' });
    expect(screen.queryByRole('group')).toBeNull();
    expect(props.onForget).not.toHaveBeenCalled();
  });

  it('forgets when confirmed, resets the form to the defaults and says so', async () => {
    const settings = { ...DEFAULT_SETTINGS, watched: watching('1', 1, 'alice_res'), pollIntervalMinutes: 30, chartHours: 72 as const };
    const props = setup({ stored: { settings, tokens: { '1': 'my-token-123' } } });
    type('Poll interval (minutes)', '0');
    save();
    await screen.findByText(/^Not saved/);
    fireEvent.click(screen.getByRole('button', { name: 'Forget token and data' }));
    fireEvent.click(screen.getByRole('button', { name: 'Forget everything' }));
    await waitFor(() => expect(screen.getByTestId('forget-result').textContent).toMatch(/^Forgotten: the token, settings/));
    expect(props.onForget).toHaveBeenCalledTimes(1);
    expect((screen.getByLabelText('API token') as HTMLInputElement).value).toBe('');
    expect(screen.getByTestId('watched-1').textContent).toBe('No users watched under this account yet.');
    expect((screen.getByLabelText('Poll interval (minutes)') as HTMLInputElement).value).toBe('10');
    expect((screen.getByLabelText('Chart window') as HTMLSelectElement).value).toBe('24');
    expect(screen.queryByText(/whole number of minutes/)).toBeNull();
    expect(screen.getByTestId('save-result').textContent).toBe('');
  });

  it('says so, and keeps the form, when the browser refuses', async () => {
    setup({ onForget: vi.fn(async () => Promise.reject(new Error('storage failed'))), stored: { ...NOTHING_STORED, tokens: { '1': 'my-token-123' } } });
    fireEvent.click(screen.getByRole('button', { name: 'Forget token and data' }));
    fireEvent.click(screen.getByRole('button', { name: 'Forget everything' }));
    await waitFor(() => expect(screen.getByTestId('forget-result').textContent).toMatch(/^Could not remove everything/));
    expect((screen.getByLabelText('API token') as HTMLInputElement).value).toBe('my-token-123');
  });
});

describe('in Simplified Chinese', () => {
  const zh = (overrides: Partial<SettingsFormProps> = {}) => setup({ language: CHINESE, ...overrides });

  it('labels every field and button in Chinese', () => {
    zh();
    for (const label of [
      '账户名称',
      'API 令牌',
      '代理类型',
      '用户名',
      '轮询间隔（分钟）',
      'API 时区',
      '单位',
      '图表时间范围',
      '徽标统计范围',
      '住宅代理每 GB 价格',
      '货币',
      '徽标显示',
      '每日预算',
      '周期预算',
      '计费周期起始日',
      '用量达到每项预算的这些百分比时通知',
      '预计超出周期预算',
      '用量过快',
      'API 基础地址',
    ]) {
      expect(screen.getByLabelText(label)).toBeTruthy();
    }
    for (const name of ['测试连接', '添加', '添加账户', '保存', '清除令牌和数据', '显示令牌']) expect(screen.getByRole('button', { name })).toBeTruthy();
    expect(screen.getAllByRole('heading').map((h) => h.textContent)).toEqual([
      'Thordata 用量监控',
      '账户',
      '轮询',
      '显示',
      '通知',
      '价格与预算',
      '每 GB 价格',
      '预算',
      '预算通知',
      '高级',
      '此浏览器中的数据',
    ]);
    expect([...(screen.getByLabelText('代理类型') as HTMLSelectElement).options].map((o) => o.textContent)).toEqual([
      '住宅代理',
      '不限量代理',
      '移动代理',
    ]);
    expect([...(screen.getByLabelText('图表时间范围') as HTMLSelectElement).options].map((o) => o.textContent)).toEqual([
      '12小时',
      '24小时',
      '48小时',
      '72小时',
    ]);
    expect(screen.getByRole('checkbox', { name: '单个用户本小时流量超过' })).toBeTruthy();
    expect(screen.queryByText('API token')).toBeNull();
  });

  it.each<[string, string, string]>([
    ['API 令牌', '', '请输入 API 令牌（在 Thordata 控制台 → 我的账户中获取）。'],
    ['API 令牌', 'a b', '令牌由 8 到 256 个可见字符组成，不含空格，请重新粘贴。'],
    ['用户名', '', '请至少输入一个代理用户名，或在“测试连接”后从列表中勾选。'],
    ['轮询间隔（分钟）', '0', '请输入 1 到 1,440 之间的整数分钟数。'],
    ['API 基础地址', 'http://openapi.thordata.com/api', '此版本只连接 https://openapi.thordata.com/…。'],
  ])('explains a bad %s (%j) in Chinese', (label, value, message) => {
    zh();
    type(label, value);
    leave(label);
    expect(describedError(screen.getByLabelText(label))).toBe(message);
  });

  it('explains a bad threshold in Chinese', () => {
    zh();
    const input = screen.getByRole('textbox', { name: '用户剩余流量低于其限额的 %' });
    fireEvent.input(input, { target: { value: '100' } });
    fireEvent.blur(input);
    expect(describedError(input)).toBe('请输入 1 到 99 之间的百分比。');
  });

  it('reports saving, the connection test and forgetting in Chinese', async () => {
    const props = zh();
    type('API 令牌', 'my-token-123');
    fireEvent.click(screen.getByRole('button', { name: '测试连接' }));
    await waitFor(() => expect(screen.getByTestId('test-result').textContent).toBe('连接成功：令牌有效，此账户共有 3 个代理用户。'));
    // happy-dom's accessible names put a space between the name and its hidden words, which a browser does not.
    expect(describedStatus(screen.getByRole('checkbox', { name: /^bob_scraper ?（住宅代理）$/ }))).toBe('已停用 · 0 B · 1.00 GiB');
    expect(screen.getByRole('checkbox', { name: /^mob_1 ?（移动代理）$/ }).closest('tr')?.textContent).toContain('移动代理');
    fireEvent.click(screen.getByRole('checkbox', { name: /^alice_res ?（住宅代理）$/ }));
    expect(screen.getByTestId('watched-1').textContent).toBe('此账户下监控：住宅代理：1');
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(screen.getByTestId('save-result').textContent).toBe('已保存，正在获取最新数据。'));
    expect(props.onSave).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: '清除令牌和数据' }));
    fireEvent.click(screen.getByRole('button', { name: '全部清除' }));
    await waitFor(() => expect(screen.getByTestId('forget-result').textContent).toMatch(/^已清除/));
  });

  it('describes a failed connection test in Chinese', async () => {
    zh({ onTestConnection: vi.fn(async () => ({ ok: false as const, error: { kind: 'auth' as const, code: 10013, apiMessage: '' } })) });
    type('API 令牌', 'my-token-123');
    fireEvent.click(screen.getByRole('button', { name: '测试连接' }));
    await waitFor(() => expect(screen.getByTestId('test-result').textContent).toContain('Thordata 拒绝了 API 令牌'));
  });
});

const ALICE = watching('1', 1, 'alice_res');

describe('with other pages writing the settings', () => {
  let told: unknown[];

  beforeEach(async () => {
    fakeBrowser.reset();
    told = [];
    fakeBrowser.runtime.onMessage.addListener((message) => {
      told.push(message);
    });
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, watched: ALICE });
    await tokenItem('1').setValue('my-token-123');
  });

  /**
   * The settings page as entrypoints/options/main.tsx wires it, over the fake storage. A page
   * that does not hear stands for one whose change event has not arrived yet.
   */
  async function openSettingsPage({ hears = true } = {}) {
    render(
      <SettingsForm
        language={ENGLISH}
        stored={await readStoredSettings()}
        permission="granted"
        allowLoopback={false}
        onTestConnection={vi.fn(async () => ({ ok: true as const, value: LISTED }))}
        onSave={saveChange}
        watchStored={hears ? watchStoredSettings : () => () => undefined}
        onForget={forgetTokenAndData}
        shortcut={{ kind: 'none' }}
        shortcutPlace="chromium"
      />,
    );
  }

  /** What the popup does when its chart window is chosen (entrypoints/popup/main.tsx), through the raw storage API. */
  const popupChoosesChartHours = (chartHours: ChartHours) =>
    writeSettingsPatch(
      {
        read: async () => (await browser.storage.local.get(['settings'])).settings,
        write: (settings) => browser.storage.local.set({ settings }),
      },
      { chartHours },
      false,
      navigator,
    );

  /** Another settings tab saving: a change to what is stored. */
  async function elsewhere(change: (settings: Settings) => Settings) {
    await settingsItem.setValue(change(await settingsItem.getValue()));
  }

  const valueOf = (label: string) => (screen.getByLabelText(label) as HTMLInputElement).value;
  const threshold = (name: RegExp) => screen.getByRole('textbox', { name }) as HTMLInputElement;
  const userBalance = () => threshold(/^A user’s remaining traffic falls below/);
  const spikeFactor = () => threshold(/^Spike: this hour reaches ×/);
  const saved = async () => {
    save();
    await screen.findByText(/^Saved/);
  };

  it('keeps the chart window chosen in the popup when a page opened before saves another field', async () => {
    await openSettingsPage();
    await popupChoosesChartHours(72);
    await waitFor(() => expect(valueOf('Chart window')).toBe('72'));
    type('Poll interval (minutes)', '30');
    await saved();
    expect(await settingsItem.getValue()).toEqual({ ...DEFAULT_SETTINGS, watched: ALICE, chartHours: 72, pollIntervalMinutes: 30 });
    expect(told).toEqual([{ type: 'settings-saved' }]);
  });

  it('keeps the popup’s chart window even when the page saves before hearing of it, and then shows it', async () => {
    await openSettingsPage({ hears: false });
    await popupChoosesChartHours(72);
    expect(valueOf('Chart window')).toBe('24');
    type('Poll interval (minutes)', '30');
    await saved();
    expect(await settingsItem.getValue()).toMatchObject({ chartHours: 72, pollIntervalMinutes: 30 });
    expect(valueOf('Chart window')).toBe('72');
  });

  it('shows a change made elsewhere in the fields the person has not touched', async () => {
    await openSettingsPage();
    await elsewhere((settings) => ({
      ...settings,
      accounts: [{ id: '1', label: 'Production' }],
      watched: [...ALICE, ...watching('1', 3, 'carol_dc')],
      alerts: { ...settings.alerts, spike: { ...settings.alerts.spike, factor: 5 } },
    }));
    await waitFor(() => expect(screen.getByTestId('watched-1').textContent).toBe('Watched under this account: Residential: 1, Mobile: 1'));
    expect(valueOf('Account name')).toBe('Production');
    expect(spikeFactor().value).toBe('5');
  });

  it('shows the thresholds in the units chosen elsewhere, still meaning the same amounts', async () => {
    await openSettingsPage();
    await elsewhere((settings) => ({ ...settings, units: 'decimal' }));
    await waitFor(() => expect(valueOf('Units')).toBe('decimal'));
    expect(threshold(/passes GB \(the badge/).value).toBe('5.369');
    await saved();
    expect((await settingsItem.getValue()).alerts).toEqual(DEFAULT_SETTINGS.alerts);
  });

  it('re-expresses a threshold changed elsewhere in the units the person has chosen here', async () => {
    await openSettingsPage();
    choose('Units', 'decimal');
    await elsewhere((settings) => ({
      ...settings,
      alerts: { ...settings.alerts, hourlyTotal: { enabled: true, kb: kb(8 * GIB_IN_KB) } },
    }));
    await waitFor(() => expect(threshold(/passes GB \(the badge/).value).toBe('8.59'));
    await saved();
    expect(await settingsItem.getValue()).toMatchObject({ units: 'decimal', alerts: { hourlyTotal: { kb: 8 * GIB_IN_KB } } });
  });

  it('keeps the exact amount behind a threshold changed elsewhere, which the form shows rounded', async () => {
    await openSettingsPage();
    const exact = kb(5 * GIB_IN_KB + 100);
    await elsewhere((settings) => ({
      ...settings,
      pollIntervalMinutes: 45,
      alerts: { ...settings.alerts, hourlyTotal: { enabled: true, kb: exact } },
    }));
    await waitFor(() => expect(valueOf('Poll interval (minutes)')).toBe('45'));
    expect(threshold(/passes GiB \(the badge/).value).toBe('5');
    type('Account name', 'Production');
    await saved();
    expect((await settingsItem.getValue()).alerts.hourlyTotal.kb).toBe(exact);
  });

  it('keeps the amount the person typed through a change of units and a change elsewhere', async () => {
    await openSettingsPage();
    fireEvent.click(screen.getByRole('checkbox', { name: 'One user’s traffic this hour passes' }));
    fireEvent.input(threshold(/^One user’s traffic this hour passes GiB/), { target: { value: '1.5' } });
    choose('Units', 'decimal');
    await elsewhere((settings) => ({ ...settings, pollIntervalMinutes: 45 }));
    await waitFor(() => expect(valueOf('Poll interval (minutes)')).toBe('45'));
    expect(threshold(/^One user’s traffic this hour passes GB/).value).toBe('1.611');
    await saved();
    expect((await settingsItem.getValue()).alerts.hourlyUser).toEqual({ enabled: true, kb: 1.5 * GIB_IN_KB });
  });

  it('keeps what the person is typing when the same field changes elsewhere, and saves their value', async () => {
    await openSettingsPage();
    type('Account name', 'Mine');
    type('Usernames', 'bob_scraper');
    fireEvent.input(userBalance(), { target: { value: '20' } });
    await elsewhere((settings) => ({
      ...settings,
      accounts: [{ id: '1', label: 'Theirs' }],
      watched: watching('1', 1, 'carol_dc'),
      pollIntervalMinutes: 45,
      alerts: { ...settings.alerts, userBalance: { enabled: true, percent: 30 }, spike: { ...settings.alerts.spike, factor: 5 } },
    }));
    await waitFor(() => expect(valueOf('Poll interval (minutes)')).toBe('45'));
    expect(valueOf('Account name')).toBe('Mine');
    expect(valueOf('Usernames')).toBe('bob_scraper');
    expect(userBalance().value).toBe('20');
    expect(spikeFactor().value).toBe('5');

    await saved();
    const stored = await settingsItem.getValue();
    // The name typed is added to what is watched now, which changed elsewhere.
    expect(stored).toMatchObject({ accounts: [{ id: '1', label: 'Mine' }], watched: watching('1', 1, 'carol_dc', 'bob_scraper'), pollIntervalMinutes: 45 });
    expect(stored.alerts).toMatchObject({ userBalance: { enabled: true, percent: 20 }, spike: { factor: 5 } });
  });

  it('does not write the token back when it was not changed, so a token saved in another tab stays', async () => {
    await openSettingsPage({ hears: false });
    await tokenItem('1').setValue('newer-token-456');
    const tokenWrites: unknown[] = [];
    fakeBrowser.storage.onChanged.addListener((changes) => {
      if ('apiToken' in changes) tokenWrites.push(changes.apiToken);
    });
    type('Poll interval (minutes)', '30');
    await saved();
    expect(await tokenItem('1').getValue()).toBe('newer-token-456');
    expect(tokenWrites).toEqual([]);
    expect(valueOf('API token')).toBe('newer-token-456');
  });

  it('writes the token when the person changes it', async () => {
    await openSettingsPage();
    type('API token', ' pasted-token-789 ');
    await saved();
    expect(await tokenItem('1').getValue()).toBe('pasted-token-789');
    expect(valueOf('API token')).toBe('pasted-token-789');
  });

  it('resets after Forget, and goes on following what is stored', async () => {
    await openSettingsPage();
    type('Poll interval (minutes)', '30');
    fireEvent.click(screen.getByRole('button', { name: 'Forget token and data' }));
    fireEvent.click(screen.getByRole('button', { name: 'Forget everything' }));
    await screen.findByText(/^Forgotten/);
    expect([valueOf('API token'), valueOf('Usernames'), valueOf('Poll interval (minutes)')]).toEqual(['', '', '10']);
    expect(screen.getByTestId('watched-1').textContent).toBe('No users watched under this account yet.');

    await popupChoosesChartHours(48);
    await waitFor(() => expect(valueOf('Chart window')).toBe('48'));
  });
});

describe('several accounts', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  const valueOf = (label: string) => (screen.getByLabelText(label) as HTMLInputElement).value;
  const saved = async () => {
    save();
    await screen.findByText(/^Saved/);
  };

  async function openPage(stored?: StoredSettings, overrides: Partial<SettingsFormProps> = {}) {
    if (stored) {
      await settingsItem.setValue(stored.settings);
      for (const [account, token] of Object.entries(stored.tokens)) await tokenItem(account).setValue(token);
    }
    const props: SettingsFormProps = {
      language: ENGLISH,
      stored: await readStoredSettings(),
      permission: 'granted',
      allowLoopback: false,
      onTestConnection: vi.fn(async () => ({ ok: true as const, value: LISTED })),
      onSave: saveChange,
      watchStored: watchStoredSettings,
      onForget: forgetTokenAndData,
      shortcut: { kind: 'set', keys: 'Alt+Shift+T' },
      shortcutPlace: 'chromium',
      ...overrides,
    };
    render(<SettingsForm {...props} />);
    return props;
  }

  const TWO: StoredSettings = {
    settings: {
      ...DEFAULT_SETTINGS,
      accounts: [
        { id: '1', label: 'Production' },
        { id: 'k2x9qa', label: '' },
      ],
      watched: [...watching('1', 1, 'alice_res'), ...watching('k2x9qa', 3, 'mob_1', 'mob_2')],
    },
    tokens: { '1': 'prod-token-111', k2x9qa: 'stage-token-222' },
  };

  it('saves two accounts with their own labels, tokens and users', async () => {
    await openPage();
    type('API token', 'prod-token-111');
    type('Usernames', 'alice_res');
    fireEvent.click(screen.getByRole('button', { name: 'Add account' }));
    // Each account's fields are told apart by its place once there are two.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Account name (Account 2)')));
    expect(screen.getByLabelText('Account name (Account 2)').getAttribute('placeholder')).toBe('Account 2');
    type('Account name (Account 1)', 'Production');
    type('Account name (Account 2)', 'Staging');
    type('API token (Account 2)', 'stage-token-222');
    type('Usernames (Account 2)', 'mob_1 mob_2');
    choose('Proxy type (Account 2)', '3');
    expect(screen.getAllByRole('group').map((group) => group.querySelector('legend')?.textContent)).toEqual(['Production', 'Staging']);
    await saved();

    const settings = await settingsItem.getValue();
    const second = settings.accounts[1]?.id ?? '';
    expect(second).toMatch(/^[0-9a-z]{6}$/);
    expect(settings.accounts).toEqual([
      { id: '1', label: 'Production' },
      { id: second, label: 'Staging' },
    ]);
    expect(settings.watched).toEqual([...watching('1', 1, 'alice_res'), ...watching(second, 3, 'mob_1', 'mob_2')]);
    expect(await tokenItem('1').getValue()).toBe('prod-token-111');
    expect(await tokenItem(second).getValue()).toBe('stage-token-222');
    expect(Object.keys(await browser.storage.local.get(null))).toContain(`apiToken.${second}`);
    // Tokens are never in the settings themselves.
    expect(JSON.stringify(settings)).not.toContain('token-');
  });

  it('tests each account with its own token and lists its users as that account’s', async () => {
    const props = await openPage(TWO);
    testConnection('Test connection (Account 2)');
    await waitFor(() => expect(screen.getByTestId('test-result-2').textContent).toMatch(/^Connected/));
    expect(props.onTestConnection).toHaveBeenCalledWith({ token: 'stage-token-222', apiBaseUrl: 'https://openapi.thordata.com/api' });
    expect(screen.getByTestId('test-result').textContent).toBe('');
    fireEvent.click(screen.getByRole('checkbox', { name: 'alice_res (Residential, Account 2)' }));
    expect(screen.getByRole('checkbox', { name: 'mob_1 (Mobile, Account 2)' })).toHaveProperty('checked', true);
    expect(screen.getByTestId('watched-k2x9qa').textContent).toBe('Watched under this account: Residential: 1, Mobile: 2');
    expect(screen.getByTestId('watched-1').textContent).toBe('Watched under this account: Residential: 1');
  });

  it('shows an error of the whole test next to its account, in the person’s language', async () => {
    await openPage(TWO, {
      language: CHINESE,
      onTestConnection: vi.fn(async () => ({ ok: false as const, error: { kind: 'auth' as const, code: 10013, apiMessage: '' } })),
    });
    fireEvent.click(screen.getByRole('button', { name: /^测试连接 ?（账户 2）$/ }));
    await waitFor(() => expect(screen.getByTestId('test-result-2').textContent).toContain('Thordata 拒绝了 API 令牌'));
    expect(screen.getByTestId('test-result').textContent).toBe('');
  });

  it('removes an account after asking: its users at once, its token item at Save', async () => {
    await openPage(TWO);
    fireEvent.click(screen.getByRole('button', { name: 'Remove account (Account 2)' }));
    const group = screen.getByRole('group', { name: /^Remove Account 2\? Its token and the users watched under it/ });
    await waitFor(() => expect(document.activeElement).toBe(within(group).getByRole('button', { name: 'Cancel' })));
    fireEvent.click(within(group).getByRole('button', { name: 'Cancel' }));
    expect(screen.getByLabelText('API token (Account 2)')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Remove account (Account 2)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove' }));
    expect(screen.queryByLabelText('API token (Account 2)')).toBeNull();
    // Back to one account: its fields are plain again, and it cannot be removed.
    expect(screen.queryByRole('button', { name: /^Remove account/ })).toBeNull();
    expect(screen.getByTestId('watched-total').textContent).toBe('Watching 1 user in all, of at most 500.');
    expect(await tokenItem('k2x9qa').getValue()).toBe('stage-token-222');

    await saved();
    expect(await settingsItem.getValue()).toMatchObject({ accounts: [{ id: '1', label: 'Production' }], watched: watching('1', 1, 'alice_res') });
    expect(Object.keys(await browser.storage.local.get(null)).filter((key) => key.startsWith('apiToken'))).toEqual(['apiToken']);
  });

  it('lets the first account go too while another remains, and a badge scoped to a removed account counts everything', async () => {
    await openPage({ ...TWO, settings: { ...TWO.settings, badgeScope: { kind: 'account', account: '1' } } });
    expect(valueOf('Badge counts')).toBe('account:1');
    fireEvent.click(screen.getByRole('button', { name: 'Remove account (Account 1)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove' }));
    expect(valueOf('Badge counts')).toBe('all');
    await saved();
    expect(await settingsItem.getValue()).toMatchObject({ accounts: [{ id: 'k2x9qa', label: '' }], badgeScope: { kind: 'all' } });
    expect(await tokenItem('1').getValue()).toBe('');
    expect(await tokenItem('k2x9qa').getValue()).toBe('stage-token-222');
  });

  it('refuses a missing token on an account with watched users, on that account’s token field', async () => {
    await openPage(TWO);
    type('API token (Account 2)', '');
    save();
    await screen.findByText(/^Not saved/);
    const token = screen.getByLabelText('API token (Account 2)');
    expect(describedError(token)).toBe('Enter the API token from Thordata Dashboard → My Account.');
    expect(describedError(screen.getByLabelText('API token (Account 1)'))).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(token));
  });

  it('saves an account added without users or token, and asks for its token only to test it', async () => {
    const props = await openPage(TWO);
    fireEvent.click(screen.getByRole('button', { name: 'Add account' }));
    testConnection('Test connection (Account 3)');
    expect(props.onTestConnection).not.toHaveBeenCalled();
    expect(screen.getByTestId('test-result-3').textContent).toBe('Fix the marked fields first.');
    expect(describedError(screen.getByLabelText('API token (Account 3)'))).toBe('Enter the API token from Thordata Dashboard → My Account.');
    await saved();
    expect((await settingsItem.getValue()).accounts).toHaveLength(3);
  });

  it('follows a token saved elsewhere for any account', async () => {
    await openPage(TWO);
    await tokenItem('k2x9qa').setValue('rotated-token-333');
    await waitFor(() => expect(valueOf('API token (Account 2)')).toBe('rotated-token-333'));
  });

  it('offers no more than the most accounts allowed', async () => {
    await openPage();
    for (let i = 1; i < 20; i += 1) fireEvent.click(screen.getByRole('button', { name: 'Add account' }));
    expect(screen.queryByRole('button', { name: 'Add account' })).toBeNull();
    expect(screen.getByText('At most 20 accounts.')).toBeTruthy();
    expect(screen.getByLabelText('API token (Account 20)')).toBeTruthy();
  });
});

describe('many watched users', () => {
  const names = (count: number, prefix = 'u') => Array.from({ length: count }, (_, i) => `${prefix}${i}`);

  it('saves 300 watched users and says polling will run less often than chosen', async () => {
    const props = setup();
    type('API token', 'my-token-123');
    type('Usernames', names(300).join('\n'));
    expect(screen.getByTestId('interval-note').textContent).toBe(
      'With 300 watched users a full round of requests takes about 9 min, so polling runs every 14 min rather than every 10.',
    );
    type('Poll interval (minutes)', '15');
    expect(screen.queryByTestId('interval-note')).toBeNull();
    type('Poll interval (minutes)', '10');
    save();
    await screen.findByText(/^Saved/);
    expect(vi.mocked(props.onSave).mock.calls[0]?.[0].settings.watched).toHaveLength(300);
    expect(screen.getByTestId('watched-total').textContent).toBe('Watching 300 users in all, of at most 500.');
  });

  it('refuses more users than may be watched, saying the limit', async () => {
    const props = setup({
      stored: { settings: { ...DEFAULT_SETTINGS, watched: watching('1', 1, ...names(400)) }, tokens: { '1': 'my-token-123' } },
    });
    type('Usernames', names(101, 'm').join(' '));
    choose('Proxy type', '3');
    save();
    await screen.findByText(/^Not saved/);
    expect(screen.getByTestId('watched-total').textContent).toBe('Watching 501 users in all, of at most 500.');
    expect(describedError(screen.getByTestId('watched-total'))).toBe(`Watch at most ${MAX_WATCHED} users in all; this would watch 501. Untick or remove some.`);
    expect(props.onSave).not.toHaveBeenCalled();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('watched-total')));
  });
});

describe('the display settings', () => {
  it('offers the badge’s scope: everything, each account once there are several, or one product', async () => {
    const settings: Settings = {
      ...DEFAULT_SETTINGS,
      accounts: [
        { id: '1', label: 'Production' },
        { id: 'k2x9qa', label: '' },
      ],
      watched: watching('1', 1, 'alice_res'),
    };
    const props = setup({ stored: { settings, tokens: { '1': 'my-token-123' } } });
    const scope = screen.getByLabelText('Badge counts') as HTMLSelectElement;
    expect([...scope.options].map((option) => option.textContent)).toEqual([
      'Everything watched',
      'Only Production',
      'Only Account 2',
      'Only Residential',
      'Only Unlimited',
      'Only Mobile',
    ]);
    choose('Badge counts', 'product:3');
    save();
    await screen.findByText(/^Saved/);
    expect(vi.mocked(props.onSave).mock.calls[0]?.[0].settings).toEqual({ badgeScope: { kind: 'product', proxyType: 3 } });
  });

  it('offers no account scope with one account', () => {
    setup();
    expect([...(screen.getByLabelText('Badge counts') as HTMLSelectElement).options].map((option) => option.value)).toEqual([
      'all',
      'product:1',
      'product:2',
      'product:3',
    ]);
  });

  it('shows the popup’s keyboard shortcut and where to change it', () => {
    setup();
    expect(screen.getByTestId('shortcut').textContent).toBe(
      'Opens the popup: Alt+Shift+T. Change it at chrome://extensions/shortcuts (edge://extensions/shortcuts in Edge).',
    );
  });

  it('says when no shortcut is set, and sends Firefox users to their add-ons page', () => {
    setup({ shortcut: { kind: 'none' }, shortcutPlace: 'firefox' });
    expect(screen.getByTestId('shortcut').textContent).toBe(
      'No keyboard shortcut is set to open the popup. Change it in about:addons: the gear menu → Manage Extension Shortcuts.',
    );
  });
});
