// Runs a mocha suite inside VS Code's extension host and reports the result.
//
// Used by the `run()` of each e2e test index (suite/index.ts, vsix/index.ts).
// Both launchers call that `run()`:
//   - @vscode/test-electron (runElectron.ts): the promise's rejection becomes
//     the extension host's exit code;
//   - code-server in Chromium (scripts/e2e/run-code-server-tests.js): no exit
//     code comes back through the browser, so the result is written as JSON to
//     $SIP_E2E_RESULTS_DIR and the driver waits for that file.
//
// Files in the results directory (protocol shared with the code-server driver):
//   started.json          written as soon as run() is called
//   shot-NAME.request.json  (screenshot phase) the workbench is ready for a screenshot
//   shot-NAME.done.json     (written by the driver) screenshot taken, or why not
//   result.json           the final result; written last, atomically
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

type MochaCtor = typeof import('mocha');

export interface TestRecord {
  title: string;
  fullTitle: string;
  file?: string;
  durationMs?: number;
  error?: string;
  stack?: string;
  expected?: string;
  actual?: string;
}

export interface SuiteResult {
  suite: string;
  vscodeVersion: string;
  appName: string;
  appHost: string;
  uiKind: string;
  startedAt: string;
  durationMs: number;
  stats: { tests: number; passes: number; failures: number; pending: number };
  /** Every test in run order, with its state. */
  tests: Array<TestRecord & { state: 'passed' | 'failed' | 'pending' }>;
  passes: TestRecord[];
  failures: TestRecord[];
  pending: TestRecord[];
  /** Set when the global timeout stopped the run. */
  timedOut: boolean;
  /** Screenshot phase (code-server driver only): names taken, and errors. */
  screenshots: { taken: string[]; errors: string[] };
}

export interface RunOptions {
  /** Name shown in the report, e.g. "extension" or "vsix-smoke". */
  name: string;
  /** Directory holding the compiled `*.test.js` files. */
  testsDir: string;
  /** Per-test timeout (a test that waits for an event that never comes). */
  testTimeoutMs?: number;
  /** Whole-suite timeout; after it the run is aborted and reported as failed. */
  suiteTimeoutMs?: number;
  /** Called after the tests when the driver asked for screenshots ($SIP_E2E_SCREENSHOTS=1). */
  screenshots?: (shoot: ShootFn) => Promise<void>;
}

/**
 * Asks the driver for a screenshot of the workbench as it is now and waits
 * until it was taken. `waitForSelector` is a CSS selector the driver waits
 * to be visible first (e.g. '.monaco-hover').
 */
export type ShootFn = (
  name: string,
  opts?: {
    /** A class the `.monaco-workbench` element must have (e.g. the theme's). */
    workbenchClass?: string;
    /** CSS selectors the driver clicks first, in order, for what no command does (e.g. collapse a pane by its header). */
    click?: string[];
    /** CSS selector that must be visible before the picture. */
    waitForSelector?: string;
    /** Text the visible element must contain (e.g. the hover's reason phrase). */
    hoverText?: string;
    /** If the element does not show up, the driver moves the mouse over this token on this line (startsWith) and waits again. */
    hoverLine?: string;
    hoverToken?: string;
  },
) => Promise<void>;

export function resultsDir(): string {
  // out/test/e2e/ -> repo root/test-results/e2e when no driver set it.
  return process.env.SIP_E2E_RESULTS_DIR || path.resolve(__dirname, '..', '..', '..', 'test-results', 'e2e');
}

function writeJsonAtomic(file: string, data: unknown): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(data, null, 2) + '\n');
  fs.renameSync(tmp, file);
}

function loadMocha(): MochaCtor {
  // Mocha 12's main entry is ESM; its CommonJS build loads on every Node an
  // extension host may run on (desktop VS Code's Electron included).
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('mocha/lib/mocha.cjs') as MochaCtor;
  } catch {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const m = require('mocha');
    return (m.default ?? m) as MochaCtor;
  }
}

function errorText(err: unknown): { error: string; stack?: string; expected?: string; actual?: string } {
  if (err && typeof err === 'object') {
    const e = err as { message?: unknown; stack?: unknown; expected?: unknown; actual?: unknown; showDiff?: boolean };
    const out: { error: string; stack?: string; expected?: string; actual?: string } = {
      error: String(e.message ?? err),
      stack: typeof e.stack === 'string' ? e.stack : undefined,
    };
    if (e.showDiff !== false && (e.expected !== undefined || e.actual !== undefined)) {
      out.expected = safeStringify(e.expected);
      out.actual = safeStringify(e.actual);
    }
    return out;
  }
  return { error: String(err) };
}

function safeStringify(v: unknown): string {
  try {
    const s = typeof v === 'string' ? v : JSON.stringify(v, null, 2);
    return s === undefined ? String(v) : s.length > 4000 ? s.slice(0, 4000) + '…' : s;
  } catch {
    return String(v);
  }
}

/** Waits until `file` exists (fs.watch on its directory, with a slow re-check as a safety net). */
function waitForFile(file: string, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (ok: boolean) => {
      if (done) return;
      done = true;
      clearInterval(poll);
      clearTimeout(timer);
      watcher?.close();
      resolve(ok);
    };
    let watcher: fs.FSWatcher | undefined;
    try {
      watcher = fs.watch(path.dirname(file), () => {
        if (fs.existsSync(file)) finish(true);
      });
    } catch {
      watcher = undefined;
    }
    const poll = setInterval(() => {
      if (fs.existsSync(file)) finish(true);
    }, 500);
    const timer = setTimeout(() => finish(fs.existsSync(file)), timeoutMs);
    if (fs.existsSync(file)) finish(true);
  });
}

