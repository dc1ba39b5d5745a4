/**
 * Raw framing: SIP messages as people paste them, separated by blank lines or
 * back to back, with CRLF, LF-only or mixed line ends, and anything else
 * (log lines, notes) between them.
 *
 * Where a message ends:
 * - its header block ends at the first empty line (or where another start
 *   line interrupts it: a truncated message);
 * - its body ends where Content-Length says, if what follows confirms it (the
 *   end of input, blank lines, or a start line). Content-Length is never
 *   trusted alone: RFC 4475 `clerr`, `ncl` and `mcl01` lie on purpose, so a
 *   body never runs over a later start line that follows a blank line;
 * - without a usable Content-Length, at the next start line.
 */
import { Eol, NO_META, type Problem } from '../model';
import type { Framer, FrameSink, FrameEnd, PreparsedHeaderBlock } from './types';
import {
  beginHeaderBlock, currentNameId, currentValueEnd, currentValueStart, readHeaderBlockLine, readPlainHeaderLine, takeHeaderBlock,
} from '../parser/headerBlock';
import { isContentLengthId } from '../knowledge/headerNames';
import {
  LineBuffer, contentLengthNumber, contentLengthValue, isBlank, isHeaderLine, isSpace, isStartLine, isVersionlessRequestLine, utf8Length,
} from './lineScan';

/** Header names that mark the start of a message whose start line is missing. */
const CORE_HEADERS = new Set(['via', 'v', 'from', 'f', 'to', 't', 'call-id', 'i', 'cseq']);

export const rawFramer: Framer = {
  id: 'raw',
  label: 'Raw SIP',
  score(sampleLines) {
    // Raw is the fallback: a weak score for each start line found.
    let starts = 0;
    for (const line of sampleLines) if (isStartLine(line, 0, line.length)) starts++;
    return starts > 0 ? 1 : 0;
  },
  frame(text, sink) {
    new RawScanner(text, sink).run();
  },
};

class RawScanner {
  private readonly lines = new LineBuffer();
  private readonly length: number;
  // The physical line last read by `read()`.
  private lineStart = 0;
  private lineEnd = 0;
  private eol: Eol = Eol.None;
  private next = 0;
  /** The header block of the message being framed, read as it was framed (see `parser/headerBlock.ts`). */
  private headerBlock: PreparsedHeaderBlock | undefined = undefined;
  private readonly headerProblems: Problem[] = [];

  constructor(private readonly text: string, private readonly sink: FrameSink) {
    this.length = text.length;
  }

  run(): void {
    const text = this.text;
    let pos = 0;
    let atBlockStart = true;
    while (pos < this.length) {
      this.read(pos);
      const s = this.lineStart;
      const e = this.lineEnd;
      if (isBlank(text, s, e)) {
        atBlockStart = true;
        pos = this.next;
        continue;
      }
      const startLine = isStartLine(text, s, e);
      if (startLine || (atBlockStart && this.beginsHeadlessOrVersionless(s, e))) {
        pos = this.frameMessage(pos, startLine);
        atBlockStart = true;
        continue;
      }
      // Not SIP: a log line or a note between messages. It gets no diagnostics.
      atBlockStart = false;
      pos = this.next;
    }
  }

  /** Reads the physical line at `at` into the scanner's line fields. */
  private read(at: number): void {
    const text = this.text;
    this.lineStart = at;
    const nl = text.indexOf('\n', at);
    if (nl === -1) {
      this.lineEnd = this.length;
      this.next = this.length;
      this.eol = Eol.None;
      return;
    }
    this.next = nl + 1;
    if (nl > at && text.charCodeAt(nl - 1) === 13) {
      this.lineEnd = nl - 1;
      this.eol = Eol.CrLf;
    } else {
      this.lineEnd = nl;
      this.eol = Eol.Lf;
    }
  }

  private push(): void {
    this.lines.push(this.lineStart, this.lineEnd, this.eol);
  }

