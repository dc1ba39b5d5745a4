/**
 * Reads a message's header block (RFC 3261 section 7.3) into flat records,
 * one line at a time: `Name: value` lines, folded continuation lines, and the
 * problems of lines that are not headers.
 *
 * Both the message parser and the raw framer drive it: the raw framer reads
 * each header line anyway to find where a message ends, so it builds the
 * records as it goes and the parser does not scan the lines a second time.
 */
import type { Problem } from '../model';
import { CHAR_CLASS, TOKEN, isBlank, isSpace } from '../framing/lineScan';
import { headerNameIdAt, headerNameIdHashed, nameHashStep } from '../knowledge/headerNames';

/**
 * Headers are stored flat, 8 integers each, and become `SipHeader` objects
 * only when something reads `message.headers`: parsing a large trace then
 * allocates per message, not per header, which is most of the parser's time
 * and memory.
 */
export const H_NAME_START = 0;
export const H_NAME_END = 1;
export const H_COLON = 2;
export const H_VALUE_START = 3;
export const H_VALUE_END = 4;
export const H_FIRST_LINE = 5;
export const H_LAST_LINE = 6;
/** Interned name id (`knowledge/headerNames.ts`), or -1. */
export const H_NAME_ID = 7;
export const H_STRIDE = 8;

/** A slab shared by all messages: each message gets a view of its own headers (see LineBuffer). */
class HeaderSlab {
  private static readonly SLAB_INTS = 1 << 18;
  data = new Int32Array(HeaderSlab.SLAB_INTS);
  base = 0;
  size = 0;

  /** Starts a header record and returns its index in `data`. */
  add(): number {
    if (this.size + H_STRIDE > this.data.length) {
      const inProgress = this.size - this.base;
      const next = new Int32Array(Math.max(HeaderSlab.SLAB_INTS, inProgress * 2 + H_STRIDE));
      next.set(this.data.subarray(this.base, this.size));
      this.data = next;
      this.base = 0;
      this.size = inProgress;
    }
    const at = this.size;
    this.size += H_STRIDE;
    return at;
  }

  /** Forgets the records of a block that was not taken. */
  discard(): void {
    this.size = this.base;
  }

  take(): Int32Array {
    const out = this.data.subarray(this.base, this.size);
    this.base = this.size;
    return out;
  }
}

const slab = new HeaderSlab();
/**
 * Record index (in `slab.data`) of the header on the line just before, which
 * a continuation line extends; -1 when that line was not a header. The slab
 * moves records only when a new one is added, which then becomes the last.
 */
let current = -1;

/** Name id of the header on the line just read, or -1 when that line was no header. */
export function currentNameId(): number {
  return current === -1 ? -1 : slab.data[current + H_NAME_ID];
}

/** Value extent of the header on the line just read (valid when `currentNameId()` is not -1). */
export function currentValueStart(): number {
  return slab.data[current + H_VALUE_START];
}

export function currentValueEnd(): number {
  return slab.data[current + H_VALUE_END];
}

/** Starts a new header block (dropping any records of one left unfinished). */
export function beginHeaderBlock(): void {
  slab.discard();
  current = -1;
}

/** The records of the block read since `beginHeaderBlock` (a view into the slab). */
export function takeHeaderBlock(): Int32Array {
  current = -1;
  return slab.take();
}

/** Reads one non-empty line of the header block: a header or a continuation of the one before. */
export function readHeaderBlockLine(text: string, s: number, e: number, line: number, problems: Problem[]): void {
  if (isSpace(text.charCodeAt(s))) readContinuationLine(text, s, e, line, problems);
  else current = readHeaderLine(text, s, e, line, problems);
}

/**
 * `readHeaderBlockLine` for a line that is unmistakably a header, `token:`
 * (as nearly every line of a header block is); returns false, reading
 * nothing, for any other line, which the caller must look at first.
 */
export function readPlainHeaderLine(text: string, s: number, e: number, line: number): boolean {
  const i = scanName(text, s, e);
  if (i === s || i >= e || text.charCodeAt(i) !== 58) return false;
  current = addRecord(text, s, i, i, e, line, headerNameIdHashed(text, s, i, nameHash));
  return true;
}

