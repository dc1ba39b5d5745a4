/**
 * Builds a `SipMessage` from the logical lines a framer found (RFC 3261
 * section 7: start line, header fields, empty line, body).
 *
 * Header values are not parsed here: rules and hovers parse the few values
 * they need, lazily, from the offsets (see `values.ts`).
 */
import { canonicalHeaderName, internedHeaderName, type CanonicalName } from '../knowledge/headerNames';
import { Eol, LINE_STRIDE, type MessageKind, type MessageMeta, type Problem, type SipHeader, type SipMessage, type StartLine } from '../model';
import type { FramedMessage } from '../framing/types';
import { contentLengthNumber, isBlank, isHeaderLine, isVersionlessRequestLine, startsWithSipSlash, utf8Length } from '../framing/lineScan';
import {
  H_COLON, H_FIRST_LINE, H_LAST_LINE, H_NAME_END, H_NAME_ID, H_NAME_START, H_STRIDE, H_VALUE_END, H_VALUE_START,
  beginHeaderBlock, readHeaderBlockLine, takeHeaderBlock,
} from './headerBlock';
import { missingStartLine, parseStartLine } from './startLine';

/** Problems of the message being parsed (copied out at the end, when there are any). */
const scratchProblems: Problem[] = [];
const NO_PROBLEMS: readonly Problem[] = Object.freeze([]);

/** The name of the header record at `at` of `data` (see `headerRecords`). */
export function headerNameOf(text: string, data: Int32Array, at: number): CanonicalName {
  const id = data[at + H_NAME_ID];
  return id >= 0 ? internedHeaderName(id) : canonicalHeaderName(text.slice(data[at + H_NAME_START], data[at + H_NAME_END]));
}

/**
 * The header objects of the messages read most recently. Rules, hovers and
 * the analysis read one message's headers many times in a row, then move
 * on: keeping every message's objects would make a large trace's model
 * bigger and give the garbage collector hundreds of thousands of long-lived
 * objects to move, while a small ring keeps them young and cheap to collect.
 * Entries name their message by a number, so they keep no text alive.
 */
const RECENT_HEADERS = 64;
const recentOwner = new Float64Array(RECENT_HEADERS).fill(-1);
const recentHeaders: (readonly SipHeader[] | null)[] = new Array(RECENT_HEADERS).fill(null);
let recentNext = 0;
let nextSerial = 0;

/**
 * Slots where the rules and the analysis keep what they derived from one
 * parsed message (see `parseMemo`). Typed loosely so the parser need not know
 * those modules; each slot has one owner, named here.
 */
export interface ParseMemo {
  /** `rules/engine.ts`: what the message rules report, in the parse's offsets. */
  reports: unknown;
  /** `analysis/analyze.ts`: the message's keys. */
  keys: unknown;
}

class ParsedMessage implements SipMessage, ParseMemo {
  reports: unknown = undefined;
  keys: unknown = undefined;
  /** Names this message in the ring of recently read headers. */
  private readonly serial = nextSerial++;
  /** Where in the ring its headers were put last (they may have been replaced since). */
  private recentSlot = -1;

  constructor(
    readonly index: number,
    readonly start: number,
    readonly end: number,
    readonly kind: MessageKind,
    readonly startLine: StartLine,
    readonly lines: Int32Array,
    readonly bodyLine: number,
    readonly bodyStart: number,
    readonly bodyEnd: number,
    readonly contentType: string | null,
    readonly problems: readonly Problem[],
    readonly meta: MessageMeta,
    /** The text this message was parsed from (a window of it, after an edit): its records' offsets point into it. */
    readonly text: string,
    /** Header records (see `headerRecords`). */
    readonly records: Int32Array,
  ) {}

  get headers(): readonly SipHeader[] {
    const slot = this.recentSlot;
    if (slot !== -1 && recentOwner[slot] === this.serial) return recentHeaders[slot]!;
    const data = this.records;
    const out: SipHeader[] = new Array(data.length / H_STRIDE);
    for (let at = 0, i = 0; at < data.length; at += H_STRIDE, i++) {
      const name = headerNameOf(this.text, data, at);
      out[i] = {
        nameStart: data[at + H_NAME_START], nameEnd: data[at + H_NAME_END], colon: data[at + H_COLON],
        valueStart: data[at + H_VALUE_START], valueEnd: data[at + H_VALUE_END],
        name: name.name, key: name.key, compact: name.compact,
        firstLine: data[at + H_FIRST_LINE], lastLine: data[at + H_LAST_LINE],
      };
    }
    const into = recentNext;
    recentNext = (recentNext + 1) % RECENT_HEADERS;
    recentOwner[into] = this.serial;
    recentHeaders[into] = out;
    this.recentSlot = into;
    return out;
  }
}

