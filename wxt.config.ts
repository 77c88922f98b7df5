import { defineConfig } from 'wxt';

// The `e2e` mode (used by the demo and the end-to-end tests) may also reach the
// loopback demo API; production builds reach only Thordata's own API origin.
const PRODUCTION_HOSTS = ['https://openapi.thordata.com/*'];
const LOOPBACK_HOSTS = ['http://127.0.0.1/*', 'http://localhost/*'];

// Firefox needs a fixed id for storage and updates, and (from 140) a data-collection statement:
// this extension collects nothing; the token and usage stay in the browser.
const FIREFOX_SETTINGS = {
  gecko: {
    id: 'thordata-usage-monitor@usage-monitor.dev',
    strict_min_version: '140.0',
    data_collection_permissions: { required: ['none'] },
  },
  // Firefox for Android understands data_collection_permissions from 142.
  gecko_android: { strict_min_version: '142.0' },
};

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  // Every module names its imports. Auto-imports would also add a static import for any name
  // that matches an export, which once pulled the lazily loaded Chart.js back into the popup.
  imports: false,
  vite: () => ({
    // WXT sets NODE_ENV to the mode, so the `e2e` build (the one the bench times and the tests
    // drive) compiled JSX for development: source locations on every element, ~5 KB more
    // popup script than users get. Every build compiles JSX as the store build does.
    oxc: { jsx: { development: false } },
    build: {
      // Chrome and Firefox preload modules natively: Vite's polyfill, which watched the whole
      // document for <link> tags while the popup rendered, is dead weight here.
      modulePreload: false,
      // Terser drops the Chart.js scales and date adapter this chart never registers, which the
      // default minifier keeps: 6.6 KB gzip off the popup's chart (see docs/performance.md).
      minify: 'terser',
      terserOptions: { module: true, compress: { passes: 2 } },
    },
  }),
  hooks: {
    // The popup is built on its own, so that everything it needs at first paint is one script:
    // built with the settings page, the code they share became a chunk of its own, a second
    // request the popup waited for (measured: ~5 ms of a ~30 ms empty page). The lazy chunk
    // (Chart.js) stays separate.
    'entrypoints:grouped': (_wxt, groups) => {
      // The details page too (issue 17): grouped with the settings page, it loaded a chunk shared
      // with it, one more request before its cached figures showed.
      const alone = (entrypoint: { type: string; name: string }) => entrypoint.type === 'popup' || entrypoint.name === 'details';
      for (const group of [...groups]) {
        if (!Array.isArray(group) || group.length === 1) continue;
        for (let index = group.findIndex(alone); index >= 0 && group.length > 1; index = group.findIndex(alone)) {
          groups.push(group.splice(index, 1));
        }
      }
    },
    // The toolbar button's name before the background first sets its tooltip. WXT takes it from
    // the popup's <title>, which a page cannot localize; the manifest can.
    'build:manifestGenerated': (_wxt, manifest) => {
      if (manifest.action) manifest.action.default_title = '__MSG_extName__';
    },
  },

  manifest: ({ browser, mode }) => ({
    // Every word, the manifest's too, comes from locales/<lang>.yml (see utils/i18n/i18n.ts).
    name: '__MSG_extName__',
    default_locale: 'en',
    description: '__MSG_extDescription__',
    // contextMenus: the toolbar button's "Refresh now" and "Settings" (utils/background/action-menu.ts).
    // Neither Chrome nor Firefox warns of it at install; Firefox takes it as the alias of its `menus`.
    permissions: ['storage', 'alarms', 'notifications', 'contextMenus'],
    // The shortcut that opens the popup, as clicking the button does (issue 15). People change it in
    // the browser's extension shortcuts. Chrome on Windows and Linux keeps Alt+Shift+T ("focus the
    // toolbar") and leaves it unset until people choose a key there; it also ignores the description
    // of this command, naming it itself (tests/e2e/toolbar-conveniences.e2e.ts).
    commands: {
      _execute_action: { suggested_key: { default: 'Alt+Shift+T' }, description: '__MSG_commandOpenPopup__' },
    },
    host_permissions: mode === 'e2e' ? [...PRODUCTION_HOSTS, ...LOOPBACK_HOSTS] : PRODUCTION_HOSTS,
    // Each browser's manifest holds only its own keys: Chrome warns of a key it does not know
    // ("Unrecognized manifest key") on its extensions page.
    ...(browser === 'firefox' ? { browser_specific_settings: FIREFOX_SETTINGS } : {}),
  }),
});
