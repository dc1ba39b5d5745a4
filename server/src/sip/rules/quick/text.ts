/**
 * Allocation-free character tests for the quick check, on `[start, end)`
 * ranges of the document text (the syntax scanners work on value strings).
 */
import { ALPHA, CHAR_CLASS, DIGIT, TOKEN } from '../../framing/lineScan';
import { digitsAtMost } from '../../syntax/chars';

export function isWsp(c: number): boolean {
  return c === 32 || c === 9;
}

export function isToken(c: number): boolean {
  return c < 128 && (CHAR_CLASS[c] & TOKEN) !== 0;
}

export function isAlpha(c: number): boolean {
  return c < 128 && (CHAR_CLASS[c] & ALPHA) !== 0;
}

export function isAlnum(c: number): boolean {
  return c < 128 && (CHAR_CLASS[c] & (ALPHA | DIGIT)) !== 0;
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function skipWsp(t: string, i: number, end: number): number {
  while (i < end && isWsp(t.charCodeAt(i))) i++;
  return i;
}

export function skipToken(t: string, i: number, end: number): number {
  while (i < end && isToken(t.charCodeAt(i))) i++;
  return i;
}

export function skipDigits(t: string, i: number, end: number): number {
  while (i < end && isDigit(t.charCodeAt(i))) i++;
  return i;
}

/** `[start, end)` is a non-empty run of digits whose value is at most `max`. */
export function isNumberAtMost(t: string, start: number, end: number, max: number): boolean {
  return end > start && skipDigits(t, start, end) === end && digitsAtMost(t, start, end, max);
}

/** `[start, end)` is `word` (given in lower case), ASCII letters in any case. */
export function isWord(t: string, start: number, end: number, word: string): boolean {
  if (end - start !== word.length) return false;
  for (let k = 0; k < word.length; k++) {
    const c = t.charCodeAt(start + k);
    const w = word.charCodeAt(k);
    if (c !== w && !(c >= 65 && c <= 90 && (c | 32) === w)) return false;
  }
  return true;
}

/** Whether two ranges of the text hold the same characters. */
export function sameText(t: string, a: number, aEnd: number, b: number, bEnd: number): boolean {
  if (aEnd - a !== bEnd - b) return false;
  for (let k = 0; k < aEnd - a; k++) if (t.charCodeAt(a + k) !== t.charCodeAt(b + k)) return false;
  return true;
}

/** `[start, end)` is exactly `word`, case-sensitive. */
export function isExactly(t: string, start: number, end: number, word: string): boolean {
  return end - start === word.length && t.startsWith(word, start);
}
