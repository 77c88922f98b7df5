import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// The budget core sits between the stores it reads and the surfaces that show or judge it:
// kept so, a change to budgets touches only the alerts, the popup, the background and components.
const ROOT = join(__dirname, '../../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Each import of a file: the utils folder it names (or null for a package or a relative file), and whether it is type-only. */
function importsOf(path: string): { folder: string | null; typeOnly: boolean }[] {
  return [...readFileSync(path, 'utf8').matchAll(/import\s+(type\s+)?[^;]*?from\s+'([^']+)'/g)].map(([, type, spec]) => ({
    folder: spec?.startsWith('@/utils/') ? (spec.slice('@/utils/'.length).split('/')[0] ?? null) : null,
    typeOnly: type !== undefined,
  }));
}

describe('utils/budget/', () => {
  it('reads only base, time, settings, usage and the API’s types', () => {
    const reads = sourceFiles(join(ROOT, 'utils/budget')).flatMap((path) =>
      importsOf(path)
        .filter(({ folder, typeOnly }) => folder !== null && folder !== 'budget' && !(folder === 'api' && typeOnly))
        .map(({ folder }) => folder),
    );
    expect([...new Set(reads)].filter((folder) => !['base', 'time', 'settings', 'usage'].includes(folder ?? ''))).toEqual([]);
  });

  it('is read only by the alerts, the popup, the background, components, the poll (the cycle’s start, for the days to ask) and the details page (how a complete day is read)', () => {
    const readers = ['utils', 'entrypoints']
      .flatMap((dir) => sourceFiles(join(ROOT, dir)))
      .filter((path) => importsOf(path).some(({ folder }) => folder === 'budget'))
      .map((path) => relative(ROOT, path).split('/').slice(0, 2).join('/'));
    // The poll asks the daily endpoint for the billing cycle's days (poll/daily-requests.ts: cycleAt).
    // The details page reads a complete day as the budgets do (details/series.ts: userDays), from
    // the records its storage read makes (entrypoints/details/stored.ts: usageRecords).
    const allowed = ['utils/budget', 'utils/details', 'utils/alerts', 'utils/popup', 'utils/background', 'utils/poll', 'entrypoints/popup', 'entrypoints/details', 'entrypoints/background.ts'];
    expect([...new Set(readers)].filter((folder) => !allowed.includes(folder))).toEqual([]);
  });
});
