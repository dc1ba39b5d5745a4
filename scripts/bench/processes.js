'use strict';
/**
 * Whole processes: `sip-trace check` on a trace file against a node script
 * that only parses the same messages with drachtio-sip (peerCheck.js), and
 * the CLI's peak memory on large files. Wall time is measured around
 * spawnSync with process.hrtime (median of several interleaved runs); peak
 * RSS comes from getrusage in the child (maxRss.js, preloaded with -r).
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawn, spawnSync } = require('node:child_process');
const { ROOT, need } = require('./core');
const { nowMs, summarize } = require('./stats');

const MAX_RSS_PRELOAD = path.join(__dirname, 'maxRss.js');

/** Runs `node [args]` once: wall time, exit status, peak RSS (kB) and output. */
function runNode(args, { workDir, timeoutMs = 600_000 } = {}) {
  const rssFile = path.join(workDir, `maxrss-${process.pid}-${Math.random().toString(36).slice(2)}.txt`);
  const t0 = nowMs();
  const child = spawnSync(process.execPath, ['-r', MAX_RSS_PRELOAD, ...args], {
    cwd: ROOT,
    env: { ...process.env, SIP_BENCH_MAXRSS_FILE: rssFile },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: timeoutMs,
  });
  const ms = nowMs() - t0;
  let maxRssKb = null;
  try {
    maxRssKb = Number(fs.readFileSync(rssFile, 'utf8'));
    fs.unlinkSync(rssFile);
  } catch {
    // The child died before its exit handler ran (killed, out of memory).
  }
  return {
    ms,
    status: child.status,
    signal: child.signal,
    maxRssMB: maxRssKb === null ? null : (maxRssKb * 1024) / 1e6,
    stdout: child.stdout || '',
    stderr: child.stderr || '',
    error: child.error ? String(child.error) : null,
  };
}

function cliArgs(file) {
  return [need(path.join(ROOT, 'bin', 'sip-trace.js')), 'check', file];
}

/**
 * `sip-trace check FILE` vs `peerCheck.js FILE lazy|eager`, interleaved, `runs` times each.
 */
function compareProcesses(file, { runs, workDir, log }) {
  const cases = [
    { id: 'cli-check', label: '`node bin/sip-trace.js check` (read, frame, parse, all rules, report)', args: cliArgs(file) },
    { id: 'peer-drachtio-lazy', label: 'node script: read, split, drachtio-sip `new SipMessage` (lazy)', args: [path.join(__dirname, 'peerCheck.js'), file, 'lazy'] },
    { id: 'peer-drachtio-eager', label: 'node script: read, split, drachtio-sip `parseSipMessage`', args: [path.join(__dirname, 'peerCheck.js'), file, 'eager'] },
  ];
  const runsById = new Map(cases.map((c) => [c.id, []]));
  const notes = [];
  for (let round = 0; round < runs; round++) {
    for (let k = 0; k < cases.length; k++) {
      const c = cases[(k + round) % cases.length];
      const r = runNode(c.args, { workDir });
      // The CLI exits 1 when it finds an error-severity problem: still a complete run.
      if (r.status !== 0 && !(c.id === 'cli-check' && r.status === 1)) {
        notes.push(`${c.id} exited with ${r.status ?? r.signal}: ${(r.stderr || r.error || '').trim().split('\n').slice(-3).join(' | ')}`);
      }
      runsById.get(c.id).push(r);
    }
    log(`  process round ${round + 1}/${runs} done`);
  }
  const results = cases.map((c) => {
    const rs = runsById.get(c.id);
    const ms = summarize(rs.map((r) => r.ms));
    const rss = rs.map((r) => r.maxRssMB).filter((v) => v !== null);
    return {
      id: c.id,
      label: c.label,
      ms,
      maxRssMB: rss.length ? summarize(rss).median : null,
      status: rs[rs.length - 1].status,
      // The last line: the CLI's summary, or the peer script's count.
      lastStdout: rs[rs.length - 1].stdout.trim().split('\n').pop().slice(0, 120),
    };
  });
  return { file: path.basename(file), bytes: fs.statSync(file).size, runs, results, notes };
}

/**
 * One `sip-trace check` run on a large file: time, exit status and peak RSS.
 * The child's VmHWM is polled from /proc, so a run that dies of memory still
 * reports its peak; a run that passes `rssCapMB` is stopped (the target is
 * already missed, and it would only slow the machine down).
 */
async function cliOnLargeFile(file, { rssCapMB = Infinity, timeoutMs = 300_000 } = {}) {
  const rssFile = path.join(path.dirname(file), `maxrss-${process.pid}-${path.basename(file)}.txt`);
  const t0 = nowMs();
  const child = spawn(process.execPath, ['-r', MAX_RSS_PRELOAD, ...cliArgs(file)], {
    cwd: ROOT,
    env: { ...process.env, SIP_BENCH_MAXRSS_FILE: rssFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => {
    if (stdout.length < 1e6) stdout += d;
  });
  child.stderr.on('data', (d) => {
    if (stderr.length < 1e6) stderr += d;
  });
  let polledPeakMB = null;
  let stopped = null;
  const poll = setInterval(() => {
    const hwm = peakRssMB(child.pid);
    if (hwm !== null) polledPeakMB = Math.max(polledPeakMB ?? 0, hwm);
    if (stopped === null && polledPeakMB !== null && polledPeakMB > rssCapMB) {
      stopped = `stopped by the benchmark at ${Math.round(polledPeakMB)} MB RSS (cap ${rssCapMB} MB) after ${Math.round(nowMs() - t0)} ms`;
      child.kill('SIGKILL');
    } else if (stopped === null && nowMs() - t0 > timeoutMs) {
      stopped = `stopped by the benchmark after ${timeoutMs} ms`;
      child.kill('SIGKILL');
    }
  }, 50);
  const [status, signal] = await new Promise((resolve) => child.on('exit', (code, sig) => resolve([code, sig])));
  clearInterval(poll);
  const ms = nowMs() - t0;
  let maxRssMB = polledPeakMB;
  try {
    maxRssMB = (Number(fs.readFileSync(rssFile, 'utf8')) * 1024) / 1e6;
    fs.unlinkSync(rssFile);
  } catch {
    // Killed or crashed before its exit handler: keep the polled peak.
  }
  const completed = status === 0 || status === 1;
  return {
    file: path.basename(file),
    bytes: fs.statSync(file).size,
    ms,
    status,
    signal,
    completed,
    maxRssMB,
    summary: stdout.trim().split('\n').pop() || '',
    error: completed ? null : stopped || firstError(stderr) || `exit ${status ?? signal}`,
  };
}

/** Peak resident set size of a running process (VmHWM), in MB. */
function peakRssMB(pid) {
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? (Number(m[1]) * 1024) / 1e6 : null;
  } catch {
    return null;
  }
}

/** The line of a crash report worth showing (V8's fatal error, or the last line). */
function firstError(stderr) {
  const lines = stderr.trim().split('\n').map((l) => l.trim()).filter(Boolean);
  return (lines.find((l) => /FATAL ERROR|Error:/.test(l)) || lines[lines.length - 1] || '').slice(0, 200);
}

module.exports = { compareProcesses, cliOnLargeFile, runNode };
