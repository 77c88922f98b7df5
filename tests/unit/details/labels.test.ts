import { describe, expect, it } from 'vitest';
import { bucketLabel, seriesLabel } from '@/utils/details/labels';
import { DEFAULT_SETTINGS, type Settings, type WatchedUser } from '@/utils/settings/model';
import { watchKey } from '@/utils/settings/watched';
import { UTC } from '@/utils/time/api-timezone';
import { ENGLISH } from '../support/languages';

const alice: WatchedUser = { account: '1', proxyType: 1, username: 'alice' };

describe('bucketLabel', () => {
  it('writes a day as the date it names and an hour as its start with its date', () => {
    expect(bucketLabel('2026-12-02', 'day', UTC, 'en')).toBe('Dec 2');
    // The API's 14:00 UTC in whatever zone the test runs (UTC, New York, Kolkata).
    const local = new Date(Date.UTC(2026, 11, 2, 14)).toLocaleString('en', { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
    expect(bucketLabel('2026-12-02 14', 'hour', UTC, 'en')).toBe(local);
  });
});

describe('seriesLabel', () => {
  it('names a product, and a user with the product, adding the account only when there are several', () => {
    const language = ENGLISH;
    const one: Settings = { ...DEFAULT_SETTINGS, watched: [alice] };
    expect(seriesLabel({ kind: 'product', proxyType: 3 }, one, language)).toBe('Mobile');
    expect(seriesLabel({ kind: 'user', key: watchKey(alice), user: alice }, one, language)).toBe('alice (Residential)');
    const two: Settings = { ...one, accounts: [{ id: '1', label: 'Agency' }, { id: '2', label: '' }] };
    expect(seriesLabel({ kind: 'user', key: watchKey(alice), user: alice }, two, language)).toBe('alice (Agency · Residential)');
  });
});
