#!/usr/bin/env node
// Checks `npm start` the way a user meets it: runs scripts/start.js (after
// `npm run compile`), reads the URL it prints, expects HTTP 200 there, opens
// it in headless Chromium, hovers "486" in samples/busy-here.sip (the
// extension answers), opens samples/malformed.sip (error squiggles), takes
// test-results/screenshots/npm-start.png, then sends Ctrl-C (SIGINT to its
// process group) and checks that it exits 0, leaves no process behind and
// removes its temporary directory.
//
//   npm run test:start
'use strict';

const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');
const { findChromium } = require('./install-code-server');
const { delay, httpStatus } = require('./code-server');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const SCREENSHOT = path.join(REPO_ROOT, 'test-results', 'screenshots', 'npm-start.png');
const t0 = Date.now();
const log = (msg) => process.stderr.write(`[start-smoke ${((Date.now() - t0) / 1000).toFixed(1).padStart(5)}s] ${msg}\n`);

/** Processes whose command line mentions `needle` (Linux /proc). */
function processesWith(needle) {
  const found = [];
  for (const pid of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(pid) || Number(pid) === process.pid) continue;
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (cmd.includes(needle)) found.push(`${pid} ${cmd.slice(0, 160)}`);
    } catch {
      /* gone meanwhile */
    }
  }
  return found;
}

/** Screen coordinates of `token` on the visible editor line starting with `line`. */
function tokenPoint(page, line, token) {
  return page.evaluate(
    ([lineStart, tok]) => {
      for (const el of document.querySelectorAll('.monaco-editor .view-line')) {
        const text = (el.textContent || '').replace(/\u00a0/g, ' ');
        if (!text.startsWith(lineStart)) continue;
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        let offset = text.indexOf(tok);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const len = n.textContent.length;
          if (offset < len) {
            const r = document.createRange();
            r.setStart(n, offset);
            r.setEnd(n, Math.min(len, offset + tok.length));
            const b = r.getBoundingClientRect();
            return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
          }
          offset -= len;
        }
      }
      return null;
    },
    [line, token],
  );
}

async function checkInBrowser(url) {
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-dev-shm-usage'],
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  let page;
  try {
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    const file = (name) => page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first();
    await file('busy-here.sip').waitFor({ timeout: 60_000 });
    log('workbench shows samples/');

    // The samples' README opens at start-up too, as a Markdown preview that can take many seconds on a
    // busy machine. Wait for it first: opening late, it would take the place of busy-here.sip as the
    // active editor (it did in CI). If it never shows, go on: the steps below still check everything.
    await page
      .locator('.tabs-container .tab', { hasText: 'README.md' })
      .first()
      .waitFor({ timeout: 30_000 })
      .then(() => log('README.md opened at start-up'), () => log('README.md did not open at start-up within 30 s; going on'));
    const activeTab = page.locator('.tabs-container .tab.active', { hasText: 'busy-here.sip' });
    const codeLens = page.locator('.monaco-editor .codelens-decoration').first();
    // Make busy-here.sip the active editor (clicking again if another editor took its place) until the
    // code lens over its first message shows, which happens once the language server has analysed it.
    for (let attempt = 0; ; attempt++) {
      if (!(await activeTab.isVisible())) await file('busy-here.sip').click();
      try {
        await activeTab.waitFor({ timeout: 10_000 });
        await codeLens.waitFor({ timeout: 15_000 });
        break;
      } catch (e) {
        if (attempt === 2) throw new Error(`busy-here.sip shows no code lens (is it the active editor? did the server answer?): ${e.message.split('\n')[0]}`);
      }
    }
    log('busy-here.sip is open and shows its code lens');
    // "Go to Line" puts the 486 response in view; hovering it asks the language server.
    await page.keyboard.press('Control+G');
    await page.keyboard.type('44');
    await page.keyboard.press('Enter');
    let point;
    for (let i = 0; i < 50 && !(point = await tokenPoint(page, 'SIP/2.0 486', '486')); i++) await delay(100);
    if (!point) throw new Error('"SIP/2.0 486 Busy Here" is not visible in busy-here.sip');
    const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'Busy Here' }).first();
    for (let attempt = 0; ; attempt++) {
      await page.mouse.move(point.x - 40, point.y);
      await page.mouse.move(point.x, point.y, { steps: 5 });
      try {
        await hover.waitFor({ timeout: 10_000 });
        break;
      } catch (e) {
        if (attempt === 2) throw new Error(`no hover from the extension on "486" in busy-here.sip: ${e.message.split('\n')[0]}`);
      }
    }
    log('hover on 486 explains "Busy Here"');

    await page.mouse.move(5, 400);
    await file('malformed.sip').click();
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 30_000 });
    log('malformed.sip shows error squiggles');

    await file('busy-here.sip').click();
    await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 30_000 });
    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    log(`screenshot ${path.relative(REPO_ROOT, SCREENSHOT)}`);
  } catch (error) {
    // What the page showed when a step failed, for whoever reads the CI log.
    const failure = path.join(path.dirname(SCREENSHOT), 'start-failure.png');
    fs.mkdirSync(path.dirname(failure), { recursive: true });
    await page?.screenshot({ path: failure }).then(() => log(`failure screenshot ${path.relative(REPO_ROOT, failure)}`), () => undefined);
    throw error;
  } finally {
    await browser.close();
  }
}

