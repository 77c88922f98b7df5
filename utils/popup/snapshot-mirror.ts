import { snapshotText } from './snapshot';
import type { PopupStored } from './stored-reads';

/**
 * How long storage must stay unchanged before the background rewrites the popup's snapshot.
 * A poll saves its progress after each user's answer, at least 1.6 s apart: waiting for quiet
 * makes a whole cycle one write (in Chrome, an offscreen document opened and closed), not one
 * per user. A popup opened meanwhile shows the older snapshot, then storage's figures.
 */
export const SNAPSHOT_QUIET_MS = 2000;

export interface SnapshotMirrorDeps {
  /** What storage.local holds for the popup now. */
  read(): Promise<PopupStored>;
  write(text: string): Promise<void>;
  /** Runs `task` after `ms`; returns the way to cancel it. */
  schedule(task: () => void, ms: number): () => void;
  /** Told why a write failed; the next change tries again, and the popup repairs it meanwhile. */
  report(problem: string): void;
}

export interface SnapshotMirror {
  /** Storage changed: write once it has been quiet for SNAPSHOT_QUIET_MS. */
  changed(): void;
}

/**
 * The background's side of the popup's snapshot. Writes run one at a time, each reading
 * storage afresh, so the last one always copies the latest state. Only a pending timer lives
 * in memory: a worker stopped before it fires leaves an older snapshot, which the popup corrects.
 */
export function createSnapshotMirror(deps: SnapshotMirrorDeps): SnapshotMirror {
  let cancelPending: (() => void) | null = null;
  let writes: Promise<void> = Promise.resolve();

  async function write(): Promise<void> {
    try {
      await deps.write(snapshotText(await deps.read()));
    } catch (error) {
      deps.report(`The popup's snapshot was not written: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Writes what storage holds now, after any write under way. */
  function flush(): void {
    cancelPending = null;
    writes = writes.then(write);
  }

  return {
    changed() {
      cancelPending?.();
      cancelPending = deps.schedule(flush, SNAPSHOT_QUIET_MS);
    },
  };
}
