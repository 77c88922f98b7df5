import { describe, expect, it } from 'vitest';
import { parseSnapshot } from '@/utils/popup/snapshot';
import type { PopupStored } from '@/utils/popup/stored-reads';
import { createSnapshotMirror, SNAPSHOT_QUIET_MS, type SnapshotMirrorDeps } from '@/utils/popup/snapshot-mirror';
import { MIN_REQUEST_GAP_MS } from '@/utils/poll/cycle';

const storedAt = (lastSuccessAt: number): PopupStored => ({
  settings: { usernames: ['alice_res'] },
  usageCache: { users: {} },
  pollStatus: { lastSuccessAt },
  account: null,
  tokenSaved: true,
});

/** A background with a clock it controls, storage it changes, and writes it can hold or fail. */
function harness() {
  let now = 0;
  let tasks: { at: number; task: () => void }[] = [];
  let stored = storedAt(1);
  const written: number[] = [];
  const problems: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let failNext = false;
  let gate: Promise<void> | null = null;
  let openGate = () => {};

  const deps: SnapshotMirrorDeps = {
    read: async () => stored,
    write: async (text) => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        if (failNext) {
          failNext = false;
          throw new Error('Could not establish connection. Receiving end does not exist.');
        }
        if (gate) await gate;
        written.push((parseSnapshot(text)?.pollStatus as { lastSuccessAt: number }).lastSuccessAt);
      } finally {
        inFlight -= 1;
      }
    },
    schedule: (task, ms) => {
      const entry = { at: now + ms, task };
      tasks.push(entry);
      return () => {
        tasks = tasks.filter((other) => other !== entry);
      };
    },
    report: (problem) => problems.push(problem),
  };
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

  return {
    mirror: createSnapshotMirror(deps),
    set: (lastSuccessAt: number) => {
      stored = storedAt(lastSuccessAt);
    },
    async advance(ms: number) {
      now += ms;
      const due = tasks.filter((entry) => entry.at <= now);
      tasks = tasks.filter((entry) => entry.at > now);
      due.forEach((entry) => entry.task());
      await settle();
    },
    /** Writes wait until letGo(). */
    hold: () => {
      gate = new Promise((resolve) => {
        openGate = resolve;
      });
    },
    async letGo() {
      gate = null;
      openGate();
      await settle();
    },
    failNextWrite: () => {
      failNext = true;
    },
    written,
    problems,
    maxInFlight: () => maxInFlight,
  };
}

describe('the background keeping the popup snapshot', () => {
  it('writes once storage has been quiet, not at each save of a poll cycle', async () => {
    const h = harness();
    for (let user = 1; user <= 5; user += 1) {
      h.set(user);
      h.mirror.changed();
      await h.advance(MIN_REQUEST_GAP_MS);
    }
    expect(h.written).toEqual([]);
    await h.advance(SNAPSHOT_QUIET_MS - MIN_REQUEST_GAP_MS);
    expect(h.written).toEqual([5]);
  });

  it('writes again after a write under way when storage changed meanwhile, one write at a time', async () => {
    const h = harness();
    h.hold();
    h.mirror.changed();
    await h.advance(SNAPSHOT_QUIET_MS);
    h.set(2);
    h.mirror.changed();
    await h.advance(SNAPSHOT_QUIET_MS);
    expect(h.written).toEqual([]);
    await h.letGo();
    expect(h.written).toEqual([1, 2]);
    expect(h.maxInFlight()).toBe(1);
  });

  it('says why a write failed, and writes at the next change', async () => {
    const h = harness();
    h.failNextWrite();
    h.mirror.changed();
    await h.advance(SNAPSHOT_QUIET_MS);
    expect(h.written).toEqual([]);
    expect(h.problems).toEqual(["The popup's snapshot was not written: Could not establish connection. Receiving end does not exist."]);

    h.set(3);
    h.mirror.changed();
    await h.advance(SNAPSHOT_QUIET_MS);
    expect(h.written).toEqual([3]);
  });
});
