import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openForNotification } from '@/utils/background/notifier';
import { detailsPageUrl } from '@/utils/background/details-page';
import { queryToFocus, type DetailFocus } from '@/utils/details/focus';

/** The addresses of the tabs opened (the fake browser starts with one blank tab, which has none). */
const openedUrls = async () => (await browser.tabs.query({})).flatMap((tab) => (tab.url === undefined ? [] : [tab.url]));

/** The one tab a click opened, read as the page reads its address. */
async function openedPage(): Promise<{ path: string; focus: DetailFocus }> {
  const urls = await openedUrls();
  expect(urls).toHaveLength(1);
  const url = new URL(urls[0] ?? '');
  return { path: `${url.protocol}//${url.host}${url.pathname}`, focus: queryToFocus(url.search) };
}

const DETAILS = 'chrome-extension://test-extension-id/details.html';

describe('a click on a notification', () => {
  beforeEach(() => fakeBrowser.reset());

  it.each<[string, string, DetailFocus]>([
    ['an hourly total', 'popup|hourly-total|hourly-total:2026-11-25 14', { kind: 'hour', hour: '2026-11-25 14', user: null }],
    ['a spike', 'popup|spike|spike:2026-11-25 09', { kind: 'hour', hour: '2026-11-25 09', user: null }],
    ['a user’s hour', 'popup|hourly-user|hourly-user:1/1:alice:2026-11-25 14', { kind: 'hour', hour: '2026-11-25 14', user: '1/1:alice' }],
    ['a user’s balance', 'popup|user-balance|user-balance:1/3:bob', { kind: 'user', user: '1/3:bob' }],
    ['a daily budget', 'popup|budget-use|budget-use:daily:80:2026-11-25', { kind: 'budget', period: 'daily', day: '2026-11-25' }],
    ['a cycle forecast', 'popup|budget-forecast|budget-forecast:2026-11-01', { kind: 'budget', period: 'cycle', day: '2026-11-01' }],
  ])('on %s opens the details page focused on what fired', async (_, id, focus) => {
    await openForNotification(id);
    const page = await openedPage();
    expect(page.path).toBe(DETAILS);
    expect(page.focus).toEqual(focus);
  });

  it('on a summary of several rules opens the details page on no focus, without an empty query', async () => {
    await openForNotification('popup||summary:1764080400000');
    expect(await openedUrls()).toEqual([DETAILS]);
  });

  it('on what only a setting can fix opens the settings page, not the details page', async () => {
    const openOptionsPage = vi.spyOn(browser.runtime, 'openOptionsPage').mockResolvedValue(undefined);
    await openForNotification('settings|token-rejected|token-rejected:1:5');
    expect(openOptionsPage).toHaveBeenCalledTimes(1);
    expect(await openedUrls()).toEqual([]);
  });

  it('clears the notification it opened', async () => {
    const id = 'popup|spike|spike:2026-11-25 09';
    await browser.notifications.create(id, { type: 'basic', iconUrl: '', title: 'Spike', message: '' });
    await openForNotification(id);
    expect(Object.keys(await browser.notifications.getAll())).toEqual([]);
  });
});

describe('the details page’s address', () => {
  it('sits beside the page it is resolved from, with the query when there is one', () => {
    expect(detailsPageUrl('chrome-extension://abc/')).toBe('chrome-extension://abc/details.html');
    expect(detailsPageUrl('moz-extension://abc/popup.html')).toBe('moz-extension://abc/details.html');
    expect(detailsPageUrl('chrome-extension://abc/', 'focus=user&user=1%2F1%3Aalice')).toBe('chrome-extension://abc/details.html?focus=user&user=1%2F1%3Aalice');
  });
});