export function parseMessage(text: string, framed: FramedMessage, index: number): SipMessage {
  const { lines } = framed;
  const lineCount = lines.length / LINE_STRIDE;
  const problems: Problem[] = scratchProblems;
  problems.length = 0;
  if (framed.problems) problems.push(...framed.problems);

  const firstStart = lines[0];
  const firstEnd = lines[1];
  // A block that starts with a header is a message whose start line is missing.
  const headless =
    isHeaderLine(text, firstStart, firstEnd) &&
    !startsWithSipSlash(text, firstStart, firstEnd) &&
    !isVersionlessRequestLine(text, firstStart, firstEnd);
  let line: number;
  let startLine;
  if (headless) {
    startLine = missingStartLine(firstStart);
    problems.push({
      start: firstStart, end: firstEnd, code: 'start-line-missing',
      message: 'Message has no start line; expected a Request-Line (INVITE sip:... SIP/2.0) or a Status-Line (SIP/2.0 200 OK) before the headers',
    });
    line = 0;
  } else {
    startLine = parseStartLine(text, firstStart, firstEnd, problems);
    line = 1;
  }

  // Header block: up to the first empty line. The raw framer may have read it already, as it framed the message.
  let terminated: boolean;
  let headerData: Int32Array;
  const pre = framed.headerBlock;
  if (pre !== undefined && !headless) {
    headerData = pre.headers;
    terminated = pre.terminated;
    line = pre.endLine;
    // A loop, not push(...): a hostile block can have hundreds of thousands of problems.
    if (pre.problems !== null) for (const problem of pre.problems) problems.push(problem);
  } else {
    beginHeaderBlock();
    terminated = false;
    for (; line < lineCount; line++) {
      const s = lines[line * LINE_STRIDE];
      const e = lines[line * LINE_STRIDE + 1];
      if (isBlank(text, s, e)) {
        terminated = true;
        line++;
        break;
      }
      readHeaderBlockLine(text, s, e, line, problems);
    }
    headerData = takeHeaderBlock();
  }

  const bodyLine = terminated && line < lineCount ? line : -1;
  const contentType = mediaType(text, headerData);
  const headerCut = !terminated && framed.endReason === 'cut';
  let bodyStart = framed.end;
  let bodyEnd = framed.end;
  if (bodyLine !== -1) {
    bodyStart = lines[bodyLine * LINE_STRIDE];
    // The body's extent ends at its last non-blank line.
    let last = lineCount - 1;
    while (last > bodyLine && isBlank(text, lines[last * LINE_STRIDE], lines[last * LINE_STRIDE + 1])) last--;
    bodyEnd = Math.max(bodyStart, lines[last * LINE_STRIDE + 1]);
  } else if (terminated) {
    bodyStart = bodyEnd = lines[(lineCount - 1) * LINE_STRIDE + 1];
  }

  const contentLength = checkContentLength(text, headerData, lines, bodyLine, framed.contentLengthMatched === true, problems);
  if (!terminated) {
    // A message cut short in its headers is reported when another message
    // interrupted it, or when a body was announced; a paste that only lost
    // the final empty line of a body-less message is not worth an alarm.
    if (headerCut || (contentLength !== null && contentLength > 0)) {
      const lastStart = lines[(lineCount - 1) * LINE_STRIDE];
      const lastEnd = lines[(lineCount - 1) * LINE_STRIDE + 1];
      problems.push({
        start: lastStart, end: lastEnd, code: 'header-block-unterminated',
        message: headerCut
          ? 'Header block ends without an empty line: the next message starts here, so this one was cut short'
          : 'Header block ends without an empty line, yet Content-Length announces a body: the message is truncated',
      });
    }
  }

  // Most messages have no problem: they share one empty array instead of allocating their own.
  const own = problems.length === 0 ? NO_PROBLEMS : problems.slice();
  return new ParsedMessage(
    index, framed.start, framed.end, startLine.kind, startLine, lines, bodyLine, bodyStart, bodyEnd, contentType, own,
    framed.meta, text, headerData,
  );
}

function countReplacementChars(text: string, start: number, end: number): number {
  let count = 0;
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === 0xfffd) count++;
  return count;
}

function mediaType(text: string, data: Int32Array): string | null {
  for (let at = 0; at < data.length; at += H_STRIDE) {
    if (headerNameOf(text, data, at).key !== 'content-type') continue;
    const valueStart = data[at + H_VALUE_START];
    const valueEnd = data[at + H_VALUE_END];
    let end = valueStart;
    while (end < valueEnd && text.charCodeAt(end) !== 59) end++;
    const type = text.slice(valueStart, end).trim().toLowerCase();
    return type.length > 0 ? type : null;
  }
  return null;
}

