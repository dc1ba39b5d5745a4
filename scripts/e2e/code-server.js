// Running code-server (= VS Code 1.100.3, installed by install-code-server.js)
// on this machine: the pieces the e2e launcher (run-code-server-tests.js) and
// `npm start` (scripts/start.js) share.
//
// - a free loopback port, and an HTTP probe;
// - a private set of directories (user data with our user settings,
//   extensions, XDG dirs, config file) so code-server touches nothing in $HOME;
// - the environment: no extension gallery (EXTENSIONS_GALLERY={}), no
//   inherited passwords or proxy settings;
// - start (own process group, output to a log file), wait for /healthz, and
//   stop the whole group (SIGTERM, then SIGKILL after a grace period);
// - install a .vsix into the extensions dir.
'use strict';

const fs = require('fs');
const net = require('net');
const path = require('path');
const http = require('http');
const { spawn, spawnSync } = require('child_process');

const delay = (ms) => new Promise((r) => setTimeout(r, ms));

/** A port on 127.0.0.1 that was free a moment ago. */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** True when nothing listens on 127.0.0.1:port (for a port the user asked for). */
function portIsFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/** The HTTP status of a GET, or 0 when nothing answers within 2 s. */
function httpStatus(url) {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('error', () => resolve(0));
    req.on('timeout', () => {
      req.destroy();
      resolve(0);
    });
  });
}

/** The last lines of a log file, for error messages. */
function tail(file, lines = 40) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** A `vscode-remote://` URI for a path on the code-server machine. */
function remoteUri(port, absPath) {
  return `vscode-remote://127.0.0.1:${port}${absPath.split(path.sep).join('/')}`;
}

/**
 * User settings for a quiet, offline VS Code: workspace trust off (its dialog
 * would block the tests), no telemetry, updates, tips, experiments or git
 * prompts. `overrides` adds or replaces keys.
 */
function userSettings(overrides = {}) {
  return {
    'security.workspace.trust.enabled': false,
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'workbench.enableExperiments': false,
    'workbench.colorTheme': 'Default Dark Modern',
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'window.restoreWindows': 'none',
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'update.showReleaseNotes': false,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'git.enabled': false,
    'git.autoRepositoryDetection': false,
    'git.openRepositoryInParentFolders': 'never',
    'npm.autoDetect': 'off',
    'typescript.disableAutomaticTypeAcquisition': true,
    'chat.commandCenter.enabled': false,
    'files.autoSave': 'off',
    'editor.hover.delay': 200,
    ...overrides,
  };
}

/**
 * Creates code-server's private directories under `root` (which must exist):
 * user data with `settings` as the user settings, extensions, XDG dirs and a
 * config file (auth none, no TLS). Returns their paths.
 */
