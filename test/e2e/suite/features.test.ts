// Trace intelligence, settings and status in a real VS Code: outline,
// folding, definition, references, code lenses, settings applied live and the
// language status item. Every wait is for an event or a command's answer.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { FIXTURES } from '../expectations';
import { codeOf, describeDiagnostics, openFixture, sipDiagnostics, waitForDiagnostics } from '../helpers';

/** Position of `token` on the first line starting with `line` (at its second character). */
function positionOf(doc: vscode.TextDocument, line: string, token: string): vscode.Position {
  for (let i = 0; i < doc.lineCount; i++) {
    const text = doc.lineAt(i).text;
    if (text.startsWith(line)) return new vscode.Position(i, text.indexOf(token) + 1);
  }
  throw new Error(`no line starting with "${line}" in ${doc.uri.path}`);
}

async function openAnalysed(name: string): Promise<vscode.TextDocument> {
  const doc = await openFixture(name, true);
  // The status resolves once the server has parsed the document.
  await vscode.commands.executeCommand('sip.traceStatus', doc.uri.toString());
  return doc;
}

/**
 * What `read` finds in a fresh copy of `file` (an untitled document with its
 * text) while workspace setting `section.key` is `value`; the setting is
 * reset after. A copy, because VS Code keeps what a provider answered for a
 * document version it has asked about.
 */
async function withSettingOnCopy<T>(file: vscode.TextDocument, section: string, key: string, value: unknown, read: (copy: vscode.TextDocument) => Thenable<T>): Promise<T> {
  const config = vscode.workspace.getConfiguration(section, file.uri);
  try {
    await config.update(key, value, vscode.ConfigurationTarget.Workspace);
    const copy = await vscode.workspace.openTextDocument({ language: 'sip', content: file.getText() });
    await vscode.commands.executeCommand('sip.traceStatus', copy.uri.toString());
    return await read(copy);
  } finally {
    await config.update(key, undefined, vscode.ConfigurationTarget.Workspace);
  }
}

suite('Trace intelligence in VS Code', () => {
  test('the outline lists the call, its transaction and its messages', async () => {
    const doc = await openAnalysed(FIXTURES.call);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
    assert.ok(symbols && symbols.length === 1, `one call expected, got ${JSON.stringify(symbols?.map((s) => s.name))}`);
    assert.strictEqual(symbols[0].name, 'INVITE alice@atlanta.example.com -> bob@biloxi.example.com');
    assert.match(symbols[0].detail, /^call 1 of 1 · 4 messages · 486 Busy Here/);
    assert.strictEqual(symbols[0].children[0].name, 'INVITE sip:bob@biloxi.example.com -> 486 Busy Here');
    assert.deepStrictEqual(symbols[0].children[0].children.map((c) => c.name), [
      'INVITE sip:bob@biloxi.example.com', '180 Ringing', '486 Busy Here', 'ACK sip:bob@biloxi.example.com',
    ]);
  });

  test('sip.outline.maxItems: past it, every call is listed, the first calls with their contents, and no more', async () => {
    const file = await openAnalysed(FIXTURES.calls);
    const symbolsOf = (doc: vscode.TextDocument) => vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
    const full = await symbolsOf(file);
    assert.strictEqual(full.length, 4, `four calls expected, got ${JSON.stringify(full.map((s) => s.name))}`);
    assert.ok(full.every((call) => call.children.length > 0));
    const cut = await withSettingOnCopy(file, 'sip', 'outline.maxItems', 2, symbolsOf);
    assert.deepStrictEqual(cut.map((s) => s.name), [full[0].name, full[1].name, '2 more calls not listed']);
    assert.deepStrictEqual(cut.map((s) => s.children.length), [0, 0, 0]);
    assert.match(cut[2].detail, /sip\.outline\.maxItems/);
  });

  test('folding ranges stop at editor.foldingMaximumRegions, whole messages first', async () => {
    const file = await openAnalysed(FIXTURES.calls);
    const foldsOf = (doc: vscode.TextDocument) => vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', doc.uri);
    const all = await foldsOf(file);
    assert.ok(all.length > 40, `${all.length} folds`);
    const cut = await withSettingOnCopy(file, 'editor', 'foldingMaximumRegions', 3, foldsOf);
    const messageStarts = [0, ...[...file.getText().matchAll(/\r?\n\r?\n(?=[A-Z]+ sip:|SIP\/2\.0 \d)/g)].map((m) => file.positionAt(m.index! + m[0].length).line)];
    assert.deepStrictEqual(cut.map((f) => f.start), messageStarts.slice(0, 3));
  });

  test('folding ranges cover each message and its body', async () => {
    const doc = await openAnalysed(FIXTURES.call);
    const folds = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', doc.uri);
    const sdp = positionOf(doc, 'v=0', 'v').line;
    assert.ok(folds.some((f) => f.start === 0), 'the INVITE folds');
    assert.ok(folds.some((f) => f.start === sdp), 'its SDP body folds');
  });

  test('go to definition jumps from a response to its request', async () => {
    const doc = await openAnalysed(FIXTURES.call);
    const locations = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
      'vscode.executeDefinitionProvider', doc.uri, positionOf(doc, 'SIP/2.0 486', '486'),
    );
    assert.strictEqual(locations.length, 1);
    const target = 'range' in locations[0] ? locations[0].range : locations[0].targetRange;
    assert.strictEqual(target.start.line, 0, 'the INVITE is on the first line');
  });

  test('find references on a Call-ID lists every message of the call', async () => {
    const doc = await openAnalysed(FIXTURES.call);
    const refs = await vscode.commands.executeCommand<vscode.Location[]>(
      'vscode.executeReferenceProvider', doc.uri, positionOf(doc, 'Call-ID:', 'a84b'),
    );
    assert.strictEqual(refs.length, 4);
    for (const r of refs) assert.strictEqual(doc.getText(r.range), 'a84b4c76e66710@pc33.atlanta.example.com');
  });

  test('a code lens summarises each call', async () => {
    const doc = await openAnalysed(FIXTURES.call);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
    assert.deepStrictEqual(lenses.map((l) => l.command?.title), ['call 1 of 1 · 4 messages · 486 Busy Here']);
  });

  test('the language status item shows the trace format and message count', async () => {
    const doc = await openFixture(FIXTURES.call, true);
    const status = await vscode.commands.executeCommand<{ text: string; detail: string; format: string }>('sip.traceStatus', doc.uri.toString());
    assert.strictEqual(status.format, 'raw');
    assert.strictEqual(status.text, 'SIP: Raw SIP');
    assert.match(status.detail, /^4 messages, /);
  });

  test('changing sip.diagnostics.rules changes the diagnostics live', async () => {
    const doc = await openFixture(FIXTURES.problems, true);
    const rule = 'header-missing-colon';
    const isError = (ds: vscode.Diagnostic[]) => ds.some((d) => codeOf(d) === rule && d.severity === vscode.DiagnosticSeverity.Error);
    await waitForDiagnostics(doc.uri, isError, `${rule} as an error`);
    const config = vscode.workspace.getConfiguration('sip', doc.uri);
    try {
      await config.update('diagnostics.rules', { [rule]: 'warning' }, vscode.ConfigurationTarget.Workspace);
      const asWarning = await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => codeOf(d) === rule && d.severity === vscode.DiagnosticSeverity.Warning), `${rule} as a warning`);
      assert.ok(!isError(asWarning), describeDiagnostics(asWarning));
      await config.update('diagnostics.rules', { [rule]: 'off' }, vscode.ConfigurationTarget.Workspace);
      const off = await waitForDiagnostics(doc.uri, (ds) => !ds.some((d) => codeOf(d) === rule), `${rule} turned off`);
      assert.ok(off.length > 0, 'the other problems stay');
    } finally {
      await config.update('diagnostics.rules', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitForDiagnostics(doc.uri, isError, `${rule} back as an error`);
    assert.ok(sipDiagnostics(doc.uri).length > 0);
  });
});

