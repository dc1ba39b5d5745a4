/**
 * SDP (RFC 8866): line types, common attributes, and RTP payload types
 * (static ones from RFC 3551 tables 4 and 5; 96-127 are dynamic).
 */
import { ref, type RfcRef } from './rfcRef';

export interface SdpLineInfo {
  /** The letter before `=`. */
  readonly type: string;
  readonly name: string;
  readonly syntax: string;
  readonly meaning: string;
  readonly ref: RfcRef;
  /** `session`, `media` or both: where the line may appear. */
  readonly level: 'session' | 'media' | 'both';
  readonly obsolete?: string;
}

function line(type: string, name: string, syntax: string, meaning: string, section: string, level: SdpLineInfo['level'], obsolete?: string): SdpLineInfo {
  return { type, name, syntax, meaning, ref: ref(8866, section), level, ...(obsolete === undefined ? {} : { obsolete }) };
}

const LINES: readonly SdpLineInfo[] = [
  line('v', 'Protocol Version', 'v=0', 'SDP version; always 0. Must be the first line.', '5.1', 'session'),
  line(
    'o',
    'Origin',
    'o=<username> <sess-id> <sess-version> <nettype> <addrtype> <unicast-address>',
    'Who created the session description, and its version. In offer/answer the sess-version must increase by one whenever the SDP changes (and stay the same when it does not).',
    '5.2',
    'session',
  ),
  line('s', 'Session Name', 's=<session name>', 'Textual session name; often `-` or a product name in VoIP.', '5.3', 'session'),
  line('i', 'Session Information', 'i=<session description>', 'Free-text information about the session or a media stream.', '5.4', 'both'),
  line('u', 'URI', 'u=<uri>', 'Pointer to more information about the session.', '5.5', 'session'),
  line('e', 'Email Address', 'e=<email-address>', 'Contact email of the person responsible for the session.', '5.6', 'session'),
  line('p', 'Phone Number', 'p=<phone-number>', 'Contact phone number of the person responsible for the session.', '5.6', 'session'),
  line(
    'c',
    'Connection Data',
    'c=<nettype> <addrtype> <connection-address>',
    'Address where the media should be sent (`IN IP4 192.0.2.1`). At media level it overrides the session level. A private address here behind NAT is the classic cause of one-way audio.',
    '5.7',
    'both',
  ),
  line('b', 'Bandwidth', 'b=<bwtype>:<bandwidth>', 'Proposed bandwidth in kbit/s: AS (application specific), CT (conference total), TIAS (RFC 3890, bit/s).', '5.8', 'both'),
  line('t', 'Time Active', 't=<start-time> <stop-time>', 'When the session is active (NTP seconds). `t=0 0` means unbounded, the usual value in VoIP.', '5.9', 'session'),
  line('r', 'Repeat Times', 'r=<repeat interval> <active duration> <offsets from start-time>', 'Repetitions of the session (scheduled sessions; not used in calls).', '5.10', 'session'),
  line('z', 'Time Zones', 'z=<adjustment time> <offset> ...', 'Time zone adjustments for repeated sessions.', '5.11', 'session'),
  line(
    'k',
    'Encryption Keys',
    'k=<method>[:<encryption key>]',
    'Encryption key for the media.',
    '5.12',
    'both',
    'Obsolete: must not be used (RFC 8866). SRTP keys go in a=crypto (RFC 4568) or come from DTLS (a=fingerprint).',
  ),
  line('a', 'Attribute', 'a=<attribute>[:<value>]', 'Attribute of the session or of a media stream: codecs (rtpmap, fmtp), direction (sendrecv...), ICE, security...', '5.13', 'both'),
  line(
    'm',
    'Media Description',
    'm=<media> <port> <proto> <fmt> ...',
    'Starts a media stream: type (audio, video, image, application, text), port, transport protocol (RTP/AVP, RTP/SAVP, UDP/TLS/RTP/SAVPF, udptl...) and format list (RTP payload types, in order of preference).',
    '5.14',
    'media',
  ),
];

export const SDP_LINES: ReadonlyMap<string, SdpLineInfo> = new Map(LINES.map((e) => [e.type, e] as const));

export function lookupSdpLine(type: string): SdpLineInfo | undefined {
  return SDP_LINES.get(type);
}

export interface SdpAttributeInfo {
  readonly name: string;
  readonly syntax: string;
  readonly meaning: string;
  readonly refs: readonly RfcRef[];
  /** Set for attributes defined outside the IETF (ITU-T T.38). */
  readonly source?: string;
}

