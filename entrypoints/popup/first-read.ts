import { parseSnapshot, readSnapshotText } from '@/utils/popup/snapshot';
import { popupApi, readStored, type PopupStored } from '@/utils/popup/stored-reads';

/** What the popup shows first: its snapshot, or storage.local's answer where it has none. */
export type FirstRead =
  | { readonly kind: 'snapshot'; readonly stored: PopupStored; readonly text: string }
  | { readonly kind: 'storage'; readonly answer: Promise<PopupStored> };

function readFirst(): FirstRead {
  const text = readSnapshotText(() => localStorage);
  const stored = parseSnapshot(text);
  return text !== null && stored !== null ? { kind: 'snapshot', stored, text } : { kind: 'storage', answer: readStored(popupApi()) };
}

/**
 * Imported first by main.tsx, so this is asked for before anything else. The snapshot answers
 * at once (localStorage is synchronous) and the popup renders while its script is still running.
 * Storage is then asked only after that first paint: the first call into `chrome.storage` sets
 * up its bindings, which delayed the snapshot's render by ~2 ms.
 */
export const firstRead = readFirst();
