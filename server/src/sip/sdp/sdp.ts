/**
 * SDP bodies (RFC 8866) as offset-carrying lines: what the SDP rules and any
 * other feature need, without copying the body.
 *
 *   session-description = version-field origin-field session-name-field
 *                         [information] [uri] *email *phone [connection]
 *                         *bandwidth 1*time-description [key] *attribute
 *                         *media-description
 *   <type>=<value>   (one letter, no whitespace on either side of "=")
 *
 * Blank lines are skipped: traces add them between messages, and a body
 * that lost its final CRLF still parses.
 */
import { Eol, LINE_STRIDE, type SipMessage } from '../model';
import { isBlank, utf8Length } from '../framing/lineScan';

export interface SdpLine {
  /** One lower-case letter for a well-formed line; '' when the line has no usable type. */
  readonly type: string;
  readonly start: number;
  readonly end: number;
  /** After `=`. */
  readonly valueStart: number;
  readonly valueEnd: number;
  /** Set when the line breaks `<type>=<value>`: the offending range and why. */
  readonly malformed: { readonly start: number; readonly end: number; readonly message: string } | null;
}

export interface SdpField {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface SdpMedia {
  readonly line: SdpLine;
  /** Lines after the m= line, up to the next m= line. */
  readonly lines: readonly SdpLine[];
  /** Space-separated fields of the m= value: media, port[/count], proto, fmt... */
  readonly fields: readonly SdpField[];
}

export interface SdpDescription {
  readonly lines: readonly SdpLine[];
  /** Lines before the first m= line. */
  readonly session: readonly SdpLine[];
  readonly media: readonly SdpMedia[];
}

/** Media types that carry SDP: `application/sdp`. */
export function hasSdpBody(message: SipMessage): boolean {
  return message.contentType === 'application/sdp' && message.bodyLine !== -1 && message.bodyEnd > message.bodyStart;
}

/**
 * The SDP of a message, or null when it has none. With `contentLength`, only
 * the lines that start within that many bytes are read, so log text a trace
 * tool printed after the body is not taken for SDP. Line ends count as on
 * the wire: CRLF, or a bare LF counted as the CRLF it was when the trace
 * lost every CR (the start line ends with a bare LF too).
 */
export function parseSdp(text: string, message: SipMessage, contentLength: number | null = null): SdpDescription | null {
  if (!hasSdpBody(message)) return null;
  const lines: SdpLine[] = [];
  const count = message.lines.length / LINE_STRIDE;
  let bytes = 0;
  const lfBytes = (message.lines[2] as Eol) === Eol.Lf ? 2 : 1;
  for (let l = message.bodyLine; l < count; l++) {
    const s = message.lines[l * LINE_STRIDE];
    let e = message.lines[l * LINE_STRIDE + 1];
    if (contentLength !== null && bytes >= contentLength) break;
    const eol = message.lines[l * LINE_STRIDE + 2] as Eol;
    bytes += utf8Length(text, s, e) + (eol === Eol.CrLf ? 2 : eol === Eol.Lf ? lfBytes : 0);
    if (isBlank(text, s, e)) continue;
    while (e > s && (text.charCodeAt(e - 1) === 13)) e--;
    lines.push(readLine(text, s, e));
  }
  const session: SdpLine[] = [];
  const media: { line: SdpLine; lines: SdpLine[]; fields: SdpField[] }[] = [];
  for (const line of lines) {
    if (line.type === 'm') media.push({ line, lines: [], fields: fields(text, line.valueStart, line.valueEnd) });
    else if (media.length > 0) media[media.length - 1].lines.push(line);
    else session.push(line);
  }
  return { lines, session, media };
}

function readLine(text: string, s: number, e: number): SdpLine {
  const c = text.charCodeAt(s);
  const letter = c >= 97 && c <= 122;
  if (letter && s + 1 < e && text.charCodeAt(s + 1) === 61) {
    return { type: text[s], start: s, end: e, valueStart: s + 2, valueEnd: e, malformed: null };
  }
  // `m =video ...`: a type letter, whitespace, then "=".
  let i = s + 1;
  while (i < e && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  if (letter && i > s + 1 && i < e && text.charCodeAt(i) === 61) {
    return {
      type: text[s], start: s, end: e, valueStart: i + 1, valueEnd: e,
      malformed: { start: s + 1, end: i, message: `Whitespace between the SDP type "${text[s]}" and "=": an SDP line is <type>=<value> with nothing around "=" (RFC 8866 section 5)` },
    };
  }
  let word = s;
  while (word < e && word - s < 40 && text.charCodeAt(word) !== 61 && text.charCodeAt(word) !== 32) word++;
  const shown = text.slice(s, Math.min(e, s + 40));
  return {
    type: '', start: s, end: e, valueStart: e, valueEnd: e,
    malformed: {
      start: s, end: e,
      message: text.charCodeAt(word) === 61 && word - s > 1
        ? `SDP line "${shown}" has a type of ${word - s} characters; every SDP line is <type>=<value> with a one-letter type (RFC 8866 section 5)`
        : `"${shown}" is not an SDP line; every line of an SDP body is <type>=<value> with a one-letter type (RFC 8866 section 5)`,
    },
  };
}

/** Splits `[start, end)` at runs of spaces. */
export function fields(text: string, start: number, end: number): SdpField[] {
  const out: SdpField[] = [];
  let i = start;
  while (i < end) {
    while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
    const a = i;
    while (i < end && text.charCodeAt(i) !== 32 && text.charCodeAt(i) !== 9) i++;
    if (i > a) out.push({ start: a, end: i, text: text.slice(a, i) });
  }
  return out;
}

/** RTP-based transport protocols (RTP/AVP, RTP/SAVP, RTP/AVPF, UDP/TLS/RTP/SAVPF...): formats are payload types. */
export function isRtpProto(proto: string): boolean {
  return ('/' + proto.toUpperCase() + '/').includes('/RTP/');
}
