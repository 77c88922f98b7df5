/**
 * Where the details page (`entrypoints/details/`) is, for the notifications, the toolbar menu and
 * the popup. Imports nothing, so the popup can take it without weight.
 */
export const DETAILS_PAGE = 'details.html';

/**
 * The page's address resolved against `base` (the extension's root, or a page of it), with a
 * focus query (utils/details/focus.ts `focusToQuery`); an empty query adds no `?`.
 */
export function detailsPageUrl(base: string, query = ''): string {
  return new URL(query === '' ? DETAILS_PAGE : `${DETAILS_PAGE}?${query}`, base).href;
}
