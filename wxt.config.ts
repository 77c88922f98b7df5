import { defineConfig } from 'wxt';

// The `e2e` mode (used by the demo and the end-to-end tests) may also reach the
// loopback demo API; production builds reach only Thordata's own API origin.
const PRODUCTION_HOSTS = ['https://openapi.thordata.com/*'];
const LOOPBACK_HOSTS = ['http://127.0.0.1/*', 'http://localhost/*'];

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ mode }) => ({
    name: 'Thordata Usage Monitor',
    // Badge and notification sentences come from public/_locales (see utils/i18n.ts).
    default_locale: 'en',
    description: 'See your Thordata proxy traffic at a glance: this hour on the badge, recent hours in the popup.',
    permissions: ['storage', 'alarms', 'notifications'],
    host_permissions: mode === 'e2e' ? [...PRODUCTION_HOSTS, ...LOOPBACK_HOSTS] : PRODUCTION_HOSTS,
    action: { default_title: 'Thordata Usage Monitor' },
    // Firefox needs a fixed id for storage and updates, and (from 140) a data-collection statement:
    // this extension collects nothing; the token and usage stay in the browser.
    browser_specific_settings: {
      gecko: {
        id: 'thordata-usage-monitor@usage-monitor.dev',
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
      // Firefox for Android understands data_collection_permissions from 142.
      gecko_android: { strict_min_version: '142.0' },
    },
  }),
});
