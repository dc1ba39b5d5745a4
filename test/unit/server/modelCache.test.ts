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

/** A document whose cache holds a model that misses a real edit (the simulated bug of the test above). */
function driftedDocument(uri: string): { cache: ModelCache; next: SipDocument } {
  const cache = new ModelCache();
  const doc = SipDocument.create(uri, 'sip', 1, TEXT);
  cache.get(doc, 'auto');
  const { next } = edited(doc, Math.floor(TEXT.length * 0.5), 'INVITE sip:x@y SIP/2.0\r\n\r\n');
  const elsewhere = doc.positionAt(Math.floor(TEXT.length * 0.9));
  cache.noteChanges(doc, [{ range: { start: elsewhere, end: elsewhere }, text: 'INVITE sip:x@y SIP/2.0\r\n\r\n' }]);
  cache.get(next, 'auto');
  return { cache, next };
}

test('the idle check in a worker thread finds a correct incremental model equal to a full parse', async () => {
  const cache = new ModelCache();
  const doc = SipDocument.create('file:///w1.sip', 'sip', 1, TEXT);
  cache.get(doc, 'auto');
  const { next, change } = edited(doc, Math.floor(TEXT.length * 0.3), 'X-Edit: 1\r\n');
  cache.noteChanges(doc, [change]);
  const incremental = cache.get(next, 'auto');
  const errors: unknown[] = [];
  assert.equal(await cache.verifyInBackground(next, { onWorkerError: (e) => errors.push(e) }), false, 'equal to a full parse');
  assert.deepEqual(errors, [], 'the worker ran');
  assert.equal(cache.get(next, 'auto'), incremental, 'the model stays');
  assert.equal(cache.hasIncrementalModel(next.uri), false);
});

test('the worker notices a model that differs from a full parse, and the full parse wins', async () => {
  const { cache, next } = driftedDocument('file:///w2.sip');
  const full = parseTrace(next.getText());
  const errors: unknown[] = [];
  assert.equal(await cache.verifyInBackground(next, { onWorkerError: (e) => errors.push(e) }), true);
  assert.deepEqual(errors, []);
  assert.deepEqual(cache.get(next, 'auto').messages.map((m) => [m.start, m.end]), full.messages.map((m) => [m.start, m.end]));
});

test('an edit while the worker parses: no verdict on the gone version, the newer model stands', async () => {
  const { cache, next } = driftedDocument('file:///w3.sip');
  const checking = cache.verifyInBackground(next);
  const { next: newer, change } = edited(next, 10, 'Y');
  cache.noteChanges(next, [change]);
  const newerModel = cache.get(newer, 'auto');
  assert.equal(await checking, false);
  assert.equal(cache.get(newer, 'auto'), newerModel);
});

test('when no worker can run, the check runs on the main thread and still catches the difference', async () => {
  const { cache, next } = driftedDocument('file:///w4.sip');
  const errors: unknown[] = [];
  const noWorker = () => ({ result: Promise.reject(new Error('no worker here')), cancel: () => undefined });
  assert.equal(await cache.verifyInBackground(next, { parseShape: noWorker, onWorkerError: (e) => errors.push(e) }), true);
  assert.equal(errors.length, 1, 'the failure is reported');
  assert.equal(cache.get(next, 'auto').messages.length, parseTrace(next.getText()).messages.length);
});

test('after an edit in one call, only that call is summarized again; every summary equals a full analysis', () => {
  // Ten copies of the fixture, each with its own Call-IDs and branches: forty distinct calls.
  const copies = Array.from({ length: 10 }, (_, k) => CALLS.replace(/@192\.0\.2\.10\b/g, `-${k}@192.0.2.10`).replace(/branch=z9hG4bK/g, `branch=z9hG4bK${k}x`));
  const text = copies.join('\r\n');
  const cache = new ModelCache();
  const doc = SipDocument.create('file:///summaries.sip', 'sip', 1, text);
  const beforeModel = cache.get(doc, 'auto');
  const before = analysisOf(beforeModel);
  assert.equal(before.calls.length, 40);
  // The offer's port in the sixth copy's first call (the INVITE after the 401 challenge): 49170 -> 49171.
  const challenged = text.indexOf('m=audio 49170', text.indexOf('call1-auth-answer-5@'));
  const at = text.indexOf('m=audio 49170', challenged + 1) + 'm=audio 4917'.length;
  const change = { range: { start: doc.positionAt(at), end: doc.positionAt(at + 1) }, text: '1' };
  const next = SipDocument.update(doc, [change], 2);
  cache.noteChanges(doc, [change]);
  const afterModel = cache.get(next, 'auto');
  assert.equal(afterModel.messages[0], beforeModel.messages[0], 'an incremental re-parse');
  const after = analysisOf(afterModel);
  const editedCall = after.calls.findIndex((c) => c.callId === 'call1-auth-answer-5@192.0.2.10');
  assert.ok(editedCall !== -1);
  const fresh = analysisOf(parseTrace(next.getText()));
  assert.deepEqual(after.calls, fresh.calls, 'the same summaries as a full analysis');
  assert.equal(after.calls[editedCall].offer?.[0].port, 49171);
  assert.notDeepEqual(after.calls[editedCall].offer, before.calls[editedCall].offer, 'the edited call has its new offer');
  const kept = after.calls.filter((c, i) => c === before.calls[i]).length;
  assert.equal(kept, 39, 'the other 39 calls keep their summaries');

  // Two more edits in two other calls, with nothing asking for summaries in between (typing).
  let current = next;
  for (const callId of ['call2-fork-cancel-2@', 'call1-auth-answer-8@']) {
    const where = current.getText().indexOf('Max-Forwards: 70', current.getText().indexOf(callId)) + 'Max-Forwards: 7'.length;
    const typed = { range: { start: current.positionAt(where), end: current.positionAt(where + 1) }, text: '1' };
    const following = SipDocument.update(current, [typed], current.version + 1);
    cache.noteChanges(current, [typed]);
    cache.get(following, 'auto');
    current = following;
  }
  const last = analysisOf(cache.get(current, 'auto'));
  assert.deepEqual(last.calls, analysisOf(parseTrace(current.getText())).calls);
  assert.equal(last.calls.filter((c, i) => c === after.calls[i]).length, 38, 'summaries carry over versions nobody asked about');
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
