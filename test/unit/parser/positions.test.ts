/** LSP positions (0-based line, UTF-16 character) on every kind of line end and on non-ASCII text. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTrace } from '../../../server/src/sip/parse';
import { LineIndex } from '../../../server/src/sip/text/lineIndex';
import { validate } from '../../../server/src/sip/rules/engine';
import { reparse } from '../../../server/src/sip/incremental';

const LINES = [
  'INVITE sip:bob@example.com SIP/2.0',
  'Via: SIP/2.0/UDP pc33.example.com;branch=z9hG4bK776asdhds',
  'To: Bob <sip:bob@example.com>',
  'From: "Ålice 😀" <sip:alice@example.com>;tag=1928301774',
  'Call-ID: a84b4c76e66710',
  'CSeq: 314159 INVITE',
  'Max-Forwards: 70',
  'Content-Length: 0',
  '',
];

function positionOf(model: ReturnType<typeof parseTrace>, needle: string) {
  return model.lineIndex.positionAt(model.text.indexOf(needle));
}

for (const [name, eol] of [['CRLF', '\r\n'], ['LF', '\n']] as const) {
  test(`${name} line ends give the same positions`, () => {
    const model = parseTrace(LINES.join(eol) + eol);
    assert.equal(model.messages.length, 1);
    const tag = model.messages[0].headers.find((h) => h.key === 'from')!;
    assert.deepEqual(model.lineIndex.positionAt(tag.nameStart), { line: 3, character: 0 });
    // The emoji is a surrogate pair: two UTF-16 code units, as LSP counts them.
    assert.deepEqual(positionOf(model, '<sip:alice'), { line: 3, character: 17 });
    assert.deepEqual(positionOf(model, 'tag='), { line: 3, character: 41 });
    const cseq = model.messages[0].headers.find((h) => h.key === 'cseq')!;
    assert.deepEqual(model.lineIndex.rangeOf(cseq.valueStart, cseq.valueEnd), {
      start: { line: 5, character: 6 },
      end: { line: 5, character: 19 },
    });
    assert.deepEqual(model.lineIndex.positionAt(model.messages[0].end), { line: 9, character: 0 });
  });
}

test('mixed line ends: each line keeps its own position', () => {
  const text = LINES.slice(0, 4).join('\r\n') + '\n' + LINES.slice(4).join('\n') + '\r\n';
  const model = parseTrace(text);
  assert.equal(model.messages.length, 1);
  assert.equal(model.messages[0].headers.length, 7);
  const callId = model.messages[0].headers.find((h) => h.key === 'call-id')!;
  assert.deepEqual(model.lineIndex.rangeOf(callId.valueStart, callId.valueEnd), {
    start: { line: 4, character: 9 },
    end: { line: 4, character: 23 },
  });
  assert.equal(model.messages[0].problems.length, 0);
});

test('a lone CR breaks a line, as the editor counts it', () => {
  const index = new LineIndex('a\rb\r\nc\nd');
  assert.deepEqual(index.positionAt(2), { line: 1, character: 0 });
  assert.deepEqual(index.positionAt(5), { line: 2, character: 0 });
  assert.deepEqual(index.positionAt(7), { line: 3, character: 0 });
  assert.equal(index.offsetAt({ line: 2, character: 0 }), 5);
  // Past the end of a line clamps to its end, before the line break.
  assert.equal(index.offsetAt({ line: 1, character: 99 }), 3);
  assert.equal(index.offsetAt({ line: 9, character: 0 }), 8);
});

test('a caller\'s line index is taken only when a position is needed: parsing and validating build none', () => {
  const one = LINES.join('\r\n') + '\r\n';
  const text = Array.from({ length: 6 }, (_, i) => one.replace('a84b4c76e66710', `call-${i}`).replace('776asdhds', `776asdhds${i}`)).join('');
  let asked = 0;
  const model = parseTrace(text, { lineIndex: () => (asked++, new LineIndex(text)) });
  assert.ok(validate(model).length > 0, 'validation reports offsets');
  assert.equal(asked, 0, 'no position was shown, so no index was built');
  const index = model.lineIndex;
  assert.equal(model.lineIndex, index, 'asked once, then kept');
  assert.equal(asked, 1);
  assert.deepEqual(index.positionAt(text.indexOf('CSeq', one.length)), { line: LINES.length + 5, character: 0 });

  // After an edit the document's index of the new text is used, not one spliced from the old model's.
  const at = text.indexOf('Max-Forwards: 70', one.length * 3) + 'Max-Forwards: 7'.length;
  const next = text.slice(0, at) + '1' + text.slice(at + 1);
  let askedNext = 0;
  const edited = reparse(model, next, { start: at, end: at + 1, delta: 0 }, { lineIndex: () => (askedNext++, new LineIndex(next)) });
  assert.equal(edited.messages.length, 6);
  assert.ok(validate(edited).length > 0);
  assert.equal(askedNext, 0);
  assert.deepEqual(edited.lineIndex.positionAt(at), { line: 3 * LINES.length + 6, character: 'Max-Forwards: 7'.length });
  assert.equal(askedNext, 1);
});
