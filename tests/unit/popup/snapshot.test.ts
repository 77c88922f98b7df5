import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPTY_ACCOUNT } from '@/utils/account/account-snapshot';
import {
  forgetSnapshot,
  keepSnapshot,
  parseSnapshot,
  parseWriteSnapshotMessage,
  readSnapshotText,
  SNAPSHOT_KEY,
  snapshotText,
} from '@/utils/popup/snapshot';
import { popupStateFrom, popupStoredFrom } from '@/utils/popup/stored-reads';
import { INITIAL_STATUS } from '@/utils/poll/status';
import { DEFAULT_SETTINGS } from '@/utils/settings/model';

const TOKEN = 'tok-SNAPSHOT-secret-5be1';

/** What storage.local holds for a configured extension that has polled. */
const ITEMS: Record<string, unknown> = {
  apiToken: TOKEN,
  settings: { ...DEFAULT_SETTINGS, usernames: ['alice_res', 'bob_scraper'], chartHours: 72 },
  usageCache: {
    users: {
      '1:alice_res': { hours: { '2026-11-25 09': 1234.5, '2026-11-25 10': 987.25 }, fetchedAt: 1_764_064_800_000, trafficLimitKb: null, trafficBalanceKb: 50_000 },
    },
  },
  pollStatus: { ...INITIAL_STATUS, lastSuccessAt: 1_764_064_800_000, lastAttemptAt: 1_764_064_800_000 },
  pollStatus$: { v: 3 },
  account: { ...EMPTY_ACCOUNT, fetchedAt: 1_764_064_800_000, balance: { balanceMb: 900, expiresOn: '2026-12-31' } },
  account$: { v: 2 },
};

/** A localStorage stand-in that counts writes and can refuse like a full or blocked one. */
function memoryStorage(options: { refuseWrites?: boolean } = {}) {
  const values = new Map<string, string>();
  let writes = 0;
  const area = {
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => {
      if (options.refuseWrites) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      writes += 1;
      values.set(key, value);
    },
    removeItem: (key: string) => {
      values.delete(key);
    },
  };
  return { storage: () => area, values, writes: () => writes };
}

const refused = () => {
  throw new DOMException('Access is denied for this document.', 'SecurityError');
};

describe('the popup snapshot', () => {
  it('shows the popup exactly what storage.local would', () => {
    const stored = popupStoredFrom(ITEMS);
    const fromSnapshot = parseSnapshot(snapshotText(stored));
    expect(fromSnapshot).not.toBeNull();
    if (fromSnapshot === null) return;
    expect(popupStateFrom(fromSnapshot, false)).toEqual(popupStateFrom(stored, false));
    expect(popupStateFrom(fromSnapshot, false).configured).toBe(true);
  });

  it('keeps whether a token is saved, never the token', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 12, maxLength: 64 }).filter((token) => token.trim() === token && !/["\\]/.test(token)), (token) => {
        const text = snapshotText(popupStoredFrom({ ...ITEMS, apiToken: token }));
        expect(text).not.toContain(token);
        expect(parseSnapshot(text)?.tokenSaved).toBe(true);
      }),
    );
    expect(snapshotText(popupStoredFrom(ITEMS))).not.toContain(TOKEN);
    expect(parseSnapshot(snapshotText(popupStoredFrom({ ...ITEMS, apiToken: '' })))?.tokenSaved).toBe(false);
  });

  it('gives the same text for the same items, and another for any change the popup would show', () => {
    const text = snapshotText(popupStoredFrom(ITEMS));
    expect(snapshotText(popupStoredFrom(structuredClone(ITEMS)))).toBe(text);
    const later = structuredClone(ITEMS);
    (later.pollStatus as { lastSuccessAt: number }).lastSuccessAt += 600_000;
    expect(snapshotText(popupStoredFrom(later))).not.toBe(text);
  });

  it('round-trips any items storage could hold', () => {
    const json = fc.jsonValue().map((value) => JSON.parse(JSON.stringify(value)) as unknown);
    fc.assert(
      fc.property(json, json, json, json, fc.boolean(), (settings, usageCache, pollStatus, account, tokenSaved) => {
        const stored = { settings, usageCache, pollStatus, account, tokenSaved };
        expect(parseSnapshot(snapshotText(stored))).toEqual(stored);
      }),
    );
  });

  it('ignores no snapshot, a damaged one and one of another format', () => {
    const good = JSON.parse(snapshotText(popupStoredFrom(ITEMS))) as Record<string, unknown>;
    for (const text of [null, '', '{"format":1', 'null', '[]', '"text"', JSON.stringify({ ...good, format: 1 }), JSON.stringify({ ...good, tokenSaved: 'yes' })]) {
      expect(parseSnapshot(text), String(text)).toBeNull();
    }
  });
});

describe('the snapshot in localStorage', () => {
  it('is written only when it changes', () => {
    const local = memoryStorage();
    const text = snapshotText(popupStoredFrom(ITEMS));
    expect(keepSnapshot(local.storage, text)).toBe(true);
    expect(keepSnapshot(local.storage, text)).toBe(true);
    expect(local.writes()).toBe(1);
    expect(readSnapshotText(local.storage)).toBe(text);
    expect(local.values.get(SNAPSHOT_KEY)).toBe(text);
  });

  it('says so when storage refuses it, and reads as absent where storage is blocked', () => {
    expect(keepSnapshot(memoryStorage({ refuseWrites: true }).storage, 'text')).toBe(false);
    expect(keepSnapshot(refused, 'text')).toBe(false);
    expect(readSnapshotText(refused)).toBeNull();
    expect(() => forgetSnapshot(refused)).not.toThrow();
  });

  it('is gone after forgetting', () => {
    const local = memoryStorage();
    keepSnapshot(local.storage, snapshotText(popupStoredFrom(ITEMS)));
    forgetSnapshot(local.storage);
    expect(readSnapshotText(local.storage)).toBeNull();
  });
});

describe('the message that asks the offscreen page to write it', () => {
  it('is told apart from every other message', () => {
    expect(parseWriteSnapshotMessage({ type: 'write-popup-snapshot', text: '{}' })).toEqual({ type: 'write-popup-snapshot', text: '{}' });
    for (const other of [null, 'write-popup-snapshot', { type: 'poll-now', trigger: 'manual' }, { type: 'write-popup-snapshot' }, { type: 'write-popup-snapshot', text: 42 }]) {
      expect(parseWriteSnapshotMessage(other)).toBeNull();
    }
  });
});
