/**
 * Earlier builds kept a copy of the popup's figures (never the token) in the extension's
 * localStorage under this key, so the popup could draw them before storage.local answered; the
 * copy could be older than storage, so it went (docs/performance.md). Where it is left, it goes:
 * when the popup opens, and with "Forget token and data".
 */
export const LEGACY_SNAPSHOT_KEY = 'popupSnapshot';

/**
 * Drops the copy. `area` is asked for through a function because merely touching `localStorage`
 * throws where the browser refuses site data: then nothing could have been kept there either.
 */
export function dropLegacySnapshot(area: () => Pick<Storage, 'removeItem'>): void {
  try {
    area().removeItem(LEGACY_SNAPSHOT_KEY);
  } catch {
    // Refused: nothing to drop.
  }
}
