/**
 * The real language server (the shipped bundle, dist/server.js) driven over
 * stdio by a real JSON-RPC client: initialize, open, diagnostics, an
 * incremental edit, hover, settings.
 */
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { LspClient } from './lspClient';
import { crlf } from '../unit/helpers';

const URI = 'file:///tmp/sample.sip';
const TEXT = crlf(
  'SIP/2.0 486 Busy Here',
  'Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds',
  'To: Bob <sip:bob@biloxi.example.com>;tag=a6c85cf',
  'From: Alice <sip:alice@atlanta.example.com>;tag=1928301774',
  'Call-ID: a84b4c76e66710',
  'CSeq: 314159 INVITE',
  'Content-Length: 0',
  '',
  'INVITE sip:bob@biloxi.example.com SIP/2.0',
  'Max-Forwards 70',
  'Content-Length: 0',
  '',
);

let client: LspClient;

before(async () => {
  client = await LspClient.start();
});

after(async () => {
  await client.stop();
});

test('initialize announces incremental sync and hover', () => {
  assert.equal(client.capabilities.textDocumentSync.change, 2);
  assert.equal(client.capabilities.hoverProvider, true);
});

test('open -> diagnostics with rule ids and exact ranges; edit -> updated diagnostics', async () => {
  const first = client.nextDiagnostics(URI);
  client.open(URI, TEXT);
  const published = await first;
  assert.equal(published.version, 1);
  assert.deepEqual(published.diagnostics.map((d) => ({ code: d.code, severity: d.severity, range: d.range, source: d.source })), [
    { code: 'header-missing-colon', severity: 1, source: 'sip', range: { start: { line: 9, character: 0 }, end: { line: 9, character: 15 } } },
  ]);
  const status = await client.traceStatus(URI);
  assert.deepEqual({ format: status.format, messages: status.messageCount }, { format: 'raw', messages: 2 });

  // Insert the missing colon with an incremental change.
  const second = client.nextDiagnostics(URI);
  client.change(URI, 2, [{ range: { start: { line: 9, character: 12 }, end: { line: 9, character: 12 } }, text: ':' }]);
  const updated = await second;
  assert.equal(updated.version, 2);
  assert.deepEqual(updated.diagnostics, []);
});

test('hover on a status code, a header name and a method', async () => {
  const status = await client.hover(URI, 0, 9);
  assert.ok(status, 'hover on 486');
  assert.match(status.contents.value, /486/);
  assert.match(status.contents.value, /Busy Here/);
  assert.deepEqual(status.range, { start: { line: 0, character: 8 }, end: { line: 0, character: 11 } });

  const header = await client.hover(URI, 4, 2);
  assert.ok(header);
  assert.match(header.contents.value, /Call-ID/);
  assert.deepEqual(header.range, { start: { line: 4, character: 0 }, end: { line: 4, character: 7 } });

  const method = await client.hover(URI, 8, 3);
  assert.ok(method);
  assert.match(method.contents.value, /INVITE/);

  assert.equal(await client.hover(URI, 7, 0), null, 'nothing on the blank line');
  assert.equal(await client.hover(URI, 500, 0), null, 'nothing past the end');
});

test('settings are read per resource and applied on change', async () => {
  const broken = 'file:///tmp/broken.sip';
  client.settings = { diagnostics: { rules: { 'header-missing-colon': 'warning' } } };
  const first = client.nextDiagnostics(broken);
  client.open(broken, crlf('OPTIONS sip:a@example.com SIP/2.0', 'Max-Forwards 70', ''));
  assert.deepEqual((await first).diagnostics.map((d) => [d.code, d.severity]), [['header-missing-colon', 2]]);
  assert.ok(client.configurationRequests.some((item) => item.scopeUri === broken && item.section === 'sip'));

  client.settings = { diagnostics: { enable: false } };
  const second = client.nextDiagnostics(broken);
  client.notifyConfigurationChanged();
  assert.deepEqual((await second).diagnostics, []);
});
