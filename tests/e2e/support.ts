import type { Page } from 'playwright-core';
import type { RequestLogEntry } from '../../scripts/demo-api/request-log';

export const SCREENSHOT_DIR = 'test-results/screenshots';

/** The current hour's traffic the demo API last served for each user, summed: the truth the badge must show. */
export function servedCurrentHourKb(log: readonly RequestLogEntry[], usernames: readonly string[], hour: string): number {
  return usernames.reduce((sum, username) => {
    const last = log.filter((entry) => entry.params.username === username && entry.rows !== undefined).at(-1);
    const row = last?.rows?.find((r) => r.date === hour);
    return sum + (row?.usage_traffic ?? 0);
  }, 0);
}

/** How many pixels of the popup's chart canvas are painted: 0 means a blank chart. */
export function countPaintedPixels(page: Page): Promise<number> {
  return page.evaluate(() => {
    const canvas = document.querySelector('canvas');
    const context = canvas?.getContext('2d');
    if (!canvas || !context) return 0;
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    let painted = 0;
    for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) painted += 1;
    return painted;
  });
}