function attr(name: string, syntax: string, meaning: string, refs: readonly RfcRef[], source?: string): SdpAttributeInfo {
  return { name, syntax, meaning, refs, ...(source === undefined ? {} : { source }) };
}

const T38 = 'ITU-T T.38 Annex D';

const ATTRIBUTES: readonly SdpAttributeInfo[] = [
  attr(
    'rtpmap',
    'a=rtpmap:<payload type> <encoding name>/<clock rate>[/<channels>]',
    'Maps an RTP payload type of the m= line to a codec and clock rate. Required for dynamic payload types (96-127).',
    [ref(8866, '6.6')],
  ),
  attr('fmtp', 'a=fmtp:<format> <format specific parameters>', 'Codec parameters for one payload type (e.g. `0-15` events for telephone-event, `annexb=no` for G.729, H.264 profile-level-id).', [ref(8866, '6.15')]),
  attr('ptime', 'a=ptime:<packet time>', 'Preferred packetisation interval in milliseconds (20 is the usual value).', [ref(8866, '6.4')]),
  attr('maxptime', 'a=maxptime:<maximum packet time>', 'Largest packetisation interval the receiver accepts, in milliseconds.', [ref(8866, '6.5')]),
  attr('sendrecv', 'a=sendrecv', 'Media flows both ways. The default when no direction attribute is present.', [ref(8866, '6.7.2'), ref(3264, '5.1')]),
  attr(
    'sendonly',
    'a=sendonly',
    'The sender of this SDP will only send media on this stream. In a re-INVITE this is how a UA puts the other side on hold (it then usually plays music on hold).',
    [ref(8866, '6.7.3'), ref(3264, '8.4')],
  ),
  attr('recvonly', 'a=recvonly', 'The sender of this SDP will only receive media. The usual answer to a sendonly (hold) offer.', [ref(8866, '6.7.1'), ref(3264, '8.4')]),
  attr('inactive', 'a=inactive', 'No media flows either way on this stream (e.g. both sides on hold).', [ref(8866, '6.7.4'), ref(3264, '8.4')]),
  attr(
    'rtcp',
    'a=rtcp:<port> [<nettype> <addrtype> <connection-address>]',
    'RTCP port (and address) when it is not the RTP port + 1, e.g. after NAT.',
    [ref(3605)],
  ),
  attr('rtcp-mux', 'a=rtcp-mux', 'RTP and RTCP share one port (required by WebRTC).', [ref(5761)]),
  attr('rtcp-rsize', 'a=rtcp-rsize', 'Reduced-size RTCP is supported.', [ref(5506)]),
  attr('rtcp-fb', 'a=rtcp-fb:<payload type> <feedback type>', 'RTCP feedback messages supported for a payload type (nack, pli, ccm fir, goog-remb, transport-cc...).', [ref(4585)]),
  attr('ice-ufrag', 'a=ice-ufrag:<ufrag>', 'ICE username fragment; with ice-pwd it authenticates connectivity checks. A change means an ICE restart.', [ref(8839)]),
  attr('ice-pwd', 'a=ice-pwd:<password>', 'ICE password for connectivity checks.', [ref(8839)]),
  attr('ice-options', 'a=ice-options:<option> ...', 'ICE options, e.g. trickle (candidates sent later) or ice2.', [ref(8839)]),
  attr('ice-lite', 'a=ice-lite', 'This side implements ICE lite (typical for servers and SBCs with public addresses).', [ref(8839)]),
  attr(
    'candidate',
    'a=candidate:<foundation> <component> <transport> <priority> <address> <port> typ <host|srflx|prflx|relay> ...',
    'An ICE candidate address: host (local interface), srflx (public address seen by a STUN server), prflx (learnt during checks) or relay (TURN server).',
    [ref(8839), ref(8445)],
  ),
  attr('end-of-candidates', 'a=end-of-candidates', 'Trickle ICE: no more candidates will follow.', [ref(8840)]),
  attr(
    'fingerprint',
    'a=fingerprint:<hash-function> <fingerprint>',
    'Hash of the certificate the DTLS handshake will use (DTLS-SRTP); the handshake fails if it does not match.',
    [ref(8122, '5')],
  ),
  attr(
    'setup',
    'a=setup:<role>',
    'Which side starts the connection (DTLS or TCP): active, passive, actpass (offerer can do either) or holdconn.',
    [ref(4145, '4'), ref(5763)],
  ),
  attr('connection', 'a=connection:<new|existing>', 'Whether a TCP (or DTLS) connection should be new or reused.', [ref(4145, '5')]),
  attr(
    'crypto',
    'a=crypto:<tag> <crypto-suite> <key-params> [<session-params>]',
    'SDES: SRTP keys in the SDP (e.g. AES_CM_128_HMAC_SHA1_80 inline:...). Only safe over TLS signalling; requires RTP/SAVP in m=.',
    [ref(4568)],
  ),
  attr('mid', 'a=mid:<identification-tag>', 'Identifies a media stream, for grouping (BUNDLE, lip sync).', [ref(5888, '4')]),
  attr('group', 'a=group:<semantics> <mid> ...', 'Groups media streams by mid: BUNDLE (one transport for all, RFC 9143), LS (lip sync), FID.', [ref(5888, '5'), ref(9143)]),
  attr('bundle-only', 'a=bundle-only', 'This stream may only be used if BUNDLE is accepted.', [ref(9143)]),
  attr('ssrc', 'a=ssrc:<ssrc-id> <attribute>[:<value>]', 'Properties of an RTP source (SSRC), e.g. cname or msid.', [ref(5576, '4.1')]),
  attr('ssrc-group', 'a=ssrc-group:<semantics> <ssrc-id> ...', 'Relates RTP sources, e.g. FID (retransmission) or SIM (simulcast).', [ref(5576, '4.2')]),
  attr('msid', 'a=msid:<stream id> [<track id>]', 'WebRTC media stream and track the RTP stream belongs to.', [ref(8830)]),
  attr('extmap', 'a=extmap:<id>[/<direction>] <URI> [<attributes>]', 'RTP header extension in use and its local ID.', [ref(8285)]),
  attr('extmap-allow-mixed', 'a=extmap-allow-mixed', 'One-byte and two-byte RTP header extensions may be mixed.', [ref(8285)]),
  attr('sctp-port', 'a=sctp-port:<port>', 'SCTP port for a data channel over DTLS.', [ref(8841)]),
  attr('max-message-size', 'a=max-message-size:<size>', 'Largest data channel message the receiver accepts.', [ref(8841)]),
  attr('label', 'a=label:<label>', 'Identifies a media stream for applications (e.g. main vs presentation video).', [ref(4574)]),
  attr('content', 'a=content:<main|slides|speaker|sl|alt>', 'Purpose of a media stream (main video, presentation slides...).', [ref(4796)]),
  attr('silenceSupp', 'a=silenceSupp:<on|off> ...', 'Silence suppression (VAD) preference.', [ref(3108)]),
  attr('curr', 'a=curr:<precondition-type> <status-type> <direction-tag>', 'Preconditions: the current status of resource reservation (e.g. QoS in VoLTE).', [ref(3312, '5')]),
  attr('des', 'a=des:<precondition-type> <strength> <status-type> <direction-tag>', 'Preconditions: the desired status (mandatory, optional...) before alerting the user.', [ref(3312, '5')]),
  attr('conf', 'a=conf:<precondition-type> <status-type> <direction-tag>', 'Preconditions: asks the other side to confirm when its reservation succeeds.', [ref(3312, '5')]),
  attr('tool', 'a=tool:<name and version>', 'Software that created the SDP.', [ref(8866, '6.3')]),
  attr('framerate', 'a=framerate:<frame rate>', 'Maximum video frame rate.', [ref(8866, '6.13')]),
  attr('orient', 'a=orient:<orientation>', 'Orientation of a whiteboard or presentation.', [ref(8866, '6.8')]),
  attr('type', 'a=type:<conference type>', 'Conference type (broadcast, meeting, moderated, test, H332).', [ref(8866, '6.9')]),
  attr('charset', 'a=charset:<character set>', 'Character set of the session name and information.', [ref(8866, '6.10')]),
  attr('sdplang', 'a=sdplang:<language tag>', 'Language of the session description.', [ref(8866, '6.11')]),
  attr('lang', 'a=lang:<language tag>', 'Language of the session or media.', [ref(8866, '6.12')]),
  attr('keywds', 'a=keywds:<keywords>', 'Keywords describing the session.', [ref(8866, '6.2')]),
  attr('quality', 'a=quality:<quality>', 'Suggested encoding quality for video (0-10).', [ref(8866, '6.14')]),
  attr('T38FaxVersion', 'a=T38FaxVersion:<0-3>', 'T.38 fax relay version.', [ref(3362)], T38),
  attr('T38MaxBitRate', 'a=T38MaxBitRate:<bit/s>', 'Highest fax modem rate (e.g. 14400).', [ref(3362)], T38),
  attr('T38FaxRateManagement', 'a=T38FaxRateManagement:<localTCF|transferredTCF>', 'How the training check is handled; over UDP it must be transferredTCF.', [ref(3362)], T38),
  attr('T38FaxMaxBuffer', 'a=T38FaxMaxBuffer:<bytes>', 'Receiver\'s buffer size.', [ref(3362)], T38),
  attr('T38FaxMaxDatagram', 'a=T38FaxMaxDatagram:<bytes>', 'Largest UDPTL datagram the receiver accepts.', [ref(3362)], T38),
  attr('T38FaxUdpEC', 'a=T38FaxUdpEC:<t38UDPFEC|t38UDPRedundancy>', 'Error correction over UDPTL: forward error correction or redundancy.', [ref(3362)], T38),
];

