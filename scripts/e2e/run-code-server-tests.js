#!/usr/bin/env node
// Runs the e2e suite in a real VS Code (code-server 4.100.3 = VS Code 1.100.3)
// opened in headless Chromium, for machines that cannot download desktop VS
// Code (ours, CI). The suite runs in VS Code's extension host with the full
// `vscode` API, exactly as @vscode/test-electron runs it (test/e2e/runElectron.ts).
//
//   node scripts/e2e/run-code-server-tests.js                 # the suite, on the source tree
//   node scripts/e2e/run-code-server-tests.js --vsix X.vsix   # install X.vsix in a clean code-server, smoke suite
//
// Options:
//   --extension-path DIR   extension under test in source mode (default: repo root)
//   --tests FILE           compiled test index (default: out/test/e2e/suite/index.js, or vsix/index.js)
//   --no-screenshots       skip the screenshot phase
//   --keep                 keep the temporary directory (workspace, user data, logs)
//   --timeout SECONDS      overall limit after the install step (default 300; env SIP_E2E_TIMEOUT_S)
//
// It builds nothing: run `npm run compile` first. It installs code-server
// into .cache/ once (scripts/e2e/install-code-server.js). Output: test-results/e2e/<mode>/
// (result.json, code-server.log, browser-console.log, extension host logs on
// failure) and test-results/screenshots/*.png. Exit status 0 only when the
// suite ran, every test passed and (unless skipped) every screenshot was taken.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { ensureCodeServer, checkPrerequisites, findChromium, CODE_SERVER_VERSION, StepError } = require('./install-code-server');
const codeServer = require('./code-server');
const { delay, freePort, tail, remoteUri } = codeServer;

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const FIXTURE_WORKSPACE = path.join(REPO_ROOT, 'test', 'e2e', 'fixtures', 'workspace');
const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-results', 'screenshots');
const EXTENSION_ID = 'sip-trace.sip-trace';

// ---------------------------------------------------------------- arguments

function parseArgs(argv) {
  const opts = { vsix: undefined, extensionPath: REPO_ROOT, tests: undefined, screenshots: true, keep: false, timeoutS: Number(process.env.SIP_E2E_TIMEOUT_S || 300) };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) usage(`${a} needs a value`);
      return v;
    };
    if (a === '--vsix') opts.vsix = path.resolve(value());
    else if (a === '--extension-path') opts.extensionPath = path.resolve(value());
    else if (a === '--tests') opts.tests = path.resolve(value());
    else if (a === '--no-screenshots') opts.screenshots = false;
    else if (a === '--keep') opts.keep = true;
    else if (a === '--timeout') opts.timeoutS = Number(value());
    else if (a === '-h' || a === '--help') usage();
    else usage(`unknown argument ${a}`);
  }
  if (!(opts.timeoutS > 0)) usage('--timeout must be a positive number of seconds');
  opts.mode = opts.vsix ? 'vsix' : 'extension';
  if (opts.vsix) opts.screenshots = false;
  opts.tests ??= path.join(REPO_ROOT, 'out', 'test', 'e2e', opts.vsix ? 'vsix' : 'suite', 'index.js');
  return opts;
}

function usage(problem) {
  const text = fs.readFileSync(__filename, 'utf8').split('\n').slice(1, 21).map((l) => l.replace(/^\/\/ ?/, '')).join('\n');
  if (problem) {
    process.stderr.write(`run-code-server-tests: ${problem}\n\n${text}\n`);
    process.exit(2);
  }
  process.stdout.write(`${text}\n`);
  process.exit(0);
}

// ------------------------------------------------------------------ helpers

const t0 = Date.now();
function log(msg) {
  process.stderr.write(`[e2e ${((Date.now() - t0) / 1000).toFixed(1).padStart(5)}s] ${msg}\n`);
}

class E2EError extends Error {
  constructor(step, message, details) {
    super(message);
    this.step = step;
    this.details = details;
  }
}

