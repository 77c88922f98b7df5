import { browser } from 'wxt/browser';

/**
 * A typed, versioned value in `storage.local`: the few things the extension needs
 * from @wxt-dev/storage's `defineItem` (a fallback, versions, migrations), in about a
 * tenth of its size. That library cost the background 3 KB of its 15 KB gzip budget,
 * mostly for features never used here (other areas, metadata, watchers, locks).
 *
 * The layout is the one @wxt-dev/storage wrote, so stored data carries over: the
 * value under its key, and `{ v: version }` under the key plus `$`; a value with no
 * marker is version 1. Migrations run on the first read, never at import time, and
 * every write stores the marker with the value, so a value is never mistaken for an
 * older version.
 */
export interface StorageItem<T> {
  /** The key in `storage.local`. */
  readonly key: string;
  /** What reading gives when nothing (or nothing readable) is stored. */
  readonly fallback: T;
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  /** Removes the value and its version marker. */
  removeValue(): Promise<void>;
}

interface ItemOptions<T> {
  readonly fallback: T;
  readonly version: number;
  /** `migrations[n]` turns a version n-1 value into version n. */
  readonly migrations?: Readonly<Record<number, (old: unknown) => unknown>>;
}

interface VersionMarker {
  readonly v?: unknown;
}

function storedVersion(marker: unknown): number {
  const v = (marker as VersionMarker | undefined)?.v;
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 ? v : 1;
}

export function defineItem<T>(key: string, { fallback, version, migrations = {} }: ItemOptions<T>): StorageItem<T> {
  const markerKey = `${key}$`;
  const marker = { v: version };
  const write = (value: unknown) => browser.storage.local.set({ [key]: value, [markerKey]: marker });
  return {
    key,
    fallback,
    async getValue() {
      const stored = await browser.storage.local.get([key, markerKey]);
      let value: unknown = stored[key];
      if (value === undefined || value === null) return fallback;
      const from = storedVersion(stored[markerKey]);
      // Written by a newer version of the extension (a downgrade): read as nothing rather than misread.
      if (from > version) return fallback;
      if (from < version) {
        for (let next = from + 1; next <= version; next += 1) value = migrations[next]?.(value) ?? value;
        await write(value);
      }
      return value as T;
    },
    setValue: (value) => write(value),
    removeValue: () => browser.storage.local.remove([key, markerKey]),
  };
}
