// Entry point for the packaged-extension smoke run: the driver installs the
// built .vsix into a clean code-server (--install-extension) and loads this
// suite through an empty harness extension, so the extension under test is
// the installed package, not the source tree.
import { runSuite } from '../mochaRunner';

export function run(): Promise<void> {
  return runSuite({
    name: 'vsix-smoke',
    testsDir: __dirname,
    testTimeoutMs: 30_000,
    suiteTimeoutMs: Number(process.env.SIP_E2E_SUITE_TIMEOUT_MS || 120_000),
  });
}
