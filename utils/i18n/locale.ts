/** The languages the extension speaks. */
export type Locale = 'en' | 'zh-CN';

/** The first of the browser's preferred languages we speak, English otherwise. */
export function pickLocale(languages: readonly string[]): Locale {
  for (const language of languages) {
    const lower = language.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}
