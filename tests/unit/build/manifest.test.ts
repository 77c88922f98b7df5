import { describe, expect, it } from 'vitest';
import type { TargetBrowser, UserManifest } from 'wxt';
import config from '../../../wxt.config';

/** What the config's manifest function gives WXT for a store build of `browser`. */
async function manifestFor(browser: TargetBrowser, mode = 'production'): Promise<UserManifest> {
  const { manifest } = config;
  if (typeof manifest !== 'function') throw new Error('wxt.config.ts no longer builds its manifest per browser');
  return manifest({ browser, mode, command: 'build', manifestVersion: 3 });
}

describe.each(['production', 'e2e'])('the %s manifest', (mode) => {
  it('gives Chrome no Firefox-only key, and both the same permissions (no offscreen page since the popup snapshot went)', async () => {
    const chrome = await manifestFor('chrome', mode);
    expect(chrome).not.toHaveProperty('browser_specific_settings');
    expect(chrome.permissions).toEqual(['storage', 'alarms', 'notifications', 'contextMenus']);
    expect((await manifestFor('firefox', mode)).permissions).toEqual(chrome.permissions);
  });

  it.each(['chrome', 'firefox'] as const)('gives %s the shortcut that opens the popup, Alt+Shift+T, described in the browser’s language, and no other command', async (browser) => {
    expect((await manifestFor(browser, mode)).commands).toEqual({
      _execute_action: { suggested_key: { default: 'Alt+Shift+T' }, description: '__MSG_commandOpenPopup__' },
    });
  });

  it('asks for nothing new beyond the toolbar menu’s permission and the shortcut', async () => {
    for (const browser of ['chrome', 'firefox'] as const) {
      const manifest = await manifestFor(browser, mode);
      expect(manifest.optional_permissions ?? [], browser).toEqual([]);
      expect(manifest.optional_host_permissions ?? [], browser).toEqual([]);
      expect(Object.keys(manifest).sort(), browser).toEqual(
        ['name', 'default_locale', 'description', 'permissions', 'commands', 'host_permissions', ...(browser === 'firefox' ? ['browser_specific_settings'] : [])].sort(),
      );
    }
  });

  it('keeps Firefox its fixed gecko id and its statement that no data is collected', async () => {
    const gecko = (await manifestFor('firefox', mode)).browser_specific_settings?.gecko;
    expect(gecko?.id).toBe('thordata-usage-monitor@usage-monitor.dev');
    expect(gecko?.data_collection_permissions).toEqual({ required: ['none'] });
  });
});
