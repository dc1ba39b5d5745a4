// Runs the e2e suite in desktop VS Code with @vscode/test-electron, the
// standard launcher, for machines that can download a VS Code build (a laptop,
// public CI). Machines without that download (ours) use
// scripts/e2e/run-code-server-tests.js, which runs the same suite in
// code-server.
//
//   npm run compile && node out/test/e2e/runElectron.js [--vscode-version 1.100.3] [--vsix path/to.vsix]
//
// On Linux without a display, run it under xvfb-run. The result JSON is also
// written to test-results/e2e/ (the suite's SIP_E2E_RESULTS_DIR).
import * as cp from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { downloadAndUnzipVSCode, resolveCliArgsFromVSCodeExecutablePath, runTests } from '@vscode/test-electron';

const repoRoot = path.resolve(__dirname, '..', '..', '..');

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<number> {
  const version = arg('--vscode-version') ?? process.env.SIP_E2E_VSCODE_VERSION ?? 'stable';
  const vsix = arg('--vsix');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sip-e2e-electron-'));
  const workspace = path.join(tmp, 'workspace');
  fs.cpSync(path.join(repoRoot, 'test', 'e2e', 'fixtures', 'workspace'), workspace, { recursive: true });
  const resultsDir = path.join(repoRoot, 'test-results', 'e2e', vsix ? 'vsix' : 'electron');
  fs.rmSync(resultsDir, { recursive: true, force: true });
  fs.mkdirSync(resultsDir, { recursive: true });
  const userDataDir = path.join(tmp, 'user-data');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({ 'security.workspace.trust.enabled': false, 'workbench.startupEditor': 'none', 'telemetry.telemetryLevel': 'off', 'update.mode': 'none' }, null, 2),
  );
  const extensionsDir = path.join(tmp, 'extensions');

  try {
    const vscodeExecutablePath = await downloadAndUnzipVSCode(version);
    let extensionDevelopmentPath = repoRoot;
    let extensionTestsPath = path.join(repoRoot, 'out', 'test', 'e2e', 'suite', 'index.js');
    if (vsix) {
      // Install the package into a clean extensions dir; load the smoke suite
      // through an empty harness extension so the installed copy is the one tested.
      const [cli, ...cliArgs] = resolveCliArgsFromVSCodeExecutablePath(vscodeExecutablePath);
      const res = cp.spawnSync(cli, [...cliArgs, '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--install-extension', path.resolve(vsix)], { encoding: 'utf8', stdio: 'pipe' });
      if (res.status !== 0) throw new Error(`--install-extension ${vsix} failed:\n${res.stdout}${res.stderr}`);
      extensionDevelopmentPath = path.join(tmp, 'harness');
      fs.mkdirSync(extensionDevelopmentPath);
      fs.writeFileSync(path.join(extensionDevelopmentPath, 'package.json'), JSON.stringify({ name: 'sip-trace-e2e-harness', publisher: 'sip-trace-test', version: '0.0.0', engines: { vscode: '^1.100.0' } }));
      extensionTestsPath = path.join(repoRoot, 'out', 'test', 'e2e', 'vsix', 'index.js');
    }
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath,
      extensionTestsPath,
      extensionTestsEnv: { SIP_E2E_RESULTS_DIR: resultsDir, SIP_E2E_EXTENSIONS_DIR: extensionsDir },
      launchArgs: [workspace, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    });
    return 0;
  } catch (err) {
    console.error(`e2e (test-electron) failed: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  } finally {
    const resultFile = path.join(resultsDir, 'result.json');
    if (fs.existsSync(resultFile)) {
      const r = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as { vscodeVersion: string; stats: { passes: number; failures: number } };
      console.log(`VS Code ${r.vscodeVersion}: ${r.stats.passes} passing, ${r.stats.failures} failing`);
    }
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code));
