/**
 * Tokenizes every fixture and compares the tokens and scopes with the
 * committed baseline, in the style of TypeScript-TmLanguage. A difference
 * means the highlighting users see has changed: if intended, run
 * `node scripts/accept-grammar-baselines.js` and review the baseline diff.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { BASELINES_DIR, REPO_ROOT, baselinePath, generateBaselines, listFixtures } from './harness';

/** Where the generated baselines are written, so a failing run can be diffed by hand. */
const GENERATED_DIR = path.join(REPO_ROOT, 'test-results/grammar-baselines');

/** The first line that differs, with its neighbours, for a readable failure. */
function firstDifference(expected: string, actual: string): string {
  const want = expected.split('\n');
  const got = actual.split('\n');
  for (let i = 0; i < Math.max(want.length, got.length); i++) {
    if (want[i] !== got[i]) {
      return [`line ${i + 1}:`, `  baseline: ${want[i] ?? '<end of file>'}`, `  actual:   ${got[i] ?? '<end of file>'}`].join('\n');
    }
  }
  return 'no difference';
}

describe('grammar baselines', async () => {
  const generated = await generateBaselines();
  fs.mkdirSync(GENERATED_DIR, { recursive: true });

  it('covers every fixture with a baseline, and no baseline lacks a fixture', () => {
    const fixtures = listFixtures();
    assert.ok(fixtures.length >= 15, `expected the fixture set, found ${fixtures.length} fixtures`);
    const baselineFiles = fs.readdirSync(BASELINES_DIR).filter((name) => name.endsWith('.baseline.txt')).sort();
    assert.deepEqual(baselineFiles, fixtures.map((fixture) => path.basename(baselinePath(fixture))).sort());
  });

  for (const [fixture, actual] of generated) {
    it(`${fixture} matches its baseline`, () => {
      fs.writeFileSync(path.join(GENERATED_DIR, path.basename(baselinePath(fixture))), actual);
      const file = baselinePath(fixture);
      assert.ok(fs.existsSync(file), `no baseline for ${fixture}; run node scripts/accept-grammar-baselines.js`);
      const expected = fs.readFileSync(file, 'utf8');
      if (expected !== actual) {
        assert.fail(
          `${fixture} tokenizes differently from its baseline (${firstDifference(expected, actual)}).\n` +
            `Generated baseline: ${path.relative(REPO_ROOT, path.join(GENERATED_DIR, path.basename(file)))}. ` +
            'If the change is intended, run node scripts/accept-grammar-baselines.js and review the diff.',
        );
      }
    });
  }
});
