/**
 * The parsed model of a SIP trace.
 *
 * Invariants (relied on by every feature):
 * - Everything is an offset into the one document text: no copies of message
 *   text are kept, so a 50 MB trace stays small in memory.
 * - Offsets are UTF-16 code unit offsets (JavaScript string indices); LSP
 *   positions come from `LineIndex` only when shown.
 * - Parsing never throws: what cannot be read becomes a `Problem`, and every
 *   message that could be read is kept.
 */
import type { LineIndex } from './text/lineIndex';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A problem found in the text, identified by a stable rule id. */
export interface Problem {
  readonly start: number;
  readonly end: number;
  /** Stable rule id, e.g. `header-missing-colon`. See `rules/catalog.ts`. */
  readonly code: string;
  readonly message: string;
}

/**
 * One logical line of a message, after the framing removed what the trace
 * tool added (prefixes, indentation, ngrep's trailing `.`): `[start, end)` is
 * the SIP text of the line. Lines are stored flat in `SipMessage.lines` as
 * triples `start, end, eol`.
 */
export const LINE_STRIDE = 3;

/** Line terminator as it was on the wire. */
export const enum Eol {
  /** The line had no terminator (end of input or end of frame). */
  None = 0,
  /** A bare LF in the trace: the tool (or a paste) dropped the CR. */
  Lf = 1,
  /** CRLF, or a CR the framing repaired (ngrep `.`, `^M`, `#015`). */
  CrLf = 2,
}

export type MessageKind = 'request' | 'response' | 'unknown';

export interface StartLine {
  readonly kind: MessageKind;
  /** Whole start line (SIP text only). */
  readonly start: number;
  readonly end: number;
  /** Request: method token; response: null. */
  readonly method: string | null;
  readonly methodStart: number;
  readonly methodEnd: number;
  readonly uriStart: number;
  readonly uriEnd: number;
  /** Version as written (`SIP/2.0`); null when missing. */
  readonly version: string | null;
  readonly versionStart: number;
  readonly versionEnd: number;
  /** Response: status code when it is all digits; else null. */
  readonly status: number | null;
  readonly statusStart: number;
  readonly statusEnd: number;
  readonly reason: string | null;
  readonly reasonStart: number;
  readonly reasonEnd: number;
}

export interface SipHeader {
  /** Name as written, `[nameStart, nameEnd)`. */
  readonly nameStart: number;
  readonly nameEnd: number;
  /** Offset of the colon, or -1 when the line has none. */
  readonly colon: number;
  /**
   * Value with surrounding whitespace trimmed. For a folded header it runs
   * from the first value character to the end of its last continuation line;
   * use `headerValue()` for the joined text.
   */
  readonly valueStart: number;
  readonly valueEnd: number;
  /** Canonical name (`Call-ID` for `i`, `call-id`, `CALL-ID`). */
  readonly name: string;
  /** Lower-case canonical name: the key for knowledge tables and lookups. */
  readonly key: string;
  /** The name was written in compact form (`v`, `i`, ...). */
  readonly compact: boolean;
  /** Index (in lines, not triples) of the header's first and last line within the message. */
  readonly firstLine: number;
  readonly lastLine: number;
}

/** What the trace wrapping says about a message; null where the trace does not say. */
export interface MessageMeta {
  /** Timestamp as written by the tool. */
  readonly timestamp: string | null;
  /** Parsed timestamp in milliseconds (epoch or time of day), where the format allows. */
  readonly time: number | null;
  readonly direction: 'sent' | 'received' | null;
  readonly transport: string | null;
  /** `address:port` as written (IPv6 bracketed). */
  readonly source: string | null;
  readonly destination: string | null;
  /** Byte count announced by the tool's framing line. */
  readonly byteCount: number | null;
  /** Offsets of the framing text that announced the message (-1 when none). */
  readonly frameStart: number;
  readonly frameEnd: number;
}

export const NO_META: MessageMeta = Object.freeze({
  timestamp: null,
  time: null,
  direction: null,
  transport: null,
  source: null,
  destination: null,
  byteCount: null,
  frameStart: -1,
  frameEnd: -1,
});

export interface SipMessage {
  readonly index: number;
  /** Full extent in the document, from the start line to the end of the message's last line break. */
  readonly start: number;
  readonly end: number;
  readonly kind: MessageKind;
  readonly startLine: StartLine;
  readonly headers: readonly SipHeader[];
  /** Logical lines, flat triples `start, end, eol` (see `LINE_STRIDE`). */
  readonly lines: Int32Array;
  /** Index of the first body line, or -1 without a body. */
  readonly bodyLine: number;
  /** Body extent in the document (`bodyStart === bodyEnd` when empty). */
  readonly bodyStart: number;
  readonly bodyEnd: number;
  /** Media type of the body from Content-Type (lower case, no parameters), or null. */
  readonly contentType: string | null;
  /** Problems the parser met in this message. */
  readonly problems: readonly Problem[];
  readonly meta: MessageMeta;
}

export interface TraceFormatInfo {
  /** Stable id (`raw`, `ngrep`, `asterisk-chan-sip`, ...), as used by settings and the CLI. */
  readonly id: string;
  /** Human-readable name for the status item. */
  readonly label: string;
}

export interface TraceModel {
  readonly text: string;
  readonly format: TraceFormatInfo;
  readonly messages: readonly SipMessage[];
  /** Problems that belong to the trace rather than one message. */
  readonly problems: readonly Problem[];
  readonly lineIndex: LineIndex;
}
