/**
 * The server's documents answer exactly as vscode-languageserver-textdocument
 * does (the editor's positions must mean the same text), over thousands of
 * seeded edits with every kind of line end, several changes per
 * notification, and full-text replacements.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SipDocument } from '../../../server/src/sipDocument';
import { prng } from '../helpers';

const PIECES = ['\r\n', '\n', '\r', 'a', 'INVITE sip:b@c SIP/2.0', ' ', 'é', '😀', '\r\n\r\n', 'x\ry\nz'];

function randomText(random: () => number, pieces: number): string {
  let s = '';
  for (let i = 0; i < pieces; i++) s += PIECES[Math.floor(random() * PIECES.length)];
  return s;
}

function same(ours: SipDocument, theirs: TextDocument, random: () => number, what: string): void {
  const text = theirs.getText();
  assert.equal(ours.getText(), text, what);
  assert.equal(ours.lineCount, theirs.lineCount, what);
  for (let k = 0; k < 12; k++) {
    const offset = Math.floor(random() * (text.length + 3)) - 1;
    assert.deepEqual(ours.positionAt(offset), theirs.positionAt(offset), `${what}: positionAt(${offset})`);
    const position = { line: Math.floor(random() * (theirs.lineCount + 2)) - 1, character: Math.floor(random() * 30) };
    assert.equal(ours.offsetAt(position), theirs.offsetAt(position), `${what}: offsetAt(${JSON.stringify(position)})`);
    const line = Math.floor(random() * (theirs.lineCount + 2)) - 1;
    assert.deepEqual(ours.getLineRange(line), theirs.getLineRange(line), `${what}: getLineRange(${line})`);
    assert.equal(ours.getEOLCharacters(line), theirs.getEOLCharacters(line), `${what}: getEOLCharacters(${line})`);
    const end = { line: position.line + 1, character: 2 };
    assert.equal(ours.getText({ start: position, end }), theirs.getText({ start: position, end }), `${what}: getText(range)`);
  }
}

/** The text after `changes`, each applied to a freshly opened document of the text before it. */
function finalText(start: TextDocument, changes: readonly ({ text: string } | { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string })[]): string {
  // TextDocument.update changes the document it is given: each step works on a fresh copy.
  let text = start.getText();
  for (const change of changes) text = TextDocument.update(TextDocument.create('file:///t.sip', 'sip', 0, text), [change], 0).getText();
  return text;
}

test('SipDocument equals TextDocument after thousands of random edits', () => {
  const random = prng(0x5d0c);
  for (let round = 0; round < 60; round++) {
    const initial = randomText(random, 40);
    let ours = SipDocument.create('file:///t.sip', 'sip', 1, initial);
    let theirs = TextDocument.create('file:///t.sip', 'sip', 1, initial);
    // theirs is reopened after every step (see below), so its line table is always built from its text.
    for (let step = 0; step < 40; step++) {
      const version = step + 2;
      // Ask ours for positions first on some steps (its index is then built before the edit), not on others.
      if (random() < 0.5) ours.positionAt(0);
      const changes = [];
      const count = random() < 0.8 ? 1 : 3;
      // Each change of a notification is in the text the previous one produced: positions come from that text.
      let mid = theirs;
      for (let c = 0; c < count; c++) {
        if (random() < 0.03) {
          changes.push({ text: randomText(random, 10) });
          break;
        }
        // Ranges may be reversed, or reach past a line's end: both documents must read them the same way.
        // (Lines past the document's end are left out: the package's line table goes wrong on them.)
        const a = mid.positionAt(Math.floor(random() * (mid.getText().length + 1)));
        const bLine = Math.max(0, Math.min(mid.lineCount - 1, a.line + Math.floor(random() * 3) - 1));
        const b = random() < 0.5 ? a : { line: bLine, character: Math.floor(random() * 12) };
        const text = random() < 0.3 ? '' : randomText(random, 1 + Math.floor(random() * 3));
        const change = { range: { start: a, end: b }, text };
        changes.push(change);
        mid = TextDocument.create('file:///t.sip', 'sip', 0, finalText(mid, [change]));
      }
      ours = SipDocument.update(ours, changes, version);
      // Sometimes the text is rebuilt flat (as after the idle full parse): nothing it answers may change.
      if (random() < 0.1) ours.settle();
      // The oracle: each change applied on its own to a freshly opened document (the package's own
      // line table can go wrong across several changes of one notification; a fresh one cannot).
      theirs = TextDocument.create('file:///t.sip', 'sip', version, finalText(theirs, changes));
      assert.equal(ours.version, version);
      same(ours, theirs, random, `round ${round} step ${step}: ${JSON.stringify(changes)}`);
    }
  }
});
