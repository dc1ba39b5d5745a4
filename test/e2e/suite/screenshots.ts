// After the tests, when the code-server driver asks for it: puts the workbench
// in the states the README shows and asks the driver to photograph each one.
// Not a test file (no `.test.` in the name): mocha does not load it.
import * as vscode from 'vscode';
import { FIXTURES, PROBLEMS, SCREENSHOT_HOVER, SCREENSHOT_THEME } from '../expectations';
import { hoverMarkdown, hoverPosition, languageServerReady, openFixture } from '../helpers';
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

  // 2. The Problems panel with the problems fixture open.
  const problems = await openFixture(FIXTURES.problems);
  await vscode.window.showTextDocument(problems, { preview: false, viewColumn: vscode.ViewColumn.One });
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  await shoot('problems', { workbenchClass, waitForSelector: '.markers-panel .monaco-list-row' });

  // 3. Highlighting: the clean trace, no panel.
  await vscode.commands.executeCommand('workbench.action.closePanel');
  const again = await vscode.window.showTextDocument(call, { preview: false, viewColumn: vscode.ViewColumn.One });
  again.selection = new vscode.Selection(0, 0, 0, 0);
  again.revealRange(new vscode.Range(0, 0, 0, 0), vscode.TextEditorRevealType.AtTop);
  await shoot('highlighting', { workbenchClass, waitForSelector: '.monaco-editor .view-lines' });
}
