import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from '@wxt-dev/storage';

interface Prefs {
  readonly hours: number;
  readonly unit: string;
}

const FALLBACK: Prefs = { hours: 24, unit: 'binary' };

/**
 * An item as items.ts defines them, defined anew for each read as a starting worker would. Version
 * 2 renamed `h` to `hours`; version 3 added `unit`.
 */
const prefsItem = () =>
  storage.defineItem<Prefs>('local:prefs', {
    fallback: FALLBACK,
    version: 3,
    migrations: {
      2: (old: { h: number }) => ({ hours: old.h }),
      3: (old: { hours: number }) => ({ ...old, unit: 'binary' }),
    },
  });

beforeEach(() => fakeBrowser.reset());

/** What items.ts relies on in @wxt-dev/storage: the layout our own items wrote, and its migrations. */
describe('@wxt-dev/storage items', () => {
  it('reads the fallback when nothing is stored, without writing anything', async () => {
    expect(await prefsItem().getValue()).toEqual(FALLBACK);
    expect(await browser.storage.local.get(null)).toEqual({});
  });

  it('stores the value with its version marker, in the layout our own items used', async () => {
    await prefsItem().setValue({ hours: 48, unit: 'decimal' });
    expect(await browser.storage.local.get(null)).toEqual({ prefs: { hours: 48, unit: 'decimal' }, prefs$: { v: 3 } });
    expect(await prefsItem().getValue()).toEqual({ hours: 48, unit: 'decimal' });
  });

  it('migrates a value without a marker as version 1, through every step, and saves the result', async () => {
    await browser.storage.local.set({ prefs: { h: 12 } });
    expect(await prefsItem().getValue()).toEqual({ hours: 12, unit: 'binary' });
    expect(await browser.storage.local.get(null)).toEqual({ prefs: { hours: 12, unit: 'binary' }, prefs$: { v: 3 } });
  });

  it('runs only the steps after the stored version', async () => {
    await browser.storage.local.set({ prefs: { hours: 6 }, prefs$: { v: 2 } });
    expect(await prefsItem().getValue()).toEqual({ hours: 6, unit: 'binary' });
  });

  it('leaves a value from a newer version stored as it is, unmigrated, and says why in the console', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await browser.storage.local.set({ prefs: { hours: 6, unit: 'x', more: true }, prefs$: { v: 4 } });
    expect(await prefsItem().getValue()).toEqual({ hours: 6, unit: 'x', more: true });
    expect(await browser.storage.local.get(null)).toEqual({ prefs: { hours: 6, unit: 'x', more: true }, prefs$: { v: 4 } });
    expect(error).toHaveBeenCalledOnce();
  });

  it('removes the value and its marker', async () => {
    await prefsItem().setValue({ hours: 72, unit: 'binary' });
    await browser.storage.local.set({ other: 1 });
    await prefsItem().removeValue({ removeMeta: true });
    expect(await browser.storage.local.get(null)).toEqual({ other: 1 });
    expect(await prefsItem().getValue()).toEqual(FALLBACK);
  });

  it('versions a first value only if the item saw nothing stored when it last looked: hence removeAllItems looks again', async () => {
    const item = prefsItem();
    await item.setValue({ hours: 1, unit: 'binary' });
    await item.removeValue({ removeMeta: true });
    await item.setValue({ hours: 2, unit: 'binary' });
    expect(await browser.storage.local.get(null)).toEqual({ prefs: { hours: 2, unit: 'binary' } });

    await item.removeValue({ removeMeta: true });
    await item.migrate();
    await item.setValue({ hours: 3, unit: 'binary' });
    expect(await browser.storage.local.get(null)).toEqual({ prefs: { hours: 3, unit: 'binary' }, prefs$: { v: 3 } });
  });
});
