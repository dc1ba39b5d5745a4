'use strict';
/**
 * Preloaded with `node -r` into a measured process: on exit, writes the
 * process's peak resident set size (kB, from getrusage) to the file named by
 * SIP_BENCH_MAXRSS_FILE. Costs nothing while the process runs.
 */
const file = process.env.SIP_BENCH_MAXRSS_FILE;
if (file) {
  process.on('exit', () => {
    require('node:fs').writeFileSync(file, String(process.resourceUsage().maxRSS));
  });
}
