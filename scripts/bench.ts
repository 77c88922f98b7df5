/**
 * `npm run bench [-- --check]`: sizes, popup time to ready, poll-cycle cost, storage
 * growth and requests per poll, against budgets. Prints a table and writes
 * bench-results.json. With --check it exits non-zero when a budget is broken; under
 * CI=true the timing budgets are printed but only reported, as timings on a shared
 * machine are not stable enough to gate on.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { posix, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createDemoApi } from './demo-api/server';
import { launchExtensionBrowser, readBadge } from './lib/extension-browser';
import { measureCoreCycle, measureStorageAfterWeek } from './lib/bench-core';
import { launchPipeBrowser } from './lib/cdp-pipe';
import { KEYS } from '../utils/popup/stored-reads';

const args = new Set(process.argv.slice(2));
const check = args.has('--check');
const inCi = process.env.CI === 'true';
const OPENS = 20;
/** How long a page loads undisturbed before the bench attaches to read its marks. */
const SETTLE_MS = 400;

interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly budget?: number;
  /** `max`: value ≤ budget; `equal`: value = budget. */
  readonly rule?: 'max' | 'equal';
  readonly timing?: boolean;
}

const figures: Figure[] = [];
const add = (figure: Figure) => figures.push(figure);
/** The store build, whose sizes are measured. */
const SHIPPED_DIR = '.output/chrome-mv3';
const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

function rawBytes(dir: string, files: readonly string[]): number {
  return files.reduce((sum, file) => sum + statSync(`${dir}/${file}`).size, 0);
}

function sizes(dir: string, files: readonly string[]) {
  const raw = rawBytes(dir, files);
  const gzip = files.reduce((sum, file) => sum + gzipSync(readFileSync(`${dir}/${file}`), { level: 9 }).length, 0);
  return { raw, gzip };
}

/** Loaded by a Chinese browser only; the popup measured is an English one. */
const CHINESE_ONLY = /\/locale-zh-[^/]+\.js$/;

/**
 * Every JS file an English popup loads: the scripts popup.html names, and every chunk they
 * import, statically or (as Chart.js, after the first paint) dynamically.
 */