const ATTRIBUTES_BY_LOWER: ReadonlyMap<string, SdpAttributeInfo> = new Map(ATTRIBUTES.map((e) => [e.name.toLowerCase(), e] as const));

export const SDP_ATTRIBUTES: readonly SdpAttributeInfo[] = ATTRIBUTES;

/** Look an attribute up by name (case-insensitive, since T.38 attribute spellings vary). */
export function lookupSdpAttribute(name: string): SdpAttributeInfo | undefined {
  return ATTRIBUTES_BY_LOWER.get(name.toLowerCase());
}

/** Direction attributes, for hold detection. */
export const DIRECTION_ATTRIBUTES: readonly string[] = ['sendrecv', 'sendonly', 'recvonly', 'inactive'];

/** Meaning of a c= line with the unspecified address (the RFC 2543 way of putting a call on hold). */
export const HOLD_ADDRESS_NOTE =
  '`c=IN IP4 0.0.0.0` is the RFC 2543 way of putting a call on hold: "send me no RTP or RTCP". RFC 3264 (section 8.4) no longer recommends it for hold (a=sendonly or a=inactive replace it) but still requires receivers to understand it; it is also allowed in an initial offer whose address is not known yet. Older devices still send it on hold.';

export interface PayloadTypeInfo {
  readonly pt: number;
  /** Encoding name as in RFC 3551 (`PCMU`), or null for reserved/unassigned/dynamic. */
  readonly encoding: string | null;
  /** `A` audio, `V` video, `AV` both. */
  readonly media: 'A' | 'V' | 'AV' | null;
  readonly clockRate: number | null;
  readonly channels: number | null;
  readonly status: 'static' | 'reserved' | 'unassigned' | 'dynamic';
  readonly note?: string;
}

