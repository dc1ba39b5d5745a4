/**
 * What a call-flow view needs from an SDP body (RFC 8866): the connection
 * address, and per media stream its port and codecs. Not a validator.
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

/** `PCMU/8000` for a static RTP payload type (RFC 3551) that a trace uses without an rtpmap. */
function staticCodec(payload: string): string | undefined {
  if (!/^\d{1,3}$/.test(payload)) return undefined;
  const info = lookupPayloadType(Number(payload));
  return info?.status === 'static' && info.encoding ? `${info.encoding}${info.clockRate ? `/${info.clockRate}` : ''}` : undefined;
}

export function sdpSummary(text: string, message: SipMessage): MediaSummary[] | null {
  if (message.bodyLine === -1 || message.contentType !== 'application/sdp') return null;
  const lines = message.lines;
  let sessionAddress: string | null = null;
  let sessionDirection: string | null = null;
  const media: { media: string; port: number | null; payloads: string[]; names: Map<string, string>; address: string | null; direction: string | null }[] = [];
  for (let l = message.bodyLine; l < lines.length / LINE_STRIDE; l++) {
    const line = text.slice(lines[l * LINE_STRIDE], lines[l * LINE_STRIDE + 1]);
    if (line.length < 2 || line[1] !== '=') continue;
    const value = line.slice(2);
    const current = media[media.length - 1];
    switch (line[0]) {
      case 'c': {
        const address = value.trim().split(/\s+/)[2] ?? null;
        if (current) current.address = address;
        else sessionAddress = address;
        break;
      }
      case 'm': {
        const [kind, port, , ...payloads] = value.trim().split(/\s+/);
        media.push({ media: kind ?? '?', port: /^\d+/.test(port ?? '') ? parseInt(port, 10) : null, payloads, names: new Map(), address: null, direction: null });
        break;
      }
      case 'a': {
        const rtpmap = /^rtpmap:(\d+)\s+(\S+)/.exec(value);
        if (rtpmap && current) current.names.set(rtpmap[1], rtpmap[2]);
        else if (/^(sendrecv|sendonly|recvonly|inactive)$/.test(value.trim())) {
          if (current) current.direction = value.trim();
          else sessionDirection = value.trim();
        }
        break;
      }
    }
  }
  return media.map((m) => ({
    media: m.media,
    port: m.port,
    codecs: m.payloads.map((p) => m.names.get(p) ?? staticCodec(p) ?? p),
    address: m.address ?? sessionAddress,
    direction: m.direction ?? sessionDirection,
  }));
}

/** `audio 49170 PCMU/8000 PCMA/8000 @ 192.0.2.1`: one line per stream for hovers and the calls view. */
export function describeMedia(media: readonly MediaSummary[]): string {
  return media
    .map((m) => `${m.media} ${m.port ?? '?'} ${m.codecs.join(' ')}${m.address ? ` @ ${m.address}` : ''}${m.direction && m.direction !== 'sendrecv' ? ` (${m.direction})` : ''}`)
    .join('; ');
}
