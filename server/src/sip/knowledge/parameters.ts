/**
 * Parameters of header fields (`;branch=`, `;tag=`, `;expires=`) and of SIP
 * URIs (`;transport=`, `;lr`, `;user=phone`).
 *
 * A parameter's `scope` lists the header keys it belongs to, or `uri` for
 * SIP URI parameters (valid in any SIP URI: Request-URI, Contact, Route...).
 */
import { ref, type RfcRef } from './rfcRef';

/** Scope for SIP URI parameters. */
export const URI_SCOPE = 'uri';

export interface ParameterInfo {
  /** Lower-case name (`branch`, `+sip.instance`). */
  readonly name: string;
  /** Header keys (`via`, `contact`) and/or `uri`. */
  readonly scope: readonly string[];
  readonly meaning: string;
  readonly refs: readonly RfcRef[];
  /** Known values and what they mean. */
  readonly values?: Readonly<Record<string, string>>;
  /** `non-standard` for vendor parameters no RFC defines. */
  readonly status: 'standard' | 'non-standard';
  /** Where a non-standard parameter comes from. */
  readonly origin?: string;
}

interface Extra {
  readonly values?: Readonly<Record<string, string>>;
  readonly origin?: string;
}

function p(name: string, scope: readonly string[], refs: readonly RfcRef[], meaning: string, extra: Extra = {}): ParameterInfo {
  return {
    name,
    scope,
    meaning,
    refs,
    status: extra.origin === undefined ? 'standard' : 'non-standard',
    ...(extra.values === undefined ? {} : { values: extra.values }),
    ...(extra.origin === undefined ? {} : { origin: extra.origin }),
  };
}

const AUTH_CHALLENGE = ['www-authenticate', 'proxy-authenticate'];
const AUTH_CREDENTIALS = ['authorization', 'proxy-authorization'];
const AUTH_ALL = [...AUTH_CHALLENGE, ...AUTH_CREDENTIALS];
const DIGEST = [ref(3261, '22.4'), ref(8760)];

