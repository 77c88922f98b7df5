import { vi } from 'vitest';

/**
 * The stored items as a worker or page starting now defines them. @wxt-dev/storage migrates an
 * item's stored value when the item is defined, so a test that stores an older version reads it
 * through items defined afterwards, as the extension does after an update.
 */
export async function itemsAtStart(): Promise<typeof import('@/utils/storage/items')> {
  vi.resetModules();
  return import('@/utils/storage/items');
}
