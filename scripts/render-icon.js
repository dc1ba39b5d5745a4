#!/usr/bin/env node
// Renders images/icon.svg to images/icon.png (128x128, transparent corners)
// with the headless Chromium the e2e tests use. Run after editing the SVG:
//   node scripts/render-icon.js
'use strict';
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');
const { findChromium } = require('./e2e/install-code-server');

const root = path.resolve(__dirname, '..');
const svg = fs.readFileSync(path.join(root, 'images', 'icon.svg'), 'utf8');
const out = path.join(root, 'images', 'icon.png');

(async () => {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium not found: apt-get install -y chromium');
  const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 128, height: 128 }, deviceScaleFactor: 1 });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
    await page.locator('svg').screenshot({ path: out, omitBackground: true });
  } finally {
    await browser.close();
  }
  process.stdout.write(`${path.relative(root, out)}: ${fs.statSync(out).size} bytes\n`);
})().catch((e) => {
  process.stderr.write(`render-icon: ${e.message}\n`);
  process.exit(1);
});
