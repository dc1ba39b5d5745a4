/**
 * Check-only form of the SDP rules (`sdpRules.ts` over `sdp/sdp.ts`): true
 * only when the body's lines, read as `parseSdp` reads them, give none of
 * their reports. Payload types are kept as bits (0-127), so nothing is built.
 */
import { Eol, LINE_STRIDE } from '../../model';
import { isBlank, utf8Length } from '../../framing/lineScan';
import { isNumberAtMost, isWord, skipDigits } from './text';

/** Payload types of the current m= line, and the dynamic ones (96-127) an a=rtpmap maps: bit sets. */
const formats = new Int32Array(4);
let mappedDynamic = 0;

function isField(c: number): boolean {
  return c !== 32 && c !== 9;
}

/** Number of space-separated fields in `[start, end)` (`fields()` of sdp.ts). */
function fieldCount(t: string, start: number, end: number): number {
  let n = 0;
  let i = start;
  while (i < end) {
    while (i < end && !isField(t.charCodeAt(i))) i++;
    if (i >= end) break;
    n++;
    while (i < end && isField(t.charCodeAt(i))) i++;
  }
  return n;
}

/** One media description being read. */
let portZero = false;
let rtp = false;
let hasConnection = false;

/**
 * m=<media> <port>[/<count>] <proto> <fmt> ...: valid, and for an RTP
 * protocol every format a payload type 0-127 (collected into `formats`).
 */
function mediaLineOk(t: string, start: number, end: number): boolean {
  formats.fill(0);
  mappedDynamic = 0;
  hasConnection = false;
  let field = 0;
  let i = start;
  while (i < end) {
    while (i < end && !isField(t.charCodeAt(i))) i++;
    if (i >= end) break;
    const a = i;
    while (i < end && isField(t.charCodeAt(i))) i++;
    if (field === 1) {
      let slash = a;
      while (slash < i && t.charCodeAt(slash) !== 47) slash++;
      if (!isNumberAtMost(t, a, slash, 65535)) return false;
      if (slash < i && (slash + 1 === i || skipDigits(t, slash + 1, i) !== i)) return false;
      portZero = true;
      for (let k = a; k < slash; k++) if (t.charCodeAt(k) !== 48) portZero = false;
    } else if (field === 2) {
      rtp = isRtpProto(t, a, i);
    } else if (field >= 3 && rtp) {
      if (!isNumberAtMost(t, a, i, 127)) return false;
      const pt = Number(t.slice(a, i));
      formats[pt >> 5] |= 1 << (pt & 31);
    }
    field++;
  }
  return field >= 4;
}

/** A "/"-separated segment of the protocol is RTP (RTP/AVP, UDP/TLS/RTP/SAVPF...). */
function isRtpProto(t: string, start: number, end: number): boolean {
  let a = start;
  for (let i = start; i <= end; i++) {
    if (i < end && t.charCodeAt(i) !== 47) continue;
    if (isWord(t, a, i, 'rtp')) return true;
    a = i + 1;
  }
  return false;
}

/** a=rtpmap:<pt> in the current media description: its payload type must be one of the m= line's. */
function rtpmapOk(t: string, valueStart: number, valueEnd: number): boolean {
  if (valueEnd - valueStart < 7 || !isWord(t, valueStart, valueStart + 7, 'rtpmap:')) return true;
  const ptEnd = skipDigits(t, valueStart + 7, valueEnd);
  const length = ptEnd - valueStart - 7;
  if (length === 0 || length > 3) return true;
  const pt = Number(t.slice(valueStart + 7, ptEnd));
  if (pt > 127 || (formats[pt >> 5] & (1 << (pt & 31))) === 0) return false;
  if (pt >= 96) mappedDynamic |= 1 << (pt - 96);
  return true;
}

/** The media description just read: somewhere to send media, and a codec for each dynamic payload type. */
function mediaEndOk(sessionConnection: boolean): boolean {
  if (!sessionConnection && !hasConnection && !portZero) return false;
  return !rtp || (formats[3] & ~mappedDynamic) === 0;
}

const SESSION_O = 1;
const SESSION_S = 2;
const SESSION_T = 4;
const SESSION_C = 8;

/**
 * The SDP body of a message: its lines from `bodyLine` (base offsets in
 * `lines`, moved by `delta`), read up to `contentLength` bytes as
 * `parseSdp` does.
 */
export function sdpOk(t: string, lines: Int32Array, delta: number, bodyLine: number, contentLength: number | null): boolean {
  const count = lines.length / LINE_STRIDE;
  const lfBytes = (lines[2] as Eol) === Eol.Lf ? 2 : 1;
  let bytes = 0;
  let seen = 0;
  let session = 0;
  let inMedia = false;
  for (let l = bodyLine; l < count; l++) {
    if (contentLength !== null && bytes >= contentLength) break;
    const s = lines[l * LINE_STRIDE] + delta;
    let e = lines[l * LINE_STRIDE + 1] + delta;
    const eol = lines[l * LINE_STRIDE + 2] as Eol;
    bytes += utf8Length(t, s, e) + (eol === Eol.CrLf ? 2 : eol === Eol.Lf ? lfBytes : 0);
    if (isBlank(t, s, e)) continue;
    while (e > s && t.charCodeAt(e - 1) === 13) e--;
    const type = t.charCodeAt(s);
    // <type>=<value> with a lower-case letter; the first line is v=0.
    if (type < 97 || type > 122 || s + 1 >= e || t.charCodeAt(s + 1) !== 61) return false;
    const vs = s + 2;
    if (seen++ === 0 && !(type === 118 && e - vs === 1 && t.charCodeAt(vs) === 48)) return false;
    if (type === 109 /* m */) {
      if (inMedia && !mediaEndOk((session & SESSION_C) !== 0)) return false;
      if (!mediaLineOk(t, vs, e)) return false;
      inMedia = true;
    } else if (inMedia) {
      if (type === 99 /* c */) hasConnection = true;
      else if (type === 97 /* a */ && rtp && !rtpmapOk(t, vs, e)) return false;
    } else if (type === 111 /* o */) {
      if (fieldCount(t, vs, e) !== 6) return false;
      session |= SESSION_O;
    } else if (type === 115 /* s */) {
      if (e === vs) return false;
      session |= SESSION_S;
    } else if (type === 116 /* t */) {
      session |= SESSION_T;
    } else if (type === 99 /* c */) {
      session |= SESSION_C;
    }
  }
  if (inMedia && !mediaEndOk((session & SESSION_C) !== 0)) return false;
  return seen === 0 || (session & (SESSION_O | SESSION_S | SESSION_T)) === (SESSION_O | SESSION_S | SESSION_T);
}
