import type { ComponentChildren } from 'preact';

interface FieldProps {
  /** The id of the control, tied to the label with `for`. */
  readonly id: string;
  readonly label: ComponentChildren;
  readonly hint?: string;
  readonly error?: string | undefined;
  /** Renders the control, given the ids that describe it (hint and error). */
  readonly children: (describedBy: string | undefined) => ComponentChildren;
}

/** A labelled control with its hint and, when the value is bad, an inline message. */
export function Field({ id, label, hint, error, children }: FieldProps) {
  const hintId = hint ? `${id}-hint` : null;
  const errorId = error ? `${id}-error` : null;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field${error ? ' has-error' : ''}`}>
      <label for={id}>{label}</label>
      {children(describedBy)}
      {error && (
        <p id={errorId ?? undefined} class="field-error">
          {error}
        </p>
      )}
      {hint && (
        <p id={hintId ?? undefined} class="field-hint muted">
          {hint}
        </p>
      )}
    </div>
  );
}

/**
 * A name made unique on a page with several accounts: the words shown, and the account's place
 * for screen readers and for finding the control by its label ("API token (Account 2)").
 */
export function Named({ text, within }: { readonly text: string; readonly within: string }) {
  return (
    <>
      {text}
      {within && <span class="sr-only">{within}</span>}
    </>
  );
}