function popupScripts(dir: string): string[] {
  const html = readFileSync(`${dir}/popup.html`, 'utf8');
  const found = new Set([...html.matchAll(/(?:src|href)="\/([^"]+\.js)"/g)].map((match) => match[1] ?? ''));
  for (const file of found) {
    const code = readFileSync(`${dir}/${file}`, 'utf8');
    for (const [, relative] of code.matchAll(/(?:from\s*|import\s*\(\s*)["'`](\.\/[^"'`]+\.js)["'`]/g)) {
      const chunk = posix.join(posix.dirname(file), relative ?? '');
      if (!CHINESE_ONLY.test(`/${chunk}`)) found.add(chunk);
    }
  }
  return [...found];
}

function measureSizes(): void {
  execFileSync('npx', ['wxt', 'zip'], { stdio: 'ignore' });
  const dir = SHIPPED_DIR;
  const popup = sizes(dir, popupScripts(dir));
  const background = sizes(dir, ['background.js']);
  add({ name: 'popup JS, raw', value: kb(popup.raw), unit: 'KB' });
  add({ name: 'popup JS, gzip', value: kb(popup.gzip), unit: 'KB', budget: 65, rule: 'max' });
  // The popup's styles are inlined in its page (see entrypoints/popup/index.html).
  add({ name: 'popup.html with its styles, gzip', value: kb(sizes(dir, ['popup.html']).gzip), unit: 'KB' });
  add({ name: 'background JS, raw', value: kb(background.raw), unit: 'KB' });
  // Raised from 15 KB when failures became scoped per user and endpoint (issue 13): the worker's
  // script is read once per wake, which no user sees; the popup's budget is the one users feel.
  add({ name: 'background JS, gzip', value: kb(background.gzip), unit: 'KB', budget: 20, rule: 'max' });
  const zip = readdirSync('.output').find((name) => name.endsWith('-chrome.zip'));
  if (zip) add({ name: 'Chrome zip', value: kb(statSync(`.output/${zip}`).size), unit: 'KB' });
}

declare const chrome: {
  storage: { local: { set(items: object): Promise<void>; get(keys: string | string[]): Promise<Record<string, unknown>> } };
  runtime: { sendMessage(message: object): Promise<unknown> };
  alarms: { create(name: string, info: { when: number }): Promise<void> };
};

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

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
 * Pages to compare the popup with: one whose only script sets a mark (the least any extension
 * page that runs a script pays: the script's own request), and one whose script reads the
 * popup's items from storage.local (what the popup waits for before its first frame).
 */
function writeFloorPages(dir: string): void {
  const page = (name: string, title: string, script: string) => {
    writeFileSync(`${dir}/${name}.js`, `${script}\n`);
    writeFileSync(`${dir}/${name}.html`, `<!doctype html><meta charset="utf-8"><title>${title}</title><script type="module" src="/${name}.js"></script>\n`);
  };
  page('bench-script', 'One script', `performance.mark('script-ran');`);
  page('bench-storage', 'Storage read', `chrome.storage.local.get(${JSON.stringify(KEYS)}).then(() => performance.mark('storage-read'));`);
}

/**
 * The timed build must be the shipped popup, only allowed to reach the loopback demo API. It
 * once carried development JSX, its main script 12 % larger than the store build's, and was
 * timed as such.
 */
function checkTimedBuildIsShipped(timedDir: string): void {
  const shipped = rawBytes(SHIPPED_DIR, popupScripts(SHIPPED_DIR));
  const timed = rawBytes(timedDir, popupScripts(timedDir));
  if (Math.abs(timed - shipped) > shipped * 0.01) {
    throw new Error(`The timed popup (${kb(timed)} KB) is not the shipped one (${kb(shipped)} KB): check how the e2e build differs`);
  }
}

/**
 * Sets the extension up against the demo API (Playwright, through its own pages), counts
 * the requests of a steady-state poll, then times cold opens
 * of the popup, an empty extension page and the two floor pages, interleaved, in the same
 * profile with no DevTools session on a page while it loads (see lib/cdp-pipe.ts).
 */
async function measureInBrowser(): Promise<void> {
  const dir = '.output/chrome-mv3-e2e';
  checkTimedBuildIsShipped(dir);
  copyFileSync('scripts/bench-blank.html', `${dir}/bench-blank.html`);
  writeFloorPages(dir);
  const api = createDemoApi();
  const { baseUrl } = await api.start(0);
  const browser = await launchExtensionBrowser({ extensionDir: dir });
  try {
    const setup = await browser.openPage('options.html');
    const users = ['alice_res', 'bob_scraper', 'carol_eu'];
    await setup.evaluate(
      async ({ apiBaseUrl, usernames }) => {
        await chrome.storage.local.set({
          apiToken: 'demo-token',
          settings: { proxyType: 1, usernames, pollIntervalMinutes: 10, apiTimezone: { kind: 'offset', minutes: 0 }, apiBaseUrl, units: 'binary', chartHours: 24 },
        });
        await chrome.runtime.sendMessage({ type: 'settings-saved' });
      },
      { apiBaseUrl: baseUrl, usernames: users },
    );
    const idle = async () => {
      const { pollStatus } = (await setup.evaluate(() => chrome.storage.local.get('pollStatus'))) as { pollStatus?: { cycle: unknown; lastSuccessAt: number | null } };
      return pollStatus?.cycle === null && pollStatus.lastSuccessAt !== null;
    };
    for (let i = 0; i < 100 && !(await idle()); i += 1) await setup.waitForTimeout(200);
    if (!/^\d/.test((await readBadge(browser)).text)) throw new Error('The first poll did not finish');

    api.clearRequests();
    // A steady poll comes a whole interval after the one before: an alarm within half of one
    // asks nothing, so the settings poll is first made to look 10 minutes old.
    await setup.evaluate(async () => {
      const { pollStatus } = (await chrome.storage.local.get('pollStatus')) as { pollStatus: { lastAttemptAt: number } };
      await chrome.storage.local.set({ pollStatus: { ...pollStatus, lastAttemptAt: pollStatus.lastAttemptAt - 10 * 60_000 } });
      await chrome.alarms.create('thordata-poll', { when: Date.now() });
    });
    for (let i = 0; i < 50 && api.requests().length < users.length; i += 1) await setup.waitForTimeout(200);
    await setup.waitForTimeout(2500);
    const hourly = api.requests().filter((request) => request.path.endsWith('usage-statistics-hour')).length;
    add({ name: 'requests per steady poll', value: hourly, unit: `(${users.length} users)`, budget: users.length, rule: 'equal' });

  } finally {
    await browser.close();
  }

  const pipe = await launchPipeBrowser(resolve(dir), browser.profileDir);
  try {
    const open = (path: string, wanted: readonly string[]) => pipe.measure<PageTiming>(path, SETTLE_MS, readTiming(wanted));
    const popupReady: number[] = [];
    const chartInteractive: number[] = [];
    const blankLoad: number[] = [];
    const scriptRan: number[] = [];
    const storageRead: number[] = [];
    // Round -1 is not counted: no page should pay for the extension's process starting.
    for (let round = -1; round < OPENS; round += 1) {
      const popup = await open('popup.html', ['popup-ready', 'chart-interactive']);
      const blank = await open('bench-blank.html', []);
      const script = await open('bench-script.html', ['script-ran']);
      const storage = await open('bench-storage.html', ['storage-read']);
      if (round < 0) continue;
      popupReady.push(popup.marks['popup-ready'] ?? Number.NaN);
      chartInteractive.push(popup.marks['chart-interactive'] ?? Number.NaN);
      blankLoad.push(blank.load);
      scriptRan.push(script.marks['script-ran'] ?? Number.NaN);
      storageRead.push(storage.marks['storage-read'] ?? Number.NaN);
    }
    if (![popupReady, chartInteractive, blankLoad, scriptRan, storageRead].flat().every(Number.isFinite)) throw new Error('A page did not report its timing');
    const ready = median(popupReady);
    const interactive = median(chartInteractive);
    const empty = median(blankLoad);
    const oneScript = median(scriptRan);
    const storageOnly = median(storageRead);
    const ratio = (value: number) => Math.round((value / empty) * 100) / 100;
    add({ name: `popup ready, median of ${OPENS}`, value: Math.round(ready), unit: 'ms', timing: true });
    add({ name: `empty extension page, median of ${OPENS}`, value: Math.round(empty), unit: 'ms', timing: true });
    add({ name: 'popup ready / empty page', value: ratio(ready), unit: '×', budget: 1.5, rule: 'max', timing: true });
    add({ name: 'page with one empty script / empty page', value: ratio(oneScript), unit: '×', timing: true });
    add({ name: 'page that reads storage.local / empty page', value: ratio(storageOnly), unit: '×', timing: true });
    // What the popup itself adds to the least any page running a script pays.
    add({ name: 'popup ready after the one-script page', value: Math.round((ready - oneScript) * 10) / 10, unit: 'ms', timing: true });
    add({ name: 'chart interactive (Chart.js drawn), median', value: Math.round(interactive), unit: 'ms', timing: true });
  } finally {
    await pipe.close();
    rmSync(browser.profileDir, { recursive: true, force: true });
    await api.stop();
  }
}

function report(): boolean {
  let broken = false;
  const rows = figures.map((figure) => {
    let verdict = '';
    if (figure.budget !== undefined) {
      const ok = figure.rule === 'equal' ? figure.value === figure.budget : figure.value <= figure.budget;
      const gated = check && !(inCi && figure.timing);
      if (!ok && gated) broken = true;
      verdict = `${ok ? 'ok  ' : 'OVER'} (budget ${figure.rule === 'equal' ? '=' : '≤'} ${figure.budget}${figure.timing && inCi ? ', reported only in CI' : ''})`;
    }
    return [figure.name, `${figure.value} ${figure.unit}`, verdict];
  });
  const width = [0, 1].map((col) => Math.max(...rows.map((row) => (row[col] ?? '').length)));
  for (const row of rows) console.log(`${(row[0] ?? '').padEnd(width[0] ?? 0)}  ${(row[1] ?? '').padStart(width[1] ?? 0)}  ${row[2] ?? ''}`);
  writeFileSync('bench-results.json', `${JSON.stringify({ measuredAt: new Date().toISOString(), figures }, null, 2)}\n`);
  console.log('\nWritten to bench-results.json');
  return broken;
}

measureSizes();
const core = measureCoreCycle();
add({ name: 'core poll cycle, 10 users × 7 days, median', value: core, unit: 'ms', budget: 5, rule: 'max', timing: true });
add({ name: 'storage after 7 days, 10 users hourly', value: kb(await measureStorageAfterWeek()), unit: 'KB', budget: 150, rule: 'max' });
await measureInBrowser();
if (report() && check) {
  console.error('\nA budget is broken.');
  process.exitCode = 1;
}
