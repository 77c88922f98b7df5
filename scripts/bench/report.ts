import { writeFileSync } from 'node:fs';
import type { Figure } from './figures';

/**
 * Prints the figures as a table and writes them to bench-results.json. Returns whether a budget
 * that gates is broken: every budget with `check`, but under CI a timing budget only reports. A
 * figure left to another run (no value) is named with what measures it, and its budget, ungated.
 */
export function report(figures: readonly Figure[], { check, inCi }: { check: boolean; inCi: boolean }): boolean {
  let broken = false;
  const rows = figures.map((figure) => {
    const budget = figure.budget === undefined ? '' : `budget ${figure.rule === 'equal' ? '=' : '≤'} ${figure.budget}`;
    if (figure.value === null) return [figure.name, '–', `measured by ${figure.measuredBy ?? 'another run'}${budget ? ` (${budget} there)` : ''}`];
    let verdict = '';
    if (figure.budget !== undefined) {
      const ok = figure.rule === 'equal' ? figure.value === figure.budget : figure.value <= figure.budget;
      const gated = check && !(inCi && figure.timing);
      if (!ok && gated) broken = true;
      verdict = `${ok ? 'ok  ' : 'OVER'} (${budget}${figure.timing && inCi ? ', reported only in CI' : ''})`;
    }
    return [figure.name, `${figure.value} ${figure.unit}`, verdict];
  });
  const width = [0, 1].map((col) => Math.max(...rows.map((row) => (row[col] ?? '').length)));
  for (const row of rows) console.log(`${(row[0] ?? '').padEnd(width[0] ?? 0)}  ${(row[1] ?? '').padStart(width[1] ?? 0)}  ${row[2] ?? ''}`);
  writeFileSync('bench-results.json', `${JSON.stringify({ measuredAt: new Date().toISOString(), figures }, null, 2)}\n`);
  console.log('\nWritten to bench-results.json');
  return broken;
}
