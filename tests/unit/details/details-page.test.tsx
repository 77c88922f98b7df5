// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DetailsPage, type DetailsPageProps } from '@/components/details/DetailsPage';
import type { DetailsFetcher } from '@/components/details/useDetailsFetches';
import { MINUTE_MS } from '@/utils/base/durations';
import { usageRecords } from '@/utils/budget/day-totals';
import { NO_FOCUS } from '@/utils/details/focus';
import type { BackgroundRequest, FetchReply } from '@/utils/messages/messages';
import { INITIAL_STATUS } from '@/utils/poll/status';
import { UTC } from '@/utils/time/api-timezone';
import { addDays } from '@/utils/time/day-keys';
import type { DailyUsage } from '@/utils/usage/daily';
import { cachedUser, cacheOf, dailyOf, hoursOfDay, hoursOfDays, sameEveryDay, settingsOf } from '../budget/fixtures';
import { CHINESE, ENGLISH } from '../support/languages';
import { userKey, watching } from '../support/watching';

afterEach(cleanup);

const NOW = Date.parse('2026-11-25T14:40:00Z');
const ALICE = userKey(1, 'alice');
const BOB = userKey(1, 'bob');
const SETTINGS = settingsOf(watching(['alice', 'bob']));
// Both polled 5 minutes ago: the kept week (18 Nov 15:00 to now) at 10 KB an hour.
const WEEK = { ...hoursOfDay('2026-11-18', 10, 15, 23), ...hoursOfDays('2026-11-19', '2026-11-24', 10), ...hoursOfDay('2026-11-25', 10, 0, 14) };
const CACHE = cacheOf({ [ALICE]: cachedUser(WEEK, NOW - 5 * MINUTE_MS), [BOB]: cachedUser(WEEK, NOW - 5 * MINUTE_MS) });

type Reply = FetchReply<unknown>;

/** The background as the page meets it: each request answered by `answer`, recorded in `sent`. */
function fetcherOf(answer: (request: BackgroundRequest) => Promise<Reply>, daily: () => DailyUsage = () => dailyOf({})) {
  const sent: BackgroundRequest[] = [];
  const fetcher: DetailsFetcher = {
    send: (request) => {
      sent.push(request);
      return answer(request);
    },
    readDaily: async () => daily(),
    // A pause lasts until Cancel: the tests look at the page while it waits.
    sleep: (_, signal) => new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true })),
    clock: () => NOW,
  };
  return { fetcher, sent };
}

/** Every hour of a span at 8 KB: the previous week's hours, as fetch-hours answers them. */
async function hoursAt8(request: BackgroundRequest): Promise<Reply> {
  if (request.type !== 'fetch-hours') return { kind: 'done', value: { asked: true } };
  const hours: Record<string, number> = {};
  for (let day = request.from.slice(0, 10); day <= request.to.slice(0, 10); day = addDays(day, 1)) {
    for (const [hour, value] of Object.entries(hoursOfDay(day, 8))) if (hour >= request.from && hour <= request.to) hours[hour] = value;
  }
  return { kind: 'done', value: hours };
}

function props(overrides: Partial<DetailsPageProps> = {}, daily: DailyUsage = dailyOf({})): DetailsPageProps {
  return {
    stored: { settings: SETTINGS, records: usageRecords(CACHE, daily, UTC), status: { ...INITIAL_STATUS, lastSuccessAt: NOW - 5 * MINUTE_MS } },
    now: NOW,
    language: ENGLISH,
    focus: NO_FOCUS,
    fetcher: fetcherOf(hoursAt8).fetcher,
    onOpenSettings: vi.fn(),
    onReady: vi.fn(),
    requestedRange: null,
    onRangeChange: vi.fn(),
    ...overrides,
  };
}

const pressed = (name: string) => screen.getByRole('button', { name }).getAttribute('aria-pressed');

