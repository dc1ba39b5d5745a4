// Entry point the extension host loads (`extensionTestsPath`): runs every
// `*.test.js` in this folder with mocha (tdd UI) and writes the result JSON.
import { runSuite } from '../mochaRunner';
import { screenshots } from './screenshots';

export function run(): Promise<void> {
  return runSuite({
    name: 'extension',
    testsDir: __dirname,
    testTimeoutMs: 30_000,
    suiteTimeoutMs: Number(process.env.SIP_E2E_SUITE_TIMEOUT_MS || 150_000),
    screenshots,
  });
}
