import { afterEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readCatalogue } from '@/scripts/lib/catalogues';
import { fillMessage, type Locale, type MessageCatalog } from '@/utils/i18n/i18n';

/**
 * WXT's fake browser has no `i18n.getMessage` or `getUILanguage`: these answer from the same
 * YAML catalogues the build turns into `_locales`, in the UI language a test chooses
 * (`setUiLanguage`), English otherwise, as the browser would.
 */
const catalogues: Readonly<Record<Locale, MessageCatalog>> = { en: await readCatalogue('en'), 'zh-CN': await readCatalogue('zh-CN') };

let uiLanguage = 'en-US';

/** The browser's UI language for the rest of this test, e.g. `zh-CN`. */
export function setUiLanguage(language: string): void {
  uiLanguage = language;
}

fakeBrowser.i18n.getUILanguage = () => uiLanguage;
fakeBrowser.i18n.getMessage = (key: string, substitutions?: string | (string | number)[]) => {
  const catalogue = catalogues[uiLanguage.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en'];
  const message = catalogue[key]?.message ?? '';
  return fillMessage(message, substitutions === undefined ? [] : typeof substitutions === 'string' ? [substitutions] : substitutions);
};

afterEach(() => setUiLanguage('en-US'));
