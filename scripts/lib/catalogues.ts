import { resolve } from 'node:path';
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import type { Locale, MessageCatalog } from '../../utils/i18n/i18n';

/**
 * Where each locale's catalogue lives (`_locales` names zh-CN `zh_CN`), from the repository's
 * root, where npm runs the tests and the bench: in a happy-dom test, `import.meta.url` is no file.
 */
export const CATALOGUE_FILES: Readonly<Record<Locale, string>> = {
  en: resolve('locales/en.yml'),
  'zh-CN': resolve('locales/zh_CN.yml'),
};

/**
 * A locale's words as the build ships them in `_locales/<lang>/messages.json`, through the same
 * @wxt-dev/i18n functions: for the tests and the benchmark, which run without a browser.
 */
export async function readCatalogue(locale: Locale): Promise<MessageCatalog> {
  const messages = generateChromeMessages(await parseMessagesFile(CATALOGUE_FILES[locale]));
  return Object.fromEntries(Object.entries(messages).map(([key, { message, placeholders }]) => [key, { message: withPlaceholders(message, placeholders) }]));
}

/** Named placeholders (`$first$`) replaced by their content, as the browser does when it loads `_locales`. */
function withPlaceholders(message: string, placeholders: Readonly<Record<string, { readonly content: string }>> = {}): string {
  return message.replace(/\$([A-Za-z0-9_@]+)\$/g, (found, name: string) => placeholders[name.toLowerCase()]?.content ?? found);
}
