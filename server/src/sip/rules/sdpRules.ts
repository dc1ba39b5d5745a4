/**
 * SDP bodies (RFC 8866; RTP payload types RFC 3551 and RFC 8866 section
 * 6.6). All warnings: the SIP message itself stays well-formed and is
 * forwarded as it is; it is the session that fails (488 Not Acceptable
 * Here, a stream dropped, no media).
 */
import type { SipMessage } from '../model';
import { fields, isRtpProto, parseSdp, type SdpDescription, type SdpLine } from '../sdp/sdp';
import { digitsAtMost, isAllDigits } from '../syntax/chars';
import { contentLengthOf } from './parsed';
import type { MessageRule, RuleContext } from './types';

/**
 * The SDP of the message the engine is on: the three SDP rules read it in a
 * row. Only that one is kept; keeping every message's SDP would make the
 * server's heap (and every garbage collection) much larger.
 */
let sdpMessage: SipMessage | null = null;
let sdpOfMessage: SdpDescription | null = null;

/**
 * The parser found Content-Length wrong (body cut short, longer, or length
 * unknown): the SDP's extent is uncertain, so lines it lacks may just be
 * cut off. Completeness checks are skipped then; line checks still run.
 */
function bodyExtentUncertain(message: SipMessage): boolean {
  return message.problems.some((p) => p.code === 'content-length-exceeds-body' || p.code === 'content-length-below-body' || p.code === 'content-length-invalid');
}

function sdpOf(context: RuleContext, message: SipMessage): SdpDescription | null {
  if (sdpMessage === message) return sdpOfMessage;
  // A Content-Length below the body still says what the receiver reads; a larger or unreadable one does not.
  const unusable = message.problems.some((p) => p.code === 'content-length-exceeds-body' || p.code === 'content-length-invalid');
  const sdp = parseSdp(context.text, message, unusable ? null : contentLengthOf(context, message));
  sdpMessage = message;
  sdpOfMessage = sdp;
  return sdp;
}

const lineSyntax: MessageRule = (message, context) => {
  const sdp = sdpOf(context, message);
  if (sdp === null) return;
  for (const line of sdp.lines) {
    if (line.malformed !== null) context.report('sdp-line-invalid', line.malformed.start, line.malformed.end, line.malformed.message);
  }
};

const structure: MessageRule = (message, context) => {
  const sdp = sdpOf(context, message);
  if (sdp === null || sdp.lines.length === 0) return;
  const first = sdp.lines[0];
  if (first.type !== 'v') {
    const v = sdp.lines.find((l) => l.type === 'v');
    context.report('sdp-version-not-first', first.start, first.end, v === undefined
      ? 'The SDP body has no "v=0" line; a session description starts with it (RFC 8866 section 5.1)'
      : 'The SDP body does not start with "v=0"; the version line must be the first line (RFC 8866 section 5)');
  } else if (context.text.slice(first.valueStart, first.valueEnd).trim() !== '0') {
    context.report('sdp-version-invalid', first.valueStart, first.valueEnd, `SDP version is "${context.text.slice(first.valueStart, Math.min(first.valueEnd, first.valueStart + 20))}"; the only version is 0 (RFC 8866 section 5.1)`);
  }
  const missing = ['o', 's', 't'].filter((t) => !sdp.session.some((l) => l.type === t));
  if (missing.length > 0 && !bodyExtentUncertain(message)) {
    const names = missing.map((t) => `${t}=`).join(', ').replace(/, ([a-z]=)$/, ' and $1');
    context.report('sdp-line-missing', first.start, first.end,
      `The SDP session description has no ${names} line${missing.length > 1 ? 's' : ''}; v=, o=, s= and t= are mandatory (RFC 8866 section 5)`);
  }
  for (const line of sdp.session) {
    if (line.type === 's' && context.text.slice(line.valueStart, line.valueEnd).length === 0) {
      context.report('sdp-session-name-empty', line.start, line.end,
        'The SDP session name "s=" is empty; it MUST NOT be (RFC 8866 section 5.3): write "s=-" or "s= " when there is no name');
    }
    if (line.type === 'o' && fields(context.text, line.valueStart, line.valueEnd).length !== 6) {
      context.report('sdp-origin-invalid', line.start, line.end,
        'The SDP origin must have six fields: o=<username> <sess-id> <sess-version> <nettype> <addrtype> <unicast-address> (RFC 8866 section 5.2)');
    }
  }
};

