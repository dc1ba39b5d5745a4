/** Shared test helpers: where things are, and small builders. */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Repository root (tests run from out/test/...). */
export const REPO_ROOT = findRepoRoot(__dirname);

/** The shared corpus beside the repository (`../shared/corpus`). */
export const CORPUS = path.resolve(REPO_ROOT, '..', 'shared', 'corpus');

function findRepoRoot(start: string): string {
  let dir = start;
  while (!fs.existsSync(path.join(dir, 'package.json')) || !fs.existsSync(path.join(dir, 'server'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find the repository root above ${start}`);
    dir = parent;
  }
  return dir;
}

export function corpusFiles(subdir: string): string[] {
  const dir = path.join(CORPUS, subdir);
  // A missing corpus must fail loudly, never turn into zero tests.
  if (!fs.existsSync(dir)) throw new Error(`corpus folder ${dir} is missing`);
  return fs.readdirSync(dir).filter((f) => !f.startsWith('.')).sort().map((f) => path.join(dir, f));
}

export function readText(file: string): string {
  return fs.readFileSync(file).toString('utf8');
}

/** Joins lines with CRLF, as SIP sends them, ending with a final CRLF. */
export function crlf(...lines: string[]): string {
  return lines.join('\r\n') + '\r\n';
}

/** mulberry32: a small, fast, deterministic generator for seeded tests. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
