/**
 * Process entry of `sip-trace` (bundled into dist/cli.js): runs the CLI with
 * the real stdout/stderr and sets the exit status.
 */
import { runCli } from './main';

// A closed pipe (`sip-trace check ... | head`) is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
process.exitCode = runCli(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s));
