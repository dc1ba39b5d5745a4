/**
 * Text helpers shared by the framers: bounded literal search, ANSI escapes,
 * and finding a SIP start line inside a log line. All work on `[start, end)`
 * offsets of the one document string, without slicing it.
 */
import { isDigit, isSpace, isStartLine, isTokenChar, startsWithSipSlash } from './lineScan';

/**
 * Finds a literal inside lines that are visited front to back. `indexOf` has
 * no end bound, so a plain search per line would rescan the rest of the
 * document for every line that lacks the literal; this keeps the next
 * occurrence and only searches again once the scan has passed it, which makes
 * a whole pass linear.
 */
export class Finder {
  private at = -2;
  private from = 0;

  constructor(private readonly text: string, private readonly literal: string) {}

  /** Offset of the literal's first occurrence within `[start, end)`, or -1. */
  within(start: number, end: number): number {
    if (this.at === -2 || start < this.from || (this.at !== -1 && this.at < start)) {
      this.from = start;
      this.at = this.text.indexOf(this.literal, start);
    }
    return this.at !== -1 && this.at + this.literal.length <= end ? this.at : -1;
  }
}

/** `text.startsWith(literal, at)` without going past `end`. */
export function startsWithAt(text: string, at: number, end: number, literal: string): boolean {
  return at + literal.length <= end && text.startsWith(literal, at);
}

/** `text.endsWith(literal)` for the range `[start, end)`. */
export function endsWithAt(text: string, start: number, end: number, literal: string): boolean {
  return end - literal.length >= start && text.startsWith(literal, end - literal.length);
}

/** Whether every character of `[start, end)` is `c` and there are at least `min` of them. */
export function isRunOf(text: string, start: number, end: number, c: number, min: number): boolean {
  if (end - start < min) return false;
  for (let i = start; i < end; i++) if (text.charCodeAt(i) !== c) return false;
  return true;
}

export function skipSpaces(text: string, i: number, end: number): number {
  while (i < end && isSpace(text.charCodeAt(i))) i++;
  return i;
}

export function trimEnd(text: string, start: number, end: number): number {
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return end;
}

const ESC = 27;

/** Drops ANSI CSI sequences at the end of `[start, end)`. */
export function trimAnsiEnd(text: string, start: number, end: number): number {
  for (;;) {
    if (end - start < 3) return end;
    const last = text.charCodeAt(end - 1);
    if (last < 64 || last > 126) return end;
    let k = end - 2;
    // Parameters and intermediates: digits, ';', '?', space ... (0x20-0x3f).
    while (k > start && text.charCodeAt(k) >= 0x20 && text.charCodeAt(k) <= 0x3f) k--;
    if (k - 1 < start || text.charCodeAt(k) !== 91 || text.charCodeAt(k - 1) !== ESC) return end;
    end = k - 1;
  }
}

/** Whether the range contains an ESC character (most lines do not: cheap pre-check). */
export function hasEsc(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === ESC) return true;
  return false;
}

/** The range with every ANSI CSI sequence removed, as a string (for framing lines only). */
export function stripAnsi(line: string): string {
  // eslint-disable-next-line no-control-regex
  return line.indexOf('\x1b') === -1 ? line : line.replace(/\x1b\[[0-?]*[ -/]*[@-~]/g, '');
}

/**
 * Where a SIP start line begins inside `[start, end)` of a log line, or -1:
 * a Status-Line `SIP/2.0 NNN ...`, or a Request-Line `METHOD URI SIP/2.0`
 * that runs to the end of the range. The start line must follow a character
 * that cannot be part of a token (a space, `<`, `:`, `^`, ...), so that log
 * text before it is never taken for the method.
 */
export function findStartLineIn(text: string, start: number, end: number): number {
  end = trimEnd(text, start, end);
  if (end - start < 7) return -1;
  // A request line ends with the version.
  const endsWithVersion =
    end - start >= 8 && isDigit(text.charCodeAt(end - 1)) && text.charCodeAt(end - 2) === 46 &&
    isDigit(text.charCodeAt(end - 3)) && startsWithSipSlash(text, end - 7, end) && text.charCodeAt(end - 8) === 32;
  for (let i = start; i < end - 6; i++) {
    if (i > start && isTokenChar(text.charCodeAt(i - 1))) continue;
    const c = text.charCodeAt(i);
    if ((c | 32) === 115 && startsWithSipSlash(text, i, end)) {
      if (isStartLine(text, i, end)) return i;
      continue;
    }
    if (endsWithVersion && c >= 65 && c <= 90 && looksLikeMethodThenUri(text, i, end - 8)) return i;
  }
  return -1;
}

/** `METHOD SP scheme:` at `i`, with the method in upper case, before `limit`. */
function looksLikeMethodThenUri(text: string, i: number, limit: number): boolean {
  let k = i;
  while (k < limit) {
    const c = text.charCodeAt(k);
    if (c < 65 || c > 90) break;
    k++;
  }
  if (k - i < 3 || k >= limit || text.charCodeAt(k) !== 32) return false;
  k++;
  const schemeStart = k;
  while (k < limit) {
    const c = text.charCodeAt(k) | 32;
    if (c < 97 || c > 122) break;
    k++;
  }
  return k - schemeStart >= 3 && k < limit && text.charCodeAt(k) === 58;
}

/**
 * Length of a leading timestamp (`2021-03-01 12:00:00:123 `, `05-10 10:00:00.123 `,
 * `[12:00:00] `): digits and the separators `- / : . , T` plus spaces, holding
 * at least six digits and a colon. 0 when the line does not start with one.
 */
export function leadingStampLength(text: string, start: number, end: number): number {
  let i = start;
  let digits = 0;
  let colon = false;
  if (i < end && text.charCodeAt(i) === 91) i++; // [
  while (i < end) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) digits++;
    else if (c === 58) colon = true;
    else if (c !== 45 && c !== 47 && c !== 46 && c !== 44 && c !== 32 && c !== 84) break;
    i++;
  }
  if (i < end && text.charCodeAt(i) === 93) i++; // ]
  return digits >= 6 && colon ? i - start : 0;
}

/**
 * Whether `[a, a + length)` has the same shape as `[b, b + length)`: equal
 * characters, except that a digit matches any digit (timestamps differ from
 * line to line, the rest of a log prefix does not).
 */
export function sameShape(text: string, a: number, b: number, length: number, end: number): boolean {
  if (a + length > end) return false;
  for (let k = 0; k < length; k++) {
    const x = text.charCodeAt(a + k);
    const y = text.charCodeAt(b + k);
    if (x === y) continue;
    if (isDigit(x) && isDigit(y)) continue;
    // Syslog pads a one-digit day with a space: `Feb  7` / `Feb 17`.
    if ((x === 32 && isDigit(y)) || (y === 32 && isDigit(x))) continue;
    return false;
  }
  return true;
}

/** How many sample lines satisfy `test` (detection scores count framing lines). */
export function countLines(lines: readonly string[], test: (line: string) => boolean): number {
  let n = 0;
  for (const line of lines) if (test(line)) n++;
  return n;
}

/** First index of the character `code` in `[start, end)`, or -1 (bounded, unlike `indexOf`). */
export function charIndex(text: string, code: number, start: number, end: number): number {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === code) return i;
  return -1;
}
