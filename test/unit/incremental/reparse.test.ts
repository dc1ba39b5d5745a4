/**
 * The incremental re-parse equals a full parse: thousands of seeded random
 * edits (typing, deleting, pasting lines, breaking and fixing headers and
 * blank lines) on large traces of every wrapping, compared message by
 * message, header by header, problem by problem.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseTrace } from '../../../server/src/sip/parse';
import { EditAccumulator, reparse } from '../../../server/src/sip/incremental';
import { validate } from '../../../server/src/sip/rules/engine';
import { analysisOf } from '../../../server/src/sip/analysis/analyze';
import { messageKeys } from '../../../server/src/sip/analysis/keys';
import { framerById } from '../../../server/src/sip/framing/registry';
import type { TraceModel } from '../../../server/src/sip/model';
import { hasShape, shapeOf } from '../../../server/src/fullParseCheck';
import { REPO_ROOT, prng } from '../helpers';


/** Everything a user can see of a model, as plain data. */
function snapshot(model: TraceModel) {
  return {
    format: model.format.id,
    problems: model.problems,
    messages: model.messages.map((m) => ({
      index: m.index, start: m.start, end: m.end, kind: m.kind, startLine: m.startLine, lines: [...m.lines],
      bodyLine: m.bodyLine, bodyStart: m.bodyStart, bodyEnd: m.bodyEnd, contentType: m.contentType,
      problems: m.problems, meta: m.meta, headers: m.headers.map((h) => ({ ...h })),
    })),
  };
}

const FIXTURES = path.join(REPO_ROOT, 'test', 'unit', 'framing', 'fixtures');
// A soak run: SIP_INCREMENTAL_EDITS=500 SIP_INCREMENTAL_SEED=2 node --test out/test/unit/incremental
const EDITS_PER_FORMAT = Number(process.env.SIP_INCREMENTAL_EDITS ?? 30);
const SEED = Number(process.env.SIP_INCREMENTAL_SEED ?? 0x1ce);

/** A trace large enough that the incremental path is taken (past the detection lines). */
function bigTrace(file: string): string {
  const one = fs.readFileSync(path.join(FIXTURES, file), 'utf8');
  const lines = one.split('\n').length;
  return one.repeat(Math.ceil(3_000 / lines) + 1);
}

const SNIPPETS = ['Call-ID: edited@x\r\n', ';tag=edited', 'From: <sip:e@x>;tag=e1\r\n', '\r\n', '\n', '\r', ':', ' ', 'x', 'Via: SIP/2.0/UDP h;branch=z9hG4bK9\r\n', 'SIP/2.0 200 OK\r\n', '\r\n\r\n', 'Content-Length: 5\r\n', 'INVITE sip:a@b SIP/2.0\r\n'];

for (const file of fs.readdirSync(FIXTURES).filter((f) => f !== 'tshark-decoded.txt').sort()) {
  test(`incremental re-parse equals a full parse: ${file}`, () => {
    const random = prng(SEED ^ file.length);
    let text = bigTrace(file);
    let model = parseTrace(text);
    let incremental = 0;
    for (let i = 0; i < EDITS_PER_FORMAT; i++) {
      // Edits land past the lines detection reads (the first 400 here).
      const start = Math.floor(text.length / 3 + random() * (text.length * 2 / 3 - 10));
      const end = Math.min(text.length, start + (random() < 0.5 ? 0 : Math.floor(random() * 40)));
      const inserted = random() < 0.3 ? '' : SNIPPETS[Math.floor(random() * SNIPPETS.length)];
      const next = text.slice(0, start) + inserted + text.slice(end);
      const updated = reparse(model, next, { start, end, delta: inserted.length - (end - start) });
      const expected = parseTrace(next);
      assert.deepEqual(snapshot(updated), snapshot(expected), `edit ${i} at ${start}-${end} inserting ${JSON.stringify(inserted)}`);
      const probe = [0, start, Math.min(next.length, start + inserted.length + 1), next.length, Math.floor(random() * next.length)];
      for (const offset of probe) assert.deepEqual(updated.lineIndex.positionAt(offset), expected.lineIndex.positionAt(offset), `position of ${offset} after edit ${i}`);
      assert.equal(updated.lineIndex.lineCount, expected.lineIndex.lineCount);
      if (i % 5 === 0) assert.deepEqual(validate(updated), validate(expected), `diagnostics after edit ${i}`);
      // The idle full-parse check reads moved messages' lines and problems in place: same shape as a full parse's.
      assert.deepEqual(shapeOf(updated), shapeOf(expected), `shape after edit ${i}`);
      assert.ok(hasShape(updated, shapeOf(expected)), `hasShape after edit ${i}`);
      // The analysis keeps each message's keys across edits: it must still be the full parse's.
      if (i % 3 === 0) {
        assert.deepEqual(analysisOf(updated).keys, expected.messages.map((m) => messageKeys(next, m)), `message keys after edit ${i}`);
        assert.deepEqual(analysisOf(updated), analysisOf(expected), `analysis after edit ${i}`);
      }
      if (updated.messages.length > 0 && expected.messages.length > 0 && updated.messages[0] === model.messages[0]) incremental++;
      text = next;
      model = updated;
    }
    if (framerById(model.format.id)?.resumable === false) {
      assert.equal(incremental, 0, 'a framer that cannot resume mid-trace is always parsed in full');
    } else {
      // Most edits must really be incremental (the first messages are reused, not re-parsed).
      assert.ok(incremental > EDITS_PER_FORMAT / 2, `only ${incremental} of ${EDITS_PER_FORMAT} edits were incremental`);
    }
  });
}

