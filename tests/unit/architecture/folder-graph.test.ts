import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// The folders of utils/ are layers: a newcomer reads one folder without the ones above it.
// A cycle between folders would mean two domains that cannot be understood apart.
const UTILS = join(__dirname, '../../../utils');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

function folderOf(path: string): string {
  return relative(UTILS, path).split('/')[0] ?? '';
}

/** Folder → the other utils folders it imports from (type-only imports count: they couple too). */
function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sourceFiles(UTILS)) {
    const from = folderOf(file);
    const edges = graph.get(from) ?? new Set<string>();
    graph.set(from, edges);
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(/from\s+'([^']+)'/g)) {
      const target = spec?.startsWith('@/utils/') ? spec.slice('@/utils/'.length).split('/')[0] : spec?.startsWith('../') ? spec.slice(3).split('/')[0] : undefined;
      if (target && target !== from) edges.add(target);
    }
  }
  return graph;
}

function findCycle(graph: Map<string, Set<string>>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const walk = (node: string, path: string[]): string[] | null => {
    if (state.get(node) === 'open') return [...path.slice(path.indexOf(node)), node];
    if (state.get(node) === 'done') return null;
    state.set(node, 'open');
    for (const next of graph.get(node) ?? []) {
      const cycle = walk(next, [...path, node]);
      if (cycle) return cycle;
    }
    state.set(node, 'done');
    return null;
  };
  for (const node of graph.keys()) {
    const cycle = walk(node, []);
    if (cycle) return cycle;
  }
  return null;
}

describe('utils/ folders', () => {
  it('import one another without a cycle', () => {
    expect(findCycle(folderGraph())).toBeNull();
  });

  it('leave i18n beneath every domain: it names only base', () => {
    expect([...(folderGraph().get('i18n') ?? [])].filter((folder) => folder !== 'base')).toEqual([]);
  });

  it('are found by the check when one is there', () => {
    const graph = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a'])],
    ]);
    expect(findCycle(graph)).toEqual(['a', 'b', 'c', 'a']);
  });

  it('keep every source file in a folder, none loose at the top', () => {
    expect(readdirSync(UTILS).filter((name) => /\.tsx?$/.test(name))).toEqual([]);
  });
});
