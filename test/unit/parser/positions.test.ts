/** LSP positions (0-based line, UTF-16 character) on every kind of line end and on non-ASCII text. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTrace } from '../../../server/src/sip/parse';
import { LineIndex } from '../../../server/src/sip/text/lineIndex';

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
