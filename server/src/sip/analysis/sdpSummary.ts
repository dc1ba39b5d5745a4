/**
 * What a call-flow view needs from an SDP body (RFC 8866): the connection
 * address, and per media stream its port and codecs. Not a validator.
 *
 * The first hover, the outline and the calls view summarize every call of
 * the trace at once (tens of thousands of SDP bodies in a large trace), so
 * the lines are read in place: only the words a summary keeps become
 * strings. A line with a non-ASCII character is read from its string, where
 * `trim` and `\s` know every Unicode space.
 */
import { LINE_STRIDE, type SipMessage } from '../model';
import { lookupPayloadType } from '../knowledge/sdp';

export interface MediaSummary {
  readonly media: string;
  readonly port: number | null;
  /** Codec names in m= order (`PCMU/8000`), payload numbers where no rtpmap names them. */
  readonly codecs: readonly string[];
  readonly address: string | null;
  /** sendrecv / sendonly / recvonly / inactive, when stated. */
  readonly direction: string | null;
}

interface MediaDraft {
  media: string;
  port: number | null;
  payloads: string[];
  names: Map<string, string> | null;
  address: string | null;
  direction: string | null;
}

const DIRECTIONS = ['sendrecv', 'sendonly', 'recvonly', 'inactive'];

/** `PCMU/8000` for a static RTP payload type (RFC 3551) that a trace uses without an rtpmap. */
const staticCodecs = new Map<string, string | undefined>();
function staticCodec(payload: string): string | undefined {
  if (staticCodecs.has(payload)) return staticCodecs.get(payload);
  let codec: string | undefined;
  if (/^\d{1,3}$/.test(payload)) {
    const info = lookupPayloadType(Number(payload));
    if (info?.status === 'static' && info.encoding) codec = `${info.encoding}${info.clockRate ? `/${info.clockRate}` : ''}`;
  }
  if (staticCodecs.size < 1024) staticCodecs.set(payload, codec);
  return codec;
}

/** Space as `trim` and `\s` see it, for ASCII text. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

function isAscii(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) > 127) return false;
  return true;
}

/** The whitespace-separated words of `[start, end)` (ASCII text). */
function words(text: string, start: number, end: number): string[] {
  const out: string[] = [];
  let i = start;
  for (;;) {
    while (i < end && isSpace(text.charCodeAt(i))) i++;
    if (i >= end) return out;
    const from = i;
    while (i < end && !isSpace(text.charCodeAt(i))) i++;
    out.push(text.slice(from, i));
  }
}

/** The `n`th (0-based) whitespace-separated word of `[start, end)` (ASCII text), or null. */
function wordAt(text: string, start: number, end: number, n: number): string | null {
  let i = start;
  for (let k = 0; ; k++) {
    while (i < end && isSpace(text.charCodeAt(i))) i++;
    if (i >= end) return null;
    const from = i;
    while (i < end && !isSpace(text.charCodeAt(i))) i++;
    if (k === n) return text.slice(from, i);
  }
}

function newMedia(parts: readonly string[]): MediaDraft {
  // An empty m= line splits into one empty word, as `''.split(/\s+/)` does.
  const kind = parts.length > 0 ? parts[0] : '';
  // A port starts with an ASCII digit (as `/^\d+/` reads it; `\d` is ASCII only).
  const port = parts[1];
  return {
    media: kind,
    port: port !== undefined && port.charCodeAt(0) >= 48 && port.charCodeAt(0) <= 57 ? parseInt(port, 10) : null,
    payloads: parts.slice(3),
    names: null,
    address: null,
    direction: null,
  };
}

