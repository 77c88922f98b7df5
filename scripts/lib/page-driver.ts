/**
 * What a person does on an extension page, independent of the browser driving it:
 * the journeys are written once against this and run by Playwright (Chromium) and
 * Puppeteer over WebDriver BiDi (Firefox).
 */
export interface PageDriver {
  /** Types into the control whose `<label>` says exactly `label`. */
  fill(label: string, value: string): Promise<void>;
  /** Picks an option, by its value or its text, in the select labelled `label`. */
  select(label: string, option: string): Promise<void>;
  /** Presses the button whose text is exactly `name`. */
  click(name: string): Promise<void>;
  /** Ticks the checkbox whose label starts with `name`. */
  check(name: string): Promise<void>;
  /** The current value of the control labelled `label`. */
  value(label: string): Promise<string>;
  /** The inline messages next to bad fields, top to bottom. */
  fieldErrors(): Promise<string[]>;
  /** The popup's list of watched users, top to bottom, as the eye reads it. */
  listRows(): Promise<ListRow[]>;
  /** The text of the element with `data-testid`, '' when absent. */
  text(testId: string): Promise<string>;
  /** Waits until that text matches, and returns it. */
  waitForText(testId: string, pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** Painted pixels of the page's chart canvas: 0 means a blank chart. */
  paintedPixels(): Promise<number>;
  /** Runs a script (an expression, awaited) in the page and returns its JSON-able value. */
  evaluate<T>(expression: string): Promise<T>;
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
}

/** The extension's pages a journey opens; the details page may carry a query (its range, a focus). */
export type ExtensionPagePath = 'options.html' | 'popup.html' | 'details.html' | `details.html?${string}`;

/** One line of the popup's user list: a group's heading or a user. */
export interface ListRow {
  /** 0 for "All users" and an account (or, with one account, a product); 1 inside it; 2 inside that. */
  readonly depth: number;
  readonly name: string;
  /** As shown, e.g. `1.58 GiB`; '' where the row shows none. */
  readonly amount: string;
}

export interface BadgeReading {
  readonly text: string;
  readonly title: string;
}

/** A browser with the extension installed, as the journeys need it. */
export interface ExtensionDriver {
  readonly name: string;
  /** The colour schemes a page can be opened in. */
  readonly schemes: readonly ('light' | 'dark')[];
  open(path: ExtensionPagePath, scheme?: 'light' | 'dark'): Promise<PageDriver>;
  badge(): Promise<BadgeReading>;
  close(): Promise<void>;
}

/** Runs in the page: marks the element a person would mean by `name`, returns its selector. */
export function markTarget(kind: 'label' | 'button' | 'checkbox', name: string): string | null {
  const normalize = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();
  const mark = (element: Element | null) => {
    if (!element) return null;
    element.setAttribute('data-e2e-target', '1');
    return '[data-e2e-target="1"]';
  };
  document.querySelectorAll('[data-e2e-target]').forEach((el) => el.removeAttribute('data-e2e-target'));
  if (kind === 'button') {
    // Its accessible name, as Playwright's getByRole finds it: the aria-label, else its text.
    const nameOf = (button: Element) => normalize(button.getAttribute('aria-label') ?? button.textContent);
    return mark([...document.querySelectorAll('button')].find((button) => nameOf(button) === name) ?? null);
  }
  const labels = [...document.querySelectorAll('label')];
  if (kind === 'label') {
    const label = labels.find((candidate) => normalize(candidate.textContent) === name);
    const id = label?.getAttribute('for');
    return mark(id ? document.getElementById(id) : null);
  }
  // A checkbox inside its label, or one the label points at with `for`.
  const boxOf = (label: HTMLLabelElement) => {
    const id = label.getAttribute('for');
    const box = label.querySelector('input[type=checkbox]') ?? (id ? document.getElementById(id) : null);
    return box instanceof HTMLInputElement && box.type === 'checkbox' ? box : null;
  };
  const label = labels.find((candidate) => normalize(candidate.textContent).startsWith(name) && boxOf(candidate));
  return mark(label ? boxOf(label) : null);
}

/** Runs in the page: the popup's user list, groups and users, with how deep each sits. */
export function readListRows(): ListRow[] {
  const textOf = (element: Element | null) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
  return [...document.querySelectorAll('.users .user-row')].map((row) => {
    let groups = 0;
    for (let node = row.parentElement; node; node = node.parentElement) if (node.matches('li.group')) groups += 1;
    // A group's heading sits in its own group; a user's row in its product's.
    const depth = row.classList.contains('group-row') ? groups - 1 : groups;
    return { depth, name: textOf(row.querySelector('.user-name')), amount: textOf(row.querySelector('.user-amount')) };
  });
}

/** Runs in the page: the inline field messages. */
export function readFieldErrors(): string[] {
  return [...document.querySelectorAll('.field-error')].map((el) => (el.textContent ?? '').trim());
}

/** Runs in the page: how many pixels of the first canvas are painted. */
export function countPainted(): number {
  const canvas = document.querySelector('canvas');
  const context = canvas?.getContext('2d');
  if (!canvas || !context) return 0;
  const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
  let painted = 0;
  for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) painted += 1;
  return painted;
}

export async function pollFor<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}; last: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

/** `waitForText` through a driver's own `text`: one timeout and one failure message for both browsers. */
export function waitForTextVia(text: PageDriver['text']): PageDriver['waitForText'] {
  return (testId, pattern, timeoutMs = 15_000) => pollFor(() => text(testId), (t) => pattern.test(t), timeoutMs, `${testId} ~ ${pattern}`);
}
