/**
 * Small, allocation-free helpers over lines of the document text, shared by
 * the framers. All take `[start, end)` offsets of a line's content (without
 * its line break).
 */
import { Eol, LINE_STRIDE } from '../model';

/**
 * ASCII character classes of RFC 3261 section 25.1 as bit flags, one table
 * lookup per character instead of a chain of comparisons: the parser and the
 * rules test every character of every header with these.
 */
export const CHAR_CLASS = new Uint8Array(128);
export const TOKEN = 1;
export const ALPHA = 2;
export const DIGIT = 4;
export const MARK = 8;
export const HEX = 16;
for (let c = 0; c < 128; c++) {
  const alpha = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  const digit = c >= 48 && c <= 57;
  let flags = 0;
  // token = 1*(alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~")
  if (alpha || digit || "-.!%*_+`'~".includes(String.fromCharCode(c))) flags |= TOKEN;
  if (alpha) flags |= ALPHA;
  if (digit) flags |= DIGIT;
  // mark = "-" / "_" / "." / "!" / "~" / "*" / "'" / "(" / ")"
  if ("-_.!~*'()".includes(String.fromCharCode(c))) flags |= MARK;
  if (digit || (c >= 65 && c <= 70) || (c >= 97 && c <= 102)) flags |= HEX;
  CHAR_CLASS[c] = flags;
}

/** True for characters allowed in a SIP `token` (RFC 3261 section 25.1). */
export function isTokenChar(c: number): boolean {
  return c < 128 && (CHAR_CLASS[c] & TOKEN) !== 0;
}

export function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}

/** Case-insensitive `text.startsWith('SIP/', at)`. */
export function startsWithSipSlash(text: string, at: number, end: number): boolean {
  return (
    at + 4 <= end &&
    (text.charCodeAt(at) | 32) === 115 &&
    (text.charCodeAt(at + 1) | 32) === 105 &&
    (text.charCodeAt(at + 2) | 32) === 112 &&
    text.charCodeAt(at + 3) === 47
  );
}

/**
 * Whether a line is unmistakably a SIP start line: `SIP/x.y NNN ...` or
 * `TOKEN SP ... SP SIP/x.y`. Used to find message boundaries, so it must not
 * match header lines (their name is followed by a colon, which is not a
 * token character) nor SDP lines.
 */
export function isStartLine(text: string, start: number, end: number): boolean {
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (end - start < 7) return false;
  if (startsWithSipSlash(text, start, end)) {
    // Status-Line: SIP/<digits.digits> SP <digit>...
    let i = start + 4;
    while (i < end && (isDigit(text.charCodeAt(i)) || text.charCodeAt(i) === 46)) i++;
    if (i === start + 4 || i >= end || text.charCodeAt(i) !== 32) return false;
    while (i < end && text.charCodeAt(i) === 32) i++;
    return i < end && isDigit(text.charCodeAt(i));
  }
  // Request-Line: the method is a token, the line ends with SIP/<digit>.
  let i = start;
  while (i < end && isTokenChar(text.charCodeAt(i))) i++;
  if (i === start || i >= end || text.charCodeAt(i) !== 32) return false;
  let lastSpace = end - 1;
  while (lastSpace > i && text.charCodeAt(lastSpace) !== 32) lastSpace--;
  if (lastSpace <= i) return false;
  const v = lastSpace + 1;
  return startsWithSipSlash(text, v, end) && v + 4 < end && isDigit(text.charCodeAt(v + 4));
}

/**
 * A request line that lost its version (`INVITE sip:bob@example.com`): an
 * upper-case method and a URI with a scheme. Only trusted at the start of a
 * block and when a header line follows.
 */
export function isVersionlessRequestLine(text: string, start: number, end: number): boolean {
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c < 65 || c > 90) break;
    i++;
  }
  if (i - start < 3 || i >= end || text.charCodeAt(i) !== 32) return false;
  while (i < end && text.charCodeAt(i) === 32) i++;
  const uriStart = i;
  while (i < end && text.charCodeAt(i) !== 32) i++;
  for (let k = uriStart + 1; k < i; k++) if (text.charCodeAt(k) === 58) return true;
  return false;
}

/** `Name:` at the start of a line, the way a SIP header begins. */
export function isHeaderLine(text: string, start: number, end: number): boolean {
  let i = start;
  while (i < end && isTokenChar(text.charCodeAt(i))) i++;
  if (i === start) return false;
  while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  return i < end && text.charCodeAt(i) === 58;
}

