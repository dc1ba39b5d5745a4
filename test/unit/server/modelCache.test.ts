/** The server's model cache: incremental after edits, and the full-parse check when editing pauses. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { SipDocument } from '../../../server/src/sipDocument';
import { ModelCache } from '../../../server/src/modelCache';
import { parseTrace } from '../../../server/src/sip/parse';
import { DEFAULT_VALIDATION_SETTINGS, validate } from '../../../server/src/sip/rules/engine';
import { PieceText } from '../../../server/src/sip/text/pieceText';
import { hoverAt } from '../../../server/src/sip/hover/hover';
import { analysisOf } from '../../../server/src/sip/analysis/analyze';
import { outline } from '../../../server/src/sip/features/outline';
import { foldingRanges } from '../../../server/src/sip/features/folding';
import { callLenses, timingHints } from '../../../server/src/sip/features/timing';
import { callRows } from '../../../server/src/sip/features/calls';
import { definitionAt, referencesAt } from '../../../server/src/sip/features/navigation';
import { fixesFor, headerNameFixes } from '../../../server/src/sip/fixes';
import type { TraceModel } from '../../../server/src/sip/model';
import { REPO_ROOT, corpusFiles, readText } from '../helpers';

const CALLS = readText(path.join(REPO_ROOT, 'test', 'fixtures', 'calls.sip'));
const TEXT = Array.from({ length: 12 }, () => CALLS).join('\r\n');

type Change = { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string };

function edited(document: SipDocument, offset: number, insert: string): { next: SipDocument; change: Change } {
  const at = document.positionAt(offset);
  const change = { range: { start: at, end: at }, text: insert };
  return { next: SipDocument.update(document, [change], document.version + 1), change };
}

test('an edit far into a trace re-parses incrementally; the idle check finds it equal to a full parse', () => {
  const cache = new ModelCache();
  const doc = SipDocument.create('file:///a.sip', 'sip', 1, TEXT);
  const before = cache.get(doc, 'auto');
  const { next, change } = edited(doc, Math.floor(TEXT.length * 0.8), 'X-Edit: 1\r\n');
  cache.noteChanges(doc, [change]);
  const after = cache.get(next, 'auto');
  assert.equal(after.messages[0], before.messages[0], 'messages before the edit are reused');
  assert.ok(cache.hasIncrementalModel(next.uri));
  assert.equal(cache.verify(next), false, 'equal to a full parse');
  assert.equal(cache.hasIncrementalModel(next.uri), false);
});

test('should an incremental model ever differ from a full parse, the check replaces it', () => {
  const cache = new ModelCache();
  const doc = SipDocument.create('file:///b.sip', 'sip', 1, TEXT);
  cache.get(doc, 'auto');
  // Tell the cache about a different place than the real edit: its re-parse then misses the change.
  const real = Math.floor(TEXT.length * 0.5);
  const { next } = edited(doc, real, 'INVITE sip:x@y SIP/2.0\r\n\r\n');
  const elsewhere = doc.positionAt(Math.floor(TEXT.length * 0.9));
  cache.noteChanges(doc, [{ range: { start: elsewhere, end: elsewhere }, text: 'INVITE sip:x@y SIP/2.0\r\n\r\n' }]);
  const drifted = cache.get(next, 'auto');
  const full = parseTrace(next.getText());
  assert.notEqual(drifted.messages.length, full.messages.length, 'the simulated bug shows');
  assert.equal(cache.verify(next), true, 'the check notices');
  assert.equal(cache.get(next, 'auto').messages.length, full.messages.length, 'and the full parse wins');
});

test('the model of a document version uses that version\'s line index (one index, not two)', () => {
  const cache = new ModelCache();
  const doc = SipDocument.create('file:///c.sip', 'sip', 1, TEXT);
  assert.equal(cache.get(doc, 'auto').lineIndex, doc.lineIndex);
  const { next, change } = edited(doc, Math.floor(TEXT.length * 0.7), 'X');
  cache.noteChanges(doc, [change]);
  const after = cache.get(next, 'auto');
  assert.equal(after.lineIndex, next.lineIndex);
  assert.deepEqual(after.lineIndex.positionAt(TEXT.length - 5), parseTrace(next.getText()).lineIndex.positionAt(TEXT.length - 5));
});

test('a keystroke far into a trace is re-parsed and validated without building the whole text', () => {
  const cache = new ModelCache();
  const doc = SipDocument.create('file:///d.sip', 'sip', 1, TEXT);
  const before = cache.get(doc, 'auto');
  validate(before);
  // Break a header far into the trace: its colon becomes a space.
  const colon = TEXT.indexOf('Max-Forwards:', Math.floor(TEXT.length * 0.6)) + 'Max-Forwards'.length;
  const at = doc.positionAt(colon);
  const change = { range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: ' ' };
  const wholeBuilt = countCalls(PieceText.prototype, 'toString');
  let next: SipDocument;
  let diagnostics;
  try {
    next = SipDocument.update(doc, [change], 2);
    cache.noteChanges(doc, [change]);
    const after = cache.get(next, 'auto');
    // What the server publishes first after an edit: the message-level rules, as ranges.
    diagnostics = validate(after, DEFAULT_VALIDATION_SETTINGS, { traceRules: false }).map((d) => ({ code: d.code, range: after.lineIndex.rangeOf(d.start, d.end) }));
  } finally {
    wholeBuilt.restore();
  }
  assert.equal(wholeBuilt.calls, 0, 'the whole text was never built');
  const full = parseTrace(next.getText());
  const expected = validate(full, DEFAULT_VALIDATION_SETTINGS, { traceRules: false }).map((d) => ({ code: d.code, range: full.lineIndex.rangeOf(d.start, d.end) }));
  assert.ok(expected.some((d) => d.code === 'header-missing-colon'), 'the broken header is reported');
  assert.deepEqual(diagnostics, expected);
});

test('hovers after a keystroke read the messages, never the whole text, and say what a full parse says', () => {
  const cache = new ModelCache();
  const doc = SipDocument.create('file:///h.sip', 'sip', 1, TEXT);
  const before = cache.get(doc, 'auto');
  // A header typed in the middle of the trace moves every message after it.
  const { next, change } = edited(doc, TEXT.indexOf('\r\nCSeq:', Math.floor(TEXT.length / 2)) + 2, 'X-Note: typed\r\n');
  cache.noteChanges(doc, [change]);
  const offsets = Array.from({ length: Math.floor((TEXT.length + change.text.length) / 5) }, (_, i) => i * 5);
  const wholeBuilt = countCalls(PieceText.prototype, 'toString');
  let hovers;
  try {
    const after = cache.get(next, 'auto');
    assert.equal(after.messages[0], before.messages[0], 'the edit was parsed incrementally');
    hovers = offsets.map((offset) => hoverAt(after, offset));
  } finally {
    wholeBuilt.restore();
  }
  assert.equal(wholeBuilt.calls, 0, 'the whole text was never built');
  const full = parseTrace(next.getText());
  assert.deepEqual(hovers, offsets.map((offset) => hoverAt(full, offset)));
  const kinds = new Set(hovers.filter((h) => h !== null).map((h) => h!.markdown.split('\n')[0].slice(0, 12)));
  assert.ok(kinds.size > 20, `hovers of ${kinds.size} kinds`);
  assert.ok(hovers.some((h) => h !== null && h.markdown.includes('**In this trace:**')), 'hovers that read other messages');
});

/** What the editor asks of a model after an edit: every feature, at every few characters. */
function everyFeature(model: TraceModel, length: number) {
  const analysis = analysisOf(model);
  const offsets = Array.from({ length: Math.floor(length / 7) }, (_, i) => i * 7);
  const diagnostics = validate(model);
  return {
    diagnostics,
    fixes: diagnostics.map((d) => fixesFor(model, d)),
    outline: outline(model, analysis),
    folding: foldingRanges(model),
    timing: timingHints(model, analysis),
    lenses: callLenses(model, analysis),
    calls: callRows(model, analysis),
    at: offsets.map((offset) => ({
      definition: definitionAt(model, analysis, offset),
      references: referencesAt(model, analysis, offset),
      names: headerNameFixes(model, offset),
    })),
  };
}

