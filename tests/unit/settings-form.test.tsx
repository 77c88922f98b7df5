// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SettingsForm, type SettingsFormProps } from '@/components/SettingsForm';
import { DEFAULT_SETTINGS, draftFromSettings } from '@/utils/settings';

afterEach(cleanup);

function setup(overrides: Partial<SettingsFormProps> = {}) {
  const props: SettingsFormProps = {
    initialDraft: draftFromSettings(DEFAULT_SETTINGS, ''),
    permission: 'granted',
    currentSettings: DEFAULT_SETTINGS,
    allowLoopback: false,
    onTestConnection: vi.fn(async () => ({
      ok: true as const,
      value: {
        users: [
          { username: 'alice_res', enabled: true, trafficLimitKb: 0, usageKb: 1024 },
          { username: 'bob_scraper', enabled: false, trafficLimitKb: 1024 * 1024, usageKb: 0 },
        ],
      },
    })),
    onSave: vi.fn(async () => undefined),
    ...overrides,
  };
  render(<SettingsForm {...props} />);
  return props;
}

const type = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });

describe('the settings form', () => {
  it('has every field labelled', () => {
    setup();
    for (const label of ['API token', 'Proxy type', 'Usernames', 'Poll interval (minutes)', 'API timezone', 'API base URL']) {
      expect(screen.getByLabelText(label)).toBeTruthy();
    }
  });

  it('saves a valid form and says so', async () => {
    const props = setup();
    type('API token', ' my-token-123 ');
    type('Usernames', 'alice_res,  bob_scraper');
    fireEvent.change(screen.getByLabelText('API timezone'), { target: { value: 'UTC+8' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText(/Saved/);
    expect(props.onSave).toHaveBeenCalledWith(
      expect.objectContaining({ usernames: ['alice_res', 'bob_scraper'], apiTimezone: { kind: 'offset', minutes: 480 } }),
      'my-token-123',
    );
  });

  it('shows a message next to each bad field and saves nothing', async () => {
    const props = setup();
    type('Poll interval (minutes)', '0');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText(/Not saved/);
    expect(screen.getByLabelText('API token').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(/Enter the API token/)).toBeTruthy();
    expect(screen.getByText(/at least one proxy username/)).toBeTruthy();
    expect(screen.getByText(/whole number of minutes/)).toBeTruthy();
    expect(props.onSave).not.toHaveBeenCalled();
  });

  it('lists the users after Test connection and lets the person pick them', async () => {
    setup();
    type('API token', 'my-token-123');
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    await screen.findByText(/Connected/);
    fireEvent.click(screen.getByRole('checkbox', { name: /bob_scraper/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: /alice_res/ }));
    expect((screen.getByLabelText('Usernames') as HTMLInputElement).value).toBe('bob_scraper, alice_res');
    expect(screen.getByRole('checkbox', { name: /bob_scraper/ }).closest('label')?.textContent).toContain('disabled');
  });

  it('shows the specific error when the connection test fails', async () => {
    setup({
      onTestConnection: vi.fn(async () => ({ ok: false as const, error: { kind: 'auth' as const, code: 10013, apiMessage: '' } })),
    });
    type('API token', 'my-token-123');
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    await waitFor(() => expect(screen.getByTestId('test-result').textContent).toContain('rejected the API token'));
  });

  it('does not test the connection with an empty token', () => {
    const props = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(props.onTestConnection).not.toHaveBeenCalled();
    expect(screen.getByText(/Enter the API token/)).toBeTruthy();
  });

  it('shows and hides the token', () => {
    setup();
    type('API token', 'my-token-123');
    expect(screen.getByLabelText('API token').getAttribute('type')).toBe('password');
    fireEvent.click(screen.getByRole('button', { name: 'Show' }));
    expect(screen.getByLabelText('API token').getAttribute('type')).toBe('text');
  });

  it('saves the notification rules with their thresholds in the API’s units', async () => {
    const props = setup();
    type('API token', 'my-token-123');
    type('Usernames', 'alice_res');
    fireEvent.click(screen.getByRole('checkbox', { name: 'One user’s traffic this hour passes' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'One user’s traffic this hour passes GiB' }), { target: { value: '1.5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText(/Saved/);
    const saved = vi.mocked(props.onSave).mock.calls[0]?.[0];
    expect(saved?.alerts.hourlyUser).toEqual({ enabled: true, kb: 1.5 * 1024 * 1024 });
    expect(saved?.alerts.hourlyTotal).toEqual(DEFAULT_SETTINGS.alerts.hourlyTotal);
  });

  it('rejects a bad threshold next to its rule and saves nothing', async () => {
    const props = setup();
    type('API token', 'my-token-123');
    type('Usernames', 'alice_res');
    const percent = screen.getByRole('textbox', { name: 'A user’s remaining traffic falls below % of its limit' });
    fireEvent.input(percent, { target: { value: '150' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText(/Not saved/);
    expect(screen.getByText('Enter a percentage from 1 to 99.')).toBeTruthy();
    expect(percent.getAttribute('aria-invalid')).toBe('true');
    expect(props.onSave).not.toHaveBeenCalled();
  });

  it('says so when notifications are blocked', () => {
    setup({ permission: 'denied' });
    expect(screen.getByTestId('notification-permission').textContent).toContain('blocked');
  });
});