/** A path relative to the repo when inside it, else absolute. */
function rel(p) {
  const r = path.relative(REPO_ROOT, p);
  return r && !r.startsWith('..') && !path.isAbsolute(r) ? r : p;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function writeJson(file, data) {
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(data, null, 2) + '\n');
  fs.renameSync(tmp, file);
}

// ------------------------------------------------------------- processes

/** Everything started here, so cleanup can always stop it. */
const state = {
  server: undefined, // ChildProcess of code-server (own process group)
  context: undefined, // playwright BrowserContext (persistent)
  tmp: undefined,
  dirs: undefined,
  keep: false,
  cleaning: undefined,
};

async function stopServer() {
  const child = state.server;
  state.server = undefined;
  await codeServer.stopCodeServer(child, { log });
}

async function closeBrowser() {
  const ctx = state.context;
  if (!ctx) return;
  state.context = undefined;
  await Promise.race([ctx.close().catch(() => undefined), delay(10_000)]);
}

function cleanup() {
  state.cleaning ??= (async () => {
    await closeBrowser();
    await stopServer();
    if (state.tmp && !state.keep) fs.rmSync(state.tmp, { recursive: true, force: true });
    else if (state.tmp) log(`kept temporary directory ${state.tmp}`);
  })();
  return state.cleaning;
}

// Last resort if the process exits some other way: no orphaned code-server.
process.on('exit', () => codeServer.killNow(state.server));

for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    log(`${sig} received: shutting down code-server and Chromium`);
    cleanup().finally(() => process.exit(sig === 'SIGINT' ? 130 : 143));
  });
}

// -------------------------------------------------------------------- steps

let currentStep = 'start';
let abortWith;
const aborted = new Promise((_, reject) => {
  abortWith = reject;
});
aborted.catch(() => undefined);

/** Runs one named step; the overall timeout or a dead code-server abort it. */
async function step(name, fn) {
  currentStep = name;
  log(`${name} ...`);
  try {
    return await Promise.race([fn(), aborted]);
  } catch (err) {
    if (err instanceof E2EError) throw err;
    throw new E2EError(name, err && err.message ? err.message : String(err));
  }
}

function prepareDirs(opts) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `sip-e2e-${opts.mode}-`));
  state.tmp = tmp;
  state.keep = opts.keep;
  const dirs = {
    ...codeServer.prepareServerDirs(tmp),
    tmp,
    workspace: path.join(tmp, 'workspace'),
    browserProfile: path.join(tmp, 'browser-profile'),
    results: path.join(REPO_ROOT, 'test-results', 'e2e', opts.mode),
  };
  fs.cpSync(FIXTURE_WORKSPACE, dirs.workspace, { recursive: true });
  fs.mkdirSync(dirs.browserProfile, { recursive: true });
  fs.rmSync(dirs.results, { recursive: true, force: true });
  fs.mkdirSync(dirs.results, { recursive: true });
  state.dirs = dirs;
  return dirs;
}

function installVsix(cs, dirs, vsix) {
  try {
    codeServer.installVsix(cs, dirs, vsix, path.join(dirs.results, 'install-extension.log'));
  } catch (e) {
    throw new E2EError('install .vsix', e.message);
  }
  const installed = fs.readdirSync(dirs.extensions).filter((d) => d.toLowerCase().startsWith(`${EXTENSION_ID}-`));
  if (installed.length !== 1) {
    throw new E2EError('install .vsix', `expected one ${EXTENSION_ID}-* folder in the extensions dir, found: ${fs.readdirSync(dirs.extensions).join(', ') || '(none)'}`);
  }
  log(`installed ${path.basename(vsix)} -> extensions/${installed[0]}`);
  // An empty extension to carry the test runner: the extension under test is the installed one.
  const harness = path.join(dirs.tmp, 'harness');
  fs.mkdirSync(harness);
  fs.writeFileSync(
    path.join(harness, 'package.json'),
    JSON.stringify({ name: 'sip-trace-e2e-harness', publisher: 'sip-trace-test', version: '0.0.0', private: true, engines: { vscode: '^1.100.0' } }, null, 2),
  );
  return harness;
}