async function main() {
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'scripts', 'start.js')], {
    cwd: REPO_ROOT,
    detached: true, // its own process group, like a terminal's foreground job
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  let exit;
  exited.then((e) => (exit = e));
  let tmp;
  try {
    // The first run installs code-server (minutes); later ones print the URL within seconds.
    for (let i = 0; i < 6000 && !/Ctrl-C/.test(out) && !exit; i++) await delay(100);
    if (!/Ctrl-C/.test(out)) throw new Error(`start.js printed no URL${exit ? ` and exited (${JSON.stringify(exit)})` : ' within 10 minutes'}:\n${out}${err}`);
    const url = /http:\/\/127\.0\.0\.1:\d+\/\S*/.exec(out)?.[0];
    tmp = /Log: (\S+)\/code-server\.log/.exec(out)?.[1];
    if (!url || !tmp) throw new Error(`cannot read the URL and the log path from:\n${out}`);
    log(`start.js printed ${url}`);
    const status = await httpStatus(url);
    if (status !== 200) throw new Error(`GET ${url} answered ${status}, expected 200`);
    log('HTTP 200');

    await checkInBrowser(url);

    log('Ctrl-C (SIGINT to its process group)');
    const stopAt = Date.now();
    process.kill(-child.pid, 'SIGINT');
    const result = await Promise.race([exited, delay(15_000).then(() => undefined)]);
    if (!result) throw new Error('start.js did not exit within 15 s of SIGINT');
    if (result.code !== 0) throw new Error(`start.js exited with ${JSON.stringify(result)} after SIGINT, expected code 0:\n${err}`);
    log(`stopped in ${((Date.now() - stopAt) / 1000).toFixed(1)}s`);
    const left = processesWith(tmp);
    if (left.length) throw new Error(`processes left after Ctrl-C:\n${left.join('\n')}`);
    if (fs.existsSync(tmp)) throw new Error(`${tmp} was not removed`);
    log('no process left, temporary directory removed');
  } catch (e) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
    // Only processes of this run: their command lines name its temporary directory.
    for (const p of tmp ? processesWith(tmp) : []) {
      try {
        process.kill(Number(p.split(' ')[0]), 'SIGKILL');
      } catch {
        /* gone */
      }
    }
    throw e;
  }
}

main().then(
  () => {
    process.stdout.write(`\nnpm start: ok (${((Date.now() - t0) / 1000).toFixed(1)}s)\n`);
    process.exit(0); // no waiting for the pending 15 s guard timer
  },
  (e) => {
    process.stderr.write(`\nnpm start check FAILED: ${e.message}\n`);
    process.exit(1);
  },
);