/**
 * Checks Content-Length against the body and returns the announced length
 * (null when absent or unusable). `matched`: the framer already ended the
 * body where Content-Length says, so the body need not be counted again.
 *
 * Traces are not wire captures: a tool may have dropped every CR (so an LF
 * counts as one or two bytes), or the final line break. The body length is
 * therefore a window, and only a Content-Length outside it is reported.
 */
function checkContentLength(
  text: string,
  data: Int32Array,
  lines: Int32Array,
  bodyLine: number,
  matched: boolean,
  problems: Problem[],
): number | null {
  let announced: number | null = null;
  let first: { valueStart: number; valueEnd: number } | null = null;
  for (let at = 0; at < data.length; at += H_STRIDE) {
    if (headerNameOf(text, data, at).key !== 'content-length') continue;
    const h = { nameStart: data[at + H_NAME_START], valueStart: data[at + H_VALUE_START], valueEnd: data[at + H_VALUE_END] };
    const value = contentLengthNumber(text, h.valueStart, h.valueEnd);
    if (value === null) {
      const written = text.slice(h.valueStart, h.valueEnd);
      problems.push({
        start: h.valueStart, end: Math.max(h.valueEnd, h.valueStart), code: 'content-length-invalid',
        message: `Content-Length "${written.slice(0, 40)}" is not a non-negative decimal number`,
      });
      return null;
    }
    if (first !== null && announced !== value) {
      problems.push({
        start: h.nameStart, end: h.valueEnd, code: 'content-length-invalid',
        message: `Content-Length appears twice with different values (${announced} and ${value}); the body length is unknown`,
      });
      return null;
    }
    first = h;
    announced = value;
  }
  if (first === null || announced === null) return null;
  if (matched) return announced;

  const lineCount = lines.length / LINE_STRIDE;
  let minBytes = 0; // without trailing blank lines, LF counted as one byte
  let maxBytes = 0; // with every line, LF counted as CRLF, plus a lost final CRLF
  if (bodyLine !== -1) {
    let lastText = bodyLine;
    for (let l = bodyLine; l < lineCount; l++) {
      if (!isBlank(text, lines[l * LINE_STRIDE], lines[l * LINE_STRIDE + 1])) lastText = l;
    }
    for (let l = bodyLine; l < lineCount; l++) {
      const s = lines[l * LINE_STRIDE];
      const e = lines[l * LINE_STRIDE + 1];
      const eol = lines[l * LINE_STRIDE + 2] as Eol;
      const bytes = utf8Length(text, s, e);
      // Undecodable bytes arrive as U+FFFD (3 bytes in UTF-8) but were 1 to 3 bytes on the wire.
      const fewest = bytes - 2 * countReplacementChars(text, s, e);
      maxBytes += bytes + 2;
      if (l < lastText) minBytes += fewest + (eol === Eol.CrLf ? 2 : eol === Eol.Lf ? 1 : 0);
      else if (l === lastText) minBytes += fewest;
    }
  }
  if (announced > maxBytes) {
    problems.push({
      start: first.valueStart, end: first.valueEnd, code: 'content-length-exceeds-body',
      message: `Content-Length is ${announced} but the body has only about ${maxBytes === 0 ? 0 : maxBytes - 2} bytes: the message is truncated or Content-Length is wrong`,
    });
  } else if (announced < minBytes) {
    problems.push({
      start: first.valueStart, end: first.valueEnd, code: 'content-length-below-body',
      message: `Content-Length is ${announced} but the body has at least ${minBytes} bytes: a receiver discards the rest`,
    });
  }
  return announced;
}

/**
 * A message moved by an edit before it: a view of the message it was parsed
 * as (`base`), `delta` characters further. Its offsets are computed on
 * demand and its arrays built only when read, so moving the tens of thousands
 * of messages after an edit costs one small object each.
 */
class MovedMessage implements SipMessage {
  private movedStartLine: StartLine | null = null;
  private movedLines: Int32Array | null = null;
  private movedHeaders: SipHeader[] | null = null;
  private movedProblems: readonly Problem[] | null = null;
  private movedMeta: MessageMeta | null = null;

  constructor(readonly base: ParsedMessage, readonly delta: number, readonly index: number) {}

  get start(): number {
    return this.base.start + this.delta;
  }
  get end(): number {
    return this.base.end + this.delta;
  }
  get kind(): MessageKind {
    return this.base.kind;
  }
  get bodyLine(): number {
    return this.base.bodyLine;
  }
  get bodyStart(): number {
    return this.base.bodyStart + this.delta;
  }
  get bodyEnd(): number {
    return this.base.bodyEnd + this.delta;
  }
  get contentType(): string | null {
    return this.base.contentType;
  }

