import { vi } from 'vitest';
import type { PopupViewProps } from '@/components/popup/PopupView';
import { EMPTY_ACCOUNT } from '@/utils/account/account-snapshot';
import { INITIAL_STATUS } from '@/utils/poll/status';
import { EMPTY_DAILY } from '@/utils/usage/daily';
import { ENGLISH } from './languages';

/**
 * The popup's props as a healthy English popup at `now` has them, updated 5 minutes before:
 * a test gives what it is about (settings and cache at least) and overrides the rest.
 */
export function popupViewProps(now: number, given: Pick<PopupViewProps, 'settings' | 'cache'> & Partial<PopupViewProps>): PopupViewProps {
  return {
    configured: true,
    status: { ...INITIAL_STATUS, lastSuccessAt: now - 5 * 60_000, lastAttemptAt: now - 5 * 60_000 },
    account: EMPTY_ACCOUNT,
    daily: EMPTY_DAILY,
    now,
    refreshing: false,
    language: ENGLISH,
    onRefresh: vi.fn(),
    onOpenSettings: vi.fn(),
    onOpenDetails: vi.fn(),
    onChartHours: vi.fn(),
    onExport: vi.fn(),
    ...given,
  };
}
