// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PopupView } from '@/components/popup/PopupView';
import { EMPTY_ACCOUNT } from '@/utils/account/account-snapshot';
import { uiLanguage } from '@/utils/i18n/ui-language';
import { INITIAL_STATUS } from '@/utils/poll/status';
import { DEFAULT_SETTINGS } from '@/utils/settings/model';
import { EMPTY_CACHE } from '@/utils/usage/cache';
import { EMPTY_DAILY } from '@/utils/usage/daily';
import { setUiLanguage } from '../support/setup-locales';

afterEach(cleanup);

function renderPopup() {
  const now = Date.parse('2026-11-25T14:20:00Z');
  render(
    <PopupView
      settings={{ ...DEFAULT_SETTINGS, watched: [{ account: '1', proxyType: 1, username: 'alice' }] }}
      configured
      cache={EMPTY_CACHE}
      status={{ ...INITIAL_STATUS, lastSuccessAt: now - 5 * 60_000 }}
      account={EMPTY_ACCOUNT}
      daily={EMPTY_DAILY}
      now={now}
      refreshing={false}
      language={uiLanguage()}
      onRefresh={vi.fn()}
      onOpenSettings={vi.fn()}
      onOpenDetails={vi.fn()}
      onChartHours={vi.fn()}
      onExport={vi.fn()}
    />,
  );
}

describe('one language rule: the browser’s UI language', () => {
  it('speaks English in an English browser whose language list puts Chinese first', () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['zh-CN', 'zh', 'en-US']);
    setUiLanguage('en-US');
    expect(uiLanguage().locale).toBe('en');
    renderPopup();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Thordata usage');
    expect(screen.getByTestId('updated').textContent).toBe('Updated 5 min ago');
  });

  it('speaks Chinese in a Chinese browser, whatever its language list says', () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['en-US', 'en']);
    setUiLanguage('zh-CN');
    expect(uiLanguage().locale).toBe('zh-CN');
    renderPopup();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Thordata 用量');
    expect(screen.getByTestId('updated').textContent).toBe('更新于 5 分钟前');
  });
});
