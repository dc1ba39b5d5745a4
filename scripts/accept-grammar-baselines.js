#!/usr/bin/env node
// @ts-check
'use strict';

/**
 * Regenerates the grammar baselines in test/unit/grammar/baselines/ from the
 * fixtures in test/unit/grammar/fixtures/, after rebuilding the grammar JSON.
 * Review the diff of the baselines before committing: it is the change in
 * highlighting that users will see.
 *
 *   node scripts/accept-grammar-baselines.js
 *
 * Uses the compiled test harness (out/test/unit/grammar/harness.js); it
 * compiles the test project first.
 */

const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..');

async function main() {
  execFileSync(process.execPath, [path.join(__dirname, 'build-grammars.js')], { stdio: 'inherit' });
  const tsc = require.resolve('typescript/bin/tsc', { paths: [ROOT] });
  execFileSync(process.execPath, [tsc, '-b', path.join(ROOT, 'test')], { stdio: 'inherit', cwd: ROOT });

  const harness = require(path.join(ROOT, 'out/test/unit/grammar/harness.js'));
  const baselines = await harness.generateBaselines();
  fs.mkdirSync(harness.BASELINES_DIR, { recursive: true });

  const expected = new Set();
  let changed = 0;
  for (const [fixture, text] of baselines) {
    const file = harness.baselinePath(fixture);
    expected.add(path.basename(file));
    const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
    if (current !== text) {
      fs.writeFileSync(file, text);
      changed++;
      console.log(`${current === null ? 'added' : 'updated'} ${path.relative(ROOT, file)}`);
    }
  }
  for (const name of fs.readdirSync(harness.BASELINES_DIR)) {
    if (name.endsWith('.baseline.txt') && !expected.has(name)) {
      fs.unlinkSync(path.join(harness.BASELINES_DIR, name));
      changed++;
      console.log(`removed ${path.join('test/unit/grammar/baselines', name)} (no fixture)`);
    }
  }
  console.log(changed === 0 ? 'baselines unchanged' : `${changed} baseline file(s) changed; review the diff`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
