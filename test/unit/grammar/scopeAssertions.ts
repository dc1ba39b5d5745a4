/**
 * Assertion helpers in the spirit of `^^^ scope` grammar tests: find a line
 * of a tokenized text and a token in it, then check what scope it carries.
 */
import * as assert from 'node:assert/strict';
import { hasScope, Token, TokenizedLine } from './harness';

/** The first tokenized line whose text includes `fragment`. */
export function lineWith(lines: TokenizedLine[], fragment: string): TokenizedLine {
  const found = lines.find((line) => line.line.includes(fragment));
  assert.ok(found, `no line contains ${JSON.stringify(fragment)}`);
  return found;
}

/** The token of a line whose text is exactly `text` (the `nth` one if it repeats). */
export function token(line: TokenizedLine, text: string, nth = 0): Token {
  const matches = line.tokens.filter((candidate) => candidate.text === text);
  assert.ok(
    matches.length > nth,
    `no token ${JSON.stringify(text)} in line ${JSON.stringify(line.line)}; tokens: ${line.tokens.map((t) => JSON.stringify(t.text)).join(' ')}`,
  );
  return matches[nth] as Token;
}

/** Asserts that the token `text` in the line containing `fragment` has a scope starting with `scope`. */
export function assertScope(lines: TokenizedLine[], fragment: string, text: string, scope: string, nth = 0): void {
  const found = token(lineWith(lines, fragment), text, nth);
  assert.ok(hasScope(found, scope), `${JSON.stringify(text)} in ${JSON.stringify(fragment)} should have ${scope}, has: ${found.scopes.join(' ')}`);
}

/** Asserts that no token of the line containing `fragment` has a scope starting with `scope`. */
export function assertLineLacks(lines: TokenizedLine[], fragment: string, scope: string): void {
  const line = lineWith(lines, fragment);
  const offending = line.tokens.find((candidate) => hasScope(candidate, scope));
  assert.equal(offending, undefined, `${JSON.stringify(line.line)} should have no ${scope} token, but ${JSON.stringify(offending?.text)} has`);
}

/** Asserts that every non-blank token of the line containing `fragment` has `scope`. */
export function assertWholeLine(lines: TokenizedLine[], fragment: string, scope: string): void {
  const line = lineWith(lines, fragment);
  for (const candidate of line.tokens) {
    if (candidate.text.trim() !== '') {
      assert.ok(hasScope(candidate, scope), `${JSON.stringify(candidate.text)} of ${JSON.stringify(line.line)} should have ${scope}, has: ${candidate.scopes.join(' ')}`);
    }
  }
}