async function startServer(cs, dirs, port, env) {
  const logFile = path.join(dirs.results, 'code-server.log');
  const child = codeServer.startCodeServer(cs, dirs, { port, folder: dirs.workspace, logFile, env });
  state.server = child;
  child.on('exit', (code, signal) => {
    if (state.server === child) {
      state.server = undefined;
      abortWith(new E2EError(currentStep, `code-server exited unexpectedly (${signal ? `signal ${signal}` : `exit code ${code}`}) during "${currentStep}"; its log (${rel(logFile)}) ends:\n${tail(logFile)}`));
    }
  });
  await codeServer.waitUntilReady(child, port, logFile);
  return logFile;
}

async function openWorkbench(dirs, port, opts, extensionDevelopmentPath) {
  let chromium;
  try {
    ({ chromium } = require('playwright-core'));
  } catch (e) {
    throw new Error(`playwright-core is not installed (npm ci): ${e.message}`);
  }
  const consoleLog = path.join(dirs.results, 'browser-console.log');
  const consoleStream = fs.createWriteStream(consoleLog);
  state.context = await chromium.launchPersistentContext(dirs.browserProfile, {
    executablePath: findChromium(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
    viewport: { width: 1440, height: 900 },
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    timeout: 60_000,
  });
  const page = state.context.pages()[0] ?? (await state.context.newPage());
  page.on('console', (m) => consoleStream.write(`[${m.type()}] ${m.text()}\n`));
  page.on('pageerror', (e) => consoleStream.write(`[pageerror] ${e.stack || e.message}\n`));
  page.on('response', (r) => {
    if (r.status() >= 400) consoleStream.write(`[http ${r.status()}] ${r.url()}\n`);
  });
  page.on('requestfailed', (r) => consoleStream.write(`[request failed] ${r.url()}: ${r.failure()?.errorText}\n`));
  page.on('crash', () => abortWith(new E2EError(currentStep, 'the workbench page crashed in Chromium')));
  const payload = [
    ['extensionDevelopmentPath', remoteUri(port, extensionDevelopmentPath)],
    ['extensionTestsPath', remoteUri(port, opts.tests)],
  ];
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(dirs.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
  return { page, consoleLog };
}

/** Waits for `file` to appear; `whileWaiting` runs between checks (screenshot requests). */
async function waitForFile(file, timeoutMs, what, whileWaiting) {
  const deadline = Date.now() + timeoutMs;
  while (!fs.existsSync(file)) {
    if (Date.now() > deadline) return false;
    if (whileWaiting) await whileWaiting();
    await delay(200);
  }
  return true;
}

// ------------------------------------------------------------ screenshots

/** Waits (up to 3 s) until the workbench's split views stop moving, e.g. after a pane collapsed. */
async function layoutSettled(page) {
  const layout = () => page.evaluate(() => [...document.querySelectorAll('.split-view-view')].map((e) => e.getBoundingClientRect()).map((r) => `${r.x},${r.y},${r.width},${r.height}`).join(';'));
  let last = await layout();
  for (let i = 0; i < 30; i++) {
    await delay(100);
    const now = await layout();
    if (now === last) return;
    last = now;
  }
}

async function takeScreenshot(page, req) {
  const file = path.join(SCREENSHOT_DIR, `${req.name}.png`);
  const visible = async (timeout) => {
    if (req.workbenchClass) {
      await page.waitForSelector(`.monaco-workbench.${req.workbenchClass}`, { state: 'attached', timeout });
    }
    if (!req.waitForSelector) return;
    await page.waitForSelector(req.waitForSelector, { state: 'visible', timeout });
    if (req.hoverText) {
      await page.waitForFunction(
        ([sel, text]) => [...document.querySelectorAll(sel)].some((e) => e.offsetParent !== null && (e.textContent || '').includes(text)),
        [req.waitForSelector, req.hoverText],
        { timeout },
      );
    }
  };
  if (req.click?.length) {
    for (const selector of req.click) await page.click(selector, { timeout: 10_000 });
    // No focus ring on what was clicked.
    await page.evaluate(() => document.activeElement instanceof HTMLElement && document.activeElement.blur());
    await layoutSettled(page);
  }
  try {
    await visible(10_000);
  } catch (first) {
    if (!req.hoverLine || !req.hoverToken) throw first;
    // Fallback: hover the token with the mouse, as a user would.
    const point = await page.evaluate(([line, token]) => {
      for (const el of document.querySelectorAll('.monaco-editor .view-line')) {
        const text = (el.textContent || '').replace(/\u00a0/g, ' ');
        if (!text.startsWith(line)) continue;
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        let offset = text.indexOf(token);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const len = n.textContent.length;
          if (offset < len) {
            const r = document.createRange();
            r.setStart(n, offset);
            r.setEnd(n, Math.min(len, offset + token.length));
            const b = r.getBoundingClientRect();
            return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
          }
          offset -= len;
        }
      }
      return null;
    }, [req.hoverLine, req.hoverToken]);
    if (!point) throw new Error(`${first.message}; and "${req.hoverToken}" is not visible in the editor for a mouse hover`);
    await page.mouse.move(point.x - 30, point.y);
    await page.mouse.move(point.x, point.y, { steps: 5 });
    await visible(10_000);
  }
  // Two animation frames so the widget is painted at its final place.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.screenshot({ path: file });
  return file;
}

function makeScreenshotPump(page, resultsDir, taken) {
  const handled = new Set();
  let busy = false;
  return async () => {
    if (busy) return;
    busy = true;
    try {
      for (const f of fs.readdirSync(resultsDir)) {
        const m = /^shot-(.+)\.request\.json$/.exec(f);
        if (!m || handled.has(m[1])) continue;
        handled.add(m[1]);
        const req = readJson(path.join(resultsDir, f));
        const done = path.join(resultsDir, `shot-${m[1]}.done.json`);
        if (!req) {
          writeJson(done, { ok: false, error: 'unreadable request' });
          continue;
        }
        try {
          const file = await takeScreenshot(page, req);
          taken.push(file);
          log(`screenshot ${rel(file)}`);
          writeJson(done, { ok: true, file });
        } catch (e) {
          log(`screenshot "${req.name}" failed: ${e.message.split('\n')[0]}`);
          writeJson(done, { ok: false, error: e.message.split('\n')[0] });
        }
      }
    } finally {
      busy = false;
    }
  };
}

// ----------------------------------------------------------------- report

function indent(text, by) {
  return String(text)
    .split('\n')
    .map((l) => by + l)
    .join('\n');
}

function printReport(result, opts, cs) {
  const lines = [];
  lines.push('');
  lines.push(`VS Code ${result.vscodeVersion} (code-server ${cs.version}, ${result.appHost}, ui ${result.uiKind}) — suite "${result.suite}"${opts.vsix ? ` on ${path.basename(opts.vsix)}` : ''}`);
  lines.push('');
  for (const t of result.tests || []) {
    const mark = t.state === 'passed' ? '✓' : t.state === 'pending' ? '-' : '✗';
    lines.push(`  ${mark} ${t.fullTitle}${t.durationMs !== undefined ? ` (${t.durationMs} ms)` : ''}`);
  }
  lines.push('');
  lines.push(`  ${result.stats.passes} passing (${(result.durationMs / 1000).toFixed(1)}s)`);
  if (result.stats.pending) lines.push(`  ${result.stats.pending} pending`);
  lines.push(`  ${result.stats.failures} failing`);
  result.failures.forEach((f, i) => {
    lines.push('');
    lines.push(`  ${i + 1}) ${f.fullTitle}${f.file ? `  [${f.file}]` : ''}:`);
    lines.push(indent(f.error || '(no message)', '     '));
    if (f.expected !== undefined || f.actual !== undefined) {
      lines.push(indent(`expected: ${f.expected}`, '     '));
      lines.push(indent(`actual:   ${f.actual}`, '     '));
    }
    if (f.stack) {
      const frames = f.stack.split('\n').filter((l) => /^\s+at /.test(l)).slice(0, 4);
      if (frames.length) lines.push(indent(frames.map((l) => l.trim()).join('\n'), '       '));
    }
  });
  process.stdout.write(lines.join('\n') + '\n');
}

// ------------------------------------------------------------------- main

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  log(`mode: ${opts.mode}${opts.vsix ? ` (${rel(opts.vsix)})` : ''}`);

  // Checks that need no install, with exact fixes.
  const prereq = checkPrerequisites({ needBuildTools: false });
  if (prereq.length) throw new E2EError('prerequisites', prereq.join('\n'));
  if (!fs.existsSync(opts.tests)) {
    throw new E2EError('prerequisites', `compiled test index ${rel(opts.tests)} not found: run \`npm run compile\` first`);
  }
  if (opts.vsix && !fs.existsSync(opts.vsix)) throw new E2EError('prerequisites', `${opts.vsix} not found: run \`npm run package\` first`);
  if (!opts.vsix) {
    const pkg = readJson(path.join(opts.extensionPath, 'package.json'));
    if (!pkg) throw new E2EError('prerequisites', `no package.json in the extension path ${opts.extensionPath}`);
    if (pkg.main && !fs.existsSync(path.resolve(opts.extensionPath, pkg.main)) && !fs.existsSync(path.resolve(opts.extensionPath, `${pkg.main}.js`))) {
      throw new E2EError('prerequisites', `the extension's main ${pkg.main} does not exist in ${opts.extensionPath}: run \`npm run compile\` first`);
    }
  }

  currentStep = 'install code-server';
  let cs;
  try {
    cs = ensureCodeServer();
  } catch (e) {
    throw new E2EError(e instanceof StepError ? `install code-server: ${e.step}` : 'install code-server', e.message);
  }

  // The overall limit covers everything after the (one-time) install.
  const overall = setTimeout(() => {
    abortWith(new E2EError(currentStep, `overall timeout: the e2e run took more than ${opts.timeoutS} s (stopped during "${currentStep}")`));
  }, opts.timeoutS * 1000);
  overall.unref();

  const dirs = prepareDirs(opts);
  const resultFile = path.join(dirs.results, 'result.json');
  const startedFile = path.join(dirs.results, 'started.json');

  let extensionDevelopmentPath = opts.extensionPath;
  if (opts.vsix) extensionDevelopmentPath = await step('install .vsix into a clean code-server', async () => installVsix(cs, dirs, opts.vsix));

  const port = await step('pick a free loopback port', freePort);
  const env = codeServer.codeServerEnv(dirs, {
    SIP_E2E_RESULTS_DIR: dirs.results,
    SIP_E2E_EXTENSIONS_DIR: dirs.extensions,
    SIP_E2E_SCREENSHOTS: opts.screenshots ? '1' : '0',
  });
  const serverLog = await step(`start code-server ${CODE_SERVER_VERSION} on 127.0.0.1:${port}`, () => startServer(cs, dirs, port, env));

  const { page, consoleLog } = await step('open the workbench in headless Chromium', () => openWorkbench(dirs, port, opts, extensionDevelopmentPath));

  const taken = [];
  const pump = opts.screenshots ? makeScreenshotPump(page, dirs.results, taken) : undefined;
  if (opts.screenshots) fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });

  const hints = () =>
    `logs: ${rel(serverLog)}, ${rel(consoleLog)}; browser console ends:\n${tail(consoleLog, 25)}`;

  // The extension host exits when the test module fails to load or run()
  // settles; before result.json exists that is a failure, reported at once.
  const extHostExited = () => {
    let text = '';
    try {
      text = fs.readFileSync(serverLog, 'utf8');
    } catch {
      return;
    }
    const m = /Extension Host Process exited with code: (\S+), signal: (\S+)\./.exec(text);
    if (m && !fs.existsSync(resultFile)) {
      throw new Error(`the extension host exited (code ${m[1]}, signal ${m[2]}) before the suite wrote its result. ${hints()}`);
    }
  };

  await step('wait for the extension host to load the test index', async () => {
    if (!(await waitForFile(startedFile, 90_000, 'started', async () => extHostExited()))) {
      throw new Error(`the extension host did not start ${rel(opts.tests)} within 90 s (started.json never written). ${hints()}`);
    }
  });
  const started = readJson(startedFile);
  log(`suite "${started?.suite}" started in VS Code ${started?.vscodeVersion}`);
  if (started && started.workspaceTrustEnabled !== false) {
    log(`warning: the user settings in ${rel(path.join(dirs.userData, 'User', 'settings.json'))} did not reach VS Code (security.workspace.trust.enabled is ${started.workspaceTrustEnabled})`);
  }

  const suiteLimitS = Number(process.env.SIP_E2E_SUITE_TIMEOUT_MS || 150_000) / 1000 + 90;
  await step('run the suite', async () => {
    const between = async () => {
      if (pump) await pump();
      extHostExited();
    };
    if (!(await waitForFile(resultFile, suiteLimitS * 1000, 'result', between))) {
      throw new Error(`no result.json within ${suiteLimitS} s after the suite started. ${hints()}`);
    }
  });
  const result = readJson(resultFile);
  if (!result) throw new E2EError('read the result', `${resultFile} is not valid JSON`);

  printReport(result, opts, cs);

  const problems = [];
  if (result.stats.failures > 0) problems.push(`${result.stats.failures} test(s) failed`);
  if (result.stats.passes === 0) problems.push('no test passed (the suite ran no test)');
  if (result.timedOut) problems.push('the suite hit its global timeout');
  if (opts.screenshots) {
    if (result.screenshots.errors.length) problems.push(`screenshots failed: ${result.screenshots.errors.join('; ')}`);
    else if (taken.length === 0 && result.stats.failures === 0) problems.push('no screenshot was taken');
    if (taken.length) process.stdout.write(`\nscreenshots: ${taken.map((f) => rel(f)).join(', ')}\n`);
  }
  if (problems.length) {
    copyExtHostLogs(dirs);
    process.stdout.write(`\nlogs: ${rel(dirs.results)}/\n`);
  }
  process.stdout.write(`\ne2e${opts.vsix ? '-vsix' : ''}: ${result.stats.passes} passed, ${result.stats.failures} failed\n`);
  clearTimeout(overall);
  return problems;
}

function copyExtHostLogs(dirs) {
  try {
    const logs = path.join(dirs.userData, 'logs');
    if (fs.existsSync(logs)) fs.cpSync(logs, path.join(dirs.results, 'vscode-logs'), { recursive: true });
  } catch {
    /* best effort */
  }
}

main()
  .then(async (problems) => {
    await cleanup();
    log(`done in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
    if (problems.length) {
      process.stderr.write(`\ne2e FAILED: ${problems.join('; ')}\n`);
      process.exit(1);
    }
    process.exit(0);
  })
  .catch(async (err) => {
    if (state.dirs) copyExtHostLogs(state.dirs);
    await cleanup();
    const stepName = err instanceof E2EError ? err.step : currentStep;
    process.stderr.write(`\ne2e FAILED at step "${stepName}":\n${err && err.message ? err.message : String(err)}\n`);
    if (!(err instanceof E2EError) && err && err.stack) process.stderr.write(`${err.stack}\n`);
    if (state.dirs) process.stderr.write(`logs: ${rel(state.dirs.results)}/\n`);
    process.exit(1);
  });
