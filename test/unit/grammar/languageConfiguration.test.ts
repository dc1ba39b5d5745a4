/**
 * language-configuration.json: brackets, auto-closing pairs, and the word
 * pattern that decides what a double-click selects in a trace.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT } from './harness';

interface AutoClosingPair {
  open: string;
  close: string;
  notIn?: string[];
}

interface LanguageConfiguration {
  brackets: [string, string][];
  autoClosingPairs: AutoClosingPair[];
  surroundingPairs: [string, string][];
  wordPattern: string;
}

const config = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'language-configuration.json'), 'utf8')) as LanguageConfiguration;

/** The word at a column, found the way VS Code does: the word-pattern match that contains the column. */
function wordAt(line: string, column: number): string | undefined {
  const pattern = new RegExp(config.wordPattern, 'g');
  for (const match of line.matchAll(pattern)) {
    const start = match.index ?? 0;
    if (start <= column && column < start + match[0].length) {
      return match[0];
    }
  }
  return undefined;
}

/** Double-clicks in the middle of `word` (its first occurrence after `after`) and returns the selection. */
function doubleClick(line: string, word: string, after = ''): string | undefined {
  const start = line.indexOf(word, after ? line.indexOf(after) + after.length : 0);
  assert.ok(start >= 0, `${word} not in ${line}`);
  return wordAt(line, start + Math.floor(word.length / 2));
}

describe('language configuration', () => {
  it('pairs angle brackets, and auto-closes them and quotes outside strings and comments', () => {
    assert.deepEqual(config.brackets[0], ['<', '>']);
    for (const pair of [['(', ')'], ['[', ']'], ['{', '}']]) {
      assert.ok(config.brackets.some(([open, close]) => open === pair[0] && close === pair[1]), `bracket pair ${pair.join('')}`);
    }
    const angle = config.autoClosingPairs.find((pair) => pair.open === '<');
    assert.deepEqual(angle, { open: '<', close: '>', notIn: ['string', 'comment'] });
    const quote = config.autoClosingPairs.find((pair) => pair.open === '"');
    assert.equal(quote?.close, '"');
    assert.ok(config.surroundingPairs.some(([open, close]) => open === '<' && close === '>'));
  });

  const cases: { line: string; word: string; after?: string }[] = [
    { line: 'Call-ID: a84b4c76e66710@pc33.atlanta.com', word: 'a84b4c76e66710@pc33.atlanta.com' },
    { line: 'Via: SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bK776asdhds', word: 'z9hG4bK776asdhds' },
    { line: 'From: Alice <sip:alice@atlanta.com>;tag=1928301774', word: '1928301774' },
    { line: 'To: Bob <sip:bob@biloxi.com>', word: 'sip:bob@biloxi.com' },
    { line: 'INVITE sip:bob@biloxi.com SIP/2.0', word: 'sip:bob@biloxi.com' },
    { line: 'Contact: <sips:bob@[2001:db8::4]:5061;transport=tls>', word: '2001:db8::4' },
    { line: 'Via: SIP/2.0/UDP 192.0.2.10:5060;received=198.51.100.1', word: '192.0.2.10:5060' },
    { line: 'Via: SIP/2.0/UDP 192.0.2.10:5060;received=198.51.100.1', word: '198.51.100.1' },
    { line: 'Call-ID: a84b4c76e66710@pc33.atlanta.com', word: 'Call-ID' },
    { line: 'CSeq: 1 INVITE', word: 'CSeq' },
    { line: 'i: 0ha0isndaksdj@192.0.2.1.', word: '0ha0isndaksdj@192.0.2.1' },
  ];
  for (const { line, word, after } of cases) {
    it(`selects ${word} whole on double-click`, () => {
      assert.equal(doubleClick(line, word, after), word);
    });
  }
});
