#!/usr/bin/env node
'use strict';
/**
 * `npm run bench`: how fast the SIP Trace core, CLI and language server are,
 * against the npm SIP parsers, on a deterministic synthetic trace; and which
 * targets of issue 10 a run meets. A benchmark, not a test: it asserts
 * nothing about time, it reports.
 *
 * Sections (see scripts/bench/): throughput (in-process, interleaved rounds),
 * process (whole `sip-trace check` vs a drachtio-sip script), lsp (the
 * server bundle over stdio), memory (model size, CLI peak RSS), big (the CLI
 * on 500 MB), grammar (TextMate tokenization of the corpus).
 *
 * Needs the compiled core (`out/`) and bundles (`dist/`): `npm run compile`.
 * Progress goes to stderr; the report (tables, or JSON with --json) to stdout.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { parseArgs, USAGE } = require('./bench/args');
const { ROOT, getGc, loadCore, loadPeers, readVersion } = require('./bench/core');
const { writeTraceFile } = require('./bench/generate');
const { runThroughput } = require('./bench/throughput');
const { compareProcesses, cliOnLargeFile, runNode } = require('./bench/processes');
const { runLspInOwnProcess } = require('./bench/lsp');
const { runGrammar } = require('./bench/grammar');
const { topFunctions } = require('./bench/cpuprofileTop');
const { evaluateTargets } = require('./bench/targets');
const { fmtMB, fmtMs, fmtNum, fmtRate, nowMs, table } = require('./bench/stats');

async function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`bench: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const log = (s) => process.stderr.write(s + '\n');
  const started = nowMs();
  const core = loadCore();
  const peers = loadPeers();
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sip-trace-bench-'));
  const report = { meta: meta(options, core, peers) };
  const has = (s) => options.sections.has(s);
  const traceFile = (bytes, name) => {
    const file = path.join(workDir, name);
    if (!fs.existsSync(file)) {
      log(`writing ${name} (${(bytes / 1e6).toFixed(0)} MB, seed ${options.seed})`);
      writeTraceFile(file, { seed: options.seed, bytes, format: 'raw' });
    }
    return file;
  };
  const guarded = async (name, work) => {
    try {
      return await work();
    } catch (error) {
      log(`${name} failed: ${error.stack || error}`);
      return { error: String(error.message || error) };
    }
  };

  try {
    if (has('throughput')) {
      log('throughput: ours vs drachtio-sip and sip, in one process');
      report.throughput = await runThroughput(core, peers, {
        seed: options.seed, messages: options.messages, bytes: options.bytes, formats: options.formats, rounds: options.rounds, wrappedRules: options.wrappedRules, log,
      });
    }

    if (has('process')) {
      log('process: sip-trace check vs a drachtio-sip script');
      const file = traceFile(options.processBytes, `process-${(options.processBytes / 1e6).toFixed(0)}mb.sip`);
      report.processes = compareProcesses(file, { runs: options.processRuns, workDir, log });
    }

    if (has('memory')) {
      log('memory: model size and CLI peak RSS');
      report.memory = await guarded('memory', () => modelMemory(options.lspBytes, options.seed, workDir));
      report.cliLarge = [];
      const sizes = [...new Set([options.processBytes, options.lspBytes])].sort((a, b) => a - b);
      for (const bytes of sizes) report.cliLarge.push(await cliOnLargeFile(traceFile(bytes, `cli-${(bytes / 1e6).toFixed(0)}mb.sip`)));
    }

    if (has('lsp')) {
      log('lsp: dist/server.js --stdio');
      const file = traceFile(options.lspBytes, `lsp-${(options.lspBytes / 1e6).toFixed(0)}mb.sip`);
      // In a process of its own: see runLspInOwnProcess. This process, idle meanwhile, first
      // collects what the earlier sections left: left to V8, that collection came in the middle of
      // the server's edits (on the same two cores), and a full run timed edits that a run of this
      // section alone did not see.
      const gc = getGc();
      for (let i = 0; i < 3; i++) gc();
      report.lsp = await guarded('lsp', () => runLspInOwnProcess(file, { hovers: options.hovers, edits: options.edits, seed: options.seed, log }));
    }

    if (has('big')) {
      log(`big: sip-trace check on ${(options.bigBytes / 1e6).toFixed(0)} MB`);
      const file = traceFile(options.bigBytes, `big-${(options.bigBytes / 1e6).toFixed(0)}mb.sip`);
      report.cliLarge = report.cliLarge || [];
      report.cliLarge.push(await cliOnLargeFile(file, { rssCapMB: options.bigRssCapMB }));
      if (!options.keep) fs.rmSync(file, { force: true });
    }

    if (has('grammar')) {
      log('grammar: tokenizing the corpus');
      report.grammar = await guarded('grammar', () => runGrammar({ grammarPath: options.grammar, corpusDir: options.corpus }));
    }

    if (options.profile) {
      log('profile: node --cpu-prof on the core');
      report.profile = profileCore(options, workDir);
    }
  } finally {
    if (!options.keep) fs.rmSync(workDir, { recursive: true, force: true });
    else log(`generated files kept in ${workDir}`);
  }

  report.targets = evaluateTargets(report);
  report.meta.durationSec = (nowMs() - started) / 1000;
  report.meta.loadAverageEnd = os.loadavg()[0];
  const json = JSON.stringify(report, (key, value) => (key === 'roundsMs' || key === 'runs' && Array.isArray(value) ? value.map((v) => Math.round(v * 100) / 100) : value), 2);
  if (options.out) {
    fs.mkdirSync(path.dirname(path.resolve(options.out)), { recursive: true });
    fs.writeFileSync(options.out, json + '\n');
  }
  process.stdout.write(options.json ? json + '\n' : render(report) + '\n');
  return 0;
}

function meta(options, core, peers) {
  const git = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' });
  const cpus = os.cpus();
  return {
    date: new Date().toISOString(),
    commit: git.status === 0 ? git.stdout.trim() : null,
    node: process.version,
    cpu: cpus.length ? `${cpus.length} x ${cpus[0].model.trim()}` : null,
    memoryGB: Math.round(os.totalmem() / 1e9),
    seed: options.seed,
    quick: options.quick,
    // Other work on the machine skews every time below: say how busy it was.
    loadAverageStart: os.loadavg()[0],
    memoryTouch: memoryTouch(),
    peers: { ...peers.versions, 'vscode-textmate': readVersion('vscode-textmate') },
    core: { framers: core.framerIds, rules: core.ruleCount, messageRules: core.messageRules, traceRules: core.traceRules },
  };
}

/** What a first touch of fresh memory costs on this machine (see bench/memoryTouch.js); null when the probe fails. */
function memoryTouch() {
  const r = spawnSync(process.execPath, [path.join(__dirname, 'bench', 'memoryTouch.js'), '64'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) return null;
  try {
    return JSON.parse(r.stdout.trim().split('\n').pop());
  } catch {
    return null;
  }
}

/** Model size vs text size, in a fresh process with --expose-gc. */
function modelMemory(bytes, seed, workDir) {
  const r = runNode(['--expose-gc', path.join(__dirname, 'bench', 'modelMemory.js'), String(bytes), String(seed)], { workDir });
  if (r.status !== 0) throw new Error(`modelMemory.js exited with ${r.status ?? r.signal}: ${r.stderr.trim().slice(-400)}`);
  return { ...JSON.parse(r.stdout.trim().split('\n').pop()), processPeakRssMB: r.maxRssMB };
}

/** CPU profiles of the core (parse; parse + rules) and their hottest functions by self time. */
function profileCore(options, workDir) {
  const out = {};
  for (const [name, under, repeat, extra] of [['parse', 'parseTrace', 8, []], ['rules', 'validate', 3, ['rules']]]) {
    const dir = path.join(workDir, `prof-${name}`);
    const r = spawnSync(process.execPath, [
      '--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval', '100',
      path.join(__dirname, 'bench', 'profileParse.js'), String(options.processBytes), String(repeat), String(options.seed), ...extra,
    ], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) {
      out[name] = { error: (r.stderr || '').trim().slice(-400) };
      continue;
    }
    const file = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    const profile = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    out[name] = topFunctions(profile, under, 15);
    if (options.keep) out[name].file = path.join(dir, file);
  }
  return out;
}

// ---------------------------------------------------------------- text report

function render(report) {
  const lines = [];
  const m = report.meta;
  lines.push(`# SIP Trace benchmark`);
  lines.push('');
  lines.push(`${m.date.slice(0, 16).replace('T', ' ')} UTC, commit ${m.commit ?? '?'}, node ${m.node}, ${m.cpu}, ${m.memoryGB} GB; seed ${m.seed}${m.quick ? ', --quick' : ''}; ` +
    `drachtio-sip ${m.peers['drachtio-sip']}, sip ${m.peers.sip}; core framers: ${m.core.framers.join(', ')}; ` +
    `${m.core.rules ?? '?'} rule ids (${m.core.messageRules ?? '?'} message rules, ${m.core.traceRules ?? '?'} trace rules); ` +
    `1-minute load average ${fmtNum(m.loadAverageStart, 2)} at the start, ${fmtNum(m.loadAverageEnd, 2)} at the end (above ~1 on 2 cores, other work skews the times)` +
    (m.memoryTouch ? `; fresh memory: ${m.memoryTouch.mb} MB touched first in ${fmtMs(m.memoryTouch.firstTouchMs)}, again in ${fmtMs(m.memoryTouch.touchedAgainMs)} ` +
      `(${fmtNum(m.memoryTouch.usPerPage, 1)} µs per 4 kB page; where a first touch costs far more than the second, whatever allocates much, the language server above all, is slower on this machine for that alone)` : ''));

  const t = report.throughput;
  if (t) {
    lines.push('');
    lines.push(`## Throughput: ${t.messages.toLocaleString('en-US')} messages, ${fmtMB(t.messageBytes)} of SIP (${Math.round(t.avgMessageBytes)} B/message); median of ${t.rounds} interleaved rounds`);
    lines.push('');
    lines.push(`Trace text: ${Object.entries(t.textBytes).map(([f, b]) => `${f} ${fmtMB(b)}`).join(', ')}. Peers get the messages pre-split (splitting not timed); ours parses the whole text.`);
    lines.push('');
    lines.push(table(
      ['parser', 'msgs/s', 'MB/s', 'median', 'p10-p90', 'GC in run', 'vs drachtio lazy'],
      t.results.map((r) => [
        r.label, fmtRate(r.msgsPerSec), fmtNum(r.mbPerSec, 0), fmtMs(r.ms.median), `${fmtMs(r.ms.p10)}-${fmtMs(r.ms.p90)}`, fmtMs(r.gcMs),
        r.id === 'drachtio-lazy' ? '1.00x' : `${fmtNum(r.vsDrachtioLazy, 2)}x`,
      ]),
      ['l', 'r', 'r', 'r', 'r', 'r', 'r'],
    ));
    for (const n of t.notes) lines.push(`- note: ${n}`);
  }

  const p = report.processes;
  if (p) {
    lines.push('');
    lines.push(`## Whole process: ${p.file} (${fmtMB(p.bytes)}), median of ${p.runs} interleaved runs`);
    lines.push('');
    lines.push(table(
      ['command', 'median', 'p10-p90', 'peak RSS', 'output'],
      p.results.map((r) => [r.label, fmtMs(r.ms.median), `${fmtMs(r.ms.p10)}-${fmtMs(r.ms.p90)}`, r.maxRssMB !== null ? `${fmtNum(r.maxRssMB, 0)} MB` : '-', r.lastStdout]),
      ['l', 'r', 'r', 'r', 'l'],
    ));
    for (const n of p.notes) lines.push(`- note: ${n}`);
  }

  const l = report.lsp;
  if (l) {
    lines.push('');
    if (l.error) {
      lines.push(`## Language server: failed (${l.error})`);
    } else {
      lines.push(`## Language server: ${fmtMB(l.textBytes)} document (${l.lines.toLocaleString('en-US')} lines), dist/server.js --stdio`);
      lines.push('');
      lines.push(table(['measure', 'value'], [
        ['didOpen -> first publishDiagnostics', `${fmtMs(l.openToDiagnosticsMs)} (${l.openDiagnostics} diagnostics; writing the ${fmtMB(l.textBytes)} didOpen took ${fmtMs(l.openSendMs)} of it)`],
        ['didOpen -> full diagnostics (conversation rules included)', `${fmtMs(l.openToFullMs)} (${l.openFullDiagnostics} diagnostics)`],
        ...(l.editorOpen
          ? [['the same with an editor\'s requests sent along (outline, folding, code lenses, inlay hints), fresh server',
            `full diagnostics ${fmtMs(l.editorOpen.fullMs)}; ` + l.editorOpen.requests.map((r) => `${r.method.replace('textDocument/', '')} ${fmtMs(r.ms)} (${r.items.toLocaleString('en-US')} items, ${fmtMB(r.bytes)})`).join(', ')]]
          : []),
        [`hover (${l.hover.n} random positions, ${l.hover.answered} answered)`, `p50 ${fmtMs(l.hover.median)}, p99 ${fmtMs(l.hover.p99)}, max ${fmtMs(l.hover.max)}, first ${fmtMs(l.hover.first)}`],
        [`one-character edit -> publishDiagnostics (${l.edit.n} edits, each after a ${l.edit.quietMs} ms pause)`, `median ${fmtMs(l.edit.median)}, max ${fmtMs(l.edit.max)}`],
        ...(l.editBurst ? [[`the same edits back to back (typing; ${l.editBurst.n} edits)`, `median ${fmtMs(l.editBurst.median)}, max ${fmtMs(l.editBurst.max)}${l.debounceMs !== null ? `; the server waits ${l.debounceMs} ms for the next keystroke` : ''}`]] : []),
        ['hover sent right after an edit', `median ${fmtMs(l.hoverAfterEdit.median)}, max ${fmtMs(l.hoverAfterEdit.max)}`],
        ...(l.hoverDuringTraceRules
          ? [['hovers after an edit until the conversation-level rules are published (back to back)', `max ${fmtMs(l.hoverDuringTraceRules.max)}, p50 ${fmtMs(l.hoverDuringTraceRules.median)}, n=${l.hoverDuringTraceRules.count}`]]
          : []),
        ...(l.hoverDuringCheck
          ? [['hovers while the idle full-parse check runs (back to back, from 0.2 s before it starts to 2 s after)', `max ${fmtMs(l.hoverDuringCheck.max)}, p50 ${fmtMs(l.hoverDuringCheck.median)}, n=${l.hoverDuringCheck.count}`]]
          : []),
        ...(l.openFaults == null ? [] : [['server page faults (first touches of fresh pages): open / median edit',
          `${l.openFaults.toLocaleString('en-US')} / ${Math.round(l.edit.faults ?? 0).toLocaleString('en-US')}` +
          (report.meta.memoryTouch ? ` (at ${fmtNum(report.meta.memoryTouch.usPerPage, 1)} µs a page, the memory probe's price: about ${fmtMs((l.openFaults * report.meta.memoryTouch.usPerPage) / 1000)} / ${fmtMs(((l.edit.faults ?? 0) * report.meta.memoryTouch.usPerPage) / 1000)})` : '')]]),
        ['server RSS: idle / after open / peak', `${fmtNum(l.idleRssMB, 0)} / ${fmtNum(l.afterOpenRssMB, 0)} / ${fmtNum(l.endPeakRssMB, 0)} MB`],
      ], ['l', 'l']));
      for (const n of l.notes) lines.push(`- note: ${n}`);
    }
  }

  const mem = report.memory;
  if (mem || report.cliLarge) {
    lines.push('');
    lines.push('## Memory');
    lines.push('');
    const rows = [];
    if (mem && !mem.error) {
      rows.push([`model of a ${fmtMB(mem.textBytes)} trace (${mem.messages.toLocaleString('en-US')} messages), heap + external`,
        `${fmtMB(mem.modelBytes)} = ${fmtNum(mem.modelBytes / mem.textBytes, 2)}x the text (${fmtMB(mem.modelHeapBytes)} heap, ${fmtMB(mem.modelExternalBytes)} external)`]);
      rows.push(['... after validate (caches it leaves on the model + diagnostics)', `${fmtMB(mem.afterValidateBytes)} = ${fmtNum(mem.afterValidateBytes / mem.textBytes, 2)}x`]);
    } else if (mem) {
      rows.push(['model size', `failed: ${mem.error}`]);
    }
    for (const r of report.cliLarge || []) {
      const rss = r.maxRssMB !== null ? `${r.completed ? '' : 'at least '}${fmtNum(r.maxRssMB, 0)} MB (${fmtNum(r.maxRssMB / (r.bytes / 1e6), 2)}x the file)` : 'unknown';
      rows.push([`sip-trace check ${fmtMB(r.bytes)}: peak RSS`, `${rss} in ${fmtMs(r.ms)}, ${r.completed ? `exit ${r.status}` : `did not finish: ${r.error}`}`]);
    }
    lines.push(table(['measure', 'value'], rows, ['l', 'l']));
  }

  const g = report.grammar;
  if (g) {
    lines.push('');
    if (g.skipped) lines.push(`## Grammar: skipped (${g.skipped})`);
    else if (g.error) lines.push(`## Grammar: failed (${g.error})`);
    else {
      lines.push(`## Grammar: ${g.grammar} (${g.scopeName}) on ${g.lines.toLocaleString('en-US')} lines of ${g.files} corpus files`);
      lines.push('');
      lines.push(`Slowest line (best of ${g.passMs.length - 1} warm passes): ${fmtMs(g.slowestLineMs)} at ${g.slowestLine.file}:${g.slowestLine.line} (${g.slowestLine.length} chars: \`${g.slowestLine.preview.replace(/`/g, "'")}\`); ` +
        `p99 ${fmtMs(g.p99LineMs)}; slowest cold line ${fmtMs(g.coldMaxLineMs)}; whole corpus ${g.passMs.map((x) => fmtMs(x)).join(' / ')} per pass.`);
    }
  }

  const pr = report.profile;
  if (pr) {
    for (const [name, prof] of Object.entries(pr)) {
      lines.push('');
      if (prof.error) {
        lines.push(`## CPU profile (${name}): failed (${prof.error})`);
        continue;
      }
      lines.push(`## CPU profile (${name}): self time inside ${prof.under}, ${fmtMs(prof.totalMs)} sampled (GC not included)`);
      lines.push('');
      lines.push(table(['self %', 'self ms', 'function', 'where (compiled JS)'],
        prof.rows.map((r) => [`${fmtNum(r.selfPct, 1)}%`, fmtNum(r.selfMs, 0), r.function, r.file ? `${r.file}:${r.line}` : '']), ['r', 'r', 'l', 'l']));
    }
  }

  lines.push('');
  lines.push('## Targets (issue 10)');
  lines.push('');
  lines.push(table(['target', 'measured', 'verdict'], report.targets.map((x) => [x.target, x.measured + (x.detail ? `; ${x.detail}` : ''), x.verdict]), ['l', 'l', 'l']));
  lines.push('');
  lines.push(`Run took ${fmtNum(report.meta.durationSec, 0)} s. Reproduce: npm run bench${report.meta.quick ? ' -- --quick' : ''} (add -- --json for machine output).`);
  return lines.join('\n');
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`bench: ${error.stack || error}\n`);
    process.exitCode = 1;
  },
);
