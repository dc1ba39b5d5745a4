// After the tests, when the code-server driver asks for it: puts the workbench
// in the states the README shows and asks the driver to photograph each one.
// Not a test file (no `.test.` in the name): mocha does not load it.
import * as vscode from 'vscode';
import { FIXTURES, PROBLEMS, SCREENSHOT_HOVER, SCREENSHOT_THEME } from '../expectations';
import { hoverMarkdown, hoverPosition, languageServerReady, openFixture, sipDiagnostics, waitForDiagnostics } from '../helpers';
import type { ShootFn } from '../mochaRunner';

export async function screenshots(shoot: ShootFn): Promise<void> {
  await languageServerReady(FIXTURES.problems, PROBLEMS[0]);
  // With the source tree as extensionDevelopmentPath, the web workbench may
  // start on a fallback theme; setting the theme again makes it resolve it
  // against the now complete theme list.
  const workbench = vscode.workspace.getConfiguration('workbench');
  await workbench.update('colorTheme', 'Default Dark+', vscode.ConfigurationTarget.Global);
  await workbench.update('colorTheme', SCREENSHOT_THEME.setting, vscode.ConfigurationTarget.Global);
  const workbenchClass = SCREENSHOT_THEME.workbenchClass;
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await vscode.commands.executeCommand('workbench.action.closePanel');

  // 1. A hover on a status code.
  const call = await openFixture(SCREENSHOT_HOVER.fixture);
  const editor = await vscode.window.showTextDocument(call, { preview: false, viewColumn: vscode.ViewColumn.One });
  const pos = hoverPosition(call, SCREENSHOT_HOVER);
  editor.selection = new vscode.Selection(pos, pos);
  editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  // The server has the document once it answers a hover for it.
  const md = hoverMarkdown((await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', call.uri, pos)) ?? []);
  if (md.trim()) {
    await vscode.commands.executeCommand('editor.action.showHover');
    await shoot('hover', {
      workbenchClass,
      waitForSelector: '.monaco-editor .monaco-hover:not(.hidden)',
      hoverText: SCREENSHOT_HOVER.mentions[0],
      hoverLine: SCREENSHOT_HOVER.line,
      hoverToken: SCREENSHOT_HOVER.at,
    });
  } else {
    throw new Error(`no hover content at "${SCREENSHOT_HOVER.at}" in ${SCREENSHOT_HOVER.fixture}; hover screenshot skipped`);
  }

  // 2. The Problems panel on a trace with assorted problems, listing only
  // that file's (the tests left problems in other files).
  const problems = await openFixture(FIXTURES.malformed);
  await vscode.window.showTextDocument(problems, { preview: false, viewColumn: vscode.ViewColumn.One });
  const expected = Math.max(1, sipDiagnostics(problems.uri).length);
  await waitForDiagnostics(problems.uri, (ds) => ds.length >= expected, `problems of ${FIXTURES.malformed}`);
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  await vscode.commands.executeCommand('workbench.actions.workbench.panel.markers.view.toggleActiveFile').then(undefined, () => undefined);
  await shoot('problems', { workbenchClass, waitForSelector: '.markers-panel .monaco-list-row' });

  // 3. Highlighting: the clean trace, no panel.
  await vscode.commands.executeCommand('workbench.action.closePanel');
  const again = await vscode.window.showTextDocument(call, { preview: false, viewColumn: vscode.ViewColumn.One });
  again.selection = new vscode.Selection(0, 0, 0, 0);
  again.revealRange(new vscode.Range(0, 0, 0, 0), vscode.TextEditorRevealType.AtTop);
  await shoot('highlighting', { workbenchClass, waitForSelector: '.monaco-editor .view-lines' });

  // 4. Trace intelligence: the Outline and the SIP Calls view (first call
  // expanded) next to a trace of four dialogs with its code lenses.
  const calls = await openFixture(FIXTURES.calls);
  const callsEditor = await vscode.window.showTextDocument(calls, { preview: false, viewColumn: vscode.ViewColumn.One });
  callsEditor.selection = new vscode.Selection(0, 0, 0, 0);
  callsEditor.revealRange(new vscode.Range(0, 0, 0, 0), vscode.TextEditorRevealType.AtTop);
  // The lenses come from the server once it has the document; each names its call.
  const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', calls.uri)) ?? [];
  const first = lenses.find((l) => l.command?.command === 'sip.revealCall');
  if (!first?.command?.arguments) throw new Error(`no sip.revealCall code lens in ${FIXTURES.calls}; calls screenshot skipped`);
  // Room for the two views: the timeline hidden, the file tree collapsed (by
  // the driver: no command does it), and the side bar wider (by making the
  // focused editor narrower).
  const optional = (id: string, ...args: unknown[]) => vscode.commands.executeCommand(id, ...args).then(undefined, () => undefined);
  await optional('timeline.removeView');
  await optional('workbench.action.focusActiveEditorGroup');
  for (let i = 0; i < 4; i++) await optional('workbench.action.decreaseViewWidth');
  await optional('outline.focus');
  await vscode.commands.executeCommand('sip.revealCall', ...first.command.arguments);
  await shoot('calls', {
    workbenchClass,
    click: ['.pane:has(.explorer-folders-view) > .pane-header[aria-expanded="true"]'],
    waitForSelector: '.pane-body .monaco-list-row.selected[aria-expanded="true"]',
    hoverText: 'bob@biloxi.example.com',
  });
}
