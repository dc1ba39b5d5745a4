'use strict';
/**
 * The targets of issue 10, judged from one run's results. Each verdict is
 * `met`, `not met` or `not measured` (section skipped), with the numbers.
 */
const { fmtMs, fmtNum } = require('./stats');

function evaluateTargets(report) {
  const out = [];
  const add = (id, target, measured, verdict, detail) => out.push({ id, target, measured, verdict, detail: detail || null });
  const skipped = (id, target, why) => add(id, target, '-', 'not measured', why);

  const t = report.throughput;
  if (t) {
    const core = t.results.find((r) => r.id === 'core-raw');
    const rules = t.results.find((r) => r.id === 'rules-raw');
    const wrapped = t.results.filter((r) => r.ours && r.format !== 'raw');
    const also = (kind) => wrapped.filter((r) => r.id.startsWith(kind)).map((r) => `${r.format} ${fmtNum(r.vsDrachtioLazy, 2)}x`).join(', ');
    add('core-vs-drachtio-lazy', 'core parse >= 3x drachtio-sip lazy (framing included for us, excluded for it)',
      `${fmtNum(core.vsDrachtioLazy, 2)}x (paired rounds ${fmtNum(core.vsDrachtioLazyPaired.p10, 2)}-${fmtNum(core.vsDrachtioLazyPaired.p90, 2)}x)`,
      core.vsDrachtioLazy >= 3 ? 'met' : 'not met', also('core-') ? `wrapped: ${also('core-')}` : null);
    add('rules-vs-drachtio-lazy', 'parse + all rules >= 1.5x drachtio-sip lazy',
      `${fmtNum(rules.vsDrachtioLazy, 2)}x (paired rounds ${fmtNum(rules.vsDrachtioLazyPaired.p10, 2)}-${fmtNum(rules.vsDrachtioLazyPaired.p90, 2)}x)`,
      rules.vsDrachtioLazy >= 1.5 ? 'met' : 'not met', also('rules-') ? `wrapped: ${also('rules-')}` : null);
  } else {
    skipped('core-vs-drachtio-lazy', 'core parse >= 3x drachtio-sip lazy', 'throughput section not run');
    skipped('rules-vs-drachtio-lazy', 'parse + all rules >= 1.5x drachtio-sip lazy', 'throughput section not run');
  }

  const p = report.processes;
  const processTarget = `\`sip-trace check\` on a ${p ? (p.bytes / 1e6).toFixed(0) : 20} MB trace faster than a node script that only parses it with drachtio-sip`;
  if (p) {
    const cli = p.results.find((r) => r.id === 'cli-check');
    const peer = p.results.find((r) => r.id === 'peer-drachtio-lazy');
    const eager = p.results.find((r) => r.id === 'peer-drachtio-eager');
    add('cli-vs-drachtio-process', processTarget,
      `${fmtMs(cli.ms.median)} vs ${fmtMs(peer.ms.median)} lazy (${fmtNum(peer.ms.median / cli.ms.median, 2)}x) / ${fmtMs(eager.ms.median)} eager`,
      cli.ms.median < peer.ms.median ? 'met' : 'not met');
  } else {
    skipped('cli-vs-drachtio-process', processTarget, 'process section not run');
  }

  const l = report.lsp;
  const size = l ? `${(l.textBytes / 1e6).toFixed(0)} MB` : '50 MB';
  const full = l && l.textBytes >= 49e6 ? '' : ' (document smaller than the 50 MB of the target)';
  if (l && !l.error) {
    add('lsp-open', `${size} trace opened in the server publishes full diagnostics in < 1.5 s`,
      `${fmtMs(l.openToFullMs)} to full diagnostics (first publish ${fmtMs(l.openToDiagnosticsMs)})${full}`,
      l.openToFullMs < 1500 ? 'met' : 'not met');
    add('lsp-hover-p99', 'hover p99 < 5 ms', `p99 ${fmtMs(l.hover.p99)} (p50 ${fmtMs(l.hover.median)}, max ${fmtMs(l.hover.max)}, n=${l.hover.n})${full}`,
      l.hover.p99 < 5 ? 'met' : 'not met');
    add('lsp-edit', 'a one-character edit re-publishes diagnostics in < 100 ms',
      `median ${fmtMs(l.edit.median)}, max ${fmtMs(l.edit.max)} (${l.edit.n} edits, each after a pause)${full}`,
      l.edit.max < 100 ? 'met' : 'not met');
  } else {
    const why = l && l.error ? `failed: ${l.error}` : 'lsp section not run';
    skipped('lsp-open', 'a 50 MB trace opened in the server publishes diagnostics in < 1.5 s', why);
    skipped('lsp-hover-p99', 'hover p99 < 5 ms', why);
    skipped('lsp-edit', 'a one-character edit re-publishes diagnostics in < 100 ms', why);
  }

  const m = report.memory;
  if (m && !m.error) {
    const ratio = m.modelBytes / m.textBytes;
    add('model-memory', 'the model of a trace < 4x the size of its text',
      `${fmtNum(ratio, 2)}x (${(m.modelBytes / 1e6).toFixed(0)} MB model for ${(m.textBytes / 1e6).toFixed(0)} MB text; ${fmtNum(m.afterValidateBytes / m.textBytes, 2)}x after validate)`,
      ratio < 4 ? 'met' : 'not met');
  } else {
    skipped('model-memory', 'the model of a trace < 4x the size of its text', m && m.error ? `failed: ${m.error}` : 'memory section not run');
  }

  const big = report.cliLarge && report.cliLarge.find((r) => r.bytes >= 400e6);
  const bigTarget = 'a 500 MB trace checks in bounded memory (< 512 MB RSS)';
  if (big) {
    const ok = big.completed && big.maxRssMB !== null && big.maxRssMB < 512;
    const rss = big.maxRssMB !== null ? `peak RSS ${big.completed ? '' : '>= '}${fmtNum(big.maxRssMB, 0)} MB` : 'peak RSS unknown';
    add('cli-500mb-rss', bigTarget, `${rss} in ${fmtMs(big.ms)}${big.completed ? '' : `; did not finish: ${big.error}`}`, ok ? 'met' : 'not met');
  } else if (report.cliLarge && report.cliLarge.length > 0) {
    const sorted = [...report.cliLarge].sort((a, b) => a.bytes - b.bytes);
    const last = sorted[sorted.length - 1];
    const line = sorted.map((r) => `${(r.bytes / 1e6).toFixed(0)} MB -> ${fmtNum(r.maxRssMB, 0)} MB RSS`).join(', ');
    add('cli-500mb-rss', bigTarget, line, last.maxRssMB >= 512 ? 'not met' : 'not measured',
      last.maxRssMB >= 512 ? 'already over 512 MB on a smaller file' : 'run without --quick (or with --only big) to measure 500 MB');
  } else {
    skipped('cli-500mb-rss', bigTarget, 'big section not run');
  }

  const g = report.grammar;
  if (g && !g.skipped && !g.error) {
    add('grammar-slowest-line', 'the slowest line of the corpus tokenizes in < 1 ms',
      `${fmtMs(g.slowestLineMs)} (${g.slowestLine.file}:${g.slowestLine.line}, ${g.slowestLine.length} chars; ${g.lines} lines)`,
      g.slowestLineMs < 1 ? 'met' : 'not met');
  } else {
    skipped('grammar-slowest-line', 'the slowest line of the corpus tokenizes in < 1 ms', g ? g.skipped || `failed: ${g.error}` : 'grammar section not run');
  }
  return out;
}

module.exports = { evaluateTargets };
