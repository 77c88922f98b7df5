/** The part of `browser.commands` read here; absent in a browser or context without it. */
export interface CommandsApi {
  getAll(): Promise<readonly { readonly name?: string; readonly shortcut?: string }[]>;
}

/** The shortcut that opens the popup: its keys, none set (the person cleared it, or it clashed), or not known. */
export type ActionShortcut = { readonly kind: 'set'; readonly keys: string } | { readonly kind: 'none' } | { readonly kind: 'unknown' };

// WXT writes `_execute_action` as `_execute_browser_action` in a Manifest V2 build (Firefox).
const OPEN_POPUP = new Set(['_execute_action', '_execute_browser_action']);

/** Reads the popup's shortcut as the browser has it now, which the person may have changed. */
export async function readActionShortcut(commands: CommandsApi | undefined): Promise<ActionShortcut> {
  if (!commands) return { kind: 'unknown' };
  try {
    const command = (await commands.getAll()).find((candidate) => OPEN_POPUP.has(candidate.name ?? ''));
    if (!command) return { kind: 'unknown' };
    return command.shortcut ? { kind: 'set', keys: command.shortcut } : { kind: 'none' };
  } catch {
    return { kind: 'unknown' };
  }
}

/** Where the browser lets the person change an extension's shortcuts. */
export function shortcutPlace(userAgent: string): 'firefox' | 'chromium' {
  return userAgent.includes('Firefox') ? 'firefox' : 'chromium';
}
