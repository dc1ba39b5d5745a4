// The installed .vsix works: it is the packaged copy, activates on a .sip
// file by itself, its bundled server publishes diagnostics and answers hovers.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { EXTENSION_ID, FIXTURES, HOVERS, LANGUAGE_ID, PROBLEMS } from '../expectations';
import { assertProblem, hasProblem, hoverMarkdown, hoverPosition, openFixture, waitForDiagnostics } from '../helpers';

suite('packaged .vsix in a clean VS Code', () => {
  test('is installed from the package, not loaded from the source tree', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
    const extensionsDir = process.env.SIP_E2E_EXTENSIONS_DIR;
    if (extensionsDir) {
      const rel = path.relative(extensionsDir, ext.extensionUri.fsPath);
      assert.ok(!rel.startsWith('..') && !path.isAbsolute(rel), `${EXTENSION_ID} runs from ${ext.extensionUri.fsPath}, not from the extensions dir ${extensionsDir}`);
    }
  });

  test('activates on a .sip file and publishes diagnostics', async () => {
    const doc = await openFixture(FIXTURES.problems);
    assert.strictEqual(doc.languageId, LANGUAGE_ID);
    const ds = await waitForDiagnostics(doc.uri, (all) => PROBLEMS.every((p) => hasProblem(doc, p)(all)), PROBLEMS.map((p) => p.code).join(' + '));
    for (const p of PROBLEMS) assertProblem(doc, ds, p);
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, 'diagnostics arrived but the extension is not active');
  });

  test('the bundled server answers a hover', async () => {
    const h = HOVERS[0];
    const doc = await openFixture(h.fixture);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, hoverPosition(doc, h));
    const md = hoverMarkdown(hovers ?? []);
    for (const m of h.mentions) assert.ok(md.toLowerCase().includes(m.toLowerCase()), `hover on "${h.at}" does not mention "${m}":\n${md}`);
  });
});
