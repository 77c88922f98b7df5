import { describe, expect, it } from 'vitest';
import { parseBackgroundRequest } from '@/utils/messages/messages';

describe('the details page’s fetch requests', () => {
  it('reads a request for a user’s days or hours back as itself', () => {
    const days = { type: 'fetch-days', key: 'a1/1:alice', from: '2026-06-01', to: '2026-11-27' };
    const hours = { type: 'fetch-hours', key: 'a1/3:bob', from: '2026-11-20 00', to: '2026-11-20 23' };
    expect(parseBackgroundRequest(days)).toEqual(days);
    expect(parseBackgroundRequest(hours)).toEqual(hours);
  });

  it('ignores a request whose dates are not the API’s day or hour keys', () => {
    expect(parseBackgroundRequest({ type: 'fetch-days', key: 'a1/1:alice', from: '2026-6-1', to: '2026-11-27' })).toBeNull();
    expect(parseBackgroundRequest({ type: 'fetch-days', key: 'a1/1:alice', from: '2026-11-01 00', to: '2026-11-27' })).toBeNull();
    expect(parseBackgroundRequest({ type: 'fetch-hours', key: 'a1/1:alice', from: '2026-11-20', to: '2026-11-20 23' })).toBeNull();
    expect(parseBackgroundRequest({ type: 'fetch-hours', key: 7, from: '2026-11-20 00', to: '2026-11-20 23' })).toBeNull();
  });
});
