import { describe, expect, it } from 'vitest';
import { badgeRedrawDue, CYCLE_BADGE_REDRAW_MS, hoursJustCompleted } from '@/utils/background/badge-redraw';

describe('the badge redrawn during a long cycle', () => {
  const start = Date.parse('2026-11-18T10:00:00Z');

  it('is redrawn at the first answer of a cycle', () => {
    expect(badgeRedrawDue(null, start)).toBe(true);
  });

  it('waits between redraws while answers keep coming, then redraws again', () => {
    expect(badgeRedrawDue(start, start + 1_600)).toBe(false);
    expect(badgeRedrawDue(start, start + CYCLE_BADGE_REDRAW_MS - 1)).toBe(false);
    expect(badgeRedrawDue(start, start + CYCLE_BADGE_REDRAW_MS)).toBe(true);
  });

  it('is redrawn at once when the clock was set back', () => {
    expect(badgeRedrawDue(start, start - 60_000)).toBe(true);
  });
});

describe('the badge once every planned user has answered', () => {
  it('is redrawn then, once, before the account figures and the daily requests that follow', () => {
    expect(hoursJustCompleted({ remaining: ['1/1:bob'] }, false)).toBe(false);
    expect(hoursJustCompleted({ remaining: [] }, false)).toBe(true);
    expect(hoursJustCompleted({ remaining: [] }, true)).toBe(false);
    expect(hoursJustCompleted(null, false)).toBe(false);
  });
});
