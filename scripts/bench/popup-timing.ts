import { writeFileSync } from 'node:fs';
import type { PipeBrowser } from '../lib/cdp-pipe';
import { KEYS } from '../../utils/popup/stored-reads';
import { median, type Figure } from './figures';

const OPENS = 20;
/** How long a page loads undisturbed before the bench attaches to read its marks. */
const SETTLE_MS = 400;

/** What a measured page reports: its load event and the marks it set. */
interface PageTiming {
  readonly load: number;
  readonly marks: Record<string, number>;
}

/** Runs in the page: waits (up to 5 s) for the load event and for `wanted` marks, then reports. */
const readTiming = (wanted: readonly string[]) => `(async () => {
  const wanted = ${JSON.stringify(wanted)};
  const deadline = performance.now() + 5000;
  for (;;) {
    const nav = performance.getEntriesByType('navigation')[0];
    const marks = Object.fromEntries(performance.getEntriesByType('mark').map((mark) => [mark.name, mark.startTime]));
    const done = nav && nav.loadEventEnd > 0 && wanted.every((name) => name in marks);
    if (done || performance.now() > deadline) return { load: nav ? nav.loadEventEnd : NaN, marks };
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
})()`;

/**
 * Pages to compare the popup with, written into the timed build: an empty one, one whose only
 * script sets a mark (the least any extension page that runs a script pays: the script's own
 * request), and one whose script reads the popup's items from storage.local (the popup's own
 * wait, as it renders from what storage holds).
 */
export function writeFloorPages(dir: string): void {
  const page = (name: string, title: string, script: string) => {
    const tag = script ? `<script type="module" src="/${name}.js"></script>` : '';
    if (script) writeFileSync(`${dir}/${name}.js`, `${script}\n`);
    writeFileSync(`${dir}/${name}.html`, `<!doctype html><html lang="en"><meta charset="utf-8"><title>${title}</title>${tag}\n`);
  };
  page('bench-blank', 'Empty extension page', '');
  page('bench-script', 'One script', `performance.mark('script-ran');`);
  page('bench-storage', 'Storage read', `chrome.storage.local.get(${JSON.stringify(KEYS)}).then(() => performance.mark('storage-read'));`);
}

/**
 * Opening the popup wakes the worker, which polls when the last poll is over a minute old: at
 * 100 users a cycle of minutes would run while the popups are timed. Between rounds the last
 * poll is made to look just made (its attempt time only: the figures stay as polled), so no
 * profile polls while it is timed, and the worker-wake rounds after this find it fresh too.
 */
