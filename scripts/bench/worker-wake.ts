import type { DemoApi } from '../demo-api/server';
import type { PipeBrowser } from '../lib/cdp-pipe';
import { POLL_MINUTES } from './extension-setup';
import { median, type Figure } from './figures';

const WAKES = 15;

/** When the woken worker drew its badge, in ms from its start; null before it has. */
const readWake = `performance.getEntriesByName('badge-drawn')[0]?.startTime ?? null`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A worker woken by its poll alarm while the last poll is fresh: it asks nothing and redraws the
 * badge from storage. Each round stops the service worker as Chrome does when it is idle, fires
 * the poll alarm (as it is set up, periodic, so the worker finds it in order) and reads the
 * `badge-drawn` mark the e2e build sets when `action.setBadgeText` is called. Its time is from the
 * worker's start (its time origin: script evaluated, alarm delivered, storage read, badge drawn);
 * nothing is attached to the worker until it has drawn.
 */
export async function measureWorkerWake(pipe: PipeBrowser, api: DemoApi): Promise<Figure[]> {
  const driver = await pipe.open('bench-blank.html');
  try {
    await driver.send('ServiceWorker.enable');
    api.clearRequests();
    const wakes: number[] = [];
    // Round -1 is not counted: it is the first start of the worker in this browser.
    for (let round = -1; round < WAKES; round += 1) {
      // A worker still starting (the browser's start, the round before) is not stopped: ask again.
      for (let i = 0; i < 50 && (await pipe.workerRunning()); i += 1) {
        await driver.send('ServiceWorker.stopAllWorkers');
        await sleep(100);
      }
      if (await pipe.workerRunning()) throw new Error('The service worker did not stop');
      // Chrome fires an alarm due now within about a second: when is its business, not the worker's.
      await driver.evaluate(`chrome.alarms.create('thordata-poll', { when: Date.now(), periodInMinutes: ${POLL_MINUTES} })`);
      let wake: number | null = null;
      for (let i = 0; i < 100 && wake === null; i += 1) {
        await sleep(100);
        if (await pipe.workerRunning()) wake = await pipe.evaluateInWorker<number | null>(readWake);
      }
      if (wake === null) throw new Error('The woken worker did not draw its badge');
      if (round >= 0) wakes.push(wake);
    }
    if (api.requests().length > 0) throw new Error(`A wake with a fresh poll asked the API ${api.requests().length} times`);
    return [{ name: `worker woken by an alarm: badge drawn, median of ${WAKES}`, value: Math.round(median(wakes) * 10) / 10, unit: 'ms', budget: 50, rule: 'max', timing: true }];
  } finally {
    await driver.close();
  }
}
