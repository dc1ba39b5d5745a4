'use strict';
/**
 * Reads a `.cpuprofile` (from `node --cpu-prof`) and lists the functions with
 * the most self time, counting only samples taken inside `under` (a function
 * name, default parseTrace), so the trace generator does not dilute them.
 *
 * Usage: node scripts/bench/cpuprofileTop.js FILE.cpuprofile [under] [top]
 */
const fs = require('node:fs');
const path = require('node:path');
const { ROOT } = require('./core');

function topFunctions(profile, under = 'parseTrace', top = 20) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
  const inside = new Map();
  const isInside = (id) => {
    if (inside.has(id)) return inside.get(id);
    const n = byId.get(id);
    const p = parent.get(id);
    const v = n.callFrame.functionName === under || (p !== undefined && isInside(p));
    inside.set(id, v);
    return v;
  };
  const self = new Map();
  let total = 0;
  const deltas = profile.timeDeltas || [];
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    if (!isInside(id)) continue;
    const dt = deltas[i + 1] !== undefined ? deltas[i + 1] : deltas[i] || 0;
    const f = byId.get(id).callFrame;
    const file = f.url ? path.relative(ROOT, f.url.replace(/^file:\/\//, '')) : '';
    const key = `${f.functionName || '(anonymous)'}\t${file}\t${f.url ? f.lineNumber + 1 : ''}`;
    self.set(key, (self.get(key) || 0) + dt);
    total += dt;
  }
  const rows = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(([key, us]) => {
    const [fn, file, line] = key.split('\t');
    return { function: fn, file, line: line ? Number(line) : null, selfMs: us / 1000, selfPct: (100 * us) / total };
  });
  return { under, totalMs: total / 1000, rows };
}

module.exports = { topFunctions };

if (require.main === module) {
  const [file, under, top] = process.argv.slice(2);
  const result = topFunctions(JSON.parse(fs.readFileSync(file, 'utf8')), under || 'parseTrace', Number(top || 25));
  process.stdout.write(`self time inside ${result.under}: ${result.totalMs.toFixed(0)} ms\n`);
  for (const r of result.rows) process.stdout.write(`${r.selfPct.toFixed(1).padStart(5)}%  ${r.selfMs.toFixed(0).padStart(6)} ms  ${r.function}  ${r.file}${r.line ? `:${r.line}` : ''}\n`);
}
