import type { createI18n } from '@wxt-dev/i18n';
import type { GeneratedI18nStructure } from '#i18n';

/**
 * Every word lives in `locales/<lang>.yml`. @wxt-dev/i18n turns them into `_locales` and the
 * typed keys below, and `i18n.t` reads them through `browser.i18n.getMessage`: the browser loads
 * the one language its UI speaks, and no page or worker carries a word table in its JavaScript.
 * Code passes a `Language` around, so the core stays free of browser globals and tests can speak
 * either language.
 */
export type Translate = ReturnType<typeof createI18n<GeneratedI18nStructure>>['t'];

/** The languages the extension speaks, as `Intl` names them. */
export type Locale = 'en' | 'zh-CN';

/** The words, and the locale numbers, dates and lists follow: both decided by the browser's UI language. */
export interface Language {
  readonly locale: Locale;
  readonly t: Translate;
}

/**
 * Our locale for the browser's UI language (`browser.i18n.getUILanguage()`), the one
 * `getMessage` answers in: any Chinese UI reads zh_CN, the only Chinese catalogue; the rest English.
 */
export function localeOf(uiLanguage: string): Locale {
  return uiLanguage.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** A generated `_locales/<lang>/messages.json`: key (dots made underscores) to message. */
export type MessageCatalog = Readonly<Record<string, { readonly message: string }>>;

/** `$1`…`$9` filled, `$$` a dollar sign: what `i18n.getMessage` does with a messages.json entry. */
export function fillMessage(message: string, substitutions: readonly (string | number)[]): string {
  return message.replace(/\$(\$|[1-9])/g, (_, mark: string) => (mark === '$' ? '$' : String(substitutions[Number(mark) - 1] ?? '')));
}

/** The form @wxt-dev/i18n's `t` picks: forms are `one | other`, or `zero | one | other`. */
function pluralForm(message: string, count: number): string {
  const forms = message.split(' | ');
  if (forms.length === 2) return forms[count === 1 ? 0 : 1] ?? message;
  if (forms.length === 3) return forms[count === 0 || count === 1 ? count : 2] ?? message;
  return message;
}

/**
 * `i18n.t` over a catalogue instead of the browser, with its argument rules (a number is the
 * plural count and, alone, the substitution; an array the substitutions). For the tests and the
 * benchmark, which run in Node; tests/unit/i18n checks it answers as `i18n.t` does.
 */
export function catalogTranslate(catalog: MessageCatalog): Translate {
  const translate = (key: string, ...args: readonly (number | readonly (string | number)[])[]): string => {
    const count = args.find((arg): arg is number => typeof arg === 'number');
    const substitutions = args.find((arg): arg is readonly (string | number)[] => Array.isArray(arg)) ?? (count === undefined ? [] : [count]);
    const message = fillMessage(catalog[key.replaceAll('.', '_')]?.message ?? '', substitutions);
    return count === undefined ? message : pluralForm(message, count);
  };
  // The typed overloads of `t` cannot be written as one implementation's signature.
  return translate as Translate;
}

/** Sentences one after another, as the language writes them (a space in English, none in Chinese); empty ones left out. */
export function joinSentences(t: Translate, ...sentences: readonly string[]): string {
  return sentences.filter((sentence) => sentence !== '').reduce((joined, next) => (joined === '' ? next : t('sentences', [joined, next])), '');
}
