import { spawn, type ChildProcess } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { ensureChromium } from './chromium';
import { CHROMIUM_QUIET_FLAGS } from './extension-browser';

/**
 * Chromium with the extension loaded, spoken to over `--remote-debugging-pipe`, with no
 * DevTools session on a page while it loads. Playwright attaches one to every new page, and
 * its traffic delays the page's own calls into the browser: chrome.storage answered the
 * loading popup in ~7.5 ms with Playwright attached and ~3 ms without, while an empty page
 * makes no such call. Timings of extension pages are taken here, as a user's browser opens them;
 * a session is attached only afterwards, to read the page's marks.
 */
export interface PipeBrowser {
  readonly extensionId: string;
  /** Opens `path` of the extension in a new tab, lets it load undisturbed, then reads from it. */
  measure<T>(path: string, settleMs: number, expression: string): Promise<T>;
  /** Opens `path` of the extension in a new tab with a session attached from the start, to drive it. */
  open(path: string): Promise<PipePage>;
  /** Whether the extension's service worker is running. */
  workerRunning(): Promise<boolean>;
  /** Evaluates `expression` in the running service worker, attaching only for that. */
  evaluateInWorker<T>(expression: string): Promise<T>;
  close(): Promise<void>;
}

export interface PipePage {
  evaluate<T>(expression: string): Promise<T>;
  /** Sends a DevTools command in the page's session. */
  send(method: string, params?: object): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

interface CdpReply {
  readonly id?: number;
  readonly result?: Record<string, unknown>;
  readonly error?: { readonly message: string };
}

export async function launchPipeBrowser(extensionDir: string, profileDir: string): Promise<PipeBrowser> {
  const child: ChildProcess = spawn(
    ensureChromium(),
    [
      '--headless',
      '--no-sandbox',
      '--remote-debugging-pipe',
      `--user-data-dir=${profileDir}`,
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...CHROMIUM_QUIET_FLAGS,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] },
  );
  const toBrowser = child.stdio[3] as Writable;
  const fromBrowser = child.stdio[4] as Readable;
  const waiting = new Map<number, (reply: CdpReply) => void>();
  let nextId = 0;
  let buffered = '';
  fromBrowser.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    // Messages are JSON texts, each ended by a NUL byte.
    for (let end = buffered.indexOf('\0'); end >= 0; end = buffered.indexOf('\0')) {
      const reply = JSON.parse(buffered.slice(0, end)) as CdpReply;
      buffered = buffered.slice(end + 1);
      if (reply.id === undefined) continue;
      waiting.get(reply.id)?.(reply);
      waiting.delete(reply.id);
    }
  });

  const send = (method: string, params: object = {}, sessionId?: string): Promise<Record<string, unknown>> =>
    new Promise((resolve, reject) => {
      nextId += 1;
      waiting.set(nextId, (reply) => (reply.error ? reject(new Error(`${method}: ${reply.error.message}`)) : resolve(reply.result ?? {})));
      toBrowser.write(`${JSON.stringify({ id: nextId, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  const findWorker = async () => {
    const { targetInfos } = (await send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
    return targetInfos.find((target) => target.type === 'service_worker' && target.url.startsWith('chrome-extension://'));
  };
  const evaluate = async <T>(expression: string, sessionId: string): Promise<T> => {
    const { result, exceptionDetails } = (await send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, sessionId)) as {
      result: { value: T };
      exceptionDetails?: { text: string };
    };
    if (exceptionDetails) throw new Error(`Evaluation failed: ${exceptionDetails.text}`);
    return result.value;
  };

  let extensionId = '';
  for (let attempt = 0; attempt < 100 && !extensionId; attempt += 1) {
    const worker = await findWorker();
    if (worker) extensionId = new URL(worker.url).host;
    else await sleep(100);
  }
  if (!extensionId) throw new Error('The extension did not start in Chromium');

  return {
    extensionId,
    async measure<T>(path: string, settleMs: number, expression: string): Promise<T> {
      const { targetId } = (await send('Target.createTarget', { url: `chrome-extension://${extensionId}/${path}` })) as { targetId: string };
      try {
        await sleep(settleMs);
        const { sessionId } = (await send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
        return await evaluate<T>(expression, sessionId);
      } finally {
        await send('Target.closeTarget', { targetId });
      }
    },
    async open(path) {
      const { targetId } = (await send('Target.createTarget', { url: `chrome-extension://${extensionId}/${path}` })) as { targetId: string };
      const { sessionId } = (await send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
      for (let attempt = 0; attempt < 100 && !(await evaluate<boolean>("document.readyState === 'complete'", sessionId)); attempt += 1) await sleep(50);
      return {
        evaluate: (expression) => evaluate(expression, sessionId),
        send: (method, params = {}) => send(method, params, sessionId),
        close: async () => {
          await send('Target.closeTarget', { targetId });
        },
      };
    },
    async workerRunning() {
      return (await findWorker()) !== undefined;
    },
    async evaluateInWorker<T>(expression: string): Promise<T> {
      const worker = await findWorker();
      if (!worker) throw new Error('The service worker is not running');
      const { sessionId } = (await send('Target.attachToTarget', { targetId: worker.targetId, flatten: true })) as { sessionId: string };
      try {
        return await evaluate<T>(expression, sessionId);
      } finally {
        await send('Target.detachFromTarget', { sessionId });
      }
    },
    async close() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await send('Browser.close').catch(() => undefined);
      await exited;
    },
  };
}
