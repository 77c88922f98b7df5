/**
 * `npm run bench [-- --check]`: sizes, popup time to ready, a woken worker's time to its badge,
 * poll-cycle cost, storage growth and requests per poll, against budgets. Prints a table and
 * writes bench-results.json (bench/report.ts). With --check it exits non-zero when a budget is
 * broken; under CI=true the timing budgets are printed but only reported, as timings on a
 * shared machine are not stable enough to gate on.
 */
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { createDemoApi } from './demo-api/server';
import { launchPipeBrowser } from './lib/cdp-pipe';
import { measureCoreCycle, measureStorageAfterWeek } from './bench/core';
import { setUpExtension } from './bench/extension-setup';
import { kb, type Figure } from './bench/figures';
import { measurePopup, writeFloorPages } from './bench/popup-timing';
import { report } from './bench/report';
import { checkTimedBuildIsShipped, measureSizes } from './bench/sizes';
import { measureWorkerWake } from './bench/worker-wake';

/** The timed build: the shipped one, also allowed to reach the loopback demo API, and setting the bench's marks. */
const TIMED_DIR = '.output/chrome-mv3-e2e';

/** Everything measured in Chromium, in one profile set up against the demo API. */
async function measureInBrowser(): Promise<Figure[]> {
  checkTimedBuildIsShipped(TIMED_DIR);
  writeFloorPages(TIMED_DIR);
  const api = createDemoApi();
  const { baseUrl } = await api.start(0);
  try {
    const setup = await setUpExtension(TIMED_DIR, api, baseUrl);
    try {
      const pipe = await launchPipeBrowser(resolve(TIMED_DIR), setup.profileDir);
      try {
        return [...setup.figures, ...(await measurePopup(pipe)), ...(await measureWorkerWake(pipe, api))];
      } finally {
        await pipe.close();
      }
    } finally {
      rmSync(setup.profileDir, { recursive: true, force: true });
    }
  } finally {
    await api.stop();
  }
}

const check = process.argv.includes('--check');
const figures: Figure[] = [
  ...measureSizes(),
  { name: 'core poll cycle, 10 users × 7 days, median', value: measureCoreCycle(), unit: 'ms', budget: 5, rule: 'max', timing: true },
  { name: 'storage after 7 days, 10 users hourly', value: kb(await measureStorageAfterWeek()), unit: 'KB', budget: 150, rule: 'max' },
  ...(await measureInBrowser()),
];
if (report(figures, { check, inCi: process.env.CI === 'true' }) && check) {
  console.error('\nA budget is broken.');
  process.exitCode = 1;
}