const ENTRIES: readonly ParameterInfo[] = [
  // ---- Via ----------------------------------------------------------------------
  p(
    'branch',
    ['via'],
    [ref(3261, '8.1.1.7'), ref(3261, '17.2.3')],
    'Transaction identifier: unique per transaction and per hop. It starts with the magic cookie z9hG4bK when the sender follows RFC 3261; then the branch alone matches responses, ACKs and CANCELs to their transaction.',
  ),
  p(
    'received',
    ['via'],
    [ref(3261, '18.2.1')],
    'Added by the receiving hop when the packet came from a different IP address than the Via\'s host: the address responses must actually go to. Usually a sign of NAT.',
  ),
  p(
    'rport',
    ['via'],
    [ref(3581)],
    'Symmetric response routing. Empty in a request: the client asks for responses to come back to the source port of the request. With a value (added by the server): the port the request really came from. Essential behind NAT.',
  ),
  p('maddr', ['via'], [ref(3261, '18.2.2')], 'Address (usually multicast) to which responses should be sent, overriding the sent-by host.'),
  p('ttl', ['via', URI_SCOPE], [ref(3261, '18.2.2'), ref(3261, '19.1.1')], 'Time-to-live of multicast packets (with maddr).'),
  p('alias', ['via'], [ref(5923)], 'The sender asks the next hop to reuse this connection (TCP/TLS) for requests in the reverse direction.'),
  p('keep', ['via'], [ref(6223)], 'Keep-alive negotiation: the sender is willing to send keep-alives; the value (in responses) gives the interval in seconds.'),
  p('comp', ['via', URI_SCOPE], [ref(3486)], 'Signalling compression: `comp=sigcomp` means the message to this hop is SigComp-compressed.', {
    values: { sigcomp: 'SigComp compression (RFC 3320).' },
  }),
  p('sigcomp-id', ['via'], [ref(5049)], 'SigComp compartment identifier of the sender (usually its instance URN).'),
  p('oc', ['via'], [ref(7339)], 'Overload control: supported by the client (empty) or, from the server, the percentage of requests to reduce.'),

  // ---- From / To ------------------------------------------------------------------
  p(
    'tag',
    ['from', 'to'],
    [ref(3261, '19.3')],
    'Identifies one side of a dialog: the From tag (caller, always present) and the To tag (callee, added in responses) together with Call-ID identify the dialog.',
  ),

  // ---- SIP URI parameters -------------------------------------------------------------
  p('transport', [URI_SCOPE], [ref(3261, '19.1.1'), ref(7118)], 'Transport to use towards this URI.', {
    values: {
      udp: 'UDP (the default for sip: URIs).',
      tcp: 'TCP.',
      tls: 'TLS over TCP (deprecated in sip: URIs in favour of sips:, but widely used).',
      sctp: 'SCTP.',
      ws: 'WebSocket (RFC 7118).',
      wss: 'Secure WebSocket (RFC 7118).',
    },
  }),
  p('user', [URI_SCOPE], [ref(3261, '19.1.1'), ref(4967)], 'How to read the user part of the URI.', {
    values: {
      phone: 'The user part is a telephone number (tel: semantics: digits, optional +, visual separators).',
      ip: 'The user part is a plain user name (the default).',
      dialstring: 'The user part is a dial string: digits as dialled, to be interpreted in a context (RFC 4967).',
    },
  }),
  p('method', [URI_SCOPE], [ref(3261, '19.1.1')], 'Method to use when sending a request to this URI (e.g. in a Refer-To URI).'),
  p(
    'maddr',
    [URI_SCOPE],
    [ref(3261, '19.1.1')],
    'Server address to contact for this URI, overriding the host part. Largely obsolete; its use for routing is discouraged.',
  ),
  p(
    'lr',
    [URI_SCOPE],
    [ref(3261, '19.1.1'), ref(3261, '16.12')],
    'Loose routing: the element owning this URI (in Route or Record-Route) follows RFC 3261 routing, so the Request-URI is left alone. Without it, strict (RFC 2543) routing applies.',
  ),
  p('ob', [URI_SCOPE], [ref(5626)], 'SIP Outbound: in Path or Record-Route, the edge proxy supports Outbound; in Contact, the UA wants requests to use the flow it registered over.'),
  p('gr', [URI_SCOPE], [ref(5627)], 'GRUU: the URI routes to one specific device instance (its value identifies the instance) rather than to all devices of the user.'),
  p('phone-context', [URI_SCOPE], [ref(3966)], 'Context (a domain or a global number prefix) in which a local number in the user part is valid.'),
  p('isub', [URI_SCOPE], [ref(3966)], 'ISDN subaddress of a telephone number.'),
  p('rn', [URI_SCOPE], [ref(4694)], 'Routing number of a ported telephone number (number portability).'),
  p('npdi', [URI_SCOPE], [ref(4694)], 'Number portability dip indicator: the portability database was already queried for this number.'),
  p('cause', [URI_SCOPE], [ref(4458)], 'Why a call was redirected to this URI (e.g. to voicemail): a status code such as 486 (busy) or 408 (no answer).'),
  p('target', [URI_SCOPE], [ref(4458)], 'The original target of a redirected call (e.g. whose voicemail box to use).'),
  p('pn-provider', [URI_SCOPE], [ref(8599)], 'Push notification service the UA uses (e.g. apns, fcm).'),
  p('pn-prid', [URI_SCOPE], [ref(8599)], 'Push resource ID (device token) for push notifications.'),
  p('pn-param', [URI_SCOPE], [ref(8599)], 'Provider-specific push parameters (e.g. app id).'),
  p('rinstance', [URI_SCOPE], [], 'Random instance identifier in a Contact URI, to tell apart registrations of the same user.', {
    origin: 'Vendor convention (CounterPath/X-Lite and others), not in any RFC; +sip.instance (RFC 5626) is the standard equivalent.',
  }),
  p('line', [URI_SCOPE], [], 'Identifies the phone line (account) a Contact belongs to.', {
    origin: 'Vendor convention (e.g. Snom, Polycom phones), not in any RFC.',
  }),
  p('ftag', [URI_SCOPE], [], 'In Record-Route: the From tag of the dialog, stored by the proxy to tell the direction of in-dialog requests.', {
    origin: 'Kamailio/OpenSIPS record-routing, not in any RFC.',
  }),
  p('r2', [URI_SCOPE], [], 'In Record-Route: `r2=on` marks double record-routing (the proxy added two entries, e.g. for two interfaces or transports).', {
    origin: 'Kamailio/OpenSIPS record-routing, not in any RFC.',
  }),

  // ---- Contact ------------------------------------------------------------------------
  p(
    'expires',
    ['contact'],
    [ref(3261, '20.10'), ref(3261, '10.2.1.1')],
    'Lifetime of this binding in seconds. In REGISTER: requested (0 removes the binding); in the 200: granted by the registrar.',
  ),
  p('q', ['contact'], [ref(3261, '20.10')], 'Preference among several contacts, from 0 to 1 (higher is tried first when forking sequentially or redirecting).'),
  p(
    '+sip.instance',
    ['contact'],
    [ref(5626), ref(5627)],
    'Stable instance identifier of the device (usually `"<urn:uuid:...>"`): the same across reboots, used by Outbound and GRUU.',
  ),
  p('reg-id', ['contact'], [ref(5626)], 'SIP Outbound: number of the flow (registration path) this REGISTER creates; with +sip.instance it identifies the flow.'),
  p('pub-gruu', ['contact'], [ref(5627)], 'In a 200 to REGISTER: the public GRUU assigned to this device instance.'),
  p('temp-gruu', ['contact'], [ref(5627)], 'In a 200 to REGISTER: a temporary (anonymous) GRUU for this device instance.'),
  p('methods', ['contact'], [ref(3840)], 'Feature tag: methods the UA supports at this contact.'),
  p('audio', ['contact'], [ref(3840)], 'Feature tag: the contact supports audio.'),
  p('video', ['contact'], [ref(3840)], 'Feature tag: the contact supports video.'),
  p('isfocus', ['contact'], [ref(3840), ref(4579)], 'Feature tag: the contact is a conference focus.'),
  p('automata', ['contact'], [ref(3840)], 'Feature tag: the contact is an automaton (voicemail, IVR), not a person.'),
  p('+sip.ice', ['contact'], [ref(5768)], 'Feature tag: the UA supports ICE.'),

  // ---- Event package headers -----------------------------------------------------------
  p('id', ['event'], [ref(6665)], 'Distinguishes several subscriptions to the same event package in one dialog (e.g. one per REFER).'),
  p('expires', ['subscription-state'], [ref(6665)], 'Seconds left before the subscription expires.'),
  p('reason', ['subscription-state'], [ref(6665)], 'Why the subscription was terminated.', {
    values: {
      deactivated: 'Terminated; the subscriber should re-subscribe immediately (e.g. migration).',
      probation: 'Terminated; the subscriber may re-subscribe later (after retry-after).',
      rejected: 'Terminated because of an authorisation policy; do not re-subscribe.',
      timeout: 'Not refreshed in time; the subscriber may re-subscribe.',
      giveup: 'The notifier could not get authorisation in time; re-subscribe later.',
      noresource: 'The resource no longer exists; do not re-subscribe.',
      invariant: 'The resource state will not change; no need to re-subscribe (RFC 6665).',
    },
  }),
  p('retry-after', ['subscription-state'], [ref(6665)], 'Seconds to wait before re-subscribing.'),

  // ---- Session timer ----------------------------------------------------------------------
  p('refresher', ['session-expires'], [ref(4028, '4')], 'Who refreshes the session before it expires.', {
    values: { uac: 'The caller (UAC) refreshes.', uas: 'The callee (UAS) refreshes.' },
  }),

  // ---- Reason -----------------------------------------------------------------------------
  p(
    'cause',
    ['reason'],
    [ref(3326, '2')],
    'The cause value of the protocol the Reason header names: a SIP status code for `SIP`, an ITU-T Q.850 cause for `Q.850`.',
  ),
  p('text', ['reason'], [ref(3326, '2')], 'Human-readable text of the cause.'),
  p('location', ['reason'], [ref(8606)], 'Q.850 cause location (e.g. LN local network, RLN remote local network, U user).'),

  // ---- Others ---------------------------------------------------------------------------
  p('duration', ['retry-after'], [ref(3261, '20.33')], 'How long (seconds) the callee will be available once it is reachable again.'),
  p('handling', ['content-disposition'], [ref(3261, '20.11')], 'Whether the receiver may ignore a body it does not understand.', {
    values: { optional: 'The body may be ignored.', required: 'The request fails (415) if the body is not understood.' },
  }),
  p('purpose', ['call-info'], [ref(3261, '20.9'), ref(8688)], 'What the Call-Info URI is.', {
    values: {
      icon: 'An icon of the caller or callee.',
      info: 'A page describing the caller or callee.',
      card: 'A business card.',
      jwscard: 'A signed jCard identifying who rejected the call (with 608, RFC 8688).',
    },
  }),
  p('index', ['history-info'], [ref(7044)], 'Position of this entry in the retargeting tree (1, 1.1, 1.1.1...).'),
  p('rc', ['history-info'], [ref(7044)], 'The Request-URI changed because the target was retargeted to a contact of the same user (e.g. registered device).'),
  p('mp', ['history-info'], [ref(7044)], 'The Request-URI changed to a different user (e.g. call forwarding); the value is the index of the entry it came from.'),
  p('np', ['history-info'], [ref(7044)], 'The Request-URI did not change at this hop; the value is the index of the previous entry.'),
  p('reason', ['diversion'], [ref(5806)], 'Why the call was diverted.', {
    values: {
      unknown: 'Unknown.',
      'user-busy': 'The user was busy (call forwarding on busy).',
      'no-answer': 'No answer (call forwarding on no reply).',
      unavailable: 'The user was unavailable (not reachable).',
      unconditional: 'Unconditional call forwarding.',
      'time-of-day': 'Time-of-day routing.',
      'do-not-disturb': 'Do-not-disturb.',
      deflection: 'Call deflection by the user.',
      'follow-me': 'Follow-me.',
      'out-of-service': 'The user was out of service.',
      away: 'The user was away.',
    },
  }),
  p('counter', ['diversion'], [ref(5806)], 'How many times the call has been diverted.'),
  p('info', ['identity'], [ref(8224)], 'URL of the credential (certificate) that verifies the signature.'),
  p('alg', ['identity'], [ref(8224)], 'Signature algorithm (ES256 for SHAKEN).'),
  p('ppt', ['identity'], [ref(8224), ref(8588)], 'PASSporT extension type, e.g. `shaken` (RFC 8588).'),
  p('icid-value', ['p-charging-vector'], [ref(7315)], 'IMS charging identifier, shared by every element of the session.'),
  p('orig-ioi', ['p-charging-vector'], [ref(7315)], 'Inter-operator identifier of the originating network.'),
  p('term-ioi', ['p-charging-vector'], [ref(7315)], 'Inter-operator identifier of the terminating network.'),
  p('party', ['remote-party-id'], [], 'Whether the identity is the calling or called party.', { origin: 'draft-ietf-sip-privacy (expired), never an RFC.' }),
  p('screen', ['remote-party-id'], [], 'Whether the network verified the identity (yes/no).', { origin: 'draft-ietf-sip-privacy (expired), never an RFC.' }),
  p('privacy', ['remote-party-id'], [], 'Whether to hide the identity (off, full, name, uri).', { origin: 'draft-ietf-sip-privacy (expired), never an RFC.' }),

  // ---- Digest authentication --------------------------------------------------------------
  p('realm', AUTH_ALL, DIGEST, 'Protection domain the credentials are for; the UA picks the username and password for this realm.'),
  p('nonce', AUTH_ALL, DIGEST, 'Server-chosen value that the digest is computed over; echoed in the credentials.'),
  p('opaque', AUTH_ALL, DIGEST, 'Server data that the client must return unchanged.'),
  p('algorithm', AUTH_ALL, DIGEST, 'Digest algorithm (MD5 by default; SHA-256 and SHA-512-256 per RFC 8760).'),
  p('qop', AUTH_ALL, DIGEST, 'Quality of protection: `auth` (authentication only) or `auth-int` (also covers the body). With qop, cnonce and nc are required.'),
  p('stale', AUTH_CHALLENGE, DIGEST, '`true`: the previous credentials were right but the nonce expired; retry with the new nonce (no password problem).'),
  p('domain', AUTH_CHALLENGE, DIGEST, 'URIs that the same credentials protect.'),
  p('username', AUTH_CREDENTIALS, DIGEST, 'User name for the realm (often not the same as the number in From).'),
  p('uri', AUTH_CREDENTIALS, DIGEST, 'The Request-URI the digest was computed for; must match the request\'s Request-URI.'),
  p('response', AUTH_CREDENTIALS, DIGEST, 'The computed digest (proof of knowing the password).'),
  p('cnonce', AUTH_CREDENTIALS, DIGEST, 'Client nonce, used with qop.'),
  p('nc', AUTH_CREDENTIALS, DIGEST, 'Nonce count: how many requests used this nonce (hex, increasing), used with qop.'),
  p('nextnonce', ['authentication-info'], DIGEST, 'The nonce the client should use for its next request.'),
  p('rspauth', ['authentication-info'], DIGEST, 'Server\'s digest proving it knows the password too (mutual authentication).'),
];

