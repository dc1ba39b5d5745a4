/**
 * Trace intelligence over LSP, on the real server: outline, folding,
 * definition, references, highlights, code lenses, workspace symbols and the
 * calls request that feeds the "SIP Calls" view.
 */
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { LspClient, type Range } from './lspClient';
import { REPO_ROOT, readText } from '../unit/helpers';

const URI = 'file:///tmp/calls.sip';
const TEXT = readText(path.join(REPO_ROOT, 'test', 'fixtures', 'calls.sip'));
const LINES = TEXT.split('\n');
const lineOf = (needle: string, from = 0) => LINES.findIndex((l, i) => i >= from && l.includes(needle));

interface Symbol { name: string; detail: string; kind: number; range: Range; selectionRange: Range; children: Symbol[] }

let client: LspClient;

before(async () => {
  client = await LspClient.start();
  const diagnostics = client.nextDiagnostics(URI);
  client.open(URI, TEXT);
  await diagnostics;
});

after(async () => {
  await client.stop();
});

test('documentSymbol: calls -> transactions -> messages', async () => {
  const symbols = await client.request<Symbol[]>('textDocument/documentSymbol', { textDocument: { uri: URI } });
  assert.deepEqual(symbols.map((s) => s.name), [
    'INVITE alice@atlanta.example.com -> bob@biloxi.example.com',
    'INVITE alice@atlanta.example.com -> carol@chicago.example.com',
    'REGISTER alice@atlanta.example.com -> alice@atlanta.example.com',
    'SUBSCRIBE alice@atlanta.example.com -> bob@biloxi.example.com',
  ]);
  assert.equal(symbols[0].children[1].name, 'INVITE sip:bob@biloxi.example.com -> 200 OK');
  assert.equal(symbols[0].children[1].children.length, 5, 'INVITE, 100, 180, 200 and its retransmission');
  assert.match(symbols[0].children[1].children[4].detail, /retransmission/);
  assert.deepEqual(symbols[0].selectionRange.start, { line: 0, character: 0 });
});

test('foldingRange: messages, header blocks, bodies', async () => {
  const folds = await client.request<{ startLine: number; endLine: number }[]>('textDocument/foldingRange', { textDocument: { uri: URI } });
  const sdp = lineOf('v=0');
  assert.ok(folds.some((f) => f.startLine === 0), 'the first message folds');
  assert.ok(folds.some((f) => f.startLine === sdp), 'its SDP body folds');
});

test('definition: from a response to its request', async () => {
  const ringing = lineOf('SIP/2.0 180 Ringing');
  const invite = lineOf('INVITE sip:bob@biloxi.example.com SIP/2.0', 1);
  const location = await client.request<{ uri: string; range: Range } | null>('textDocument/definition', {
    textDocument: { uri: URI }, position: { line: ringing, character: 9 },
  });
  assert.deepEqual(location, { uri: URI, range: { start: { line: invite, character: 0 }, end: { line: invite, character: 41 } } });
});

test('references and highlights: a Call-ID lists every message of its call', async () => {
  const callIdLine = lineOf('Call-ID: call2-fork-cancel');
  const position = { line: callIdLine, character: 12 };
  const refs = await client.request<{ uri: string; range: Range }[]>('textDocument/references', {
    textDocument: { uri: URI }, position, context: { includeDeclaration: true },
  });
  assert.equal(refs.length, 7);
  for (const r of refs) assert.equal(LINES[r.range.start.line].slice(r.range.start.character, r.range.end.character), 'call2-fork-cancel@192.0.2.10');
  const highlights = await client.request<{ range: Range }[]>('textDocument/documentHighlight', { textDocument: { uri: URI }, position });
  assert.equal(highlights.length, 7);
});

test('codeLens: a call summary on the first message of each call', async () => {
  const lenses = await client.request<{ range: Range; command: { title: string; command: string } }[]>('textDocument/codeLens', { textDocument: { uri: URI } });
  assert.deepEqual(lenses.map((l) => l.command.title), [
    'call 1 of 4 · 16 messages · 200 OK',
    'call 2 of 4 · 7 messages · 487 Request Terminated',
    'call 3 of 4 · 4 messages · 200 OK',
    'call 4 of 4 · 4 messages · 200 OK',
  ]);
  assert.equal(lenses[0].command.command, 'sip.revealCall');
});

test('inlayHint: no timing hints for a trace without timestamps', async () => {
  const hints = await client.request<unknown[]>('textDocument/inlayHint', {
    textDocument: { uri: URI }, range: { start: { line: 0, character: 0 }, end: { line: LINES.length, character: 0 } },
  });
  assert.deepEqual(hints, []);
});