  /** A block that starts a message without a proper start line, if the next line is a header. */
  private beginsHeadlessOrVersionless(s: number, e: number): boolean {
    const text = this.text;
    const versionless = isVersionlessRequestLine(text, s, e);
    if (!versionless) {
      if (!isHeaderLine(text, s, e)) return false;
      const colon = text.indexOf(':', s);
      const name = text.slice(s, colon).trim().toLowerCase();
      if (!CORE_HEADERS.has(name)) return false;
    }
    const after = this.next;
    if (after >= this.length) return false;
    this.read(after);
    const nextIsHeader = isHeaderLine(text, this.lineStart, this.lineEnd);
    this.read(s);
    return nextIsHeader;
  }

  /**
   * Frames one message starting at `start`; returns where scanning goes on.
   * After a proper start line, the header block is read into header records
   * on the way (the parser would otherwise scan every line again).
   */
  private frameMessage(start: number, readHeaders: boolean): number {
    const text = this.text;
    const lines = this.lines;
    const headerProblems = this.headerProblems;
    this.read(start);
    this.push();
    let pos = this.next;
    let contentLength: number | null = null;
    let contentLengthUsable = true;
    let terminated = false;
    let endReason: FrameEnd = 'frame';
    if (readHeaders) {
      beginHeaderBlock();
      headerProblems.length = 0;
    }

    // Header block.
    while (pos < this.length) {
      this.read(pos);
      const s = this.lineStart;
      const e = this.lineEnd;
      if (isBlank(text, s, e)) {
        this.push();
        pos = this.next;
        terminated = true;
        break;
      }
      // A `Name:` line is no start line; anything else may be the next message.
      let value: number | null | undefined;
      if (readHeaders && readPlainHeaderLine(text, s, e, lines.count)) {
        const id = currentNameId();
        // Id -1: the name table is full and the spelling new; read the line itself.
        if (id === -1) value = contentLengthValue(text, s, e);
        else value = isContentLengthId(id) ? contentLengthNumber(text, currentValueStart(), currentValueEnd()) : undefined;
      } else {
        if (!isSpace(text.charCodeAt(s)) && isStartLine(text, s, e)) {
          endReason = 'cut';
          break;
        }
        if (readHeaders) readHeaderBlockLine(text, s, e, lines.count, headerProblems);
        value = contentLengthValue(text, s, e);
      }
      if (value !== undefined) {
        if (value === null || (contentLength !== null && contentLength !== value)) contentLengthUsable = false;
        else contentLength = value;
      }
      this.push();
      pos = this.next;
    }
    if (readHeaders) {
      this.headerBlock = {
        headers: takeHeaderBlock(),
        problems: headerProblems.length > 0 ? headerProblems.slice() : null,
        terminated,
        endLine: lines.count,
      };
    }
    if (!terminated) {
      return this.emit(start, pos, pos >= this.length && endReason !== 'cut' ? 'eof' : endReason);
    }

    const bodyFirst = lines.count;
    const bodyStartPos = pos;
    if (contentLengthUsable && contentLength !== null) {
      const end = this.bodyByContentLength(bodyStartPos, contentLength);
      if (end !== -1) return end;
      lines.truncate(bodyFirst);
    }
    return this.bodyToNextStartLine(start, bodyStartPos);
  }