describe('the details page', () => {
  it('opens on the week from the cache, says it is ready, and names its chart', () => {
    const onReady = vi.fn();
    render(<DetailsPage {...props({ onReady })} />);
    expect(onReady).toHaveBeenCalledTimes(1);
    expect(pressed('7 days')).toBe('true');
    expect(pressed('24 h')).toBe('false');
    expect(pressed('By user')).toBe('true');
    const chart = within(screen.getByTestId('details-chart')).getByRole('img');
    expect(chart.getAttribute('aria-label')).toBe('Chart of traffic per hour, Last 7 days: 3.28 MiB in total. The table has every figure.');
  });

  it('fetches the previous week’s hours, one user after the other, and then tells the change', async () => {
    const { fetcher, sent } = fetcherOf(hoursAt8);
    render(<DetailsPage {...props({ fetcher })} />);
    await waitFor(() => expect(screen.getByTestId('comparison').textContent).toBe('Last 7 days: 3.28 MiB, +25% vs the 7 days before'));
    expect(sent).toEqual([
      { type: 'fetch-hours', key: ALICE, from: '2026-11-11 15', to: '2026-11-18 14' },
      { type: 'fetch-hours', key: BOB, from: '2026-11-11 15', to: '2026-11-18 14' },
    ]);
  });

  it('says why there is no change while the previous week is not fetched', async () => {
    const { fetcher } = fetcherOf(() => new Promise(() => undefined));
    render(<DetailsPage {...props({ fetcher })} />);
    expect(screen.getByTestId('comparison').textContent).toBe('Last 7 days: 3.28 MiB. No comparison with the 7 days before yet: its figures are not fetched yet.');
    expect((await screen.findByTestId('fetch-progress-hours')).textContent).toContain('Fetching hourly figures: 0 of 2 users fetched.');
  });

  it('asks each user’s missing days of the range and the one before in one request, shows progress, and stops on Cancel', async () => {
    let stored = dailyOf({});
    let release: (reply: Reply) => void = () => undefined;
    const { fetcher, sent } = fetcherOf(
      (request) => {
        if (request.type !== 'fetch-days') return hoursAt8(request);
        if (request.key === ALICE) {
          stored = dailyOf({ [ALICE]: sameEveryDay(request.from, request.to, 100) });
          return Promise.resolve({ kind: 'done', value: { asked: true } });
        }
        return new Promise((resolve) => (release = resolve));
      },
      () => stored,
    );
    render(<DetailsPage {...props({ fetcher })} />);
    fireEvent.click(screen.getByRole('button', { name: '30 days' }));
    expect(pressed('30 days')).toBe('true');
    const progress = await screen.findByText('Fetching daily figures: 59 of 118 user-days fetched.', { exact: false });
    expect(progress.closest('[role="status"]')).not.toBeNull();
    expect(sent.filter((request) => request.type === 'fetch-days')).toEqual([
      { type: 'fetch-days', key: ALICE, from: '2026-09-27', to: '2026-11-24' },
      { type: 'fetch-days', key: BOB, from: '2026-09-27', to: '2026-11-24' },
    ]);
    fireEvent.click(within(screen.getByTestId('fetch-progress-days')).getByRole('button', { name: 'Cancel' }));
    release({ kind: 'done', value: { asked: true } });
    await screen.findByText('Fetching stopped: 59 of 118 fetched.', { exact: false });
    expect(within(screen.getByTestId('fetch-progress-days')).getByRole('button', { name: 'Resume' })).toBeTruthy();
  });

  it('pauses on a rate limit with the time it resumes in, keeping Cancel', async () => {
    const { fetcher } = fetcherOf(async (request) => (request.type === 'fetch-days' ? { kind: 'failed', error: { kind: 'rate-limited', code: 10011 } } : hoursAt8(request)));
    render(<DetailsPage {...props({ fetcher })} />);
    fireEvent.click(screen.getByRole('button', { name: '90 days' }));
    const line = await screen.findByTestId('fetch-progress-days');
    await waitFor(() => expect(line.textContent).toContain('Paused: Thordata asked us to slow down. Resuming in 5 s.'));
    expect(within(line).getByRole('button', { name: 'Cancel' })).toBeTruthy();
  });

  it('says which account and which user were skipped, and why', async () => {
    const { fetcher } = fetcherOf(async (request) => {
      if (request.type !== 'fetch-days') return hoursAt8(request);
      return request.key === ALICE
        ? { kind: 'failed', error: { kind: 'unknown-user', code: 10020, username: 'alice' } }
        : { kind: 'failed', error: { kind: 'plan', code: 10017 } };
    });
    render(<DetailsPage {...props({ fetcher })} />);
    fireEvent.click(screen.getByRole('button', { name: '30 days' }));
    const line = await screen.findByTestId('fetch-progress-days');
    await waitFor(() => expect(within(line).getAllByRole('listitem')).toHaveLength(2));
    const [user, account] = within(line).getAllByRole('listitem').map((item) => item.textContent);
    expect(user).toMatch(/^alice \(Residential\): .*alice.* The rest of this user’s figures were skipped\.$/);
    expect(account).toMatch(/^Account 1: .* The rest of this account’s figures were skipped\.$/);
    expect(within(line).getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('checks a custom range and says what is wrong with it', () => {
    render(<DetailsPage {...props()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Custom' }));
    const from = screen.getByLabelText('From');
    const to = screen.getByLabelText('To');
    fireEvent.input(from, { target: { value: '2026-11-20' } });
    fireEvent.input(to, { target: { value: '2026-11-10' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show' }));
    expect(screen.getByRole('alert').textContent).toBe('The first day comes after the last day; swap them.');
    expect(from.getAttribute('aria-invalid')).toBe('true');
    fireEvent.input(from, { target: { value: '2026-03-01' } });
    fireEvent.input(to, { target: { value: '2026-04-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show' }));
    expect(screen.getByRole('alert').textContent).toBe('Thordata keeps the last 180 days only; start on May 29 or later.');
    fireEvent.input(from, { target: { value: '2026-11-01' } });
    fireEvent.input(to, { target: { value: '2026-11-20' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(pressed('Custom')).toBe('true');
    expect(pressed('7 days')).toBe('false');
    expect(screen.getByTestId('comparison').textContent).toMatch(/^Nov 1\s–\s20: /);
  });

  it('opens on the range its address names, and tells each range picked for the address', () => {
    const onRangeChange = vi.fn();
    render(<DetailsPage {...props({ requestedRange: '24h', onRangeChange })} />);
    expect(pressed('24 h')).toBe('true');
    expect(pressed('7 days')).toBe('false');
    fireEvent.click(screen.getByRole('button', { name: '30 days' }));
    expect(onRangeChange).toHaveBeenCalledWith('30d');
  });

  it('stacks by product on the toggle', () => {
    render(<DetailsPage {...props()} />);
    fireEvent.click(screen.getByRole('button', { name: 'By product' }));
    expect(pressed('By product')).toBe('true');
    expect(pressed('By user')).toBe('false');
  });

  it('opens a daily budget alert on that day’s hours, with the way back to the range', () => {
    render(<DetailsPage {...props({ focus: { kind: 'budget', period: 'daily', day: '2026-11-20' } })} />);
    expect(screen.getByTestId('focus-line').textContent).toBe('You came from the daily budget alert of Nov 20; its hours are below.');
    const drill = screen.getByTestId('drill-down');
    expect(within(drill).getByRole('heading').textContent).toBe('Hours of Nov 20');
    expect(drill.textContent).toContain('480 KiB in total.');
    expect(screen.queryByTestId('comparison')).toBeNull();
    fireEvent.click(within(drill).getByRole('button', { name: 'Back' }));
    expect(screen.queryByTestId('drill-down')).toBeNull();
    expect(pressed('30 days')).toBe('true');
  });

  it('opens an hourly alert on the 24 hours that show the hour, and says what fired', () => {
    render(<DetailsPage {...props({ focus: { kind: 'hour', hour: '2026-11-25 03', user: BOB } })} />);
    expect(pressed('24 h')).toBe('true');
    expect(screen.getByTestId('focus-line').textContent).toMatch(/^You came from an alert about bob \(Residential\) in the hour .+; it is marked below\.$/);
  });

  it('asks to be set up when nothing is watched, and is still ready', () => {
    const onReady = vi.fn();
    const onOpenSettings = vi.fn();
    render(<DetailsPage {...props({ onReady, onOpenSettings, stored: { settings: settingsOf([]), records: usageRecords(cacheOf({}), dailyOf({}), UTC), status: INITIAL_STATUS } })} />);
    expect(onReady).toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Open settings' }));
    expect(onOpenSettings).toHaveBeenCalled();
  });

  it('speaks Chinese', async () => {
    render(<DetailsPage {...props({ language: CHINESE })} />);
    expect(screen.getByRole('button', { name: '7 天' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: '按产品' })).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('comparison').textContent).toBe('最近 7 天：3.28 MiB，较之前 7 天 +25%'));
  });
});
