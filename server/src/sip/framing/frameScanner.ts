/**
 * The loop every wrapped format shares: one pass over the physical lines;
 * a framing line opens a frame, the lines after it are the message (after
 * the tool's per-line prefix is stripped and its repairs undone), and the
 * frame ends at the tool's end marker, the next framing line, one of the
 * tool's other log lines, or the end of input.
 *
 * A format describes itself with a `FrameSpec` (which lines open a frame,
 * which lines are foreign) and a `Frame` per message (prefixes, preamble
 * lines such as SIPp's "message sent" line, the end marker, repairs).
 */
import { Eol } from '../model';
import type { FrameEnd, FrameSink } from './types';
import { isBlank } from './lineScan';
import { emitFrame, FrameLines, type AfterBody } from './frameEmit';
import type { MetaDraft } from './meta';

/** `Frame.content` result: the physical line is not part of the message (skip it). */
export const SKIP_LINE = -1;
/** `Frame.content` result: the physical line ends the frame and is not part of it. */
export const END_FRAME = -2;

/** What a line before the message's start line is. */
export type Preamble =
  /** Framing detail (a dashed line, `Sent:`, a metadata line): not part of the message. */
  | 'skip'
  /** The message begins on this line. */
  | 'sip'
  /** The frame is not a SIP message at all (SIPp's "Unexpected message" block). */
  | 'abort';

/** How the tool changed the message's line ends, undone line by line. */
export const enum Repair {
  None = 0,
  /** ngrep `-W byline`: every CR printed as a trailing `.`. */
  TrailingDot = 1,
  /** A literal `^M` for each CR (Avaya). */
  CaretM = 2,
}

/** Receives one logical line of a split physical line. */
export type LineOut = (start: number, end: number, eol: Eol, after: number) => void;

/** One message's frame: created by `FrameSpec.open` for each framing line. */
export class Frame {
  repair: Repair = Repair.None;
  afterBody: AfterBody = 'keep';
  /** When the message starts on the framing line itself: where (-1: on the next line). */
  inlineFrom = -1;
  /** End of that inline text (-1: the end of the framing line). */
  inlineTo = -1;

  constructor(readonly meta: MetaDraft) {}

  /**
   * Where the SIP text of a physical line starts (after the tool's prefix),
   * or `SKIP_LINE` / `END_FRAME`.
   */
  content(_text: string, start: number, _end: number): number {
    return start;
  }

  /** Classifies a line before the message's start line; blank lines are skipped by default. */
  preamble(text: string, start: number, end: number): Preamble {
    return isBlank(text, start, end) ? 'skip' : 'sip';
  }

  /**
   * After the message has begun: -1 when the line is not the tool's end
   * marker, else where the message's text on this line ends (the marker may
   * follow the message's last characters on the same line).
   */
  close(_text: string, _start: number, _end: number): number {
    return -1;
  }

  /**
   * Splits a physical line that holds several logical lines (escaped or
   * flattened traces) by calling `out` for each; returns false to keep the
   * line whole.
   */
  split(_text: string, _start: number, _end: number, _eol: Eol, _after: number, _out: LineOut): boolean {
    return false;
  }
}

/** `FrameSpec.open` result: a framing line that continues the open frame (the tool logged one message in pieces). */
export const CONTINUE_FRAME = 'continue';

export interface FrameSpec {
  /**
   * A new frame when `[start, end)` is a framing line, else null; or
   * `CONTINUE_FRAME` when the framing line announces more of the open frame
   * `current`. Called on every physical line.
   */
  open(text: string, start: number, end: number, current: Frame | null): Frame | typeof CONTINUE_FRAME | null;
  /** A physical line that is none of the message's (another log line): it ends an open frame. */
  foreign?(text: string, start: number, end: number): boolean;
}

export function scanFrames(text: string, sink: FrameSink, spec: FrameSpec): void {
  new FrameScanner(text, sink, spec).run();
}

class FrameScanner {
  private readonly lines = new FrameLines();
  private frame: Frame | null = null;
  private inPreamble = true;
  private dots = false;
  private readonly out: LineOut = (start, end, eol, after) => this.logical(start, end, eol, after);

  constructor(private readonly text: string, private readonly sink: FrameSink, private readonly spec: FrameSpec) {}

  run(): void {
    const text = this.text;
    const length = text.length;
    let pos = 0;
    while (pos < length) {
      const nl = text.indexOf('\n', pos);
      let end: number;
      let next: number;
      let eol: Eol;
      if (nl === -1) {
        end = next = length;
        eol = Eol.None;
      } else {
        next = nl + 1;
        if (nl > pos && text.charCodeAt(nl - 1) === 13) {
          end = nl - 1;
          eol = Eol.CrLf;
        } else {
          end = nl;
          eol = Eol.Lf;
        }
      }
      const opened = this.spec.open(text, pos, end, this.frame);
      if (opened === CONTINUE_FRAME) {
        // The framing line itself is not part of the message.
      } else if (opened !== null) {
        this.finish('frame');
        this.frame = opened;
        if (opened.inlineFrom >= 0) {
          const to = opened.inlineTo >= 0 ? Math.min(opened.inlineTo, end) : end;
          this.physical(opened.inlineFrom, to, to < end ? Eol.None : eol, to < end ? to : next, true);
        }
      } else if (this.frame !== null) {
        if (this.spec.foreign !== undefined && this.spec.foreign(text, pos, end)) this.finish('frame');
        else this.physical(pos, end, eol, next, false);
      }
      pos = next;
    }
    this.finish('eof');
  }

  private physical(start: number, end: number, eol: Eol, after: number, inline: boolean): void {
    const frame = this.frame;
    if (frame === null) return;
    let from = start;
    if (!inline) {
      from = frame.content(this.text, start, end);
      if (from === SKIP_LINE) return;
      if (from === END_FRAME) {
        this.finish('frame');
        return;
      }
    }
    if (!frame.split(this.text, from, end, eol, after, this.out)) this.logical(from, end, eol, after);
  }

  private logical(start: number, end: number, eol: Eol, after: number): void {
    const frame = this.frame;
    if (frame === null) return;
    const text = this.text;
    if (this.inPreamble) {
      const kind = frame.preamble(text, start, end);
      if (kind === 'skip') return;
      if (kind === 'abort') {
        this.frame = null;
        this.reset();
        return;
      }
      this.inPreamble = false;
      this.dots = frame.repair === Repair.TrailingDot && end > start && text.charCodeAt(end - 1) === 46;
    }
    const close = frame.close(text, start, end);
    if (close !== -1) {
      if (close > start) this.lines.push(start, close, Eol.None, close);
      this.finish('frame');
      return;
    }
    if (this.dots && end > start && text.charCodeAt(end - 1) === 46) {
      end--;
      eol = Eol.CrLf;
    } else if (frame.repair === Repair.CaretM && end - start >= 2 && text.charCodeAt(end - 1) === 77 && text.charCodeAt(end - 2) === 94) {
      end -= 2;
      eol = Eol.CrLf;
    }
    this.lines.push(start, end, eol, after);
  }

  private finish(reason: FrameEnd): void {
    const frame = this.frame;
    if (frame !== null) emitFrame(this.text, this.lines, frame.meta, frame.afterBody, reason, this.sink);
    this.frame = null;
    this.reset();
  }

  private reset(): void {
    this.lines.reset();
    this.inPreamble = true;
    this.dots = false;
  }
}
