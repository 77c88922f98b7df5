import { describe, expect, it } from 'vitest';
import { daysUntil, expiryEndMs } from '@/utils/time/expiry-date';

const NOW = Date.parse('2026-11-25T14:40:00Z');

describe('a plan’s expiry date', () => {
  it('ends at the end of that day in UTC, Thordata naming no zone', () => {
    expect(expiryEndMs('2026-11-27')).toBe(Date.parse('2026-11-27T23:59:59Z'));
    expect(expiryEndMs('soon')).toBeNull();
  });

  it('is whole days away, 0 on the day itself and negative once past', () => {
    // From 25 Nov 14:40 to 27 Nov 23:59:59 is 2 days 9 h: 2 whole days.
    expect(daysUntil('2026-11-27', NOW)).toBe(2);
    expect(daysUntil('2026-11-25', NOW)).toBe(0);
    expect(daysUntil('2026-11-24', NOW)).toBe(-1);
    expect(daysUntil('not a date', NOW)).toBeNull();
  });
});