async function holdPolls(pipe: PipeBrowser): Promise<void> {
  const page = await pipe.open('bench-blank.html');
  try {
    // A new tab is about:blank, already complete, until the extension's page commits.
    for (let i = 0; i < 100 && !(await page.evaluate<boolean>(`location.protocol === 'chrome-extension:' && document.readyState === 'complete'`)); i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await page.evaluate(
      `chrome.storage.local.get('pollStatus').then(({ pollStatus }) => chrome.storage.local.set({ pollStatus: { ...pollStatus, lastAttemptAt: Date.now() } }))`,
    );
  } finally {
    await page.close();
  }
}

/**
 * Times cold opens of the popup, an empty extension page and the two floor pages, interleaved,
 * in the same profile with no DevTools session on a page while it loads (see lib/cdp-pipe.ts);
 * and in the same rounds, the popup of a second profile that watches many more users, in a
 * browser of its own, to compare the two sizes in one session, with that profile's storage page.
 */
export async function measurePopup(pipe: PipeBrowser, small: string, large: { pipe: PipeBrowser; label: string }): Promise<Figure[]> {
  const open = (browser: PipeBrowser, path: string, wanted: readonly string[]) => browser.measure<PageTiming>(path, SETTLE_MS, readTiming(wanted));
  const popupReady: number[] = [];
  const largeReady: number[] = [];
  const largeStorage: number[] = [];
  const chartInteractive: number[] = [];
  const blankLoad: number[] = [];
  const scriptRan: number[] = [];
  const storageRead: number[] = [];
  const detailsReady: number[] = [];
  // Round -1 is not counted: no page should pay for the extension's process starting.
  for (let round = -1; round < OPENS; round += 1) {
    await holdPolls(pipe);
    await holdPolls(large.pipe);
    const popup = await open(pipe, 'popup.html', ['popup-ready', 'chart-interactive']);
    const many = await open(large.pipe, 'popup.html', ['popup-ready']);
    const manyStorage = await open(large.pipe, 'bench-storage.html', ['storage-read']);
    const blank = await open(pipe, 'bench-blank.html', []);
    const script = await open(pipe, 'bench-script.html', ['script-ran']);
    const storage = await open(pipe, 'bench-storage.html', ['storage-read']);
    // The 24 h range reads only the cached hours, so no page asks the API while pages are timed.
    const details = await open(pipe, 'details.html?range=24h', ['details-ready']);
    if (round < 0) continue;
    detailsReady.push(details.marks['details-ready'] ?? Number.NaN);
    popupReady.push(popup.marks['popup-ready'] ?? Number.NaN);
    largeReady.push(many.marks['popup-ready'] ?? Number.NaN);
    largeStorage.push(manyStorage.marks['storage-read'] ?? Number.NaN);
    chartInteractive.push(popup.marks['chart-interactive'] ?? Number.NaN);
    blankLoad.push(blank.load);
    scriptRan.push(script.marks['script-ran'] ?? Number.NaN);
    storageRead.push(storage.marks['storage-read'] ?? Number.NaN);
  }
  if (![popupReady, largeReady, largeStorage, chartInteractive, blankLoad, scriptRan, storageRead, detailsReady].flat().every(Number.isFinite)) throw new Error('A page did not report its timing');
  const ready = median(popupReady);
  const readyLarge = median(largeReady);
  const empty = median(blankLoad);
  const oneScript = median(scriptRan);
  const storageSmall = median(storageRead);
  const ratio = (value: number, base = empty) => Math.round((value / base) * 100) / 100;
  return [
    { name: `popup ready, ${small}, median of ${OPENS}`, value: Math.round(ready), unit: 'ms', timing: true },
    { name: `popup ready, ${large.label}, median of ${OPENS}`, value: Math.round(readyLarge), unit: 'ms', timing: true },
    { name: `popup ready, ${large.label} / ${small}`, value: ratio(readyLarge, ready), unit: '×', budget: 1.5, rule: 'max', timing: true },
    // How much of that is storage's answer, which at 100 users carries a week of their hours.
    { name: `page that reads storage.local, ${large.label} / ${small}`, value: ratio(median(largeStorage), storageSmall), unit: '×', timing: true },
    { name: `empty extension page, median of ${OPENS}`, value: Math.round(empty), unit: 'ms', timing: true },
    { name: `popup ready, ${small} / empty page`, value: ratio(ready), unit: '×', budget: 1.5, rule: 'max', timing: true },
    { name: 'page with one empty script / empty page', value: ratio(oneScript), unit: '×', timing: true },
    { name: 'page that reads storage.local / empty page', value: ratio(storageSmall), unit: '×', timing: true },
    // What the popup itself adds to the least any page running a script pays.
    { name: 'popup ready after the one-script page', value: Math.round((ready - oneScript) * 10) / 10, unit: 'ms', timing: true },
    { name: `chart interactive (Chart.js drawn), ${small}, median`, value: Math.round(median(chartInteractive)), unit: 'ms', timing: true },
    { name: `details page, cached figures shown, ${small}, median of ${OPENS}`, value: Math.round(median(detailsReady)), unit: 'ms', timing: true },
    // Issue 17: the details page shows what is cached within 2× an empty extension page.
    { name: `details page ready, ${small} / empty page`, value: ratio(median(detailsReady)), unit: '×', budget: 2, rule: 'max', timing: true },
  ];
}
