/**
 * The seam between trace wrappings and the SIP message parser.
 *
 * A framer knows one tool's wrapping (raw paste, ngrep, Asterisk, ...). It
 * finds where each message is, strips what the tool added, and hands the
 * message's logical lines plus metadata to the sink. It never interprets SIP
 * beyond what it needs to find a message's end.
 */
import type { MessageMeta, Problem } from '../model';

/** Why a framed message ends where it does. */
export type FrameEnd =
  /** End of input. */
  | 'eof'
  /** Another message's start line interrupted this one. */
  | 'cut'
  /** The wrapping's own end marker or next frame (a complete message). */
  | 'frame';

export interface FramedMessage {
  /** Logical lines as flat triples `start, end, eol` (see `model.LINE_STRIDE`). */
  readonly lines: Int32Array;
  /** Offset where the message's extent in the document starts (its start line). */
  readonly start: number;
  /** Offset just past the message's last line break. */
  readonly end: number;
  readonly endReason: FrameEnd;
  readonly meta: MessageMeta;
  /**
   * Problems the framing found with this message (e.g. a byte count in the
   * framing line that disagrees with the text); the parser adds them to the
   * message's own problems.
   */
  readonly problems?: readonly Problem[];
  /**
   * The framer ended the body exactly where Content-Length said (counting
   * line breaks as written or as CRLF), so the parser need not count the
   * body's bytes again: the length is then inside the window it accepts.
   */
  readonly contentLengthMatched?: boolean;
  /**
   * The header block, when the framer read it while framing (the raw framer
   * does, so that each line is scanned once). The parser then uses it as is.
   */
  readonly headerBlock?: PreparsedHeaderBlock;
}

export interface PreparsedHeaderBlock {
  /** Header records (see `parser/headerBlock.ts`). */
  readonly headers: Int32Array;
  /** Problems of the block's lines, or null. */
  readonly problems: readonly Problem[] | null;
  /** The block ended with an empty line. */
  readonly terminated: boolean;
  /** Index of the first line after the block (after its empty line). */
  readonly endLine: number;
}

export interface FrameSink {
  message(framed: FramedMessage): void;
  /** A trace-level problem (not inside a message), e.g. an unreadable wrapping. */
  problem(problem: Problem): void;
}

export interface Framer {
  /** Stable id used by `sip.trace.format` and `--trace-format`. */
  readonly id: string;
  readonly label: string;
  /**
   * How strongly a sample of the file's lines looks like this wrapping: the
   * number of its framing lines found (0 = none), so that ordinary log lines
   * weigh nothing. Detection picks the highest score (see `registry.ts`).
   */
  score(sampleLines: readonly string[]): number;
  frame(text: string, sink: FrameSink): void;
  /**
   * False when framing a message depends on state from far before it (a
   * stream header, say), so the incremental re-parse cannot start at a
   * message boundary and parses the whole text instead. Default true.
   */
  readonly resumable?: boolean;
}
