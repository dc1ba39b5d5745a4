/**
 * Quick fixes over LSP on the real server: the fix's edit, applied to the
 * document, makes the diagnostic go away; every diagnostic offers "disable
 * this rule"; header names can be expanded or compacted.
 */
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { LspClient, type Diagnostic, type Range } from './lspClient';
import { crlf } from '../unit/helpers';

interface CodeAction {
  title: string;
  kind: string;
  isPreferred?: boolean;
  diagnostics?: Diagnostic[];
  edit?: { changes: Record<string, { range: Range; newText: string }[]> };
  command?: { command: string; arguments: unknown[] };
}

let client: LspClient;
before(async () => {
  client = await LspClient.start();
});
after(async () => {
  await client.stop();
});

/** Applies LSP text edits (non-overlapping) to a text. */
function applyEdits(text: string, edits: { range: Range; newText: string }[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return [...edits]
    .sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce((t, e) => t.slice(0, offset(e.range.start)) + e.newText + t.slice(offset(e.range.end)), text);
}

const BODY = 'v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\n';
const WRONG_LENGTH = crlf(
  'INVITE sip:bob@example.com SIP/2.0', 'v: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK1', 'Max-Forwards: 70',
  'From: <sip:alice@example.com>;tag=1', 'To: <sip:bob@example.com>', 'Call-ID: fix-1', 'CSeq: 1 INVITE',
  'Contact: <sip:alice@192.0.2.1>', 'Content-Type: application/sdp', 'Content-Length: 999', '',
) + BODY;

test('the Content-Length quick fix sets the real length, and the diagnostic goes away', async () => {
  const uri = 'file:///tmp/fix-length.sip';
  const first = client.nextDiagnostics(uri);
  client.open(uri, WRONG_LENGTH);
  const diagnostic = (await first).diagnostics.find((d) => d.code === 'content-length-exceeds-body');
  assert.ok(diagnostic, 'the wrong Content-Length is reported');
  const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] },
  });
  const fix = actions.find((a) => a.kind === 'quickfix' && a.edit);
  assert.ok(fix, `no fix among ${actions.map((a) => a.title).join(', ')}`);
  assert.match(fix.title, new RegExp(`${Buffer.byteLength(BODY)}`));
  const fixed = applyEdits(WRONG_LENGTH, fix.edit!.changes[uri]);
  assert.ok(fixed.includes(`Content-Length: ${Buffer.byteLength(BODY)}\r\n`));

  const second = client.nextDiagnostics(uri);
  client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 9999, character: 0 } }, text: fixed }]);
  assert.ok(!(await second).diagnostics.some((d) => d.code === 'content-length-exceeds-body'));

  const disable = actions.find((a) => a.command?.command === 'sip.disableRule');
  assert.deepEqual(disable?.command?.arguments, ['content-length-exceeds-body', uri]);
});

test('header names: expand a compact form, compact a long one', async () => {
  const uri = 'file:///tmp/fix-names.sip';
  const published = client.nextDiagnostics(uri);
  client.open(uri, WRONG_LENGTH);
  await published;
  const at = (line: number, character: number) => client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri }, range: { start: { line, character }, end: { line, character } }, context: { diagnostics: [] },
  });
  const expand = (await at(1, 0)).find((a) => a.kind === 'refactor.rewrite');
  assert.equal(expand?.title, 'Expand "v" to Via');
  assert.deepEqual(expand?.edit?.changes[uri], [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } }, newText: 'Via' }]);
  const compact = (await at(5, 2)).find((a) => a.kind === 'refactor.rewrite');
  assert.equal(compact?.title, 'Compact Call-ID to "i"');
});

test('diagnostics link to their rule documentation', async () => {
  const uri = 'file:///tmp/fix-docs.sip';
  const published = client.nextDiagnostics(uri);
  client.open(uri, WRONG_LENGTH);
  const d = (await published).diagnostics.find((x) => x.code === 'content-length-exceeds-body') as Diagnostic & { codeDescription?: { href: string } };
  assert.match(d.codeDescription?.href ?? '', /^file:\/\/.*\/docs\/rules\.md#content-length-exceeds-body$/);
});
