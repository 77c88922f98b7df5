// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SettingsForm, type SettingsFormProps } from '@/components/options/SettingsForm';
import type { SettingsChange, StoredSettings } from '@/components/options/useSettingsDraft';
import { readStoredSettings, saveChange, watchStoredSettings } from '@/entrypoints/options/main';
import { forgetTokenAndData } from '@/utils/options/forget-data';
import { DEFAULT_SETTINGS, type ChartHours, type Settings } from '@/utils/settings/model';
import { applySettingsPatch, writeSettingsPatch } from '@/utils/settings/patch';
import { settingsItem, tokenItem } from '@/utils/storage/items';
import { kb, mb } from '@/utils/base/units';

afterEach(cleanup);

const GIB_IN_KB = 1024 * 1024;

const NOTHING_STORED: StoredSettings = { settings: DEFAULT_SETTINGS, token: '' };

/** The form alone: Save answers as if nothing else wrote meanwhile, and no change from elsewhere arrives. */
function setup(overrides: Partial<SettingsFormProps> = {}) {
  const stored = overrides.stored ?? NOTHING_STORED;
  const props: SettingsFormProps = {
    locale: 'en',
    stored,
    permission: 'granted',
    allowLoopback: false,
    onTestConnection: vi.fn(async () => ({
      ok: true as const,
      value: {
        users: [
          { username: 'alice_res', enabled: true, trafficLimitMb: mb(0), usageMb: mb(1) },
          { username: 'bob_scraper', enabled: false, trafficLimitMb: mb(1024), usageMb: mb(0) },
        ],
      },
    })),
    onSave: vi.fn(async ({ settings, token }: SettingsChange) => ({
      settings: applySettingsPatch(stored.settings, settings, false),
      token: token ?? stored.token,
    })),
    watchStored: () => () => undefined,
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

/** The status text a user's checkbox points at. */
function describedStatus(control: HTMLElement): string | null {
  const id = control.getAttribute('aria-describedby');
  return id ? (document.getElementById(id)?.textContent ?? null) : null;
}

function fillValidAccount() {
  type('API token', 'my-token-123');
  type('Usernames', 'alice_res');
}

describe('the settings form', () => {
  it('has every field labelled, in English exactly as the end-to-end tests name them', () => {
    setup();
    for (const label of [
      'API token',
      'Proxy type',
      'Usernames',
      'Poll interval (minutes)',
      'API timezone',
      'Units',
      'Chart window',
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
      'H2 Account',
      'H2 Polling',
      'H2 Display',
      'H2 Notifications',
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
      settings: { usernames: ['alice_res', 'bob_scraper'], apiTimezone: { kind: 'offset', minutes: 480 } },
      token: 'my-token-123',
    });
  });

  it('does not let a field’s message, revealed as the field loses focus, move a button from under the pointer', () => {
    setup();
    for (const name of ['Save', 'Test connection', 'Forget token and data']) {
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
    expect(describedError(token)).toBe('Enter the API token from Thordata Dashboard → My Account.');
    expect(describedError(screen.getByLabelText('Usernames'))).toMatch(/at least one proxy username/);
    expect(describedError(screen.getByLabelText('Poll interval (minutes)'))).toBe('Enter a whole number of minutes from 1 to 1,440.');
    expect(props.onSave).not.toHaveBeenCalled();
    await waitFor(() => expect(document.activeElement).toBe(token));
  });

  it('lists the users after Test connection, with status and usage, and lets the person pick them', async () => {
    setup();
    type('API token', 'my-token-123');
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    await screen.findByText(/^Connected: the token works and this proxy type has 2 users\./);
    const bob = screen.getByRole('checkbox', { name: 'bob_scraper' });
    fireEvent.click(bob);
    fireEvent.click(screen.getByRole('checkbox', { name: 'alice_res' }));
    expect((screen.getByLabelText('Usernames') as HTMLInputElement).value).toBe('bob_scraper, alice_res');
    expect(describedStatus(bob)).toBe('disabled · used 0 B in all · limit 1.00 GiB');
    expect(describedStatus(screen.getByRole('checkbox', { name: 'alice_res' }))).toBe('active · used 1.00 MiB in all');
  });

  it('shows the specific error when the connection test fails', async () => {
    setup({
      onTestConnection: vi.fn(async () => ({ ok: false as const, error: { kind: 'auth' as const, code: 10013, apiMessage: '' } })),
    });
    type('API token', 'my-token-123');
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    await waitFor(() => expect(screen.getByTestId('test-result').textContent).toContain('rejected the API token'));
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
    answer({ ok: true, value: { users: [] } });
    await waitFor(() => expect(screen.getByTestId('test-result').textContent).toMatch(/^Connected, but this proxy type has no users yet/));
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
    ['Usernames', Array.from({ length: 21 }, (_, i) => `u${i}`).join(' '), 'Watch at most 20 usernames.'],
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
    expect(vi.mocked(props.onSave).mock.calls[0]?.[0].settings).toEqual({ usernames: ['alice_res'], chartHours: 72 });
  });

  it('starts from the saved units and chart window', () => {
    const settings = { ...DEFAULT_SETTINGS, units: 'decimal' as const, chartHours: 48 as const };
    setup({ stored: { settings, token: '' } });
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
    const group = screen.getByRole('group', { name: /removes the token, settings, cached hours and alert history/ });
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
    const settings = { ...DEFAULT_SETTINGS, usernames: ['alice_res'], pollIntervalMinutes: 30, chartHours: 72 as const };
    const props = setup({ stored: { settings, token: 'my-token-123' } });
    type('Poll interval (minutes)', '0');
    save();
    await screen.findByText(/^Not saved/);
    fireEvent.click(screen.getByRole('button', { name: 'Forget token and data' }));
    fireEvent.click(screen.getByRole('button', { name: 'Forget everything' }));
    await waitFor(() => expect(screen.getByTestId('forget-result').textContent).toMatch(/^Forgotten: the token, settings/));
    expect(props.onForget).toHaveBeenCalledTimes(1);
    expect((screen.getByLabelText('API token') as HTMLInputElement).value).toBe('');
    expect((screen.getByLabelText('Usernames') as HTMLInputElement).value).toBe('');
    expect((screen.getByLabelText('Poll interval (minutes)') as HTMLInputElement).value).toBe('10');
    expect((screen.getByLabelText('Chart window') as HTMLSelectElement).value).toBe('24');
    expect(screen.queryByText(/whole number of minutes/)).toBeNull();
    expect(screen.getByTestId('save-result').textContent).toBe('');
  });

  it('says so, and keeps the form, when the browser refuses', async () => {
    setup({ onForget: vi.fn(async () => Promise.reject(new Error('storage failed'))), stored: { ...NOTHING_STORED, token: 'my-token-123' } });
    fireEvent.click(screen.getByRole('button', { name: 'Forget token and data' }));
    fireEvent.click(screen.getByRole('button', { name: 'Forget everything' }));
    await waitFor(() => expect(screen.getByTestId('forget-result').textContent).toMatch(/^Could not remove everything/));
    expect((screen.getByLabelText('API token') as HTMLInputElement).value).toBe('my-token-123');
  });
});

describe('in Simplified Chinese', () => {
  const zh = (overrides: Partial<SettingsFormProps> = {}) => setup({ locale: 'zh-CN', ...overrides });

  it('labels every field and button in Chinese', () => {
    zh();
    for (const label of ['API 令牌', '代理类型', '用户名', '轮询间隔（分钟）', 'API 时区', '单位', '图表时间范围', 'API 基础地址']) {
      expect(screen.getByLabelText(label)).toBeTruthy();
    }
    for (const name of ['测试连接', '保存', '清除令牌和数据', '显示令牌']) expect(screen.getByRole('button', { name })).toBeTruthy();
    expect(screen.getAllByRole('heading').map((h) => h.textContent)).toEqual([
      'Thordata 用量监控',
      '账户',
      '轮询',
      '显示',
      '通知',
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
    await waitFor(() => expect(screen.getByTestId('test-result').textContent).toBe('连接成功：令牌有效，此代理类型下有 2 个用户。'));
    expect(describedStatus(screen.getByRole('checkbox', { name: 'bob_scraper' }))).toBe('已停用 · 累计已用 0 B · 限额 1.00 GiB');
    fireEvent.click(screen.getByRole('checkbox', { name: 'alice_res' }));
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

describe('with other pages writing the settings', () => {
  let told: unknown[];

  beforeEach(async () => {
    fakeBrowser.reset();
    told = [];
    fakeBrowser.runtime.onMessage.addListener((message) => {
      told.push(message);
    });
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, usernames: ['alice_res'] });
    await tokenItem.setValue('my-token-123');
  });

  /**
   * The settings page as entrypoints/options/main.tsx wires it, over the fake storage. A page
   * that does not hear stands for one whose change event has not arrived yet.
   */
  async function openSettingsPage({ hears = true } = {}) {
    render(
      <SettingsForm
        locale="en"
        stored={await readStoredSettings()}
        permission="granted"
        allowLoopback={false}
        onTestConnection={vi.fn()}
        onSave={saveChange}
        watchStored={hears ? watchStoredSettings : () => () => undefined}
        onForget={forgetTokenAndData}
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
    expect(await settingsItem.getValue()).toEqual({ ...DEFAULT_SETTINGS, usernames: ['alice_res'], chartHours: 72, pollIntervalMinutes: 30 });
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
      usernames: ['alice_res', 'carol_dc'],
      alerts: { ...settings.alerts, spike: { ...settings.alerts.spike, factor: 5 } },
    }));
    await waitFor(() => expect(valueOf('Usernames')).toBe('alice_res, carol_dc'));
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
    type('Usernames', 'bob_scraper');
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
    type('Usernames', 'bob_scraper');
    fireEvent.input(userBalance(), { target: { value: '20' } });
    await elsewhere((settings) => ({
      ...settings,
      usernames: ['carol_dc'],
      pollIntervalMinutes: 45,
      alerts: { ...settings.alerts, userBalance: { enabled: true, percent: 30 }, spike: { ...settings.alerts.spike, factor: 5 } },
    }));
    await waitFor(() => expect(valueOf('Poll interval (minutes)')).toBe('45'));
    expect(valueOf('Usernames')).toBe('bob_scraper');
    expect(userBalance().value).toBe('20');
    expect(spikeFactor().value).toBe('5');

    await saved();
    const stored = await settingsItem.getValue();
    expect(stored).toMatchObject({ usernames: ['bob_scraper'], pollIntervalMinutes: 45 });
    expect(stored.alerts).toMatchObject({ userBalance: { enabled: true, percent: 20 }, spike: { factor: 5 } });
  });

  it('does not write the token back when it was not changed, so a token saved in another tab stays', async () => {
    await openSettingsPage({ hears: false });
    await tokenItem.setValue('newer-token-456');
    const tokenWrites: unknown[] = [];
    fakeBrowser.storage.onChanged.addListener((changes) => {
      if ('apiToken' in changes) tokenWrites.push(changes.apiToken);
    });
    type('Poll interval (minutes)', '30');
    await saved();
    expect(await tokenItem.getValue()).toBe('newer-token-456');
    expect(tokenWrites).toEqual([]);
    expect(valueOf('API token')).toBe('newer-token-456');
  });

  it('writes the token when the person changes it', async () => {
    await openSettingsPage();
    type('API token', ' pasted-token-789 ');
    await saved();
    expect(await tokenItem.getValue()).toBe('pasted-token-789');
    expect(valueOf('API token')).toBe('pasted-token-789');
  });

  it('resets after Forget, and goes on following what is stored', async () => {
    await openSettingsPage();
    type('Poll interval (minutes)', '30');
    fireEvent.click(screen.getByRole('button', { name: 'Forget token and data' }));
    fireEvent.click(screen.getByRole('button', { name: 'Forget everything' }));
    await screen.findByText(/^Forgotten/);
    expect([valueOf('API token'), valueOf('Usernames'), valueOf('Poll interval (minutes)')]).toEqual(['', '', '10']);

    await popupChoosesChartHours(48);
    await waitFor(() => expect(valueOf('Chart window')).toBe('48'));
  });
});