function prepareServerDirs(root, settings = userSettings()) {
  const dirs = {
    root,
    userData: path.join(root, 'user-data'),
    extensions: path.join(root, 'extensions'),
    xdg: path.join(root, 'xdg'),
    config: path.join(root, 'code-server.yaml'),
  };
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(dirs.userData, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  fs.mkdirSync(dirs.extensions, { recursive: true });
  fs.mkdirSync(dirs.xdg, { recursive: true });
  // --config keeps code-server from reading or writing ~/.config/code-server/config.yaml.
  fs.writeFileSync(dirs.config, 'auth: none\ncert: false\n');
  return dirs;
}

/** The environment code-server (and so the extension host) runs with. */
function codeServerEnv(dirs, extra = {}) {
  const env = {
    ...process.env,
    // Keep code-server from touching ~/.config, ~/.local/share, ~/.cache.
    XDG_CONFIG_HOME: path.join(dirs.xdg, 'config'),
    XDG_DATA_HOME: path.join(dirs.xdg, 'data'),
    XDG_CACHE_HOME: path.join(dirs.xdg, 'cache'),
    // No extension gallery: the workbench would query open-vsx.org (no network here, and not wanted).
    EXTENSIONS_GALLERY: '{}',
    ...extra,
  };
  // Not for code-server or the extension host: PORT and CODE_SERVER_HOST
  // would override --bind-addr, and the VSCODE_* / CODE_SERVER_* variables of
  // an outer VS Code or code-server (when run from its terminal) would make
  // this one talk to that one.
  for (const k of ['PASSWORD', 'HASHED_PASSWORD', 'GITHUB_TOKEN', 'ELECTRON_RUN_AS_NODE', 'PORT']) delete env[k];
  for (const k of Object.keys(env)) if ((k.startsWith('VSCODE_') || k.startsWith('CODE_SERVER_')) && !(k in extra)) delete env[k];
  return env;
}

function commonServerArgs(dirs) {
  return ['--config', dirs.config, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--disable-telemetry', '--disable-update-check'];
}

/**
 * `code-server --install-extension vsix` into dirs.extensions. Writes the
 * output to `logFile`; throws with that output when the install failed.
 */
function installVsix(cs, dirs, vsix, logFile) {
  const res = spawnSync(process.execPath, [cs.entry, ...commonServerArgs(dirs), '--install-extension', vsix], {
    cwd: dirs.root,
    env: codeServerEnv(dirs),
    encoding: 'utf8',
    timeout: 180_000,
  });
  const out = `${res.stdout || ''}${res.stderr || ''}`;
  if (logFile) fs.writeFileSync(logFile, out);
  if (res.error || res.status !== 0 || !/successfully installed/i.test(out)) {
    throw new Error(`code-server --install-extension ${vsix} failed (${res.error ? res.error.message : `exit ${res.status}`}):\n${out.trim()}`);
  }
  return out;
}

/**
 * Starts code-server on 127.0.0.1:port with `folder` open, in its own process
 * group (so a Ctrl-C in the terminal reaches only our handler, which stops the
 * whole group), output to `logFile`. Returns the ChildProcess; use
 * waitUntilReady() next.
 */
function startCodeServer(cs, dirs, { port, folder, logFile, env = codeServerEnv(dirs) }) {
  const out = fs.openSync(logFile, 'w');
  const args = [
    cs.entry,
    ...commonServerArgs(dirs),
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    folder,
  ];
  try {
    return spawn(process.execPath, args, { cwd: dirs.root, env, stdio: ['ignore', out, out], detached: true });
  } finally {
    fs.closeSync(out);
  }
}

/** Resolves once /healthz answers 200; rejects when `child` exits first or after `timeoutMs`. */
async function waitUntilReady(child, port, logFile, timeoutMs = 60_000) {
  let exited;
  const onExit = (code, signal) => {
    exited = signal ? `signal ${signal}` : `exit code ${code}`;
  };
  child.once('exit', onExit);
  try {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (exited) throw new Error(`code-server exited during start-up (${exited}); its log (${logFile}) ends:\n${tail(logFile)}`);
      if ((await httpStatus(`http://127.0.0.1:${port}/healthz`)) === 200) return;
      await delay(250);
    }
    throw new Error(`code-server did not answer /healthz on 127.0.0.1:${port} within ${timeoutMs / 1000} s; its log (${logFile}) ends:\n${tail(logFile)}`);
  } finally {
    child.off('exit', onExit);
  }
}

function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Stops code-server and everything it started (extension host, language
 * server, pty host, watchers): SIGTERM to its process group, SIGKILL to
 * whatever is left after `graceMs`. `log` receives a note when it had to kill.
 */
async function stopCodeServer(child, { graceMs = 5000, log = () => undefined } = {}) {
  if (!child || child.pid === undefined) return;
  const pid = child.pid;
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    return; // already gone
  }
  for (let waited = 0; waited < graceMs && groupAlive(pid); waited += 100) await delay(100);
  if (groupAlive(pid)) {
    log(`code-server did not stop on SIGTERM within ${graceMs / 1000} s; killing its process group`);
    killNow(child);
  }
}

/** Synchronous last resort (for process.on('exit')): SIGKILL to the group. */
function killNow(child) {
  if (!child || child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    /* gone */
  }
}

module.exports = {
  delay,
  freePort,
  portIsFree,
  httpStatus,
  tail,
  remoteUri,
  userSettings,
  prepareServerDirs,
  codeServerEnv,
  installVsix,
  startCodeServer,
  waitUntilReady,
  stopCodeServer,
  killNow,
};