function pt(
  n: number,
  encoding: string,
  media: 'A' | 'V' | 'AV',
  clockRate: number,
  channels: number | null,
  note?: string,
): PayloadTypeInfo {
  return { pt: n, encoding, media, clockRate, channels, status: 'static', ...(note === undefined ? {} : { note }) };
}

function noCodec(n: number, status: 'reserved' | 'unassigned' | 'dynamic', note?: string): PayloadTypeInfo {
  return { pt: n, encoding: null, media: null, clockRate: null, channels: null, status, ...(note === undefined ? {} : { note }) };
}

const STATIC_PT: readonly PayloadTypeInfo[] = [
  pt(0, 'PCMU', 'A', 8000, 1, 'G.711 mu-law (North America, Japan). 64 kbit/s.'),
  noCodec(1, 'reserved', 'Formerly FS-1016 CELP (RFC 1890); reserved.'),
  noCodec(2, 'reserved', 'Formerly G721 (RFC 1890); reserved. Use a dynamic G726-32 instead.'),
  pt(3, 'GSM', 'A', 8000, 1, 'GSM 06.10 full rate.'),
  pt(4, 'G723', 'A', 8000, 1, 'G.723.1 (5.3 or 6.3 kbit/s).'),
  pt(5, 'DVI4', 'A', 8000, 1, 'IMA ADPCM at 8 kHz.'),
  pt(6, 'DVI4', 'A', 16000, 1, 'IMA ADPCM at 16 kHz.'),
  pt(7, 'LPC', 'A', 8000, 1, 'Experimental linear predictive coding.'),
  pt(8, 'PCMA', 'A', 8000, 1, 'G.711 A-law (Europe and most of the world). 64 kbit/s.'),
  pt(9, 'G722', 'A', 8000, 1, 'G.722 wideband. It samples at 16 kHz, but its RTP clock rate is 8000 for historical reasons.'),
  pt(10, 'L16', 'A', 44100, 2, 'Linear 16-bit PCM, stereo.'),
  pt(11, 'L16', 'A', 44100, 1, 'Linear 16-bit PCM, mono.'),
  pt(12, 'QCELP', 'A', 8000, 1),
  pt(13, 'CN', 'A', 8000, 1, 'Comfort noise (RFC 3389), sent during silence.'),
  pt(14, 'MPA', 'A', 90000, null, 'MPEG audio (MP3).'),
  pt(15, 'G728', 'A', 8000, 1),
  pt(16, 'DVI4', 'A', 11025, 1),
  pt(17, 'DVI4', 'A', 22050, 1),
  pt(18, 'G729', 'A', 8000, 1, 'G.729 (8 kbit/s). Check a=fmtp annexb=yes/no (VAD) when calls fail or are silent.'),
  noCodec(19, 'reserved', 'Reserved (formerly CN).'),
  noCodec(20, 'unassigned'),
  noCodec(21, 'unassigned'),
  noCodec(22, 'unassigned'),
  noCodec(23, 'unassigned'),
  noCodec(24, 'unassigned'),
  pt(25, 'CelB', 'V', 90000, null, 'Sun CellB video.'),
  pt(26, 'JPEG', 'V', 90000, null, 'Motion JPEG.'),
  noCodec(27, 'unassigned'),
  pt(28, 'nv', 'V', 90000, null, 'nv video tool.'),
  noCodec(29, 'unassigned'),
  noCodec(30, 'unassigned'),
  pt(31, 'H261', 'V', 90000, null),
  pt(32, 'MPV', 'V', 90000, null, 'MPEG-1/MPEG-2 video.'),
  pt(33, 'MP2T', 'AV', 90000, null, 'MPEG-2 transport stream.'),
  pt(34, 'H263', 'V', 90000, null, 'H.263 (1996 version; H263-1998 and later use dynamic types).'),
];

