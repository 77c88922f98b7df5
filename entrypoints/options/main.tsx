import { render } from 'preact';
import { browser } from 'wxt/browser';
import '@/components/theme.css';
import './options.css';
import type { NotificationPermission } from '@/components/AlertRulesFields';
import { HostAccessNotice } from '@/components/HostAccessNotice';
import { SettingsForm } from '@/components/SettingsForm';
import { buildAllowsLoopback } from '@/utils/api-origin';
import { forgetTokenAndData } from '@/utils/forget-data';
import { hostName, hostPattern } from '@/utils/host-permission';
import { pickLocale } from '@/utils/locale';
import '@/utils/locale-zh';
import type { BackgroundRequest, TestConnectionReply } from '@/utils/messages';
import { coerceSettings, draftFromSettings, parseProxyType, type Settings, type SettingsDraft } from '@/utils/settings';
import { settingsText } from '@/utils/settings-text';
import { settingsItem, tokenItem } from '@/utils/storage-items';

const allowLoopback = buildAllowsLoopback();
const locale = pickLocale(navigator.languages);

async function testConnection(draft: SettingsDraft): Promise<TestConnectionReply> {
  const request: BackgroundRequest = {
    type: 'test-connection',
    token: draft.token,
    apiBaseUrl: draft.apiBaseUrl,
    proxyType: parseProxyType(draft.proxyType) ?? 1,
  };
  return (await browser.runtime.sendMessage(request)) as TestConnectionReply;
}

async function save(settings: Settings, token: string): Promise<void> {
  await Promise.all([settingsItem.setValue(settings), tokenItem.setValue(token)]);
  const request: BackgroundRequest = { type: 'settings-saved' };
  // The poll that follows may take a while; the page does not wait for it.
  void browser.runtime.sendMessage(request);
}

/** Chrome can say whether notifications are blocked; Firefox cannot (no getPermissionLevel). */
async function notificationPermission(): Promise<NotificationPermission> {
  if (!browser.notifications?.getPermissionLevel) return 'unknown';
  return (await browser.notifications.getPermissionLevel()) === 'granted' ? 'granted' : 'denied';
}

async function main(root: HTMLElement) {
  document.documentElement.lang = locale;
  document.title = settingsText(locale).pageTitle;
  const [rawSettings, token, permission] = await Promise.all([
    settingsItem.getValue(),
    tokenItem.getValue(),
    notificationPermission(),
  ]);
  const settings = coerceSettings(rawSettings, allowLoopback);
  const pattern = hostPattern(settings.apiBaseUrl);
  const granted = await browser.permissions.contains({ origins: [pattern] });
  const requestAccess = async () => {
    const ok = await browser.permissions.request({ origins: [pattern] });
    if (ok) void browser.runtime.sendMessage({ type: 'settings-saved' } satisfies BackgroundRequest);
    return ok;
  };
  render(
    <>
      <HostAccessNotice host={hostName(settings.apiBaseUrl)} granted={granted} locale={locale} onRequest={requestAccess} />
      <SettingsForm
      locale={locale}
      initialDraft={draftFromSettings(settings, token)}
      permission={permission}
      currentSettings={settings}
      allowLoopback={allowLoopback}
      onTestConnection={testConnection}
      onSave={save}
      onForget={forgetTokenAndData}
      />
    </>,
    root,
  );
}

const root = document.getElementById('app');
if (root) void main(root);
