#!/usr/bin/env node
// Installs code-server (= the whole VS Code, server + web workbench) from the
// npm registry into .cache/code-server/, without its postinstall script (which
// refuses to run as root, downloads ripgrep from the internet and needs
// libkrb5-dev). The steps follow shared/docs/vscode-offline.md:
//
//   1. npm install --ignore-scripts code-server@VERSION
//   2. npm install --omit=dev --ignore-scripts  in lib/vscode
//   3. node-gyp rebuild of VS Code's native modules
//   4. argon2 built from source (code-server loads it at start-up)
//   5. Debian's /usr/bin/rg as @vscode/ripgrep's binary
//   6. lib/vscode/node_modules.asar -> node_modules
//   7. `entry.js --version` as a smoke check
//
// A stamp file records the version, Node's ABI and the platform; a repeat run
// with a matching stamp does nothing. A failed run leaves no stamp, so the next
// run starts over. Usage:
//
//   node scripts/e2e/install-code-server.js [--force]
//
// or require() it and call ensureCodeServer().
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const CODE_SERVER_VERSION = '4.100.3'; // VS Code 1.100.3; the newest that accepts Node 20
const REPO_ROOT = path.resolve(__dirname, '..', '..');
const CACHE_ROOT = path.join(REPO_ROOT, '.cache');
const INSTALL_DIR = path.join(CACHE_ROOT, 'code-server');
const STAMP_FILE = path.join(INSTALL_DIR, '.installed.json');
const LOCK_DIR = path.join(CACHE_ROOT, 'code-server.lock');
const LOG_FILE = path.join(CACHE_ROOT, 'code-server-install.log');
const PACKAGE_DIR = path.join(INSTALL_DIR, 'node_modules', 'code-server');
const VSCODE_DIR = path.join(PACKAGE_DIR, 'lib', 'vscode');
const ENTRY = path.join(PACKAGE_DIR, 'out', 'node', 'entry.js');

// Native modules VS Code's server and extension host load on Linux.
const NATIVE_MODULES = [
  'node-pty',
  '@parcel/watcher',
  '@vscode/spdlog',
  'kerberos',
  'native-watchdog',
  '@vscode/deviceid',
];

const APT_PACKAGES = 'chromium ripgrep libkrb5-dev';

class StepError extends Error {
  constructor(step, message) {
    super(`code-server install failed at step "${step}": ${message}`);
    this.step = step;
  }
}

function log(msg) {
  process.stderr.write(`[install-code-server] ${msg}\n`);
}

function wantedStamp() {
  return {
    codeServer: CODE_SERVER_VERSION,
    node: process.version,
    abi: process.versions.modules,
    platform: process.platform,
    arch: process.arch,
  };
}

function readStamp() {
  try {
    return JSON.parse(fs.readFileSync(STAMP_FILE, 'utf8'));
  } catch {
    return undefined;
  }
}

function stampMatches() {
  const have = readStamp();
  if (!have || !fs.existsSync(ENTRY)) return false;
  const want = wantedStamp();
  return Object.keys(want).every((k) => have[k] === want[k]);
}

function which(cmd) {
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    if (!dir) continue;
    const p = path.join(dir, cmd);
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return p;
    } catch {
      /* not here */
    }
  }
  return undefined;
}

/** Finds Chromium; shared with the test runner. */
function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const c of candidates) if (c && fs.existsSync(c)) return c;
  return which('chromium') || which('chromium-browser');
}

function findRipgrep() {
  if (fs.existsSync('/usr/bin/rg')) return '/usr/bin/rg';
  return which('rg');
}

/**
 * Checks the Debian packages and build tools this needs. Returns a list of
 * human-readable problems (empty when all is there).
 */
function checkPrerequisites({ needChromium = true, needBuildTools = true } = {}) {
  const missingApt = [];
  const problems = [];
  if (needChromium && !findChromium()) missingApt.push('chromium');
  if (needBuildTools) {
    if (!findRipgrep()) missingApt.push('ripgrep');
    const krb = ['/usr/include/gssapi/gssapi.h', '/usr/include/krb5.h'].every((f) => fs.existsSync(f));
    if (!krb && !which('krb5-config')) missingApt.push('libkrb5-dev');
    // The build tools node-gyp needs; each is also the name of its Debian package.
    for (const tool of ['make', 'g++', 'python3']) if (!which(tool)) missingApt.push(tool);
  }
  if (missingApt.length) {
    problems.unshift(
      `missing Debian package(s): ${missingApt.join(', ')}. Run:\n` +
        `    apt-get update && apt-get install -y --no-install-recommends ${missingApt.join(' ')}\n` +
        `  (.ci/run installs these itself: ${APT_PACKAGES} make g++ python3)`,
    );
  }
  return problems;
}