export const PAYLOAD_TYPE_REF: RfcRef = ref(3551, '6');

/** Payload type 0-127: static, reserved, unassigned or dynamic. Undefined outside 0-127. */
export function lookupPayloadType(n: number): PayloadTypeInfo | undefined {
  if (!Number.isInteger(n) || n < 0 || n > 127) return undefined;
  const fixed = STATIC_PT[n];
  if (fixed !== undefined) return fixed;
  if (n >= 72 && n <= 76) {
    return noCodec(n, 'reserved', 'Reserved: with RTCP on the same port these values collide with RTCP packet types 200-204 (RFC 3551; RFC 5761 section 4).');
  }
  if (n >= 96) return noCodec(n, 'dynamic', 'Dynamic: its meaning comes only from an a=rtpmap line in the same SDP.');
  return noCodec(n, 'unassigned');
}

/** Well-known codecs carried in dynamic payload types (from a=rtpmap), with their RTP payload format RFC. */
export const DYNAMIC_ENCODINGS: Readonly<Record<string, { readonly meaning: string; readonly ref: RfcRef }>> = {
  'telephone-event': { meaning: 'DTMF digits and telephony events sent as RTP packets (RFC 2833 style DTMF).', ref: ref(4733) },
  opus: { meaning: 'Opus, a wideband/fullband codec (always advertised as opus/48000/2).', ref: ref(7587) },
  amr: { meaning: 'AMR narrowband (mobile networks).', ref: ref(4867) },
  'amr-wb': { meaning: 'AMR wideband (HD voice in mobile networks).', ref: ref(4867) },
  ilbc: { meaning: 'iLBC (check a=fmtp mode=20 or 30).', ref: ref(3952) },
  g7221: { meaning: 'G.722.1 (Siren) wideband.', ref: ref(5577) },
  'g726-32': { meaning: 'G.726 ADPCM at 32 kbit/s.', ref: ref(3551) },
  speex: { meaning: 'Speex.', ref: ref(5574) },
  red: { meaning: 'Redundant audio data (or redundant text for T.140).', ref: ref(2198) },
  cn: { meaning: 'Comfort noise at a non-8 kHz clock rate.', ref: ref(3389) },
  h264: { meaning: 'H.264 video (check profile-level-id and packetization-mode in a=fmtp).', ref: ref(6184) },
  h265: { meaning: 'H.265/HEVC video.', ref: ref(7798) },
  'h263-1998': { meaning: 'H.263+ video.', ref: ref(4629) },
  vp8: { meaning: 'VP8 video.', ref: ref(7741) },
  vp9: { meaning: 'VP9 video.', ref: ref(9628) },
  rtx: { meaning: 'Retransmission stream for another payload type (apt= in a=fmtp).', ref: ref(4588) },
  ulpfec: { meaning: 'Forward error correction.', ref: ref(5109) },
  t140: { meaning: 'Real-time text (T.140).', ref: ref(4103) },
};
