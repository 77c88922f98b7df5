import { describe, expect, it } from 'vitest';
import { readActionShortcut, shortcutPlace, type CommandsApi } from '@/utils/options/shortcut';

const commands = (list: Awaited<ReturnType<CommandsApi['getAll']>>): CommandsApi => ({ getAll: async () => list });

describe('the popup’s keyboard shortcut', () => {
  it('reads the shortcut of the command that opens the popup', async () => {
    const api = commands([
      { name: 'other', shortcut: 'Ctrl+Q' },
      { name: '_execute_action', shortcut: 'Alt+Shift+T' },
    ]);
    expect(await readActionShortcut(api)).toEqual({ kind: 'set', keys: 'Alt+Shift+T' });
  });

  it('reads it under its Manifest V2 name too, as Firefox builds have it', async () => {
    expect(await readActionShortcut(commands([{ name: '_execute_browser_action', shortcut: 'Alt+Shift+T' }]))).toEqual({ kind: 'set', keys: 'Alt+Shift+T' });
  });

  it('says none is set when the person cleared it or another extension took it', async () => {
    expect(await readActionShortcut(commands([{ name: '_execute_action', shortcut: '' }]))).toEqual({ kind: 'none' });
    expect(await readActionShortcut(commands([{ name: '_execute_action' }]))).toEqual({ kind: 'none' });
  });

  it('says it cannot tell without a commands API, without the command, or when the browser refuses', async () => {
    expect(await readActionShortcut(undefined)).toEqual({ kind: 'unknown' });
    expect(await readActionShortcut(commands([]))).toEqual({ kind: 'unknown' });
    expect(await readActionShortcut({ getAll: () => Promise.reject(new Error('no')) })).toEqual({ kind: 'unknown' });
  });

  it('sends Firefox users to about:addons and everyone else to the Chromium shortcuts page', () => {
    expect(shortcutPlace('Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0')).toBe('firefox');
    expect(shortcutPlace('Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36 Edg/126.0')).toBe('chromium');
  });
});