function findNodeGyp() {
  const candidates = [
    process.env.npm_config_node_gyp,
    path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ];
  const npm = which('npm');
  if (npm) {
    const npmReal = fs.realpathSync(npm); // .../npm/bin/npm-cli.js
    candidates.push(path.join(path.dirname(npmReal), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  }
  try {
    candidates.push(require.resolve('node-gyp/bin/node-gyp.js', { paths: [REPO_ROOT] }));
  } catch {
    /* not a dependency */
  }
  for (const c of candidates) if (c && fs.existsSync(c)) return path.resolve(c);
  return undefined;
}

/** Node's own headers (Debian/NodeSource ship them in /usr/include/node), so node-gyp needs no download. */
function findNodeDir() {
  const fromEnv = process.env.npm_config_nodedir;
  if (fromEnv && fs.existsSync(path.join(fromEnv, 'include', 'node', 'node_version.h'))) return fromEnv;
  const prefix = path.resolve(path.dirname(process.execPath), '..');
  if (fs.existsSync(path.join(prefix, 'include', 'node', 'node_version.h'))) return prefix;
  return undefined;
}

function appendLog(text) {
  fs.appendFileSync(LOG_FILE, text);
}

function run(step, cmd, args, cwd, extraEnv = {}) {
  const started = Date.now();
  appendLog(`\n$ (cd ${cwd} && ${cmd} ${args.join(' ')})\n`);
  const res = spawnSync(cmd, args, {
    cwd,
    env: { ...process.env, ...extraEnv },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const out = `${res.stdout || ''}${res.stderr || ''}`;
  appendLog(out);
  if (res.error || res.status !== 0) {
    const tail = out.trim().split('\n').slice(-30).join('\n');
    const why = res.error ? res.error.message : `exit code ${res.status}${res.signal ? ` (signal ${res.signal})` : ''}`;
    throw new StepError(step, `\`${cmd} ${args.join(' ')}\` in ${cwd} failed: ${why}\n--- last output ---\n${tail}\n--- full log: ${LOG_FILE}`);
  }
  log(`  ${step}: ok (${((Date.now() - started) / 1000).toFixed(1)}s)`);
  return out;
}

function sleepMs(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

/** A lock so two concurrent runs (test:e2e and test:e2e:vsix) don't install over each other. */
function withLock(fn) {
  fs.mkdirSync(CACHE_ROOT, { recursive: true });
  const deadline = Date.now() + 15 * 60 * 1000;
  for (;;) {
    try {
      fs.mkdirSync(LOCK_DIR);
      fs.writeFileSync(path.join(LOCK_DIR, 'pid'), String(process.pid));
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      let holder = NaN;
      try {
        holder = Number(fs.readFileSync(path.join(LOCK_DIR, 'pid'), 'utf8'));
      } catch {
        /* being written */
      }
      if (Number.isFinite(holder) && holder > 0 && !isAlive(holder)) {
        fs.rmSync(LOCK_DIR, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new StepError('lock', `another install (pid ${holder}) holds ${LOCK_DIR}; remove it if stale`);
      sleepMs(1000);
    }
  }
  try {
    return fn();
  } finally {
    fs.rmSync(LOCK_DIR, { recursive: true, force: true });
  }
}

function install() {
  const t0 = Date.now();
  const problems = checkPrerequisites({ needChromium: false });
  if (problems.length) throw new StepError('prerequisites', problems.join('\n'));
  const npm = which('npm');
  if (!npm) throw new StepError('prerequisites', 'npm not found on PATH');
  const nodeGyp = findNodeGyp();
  if (!nodeGyp) throw new StepError('prerequisites', 'node-gyp not found (looked in npm\'s bundled copy and $npm_config_node_gyp)');
  const nodeDir = findNodeDir();
  if (!nodeDir) {
    log('warning: Node headers not found next to the node binary; node-gyp will try to download them (fails offline)');
  }
  const gypArgs = nodeDir ? [`--nodedir=${nodeDir}`] : [];
  const gypEnv = {
    npm_config_node_gyp: nodeGyp,
    ...(nodeDir ? { npm_config_nodedir: nodeDir } : {}),
    JOBS: String(Math.max(1, os.cpus().length)),
  };

  fs.writeFileSync(LOG_FILE, `install of code-server@${CODE_SERVER_VERSION} started ${new Date().toISOString()}\n`);
  log(`installing code-server@${CODE_SERVER_VERSION} (VS Code) into ${path.relative(REPO_ROOT, INSTALL_DIR)}/ (one time, ~30-60 s); log: ${path.relative(REPO_ROOT, LOG_FILE)}`);
  fs.rmSync(INSTALL_DIR, { recursive: true, force: true });
  fs.mkdirSync(INSTALL_DIR, { recursive: true });
  fs.writeFileSync(path.join(INSTALL_DIR, 'package.json'), JSON.stringify({ name: 'sip-trace-e2e-code-server', private: true }, null, 2));

  const npmFlags = ['--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'];
  run('npm install code-server', npm, ['install', ...npmFlags, `code-server@${CODE_SERVER_VERSION}`], INSTALL_DIR);
  if (!fs.existsSync(ENTRY)) throw new StepError('npm install code-server', `${ENTRY} missing after install`);

  run('npm install lib/vscode dependencies', npm, ['install', '--omit=dev', ...npmFlags], VSCODE_DIR);

  for (const mod of NATIVE_MODULES) {
    const dir = path.join(VSCODE_DIR, 'node_modules', mod);
    if (!fs.existsSync(path.join(dir, 'binding.gyp'))) throw new StepError(`node-gyp rebuild ${mod}`, `${dir}/binding.gyp not found`);
    run(`node-gyp rebuild ${mod}`, process.execPath, [nodeGyp, 'rebuild', ...gypArgs, '-j', gypEnv.JOBS], dir, gypEnv);
  }

  const argonDir = path.join(INSTALL_DIR, 'node_modules', 'argon2');
  const preGyp = path.join(INSTALL_DIR, 'node_modules', '@mapbox', 'node-pre-gyp', 'bin', 'node-pre-gyp');
  if (!fs.existsSync(preGyp)) throw new StepError('build argon2', `${preGyp} not found`);
  run('build argon2', process.execPath, [preGyp, 'install', '--build-from-source', ...gypArgs], argonDir, {
    ...gypEnv,
    PATH: `${path.dirname(nodeGyp)}${path.delimiter}${process.env.PATH}`,
  });
  {
    const res = spawnSync(process.execPath, ['-e', 'require(process.argv[1])', argonDir], { encoding: 'utf8' });
    if (res.status !== 0) throw new StepError('build argon2', `argon2 does not load after the build:\n${res.stderr}`);
  }

  {
    const step = 'copy ripgrep';
    const rg = findRipgrep();
    const dest = path.join(VSCODE_DIR, 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg');
    try {
      fs.mkdirSync(path.dirname(dest), { recursive: true });
      fs.copyFileSync(rg, dest);
      fs.chmodSync(dest, 0o755);
    } catch (e) {
      throw new StepError(step, `copying ${rg} to ${dest}: ${e.message}`);
    }
    log(`  ${step}: ok`);
  }

  {
    const step = 'link node_modules.asar';
    const link = path.join(VSCODE_DIR, 'node_modules.asar');
    try {
      fs.rmSync(link, { recursive: true, force: true });
      fs.symlinkSync('node_modules', link);
    } catch (e) {
      throw new StepError(step, e.message);
    }
    log(`  ${step}: ok`);
  }

  // --config keeps code-server from writing ~/.config/code-server/config.yaml.
  const smokeConfig = path.join(INSTALL_DIR, 'smoke-config.yaml');
  fs.writeFileSync(smokeConfig, 'auth: none\n');
  const out = run('smoke check (entry.js --version)', process.execPath, [ENTRY, '--config', smokeConfig, '--version'], INSTALL_DIR);
  const version = (out.split('\n').find((l) => / with Code /.test(l)) || out).trim();
  if (!version.startsWith(CODE_SERVER_VERSION)) {
    throw new StepError('smoke check (entry.js --version)', `expected ${CODE_SERVER_VERSION}, got: ${out.trim()}`);
  }
  fs.writeFileSync(STAMP_FILE, JSON.stringify({ ...wantedStamp(), versionOutput: version, installedAt: new Date().toISOString() }, null, 2) + '\n');
  log(`done in ${((Date.now() - t0) / 1000).toFixed(0)}s: code-server ${version}`);
}

/**
 * Makes sure code-server is installed (idempotent). Returns paths the runner needs.
 * Throws a StepError naming the failing step.
 */
function ensureCodeServer({ force = false } = {}) {
  if (force || !stampMatches()) {
    withLock(() => {
      if (!force && stampMatches()) return; // someone else finished it while we waited
      install();
    });
  }
  return { installDir: INSTALL_DIR, entry: ENTRY, vscodeDir: VSCODE_DIR, version: CODE_SERVER_VERSION };
}

/** True when a matching install is in place (ensureCodeServer() would do nothing). */
function isInstalled() {
  return stampMatches();
}

module.exports = { ensureCodeServer, isInstalled, checkPrerequisites, findChromium, CODE_SERVER_VERSION, INSTALL_DIR, StepError, APT_PACKAGES };

if (require.main === module) {
  const force = process.argv.includes('--force');
  try {
    const wasInstalled = !force && stampMatches();
    const info = ensureCodeServer({ force });
    if (wasInstalled) log(`code-server@${CODE_SERVER_VERSION} already installed in ${path.relative(REPO_ROOT, info.installDir)}/ (stamp ok; --force to reinstall)`);
    const problems = checkPrerequisites({ needBuildTools: false });
    if (problems.length) log(`note: the e2e runner will also need: ${problems.join('\n')}`);
  } catch (e) {
    process.stderr.write(`\n${e.message}\n`);
    process.exit(1);
  }
}
