import { browser } from 'wxt/browser';
import { keepSnapshot, type WriteSnapshotMessage } from './snapshot';

/** The offscreen document that writes the snapshot for Chrome's service worker. */
const WRITER_PAGE = '/snapshot-writer.html';

/** Chrome's refusal of a second offscreen document. */
const ONE_DOCUMENT_ONLY = /single offscreen document/i;

/**
 * Writes the popup's snapshot from the background. Firefox's background is a page with
 * localStorage and writes it itself. Chrome's service worker has no localStorage: it opens an
 * offscreen document for the purpose (reason LOCAL_STORAGE), hands it the text and closes it.
 */
export async function writeSnapshotFromBackground(text: string): Promise<void> {
  // A build-time constant: each browser's build carries only its own way.
  if (import.meta.env.FIREFOX) {
    if (!keepSnapshot(() => localStorage, text)) throw new Error('localStorage refused it');
    return;
  }
  await openWriterPage();
  try {
    const message: WriteSnapshotMessage = { type: 'write-popup-snapshot', text };
    if ((await browser.runtime.sendMessage(message)) !== true) throw new Error('the offscreen page could not store it');
  } finally {
    await browser.offscreen.closeDocument();
  }
}

async function openWriterPage(): Promise<void> {
  try {
    await browser.offscreen.createDocument({
      url: WRITER_PAGE,
      reasons: ['LOCAL_STORAGE'],
      justification: 'Writes the popup’s copy of the cached figures to localStorage.',
    });
  } catch (error) {
    // One left open by a worker stopped mid-write is listening still: it does the job.
    if (!(error instanceof Error && ONE_DOCUMENT_ONLY.test(error.message))) throw error;
  }
}
