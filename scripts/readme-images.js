#!/usr/bin/env node
// Makes the README pictures in images/ from the screenshots an e2e run takes
// (test-results/screenshots/*.png, 1440x900, see test/e2e/suite/screenshots.ts):
// crops each to the part worth showing (no title bar, which says "Extension
// Development Host") and reduces it to 256 colours, so the four stay small.
//
//   npm run test:e2e && node scripts/readme-images.js
//
// Needs ImageMagick and pngquant: apt-get install -y imagemagick pngquant
'use strict';

const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const root = path.resolve(__dirname, '..');
const from = path.join(root, 'test-results', 'screenshots');
const to = path.join(root, 'images');

// WIDTHxHEIGHT+X+Y in the 1440x900 screenshot.
const CROPS = {
  hover: '973x645+347+35', // the editor with the hover on "486"
  problems: '1093x745+347+35', // the editor with squiggles, and the Problems panel
  highlighting: '973x720+347+35', // the editor alone
  calls: '1290x700+47+35', // Outline and SIP Calls views, and the editor
};

function run(cmd, args) {
  const res = spawnSync(cmd, args, { encoding: 'utf8' });
  if (res.error && res.error.code === 'ENOENT') {
    process.stderr.write(`readme-images: ${cmd} not found; apt-get install -y imagemagick pngquant\n`);
    process.exit(1);
  }
  // pngquant exits 98/99 when it cannot reach the quality asked; the input is then kept.
  if (res.status !== 0 && !(cmd === 'pngquant' && (res.status === 98 || res.status === 99))) {
    process.stderr.write(`readme-images: ${cmd} ${args.join(' ')} failed:\n${res.stderr}\n`);
    process.exit(1);
  }
  return res.status;
}

let total = 0;
for (const [name, crop] of Object.entries(CROPS)) {
  const src = path.join(from, `${name}.png`);
  if (!fs.existsSync(src)) {
    process.stderr.write(`readme-images: ${path.relative(root, src)} missing: run \`npm run test:e2e\` first\n`);
    process.exit(1);
  }
  const out = path.join(to, `${name}.png`);
  run('convert', [src, '-crop', crop, '+repage', '-strip', out]);
  run('pngquant', ['--force', '--quality', '70-95', '--speed', '1', '--strip', '--skip-if-larger', '--output', out, out]);
  const size = fs.statSync(out).size;
  total += size;
  process.stdout.write(`${path.relative(root, out)}: ${(size / 1024).toFixed(0)} KB\n`);
}
process.stdout.write(`total: ${(total / 1024).toFixed(0)} KB\n`);
