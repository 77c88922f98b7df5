import { describe, expect, it } from 'vitest';
import { intervalNote } from '@/utils/options/interval-note';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings/model';

const watching = (count: number, pollIntervalMinutes: number): Settings => ({
  ...DEFAULT_SETTINGS,
  pollIntervalMinutes,
  watched: Array.from({ length: count }, (_, i) => ({ account: '1', proxyType: 1, username: `u${i}` })),
});

describe('the note on the interval polling keeps', () => {
  it('says nothing when a full round fits in the chosen interval', () => {
    expect(intervalNote(watching(2, 1))).toBeNull();
    expect(intervalNote(watching(300, 30))).toBeNull();
  });

  it('gives the round’s length and the interval kept when the chosen one is too short', () => {
    // 300 users, 3 of the account's reads and at most 30 daily requests at 1.6 s each: 9 minutes, kept every 14 with the margin.
    expect(intervalNote(watching(300, 10))).toEqual({ watched: 300, roundMinutes: 9, effective: 14, chosen: 10 });
  });
});
