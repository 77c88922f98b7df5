import { describe, expect, it } from 'vitest';
import { initialView, MAX_USER_SERIES, NO_FOCUS } from '@/utils/details/focus';
import { UTC } from '@/utils/time/api-timezone';
import { userKey } from '../support/watching';

const NOW = Date.parse('2026-11-25T14:40:00Z');
const ALICE = userKey(1, 'alice');

describe('the view a notification opens', () => {
  it('is the week stacked by user without a focus, by product past the colours the chart has', () => {
    expect(initialView(NO_FOCUS, 3, NOW, UTC)).toEqual({ range: '7d', stackBy: 'user', drill: null, highlight: null, firstUser: null });
    expect(initialView(NO_FOCUS, MAX_USER_SERIES + 1, NOW, UTC).stackBy).toBe('product');
  });

  it('shows a focused hour in the 24 h or 7 d range, marked, stacked by user with that user first when it names one', () => {
    expect(initialView({ kind: 'hour', hour: '2026-11-25 03', user: null }, 3, NOW, UTC)).toMatchObject({ range: '24h', highlight: '2026-11-25 03', drill: null });
    expect(initialView({ kind: 'hour', hour: '2026-11-21 03', user: ALICE }, 40, NOW, UTC)).toEqual({
      range: '7d',
      stackBy: 'user',
      drill: null,
      highlight: '2026-11-21 03',
      firstUser: ALICE,
    });
  });

  it('shows an hour older than the cached week as its day’s hours', () => {
    expect(initialView({ kind: 'hour', hour: '2026-11-02 22', user: null }, 3, NOW, UTC)).toMatchObject({ range: '30d', drill: '2026-11-02', highlight: '2026-11-02 22' });
  });

  it('shows a user’s week stacked by user, that user first', () => {
    expect(initialView({ kind: 'user', user: ALICE }, 40, NOW, UTC)).toMatchObject({ range: '7d', stackBy: 'user', firstUser: ALICE });
  });

  it('shows a daily budget’s day as its hours, and a cycle’s days from its first to today', () => {
    expect(initialView({ kind: 'budget', period: 'daily', day: '2026-11-25' }, 3, NOW, UTC)).toMatchObject({ range: '30d', drill: '2026-11-25' });
    expect(initialView({ kind: 'budget', period: 'daily', day: '2026-07-25' }, 3, NOW, UTC)).toMatchObject({ range: '180d', drill: '2026-07-25' });
    expect(initialView({ kind: 'budget', period: 'cycle', day: '2026-11-01' }, 3, NOW, UTC)).toMatchObject({ range: { from: '2026-11-01', to: '2026-11-25' }, drill: null });
  });

  it('shows the week for a focus in the future (a clock set back since)', () => {
    expect(initialView({ kind: 'budget', period: 'daily', day: '2026-12-01' }, 3, NOW, UTC).range).toBe('7d');
    expect(initialView({ kind: 'hour', hour: '2026-11-26 01', user: null }, 3, NOW, UTC)).toMatchObject({ range: '7d', drill: null });
  });
});