function makeShoot(dir: string, result: SuiteResult): ShootFn {
  return async (name, opts = {}) => {
    const safe = name.replace(/[^a-zA-Z0-9_-]/g, '-');
    const request = path.join(dir, `shot-${safe}.request.json`);
    const done = path.join(dir, `shot-${safe}.done.json`);
    writeJsonAtomic(request, { name: safe, ...opts, at: new Date().toISOString() });
    // The driver answers within seconds; 60 s covers a slow machine.
    if (!(await waitForFile(done, 60_000))) {
      result.screenshots.errors.push(`${safe}: the driver did not answer the screenshot request`);
      return;
    }
    const answer = JSON.parse(fs.readFileSync(done, 'utf8')) as { ok: boolean; error?: string };
    if (answer.ok) result.screenshots.taken.push(safe);
    else result.screenshots.errors.push(`${safe}: ${answer.error ?? 'failed'}`);
  };
}

export async function runSuite(opts: RunOptions): Promise<void> {
  const dir = resultsDir();
  fs.mkdirSync(dir, { recursive: true });
  const started = Date.now();
  writeJsonAtomic(path.join(dir, 'started.json'), {
    suite: opts.name,
    pid: process.pid,
    node: process.version,
    vscodeVersion: vscode.version,
    at: new Date(started).toISOString(),
    // The driver warns when its user settings did not reach this VS Code.
    workspaceTrustEnabled: vscode.workspace.getConfiguration('security.workspace.trust').get('enabled'),
    colorTheme: vscode.workspace.getConfiguration('workbench').get('colorTheme'),
  });

  const result: SuiteResult = {
    suite: opts.name,
    vscodeVersion: vscode.version,
    appName: vscode.env.appName,
    appHost: vscode.env.appHost,
    uiKind: vscode.UIKind[vscode.env.uiKind] ?? String(vscode.env.uiKind),
    startedAt: new Date(started).toISOString(),
    durationMs: 0,
    stats: { tests: 0, passes: 0, failures: 0, pending: 0 },
    tests: [],
    passes: [],
    failures: [],
    pending: [],
    timedOut: false,
    screenshots: { taken: [], errors: [] },
  };

  const Mocha = loadMocha();
  const mocha = new Mocha({
    ui: 'tdd',
    color: false,
    reporter: 'spec',
    timeout: opts.testTimeoutMs ?? 30_000,
  });
  const files = fs
    .readdirSync(opts.testsDir)
    .filter((f) => f.endsWith('.test.js'))
    .sort()
    .map((f) => path.join(opts.testsDir, f));
  for (const f of files) mocha.addFile(f);

  const record = (t: Mocha.Runnable, err?: unknown): TestRecord => ({
    title: t.title,
    fullTitle: t.fullTitle(),
    file: t.file ? path.basename(t.file) : undefined,
    durationMs: t.duration,
    ...(err === undefined ? {} : errorText(err)),
  });

  const suiteTimeoutMs = opts.suiteTimeoutMs ?? Number(process.env.SIP_E2E_SUITE_TIMEOUT_MS || 150_000);
  try {
    await new Promise<void>((resolve) => {
      let runner: Mocha.Runner | undefined;
      const timer = setTimeout(() => {
        result.timedOut = true;
        result.failures.push({
          title: 'global timeout',
          fullTitle: `suite "${opts.name}" did not finish within ${suiteTimeoutMs} ms`,
          error: `suite "${opts.name}" did not finish within ${suiteTimeoutMs} ms; aborted`,
        });
        runner?.abort();
        resolve();
      }, suiteTimeoutMs);
      try {
        runner = mocha.run(() => {
          clearTimeout(timer);
          resolve();
        });
      } catch (err) {
        // A test file that throws while loading.
        clearTimeout(timer);
        result.failures.push({ title: 'load', fullTitle: 'loading the test files', ...errorText(err) });
        resolve();
        return;
      }
      const add = (list: TestRecord[], state: 'passed' | 'failed' | 'pending', r: TestRecord) => {
        list.push(r);
        result.tests.push({ ...r, state });
      };
      runner.on('pass', (t) => add(result.passes, 'passed', record(t)));
      runner.on('fail', (t, err) => add(result.failures, 'failed', record(t, err)));
      runner.on('pending', (t) => add(result.pending, 'pending', record(t)));
    });
  } catch (err) {
    result.failures.push({ title: 'runner', fullTitle: 'running mocha', ...errorText(err) });
  }

  if (files.length === 0) {
    result.failures.push({ title: 'no tests', fullTitle: `no *.test.js files in ${opts.testsDir}`, error: `no *.test.js files in ${opts.testsDir}` });
  }

  if (opts.screenshots && process.env.SIP_E2E_SCREENSHOTS === '1' && !result.timedOut) {
    try {
      await opts.screenshots(makeShoot(dir, result));
    } catch (err) {
      result.screenshots.errors.push(`screenshot scenario: ${errorText(err).error}`);
    }
  }

  result.stats = {
    tests: result.passes.length + result.failures.length + result.pending.length,
    passes: result.passes.length,
    failures: result.failures.length,
    pending: result.pending.length,
  };
  result.durationMs = Date.now() - started;
  writeJsonAtomic(path.join(dir, 'result.json'), result);
  mocha.dispose();

  // For @vscode/test-electron the rejection becomes the exit code.
  if (result.failures.length > 0) {
    throw new Error(`${result.failures.length} of ${result.stats.tests} e2e test(s) failed`);
  }
}
