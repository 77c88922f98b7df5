// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SettingsForm } from '@/components/options/SettingsForm';
import type { SettingsChange } from '@/components/options/useSettingsDraft';
import { configureThroughSettings } from '@/scripts/lib/settings-journey';
import type { PageDriver } from '@/scripts/lib/page-driver';
import { DEFAULT_SETTINGS } from '@/utils/settings/model';
import { applySettingsPatch } from '@/utils/settings/patch';
import { KB_PER_GB } from '@/utils/base/units';
import { ENGLISH } from '../support/languages';

afterEach(cleanup);

/** The journey's driver over the rendered page, finding controls by their labels as the browsers' drivers do. */
const DOM_DRIVER: PageDriver = {
  fill: async (label, value) => void fireEvent.input(screen.getByLabelText(label), { target: { value } }),
  select: async (label, option) => void fireEvent.change(screen.getByLabelText(label), { target: { value: option } }),
  click: async (name) => void fireEvent.click(screen.getByRole('button', { name })),
  check: async (name) => void fireEvent.click(screen.getByRole('checkbox', { name })),
  value: async (label) => (screen.getByLabelText(label) as HTMLInputElement).value,
  text: async (testId) => screen.queryByTestId(testId)?.textContent ?? '',
  waitForText: async (testId, pattern) => {
    let text = '';
    await waitFor(() => expect((text = screen.getByTestId(testId).textContent ?? '')).toMatch(pattern));
    return text;
  },
  fieldErrors: () => Promise.reject(new Error('not used')),
  listRows: () => Promise.reject(new Error('not used')),
  paintedPixels: () => Promise.reject(new Error('not used')),
  evaluate: () => Promise.reject(new Error('not used')),
  screenshot: () => Promise.reject(new Error('not used')),
  close: async () => undefined,
};

describe('the settings journey', () => {
  it('sets prices and budgets through the page when asked to', async () => {
    const onSave = vi.fn(async ({ settings }: SettingsChange) => ({ settings: applySettingsPatch(DEFAULT_SETTINGS, settings, true), tokens: {} }));
    render(
      <SettingsForm
        language={ENGLISH}
        stored={{ settings: DEFAULT_SETTINGS, tokens: {} }}
        permission="granted"
        allowLoopback
        onTestConnection={async () => ({ ok: true, value: { users: [], failures: [] } })}
        onSave={onSave}
        watchStored={() => () => undefined}
        shortcut={{ kind: 'set', keys: 'Alt+Shift+T' }}
        shortcutPlace="chromium"
        onForget={async () => undefined}
      />,
    );
    await configureThroughSettings(DOM_DRIVER, {
      apiBaseUrl: 'http://127.0.0.1:8787/api',
      pollIntervalMinutes: 5,
      apiTimezone: 'UTC',
      accounts: [{ token: 'demo-token-123', users: [{ username: 'mob_1', product: 'Mobile', typed: true }] }],
      money: {
        currency: 'EUR',
        prices: { Mobile: '2.5' },
        daily: { kind: 'traffic', gb: '3' },
        cycle: { kind: 'money', amount: '400' },
        cycleStartDay: 31,
        usePercents: '80, 100',
        badgeShows: 'today-cost',
      },
    });
    expect(onSave.mock.calls[0]?.[0].settings).toMatchObject({
      prices: { currency: 'EUR', perGb: { 3: 2.5 } },
      budgets: { daily: { kind: 'traffic', kb: 3 * KB_PER_GB }, cycle: { kind: 'money', amount: 400 }, cycleStartDay: 31, usePercents: [80, 100] },
      badgeShows: 'today-cost',
    });
  });
});
