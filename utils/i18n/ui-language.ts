import { i18n } from '#i18n';
import { browser } from '@wxt-dev/browser';
import { localeOf, type Language } from './i18n';

/**
 * The one language rule, for every surface: the browser's UI language. `i18n.t` already answers
 * in it (through `getMessage`); `Intl` formatting follows the same language, not `navigator.languages`,
 * which may list another first. The browser's own API, as `i18n.t` uses it: `wxt/browser` is the
 * promise polyfill, ~3 KB gzip the popup does not otherwise load.
 */
export function uiLanguage(): Language {
  return { locale: localeOf(browser.i18n.getUILanguage()), t: i18n.t };
}