  get startLine(): StartLine {
    if (this.movedStartLine === null) {
      const sl = this.base.startLine;
      const d = this.delta;
      const move = (offset: number) => (offset < 0 ? offset : offset + d);
      this.movedStartLine = {
        ...sl,
        start: sl.start + d, end: sl.end + d,
        methodStart: move(sl.methodStart), methodEnd: move(sl.methodEnd),
        uriStart: move(sl.uriStart), uriEnd: move(sl.uriEnd),
        versionStart: move(sl.versionStart), versionEnd: move(sl.versionEnd),
        statusStart: move(sl.statusStart), statusEnd: move(sl.statusEnd),
        reasonStart: move(sl.reasonStart), reasonEnd: move(sl.reasonEnd),
      };
    }
    return this.movedStartLine;
  }

  get lines(): Int32Array {
    if (this.movedLines === null) {
      const source = this.base.lines;
      const lines = new Int32Array(source.length);
      for (let i = 0; i < lines.length; i += LINE_STRIDE) {
        lines[i] = source[i] + this.delta;
        lines[i + 1] = source[i + 1] + this.delta;
        lines[i + 2] = source[i + 2];
      }
      this.movedLines = lines;
    }
    return this.movedLines;
  }

  get headers(): readonly SipHeader[] {
    if (this.movedHeaders === null) {
      const d = this.delta;
      this.movedHeaders = this.base.headers.map((h) => ({
        ...h,
        nameStart: h.nameStart + d, nameEnd: h.nameEnd + d, colon: h.colon < 0 ? h.colon : h.colon + d,
        valueStart: h.valueStart + d, valueEnd: h.valueEnd + d,
      }));
    }
    return this.movedHeaders;
  }

  get problems(): readonly Problem[] {
    if (this.movedProblems === null) {
      const own = this.base.problems;
      this.movedProblems = own.length === 0 ? NO_PROBLEMS : own.map((p) => ({ ...p, start: p.start + this.delta, end: p.end + this.delta }));
    }
    return this.movedProblems;
  }

  get meta(): MessageMeta {
    if (this.movedMeta === null) {
      const meta = this.base.meta;
      const move = (offset: number) => (offset < 0 ? offset : offset + this.delta);
      this.movedMeta = meta.frameStart < 0 && meta.frameEnd < 0 ? meta : { ...meta, frameStart: move(meta.frameStart), frameEnd: move(meta.frameEnd) };
    }
    return this.movedMeta;
  }
}

/** The message as parsed, before any edit moved it (the message itself when none did). */
export function parsedBase(message: SipMessage): SipMessage {
  return message instanceof MovedMessage ? message.base : message;
}

/**
 * The start line as the message's parse read it: its method, status and
 * reason are the message's, its offsets the parse's (`parsedBase`'s). For
 * passes over every message that read no offsets: a moved message's
 * `startLine` is a moved copy, built on first use, and after an edit near
 * the top of a 50 MB trace a pass that asked every message for one built
 * some 40,000 of them.
 */
export function parsedStartLine(message: SipMessage): StartLine {
  return parsedBase(message).startLine;
}

/** How many lines the message has, read without building a moved message's line array. */
export function lineCountOf(message: SipMessage): number {
  return parsedBase(message).lines.length / LINE_STRIDE;
}

/** The parser's problems of a message in its parse's offsets (add `message.start - parsedBase(message).start`). */
export function parsedProblems(message: SipMessage): readonly Problem[] {
  return parsedBase(message).problems;
}

/**
 * The flat header records of a message (layout `H_*` in `headerBlock.ts`),
 * in the offsets of the parse that read it (`parsedBase(message)`'s), with
 * no objects built: what hot loops over every message read instead of
 * `message.headers`.
 */
export function headerRecords(message: SipMessage): Int32Array {
  const base = message instanceof MovedMessage ? message.base : (message as ParsedMessage);
  return base.records;
}

/**
 * The text the message's parse read, in which `parsedBase(message)`'s
 * offsets are valid: per-message work reads it rather than the model's text,
 * which after an edit exists only in pieces until something needs it whole.
 */
export function parsedText(message: SipMessage): string {
  return (message instanceof MovedMessage ? message.base : (message as ParsedMessage)).text;
}

/**
 * The cache slots of the parse a message comes from, shared with every moved
 * view of it: a field read, where a WeakMap would hash the message on every
 * lookup of every pass over a large trace.
 */
export function parseMemo(message: SipMessage): ParseMemo {
  return message instanceof MovedMessage ? message.base : (message as ParsedMessage);
}

/** Whether two messages come from the same parse of the same text (one may be the other, moved). */
export function sameParse(a: SipMessage, b: SipMessage): boolean {
  return parsedBase(a) === parsedBase(b);
}

/**
 * The same message `delta` characters further in the text (an edit before it
 * moved it), as message number `index`. Nothing is parsed or copied.
 */
export function shiftMessage(message: SipMessage, delta: number, index: number): SipMessage {
  if (message instanceof MovedMessage) return new MovedMessage(message.base, message.delta + delta, index);
  return new MovedMessage(message as ParsedMessage, delta, index);
}
