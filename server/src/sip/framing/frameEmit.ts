/**
 * Turns the logical lines collected for one frame into messages: drops what
 * is not SIP, decides where each message ends, checks the byte count the
 * framing line announced, and hands the messages to the sink.
 */
import { Eol, LINE_STRIDE, type Problem } from '../model';
import type { FrameEnd, FrameSink } from './types';
import {
  LineBuffer, contentLengthValue, isBlank, isHeaderLine, isSpace, isStartLine, isVersionlessRequestLine, utf8Length,
} from './lineScan';
import { freezeMeta, type MetaDraft } from './meta';

/**
 * What follows a message's body inside its frame, once Content-Length has
 * been used up:
 * - `keep`: everything up to the frame's end belongs to the message (a closed
 *   frame: the tool's end marker is exact, so extra text is the message's);
 * - `split`: a packet dump: another start line there begins another message
 *   from the same packet (TCP); other text after an empty line is the tool's
 *   and dropped; text right after the body stays in it (a Content-Length
 *   that is too small, which the parser reports);
 * - `cut`: the frame has no end marker and the tool's other log lines follow
 *   the message: they are not SIP and are dropped (without Content-Length the
 *   body ends at the first empty line).
 */
export type AfterBody = 'keep' | 'split' | 'cut';

/** Where the lines the messages keep are copied (see `LineBuffer.takeCopy`). */
const keptLines = new LineBuffer();

/** Growable flat buffer of a frame's logical lines, with where each physical line ends. */
export class FrameLines {
  private data = new Int32Array(128 * LINE_STRIDE);
  private afters = new Int32Array(128);
  count = 0;

  push(start: number, end: number, eol: Eol, after: number): void {
    if (this.count === this.afters.length) {
      const data = new Int32Array(this.data.length * 2);
      data.set(this.data);
      this.data = data;
      const afters = new Int32Array(this.afters.length * 2);
      afters.set(this.afters);
      this.afters = afters;
    }
    const at = this.count * LINE_STRIDE;
    this.data[at] = start;
    this.data[at + 1] = end;
    this.data[at + 2] = eol;
    this.afters[this.count++] = after;
  }

  start(line: number): number {
    return this.data[line * LINE_STRIDE];
  }

  end(line: number): number {
    return this.data[line * LINE_STRIDE + 1];
  }

  eol(line: number): Eol {
    return this.data[line * LINE_STRIDE + 2] as Eol;
  }

  /** Offset just past the physical text of the line (its line break, or its escape). */
  after(line: number): number {
    return this.afters[line];
  }

  /** A compact copy of lines `[from, to)`, for a message to keep (in a slab shared by all framers' messages). */
  slice(from: number, to: number): Int32Array {
    return keptLines.takeCopy(this.data, from * LINE_STRIDE, to * LINE_STRIDE);
  }

  reset(): void {
    this.count = 0;
  }
}

interface Piece {
  from: number;
  to: number;
  reason: FrameEnd;
  /** The body ends at `to` because Content-Length says so. */
  byLength?: boolean;
}

export function emitFrame(text: string, lines: FrameLines, draft: MetaDraft, afterBody: AfterBody, reason: FrameEnd, sink: FrameSink): void {
  const n = lines.count;
  const blank = (l: number): boolean => isBlank(text, lines.start(l), lines.end(l));
  let i = 0;
  while (i < n && blank(i)) i++;
  if (i >= n || !looksLikeSip(text, lines, i)) return;

  const pieces: Piece[] = [];
  while (i < n) {
    // The header block: up to the first empty line, or a start line that cuts it short.
    let j = i + 1;
    let terminated = false;
    let cut = false;
    let contentLength: number | null = null;
    let usable = true;
    while (j < n) {
      const s = lines.start(j);
      const e = lines.end(j);
      if (isBlank(text, s, e)) {
        terminated = true;
        j++;
        break;
      }
      if (!isSpace(text.charCodeAt(s)) && isStartLine(text, s, e)) {
        cut = true;
        break;
      }
      const value = contentLengthValue(text, s, e);
      if (value !== undefined) {
        if (value === null || (contentLength !== null && contentLength !== value)) usable = false;
        else contentLength = value;
      }
      j++;
    }
    if (cut) {
      pieces.push({ from: i, to: j, reason: 'cut' });
      i = j;
      continue;
    }
    if (!terminated || afterBody === 'keep') {
      pieces.push({ from: i, to: n, reason });
      break;
    }
    const bodyFirst = j;
    const byLength = usable && contentLength !== null ? bodyEndByLength(text, lines, bodyFirst, contentLength) : -1;
    if (afterBody === 'cut') {
      let end = byLength;
      if (end === -1) end = contentLength === null ? firstBlank(text, lines, bodyFirst) : n;
      pieces.push({ from: i, to: end, reason, byLength: end === byLength });
      break;
    }
    // split: a start line after the body (or after an empty line) begins the next message.
    let next = -1;
    if (byLength !== -1) {
      let k = byLength;
      while (k < n && blank(k)) k++;
      if (k < n && isStartLine(text, lines.start(k), lines.end(k))) next = k;
      else if (k > byLength) {
        // The body ended where Content-Length said and an empty line follows:
        // what comes after is the tool's, not the packet's (ngrep's "exit").
        pieces.push({ from: i, to: byLength, reason, byLength: true });
        break;
      }
    } else {
      for (let k = bodyFirst + 1; k < n; k++) {
        if (blank(k - 1) && isStartLine(text, lines.start(k), lines.end(k))) {
          next = k;
          break;
        }
      }
    }
    if (next === -1) {
      pieces.push({ from: i, to: n, reason });
      break;
    }
    pieces.push({ from: i, to: byLength !== -1 ? byLength : next, reason: 'frame', byLength: byLength !== -1 });
    i = next;
  }

  for (const piece of pieces) emitPiece(text, lines, draft, piece, pieces.length === 1, sink);
}

