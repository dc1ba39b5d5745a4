// The extension as a user meets it in a real VS Code: language, diagnostics,
// hovers, commands. Expectations (rule ids, ranges, hover texts) are in
// ../expectations.ts. Every wait here is for a VS Code event.
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  AFTER_RESTART_PROBLEM, EDIT, EXTENSION_ID, FIXTURES, HOVERS, LANGUAGE_ID, LOG_PROBLEM, PROBLEMS, RESTART_COMMAND,
} from '../expectations';
import {
  assertProblem, codeOf, describeDiagnostics, hasProblem, hoverMarkdown, hoverPosition,
  languageServerReady, openFixture, rangeOf, waitForDiagnostics,
} from '../helpers';

const serverReady = () => languageServerReady(FIXTURES.problems, PROBLEMS[0]);

suite('SIP Trace extension in VS Code', () => {
  test('is installed', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} not found; installed: ${vscode.extensions.all.map((e) => e.id).filter((id) => !id.startsWith('vscode.')).join(', ')}`);
  });

  test('a .sip file opens with language sip', async () => {
    const doc = await openFixture(FIXTURES.call);
    assert.strictEqual(doc.languageId, LANGUAGE_ID);
  });

  test('activates by itself on a .sip file and its server publishes diagnostics', async () => {
    // Nothing in this suite calls ext.activate(): diagnostics arriving proves
    // the activation event, the client and the server bundle all work.
    await serverReady();
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext?.isActive, 'diagnostics arrived but the extension is not active');
  });

  test(`command ${RESTART_COMMAND} is registered`, async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes(RESTART_COMMAND), `${RESTART_COMMAND} is not among the registered commands`);
  });

  test('diagnostics have the expected codes, ranges and severities', async () => {
    await serverReady();
    const doc = await openFixture(FIXTURES.problems);
    const ds = await waitForDiagnostics(doc.uri, (all) => PROBLEMS.every((p) => hasProblem(doc, p)(all)), PROBLEMS.map((p) => p.code).join(' + '));
    for (const p of PROBLEMS) assertProblem(doc, ds, p);
  });

  test('diagnostics change after an edit that fixes the problem', async () => {
    const doc = await openFixture(FIXTURES.edit);
    const before = await waitForDiagnostics(doc.uri, hasProblem(doc, EDIT.problem), EDIT.problem.code);
    assertProblem(doc, before, EDIT.problem);

    const problemLine = rangeOf(doc, EDIT.problem.line, EDIT.problem.covers).start.line;
    const at = doc.getText().indexOf(EDIT.replace);
    assert.ok(at >= 0, `"${EDIT.replace}" is not in ${FIXTURES.edit}`);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(doc.positionAt(at), doc.positionAt(at + EDIT.replace.length)), EDIT.with);
    assert.ok(await vscode.workspace.applyEdit(edit), 'applyEdit refused the edit');

    const gone = (ds: readonly vscode.Diagnostic[]) => !ds.some((d) => codeOf(d) === EDIT.problem.code && d.range.start.line === problemLine);
    const after = await waitForDiagnostics(doc.uri, gone, `${EDIT.problem.code} on line ${problemLine + 1} to go away after the edit`);
    assert.ok(gone(after), describeDiagnostics(after));
    assert.strictEqual(doc.lineAt(problemLine).text, EDIT.problem.line.replace(EDIT.replace, EDIT.with));
    // Saved (into the temporary workspace copy) so no dirty editor is left behind.
    assert.ok(await doc.save(), 'saving the edited fixture failed');
  });

  test('a .log file switched to sip gets the language and diagnostics', async () => {
    const log = await openFixture(FIXTURES.log);
    assert.notStrictEqual(log.languageId, LANGUAGE_ID, `${FIXTURES.log} should not be sip before the switch (it is "${log.languageId}")`);
    const doc = await vscode.languages.setTextDocumentLanguage(log, LANGUAGE_ID);
    assert.strictEqual(doc.languageId, LANGUAGE_ID);
    const ds = await waitForDiagnostics(doc.uri, hasProblem(doc, LOG_PROBLEM), `${LOG_PROBLEM.code} after switching to sip`);
    assertProblem(doc, ds, LOG_PROBLEM);
  });

  for (const h of HOVERS) {
    test(`hover on "${h.at}" in "${h.line}" explains it`, async () => {
      await serverReady();
      const doc = await openFixture(h.fixture);
      const pos = hoverPosition(doc, h);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos);
      const md = hoverMarkdown(hovers ?? []);
      assert.ok(md.trim().length > 0, `no hover at ${pos.line + 1}:${pos.character + 1} ("${h.at}")`);
      for (const m of h.mentions) {
        assert.ok(md.toLowerCase().includes(m.toLowerCase()), `hover on "${h.at}" does not mention "${m}":\n${md}`);
      }
      const hoverRange = hovers.find((x) => x.range)?.range;
      if (hoverRange) {
        assert.ok(hoverRange.contains(pos), `hover range ${hoverRange.start.line}:${hoverRange.start.character}-${hoverRange.end.character} does not contain the hovered position`);
        assert.ok(rangeOf(doc, h.line, h.at).intersection(hoverRange), 'hover range does not overlap the hovered token');
      }
    });
  }

  // Last: it restarts the server under the other tests' documents.
  test(`${RESTART_COMMAND} restarts the server, which then serves new documents`, async () => {
    await serverReady();
    await vscode.commands.executeCommand(RESTART_COMMAND);
    const doc = await openFixture(FIXTURES.afterRestart);
    const ds = await waitForDiagnostics(doc.uri, hasProblem(doc, AFTER_RESTART_PROBLEM), `${AFTER_RESTART_PROBLEM.code} after the restart`);
    assertProblem(doc, ds, AFTER_RESTART_PROBLEM);
    assert.ok(ds.every((d) => codeOf(d) !== undefined), 'every diagnostic carries its rule id as code');
  });
});