const FRAMING = path.join(REPO_ROOT, 'test', 'unit', 'framing', 'fixtures');
for (const [name, text, timed] of [
  // Calls (outline, navigation) and the torture messages (fixes).
  ['raw', [CALLS, ...corpusFiles('rfc4475').map(readText), CALLS].join('\r\n'), false],
  // Wrapped, with timestamps (timing hints).
  ['ngrep', Array.from({ length: 20 }, () => readText(path.join(FRAMING, 'ngrep.txt'))).join('\n'), true],
  ['sngrep', Array.from({ length: 20 }, () => readText(path.join(FRAMING, 'sngrep.txt'))).join('\n'), true],
] as const) {
  test(`${name}: after a keystroke every feature reads the messages, never the whole text, and answers as on a full parse`, () => {
    const cache = new ModelCache();
    const doc = SipDocument.create('file:///f.sip', 'sip', 1, text);
    const before = cache.get(doc, 'auto');
    const { next, change } = edited(doc, text.indexOf('CSeq:', Math.floor(text.length / 3)), 'X-Note: typed\r\n');
    cache.noteChanges(doc, [change]);
    const wholeBuilt = countCalls(PieceText.prototype, 'toString');
    let answers;
    try {
      const after = cache.get(next, 'auto');
      assert.equal(after.messages[0], before.messages[0], 'the edit was parsed incrementally');
      answers = everyFeature(after, text.length + change.text.length);
    } finally {
      wholeBuilt.restore();
    }
    assert.equal(wholeBuilt.calls, 0, 'the whole text was never built');
    const expected = everyFeature(parseTrace(next.getText()), text.length + change.text.length);
    assert.deepEqual(answers, expected);
    assert.ok(expected.at.filter((a) => a.references.length > 1).length > 10, 'positions with references');
    assert.ok(expected.at.filter((a) => a.definition !== null).length > 5, 'positions with a definition');
    assert.ok(expected.at.filter((a) => a.names.length > 0).length > 10, 'header names with rewrites');
    assert.ok(expected.calls.length >= 1 && expected.outline.length >= 1);
    if (timed) assert.ok(expected.timing.length > 10, 'timing hints');
    else assert.ok(expected.fixes.filter((f) => f.length > 0).length >= 5, 'diagnostics with fixes');
  });
}

function countCalls<T extends object>(target: T, name: keyof T & string): { calls: number; restore(): void } {
  const original = target[name] as unknown as (...args: unknown[]) => unknown;
  const counter = {
    calls: 0,
    restore: () => {
      (target as Record<string, unknown>)[name] = original;
    },
  };
  (target as Record<string, unknown>)[name] = function (this: unknown, ...args: unknown[]) {
    counter.calls++;
    return original.apply(this, args);
  };
  return counter;
}

test('an edit that needs a full parse leaves the document one flat piece, not pieces of the version before', () => {
  const cache = new ModelCache();
  const doc = SipDocument.create('file:///e.sip', 'sip', 1, TEXT);
  cache.get(doc, 'auto');
  // Near the start, within the lines that decide the trace format: parsed again in full.
  const { next, change } = edited(doc, 10, 'X');
  cache.noteChanges(doc, [change]);
  assert.ok(next.pieces.pieceCount > 1, 'the edit made pieces');
  cache.get(next, 'auto');
  assert.equal(cache.hasIncrementalModel(next.uri), false, 'a full parse');
  assert.equal(next.pieces.pieceCount, 1);
  assert.equal(next.getText(), TEXT.slice(0, 10) + 'X' + TEXT.slice(10));
});
