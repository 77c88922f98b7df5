import { describe, expect, it, vi } from 'vitest';
import {
  createActionMenuInstaller,
  DETAILS_ITEM,
  REFRESH_NOW_ITEM,
  runActionMenuItem,
  SETTINGS_ITEM,
  type ActionMenuItem,
  type MenuRegistry,
} from '@/utils/background/action-menu';
import { CHINESE, ENGLISH } from '../support/languages';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * The browser's menu as Chrome keeps it (WXT's fake browser has no contextMenus): items survive
 * restarts and updates, and `create` refuses an id that is already there. Each call answers a
 * turn later, as the real API does, so interleaved calls interleave here too.
 */
function browserMenu(existing: readonly ActionMenuItem[] = []) {
  const items = new Map(existing.map((item) => [item.id, item]));
  const registry: MenuRegistry = {
    removeAll: async () => {
      await tick();
      items.clear();
    },
    create: async (item) => {
      const duplicate = items.has(item.id);
      if (!duplicate) items.set(item.id, item);
      await tick();
      if (duplicate) throw new Error(`Cannot create item with duplicate id ${item.id}`);
    },
  };
  return { registry, shown: () => [...items.values()] };
}

describe('the toolbar button’s menu', () => {
  it('offers "Refresh now", "Details" then "Settings", on the toolbar button only', async () => {
    const menu = browserMenu();
    await createActionMenuInstaller(menu.registry, ENGLISH.t)();
    expect(menu.shown()).toEqual([
      { id: REFRESH_NOW_ITEM, title: 'Refresh now', contexts: ['action'] },
      { id: DETAILS_ITEM, title: 'Details', contexts: ['action'] },
      { id: SETTINGS_ITEM, title: 'Settings', contexts: ['action'] },
    ]);
  });

  it('speaks the browser’s language', async () => {
    const menu = browserMenu();
    await createActionMenuInstaller(menu.registry, CHINESE.t)();
    expect(menu.shown().map((item) => item.title)).toEqual(['立即刷新', '用量详情', '设置']);
  });

  it('is rebuilt after an update or a browser start: the same items, in the language of now, and nothing an older version left', async () => {
    const menu = browserMenu([
      { id: REFRESH_NOW_ITEM, title: '立即刷新', contexts: ['action'] },
      { id: 'an-item-of-an-older-version', title: 'Old', contexts: ['action'] },
    ]);
    await createActionMenuInstaller(menu.registry, ENGLISH.t)();
    expect(menu.shown().map((item) => item.title)).toEqual(['Refresh now', 'Details', 'Settings']);
  });

  it('is built once over when install and start fire in the same wake-up, without a duplicate refused', async () => {
    const menu = browserMenu();
    const install = createActionMenuInstaller(menu.registry, ENGLISH.t);
    await expect(Promise.all([install(), install()])).resolves.toEqual([undefined, undefined]);
    expect(menu.shown().map((item) => item.id)).toEqual([REFRESH_NOW_ITEM, DETAILS_ITEM, SETTINGS_ITEM]);
  });

  it('is still built by the next attempt after one the browser refused', async () => {
    const menu = browserMenu();
    const removeAll = vi.fn(menu.registry.removeAll).mockRejectedValueOnce(new Error('refused'));
    const install = createActionMenuInstaller({ ...menu.registry, removeAll }, ENGLISH.t);
    const first = install();
    const second = install();
    await expect(first).rejects.toThrow('refused');
    await second;
    expect(menu.shown()).toHaveLength(3);
  });
});

describe('a click in the toolbar button’s menu', () => {
  const actions = () => ({
    refreshNow: vi.fn(() => Promise.resolve('polled')),
    openDetails: vi.fn(() => Promise.resolve()),
    openSettings: vi.fn(() => Promise.resolve()),
  });

  it('"Refresh now" polls, as the popup’s Refresh does, and its outcome is the poll’s', async () => {
    const act = actions();
    await expect(runActionMenuItem(REFRESH_NOW_ITEM, act)).resolves.toBe('polled');
    expect(act.refreshNow).toHaveBeenCalledTimes(1);
    expect(act.openSettings).not.toHaveBeenCalled();
  });

  it('"Settings" opens the settings page', async () => {
    const act = actions();
    await runActionMenuItem(SETTINGS_ITEM, act);
    expect(act.openSettings).toHaveBeenCalledTimes(1);
    expect(act.refreshNow).not.toHaveBeenCalled();
    expect(act.openDetails).not.toHaveBeenCalled();
  });

  it('"Details" opens the details page, and nothing else', async () => {
    const act = actions();
    await runActionMenuItem(DETAILS_ITEM, act);
    expect(act.openDetails).toHaveBeenCalledTimes(1);
    expect(act.refreshNow).not.toHaveBeenCalled();
    expect(act.openSettings).not.toHaveBeenCalled();
  });

  it('passes a failed poll on, for the background to record', async () => {
    const act = { ...actions(), refreshNow: () => Promise.reject(new Error('offline')) };
    await expect(runActionMenuItem(REFRESH_NOW_ITEM, act)).rejects.toThrow('offline');
  });

  it('on an item that is not ours does nothing', async () => {
    const act = actions();
    await runActionMenuItem(7, act);
    await runActionMenuItem('something-else', act);
    expect(act.refreshNow).not.toHaveBeenCalled();
    expect(act.openDetails).not.toHaveBeenCalled();
    expect(act.openSettings).not.toHaveBeenCalled();
  });
});