function mediaLineProblem(context: RuleContext, line: SdpLine): [number, number, string] | null {
  const f = fields(context.text, line.valueStart, line.valueEnd);
  if (f.length < 4) {
    return [line.start, line.end, 'The SDP media line must be m=<media> <port> <proto> <fmt> ... with at least one format (RFC 8866 section 5.14)'];
  }
  const port = f[1].text;
  const slash = port.indexOf('/');
  const portText = slash === -1 ? port : port.slice(0, slash);
  const countText = slash === -1 ? null : port.slice(slash + 1);
  if (!isAllDigits(portText, 0, portText.length) || !digitsAtMost(portText, 0, portText.length, 65535) ||
      (countText !== null && !isAllDigits(countText, 0, countText.length))) {
    return [f[1].start, f[1].end, `SDP media port "${port.slice(0, 20)}" is not a port (0-65535, optionally /number of ports) (RFC 8866 section 5.14)`];
  }
  if (isRtpProto(f[2].text)) {
    for (const fmt of f.slice(3)) {
      if (!isAllDigits(fmt.text, 0, fmt.text.length) || !digitsAtMost(fmt.text, 0, fmt.text.length, 127)) {
        return [fmt.start, fmt.end, `"${fmt.text.slice(0, 20)}" is not an RTP payload type; with ${f[2].text} the formats are payload type numbers 0-127 (RFC 8866 section 5.14, RFC 3551)`];
      }
    }
  }
  return null;
}

const media: MessageRule = (message, context) => {
  const sdp = sdpOf(context, message);
  if (sdp === null) return;
  const sessionConnection = sdp.session.some((l) => l.type === 'c');
  const complete = !bodyExtentUncertain(message);
  for (const m of sdp.media) {
    const bad = mediaLineProblem(context, m.line);
    if (bad !== null) {
      context.report('sdp-media-invalid', bad[0], bad[1], bad[2]);
      continue;
    }
    const f = m.fields;
    const port = f[1].text;
    if (complete && !sessionConnection && !m.lines.some((l) => l.type === 'c') && !/^0+(\/|$)/.test(port)) {
      context.report('sdp-connection-missing', m.line.start, m.line.end,
        `The ${f[0].text} stream has no "c=" connection line, and the session has none either: there is no address to send media to (RFC 8866 section 5.7)`);
    }
    if (!isRtpProto(f[2].text)) continue;
    const formats = new Set(f.slice(3).map((x) => Number(x.text)));
    const mapped = new Set<number>();
    for (const line of m.lines) {
      if (line.type !== 'a') continue;
      const text = context.text.slice(line.valueStart, Math.min(line.valueEnd, line.valueStart + 7)).toLowerCase();
      if (text !== 'rtpmap:') continue;
      const ptStart = line.valueStart + 7;
      let ptEnd = ptStart;
      while (ptEnd < line.valueEnd && context.text.charCodeAt(ptEnd) >= 48 && context.text.charCodeAt(ptEnd) <= 57) ptEnd++;
      if (ptEnd === ptStart || ptEnd - ptStart > 3) continue;
      const pt = Number(context.text.slice(ptStart, ptEnd));
      mapped.add(pt);
      if (!formats.has(pt)) {
        context.report('sdp-rtpmap-payload-unknown', ptStart, ptEnd,
          `a=rtpmap maps payload type ${pt}, which is not among the formats of its m= line (${f.slice(3).map((x) => x.text).join(' ')}); the mapping applies to nothing (RFC 8866 section 6.6)`);
      }
    }
    const seen = new Set<number>();
    for (const fmt of f.slice(3)) {
      const pt = Number(fmt.text);
      if (seen.has(pt)) continue;
      seen.add(pt);
      if (complete && pt >= 96 && pt <= 127 && !mapped.has(pt)) {
        context.report('sdp-dynamic-payload-unmapped', fmt.start, fmt.end,
          `Payload type ${pt} is dynamic (96-127) but no a=rtpmap:${pt} line says which codec it is; the answerer cannot use it (RFC 8866 section 6.6, RFC 3551 section 3)`);
      }
    }
  }
};

export const SDP_RULES: readonly MessageRule[] = [lineSyntax, structure, media];
