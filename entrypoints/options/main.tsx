import { render } from 'preact';
import { browser } from 'wxt/browser';
import '@/components/shared/theme.css';
import './options.css';
import type { NotificationPermission } from '@/components/options/AlertRulesFields';
import { HostAccessNotice } from '@/components/options/HostAccessNotice';
import { SettingsForm } from '@/components/options/SettingsForm';
import type { ConnectionRequest } from '@/components/options/AccountCard';
import type { SettingsChange, StoredSettings } from '@/components/options/useSettingsDraft';
import { buildAllowsLoopback } from '@/utils/api/origin';
import { forgetTokenAndData } from '@/utils/options/forget-data';
import { readActionShortcut, shortcutPlace, type CommandsApi } from '@/utils/options/shortcut';
import { hostName, hostPattern } from '@/utils/api/host-permission';
import { uiLanguage } from '@/utils/i18n/ui-language';
import { tellSettingsSaved, type BackgroundRequest, type TestConnectionReply } from '@/utils/messages/messages';
import { coerceSettings } from '@/utils/settings/repair';
import { writeSettingsPatch, type SettingsStore } from '@/utils/settings/patch';
import { accountOfTokenKey, SETTINGS } from '@/utils/storage/definitions';
import { readTokens, settingsItem, tokenItem } from '@/utils/storage/items';

const allowLoopback = buildAllowsLoopback();
const language = uiLanguage();
const sendToBackground = (request: BackgroundRequest): Promise<unknown> => browser.runtime.sendMessage(request);

async function testConnection({ token, apiBaseUrl }: ConnectionRequest): Promise<TestConnectionReply> {
  const request: BackgroundRequest = { type: 'test-connection', token, apiBaseUrl };
  return (await sendToBackground(request)) as TestConnectionReply;
}

/** Through the item, which owns the stored shape and its migrations. */
const settingsStore: SettingsStore = { read: () => settingsItem.getValue(), write: (settings) => settingsItem.setValue(settings) };

// The page's storage wiring is exported for tests/unit/options/settings-form.test.tsx, which runs it over
// the fake browser with the popup's write beside it.

export async function readStoredSettings(): Promise<StoredSettings> {
  const settings = coerceSettings(await settingsItem.getValue(), allowLoopback);
  return { settings, tokens: await readTokens(settings) };
}

/**
 * Writes what the form changed over what is stored now, not the form's whole copy: the popup's
 * chart window, or another settings tab, may have written since the form last heard. A new
 * account's token is stored before the settings that list it, and a removed account's token
 * goes after the settings that no longer do, so the background never reads an account listed
 * without the token it was saved with.
 */
export async function saveChange({ settings, tokens, removedAccounts }: SettingsChange): Promise<StoredSettings> {
  await Promise.all(Object.entries(tokens).map(([account, token]) => tokenItem(account).setValue(token)));
  const saved = await writeSettingsPatch(settingsStore, settings, allowLoopback, navigator);
  await Promise.all(removedAccounts.map((account) => tokenItem(account).removeValue({ removeMeta: true })));
  tellSettingsSaved(sendToBackground);
  return { settings: saved, tokens: await readTokens(saved) };
}

/**
 * Calls `listener` with what is stored whenever the settings or any account's token change,
 * whoever wrote them, and once now: a write between the page's first read and this call is not missed.
 */
export function watchStoredSettings(listener: (stored: StoredSettings) => void): () => void {
  const read = () => void readStoredSettings().then(listener);
  const onChanged = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && Object.keys(changes).some((key) => key === SETTINGS.key || accountOfTokenKey(key) !== null)) read();
  };
  browser.storage.onChanged.addListener(onChanged);
  read();
  return () => browser.storage.onChanged.removeListener(onChanged);
}

/** Chrome can say whether notifications are blocked; Firefox cannot (no getPermissionLevel). */
async function notificationPermission(): Promise<NotificationPermission> {
  if (!browser.notifications?.getPermissionLevel) return 'unknown';
  return (await browser.notifications.getPermissionLevel()) === 'granted' ? 'granted' : 'denied';
}

async function main(root: HTMLElement) {
  document.documentElement.lang = language.locale;
  document.title = language.t('settings.pageTitle');
  const [stored, permission, shortcut] = await Promise.all([
    readStoredSettings(),
    notificationPermission(),
    // Absent where the browser offers no commands API; the page then says it cannot tell.
    readActionShortcut(browser.commands as CommandsApi | undefined),
  ]);
  const { settings } = stored;
  const pattern = hostPattern(settings.apiBaseUrl);
  const granted = await browser.permissions.contains({ origins: [pattern] });
  const requestAccess = async () => {
    const ok = await browser.permissions.request({ origins: [pattern] });
    if (ok) tellSettingsSaved(sendToBackground);
    return ok;
  };
  render(
    <>
      <HostAccessNotice host={hostName(settings.apiBaseUrl)} granted={granted} t={language.t} onRequest={requestAccess} />
      <SettingsForm
        language={language}
        stored={stored}
        permission={permission}
        allowLoopback={allowLoopback}
        onTestConnection={testConnection}
        shortcut={shortcut}
        shortcutPlace={shortcutPlace(navigator.userAgent)}
        onSave={saveChange}
        watchStored={watchStoredSettings}
        onForget={forgetTokenAndData}
      />
    </>,
    root,
  );
}

const root = document.getElementById('app');
if (root) void main(root);
