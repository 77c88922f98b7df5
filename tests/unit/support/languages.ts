import { readCatalogue } from '@/scripts/lib/catalogues';
import { catalogTranslate, type Language } from '@/utils/i18n/i18n';

/** Each language as the browser would speak it, read from the shipped catalogues. */
export const ENGLISH: Language = { locale: 'en', t: catalogTranslate(await readCatalogue('en')) };
export const CHINESE: Language = { locale: 'zh-CN', t: catalogTranslate(await readCatalogue('zh-CN')) };
