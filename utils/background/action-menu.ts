/**
 * The toolbar button's own context menu: "Refresh now", "Details" and "Settings". The ids, the titles'
 * catalogue keys and what a click does live here; `entrypoints/background.ts` hands in the
 * browser's menu API and the two actions.
 */
import type { Translate } from '@/utils/i18n/i18n';

export const REFRESH_NOW_ITEM = 'refresh-now';
export const DETAILS_ITEM = 'open-details';
export const SETTINGS_ITEM = 'open-settings';

/** The items in the order the menu shows them, each title a catalogue key. */
export const ACTION_MENU = [
  { id: REFRESH_NOW_ITEM, titleKey: 'actionMenu.refreshNow' },
  { id: DETAILS_ITEM, titleKey: 'actionMenu.details' },
  { id: SETTINGS_ITEM, titleKey: 'actionMenu.settings' },
] as const;

/** One item as `contextMenus.create` takes it: shown only on the extension's toolbar button. */
export interface ActionMenuItem {
  readonly id: string;
  readonly title: string;
  readonly contexts: ['action'];
}

/** The part of the browser's `contextMenus` the menu needs; `create` settles once the browser has the item. */
export interface MenuRegistry {
  removeAll(): Promise<void>;
  create(item: ActionMenuItem): Promise<void>;
}

/**
 * Builds the menu from scratch in the browser's language: removes whatever an earlier version or
 * language left, then creates the items. The browser keeps the items across restarts, so this
 * runs when the extension is installed or updated and when the browser starts (its language
 * changes only with a restart). Runs one after another: `onInstalled` and `onStartup` may both
 * fire in one wake-up, and interleaved, the second `create` of an id would be refused as a duplicate.
 */
export function createActionMenuInstaller(menus: MenuRegistry, t: Translate): () => Promise<void> {
  let last: Promise<unknown> = Promise.resolve();
  const install = async (): Promise<void> => {
    await menus.removeAll();
    for (const { id, titleKey } of ACTION_MENU) await menus.create({ id, title: t(titleKey), contexts: ['action'] });
  };
  return () => {
    const run = last.then(install, install);
    last = run;
    return run;
  };
}

/** What the menu's items do, passed in by the background. */
export interface ActionMenuActions {
  /** Polls now, as the popup's Refresh does. */
  refreshNow(): Promise<unknown>;
  /** Opens the details page in a tab, on no focus. */
  openDetails(): Promise<unknown>;
  openSettings(): Promise<void>;
}

/** Carries out a click on one of the menu's items; a click on an id that is not ours does nothing. */
export function runActionMenuItem(menuItemId: string | number, actions: ActionMenuActions): Promise<unknown> {
  switch (menuItemId) {
    case REFRESH_NOW_ITEM:
      return actions.refreshNow();
    case DETAILS_ITEM:
      return actions.openDetails();
    case SETTINGS_ITEM:
      return actions.openSettings();
    default:
      return Promise.resolve();
  }
}
