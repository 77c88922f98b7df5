import { keepSnapshot, parseWriteSnapshotMessage } from '@/utils/popup/snapshot';

/**
 * Chrome's offscreen document for the popup's snapshot (see utils/popup/snapshot-writer.ts). Offscreen
 * documents reach only `chrome.runtime`; the browser's own object is used, without the polyfill.
 */
interface OffscreenRuntime {
  readonly onMessage: {
    addListener(listener: (message: unknown, sender: unknown, respond: (answer: boolean) => void) => boolean): void;
  };
}

const { runtime } = (globalThis as unknown as { chrome: { runtime: OffscreenRuntime } }).chrome;

runtime.onMessage.addListener((message, _sender, respond) => {
  const request = parseWriteSnapshotMessage(message);
  if (request === null) return false;
  respond(keepSnapshot(() => localStorage, request.text));
  return false;
});