test('a sequence of edits folds into one edit in the original offsets', () => {
  const original = '0123456789abcdefghij';
  const random = prng(7);
  for (let round = 0; round < 500; round++) {
    let text = original;
    const acc = new EditAccumulator();
    const steps = 1 + Math.floor(random() * 5);
    for (let k = 0; k < steps; k++) {
      const start = Math.floor(random() * (text.length + 1));
      const end = Math.min(text.length, start + Math.floor(random() * 4));
      const inserted = 'XYZ'.slice(0, Math.floor(random() * 4));
      text = text.slice(0, start) + inserted + text.slice(end);
      acc.add(start, end, inserted.length);
    }
    const edit = acc.result()!;
    // Outside the folded edit, the final text is the original text.
    assert.equal(text.slice(0, edit.start), original.slice(0, edit.start));
    assert.equal(text.slice(edit.end + edit.delta), original.slice(edit.end));
    assert.equal(text.length, original.length + edit.delta);
  }
});

test('after an edit that changes no message keys, the analysis is carried over, not rebuilt', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const generator = require(path.join(REPO_ROOT, 'scripts', 'bench', 'generate.js')) as { generateTrace(o: { seed: number; messages: number }): { texts: { raw: string } } };
  const text = generator.generateTrace({ seed: 3, messages: 3000 }).texts.raw;
  const model = parseTrace(text);
  const before = analysisOf(model);
  assert.ok(before.transactions.length > 10);
  // A Max-Forwards digit: no Call-ID, CSeq, tag, branch or RSeq changes.
  const at = text.indexOf('Max-Forwards: 70', Math.floor(text.length / 2)) + 'Max-Forwards: '.length;
  assert.ok(at > 'Max-Forwards: '.length);
  const next = text.slice(0, at) + '6' + text.slice(at + 1);
  const updated = reparse(model, next, { start: at, end: at + 1, delta: 0 });
  assert.equal(updated.messages[0], model.messages[0], 'the edit was re-parsed incrementally');
  const after = analysisOf(updated);
  assert.equal(after.transactions, before.transactions, 'the transactions were carried over');
  assert.deepEqual(after, analysisOf(parseTrace(next)));

  // Two edits later, with no analysis of the version between: still carried over.
  const between = reparse(updated, next.slice(0, at) + '5' + next.slice(at + 1), { start: at, end: at + 1, delta: 0 });
  const third = between.text.slice(0, at) + '4' + between.text.slice(at + 1);
  const last = reparse(between, third, { start: at, end: at + 1, delta: 0 });
  assert.equal(analysisOf(last).transactions, before.transactions);
  assert.deepEqual(analysisOf(last), analysisOf(parseTrace(third)));

  // A changed Call-ID regroups the messages: the analysis is built again, and equals a full parse's.
  const callId = third.indexOf('Call-ID: ', at) + 'Call-ID: '.length;
  const regrouped = third.slice(0, callId) + 'X' + third.slice(callId);
  const edited = reparse(last, regrouped, { start: callId, end: callId, delta: 1 });
  const rebuilt = analysisOf(edited);
  assert.notEqual(rebuilt.transactions, before.transactions);
  assert.deepEqual(rebuilt, analysisOf(parseTrace(regrouped)));
});