  /**
   * Takes `contentLength` bytes of body. Returns where scanning goes on, or -1
   * when the text does not confirm the length (the caller falls back).
   */
  private bodyByContentLength(bodyStart: number, contentLength: number): number {
    const text = this.text;
    const lines = this.lines;
    const start = lines.start(0);
    if (contentLength === 0) {
      return this.confirmedEnd(start, bodyStart, bodyStart, true) ?? -1;
    }
    // Count bytes two ways: LF as one byte (as written) and LF as CRLF (a
    // trace that lost its CRs); a match in either ends the body.
    let asWritten = 0;
    let asCrlf = 0;
    let pos = bodyStart;
    let first = true;
    let previousBlank = false;
    while (pos < this.length) {
      this.read(pos);
      const s = this.lineStart;
      const e = this.lineEnd;
      const blank = isBlank(text, s, e);
      if (!first && previousBlank && !blank && isStartLine(text, s, e)) break;
      const bytes = utf8Length(text, s, e);
      asWritten += bytes;
      asCrlf += bytes;
      if (asWritten === contentLength || asCrlf === contentLength) {
        // The body ends at the end of this line's text, before its line break.
        lines.push(s, e, Eol.None);
        return this.confirmedEnd(start, e, this.next, true) ?? -1;
      }
      asWritten += this.eol === Eol.CrLf ? 2 : this.eol === Eol.Lf ? 1 : 0;
      asCrlf += this.eol === Eol.None ? 0 : 2;
      this.push();
      pos = this.next;
      if (asWritten === contentLength || asCrlf === contentLength) {
        return this.confirmedEnd(start, pos, pos, true) ?? -1;
      }
      if (asWritten > contentLength) return -1; // Content-Length ends inside a line: it is wrong.
      first = false;
      previousBlank = blank;
    }
    // The body is shorter than announced (end of input, or a later message
    // after a blank line). Keep what is there; the parser reports it.
    this.trimTrailingBlankLines();
    const end = this.lineEndOffset();
    return this.emit(start, end, pos >= this.length ? 'eof' : 'frame', pos);
  }

  /**
   * The body ended at `end` (scanning may go on at `resume`). Accept it if the
   * next line is blank, a start line, or the end of input; text that follows
   * immediately means Content-Length is wrong (returns null).
   */
  private confirmedEnd(start: number, end: number, resume: number, matched: boolean): number | null {
    if (resume < this.length) {
      this.read(resume);
      const s = this.lineStart;
      const e = this.lineEnd;
      if (!isBlank(this.text, s, e) && !isStartLine(this.text, s, e)) return null;
    }
    return this.emit(start, end, resume >= this.length ? 'eof' : 'frame', resume, matched);
  }

  /** No usable Content-Length: the body runs to the next start line. */
  private bodyToNextStartLine(start: number, bodyStart: number): number {
    const text = this.text;
    let pos = bodyStart;
    while (pos < this.length) {
      this.read(pos);
      if (isStartLine(text, this.lineStart, this.lineEnd)) break;
      this.push();
      pos = this.next;
    }
    this.trimTrailingBlankLines();
    // Keep the empty line that ends the header block even when the body is empty.
    return this.emit(start, Math.max(this.lineEndOffset(), bodyStart), pos >= this.length ? 'eof' : 'frame', pos);
  }

  /** Drops trailing blank lines of the body: they separate messages. */
  private trimTrailingBlankLines(): void {
    const lines = this.lines;
    let count = lines.count;
    // Never drop the header block's own terminating empty line (the first blank line).
    let headerBlank = -1;
    for (let l = 1; l < count; l++) {
      if (isBlank(this.text, lines.start(l), lines.end(l))) {
        headerBlank = l;
        break;
      }
    }
    while (count - 1 > headerBlank && isBlank(this.text, lines.start(count - 1), lines.end(count - 1))) count--;
    lines.truncate(count);
  }

  /** Offset just past the last collected line's line break. */
  private lineEndOffset(): number {
    const lines = this.lines;
    const last = lines.count - 1;
    const eol = lines.eol(last);
    return lines.end(last) + (eol === Eol.CrLf ? 2 : eol === Eol.Lf ? 1 : 0);
  }

  private emit(start: number, end: number, endReason: FrameEnd, resume = end, contentLengthMatched = false): number {
    const headerBlock = this.headerBlock;
    this.headerBlock = undefined;
    this.sink.message({ lines: this.lines.take(), start, end, endReason, meta: NO_META, contentLengthMatched, headerBlock });
    return resume;
  }
}
