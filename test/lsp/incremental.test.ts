/**
 * Edits in a large trace, on the real server: each incremental change gives
 * the diagnostics a fresh open of the same text gives, at the right place.
 */
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { LspClient, type PublishDiagnostics, type Range } from './lspClient';
import { REPO_ROOT, readText } from '../unit/helpers';

const CALLS = readText(path.join(REPO_ROOT, 'test', 'fixtures', 'calls.sip'));
// Past the 400 lines the format detection reads, so edits take the incremental path.
const TEXT = Array.from({ length: 12 }, (_, i) => CALLS.replace(/call(\d)-/g, `call$1-${i}-`)).join('\r\n');

let client: LspClient;
before(async () => {
  client = await LspClient.start();
});
after(async () => {
  await client.stop();
});

/** Waits for the publish that includes the conversation-level rules (the second one of a version). */
async function settled(uri: string, trigger: () => void): Promise<PublishDiagnostics> {
  const first = client.nextDiagnostics(uri);
  trigger();
  const a = await first;
  // An open publishes everything at once. After an edit, the conversation-level
  // diagnostics follow in a second publish (300 ms later) when they differ; the fixture has some.
  return a.diagnostics.some((d) => d.code === 'retransmission') ? a : client.nextDiagnostics(uri);
}

function lineOf(text: string, needle: string, occurrence: number): number {
  const lines = text.split('\n');
  let seen = 0;
  for (let i = 0; i < lines.length; i++) if (lines[i].includes(needle) && seen++ === occurrence) return i;
  throw new Error(`${needle} #${occurrence} not found`);
}

test('edits far into a large trace give the same diagnostics as a fresh open', async () => {
  const uri = 'file:///tmp/large.sip';
  let text = TEXT;
  await settled(uri, () => client.open(uri, text));

  // Break a header in the 9th copy: remove the colon of a Max-Forwards line.
  const line = lineOf(text, 'Max-Forwards: 70', 100);
  const lines = text.split('\n');
  const column = lines[line].indexOf(':');
  const range: Range = { start: { line, character: column }, end: { line, character: column + 1 } };
  lines[line] = lines[line].replace(':', '');
  text = lines.join('\n');
  const broken = await settled(uri, () => client.change(uri, 2, [{ range, text: '' }]));
  const missing = broken.diagnostics.filter((d) => d.code === 'header-missing-colon');
  assert.equal(missing.length, 1);
  assert.equal(missing[0].range.start.line, line);

  // Insert two lines near the end, moving nothing before them.
  const insertAt = lineOf(text, 'SUBSCRIBE sip:bob', 10);
  const inserted = 'X-Note: inserted\r\nX-Other: too\r\n';
  const textLines = text.split('\n');
  textLines.splice(insertAt + 1, 0, 'X-Note: inserted\r', 'X-Other: too\r');
  text = textLines.join('\n');
  const moved = await settled(uri, () => client.change(uri, 3, [{ range: { start: { line: insertAt + 1, character: 0 }, end: { line: insertAt + 1, character: 0 } }, text: inserted }]));

  const freshUri = 'file:///tmp/large-fresh.sip';
  const fresh = await settled(freshUri, () => client.open(freshUri, text));
  assert.deepEqual(moved.diagnostics, fresh.diagnostics);
  assert.ok(moved.diagnostics.length > 10, 'the trace has diagnostics to compare');

  // Hovers answer from the edited model.
  const hover = await client.hover(uri, lineOf(text, 'X-Note: inserted', 0), 2);
  assert.match(hover?.contents.value ?? '', /extension/i);
});

test('a trace of several megabytes stays right over a series of edits (the server collects old versions early there)', async () => {
  const generator = require(path.join(REPO_ROOT, 'scripts', 'bench', 'generate.js')) as { generateTrace(o: { seed: number; bytes: number }): { texts: { raw: string } } };
  let text = generator.generateTrace({ seed: 5, bytes: 5_000_000 }).texts.raw;
  assert.ok(text.length >= 4_000_000, 'large enough for the early collection (garbage.ts)');
  const uri = 'file:///tmp/megabytes.sip';
  const opening = client.nextDiagnostics(uri);
  client.open(uri, text);
  const opened = await opening;
  let version = 1;
  // Break and restore a header colon in several places, spread over the trace. The first publish
  // after an edit has what the messages say (the conversation-level rules follow when they differ).
  let restored = opened;
  for (const fraction of [0.2, 0.5, 0.8]) {
    const line = lineOf(text, 'Max-Forwards: 70', Math.floor(fraction * 1000));
    const column = text.split('\n')[line].indexOf(':');
    const range: Range = { start: { line, character: column }, end: { line, character: column + 1 } };
    text = editLine(text, line, (l) => l.replace(':', ' '));
    const breaking = client.nextDiagnostics(uri);
    client.change(uri, ++version, [{ range, text: ' ' }]);
    const broken = await breaking;
    assert.deepEqual(
      broken.diagnostics.filter((d) => d.code === 'header-missing-colon').map((d) => d.range.start),
      [{ line, character: 0 }],
      `the broken colon at line ${line} is reported, at its line`,
    );
    text = editLine(text, line, (l) => l.replace('Max-Forwards  70', 'Max-Forwards: 70'));
    const restoring = client.nextDiagnostics(uri);
    client.change(uri, ++version, [{ range, text: ':' }]);
    restored = await restoring;
    assert.ok(!restored.diagnostics.some((d) => d.code === 'header-missing-colon'), 'restoring the colon clears it');
  }
  const freshUri = 'file:///tmp/megabytes-fresh.sip';
  const fresh = client.nextDiagnostics(freshUri);
  client.open(freshUri, text);
  assert.deepEqual(restored.diagnostics, (await fresh).diagnostics, 'the edited document reads as a fresh open of its text');
  assert.deepEqual(restored.diagnostics, opened.diagnostics);
});

function editLine(text: string, line: number, change: (l: string) => string): string {
  const lines = text.split('\n');
  lines[line] = change(lines[line]);
  return lines.join('\n');
}
