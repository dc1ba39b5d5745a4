// Helpers for the e2e tests: they wait for VS Code's events, never for time.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE, ExpectedHover, ExpectedProblem } from './expectations';

/**
 * How long a waiter listens before it fails with a description of what it saw
 * last. Not a performance assertion: it only turns "the event never came" into
 * a readable failure before mocha's own per-test timeout would.
 */
export const WAIT_MS = Number(process.env.SIP_E2E_WAIT_MS || 20_000);

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the e2e workspace folder is not open');
  return folder.uri;
}

export function fixtureUri(name: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), name);
}

export async function openFixture(name: string, show = false): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(fixtureUri(name));
  if (show) await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

export function codeOf(d: vscode.Diagnostic): string | undefined {
  if (d.code === undefined) return undefined;
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

export function sipDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === undefined || d.source === DIAGNOSTIC_SOURCE);
}

export function describeDiagnostics(ds: readonly vscode.Diagnostic[]): string {
  if (ds.length === 0) return '(none)';
  return ds
    .map((d) => `  ${codeOf(d)} ${vscode.DiagnosticSeverity[d.severity]} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${JSON.stringify(d.message)}`)
    .join('\n');
}

/**
 * Resolves with the diagnostics of `uri` as soon as `accept` returns true for
 * them: checks what is there now, then on every onDidChangeDiagnostics for it.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (ds: vscode.Diagnostic[]) => boolean,
  what: string,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const check = (): boolean => {
      const ds = sipDiagnostics(uri);
      let ok: boolean;
      try {
        ok = accept(ds);
      } catch (err) {
        settled = true;
        sub.dispose();
        clearTimeout(timer);
        reject(err);
        return false;
      }
      if (!settled && ok) {
        settled = true;
        sub.dispose();
        clearTimeout(timer);
        resolve(ds);
        return true;
      }
      return false;
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      sub.dispose();
      reject(new Error(`waited ${WAIT_MS} ms for ${what} in ${vscode.workspace.asRelativePath(uri)}; its diagnostics are:\n${describeDiagnostics(sipDiagnostics(uri))}`));
    }, WAIT_MS);
    check();
  });
}

/** The range of `covers` on the line that starts with `line`. */
export function rangeOf(doc: vscode.TextDocument, line: string, covers: string): vscode.Range {
  for (let i = 0; i < doc.lineCount; i++) {
    const text = doc.lineAt(i).text;
    if (text.startsWith(line)) {
      const at = text.indexOf(covers);
      assert.ok(at >= 0, `fixture ${doc.fileName}: "${covers}" is not on line ${i + 1} "${text}"`);
      return new vscode.Range(i, at, i, at + covers.length);
    }
  }
  assert.fail(`fixture ${doc.fileName} has no line starting with "${line}"`);
}

export function findProblem(doc: vscode.TextDocument, ds: readonly vscode.Diagnostic[], p: ExpectedProblem): vscode.Diagnostic | undefined {
  const range = rangeOf(doc, p.line, p.covers);
  return ds.find((d) => codeOf(d) === p.code && d.range.start.line === range.start.line);
}

export function hasProblem(doc: vscode.TextDocument, p: ExpectedProblem): (ds: vscode.Diagnostic[]) => boolean {
  return (ds) => findProblem(doc, ds, p) !== undefined;
}

/** Asserts code, severity and exact range of an expected problem. */
export function assertProblem(doc: vscode.TextDocument, ds: readonly vscode.Diagnostic[], p: ExpectedProblem): void {
  const d = findProblem(doc, ds, p);
  const range = rangeOf(doc, p.line, p.covers);
  assert.ok(d, `no ${p.code} diagnostic on line ${range.start.line + 1}; diagnostics:\n${describeDiagnostics(ds)}`);
  assert.strictEqual(vscode.DiagnosticSeverity[d.severity], vscode.DiagnosticSeverity[p.severity], `severity of ${p.code}`);
  assert.deepStrictEqual(
    [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character],
    [range.start.line, range.start.character, range.end.line, range.end.character],
    `range of ${p.code} (expected it to cover "${p.covers}"), got "${doc.getText(d.range)}"`,
  );
}

/** Position in the middle of `hover.at` on its line. */
export function hoverPosition(doc: vscode.TextDocument, hover: ExpectedHover): vscode.Position {
  const r = rangeOf(doc, hover.line, hover.at);
  return new vscode.Position(r.start.line, r.start.character + Math.floor(hover.at.length / 2));
}

export function hoverMarkdown(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : String(c)))
    .join('\n---\n');
}

let serverReady: Promise<void> | undefined;

/**
 * Resolves once the language server has published diagnostics for the
 * problems fixture: from then on, the client forwards requests (hover, ...)
 * to a running server. Shared by all tests; the first call opens the fixture.
 */
export function languageServerReady(problemsFixture: string, firstProblem: ExpectedProblem): Promise<void> {
  serverReady ??= (async () => {
    const doc = await openFixture(problemsFixture);
    await waitForDiagnostics(doc.uri, hasProblem(doc, firstProblem), `${firstProblem.code} (language server start)`);
  })();
  return serverReady;
}
