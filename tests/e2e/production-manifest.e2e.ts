import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface Manifest {
  manifest_version: number;
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
  content_security_policy?: unknown;
  background?: { scripts?: string[]; service_worker?: string };
  browser_specific_settings?: { gecko?: { id?: string; data_collection_permissions?: unknown } };
  name?: string;
  description?: string;
  default_locale?: string;
  action?: { default_title?: string };
  commands?: Record<string, { suggested_key?: Record<string, string>; description?: string }>;
}

const read = (dir: string): Manifest => JSON.parse(readFileSync(`.output/${dir}/manifest.json`, 'utf8')) as Manifest;
// contextMenus: the toolbar button's own menu ("Refresh now", "Settings"); no install warning in either browser.
const ALLOWED_PERMISSIONS = ['alarms', 'contextMenus', 'notifications', 'storage'];
const API_HOST = 'https://openapi.thordata.com/*';

describe.each(['chrome-mv3', 'firefox-mv3'])('the production build %s', (dir) => {
  const manifest = read(dir);
  const chrome = dir.startsWith('chrome');

  it('is MV3 and asks only for storage, alarms, notifications and the toolbar menu', () => {
    expect(manifest.manifest_version).toBe(3);
    expect([...(manifest.permissions ?? [])].sort()).toEqual(ALLOWED_PERMISSIONS);
    // The offscreen page that once wrote the popup's copy of its figures is gone with its permission.
    expect(existsSync(`.output/${dir}/snapshot-writer.html`)).toBe(false);
    expect(manifest.optional_permissions ?? []).toEqual([]);
  });

  it('reaches only the Thordata API: no loopback, no other host', () => {
    expect(manifest.host_permissions).toEqual([API_HOST]);
    expect(manifest.optional_host_permissions ?? []).toEqual([]);
    expect(JSON.stringify(manifest)).not.toMatch(/127\.0\.0\.1|localhost|\[::1\]/);
  });

  it('loads no remote script and allows no eval', () => {
    const csp = JSON.stringify(manifest.content_security_policy ?? '');
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|https?:\/\/|\*/);
    const code = readFileSync(`.output/${dir}/${manifest.background?.service_worker ?? manifest.background?.scripts?.[0] ?? ''}`, 'utf8');
    expect(code).not.toMatch(/importScripts\(\s*['"]https?:/);
  });

  it('names itself in the browser’s language: name, description, button title and shortcut from the catalogue', () => {
    expect(manifest.default_locale).toBe('en');
    expect([manifest.name, manifest.description, manifest.action?.default_title]).toEqual(['__MSG_extName__', '__MSG_extDescription__', '__MSG_extName__']);
    for (const lang of ['en', 'zh_CN']) {
      const messages = JSON.parse(readFileSync(`.output/${dir}/_locales/${lang}/messages.json`, 'utf8')) as Record<string, { message: string }>;
      expect(messages.extName?.message, lang).toBeTruthy();
      expect(messages.extDescription?.message, lang).toBeTruthy();
      expect(messages.commandOpenPopup?.message, lang).toBeTruthy();
    }
  });

  it('opens the popup with Alt+Shift+T, and has no other shortcut (the dev build’s reload command stays out)', () => {
    expect(manifest.commands).toEqual({
      _execute_action: { suggested_key: { default: 'Alt+Shift+T' }, description: '__MSG_commandOpenPopup__' },
    });
  });

  it(`holds only ${chrome ? 'Chrome' : 'Firefox'}’s own keys`, () => {
    expect('browser_specific_settings' in manifest).toBe(!chrome);
  });

  it('differs from the demo build only by the loopback hosts', () => {
    const demo = read(`${dir}-e2e`);
    expect(demo.permissions).toEqual(manifest.permissions);
    expect(demo.commands).toEqual(manifest.commands);
    expect(demo.host_permissions).toEqual([API_HOST, 'http://127.0.0.1/*', 'http://localhost/*']);
  });
});

describe('the Firefox package', () => {
  it('has a fixed gecko id and says it collects no data', () => {
    const gecko = read('firefox-mv3').browser_specific_settings?.gecko;
    expect(gecko?.id).toBe('thordata-usage-monitor@usage-monitor.dev');
    expect(gecko?.data_collection_permissions).toEqual({ required: ['none'] });
  });

  it('passes addons.mozilla.org’s linter with no error', () => {
    const report = execFileSync('npx', ['web-ext', 'lint', '--source-dir', '.output/firefox-mv3', '--output', 'json'], {
      encoding: 'utf8',
    });
    const { errors, warnings } = JSON.parse(report.slice(report.indexOf('{'))) as { errors: unknown[]; warnings: { code: string; file: string }[] };
    expect(errors).toEqual([]);
    // Preact's support for dangerouslySetInnerHTML, which this code never uses (README, Firefox),
    // once in each page's script: the popup and the details page are built on their own (wxt.config.ts).
    const named = warnings.map((w) => `${w.code} in ${w.file.replace(/-[\w-]+\.js$/, '.js')}`);
    expect(named.sort()).toEqual(['UNSAFE_VAR_ASSIGNMENT in chunks/details.js', 'UNSAFE_VAR_ASSIGNMENT in chunks/options.js', 'UNSAFE_VAR_ASSIGNMENT in chunks/popup.js']);
  });
});
