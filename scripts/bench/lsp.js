'use strict';
/**
 * The language server under load: spawns the shipped bundle
 * (`dist/server.js --stdio`), talks JSON-RPC to it with `vscode-jsonrpc` (as
 * VS Code's client does), opens a large trace and measures what a user feels:
 *   - open: didOpen sent -> first publishDiagnostics (transport, parse, rules, positions);
 *   - hover latency over many random positions (p50 / p99 / max);
 *   - a one-character edit -> the next publishDiagnostics for that version
 *     (includes the server's change debounce);
 *   - a hover sent right after an edit (is it stuck behind the re-parse?);
 *   - the server's resident memory after open (VmRSS / VmHWM from /proc).
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-jsonrpc/node');
const { ROOT, need } = require('./core');
const { createRandom } = require('./prng');
const { nowMs, summarize } = require('./stats');

const WAIT_LIMIT_MS = 120_000;
const URI = 'file:///bench/large-trace.sip';

class BenchClient {
  constructor(child, connection) {
    this.child = child;
    this.connection = connection;
    this.waiters = [];
    this.statusWaiters = [];
    this.stderr = '';
  }

  static async start() {
    const server = need(path.join(ROOT, 'dist', 'server.js'));
    // SIP_BENCH_SERVER_ARGS passes node flags to the server (e.g. `--cpu-prof --cpu-prof-dir=DIR` to profile it).
    // The server runs with the node flags the VS Code client gives it (server/src/launch.ts).
    const flags = [...serverNodeFlags(), ...(process.env.SIP_BENCH_SERVER_ARGS ? process.env.SIP_BENCH_SERVER_ARGS.split(' ') : [])];
    const child = spawn(process.execPath, [...flags, server, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new BenchClient(child, connection);
    child.stderr.on('data', (d) => {
      if (client.stderr.length < 10_000) client.stderr += d;
    });
    connection.onRequest('workspace/configuration', (params) => params.items.map(() => ({})));
    // Anything else the server asks (registrations, progress): accept.
    connection.onRequest(() => null);
    connection.onNotification('textDocument/publishDiagnostics', (p) => client.settle(p));
    // Sent once a version's validation is complete, conversation-level rules included.
    connection.onNotification('sip/traceStatus', (p) => client.settleStatus(p));
    connection.onNotification(() => undefined);
    connection.listen();
    await withLimit(connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
        // As VS Code's client says them (its folding limit is editor.foldingMaximumRegions).
        textDocument: { publishDiagnostics: { versionSupport: true }, hover: { contentFormat: ['markdown'] }, foldingRange: { rangeLimit: 5000, lineFoldingOnly: true } },
      },
    }), 'initialize');
    await connection.sendNotification('initialized', {});
    return client;
  }

  settle(params) {
    const i = this.waiters.findIndex((w) => w.match(params));
    if (i === -1) return;
    const [w] = this.waiters.splice(i, 1);
    w.resolve({ at: nowMs(), params });
  }

  settleStatus(params) {
    const i = this.statusWaiters.findIndex((w) => w.uri === params.uri);
    if (i === -1) return;
    const [w] = this.statusWaiters.splice(i, 1);
    w.resolve({ at: nowMs(), params });
  }

  /** Resolves when the server reports a document fully validated (its `sip/traceStatus` notification). */
  nextStatus(uri) {
    return withLimit(new Promise((resolve) => this.statusWaiters.push({ uri, resolve })), `trace status for ${uri}`);
  }

  /** Resolves with the first publishDiagnostics for `uri` (and `version`, when the server sends versions) from now on. */
  nextDiagnostics(uri, version) {
    return withLimit(new Promise((resolve) => {
      this.waiters.push({ match: (p) => p.uri === uri && (version === undefined || p.version === undefined || p.version === version), resolve });
    }), `diagnostics for ${uri} v${version}`);
  }

  open(uri, text) {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'sip', version: 1, text } });
  }

  change(uri, version, range, text) {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
  }

  request(method, params) {
    return withLimit(this.connection.sendRequest(method, params), method);
  }

  hover(uri, line, character) {
    return withLimit(this.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } }), 'hover');
  }

  /**
   * Minor page faults of the server so far (/proc/PID/stat field 10): each is
   * a first touch of a fresh page, which the memory probe prices.
   */
  faults() {
    try {
      const stat = fs.readFileSync(`/proc/${this.child.pid}/stat`, 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[7]);
    } catch {
      return null;
    }
  }

  memory() {
    try {
      const status = fs.readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
      const kb = (key) => {
        const m = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status);
        return m ? (Number(m[1]) * 1024) / 1e6 : null;
      };
      return { rssMB: kb('VmRSS'), peakRssMB: kb('VmHWM') };
    } catch {
      return { rssMB: null, peakRssMB: null };
    }
  }

  async stop() {
    try {
      await withLimit(this.connection.sendRequest('shutdown'), 'shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // Killed below.
    } finally {
      this.connection.dispose();
      if (this.child.exitCode === null) {
        await new Promise((resolve) => {
          const timer = setTimeout(() => {
            this.child.kill('SIGKILL');
            resolve();
          }, 3000);
          this.child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
    }
  }
}

function withLimit(promise, what) {
  let timer;
  const limit = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from the server for ${what} within ${WAIT_LIMIT_MS} ms`)), WAIT_LIMIT_MS);
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

function lineStarts(text) {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function positionOf(starts, offset) {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - starts[lo] };
}

/** Node flags the VS Code client starts the server with (compiled by `tsc -b` from server/src/launch.ts). */
function serverNodeFlags() {
  return require(need(path.join(ROOT, 'out', 'server', 'src', 'launch.js'))).SERVER_NODE_FLAGS;
}

/** A timing constant of the server (`CHANGE_DEBOUNCE_MS`, `BURST_GAP_MS`), as written in its source. */
function serverConstant(name) {
  try {
    const m = new RegExp(`${name}\\s*=\\s*(\\d+)`).exec(fs.readFileSync(path.join(ROOT, 'server', 'src', 'server.ts'), 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/** The server's change debounce within a burst of edits (for the report only). */
function serverDebounceMs() {
  return serverConstant('CHANGE_DEBOUNCE_MS');
}

/**
 * @param text the trace to open
 * @param options { hovers, edits, seed, log }
 */
async function runLsp(text, { hovers, edits, seed, log }) {
  const rnd = createRandom(seed ^ 0x5eed);
  const starts = lineStarts(text);
  const lineLength = (line) => {
    const end = line + 1 < starts.length ? starts[line + 1] - 1 : text.length;
    return Math.max(0, end - starts[line] - (text.charCodeAt(end - 1) === 13 ? 1 : 0));
  };
  const client = await BenchClient.start();
  const result = { textBytes: text.length, lines: starts.length, debounceMs: serverDebounceMs(), notes: [] };
  try {
    const idle = client.memory();
    result.idleRssMB = idle.rssMB;

    // Open.
    log(`  LSP: opening a ${(text.length / 1e6).toFixed(1)} MB document`);
    const opened = client.nextDiagnostics(URI, 1);
    const validated = client.nextStatus(URI);
    const faults0 = client.faults();
    const t0 = nowMs();
    await client.open(URI, text);
    const sent = nowMs();
    const first = await opened;
    const full = await validated;
    result.openToDiagnosticsMs = first.at - t0;
    result.openToFullMs = Math.max(first.at, full.at) - t0;
    result.openSendMs = sent - t0;
    result.openFaults = faults0 === null ? null : client.faults() - faults0;
    result.openDiagnostics = first.params.diagnostics.length;
    result.openFullDiagnostics = full.params.problemCount;
    Object.assign(result, prefix('afterOpen', client.memory()));

    // Hovers at random positions (the first one may build the document's line table).
    log(`  LSP: ${hovers} hovers`);
    const times = [];
    let answered = 0;
    for (let i = 0; i < hovers; i++) {
      const line = rnd.int(0, starts.length - 1);
      const character = rnd.int(0, lineLength(line));
      const h0 = nowMs();
      const hover = await client.hover(URI, line, character);
      times.push(nowMs() - h0);
      if (hover) answered++;
    }
    result.hover = { ...summarize(times), first: times[0], answered, asked: hovers };

    // One-character edits in the middle of the document: a harmless digit
    // change, then breaking a header (its colon becomes a space), then
    // restoring it; each waits for the diagnostics of its version.
    const middle = text.indexOf('\r\nMax-Forwards: 70\r\n', Math.floor(text.length / 2));
    if (middle === -1) throw new Error('no Max-Forwards header in the second half of the trace');
    const digit = middle + '\r\nMax-Forwards: 7'.length;
    const colon = middle + '\r\nMax-Forwards'.length;
    const plan = [
      { at: digit, text: '1', what: 'digit' },
      { at: colon, text: ' ', what: 'break' },
      { at: colon, text: ':', what: 'restore' },
      { at: digit, text: '0', what: 'digit' },
    ];
    // First one edit at a time, as a user makes one: each after the server
    // finished the previous one (conversation rules included) and a pause
    // longer than its burst gap, so no debounce applies. Then the same edits
    // back to back, as in typing, where the server debounces.
    const quietMs = (serverConstant('BURST_GAP_MS') ?? 250) + 50;
    const editTimes = [];
    const editFaults = [];
    const counts = [];
    let version = 1;
    for (let i = 0; i < edits; i++) {
      const step = plan[i % plan.length];
      const pos = positionOf(starts, step.at);
      version++;
      const next = client.nextDiagnostics(URI, version);
      const settled = client.nextStatus(URI);
      const f0 = client.faults();
      const e0 = nowMs();
      await client.change(URI, version, { start: pos, end: { line: pos.line, character: pos.character + 1 } }, step.text);
      const published = await next;
      editTimes.push(published.at - e0);
      if (f0 !== null) editFaults.push(client.faults() - f0);
      counts.push({ what: step.what, diagnostics: published.params.diagnostics.length });
      await settled;
      await new Promise((resolve) => setTimeout(resolve, quietMs));
    }
    result.edit = { ...summarize(editTimes), runs: editTimes, counts, quietMs, faults: editFaults.length ? summarize(editFaults).median : null };
    const burstTimes = [];
    for (let i = 0; i < edits; i++) {
      const step = plan[i % plan.length];
      const pos = positionOf(starts, step.at);
      version++;
      const next = client.nextDiagnostics(URI, version);
      const e0 = nowMs();
      await client.change(URI, version, { start: pos, end: { line: pos.line, character: pos.character + 1 } }, step.text);
      burstTimes.push((await next).at - e0);
    }
    result.editBurst = { ...summarize(burstTimes), runs: burstTimes };
    const broken = counts.find((c) => c.what === 'break');
    if (broken && broken.diagnostics <= result.openDiagnostics) {
      result.notes.push(`breaking a header colon did not add a diagnostic (${result.openDiagnostics} -> ${broken.diagnostics})`);
    }

    // A hover right after an edit: does it wait for the new version's parse?
    const afterEditTimes = [];
    for (let i = 0; i < Math.min(2, edits); i++) {
      const step = plan[(i * 2) % plan.length];
      const pos = positionOf(starts, step.at);
      version++;
      const next = client.nextDiagnostics(URI, version);
      await client.change(URI, version, { start: pos, end: { line: pos.line, character: pos.character + 1 } }, step.text === '1' ? '2' : step.text);
      const target = positionOf(starts, rnd.int(0, text.length - 1));
      const h0 = nowMs();
      await client.hover(URI, target.line, target.character);
      afterEditTimes.push(nowMs() - h0);
      await next;
    }
    result.hoverAfterEdit = summarize(afterEditTimes);

    /** Hovers at random positions, back to back, until `done()`: their times. */
    const hoversUntil = async (done) => {
      const times = [];
      while (!done()) {
        const target = positionOf(starts, rnd.int(0, text.length - 1));
        const h0 = nowMs();
        await client.hover(URI, target.line, target.character);
        times.push(nowMs() - h0);
      }
      return times;
    };

    // Hovers while the conversation-level rules run after an edit: what the
    // messages say is published first; the rules over the whole trace run
    // once editing pauses (TRACE_RULES_AFTER_MS). A user who stopped typing
    // and hovers then: is the answer stuck behind those rules?
    {
      // The previous edit's own rules first, so that their status is not taken for this one's.
      await Promise.race([client.nextStatus(URI), new Promise((resolve) => setTimeout(resolve, 2000))]);
      const step = plan[0];
      const pos = positionOf(starts, step.at);
      version++;
      const next = client.nextDiagnostics(URI, version);
      let full = false;
      const settled = client.nextStatus(URI).then(() => (full = true));
      await client.change(URI, version, { start: pos, end: { line: pos.line, character: pos.character + 1 } }, step.text === '1' ? '2' : step.text);
      await next;
      const times = await hoversUntil(() => full);
      await settled;
      result.hoverDuringTraceRules = { ...summarize(times), count: times.length };
    }

    // Hovers while the idle full-parse check runs: once editing pauses, the
    // server parses the whole document again to confirm its incremental
    // model. A user who paused to read hovers then: is the answer stuck?
    const verifyAfterMs = serverConstant('VERIFY_AFTER_IDLE_MS');
    if (verifyAfterMs !== null) {
      const idleStart = nowMs();
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, verifyAfterMs - 200)));
      const duringTimes = await hoversUntil(() => nowMs() - idleStart >= verifyAfterMs + 2000);
      result.hoverDuringCheck = { ...summarize(duringTimes), count: duringTimes.length };
    }
    Object.assign(result, prefix('end', client.memory()));
  } finally {
    await client.stop();
    if (client.stderr.trim()) result.notes.push(`server stderr: ${client.stderr.trim().slice(0, 500)}`);
  }
  log('  LSP: the open again, in a fresh server, with the requests an editor sends');
  result.editorOpen = await openLikeAnEditor(text);
  return result;
}

/**
 * The open as an editor makes it, in a fresh server: VS Code asks for the
 * outline (breadcrumbs), folding, code lenses and the inlay hints of the
 * visible lines as soon as a document shows, and the server answers them
 * between its validation steps. Time to full diagnostics then, and to each
 * answer (with its size: the folding ranges of a 50 MB trace are a big reply).
 */
async function openLikeAnEditor(text) {
  const client = await BenchClient.start();
  try {
    const validated = client.nextStatus(URI);
    const t0 = nowMs();
    await client.open(URI, text);
    const doc = { textDocument: { uri: URI } };
    const timed = (method, params) => client.request(method, params).then((answer) => ({
      method, ms: nowMs() - t0, items: Array.isArray(answer) ? answer.length : answer ? 1 : 0, bytes: JSON.stringify(answer ?? null).length,
    }));
    const answers = Promise.all([
      timed('textDocument/documentSymbol', doc),
      timed('textDocument/foldingRange', doc),
      timed('textDocument/codeLens', doc),
      timed('textDocument/inlayHint', { ...doc, range: { start: { line: 0, character: 0 }, end: { line: 80, character: 0 } } }),
    ]);
    const full = await validated;
    return { fullMs: full.at - t0, requests: await answers };
  } finally {
    await client.stop();
  }
}

function prefix(name, memory) {
  return { [`${name}RssMB`]: memory.rssMB, [`${name}PeakRssMB`]: memory.peakRssMB };
}

/**
 * Runs `runLsp` in a child process of its own, on the trace in `file`. The
 * benchmark's earlier sections leave a large heap in this process; the client
 * of an editor does not carry that, and a client slowed by its own garbage
 * collection (writing the 50 MB didOpen, reading replies, on the same two
 * cores as the server) would be timed as if the server were slow.
 */
function runLspInOwnProcess(file, { hovers, edits, seed, log }) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [__filename, file, String(hovers), String(edits), String(seed)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => {
      err += d;
      const lines = err.split('\n');
      err = lines.pop();
      for (const line of lines) log(line);
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (err) log(err);
      if (code !== 0) return reject(new Error(`LSP benchmark process exited with ${signal ?? `code ${code}`}`));
      try {
        resolve(JSON.parse(out));
      } catch (error) {
        reject(new Error(`LSP benchmark process printed no JSON: ${error.message}`));
      }
    });
  });
}

module.exports = { runLsp, runLspInOwnProcess, BenchClient };

// Child entry: node scripts/bench/lsp.js FILE HOVERS EDITS SEED -> one JSON object on stdout.
if (require.main === module) {
  const [file, hovers, edits, seed] = process.argv.slice(2);
  const text = fs.readFileSync(file, 'latin1');
  runLsp(text, { hovers: Number(hovers), edits: Number(edits), seed: Number(seed), log: (s) => process.stderr.write(s + '\n') }).then(
    (result) => process.stdout.write(JSON.stringify(result) + '\n'),
    (error) => {
      process.stderr.write(`${error.stack || error}\n`);
      process.exitCode = 1;
    },
  );
}
