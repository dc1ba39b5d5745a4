'use strict';
/**
 * In-process throughput: our core against the peer parsers on the same
 * messages, in one process, interleaved over several rounds.
 *
 * Ours parses the whole trace text from one string (framing, start lines,
 * every header's name and value ranges, bodies). The peers get the messages
 * pre-split (one flat string each); splitting is not in their time. Each
 * timed run starts after a full GC, so one case's garbage is not charged to
 * the next; the case order rotates every round.
 */
const { PerformanceObserver, performance } = require('node:perf_hooks');
const { generateTrace } = require('./generate');
const { framerFor, getGc } = require('./core');
const { nowMs, summarize } = require('./stats');

function floorScan(text) {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function runPeer(parse, messages) {
  let n = 0;
  for (let i = 0; i < messages.length; i++) if (parse(messages[i]).headers) n++;
  return n;
}

/**
 * @param options { seed, messages, bytes, formats, rounds, wrappedRules, log }
 * @returns the per-case results, the checks made, and the formats skipped.
 */
async function runThroughput(core, peers, options) {
  const { seed, rounds, log } = options;
  const gc = getGc();
  const notes = [];
  const formats = [];
  for (const format of options.formats) {
    const framer = framerFor(core, format);
    if (framer === null) {
      notes.push(`${format}: skipped, the core has no ${format} framer yet (registry: ${core.framerIds.join(', ')})`);
      continue;
    }
    formats.push({ format, framer });
  }

  log(`generating ${Number.isFinite(options.messages) ? `${options.messages} messages` : `${(options.bytes / 1e6).toFixed(0)} MB`} (seed ${seed}; ${formats.map((f) => f.format).join(', ')})`);
  const trace = generateTrace({ seed, messages: options.messages, bytes: options.bytes, formats: formats.map((f) => f.format) });
  const messages = trace.messages;
  const count = messages.length;

  // Checks before timing: every parser reads every message, and ours finds them all, with no problem.
  const checks = [];
  for (const { format, framer } of formats) {
    const text = trace.texts[format];
    const model = core.parseTrace(text);
    const diagnostics = core.validate(model);
    const byCode = {};
    for (const d of diagnostics) byCode[d.code] = (byCode[d.code] || 0) + 1;
    checks.push({ what: `ours on ${format}`, format: model.format.id, expectedFormat: framer, messages: model.messages.length, expected: count, diagnostics: diagnostics.length, byCode });
    if (model.format.id !== framer) notes.push(`${format}: detection chose "${model.format.id}", expected "${framer}"`);
    if (model.messages.length !== count) notes.push(`${format}: ours found ${model.messages.length} messages, the generator wrote ${count}`);
    if (diagnostics.length > 0) notes.push(`${format}: ${diagnostics.length} diagnostics on a valid synthetic trace (${Object.entries(byCode).map(([k, v]) => `${k} x${v}`).join(', ')})`);
  }
  for (const [id, parse] of [['drachtio-lazy', peers.drachtioLazy], ['drachtio-eager', peers.drachtioEager], ['sip', peers.sipParse]]) {
    let failed = 0;
    for (const m of messages) {
      try {
        if (!parse(m)) failed++;
      } catch {
        failed++;
      }
    }
    checks.push({ what: id, messages: count - failed, expected: count });
    if (failed > 0) notes.push(`${id}: failed on ${failed} of ${count} messages`);
  }

  const rawText = trace.texts.raw;
  const cases = [];
  if (rawText !== undefined) {
    cases.push({ id: 'floor', label: "one `indexOf('\\n')` scan of the text (floor)", bytes: rawText.length, run: () => floorScan(rawText) });
  }
  for (const { format } of formats) {
    const text = trace.texts[format];
    const suffix = format === 'raw' ? '' : ` [${format}]`;
    cases.push({ id: `core-${format}`, label: `ours: core parseTrace, framing included${suffix}`, bytes: text.length, ours: true, format, run: () => core.parseTrace(text).messages.length });
    // The rules see the same messages whatever the wrapping: timing them on every wrapping only adds minutes.
    if (format === 'raw' || options.wrappedRules) {
      cases.push({ id: `rules-${format}`, label: `ours: parseTrace + validate (all rules)${suffix}`, bytes: text.length, ours: true, format, run: () => core.validate(core.parseTrace(text)).length });
    }
  }
  cases.push({ id: 'drachtio-lazy', label: 'drachtio-sip `new SipMessage(str)` (lazy)', bytes: trace.messageBytes, run: () => runPeer(peers.drachtioLazy, messages) });
  cases.push({ id: 'drachtio-eager', label: 'drachtio-sip `parser.parseSipMessage`', bytes: trace.messageBytes, run: () => runPeer(peers.drachtioEager, messages) });
  cases.push({ id: 'sip', label: '`sip` (kirm) `sip.parse`', bytes: trace.messageBytes, run: () => runPeer(peers.sipParse, messages) });

  // Warm-up: one untimed run of each case (JIT, inline caches, lazy tables).
  let sink = 0;
  for (const c of cases) {
    gc();
    sink += c.run();
  }
  const times = new Map(cases.map((c) => [c.id, []]));
  // GC pauses inside each timed run (the forced GC before it is outside the window).
  const gcEntries = [];
  const windows = new Map(cases.map((c) => [c.id, []]));
  const observer = new PerformanceObserver((list) => gcEntries.push(...list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  try {
    for (let round = 0; round < rounds; round++) {
      for (let k = 0; k < cases.length; k++) {
        const c = cases[(k + round) % cases.length];
        gc();
        const w0 = performance.now();
        const t0 = nowMs();
        sink += c.run();
        times.get(c.id).push(nowMs() - t0);
        windows.get(c.id).push([w0, performance.now()]);
      }
      // Let the GC observer deliver its entries.
      await new Promise((resolve) => setTimeout(resolve, 0));
      log(`  round ${round + 1}/${rounds} done`);
    }
  } finally {
    observer.disconnect();
  }
  const gcMsIn = ([from, to]) => gcEntries.reduce((sum, e) => (e.startTime >= from && e.startTime < to ? sum + e.duration : sum), 0);

  const results = cases.map((c) => {
    const ms = times.get(c.id);
    const s = summarize(ms);
    return {
      id: c.id,
      label: c.label,
      format: c.format || null,
      ours: c.ours === true,
      bytes: c.bytes,
      messages: count,
      ms: s,
      gcMs: summarize(windows.get(c.id).map(gcMsIn)).median,
      msgsPerSec: count / (s.median / 1000),
      mbPerSec: c.bytes / 1e6 / (s.median / 1000),
      roundsMs: ms,
    };
  });
  // Ratios against drachtio-sip lazy, on the same messages: by message rate
  // (for raw this equals the MB/s ratio; wrapped traces carry extra bytes,
  // which must not count in our favour). Paired per round, too.
  const lazy = results.find((r) => r.id === 'drachtio-lazy');
  for (const r of results) {
    r.vsDrachtioLazy = lazy.ms.median / r.ms.median;
    const paired = r.roundsMs.map((ms, i) => lazy.roundsMs[i] / ms);
    const ps = summarize(paired);
    r.vsDrachtioLazyPaired = { median: ps.median, p10: ps.p10, p90: ps.p90 };
  }
  return {
    seed,
    rounds,
    messages: count,
    messageBytes: trace.messageBytes,
    avgMessageBytes: trace.messageBytes / count,
    textBytes: Object.fromEntries(formats.map(({ format }) => [format, trace.texts[format].length])),
    results,
    checks,
    notes,
    sink,
  };
}

module.exports = { runThroughput, floorScan };
