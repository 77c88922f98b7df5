import type { PopupStored } from './stored-reads';

/**
 * The popup's snapshot: a copy, in the extension's localStorage, of what it shows from
 * storage.local. localStorage answers synchronously, so the popup renders its cached figures
 * while its script is still running; storage.local answers through the browser's main thread,
 * which is busy opening the page: ~5 ms later (see README, Performance). storage.local stays the
 * truth: the popup reads it too and replaces the snapshot's view if they differ. The snapshot
 * holds no token, only whether one is saved.
 */
export const SNAPSHOT_KEY = 'popupSnapshot';

/**
 * Raised when the snapshot's shape changes: an older one is then ignored, not misread. Format 2
 * holds each item at its current version; format 1 held them as stored, of any version.
 */
const FORMAT = 2;

/** The snapshot's text; equal stored items give equal texts, so texts can be compared. */
export function snapshotText(stored: PopupStored): string {
  return JSON.stringify({
    format: FORMAT,
    settings: stored.settings,
    usageCache: stored.usageCache,
    pollStatus: stored.pollStatus,
    account: stored.account,
    tokenSaved: stored.tokenSaved,
  });
}

/** The stored items a snapshot's text holds; null for none, a damaged one or another format. */
export function parseSnapshot(text: string | null): PopupStored | null {
  if (text === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  if (record.format !== FORMAT || typeof record.tokenSaved !== 'boolean') return null;
  return {
    settings: record.settings,
    usageCache: record.usageCache,
    pollStatus: record.pollStatus,
    account: record.account,
    tokenSaved: record.tokenSaved,
  };
}

/**
 * Where the snapshot lives: the extension's localStorage, asked for through a function because
 * merely touching `localStorage` throws where the browser refuses site data. (No name here is
 * `storage`: WXT then adds an import of its storage module, 3 KB, to the popup.)
 */
export type SnapshotArea = () => Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The snapshot's text, or null where there is none or storage refuses. */
export function readSnapshotText(area: SnapshotArea): string | null {
  try {
    return area().getItem(SNAPSHOT_KEY);
  } catch {
    return null;
  }
}

/**
 * Makes the snapshot `text`, unless it already is; false where storage refuses (full or
 * blocked). Nothing is lost then: storage.local holds everything the snapshot copies, and the
 * popup waits for it, as it would with no snapshot.
 */
export function keepSnapshot(area: SnapshotArea, text: string): boolean {
  try {
    const local = area();
    if (local.getItem(SNAPSHOT_KEY) !== text) local.setItem(SNAPSHOT_KEY, text);
    return true;
  } catch {
    return false;
  }
}

/** Drops the snapshot, as "Forget token and data" must: it copies the cached figures. */
export function forgetSnapshot(area: SnapshotArea): void {
  try {
    area().removeItem(SNAPSHOT_KEY);
  } catch {
    // Refused now, so refused when the popup reads it too: the popup then uses storage.local.
  }
}

/** Asks the page that writes the snapshot for the service worker (Chrome's offscreen document). */
export interface WriteSnapshotMessage {
  readonly type: 'write-popup-snapshot';
  readonly text: string;
}

export function parseWriteSnapshotMessage(message: unknown): WriteSnapshotMessage | null {
  if (typeof message !== 'object' || message === null) return null;
  const record = message as Record<string, unknown>;
  return record.type === 'write-popup-snapshot' && typeof record.text === 'string' ? { type: record.type, text: record.text } : null;
}
