import { render } from 'preact';
import { browser } from 'wxt/browser';
import '@/components/shared/theme.css';
import './options.css';
import type { NotificationPermission } from '@/components/options/AlertRulesFields';
import { HostAccessNotice } from '@/components/options/HostAccessNotice';
import { SettingsForm } from '@/components/options/SettingsForm';
import type { SettingsChange, StoredSettings } from '@/components/options/useSettingsDraft';
import { buildAllowsLoopback } from '@/utils/api/origin';
import { forgetTokenAndData } from '@/utils/options/forget-data';
import { hostName, hostPattern } from '@/utils/api/host-permission';
import { pickLocale } from '@/utils/i18n/locale';
import '@/utils/i18n/locale-zh';
import { tellSettingsSaved, type BackgroundRequest, type TestConnectionReply } from '@/utils/messages/messages';
import { coerceSettings } from '@/utils/settings/repair';
import { parseProxyType } from '@/utils/settings/fields';
import type { SettingsDraft } from '@/utils/settings/draft';
import { writeSettingsPatch, type SettingsStore } from '@/utils/settings/patch';
import { settingsText } from '@/utils/settings/settings-text';
import { SETTINGS, TOKEN } from '@/utils/storage/definitions';
import { settingsItem, tokenItem } from '@/utils/storage/items';

const allowLoopback = buildAllowsLoopback();
const locale = pickLocale(navigator.languages);
const sendToBackground = (request: BackgroundRequest): Promise<unknown> => browser.runtime.sendMessage(request);

async function testConnection(draft: SettingsDraft): Promise<TestConnectionReply> {
  const request: BackgroundRequest = {
    type: 'test-connection',
    token: draft.token,
    apiBaseUrl: draft.apiBaseUrl,
    proxyType: parseProxyType(draft.proxyType) ?? 1,
  };
  return (await sendToBackground(request)) as TestConnectionReply;
}

/** Through the item, which owns the stored shape and its migrations. */
const settingsStore: SettingsStore = { read: () => settingsItem.getValue(), write: (settings) => settingsItem.setValue(settings) };

// The page's storage wiring is exported for tests/unit/options/settings-form.test.tsx, which runs it over
// the fake browser with the popup's write beside it.

export async function readStoredSettings(): Promise<StoredSettings> {
  const [settings, token] = await Promise.all([settingsItem.getValue(), tokenItem.getValue()]);
  return { settings: coerceSettings(settings, allowLoopback), token };
}

/**
 * Writes what the form changed over what is stored now, not the form's whole copy: the popup's
 * chart window, or another settings tab, may have written since the form last heard.
 */
export async function saveChange({ settings, token }: SettingsChange): Promise<StoredSettings> {
  const [saved] = await Promise.all([
    writeSettingsPatch(settingsStore, settings, allowLoopback, navigator),
    token === null ? undefined : tokenItem.setValue(token),
  ]);
  tellSettingsSaved(sendToBackground);
  return { settings: saved, token: token ?? (await tokenItem.getValue()) };
}

/**
 * Calls `listener` with what is stored whenever the settings or the token change, whoever wrote
 * them, and once now: a write between the page's first read and this call is not missed.
 */
export function watchStoredSettings(listener: (stored: StoredSettings) => void): () => void {
  const read = () => void readStoredSettings().then(listener);
  const onChanged = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && (SETTINGS.key in changes || TOKEN.key in changes)) read();
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
  document.documentElement.lang = locale;
  document.title = settingsText(locale).pageTitle;
  const [stored, permission] = await Promise.all([readStoredSettings(), notificationPermission()]);
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
      <HostAccessNotice host={hostName(settings.apiBaseUrl)} granted={granted} locale={locale} onRequest={requestAccess} />
      <SettingsForm
        locale={locale}
        stored={stored}
        permission={permission}
        allowLoopback={allowLoopback}
        onTestConnection={testConnection}
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
