/**
 * An open as an editor makes it, on the real server: with the open come the
 * requests for the outline, folding ranges and code lenses. The open's
 * diagnostics are published first; folding follows the client's
 * `rangeLimit`; the outline holds `sip.outline.maxItems` items.
 */
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { LspClient } from './lspClient';
import { REPO_ROOT, readText } from '../unit/helpers';

const URI = 'file:///tmp/many-calls.sip';
const CALLS = readText(path.join(REPO_ROOT, 'test', 'fixtures', 'calls.sip'));
/** 300 copies of the four-call fixture, each with its own Call-IDs: 9,300 messages, validated in several steps. */
const TEXT = Array.from({ length: 300 }, (_, i) => CALLS.replace(/^(Call-ID|i):\s*(\S+)/gim, `$1: copy${i}-$2`)).join('\r\n');
const RANGE_LIMIT = 50;

interface Symbol { name: string; children: Symbol[] }

let client: LspClient;

before(async () => {
  client = await LspClient.start({ foldingRange: { rangeLimit: RANGE_LIMIT, lineFoldingOnly: true } });
});

after(async () => {
  await client.stop();
});

test('the requests an editor sends with an open are answered after the open\'s diagnostics', async () => {
  const order: string[] = [];
  const diagnostics = client.nextDiagnostics(URI).then((d) => {
    order.push('diagnostics');
    return d;
  });
  client.open(URI, TEXT);
  const doc = { textDocument: { uri: URI } };
  const answered = (name: string) => <T>(answer: T) => {
    order.push(name);
    return answer;
  };
  const [symbols, folds, lenses] = await Promise.all([
    client.request<Symbol[]>('textDocument/documentSymbol', doc).then(answered('outline')),
    client.request<{ startLine: number; endLine: number }[]>('textDocument/foldingRange', doc).then(answered('folding')),
    client.request<unknown[]>('textDocument/codeLens', doc).then(answered('lenses')),
  ]);
  await diagnostics;
  assert.equal(order[0], 'diagnostics', `order: ${order.join(', ')}`);
  assert.equal((await client.traceStatus(URI)).messageCount, 9_300);

  // Folding: the first RANGE_LIMIT whole messages (there are more messages than that, so nothing nested).
  const messageStarts = TEXT.split('\n').flatMap((line, i) => (/^([A-Z]+ sip:|SIP\/2\.0 \d{3})/.test(line) ? [i] : []));
  assert.deepEqual(folds.map((f) => f.startLine), messageStarts.slice(0, RANGE_LIMIT));

  // The outline: every one of the 1,200 calls; the contents of the first ones, within 10,000 items in all.
  assert.equal(symbols.length, 1_200);
  const count = (nodes: readonly Symbol[]): number => nodes.reduce((n, s) => n + 1 + count(s.children), 0);
  assert.ok(count(symbols) <= 10_000, `${count(symbols)} items`);
  assert.ok(symbols[0].children.length > 0 && symbols[symbols.length - 1].children.length === 0);
  assert.equal(lenses.length, 1_200, 'a lens per call');
});

test('folding follows editor.foldingMaximumRegions where the client has it, before its announced rangeLimit', async () => {
  const uri = 'file:///tmp/many-calls-2.sip';
  client.otherSettings['editor.foldingMaximumRegions'] = 120;
  try {
    const opened = client.nextDiagnostics(uri);
    client.open(uri, TEXT);
    await opened;
    const folds = await client.request<unknown[]>('textDocument/foldingRange', { textDocument: { uri } });
    assert.equal(folds.length, 120);
  } finally {
    delete client.otherSettings['editor.foldingMaximumRegions'];
  }
});
