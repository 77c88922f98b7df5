import englishMessages from '@/public/_locales/en/messages.json';
import chineseMessages from '@/public/_locales/zh_CN/messages.json';
import { catalogTranslate, type Language } from '@/utils/i18n/i18n';

/** The background's languages as the browser would give them, read from the shipped messages.json files. */
export const ENGLISH: Language = { locale: 'en', t: catalogTranslate(englishMessages) };
export const CHINESE: Language = { locale: 'zh-CN', t: catalogTranslate(chineseMessages) };