export const PARAMETERS: readonly ParameterInfo[] = ENTRIES;

/**
 * Find a parameter. `headerKey` is the lower-case canonical header name
 * (`via`), or `uri`/undefined for a URI; `inUri` says the parameter was inside
 * a URI (e.g. within `<...>`). Header parameters of `headerKey` are tried
 * first (unless `inUri`), then URI parameters, then, without a header, any
 * parameter of that name.
 */
export function lookupParameter(headerKey: string | undefined, name: string, inUri = false): ParameterInfo | undefined {
  const lname = name.toLowerCase();
  const key = headerKey?.toLowerCase();
  const candidates = ENTRIES.filter((e) => e.name === lname);
  if (candidates.length === 0) return undefined;
  if (!inUri && key !== undefined && key !== URI_SCOPE) {
    const own = candidates.find((e) => e.scope.includes(key));
    if (own !== undefined) return own;
  }
  const uri = candidates.find((e) => e.scope.includes(URI_SCOPE));
  if (uri !== undefined) return uri;
  return key === undefined || key === URI_SCOPE ? candidates[0] : undefined;
}

/** All parameters of a name, in every scope (for the CLI's `explain branch`). */
export function parametersNamed(name: string): ParameterInfo[] {
  const lname = name.toLowerCase();
  return ENTRIES.filter((e) => e.name === lname);
}

export const VIA_MAGIC_COOKIE = 'z9hG4bK';
