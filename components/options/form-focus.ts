import { useEffect, useRef } from 'preact/hooks';

/**
 * For buttons pressed right after editing a field. Taking the focus would blur the
 * field, whose message then appears and moves the button before the press ends,
 * so the click is lost. These buttons validate (or leave) everything anyway.
 */
export const keepFocus = (event: MouseEvent) => event.preventDefault();

/** Moves focus once the next render has put the element in place. */
export function useFocusAfterRender(): (find: () => HTMLElement | null | undefined) => void {
  const pending = useRef<(() => HTMLElement | null | undefined) | null>(null);
  useEffect(() => {
    const find = pending.current;
    pending.current = null;
    find?.()?.focus();
  });
  return (find) => {
    pending.current = find;
  };
}

/** A message beside a button: what it did, or is doing. */
export type Notice = { readonly tone: 'ok' | 'error' | 'busy'; readonly text: string } | null;