suite('Quick fixes and trace files in VS Code', () => {
  const applyFix = async (doc: vscode.TextDocument, rule: string, title: RegExp) => {
    const ds = await waitForDiagnostics(doc.uri, (all) => all.some((d) => codeOf(d) === rule), rule);
    const diagnostic = ds.find((d) => codeOf(d) === rule)!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diagnostic.range);
    const fix = actions.find((a) => a.edit && title.test(a.title));
    assert.ok(fix, `no fix matching ${title} among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(actions.some((a) => a.title === `Disable rule ${rule} (in settings)`), 'every diagnostic can be disabled');
    assert.ok(await vscode.workspace.applyEdit(fix.edit!), 'the fix applies');
    await waitForDiagnostics(doc.uri, (all) => !all.some((d) => codeOf(d) === rule), `${rule} to go away after the fix`);
  };

  test('quick fixes correct Content-Length and the CSeq method, and the problems go away', async () => {
    const doc = await openFixture('fixable.sip', true);
    await applyFix(doc, 'content-length-exceeds-body', /^Set Content-Length to 87/);
    assert.match(doc.getText(), /Content-Length: 87\r\n/);
    await applyFix(doc, 'cseq-method-mismatch', /OPTIONS/);
    assert.match(doc.getText(), /CSeq: 1 OPTIONS\r\n/);
    await doc.save();
  });

  test('a .log that looks like a SIP trace gets the offer once; a plain .txt never', async () => {
    // Its own copy: another test switches capture.log to sip.
    const log = await openFixture('offer.log');
    assert.strictEqual(log.languageId, 'log');
    // Opening it showed the offer (once per file): asking again says so.
    const offer = await vscode.commands.executeCommand<{ decision: string; format?: string }>('sip.traceFileOffer', log.uri.toString());
    assert.deepStrictEqual(offer, { decision: 'already-asked' });
    const notes = await openFixture('notes.txt');
    const none = await vscode.commands.executeCommand<{ decision: string }>('sip.traceFileOffer', notes.uri.toString());
    assert.strictEqual(none.decision, 'not-sip');
  });

  test('a wrapped trace (ngrep) is detected and shown in the status item', async () => {
    const doc = await openFixture('ngrep-capture.sip', true);
    const status = await vscode.commands.executeCommand<{ text: string; format: string; messageCount: number }>('sip.traceStatus', doc.uri.toString());
    assert.strictEqual(status.format, 'ngrep');
    assert.strictEqual(status.text, 'SIP: ngrep / sipgrep');
    assert.strictEqual(status.messageCount, 5);
  });
});