function emitPiece(text: string, lines: FrameLines, draft: MetaDraft, piece: Piece, whole: boolean, sink: FrameSink): void {
  const { from } = piece;
  let to = piece.to;
  // Trailing empty lines separate messages; keep the one that ends the header block.
  let headerEnd = to;
  for (let l = from + 1; l < to; l++) {
    if (isBlank(text, lines.start(l), lines.end(l))) {
      headerEnd = l;
      break;
    }
  }
  while (to - 1 > headerEnd && isBlank(text, lines.start(to - 1), lines.end(to - 1))) to--;
  if (to <= from) return;
  const problems: Problem[] = [];
  if (whole && draft.byteCount !== null) checkByteCount(text, lines, from, to, draft, problems);
  sink.message({
    lines: lines.slice(from, to),
    start: lines.start(from),
    end: Math.max(lines.after(to - 1), lines.end(to - 1)),
    endReason: piece.reason,
    meta: freezeMeta(draft),
    problems: problems.length > 0 ? problems : undefined,
    // Trimmed trailing lines were part of the counted body: the parser counts again.
    contentLengthMatched: piece.byLength === true && to === piece.to,
  });
}

/** A frame's payload is SIP when it starts with a start line, or with headers (a lost start line). */
function looksLikeSip(text: string, lines: FrameLines, i: number): boolean {
  const s = lines.start(i);
  const e = lines.end(i);
  if (isStartLine(text, s, e)) return true;
  if (i + 1 >= lines.count) return false;
  const ns = lines.start(i + 1);
  const ne = lines.end(i + 1);
  if (!isHeaderLine(text, ns, ne)) return false;
  return isVersionlessRequestLine(text, s, e) || isHeaderLine(text, s, e);
}

function firstBlank(text: string, lines: FrameLines, from: number): number {
  for (let l = from; l < lines.count; l++) if (isBlank(text, lines.start(l), lines.end(l))) return l;
  return lines.count;
}

/**
 * Index just past the body's last line when Content-Length matches the text
 * exactly, counting line breaks as written or as CRLF (a trace that lost its
 * CRs); -1 when it never matches (a wrong Content-Length, or a body the trace
 * cut short).
 */
function bodyEndByLength(text: string, lines: FrameLines, bodyFirst: number, contentLength: number): number {
  if (contentLength === 0) return bodyFirst;
  let asWritten = 0;
  let asCrlf = 0;
  for (let l = bodyFirst; l < lines.count; l++) {
    const bytes = utf8Length(text, lines.start(l), lines.end(l));
    asWritten += bytes;
    asCrlf += bytes;
    if (asWritten === contentLength || asCrlf === contentLength) return l + 1;
    const eol = lines.eol(l);
    asWritten += eol === Eol.CrLf ? 2 : eol === Eol.Lf ? 1 : 0;
    asCrlf += eol === Eol.None ? 0 : 2;
    if (asWritten === contentLength || asCrlf === contentLength) return l + 1;
    if (asWritten > contentLength) return -1;
  }
  return -1;
}

/**
 * The framing line announced a byte count: compare it with the text. Traces
 * drop CRs and add a line break of their own after the message, so the text
 * gives a window (each LF one or two bytes, the last line break maybe not the
 * message's); only a count outside it is worth a note.
 */
function checkByteCount(text: string, lines: FrameLines, from: number, to: number, draft: MetaDraft, problems: Problem[]): void {
  const announced = draft.byteCount;
  if (announced === null) return;
  let bytes = 0;
  let min = 0;
  let max = 0;
  for (let l = from; l < to; l++) {
    bytes += utf8Length(text, lines.start(l), lines.end(l));
    const eol = lines.eol(l);
    if (eol === Eol.CrLf) {
      min += 2;
      max += 2;
    } else if (eol === Eol.Lf) {
      min += 1;
      max += 2;
    }
  }
  const lastEol = lines.eol(to - 1);
  min = bytes + min - (lastEol === Eol.CrLf ? 2 : lastEol === Eol.Lf ? 1 : 0);
  max = bytes + max;
  if (announced >= min && announced <= max) return;
  const start = draft.countStart >= 0 ? draft.countStart : draft.frameStart;
  const end = draft.countStart >= 0 ? draft.countEnd : draft.frameEnd;
  const written = min === max ? `${min}` : `${min} to ${max}`;
  problems.push({
    start, end, code: 'frame-byte-count-mismatch',
    message: `The trace announces ${announced} bytes but the message text holds ${written} bytes` +
      (announced > max ? ': the trace cut the message short or left part of it out' : ': the trace added text to the message or merged it with another'),
  });
}
