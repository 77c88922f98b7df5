import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defineItem } from '@/utils/storage/item';

interface Prefs {
  readonly hours: number;
  readonly unit: string;
}

const FALLBACK: Prefs = { hours: 24, unit: 'binary' };

/** Version 2 renamed `h` to `hours`; version 3 added `unit`. */
const prefsItem = () =>
  defineItem<Prefs>('prefs', {
    fallback: FALLBACK,
    version: 3,
    migrations: {
      2: (old) => ({ hours: (old as { h: number }).h }),
      3: (old) => ({ ...(old as { hours: number }), unit: 'binary' }),
    },
  });

beforeEach(() => fakeBrowser.reset());

describe('defineItem', () => {
  it('reads the fallback when nothing is stored, without writing anything', async () => {
    expect(await prefsItem().getValue()).toEqual(FALLBACK);
    expect(await browser.storage.local.get(null)).toEqual({});
  });

  it('stores the value with its version marker, in the layout @wxt-dev/storage used', async () => {
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

  it('reads a value from a newer version as the fallback and leaves it stored', async () => {
    await browser.storage.local.set({ prefs: { hours: 6, unit: 'x', more: true }, prefs$: { v: 4 } });
    expect(await prefsItem().getValue()).toEqual(FALLBACK);
    expect(await browser.storage.local.get('prefs')).toEqual({ prefs: { hours: 6, unit: 'x', more: true } });
  });

  it('removes the value and its marker', async () => {
    await prefsItem().setValue({ hours: 72, unit: 'binary' });
    await browser.storage.local.set({ other: 1 });
    await prefsItem().removeValue();
    expect(await browser.storage.local.get(null)).toEqual({ other: 1 });
    expect(await prefsItem().getValue()).toEqual(FALLBACK);
  });
});
