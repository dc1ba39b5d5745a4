'use strict';
/**
 * How much the machine charges for memory a process touches for the first
 * time, next to what the same bytes cost once touched. On some virtual
 * machines a first touch costs 50x the second (every new page is a fault the
 * hypervisor serves), and then whatever allocates a lot (a 50 MB document in
 * the language server: its notification, its string, each edit's new string)
 * is slow for reasons no code change here removes. Printed with every run, so
 * two runs on different days can be told apart.
 *
 * Runs in a fresh process (`node scripts/bench/memoryTouch.js [MB]`) so the
 * benchmark's own heap does not interfere; prints one JSON line.
 */
const { performance } = require('node:perf_hooks');

function probe(mb) {
  const bytes = mb * 1e6;
  const first = [];
  const again = [];
  for (let round = 0; round < 3; round++) {
    const buffer = Buffer.allocUnsafeSlow(bytes);
    let t = performance.now();
    buffer.fill(round + 1);
    first.push(performance.now() - t);
    t = performance.now();
    buffer.fill(round + 2);
    again.push(performance.now() - t);
  }
  const median = (values) => values.slice().sort((a, b) => a - b)[values.length >> 1];
  const firstMs = median(first);
  return { mb, firstTouchMs: firstMs, touchedAgainMs: median(again), usPerPage: (firstMs * 1000) / (bytes / 4096) };
}

if (require.main === module) {
  process.stdout.write(JSON.stringify(probe(Number(process.argv[2]) || 64)) + '\n');
}

module.exports = { probe };