export function sdpSummary(text: string, message: SipMessage): MediaSummary[] | null {
  if (message.bodyLine === -1 || message.contentType !== 'application/sdp') return null;
  const lines = message.lines;
  let sessionAddress: string | null = null;
  let sessionDirection: string | null = null;
  const media: MediaDraft[] = [];
  for (let l = message.bodyLine; l < lines.length / LINE_STRIDE; l++) {
    const s = lines[l * LINE_STRIDE];
    const e = lines[l * LINE_STRIDE + 1];
    if (e - s < 2 || text.charCodeAt(s + 1) !== 61 /* = */) continue;
    const type = text.charCodeAt(s);
    if (type !== 99 /* c */ && type !== 109 /* m */ && type !== 97 /* a */) continue;
    const current = media.length > 0 ? media[media.length - 1] : undefined;
    if (!isAscii(text, s, e)) {
      const unicode = unicodeLine(text.slice(s + 2, e), type, current);
      if (unicode !== undefined) {
        if (unicode.media) media.push(unicode.media);
        if (unicode.sessionAddress !== undefined) sessionAddress = unicode.sessionAddress;
        if (unicode.sessionDirection !== undefined) sessionDirection = unicode.sessionDirection;
      }
      continue;
    }
    const vs = s + 2;
    if (type === 99) {
      const address = wordAt(text, vs, e, 2);
      if (current) current.address = address;
      else sessionAddress = address;
    } else if (type === 109) {
      media.push(newMedia(words(text, vs, e)));
    } else if (text.startsWith('rtpmap:', vs)) {
      // rtpmap:<digits><space><name>: the name runs to the next space.
      let i = vs + 7;
      const digits = i;
      while (i < e && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
      const digitsEnd = i;
      while (i < e && isSpace(text.charCodeAt(i))) i++;
      const nameStart = i;
      while (i < e && !isSpace(text.charCodeAt(i))) i++;
      if (current && digitsEnd > digits && nameStart > digitsEnd && i > nameStart) {
        (current.names ??= new Map()).set(text.slice(digits, digitsEnd), text.slice(nameStart, i));
      }
    } else {
      let ts = vs;
      let te = e;
      while (ts < te && isSpace(text.charCodeAt(ts))) ts++;
      while (te > ts && isSpace(text.charCodeAt(te - 1))) te--;
      if (te - ts !== 8) continue;
      const direction = DIRECTIONS.find((d) => text.startsWith(d, ts));
      if (direction === undefined) continue;
      if (current) current.direction = direction;
      else sessionDirection = direction;
    }
  }
  return media.map((m) => ({
    media: m.media,
    port: m.port,
    codecs: m.payloads.map((p) => m.names?.get(p) ?? staticCodec(p) ?? p),
    address: m.address ?? sessionAddress,
    direction: m.direction ?? sessionDirection,
  }));
}

/** A c=, m= or a= line with a non-ASCII character, read as a string (`value` follows the `=`). */
function unicodeLine(
  value: string,
  type: number,
  current: MediaDraft | undefined,
): { media?: MediaDraft; sessionAddress?: string | null; sessionDirection?: string | null } | undefined {
  if (type === 99) {
    const address = value.trim().split(/\s+/)[2] ?? null;
    if (current) current.address = address;
    else return { sessionAddress: address };
    return undefined;
  }
  if (type === 109) {
    return { media: newMedia(value.trim().split(/\s+/)) };
  }
  const rtpmap = /^rtpmap:(\d+)\s+(\S+)/.exec(value);
  if (rtpmap) {
    if (current) (current.names ??= new Map()).set(rtpmap[1], rtpmap[2]);
    return undefined;
  }
  const trimmed = value.trim();
  if (!DIRECTIONS.includes(trimmed)) return undefined;
  if (current) current.direction = trimmed;
  else return { sessionDirection: trimmed };
  return undefined;
}

/** `audio 49170 PCMU/8000 PCMA/8000 @ 192.0.2.1`: one line per stream for hovers and the calls view. */
export function describeMedia(media: readonly MediaSummary[]): string {
  return media
    .map((m) => `${m.media} ${m.port ?? '?'} ${m.codecs.join(' ')}${m.address ? ` @ ${m.address}` : ''}${m.direction && m.direction !== 'sendrecv' ? ` (${m.direction})` : ''}`)
    .join('; ');
}
