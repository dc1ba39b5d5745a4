/**
 * PieceText, the text an edit leaves: equal to the string the same edits
 * make, read in pieces, with a bounded number of pieces however long the
 * editing goes on.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PieceText } from '../../../server/src/sip/text/pieceText';
import { prng } from '../helpers';

const WORDS = ['a', 'INVITE sip:bob@example.com SIP/2.0\r\n', '\r\n', 'é', '😀', 'x'.repeat(1500), ''];

function same(pieces: PieceText, text: string, random: () => number, what: string): void {
  assert.equal(pieces.length, text.length, `${what}: length`);
  for (let k = 0; k < 20; k++) {
    const i = Math.floor(random() * (text.length + 4)) - 2;
    assert.deepEqual(pieces.charCodeAt(i), text.charCodeAt(i), `${what}: charCodeAt(${i})`);
    const a = Math.floor(random() * (text.length + 4)) - 2;
    const b = a + Math.floor(random() * 3000) - 200;
    if (a <= b) assert.equal(pieces.slice(a, b), text.slice(Math.max(0, a), Math.max(0, b)), `${what}: slice(${a}, ${b})`);
  }
}

test('PieceText equals the string the same edits make', () => {
  const random = prng(0x9e7e);
  for (let round = 0; round < 40; round++) {
    let text = Array.from({ length: 30 }, () => WORDS[Math.floor(random() * WORDS.length)]).join('');
    let pieces = PieceText.of(text);
    for (let step = 0; step < 60; step++) {
      const start = Math.floor(random() * (text.length + 1));
      const end = Math.min(text.length, start + (random() < 0.5 ? 0 : Math.floor(random() * 40)));
      const inserted = random() < 0.3 ? '' : WORDS[Math.floor(random() * WORDS.length)];
      text = text.slice(0, start) + inserted + text.slice(end);
      pieces = pieces.edit(start, end, inserted);
      same(pieces, text, random, `round ${round} step ${step}`);
    }
    assert.equal(pieces.toString(), text);
  }
});

test('typing makes one piece, not one per keystroke', () => {
  const base = 'x'.repeat(100_000);
  let pieces = PieceText.of(base);
  let text = base;
  for (let i = 0; i < 200; i++) {
    pieces = pieces.edit(50_000 + i, 50_000 + i, 'k');
    text = text.slice(0, 50_000 + i) + 'k' + text.slice(50_000 + i);
  }
  assert.equal(pieces.pieceCount, 3, 'before the typing, the typed text, after it');
  assert.equal(pieces.toString(), text);
});

test('edits all over the text keep the number of pieces bounded', () => {
  const random = prng(7);
  let text = 'y'.repeat(2_000_000);
  let pieces = PieceText.of(text);
  let most = 0;
  for (let i = 0; i < 3000; i++) {
    const at = Math.floor(random() * text.length);
    pieces = pieces.edit(at, at + 1, 'z');
    text = text.slice(0, at) + 'z' + text.slice(at + 1);
    most = Math.max(most, pieces.pieceCount);
  }
  assert.ok(most <= 512, `${most} pieces at most`);
  assert.equal(pieces.toString(), text);
});

test('out-of-range edits and reads are clamped as String.prototype.slice does', () => {
  const pieces = PieceText.of('abcdef').edit(-5, 2, 'X').edit(10, 20, 'Y');
  assert.equal(pieces.toString(), 'Xcdef' + 'Y');
  assert.equal(pieces.slice(-3, 100), 'XcdefY');
  assert.ok(Number.isNaN(pieces.charCodeAt(6)));
  assert.equal(PieceText.of('').edit(0, 0, '').length, 0);
});
