/**
 * Character classes of the RFC 3261 grammar (section 25.1), as predicates on
 * UTF-16 code units. Everything outside ASCII is "not allowed" unless a
 * caller says otherwise (UTF-8 text is only legal in quoted strings,
 * comments and reason phrases).
 */
import { ALPHA, CHAR_CLASS, DIGIT, HEX, MARK, isTokenChar } from '../framing/lineScan';

export { isTokenChar };

export function isAlpha(c: number): boolean {
  return c < 128 && (CHAR_CLASS[c] & ALPHA) !== 0;
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function isHex(c: number): boolean {
  return c < 128 && (CHAR_CLASS[c] & HEX) !== 0;
}

export function isAlnum(c: number): boolean {
  return c < 128 && (CHAR_CLASS[c] & (ALPHA | DIGIT)) !== 0;
}

/** SP or HTAB: linear whitespace inside one header value (folds are joined with SP). */
export function isWsp(c: number): boolean {
  return c === 32 || c === 9;
}

/** mark = "-" / "_" / "." / "!" / "~" / "*" / "'" / "(" / ")" */
export function isMark(c: number): boolean {
  return c < 128 && (CHAR_CLASS[c] & MARK) !== 0;
}

/** unreserved = alphanum / mark */
export function isUnreserved(c: number): boolean {
  return c < 128 && (CHAR_CLASS[c] & (ALPHA | DIGIT | MARK)) !== 0;
}

/** user-unreserved = "&" / "=" / "+" / "$" / "," / ";" / "?" / "/" */
export function isUserUnreserved(c: number): boolean {
  return c === 38 || c === 61 || c === 43 || c === 36 || c === 44 || c === 59 || c === 63 || c === 47;
}

/** Password characters besides unreserved and escaped: "&" / "=" / "+" / "$" / "," */
export function isPasswordExtra(c: number): boolean {
  return c === 38 || c === 61 || c === 43 || c === 36 || c === 44;
}

/** param-unreserved = "[" / "]" / "/" / ":" / "&" / "+" / "$" */
export function isParamUnreserved(c: number): boolean {
  return c === 91 || c === 93 || c === 47 || c === 58 || c === 38 || c === 43 || c === 36;
}

/** hnv-unreserved = "[" / "]" / "/" / "?" / ":" / "+" / "$" */
export function isHnvUnreserved(c: number): boolean {
  return c === 91 || c === 93 || c === 47 || c === 63 || c === 58 || c === 43 || c === 36;
}

/** reserved = ";" / "/" / "?" / ":" / "@" / "&" / "=" / "+" / "$" / "," */
export function isReserved(c: number): boolean {
  return c === 59 || c === 47 || c === 63 || c === 58 || c === 64 || c === 38 || c === 61 || c === 43 || c === 36 || c === 44;
}

/** A character as it should appear in a message: printable, or its code. */
export function describeChar(c: number): string {
  if (c === 32) return 'a space';
  if (c === 9) return 'a tab';
  if (c < 32 || c === 127) return `control character U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
  return `"${String.fromCharCode(c)}"`;
}

/** `%XX` form of an ASCII character, for "escape it as ..." advice. */
export function percentEncoded(c: number): string {
  return c < 128 ? '%' + c.toString(16).toUpperCase().padStart(2, '0') : 'its UTF-8 bytes in %XX form';
}

export function skipWsp(s: string, i: number, end: number = s.length): number {
  while (i < end && isWsp(s.charCodeAt(i))) i++;
  return i;
}

/** Index just past a run of token characters starting at `i`. */
export function skipToken(s: string, i: number, end: number = s.length): number {
  while (i < end && isTokenChar(s.charCodeAt(i))) i++;
  return i;
}

export function isAllDigits(s: string, start: number, end: number): boolean {
  if (end <= start) return false;
  for (let i = start; i < end; i++) if (!isDigit(s.charCodeAt(i))) return false;
  return true;
}

/**
 * Compares a run of decimal digits with a limit without converting it (the
 * run may have 100 digits): true when `s[start, end)` is at most `limit`.
 */
export function digitsAtMost(s: string, start: number, end: number, limit: number): boolean {
  while (start < end - 1 && s.charCodeAt(start) === 48) start++;
  // Limits are below 2**53: a run of more than 15 digits (leading zeros gone) exceeds any of them,
  // and a shorter one converts exactly. No string is built: this runs for every port and number.
  if (end - start > 15) return false;
  let value = 0;
  for (let i = start; i < end; i++) value = value * 10 + (s.charCodeAt(i) - 48);
  return value <= limit;
}
