import { describe, expect, it } from 'vitest';
import { rangeFromQuery, withRange } from '@/utils/details/range-query';

describe('the range in the page’s address', () => {
  it('reads a preset or a custom range back as written, keeping a notification’s focus beside it', () => {
    const focused = 'focus=hour&hour=2026-11-25+14';
    const thirty = withRange(focused, '30d');
    expect(new URLSearchParams(thirty).get('focus')).toBe('hour');
    expect(rangeFromQuery(thirty)).toBe('30d');
    const custom = withRange(thirty, { from: '2026-10-01', to: '2026-10-31' });
    expect(rangeFromQuery(custom)).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(rangeFromQuery(withRange(custom, '24h'))).toBe('24h');
    expect(new URLSearchParams(withRange(custom, '24h')).has('from')).toBe(false);
  });

  it('reads no range from an address without one or with a malformed one', () => {
    expect(rangeFromQuery('')).toBeNull();
    expect(rangeFromQuery('range=365d')).toBeNull();
    expect(rangeFromQuery('range=custom&from=2026-10-01')).toBeNull();
    expect(rangeFromQuery('range=custom&from=yesterday&to=2026-10-31')).toBeNull();
  });
});