test('workspace/symbol finds a call by Call-ID or user', async () => {
  const byUser = await client.request<{ name: string }[]>('workspace/symbol', { query: 'carol' });
  assert.deepEqual(byUser.map((s) => s.name), ['INVITE alice@atlanta.example.com -> carol@chicago.example.com [call2-fork-cancel@192.0.2.10]']);
  const byCallId = await client.request<{ name: string }[]>('workspace/symbol', { query: 'reg-3@' });
  assert.equal(byCallId.length, 1);
});

test('sip/calls: one item per call with outcome and message count; sip/callMessages: a call\'s messages', async () => {
  const calls = await client.request<{ index: number; label: string; outcome: string; finalStatus: number | null; messageCount: number }[]>('sip/calls', { uri: URI });
  assert.deepEqual(calls.map((c) => [c.outcome, c.finalStatus, c.messageCount]), [['answered', 200, 16], ['cancelled', 487, 7], ['completed', 200, 4], ['completed', 200, 4]]);
  assert.ok(calls.every((c) => !('messages' in c)), 'no messages in the list of calls');
  const messages = await client.request<{ label: string; detail: string; range: Range }[]>('sip/callMessages', { uri: URI, index: calls[1].index });
  assert.equal(messages.length, 7);
  assert.equal(messages[0].label, 'INVITE sip:carol@chicago.example.com');
  const invite = lineOf('INVITE sip:carol@chicago.example.com SIP/2.0');
  assert.deepEqual(messages[0].range.start, { line: invite, character: 0 });
  assert.deepEqual(await client.request('sip/callMessages', { uri: URI, index: 99 }), [], 'a call the trace does not have');
});

test('trace-level information diagnostics are published with their rule ids', async () => {
  const uri = 'file:///tmp/calls-copy.sip';
  const expected = [
    ['retransmission', 3],
    ['request-without-response', 3],
    ['request-without-response', 3],
    ['cseq-not-increasing', 3],
  ];
  // An opened document gets all its diagnostics in one publish.
  const opened = client.nextDiagnostics(uri);
  client.open(uri, TEXT);
  assert.deepEqual((await opened).diagnostics.map((d) => [d.code, d.severity]), expected);

  // After an edit, what the messages say comes first; the conversation-level rules follow once editing pauses.
  const at = TEXT.indexOf('Max-Forwards: 70');
  const lines = TEXT.slice(0, at).split('\n');
  const position = { line: lines.length - 1, character: lines[lines.length - 1].length + 'Max-Forwards: 7'.length };
  const first = client.nextDiagnostics(uri);
  client.change(uri, 2, [{ range: { start: position, end: { line: position.line, character: position.character + 1 } }, text: '1' }]);
  assert.deepEqual((await first).diagnostics, [], 'the messages themselves are fine');
  const second = client.nextDiagnostics(uri);
  assert.deepEqual((await second).diagnostics.map((d) => [d.code, d.severity]), expected);
});

test('inlayHint: timing after each start line of a timestamped trace (ngrep)', async () => {
  const uri = 'file:///tmp/ngrep.txt';
  const text = readText(path.join(REPO_ROOT, 'test', 'unit', 'framing', 'fixtures', 'ngrep.txt'));
  const published = client.nextDiagnostics(uri);
  client.open(uri, text);
  await published;
  const lines = text.split('\n');
  const hints = await client.request<{ position: { line: number; character: number }; label: string; tooltip: string }[]>('textDocument/inlayHint', {
    textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } },
  });
  assert.deepEqual(hints.map((h) => [lines[h.position.line].replace(/\r$/, '').slice(0, h.position.character), h.label]), [
    ['SIP/2.0 100 Trying', '+2 ms'],
    ['SIP/2.0 200 OK', '+1.3 s'],
    ['ACK sip:bob@198.51.100.20:5060 SIP/2.0', '+8 ms'],
  ]);
  assert.match(hints[1].tooltip, /since its request \(INVITE sip:bob@example\.com SIP\/2\.0\)/);
  const symbols = await client.request<{ name: string; detail: string; children: { name: string }[] }[]>('textDocument/documentSymbol', { textDocument: { uri } });
  assert.equal(symbols[0].detail, 'call 1 of 2 · 4 messages · 200 OK · 1.3 s');
  assert.equal(symbols[0].children[0].name, 'INVITE sip:bob@example.com -> 200 OK (1.3 s)');
  assert.equal(symbols[1].detail, 'call 2 of 2 · 1 message · pending', 'no duration for a lone message');

  client.settings = { inlayHints: { timing: false } };
  client.notifyConfigurationChanged();
  const none = await client.request<unknown[]>('textDocument/inlayHint', {
    textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } },
  });
  assert.deepEqual(none, []);
  client.settings = {};
  client.notifyConfigurationChanged();
});