/** Hash of the name `scanName` read last (see `nameHashStep`). */
let nameHash = 0;

/** Reads the token characters of a header name from `s`, hashing them on the way; returns where they end. */
function scanName(text: string, s: number, e: number): number {
  let i = s;
  let hash = 0;
  while (i < e) {
    const c = text.charCodeAt(i);
    if (c >= 128 || (CHAR_CLASS[c] & TOKEN) === 0) break;
    hash = nameHashStep(hash, c);
    i++;
  }
  nameHash = hash;
  return i;
}

function readContinuationLine(text: string, s: number, e: number, line: number, problems: Problem[]): void {
  if (current === -1) {
    problems.push({
      start: s, end: e, code: 'header-fold-without-header',
      message: 'Line starts with whitespace (a folded continuation line) but no header precedes it',
    });
    return;
  }
  const data = slab.data;
  let ve = e;
  while (ve > s && isSpace(text.charCodeAt(ve - 1))) ve--;
  if (ve > s && !isBlank(text, s, ve)) {
    if (data[current + H_VALUE_START] === data[current + H_VALUE_END]) {
      // The value starts on a continuation line (`Route:` then ` <sip:...>`).
      let vs = s;
      while (vs < ve && isSpace(text.charCodeAt(vs))) vs++;
      data[current + H_VALUE_START] = vs;
    }
    data[current + H_VALUE_END] = ve;
  }
  data[current + H_LAST_LINE] = line;
}

/** Parses `Name: value` into a new header record; returns its index in the slab, or -1 when the line is not a header. */
function readHeaderLine(text: string, s: number, e: number, line: number, problems: Problem[]): number {
  // One pass over the name: token characters, hashed for the name table as they go.
  const tokenEnd = scanName(text, s, e);
  if (tokenEnd > s) {
    // `Name:` or `Name :` (whitespace before the colon is allowed, RFC 3261 section 7.3.1).
    let i = tokenEnd;
    while (i < e && isSpace(text.charCodeAt(i))) i++;
    if (i < e && text.charCodeAt(i) === 58) return addRecord(text, s, tokenEnd, i, e, line, headerNameIdHashed(text, s, tokenEnd, nameHash));
  }
  // Not a well-formed name: scan this line only (an unbounded indexOf would make colon-less lines quadratic).
  let colon = s;
  while (colon < e && text.charCodeAt(colon) !== 58) colon++;
  if (colon >= e) {
    problems.push({
      start: s, end: e, code: 'header-missing-colon',
      message: 'Header line has no colon; expected "Name: value"',
    });
    return -1;
  }
  let nameEnd = colon;
  while (nameEnd > s && isSpace(text.charCodeAt(nameEnd - 1))) nameEnd--;
  problems.push({
    start: s, end: nameEnd > s ? nameEnd : colon + 1, code: 'header-name-invalid',
    message: nameEnd > s
      ? `Header name "${text.slice(s, Math.min(nameEnd, s + 40))}" contains characters not allowed in a token`
      : 'Header has an empty name before the colon',
  });
  return addRecord(text, s, nameEnd, colon, e, line, headerNameIdAt(text, s, nameEnd));
}

function addRecord(text: string, s: number, nameEnd: number, colon: number, e: number, line: number, nameId: number): number {
  let valueStart = colon + 1;
  while (valueStart < e && isSpace(text.charCodeAt(valueStart))) valueStart++;
  let valueEnd = e;
  while (valueEnd > valueStart && isSpace(text.charCodeAt(valueEnd - 1))) valueEnd--;
  const at = slab.add();
  const data = slab.data;
  data[at + H_NAME_START] = s;
  data[at + H_NAME_END] = nameEnd;
  data[at + H_COLON] = colon;
  data[at + H_VALUE_START] = valueStart;
  data[at + H_VALUE_END] = valueEnd;
  data[at + H_FIRST_LINE] = line;
  data[at + H_LAST_LINE] = line;
  data[at + H_NAME_ID] = nameId;
  return at;
}
