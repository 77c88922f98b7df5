import type englishMessages from '@/public/_locales/en/messages.json';
import type { Locale } from './locale';

/**
 * The background's sentences (badge tooltip, notifications) live in
 * `public/_locales/<lang>/messages.json` and reach the worker through
 * `i18n.getMessage`: the browser loads the one language it needs, and the worker's
 * JavaScript carries no words. `$1`…`$9` in a message take the substitutions.
 */
export type MessageKey = keyof typeof englishMessages;

export type Translate = (key: MessageKey, ...substitutions: readonly (string | number)[]) => string;

/** What the background speaks: sentences from `_locales`, and the locale its numbers, times and error texts follow. */
export interface Language {
  readonly locale: Locale;
  readonly t: Translate;
}

export type MessageCatalog = Readonly<Record<MessageKey, { readonly message: string }>>;

/** `$1`…`$9` filled, `$$` a dollar sign: what `i18n.getMessage` does with a messages.json entry. */
export function fillMessage(message: string, substitutions: readonly (string | number)[]): string {
  return message.replace(/\$(\$|[1-9])/g, (_, mark: string) => (mark === '$' ? '$' : String(substitutions[Number(mark) - 1] ?? '')));
}

/** A translator over a parsed messages.json, for the tests and the benchmark (the extension uses the browser's). */
export function catalogTranslate(catalog: MessageCatalog): Translate {
  return (key, ...substitutions) => fillMessage(catalog[key].message, substitutions);
}