export function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Number of UTF-8 bytes of `[start, end)`; Content-Length counts bytes, the text holds UTF-16. */
export function utf8Length(text: string, start: number, end: number): number {
  let bytes = end - start;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) {
      bytes += 1;
      continue;
    }
    const next = i + 1 < end ? text.charCodeAt(i + 1) : 0;
    if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      // A surrogate pair: two UTF-16 units, four UTF-8 bytes.
      bytes += 2;
      i++;
      continue;
    }
    bytes += 2;
  }
  return bytes;
}

/**
 * Flat buffer of line triples for the message being framed. It is a slab
 * shared by many messages: `take()` hands out a view of the current message's
 * lines without copying, and a full slab is replaced (copying only the
 * message in progress), so framing allocates once per few thousand messages
 * instead of once per message. Earlier views keep their old slab alive.
 */
export class LineBuffer {
  private static readonly SLAB_INTS = 1 << 18;
  private data = new Int32Array(LineBuffer.SLAB_INTS);
  /** Where the current message's lines start in the slab. */
  private base = 0;
  private size = 0;

  get count(): number {
    return (this.size - this.base) / LINE_STRIDE;
  }

  push(start: number, end: number, eol: Eol): void {
    if (this.size + LINE_STRIDE > this.data.length) this.grow();
    const data = this.data;
    data[this.size] = start;
    data[this.size + 1] = end;
    data[this.size + 2] = eol;
    this.size += LINE_STRIDE;
  }

  private grow(): void {
    const inProgress = this.size - this.base;
    const next = new Int32Array(Math.max(LineBuffer.SLAB_INTS, inProgress * 2 + LINE_STRIDE));
    next.set(this.data.subarray(this.base, this.size));
    this.data = next;
    this.base = 0;
    this.size = inProgress;
  }

  /** Drops lines from the end so that `count` lines remain. */
  truncate(count: number): void {
    this.size = this.base + Math.max(0, Math.min(this.size - this.base, count * LINE_STRIDE));
  }

  start(line: number): number {
    return this.data[this.base + line * LINE_STRIDE];
  }

  end(line: number): number {
    return this.data[this.base + line * LINE_STRIDE + 1];
  }

  eol(line: number): Eol {
    return this.data[this.base + line * LINE_STRIDE + 2] as Eol;
  }

  /** The collected lines (a view into the slab); the buffer then starts the next message. */
  take(): Int32Array {
    const out = this.data.subarray(this.base, this.size);
    this.base = this.size;
    return out;
  }

  /**
   * Takes a copy of the line triples `ints[from, to)` (nothing else may be
   * collected): a view into the slab, where a typed array of its own per
   * message (`Int32Array.slice`) costs an array buffer outside the heap.
   */
  takeCopy(ints: Int32Array, from: number, to: number): Int32Array {
    this.truncate(0);
    for (let i = from; i + LINE_STRIDE <= to; i += LINE_STRIDE) this.push(ints[i], ints[i + 1], ints[i + 2] as Eol);
    return this.take();
  }
}

const CONTENT_LENGTH = 'content-length';

/** Case-insensitive `content-length` at `s` (header names are case-insensitive). */
function isContentLengthName(text: string, s: number): boolean {
  for (let k = 0; k < 14; k++) {
    const c = text.charCodeAt(s + k);
    const want = CONTENT_LENGTH.charCodeAt(k);
    if (c === want) continue;
    // Letters may be upper case (`| 32` lower-cases an ASCII letter).
    if (want >= 97 && want <= 122 && (c | 32) === want) continue;
    return false;
  }
  return true;
}

/**
 * If the line is a Content-Length header (`Content-Length:` or `l:`), its
 * value: a number, or null when unusable. Undefined for other lines.
 */
export function contentLengthValue(text: string, s: number, e: number): number | null | undefined {
  const c = text.charCodeAt(s) | 32;
  let i: number;
  if (c === 108 /* l */) {
    i = s + 1;
  } else if (c === 99 /* c */ && e - s >= 15 && isContentLengthName(text, s)) {
    i = s + 14;
  } else {
    return undefined;
  }
  while (i < e && isSpace(text.charCodeAt(i))) i++;
  if (i >= e || text.charCodeAt(i) !== 58) return undefined;
  i++;
  while (i < e && isSpace(text.charCodeAt(i))) i++;
  let valueEnd = e;
  while (valueEnd > i && isSpace(text.charCodeAt(valueEnd - 1))) valueEnd--;
  return contentLengthNumber(text, i, valueEnd);
}

/** A trimmed Content-Length value `[start, end)` as a number: 1 to 10 decimal digits, else null. */
export function contentLengthNumber(text: string, start: number, end: number): number | null {
  if (end <= start || end - start > 10) return null;
  let value = 0;
  for (let k = start; k < end; k++) {
    const d = text.charCodeAt(k) - 48;
    if (d < 0 || d > 9) return null;
    value = value * 10 + d;
  }
  return value;
}
