#!/usr/bin/env node
// `npm start` (after `npm run compile`): opens a real VS Code (code-server
// 4.100.3 = VS Code 1.100.3, offline, on 127.0.0.1) with the extension of this
// working tree and the samples/ folder, prints the URL, and runs until Ctrl-C,
// then stops code-server and everything it started.
//
//   node scripts/start.js [--port N] [--folder DIR] [--keep]
//
//   --port N      listen on 127.0.0.1:N (default: a free port)
//   --folder DIR  open DIR instead of samples/ (your own traces)
//   --keep        keep the temporary directory (user data, logs) on exit
//
// The extension is linked, not copied, into a fresh extensions directory:
// VS Code runs dist/ of this tree, so after `npm run compile` a "Developer:
// Reload Window" picks the change up. User data is temporary too; nothing in
// $HOME is touched. Needs Debian's ripgrep and libkrb5-dev (and build tools)
// the first time, to install code-server into .cache/; says which are missing.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { ensureCodeServer, isInstalled, checkPrerequisites, StepError } = require('./e2e/install-code-server');
const codeServer = require('./e2e/code-server');

const REPO_ROOT = path.resolve(__dirname, '..');

function usage(problem) {
  const text = fs.readFileSync(__filename, 'utf8').split('\n').slice(1, 17).map((l) => l.replace(/^\/\/ ?/, '')).join('\n');
  (problem ? process.stderr : process.stdout).write(`${problem ? `start: ${problem}\n\n` : ''}${text}\n`);
  process.exit(problem ? 2 : 0);
}

function parseArgs(argv) {
  const opts = { port: undefined, folder: path.join(REPO_ROOT, 'samples'), keep: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => argv[++i] ?? usage(`${a} needs a value`);
    if (a === '--port') opts.port = Number(value());
    else if (a === '--folder') opts.folder = path.resolve(value());
    else if (a === '--keep') opts.keep = true;
    else if (a === '-h' || a === '--help') usage();
    else usage(`unknown argument ${a}`);
  }
  if (opts.port !== undefined && !(Number.isInteger(opts.port) && opts.port > 0 && opts.port < 65536)) usage('--port needs a port number');
  return opts;
}

function log(msg) {
  process.stderr.write(`[start] ${msg}\n`);
}

function fail(msg) {
  process.stderr.write(`\nnpm start: ${msg}\n`);
  process.exit(1);
}

const state = { server: undefined, tmp: undefined, keep: false, stopping: undefined };

/** Stops code-server (its whole process group) and removes the temporary directory. */
function shutdown() {
  state.stopping ??= (async () => {
    const child = state.server;
    state.server = undefined;
    await codeServer.stopCodeServer(child, { log });
    if (state.tmp && !state.keep) fs.rmSync(state.tmp, { recursive: true, force: true });
    else if (state.tmp) log(`kept ${state.tmp}`);
  })();
  return state.stopping;
}

process.on('exit', () => codeServer.killNow(state.server));

function onSignal(sig) {
  if (state.stopping) {
    // A second Ctrl-C: no more waiting.
    codeServer.killNow(state.server);
    process.exit(1);
  }
  process.stderr.write(`\n`);
  log(`${sig}: stopping VS Code ...`);
  shutdown().then(() => {
    log('stopped');
    process.exit(0);
  });
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => onSignal(sig));

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  if (!fs.existsSync(path.resolve(REPO_ROOT, pkg.main))) fail(`${pkg.main} is missing: run \`npm run compile\` first (\`npm start\` does).`);
  if (!fs.statSync(opts.folder, { throwIfNoEntry: false })?.isDirectory()) fail(`folder ${opts.folder} not found`);

  // Chromium is for the tests only; here the user's own browser shows VS Code.
  const problems = checkPrerequisites({ needChromium: false, needBuildTools: !isInstalled() });
  if (problems.length) fail(`this needs some Debian packages first (not installed for you):\n  ${problems.join('\n  ')}`);

  let cs;
  try {
    cs = ensureCodeServer();
  } catch (e) {
    fail(e instanceof StepError ? e.message : `installing code-server failed: ${e.message}`);
  }
  const vscodeVersion = JSON.parse(fs.readFileSync(path.join(cs.vscodeDir, 'package.json'), 'utf8')).version;

  const port = opts.port ?? (await codeServer.freePort());
  if (opts.port !== undefined && !(await codeServer.portIsFree(port))) fail(`127.0.0.1:${port} is in use; pick another --port or leave it out for a free one`);

  state.tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sip-trace-start-'));
  state.keep = opts.keep;
  const dirs = codeServer.prepareServerDirs(
    state.tmp,
    codeServer.userSettings({
      // Opens the folder's README.md (samples/README.md explains the traces) at start-up.
      'workbench.startupEditor': 'readme',
      'editor.hover.delay': 300,
    }),
  );
  // The extension: this working tree, linked under the name an installed copy would have.
  const linked = path.join(dirs.extensions, `${pkg.publisher}.${pkg.name}-${pkg.version}`);
  fs.symlinkSync(REPO_ROOT, linked, 'dir');

  const logFile = path.join(state.tmp, 'code-server.log');
  log(`starting VS Code ${vscodeVersion} (code-server ${cs.version}) on 127.0.0.1:${port} ...`);
  const child = codeServer.startCodeServer(cs, dirs, { port, folder: opts.folder, logFile });
  state.server = child;
  child.on('exit', (code, signal) => {
    if (state.server !== child) return; // we stopped it
    state.server = undefined;
    state.keep = true;
    fail(`code-server exited (${signal ? `signal ${signal}` : `exit code ${code}`}); its log (${logFile}) ends:\n${codeServer.tail(logFile)}`);
  });
  try {
    await codeServer.waitUntilReady(child, port, logFile);
  } catch (e) {
    state.keep = true;
    await shutdown();
    fail(e.message);
  }

  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(opts.folder).replace(/%2F/g, '/')}`;
  process.stdout.write(
    [
      '',
      `SIP Trace is running in VS Code ${vscodeVersion} (code-server ${cs.version}):`,
      '',
      `    ${url}`,
      '',
      `Open that URL in a browser on this machine (from another one: ssh -L ${port}:127.0.0.1:${port} THIS-HOST).`,
      `It shows ${path.relative(REPO_ROOT, opts.folder) || opts.folder}/ with the extension of this working tree (dist/);`,
      'after `npm run compile`, run "Developer: Reload Window" in VS Code to load the new build.',
      `Log: ${logFile}`,
      'Press Ctrl-C to stop.',
      '',
    ].join('\n') + '\n',
  );
}

main().catch(async (e) => {
  await shutdown();
  fail(e && e.stack ? e.stack : String(e));
});
