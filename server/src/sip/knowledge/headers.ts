/**
 * SIP header fields: the 44 of RFC 3261 section 20 and the extensions met in
 * real traces. Keyed by lower-case canonical name (the `key` the parser puts
 * on every header); compact forms come from `headerNames.ts`.
 *
 * "Mandatory in" is structured (`HeaderRequirement`) so that a hover can say
 * whether a header is required in *this* message and diagnostics can list
 * missing ones. Sources: RFC 3261 section 8.1.1 and Tables 2/3 of section 20,
 * plus the RFC of each extension.
 */
import { canonicalHeaderName, compactFormOf } from './headerNames';
import { ref, type RfcRef } from './rfcRef';

export type HeaderStatus = 'standard' | 'deprecated' | 'historic' | 'non-standard' | 'reserved';

/** Whether a message may carry several values (several header lines or a comma list). */
export type Multiplicity = 'single' | 'list';

export type RequirementLevel = 'mandatory' | 'recommended';

/**
 * Conditions a requirement depends on:
 * - `has-body`: the message has a non-empty body;
 * - `stream-transport`: sent over TCP, TLS, SCTP or WebSocket;
 * - `early-dialog`: a 101-199 response with a To tag (it creates an early dialog);
 * - `reliable-provisional`: a 1xx sent reliably (Require: 100rel);
 * - `out-of-dialog`: a request without a To tag.
 */
export type RequirementCondition = 'has-body' | 'stream-transport' | 'early-dialog' | 'reliable-provisional' | 'out-of-dialog';

/** `405`, or a class such as `2xx`. */
export type StatusPattern = number | '1xx' | '2xx' | '3xx' | '4xx' | '5xx' | '6xx';

export interface HeaderRequirement {
  readonly in: 'request' | 'response';
  /** Request method, or for responses the method in CSeq; omitted = any method. */
  readonly methods?: readonly string[];
  /** Responses only; omitted = any status. */
  readonly statuses?: readonly StatusPattern[];
  readonly level: RequirementLevel;
  readonly condition?: RequirementCondition;
  readonly note?: string;
  readonly ref: RfcRef;
}

export interface HeaderInfo {
  /** Canonical spelling (`Call-ID`). */
  readonly name: string;
  /** Lower-case key (`call-id`). */
  readonly key: string;
  /** Compact form, derived from `headerNames.ts` (`i`). */
  readonly compact: string | undefined;
  readonly meaning: string;
  /** Defining RFC first, then related ones. Empty for names no RFC defines. */
  readonly refs: readonly RfcRef[];
  readonly multiplicity: Multiplicity;
  readonly status: HeaderStatus;
  readonly notes: readonly string[];
  readonly requirements: readonly HeaderRequirement[];
  /** Where a header that no RFC defines comes from. */
  readonly origin?: string;
}

interface Extra {
  readonly notes?: readonly string[];
  readonly requirements?: readonly HeaderRequirement[];
  readonly status?: HeaderStatus;
  readonly origin?: string;
}

function h(name: string, refs: readonly RfcRef[], multiplicity: Multiplicity, meaning: string, extra: Extra = {}): HeaderInfo {
  return {
    name,
    key: name.toLowerCase(),
    compact: compactFormOf(name),
    meaning,
    refs,
    multiplicity,
    status: extra.status ?? 'standard',
    notes: extra.notes ?? [],
    requirements: extra.requirements ?? [],
    ...(extra.origin === undefined ? {} : { origin: extra.origin }),
  };
}

type ReqOpts = { readonly condition?: RequirementCondition; readonly note?: string };

/** Requirement on requests (methods omitted = all requests). */
function inRequests(methods: readonly string[] | undefined, level: RequirementLevel, cite: RfcRef, opts: ReqOpts = {}): HeaderRequirement {
  return { in: 'request', ...(methods === undefined ? {} : { methods }), level, ref: cite, ...opts };
}

/** Requirement on responses (statuses/methods omitted = all). */
function inResponses(
  statuses: readonly StatusPattern[] | undefined,
  methods: readonly string[] | undefined,
  level: RequirementLevel,
  cite: RfcRef,
  opts: ReqOpts = {},
): HeaderRequirement {
  return {
    in: 'response',
    ...(statuses === undefined ? {} : { statuses }),
    ...(methods === undefined ? {} : { methods }),
    level,
    ref: cite,
    ...opts,
  };
}

/** To, From, CSeq, Call-ID and Via: every request (8.1.1) and every response (8.2.6.2). */
const IN_EVERY_MESSAGE: readonly HeaderRequirement[] = [
  inRequests(undefined, 'mandatory', ref(3261, '8.1.1')),
  inResponses(undefined, undefined, 'mandatory', ref(3261, '8.2.6.2'), { note: 'copied from the request' }),
];

const ENTRIES: readonly HeaderInfo[] = [
  // ---- RFC 3261 section 20 ---------------------------------------------------
  h('Accept', [ref(3261, '20.1')], 'list', 'Media types the sender accepts in message bodies. Absent means application/sdp.', {
    requirements: [
      inRequests(['OPTIONS'], 'recommended', ref(3261, '11.1')),
      inResponses([415], undefined, 'recommended', ref(3261, '21.4.13'), {
        note: 'a 415 MUST list what is acceptable in Accept, Accept-Encoding or Accept-Language',
      }),
    ],
  }),
  h('Accept-Encoding', [ref(3261, '20.2')], 'list', 'Content codings (e.g. gzip) the sender accepts in bodies. Absent means identity (no coding).'),
  h('Accept-Language', [ref(3261, '20.3')], 'list', 'Languages preferred for reason phrases, session descriptions and status responses carried in bodies.'),
  h(
    'Alert-Info',
    [ref(3261, '20.4'), ref(7462)],
    'list',
    'In an INVITE: an alternative ring tone for the callee. In a 180: an alternative ringback tone for the caller. Values are URIs, or alert URNs (RFC 7462).',
    { notes: ['Phones and PBXs also use it for distinctive ringing and auto-answer (e.g. `info=alert-autoanswer`), a vendor convention.'] },
  ),
  h('Allow', [ref(3261, '20.5')], 'list', 'Methods the sending UA supports.', {
    requirements: [
      inResponses([405], undefined, 'mandatory', ref(3261, '21.4.6')),
      inResponses(['2xx'], ['INVITE', 'OPTIONS'], 'recommended', ref(3261, '20.5')),
    ],
  }),
  h(
    'Authentication-Info',
    [ref(3261, '20.6')],
    'single',
    'Mutual authentication in a 2xx after digest authentication: rspauth proves the server knows the password; nextnonce gives the nonce for the next request.',
  ),
  h(
    'Authorization',
    [ref(3261, '20.7'), ref(8760)],
    'list',
    'The UA\'s credentials for a registrar or UAS, answering a WWW-Authenticate challenge (Digest: username, realm, nonce, uri, response...).',
    { notes: ['One per realm. The digest is computed over the method and uri, so changing either after signing invalidates it.'] },
  ),
  h(
    'Call-ID',
    [ref(3261, '20.8')],
    'single',
    'Identifies a call (a dialog, together with the From and To tags) or all registrations of one client. Globally unique; the same in every message of the dialog.',
    { requirements: IN_EVERY_MESSAGE },
  ),
  h(
    'Call-Info',
    [ref(3261, '20.9')],
    'list',
    'Additional information about the caller or callee, as URIs with a purpose parameter (icon, info, card; jwscard for 608, RFC 8688).',
  ),
  h(
    'Contact',
    [ref(3261, '20.10')],
    'list',
    'Where the sender can be reached directly: the target of later requests in the dialog, or in REGISTER the address bound to the address-of-record. Parameters such as expires and q apply to the binding.',
    {
      notes: [
        'Without angle brackets, parameters after the URI belong to the header, not the URI: `<sip:a@b;transport=tcp>` differs from `sip:a@b;transport=tcp`.',
        'A private IP here behind NAT is the usual cause of missing ACKs and one-way in-dialog signalling.',
        '`Contact: *` (with Expires: 0) in REGISTER removes all bindings.',
      ],
      requirements: [
        inRequests(['INVITE'], 'mandatory', ref(3261, '8.1.1.8')),
        inRequests(['SUBSCRIBE', 'NOTIFY'], 'mandatory', ref(6665)),
        inRequests(['REFER'], 'mandatory', ref(3515), {
          condition: 'out-of-dialog',
          note: 'a REFER outside a dialog creates one',
        }),
        inResponses(['2xx'], ['INVITE'], 'mandatory', ref(3261, '12.1.1')),
        inResponses(['1xx'], ['INVITE'], 'mandatory', ref(3261, '12.1.1'), {
          condition: 'early-dialog',
          note: 'a 1xx with a To tag creates an early dialog',
        }),
        inResponses(['2xx'], ['SUBSCRIBE'], 'mandatory', ref(6665)),
        inResponses(['3xx'], undefined, 'recommended', ref(3261, '21.3'), { note: 'the addresses to retry at' }),
      ],
    },
  ),
  h(
    'Content-Disposition',
    [ref(3261, '20.11')],
    'single',
    'How to interpret the body: session (the default for SDP), render, icon, alert; `handling=optional` lets the receiver ignore a body it does not understand.',
  ),
  h('Content-Encoding', [ref(3261, '20.12')], 'list', 'Codings applied to the body (e.g. gzip); the receiver must decode before reading it.'),
  h('Content-Language', [ref(3261, '20.13')], 'list', 'Language of the body.'),
  h(
    'Content-Length',
    [ref(3261, '20.14')],
    'single',
    'Size of the body in bytes (octets, not characters). 0 means no body.',
    {
      notes: [
        'Over UDP a wrong value makes the receiver truncate or reject the body; over TCP it desynchronises the stream and corrupts every following message.',
      ],
      requirements: [
        inRequests(undefined, 'mandatory', ref(3261, '18.3'), { condition: 'stream-transport' }),
        inResponses(undefined, undefined, 'mandatory', ref(3261, '18.3'), { condition: 'stream-transport' }),
        inRequests(undefined, 'recommended', ref(3261, '20.14')),
        inResponses(undefined, undefined, 'recommended', ref(3261, '20.14')),
      ],
    },
  ),
  h('Content-Type', [ref(3261, '20.15')], 'single', 'Media type of the body (application/sdp, multipart/mixed, message/sipfrag...).', {
    requirements: [
      inRequests(undefined, 'mandatory', ref(3261, '20.15'), { condition: 'has-body' }),
      inResponses(undefined, undefined, 'mandatory', ref(3261, '20.15'), { condition: 'has-body' }),
    ],
  }),
  h(
    'CSeq',
    [ref(3261, '20.16')],
    'single',
    'Sequence number and method. Orders requests within a dialog and tells a new request from a retransmission. The method must equal the request method; ACK and CANCEL reuse the INVITE\'s number.',
    { requirements: IN_EVERY_MESSAGE },
  ),
  h('Date', [ref(3261, '20.17')], 'single', 'Date and time, in the RFC 1123 format, always GMT. Used by simple devices to set their clock, and signed by STIR Identity.'),
  h('Error-Info', [ref(3261, '20.18')], 'list', 'URIs with more information about an error response, e.g. an announcement to play to the caller.'),
  h(
    'Expires',
    [ref(3261, '20.19')],
    'single',
    'A lifetime in seconds. In REGISTER, SUBSCRIBE and PUBLISH: the requested lifetime (the 2xx gives the granted one). In INVITE: how long the invitation is valid.',
    {
      requirements: [
        inResponses(['2xx'], ['SUBSCRIBE'], 'mandatory', ref(6665)),
        inResponses(['2xx'], ['PUBLISH'], 'mandatory', ref(3903)),
      ],
    },
  ),
  h(
    'From',
    [ref(3261, '20.20')],
    'single',
    'The logical initiator of the request (not necessarily the sender). Its tag parameter identifies this side of the dialog.',
    {
      notes: ['The From tag is mandatory in every request (RFC 3261 8.1.1.3).'],
      requirements: IN_EVERY_MESSAGE,
    },
  ),
  h('In-Reply-To', [ref(3261, '20.21')], 'list', 'Call-IDs that this call refers to or returns, e.g. a call-back of a missed call.'),
  h(
    'Max-Forwards',
    [ref(3261, '20.22')],
    'single',
    'Hop limit: each proxy decrements it; at 0 the request is answered 483 Too Many Hops. 70 is the recommended initial value.',
    { requirements: [inRequests(undefined, 'mandatory', ref(3261, '8.1.1.6'))] },
  ),
  h('Min-Expires', [ref(3261, '20.23')], 'single', 'The minimum refresh interval the server accepts; sent in a 423 Interval Too Brief.', {
    requirements: [inResponses([423], undefined, 'mandatory', ref(3261, '10.3'))],
  }),
  h('MIME-Version', [ref(3261, '20.24')], 'single', 'MIME version of the body (always 1.0).'),
  h('Organization', [ref(3261, '20.25')], 'single', 'Name of the organisation of the sender.'),
  h(
    'Priority',
    [ref(3261, '20.26')],
    'single',
    'Urgency as perceived by the caller: emergency, urgent, normal or non-urgent. Not used for routing or network preference (see Resource-Priority).',
  ),
  h('Proxy-Authenticate', [ref(3261, '20.27')], 'list', 'A proxy\'s authentication challenge (realm, nonce, qop, algorithm), sent in a 407.', {
    requirements: [inResponses([407], undefined, 'mandatory', ref(3261, '20.27'))],
  }),
  h('Proxy-Authorization', [ref(3261, '20.28')], 'list', 'The UA\'s credentials for a proxy, answering a Proxy-Authenticate challenge.'),
  h('Proxy-Require', [ref(3261, '20.29')], 'list', 'Option tags that every proxy on the path must support; an unknown one gets 420 Bad Extension.'),
  h(
    'Record-Route',
    [ref(3261, '20.30')],
    'list',
    'Proxies that want to stay on the path of later requests in the dialog add themselves here. Copied into responses, it becomes the dialog\'s route set (reversed at the caller).',
  ),
  h('Reply-To', [ref(3261, '20.31')], 'single', 'Logical return URI, which may differ from From (e.g. for a call-back).'),
  h(
    'Require',
    [ref(3261, '20.32')],
    'list',
    'Option tags the UAS must support to process the request (100rel, timer, replaces, precondition...). An unknown one gets 420 with Unsupported. In a response: extensions the UAS uses.',
    { requirements: [inResponses([421], undefined, 'mandatory', ref(3261, '21.4.16'))] },
  ),
  h(
    'Retry-After',
    [ref(3261, '20.33')],
    'single',
    'How long (seconds) before retrying, in 404, 413, 480, 486, 500, 503, 600 and 603 responses; a duration parameter gives how long the callee will be available.',
  ),
  h(
    'Route',
    [ref(3261, '20.34')],
    'list',
    'The route set the request must follow: proxies to visit, in order. With loose routing (`;lr`) the Request-URI stays the final target.',
    { notes: ['A Route without `;lr` means strict routing (RFC 2543): the next hop rewrites the Request-URI, a frequent interop problem.'] },
  ),
  h('Server', [ref(3261, '20.35')], 'single', 'Software of the UAS that sent the response.'),
  h('Subject', [ref(3261, '20.36')], 'single', 'Summary or nature of the call.'),
  h(
    'Supported',
    [ref(3261, '20.37')],
    'list',
    'Option tags the sender supports but does not require (100rel, timer, replaces, path, gruu, outbound...).',
    {
      requirements: [
        inRequests(['INVITE'], 'recommended', ref(3261, '20.37')),
        inResponses(['2xx'], ['INVITE', 'OPTIONS'], 'recommended', ref(3261, '20.37')),
      ],
    },
  ),
  h('Timestamp', [ref(3261, '20.38')], 'single', 'When the client sent the request; echoed in the response to estimate round-trip time.'),
  h(
    'To',
    [ref(3261, '20.39')],
    'single',
    'The logical recipient of the request. The UAS adds a tag in its responses; with the From tag and Call-ID it identifies the dialog.',
    {
      notes: ['A request with a To tag is inside a dialog; an initial request has none.'],
      requirements: IN_EVERY_MESSAGE,
    },
  ),
  h('Unsupported', [ref(3261, '20.40')], 'list', 'Option tags from Require or Proxy-Require that the server does not support.', {
    requirements: [inResponses([420], undefined, 'mandatory', ref(3261, '8.2.2.3'))],
  }),
  h('User-Agent', [ref(3261, '20.41')], 'single', 'Software of the UA that sent the request.'),
  h(
    'Via',
    [ref(3261, '20.42')],
    'list',
    'The path the request took so far, one entry per hop: responses travel back along it. The top Via\'s branch identifies the transaction.',
    {
      notes: [
        'A branch starting with z9hG4bK marks an RFC 3261 client; others are RFC 2543 style.',
        'received and rport are added by the next hop when the packet came from another address or port than the Via says (NAT).',
      ],
      requirements: IN_EVERY_MESSAGE,
    },
  ),
  h(
    'Warning',
    [ref(3261, '20.43')],
    'list',
    'Extra information about a response: a three-digit warn-code (3xx codes mostly about SDP), the agent that added it, and text.',
  ),
  h('WWW-Authenticate', [ref(3261, '20.44')], 'list', 'A UAS\'s or registrar\'s authentication challenge (realm, nonce, qop, algorithm), sent in a 401.', {
    requirements: [inResponses([401], undefined, 'mandatory', ref(3261, '20.44'))],
  }),

  // ---- Extensions -------------------------------------------------------------
  h('Accept-Contact', [ref(3841)], 'list', 'Caller preferences: feature tags that the contacts chosen for this request should have.'),
  h('Accept-Resource-Priority', [ref(4412)], 'list', 'Resource-Priority namespaces and values the sender understands.'),
  h('AlertMsg-Error', [ref(8876)], 'single', 'Why a non-interactive emergency alert was rejected (code parameter), sent with 425 Bad Alert Message.'),
  h('Allow-Events', [ref(6665)], 'list', 'Event packages the sender supports (presence, dialog, message-summary, refer...).'),
  h('Answer-Mode', [ref(5373)], 'single', 'Asks the callee to answer automatically (Auto) or manually (Manual); `;require` makes it mandatory.'),
  h(
    'Diversion',
    [ref(5806)],
    'list',
    'The call was diverted: the diverting party, with reason (unconditional, user-busy, no-answer...) and counter.',
    {
      status: 'historic',
      notes: ['RFC 5806 is Historic; History-Info (RFC 7044) is the standard, but Diversion is still common on carrier trunks.'],
    },
  ),
  h('Event', [ref(6665)], 'single', 'The event package of a SUBSCRIBE, NOTIFY or PUBLISH, with an optional id parameter.', {
    requirements: [inRequests(['SUBSCRIBE', 'NOTIFY'], 'mandatory', ref(6665)), inRequests(['PUBLISH'], 'mandatory', ref(3903))],
  }),
  h('Feature-Caps', [ref(6809)], 'list', 'Feature capability indicators of a proxy or B2BUA on the path.'),
  h('Flow-Timer', [ref(5626)], 'single', 'SIP Outbound: how often (seconds) the registrar wants the UA to send keep-alives on its flow.'),
  h('Geolocation', [ref(6442)], 'list', 'Where the caller\'s location is: a cid: URI pointing to a body part (PIDF-LO) or a location URI.'),
  h('Geolocation-Error', [ref(6442)], 'single', 'Why location information was not usable.'),
  h('Geolocation-Routing', [ref(6442)], 'single', 'Whether intermediaries may use the location to route the request (yes/no).'),
  h(
    'History-Info',
    [ref(7044)],
    'list',
    'The retargeting history of the request: each Request-URI it had, with an index showing the order and, often, the reason (forwarding, redirection).',
  ),
  h(
    'Identity',
    [ref(8224)],
    'list',
    'STIR: a signed PASSporT asserting the caller\'s number, with info (certificate URL), alg and ppt (e.g. shaken) parameters.',
    { notes: ['Checked by the terminating network; failures give 428, 436, 437, 438 or 403 Stale Date.'] },
  ),
  h('Identity-Info', [ref(4474)], 'single', 'Certificate URL for the RFC 4474 Identity signature.', {
    status: 'deprecated',
    notes: ['Deprecated by RFC 8224: the URL moved to the info parameter of Identity.'],
  }),
  h('Info-Package', [ref(6086)], 'single', 'The Info Package an INFO request belongs to.'),
  h('Join', [ref(3911)], 'single', 'Asks the recipient to join the new call to an existing dialog (conference, barge-in).'),
  h('Max-Breadth', [ref(5393)], 'single', 'Limits how many parallel branches forking may create for this request.'),
  h('Min-SE', [ref(4028, '5')], 'single', 'Minimum session refresh interval (seconds); sent in 422 Session Interval Too Small and in requests.', {
    requirements: [inResponses([422], undefined, 'mandatory', ref(4028, '6'))],
  }),
  h('P-Access-Network-Info', [ref(7315)], 'list', 'IMS: the access network the UE uses (e.g. 3GPP-E-UTRAN-FDD with cell id).'),
  h(
    'P-Asserted-Identity',
    [ref(3325, '9.1')],
    'list',
    'The identity of the caller as asserted by a trusted network element. Used for caller ID and billing inside a trust domain; one SIP and one tel URI at most.',
    { notes: ['Only meaningful between trusted elements; an SBC should strip it from untrusted sources.'] },
  ),
  h('P-Asserted-Service', [ref(6050)], 'list', 'IMS: the service (ICSI URN, e.g. MMTel) asserted by the network.'),
  h('P-Associated-URI', [ref(7315)], 'list', 'IMS: other URIs associated with a registered user, returned in the 200 to REGISTER.'),
  h('P-Called-Party-ID', [ref(7315)], 'single', 'IMS: the URI the call was originally addressed to, before retargeting.'),
  h('P-Charging-Function-Addresses', [ref(7315)], 'single', 'IMS: addresses of the charging functions (ccf, ecf).'),
  h('P-Charging-Vector', [ref(7315)], 'single', 'IMS: charging correlation (icid-value, orig-ioi, term-ioi).'),
  h('P-Early-Media', [ref(5009)], 'list', 'Authorises early media, by direction (sendrecv, sendonly, recvonly, inactive, gated).'),
  h(
    'P-Preferred-Identity',
    [ref(3325, '9.2')],
    'list',
    'The identity the UA would like the trusted network to assert (P-Asserted-Identity).',
  ),
  h('P-Preferred-Service', [ref(6050)], 'list', 'IMS: the service the UE would like the network to assert.'),
  h('P-Served-User', [ref(5502)], 'single', 'IMS: the user served by the application server (originating or terminating).'),
  h('P-Visited-Network-ID', [ref(7315)], 'list', 'IMS: the visited network, for roaming users.'),
  h('Path', [ref(3327)], 'list', 'In REGISTER: proxies between the UA and the registrar that must be on the path of requests towards the UA (edge proxies behind NAT).'),
  h('Permission-Missing', [ref(5360)], 'list', 'URIs for which consent is missing, sent with 470 Consent Needed.'),
  h('Priv-Answer-Mode', [ref(5373)], 'single', 'Like Answer-Mode, with privileges that override the callee\'s settings (intercom, emergency).'),
  h(
    'Privacy',
    [ref(3323), ref(3325)],
    'single',
    'Privacy the user requests: id (hide P-Asserted-Identity outside the trust domain), header, session, user, none, critical.',
  ),
  h('RAck', [ref(3262, '7.2')], 'single', 'In PRACK: which reliable provisional response it acknowledges (its RSeq, then the INVITE\'s CSeq number and method).', {
    requirements: [inRequests(['PRACK'], 'mandatory', ref(3262, '7.2'))],
  }),
  h(
    'Reason',
    [ref(3326, '2'), ref(6432)],
    'list',
    'Why a request or response was generated, as a protocol plus cause: `SIP;cause=200;text="Call completed elsewhere"` or `Q.850;cause=16;text="Normal call clearing"`. Often the real cause of a failure.',
    { notes: ['RFC 6432 allows Q.850 causes in responses, so a 4xx/5xx from a gateway may carry the PSTN cause.'] },
  ),
  h('Reason-Phrase', [], 'single', 'Not a header field: the name is reserved in the IANA registry so that it is never confused with the reason phrase of a status line.', {
    status: 'reserved',
  }),
  h('Recv-Info', [ref(6086)], 'list', 'Info Packages the sender is willing to receive in INFO requests.'),
  h('Refer-Sub', [ref(4488)], 'single', 'In REFER: `false` asks for no implicit subscription (no NOTIFYs about the transfer).'),
  h('Refer-To', [ref(3515, '2.1')], 'single', 'In REFER: the URI the recipient should contact; may embed headers such as Replaces for attended transfer.', {
    requirements: [inRequests(['REFER'], 'mandatory', ref(3515, '2.1'), { note: 'exactly one' })],
  }),
  h('Referred-By', [ref(3892)], 'single', 'Who initiated a referral (transfer); carried from the REFER into the resulting INVITE.'),
  h('Reject-Contact', [ref(3841)], 'list', 'Caller preferences: feature sets of contacts that must not receive the request.'),
  h(
    'Remote-Party-ID',
    [],
    'list',
    'Calling or called party identity with screening and privacy parameters (party, screen, privacy).',
    {
      status: 'non-standard',
      origin:
        'An expired Internet-Draft (draft-ietf-sip-privacy), never an RFC. Superseded by P-Asserted-Identity (RFC 3325) and Privacy (RFC 3323), but still sent by many PBXs.',
    },
  ),
  h('Replaces', [ref(3891, '6.1')], 'single', 'In an INVITE: the dialog (Call-ID, to-tag, from-tag) the new call replaces: attended transfer, call pickup.'),
  h('Request-Disposition', [ref(3841)], 'list', 'Caller preferences for how proxies handle the request: proxy or redirect, fork or not, parallel or sequential...'),
  h('Resource-Priority', [ref(4412)], 'list', 'Network preference for the request (namespace.priority, e.g. ets.0, wps.1) for emergency or government calls.'),
  h('RSeq', [ref(3262, '7.1')], 'single', 'Sequence number of a reliable provisional response; the PRACK echoes it in RAck.', {
    requirements: [inResponses(['1xx'], undefined, 'mandatory', ref(3262, '7.1'), { condition: 'reliable-provisional' })],
  }),
  h('Security-Client', [ref(3329)], 'list', 'Security mechanisms the client supports (e.g. ipsec-3gpp, tls, digest), for sec-agree.'),
  h('Security-Server', [ref(3329)], 'list', 'Security mechanisms the server supports, sent in 494 Security Agreement Required.', {
    requirements: [inResponses([494], undefined, 'mandatory', ref(3329))],
  }),
  h('Security-Verify', [ref(3329)], 'list', 'The client echoes the server\'s Security-Server here, protected by the chosen mechanism, to prevent downgrade.'),
  h('Service-Route', [ref(3608)], 'list', 'In a 200 to REGISTER: the route the UA must put in front of its later requests (IMS S-CSCF).'),
  h(
    'Session-Expires',
    [ref(4028, '4')],
    'single',
    'Session timer: the session ends unless refreshed (re-INVITE or UPDATE) within this many seconds; the refresher parameter says who refreshes (uac or uas).',
    { notes: ['Calls dropping at a fixed time (e.g. after 15 or 30 minutes) usually mean session refreshes fail.'] },
  ),
  h('Session-ID', [ref(7989)], 'single', 'End-to-end session identifier (local and remote UUIDs) that survives B2BUAs, for troubleshooting.'),
  h('SIP-ETag', [ref(3903, '11.3.1')], 'single', 'Entity-tag of published state, returned in the 2xx to PUBLISH.', {
    requirements: [inResponses(['2xx'], ['PUBLISH'], 'mandatory', ref(3903, '11.3.1'))],
  }),
  h('SIP-If-Match', [ref(3903, '11.3.2')], 'single', 'In PUBLISH: the entity-tag of the publication being refreshed, modified or removed.'),
  h(
    'Subscription-State',
    [ref(6665)],
    'single',
    'In NOTIFY: the subscription state (active, pending, terminated) with expires, or with reason and retry-after when terminated.',
    { requirements: [inRequests(['NOTIFY'], 'mandatory', ref(6665))] },
  ),
  h('Suppress-If-Match', [ref(5839)], 'single', 'In SUBSCRIBE: the entity-tag the subscriber already has, so the notifier can skip an unchanged NOTIFY (204).'),
  h('Target-Dialog', [ref(4538)], 'single', 'The dialog a request out of that dialog relates to (e.g. a REFER authorised by an existing call).'),
  h('User-to-User', [ref(7433)], 'list', 'User-to-user information (e.g. ISDN UUI from call centres) carried end to end.'),
];

/** Header knowledge keyed by lower-case canonical name. */
export const HEADERS: ReadonlyMap<string, HeaderInfo> = new Map(ENTRIES.map((e) => [e.key, e] as const));

/** Look a header up by the name as written: long or compact form, any case. */
export function lookupHeader(nameAsWritten: string): HeaderInfo | undefined {
  return HEADERS.get(canonicalHeaderName(nameAsWritten).key);
}

/** Vendor/private header families that are not in the table. */
export interface ExtensionHeaderNote {
  readonly kind: 'x-header' | 'p-header';
  readonly text: string;
  readonly ref: RfcRef;
}

/**
 * What can be said about an unknown header from its name alone: `X-` headers
 * are vendor extensions, `P-` headers private extensions. Undefined otherwise.
 */
export function describeExtensionHeader(nameAsWritten: string): ExtensionHeaderNote | undefined {
  if (/^x-/i.test(nameAsWritten)) {
    return {
      kind: 'x-header',
      text: 'Vendor extension, not standardised: X- headers are private to the product that sends them (the X- convention itself is deprecated by RFC 6648). Receivers that do not know it ignore it.',
      ref: ref(6648),
    };
  }
  if (/^p-/i.test(nameAsWritten)) {
    return {
      kind: 'p-header',
      text: 'Private (P-) header: an extension for specific networks such as 3GPP IMS (RFC 3427 convention, no longer used for new headers since RFC 5727). Receivers that do not know it ignore it.',
      ref: ref(5727),
    };
  }
  return undefined;
}

/** Facts about a message that decide which headers it must carry. Unknown facts leave conditional requirements undecided. */
export interface MessageFacts {
  readonly kind: 'request' | 'response';
  /** Request method, or for a response the method in its CSeq. */
  readonly method: string;
  /** Responses: the status code. */
  readonly status?: number;
  readonly hasBody?: boolean;
  /** Transport as in Via or the trace (`UDP`, `TCP`, `TLS`, `WS`, ...). */
  readonly transport?: string;
  /** Whether the To header has a tag. */
  readonly toTag?: boolean;
  /** Responses: whether it is sent reliably (Require: 100rel). */
  readonly reliable?: boolean;
}

/** A requirement as it applies to one message. `conditional` when a fact it depends on is unknown. */
export interface ResolvedRequirement {
  readonly header: HeaderInfo;
  readonly level: RequirementLevel | 'conditional';
  readonly requirement: HeaderRequirement;
}

function statusMatches(pattern: StatusPattern, status: number): boolean {
  return typeof pattern === 'number' ? pattern === status : Math.floor(status / 100) === Number(pattern[0]);
}

function appliesTo(r: HeaderRequirement, msg: MessageFacts): boolean {
  if (r.in !== msg.kind) return false;
  if (r.methods !== undefined && !r.methods.includes(msg.method.toUpperCase())) return false;
  if (r.statuses !== undefined) {
    if (msg.status === undefined) return false;
    const status = msg.status;
    if (!r.statuses.some((p) => statusMatches(p, status))) return false;
  }
  return true;
}

const STREAM_TRANSPORTS = new Set(['tcp', 'tls', 'sctp', 'tls-sctp', 'ws', 'wss']);

/** true / false when the facts decide the condition, undefined when they do not. */
function conditionHolds(condition: RequirementCondition, msg: MessageFacts): boolean | undefined {
  switch (condition) {
    case 'has-body':
      return msg.hasBody;
    case 'stream-transport':
      return msg.transport === undefined ? undefined : STREAM_TRANSPORTS.has(msg.transport.toLowerCase());
    case 'early-dialog':
      if (msg.status !== undefined && (msg.status === 100 || msg.status >= 200)) return false;
      return msg.toTag;
    case 'reliable-provisional':
      return msg.reliable;
    case 'out-of-dialog':
      return msg.toTag === undefined ? undefined : !msg.toTag;
  }
}

const LEVEL_ORDER: Readonly<Record<ResolvedRequirement['level'], number>> = { mandatory: 3, conditional: 2, recommended: 1 };

/** How strongly one header is required in this message, or undefined when it is optional here. */
export function headerRequirementIn(key: string, msg: MessageFacts): ResolvedRequirement | undefined {
  const header = HEADERS.get(key.toLowerCase());
  if (header === undefined) return undefined;
  let best: ResolvedRequirement | undefined;
  for (const requirement of header.requirements) {
    if (!appliesTo(requirement, msg)) continue;
    let level: ResolvedRequirement['level'] = requirement.level;
    if (requirement.condition !== undefined) {
      const holds = conditionHolds(requirement.condition, msg);
      if (holds === false) continue;
      if (holds === undefined) level = 'conditional';
    }
    if (best === undefined || LEVEL_ORDER[level] > LEVEL_ORDER[best.level]) best = { header, level, requirement };
  }
  return best;
}

/** Every header required (or recommended) in this message, strongest first. */
export function requiredHeaders(msg: MessageFacts): ResolvedRequirement[] {
  const out: ResolvedRequirement[] = [];
  for (const header of HEADERS.values()) {
    const resolved = headerRequirementIn(header.key, msg);
    if (resolved !== undefined) out.push(resolved);
  }
  return out.sort((a, b) => LEVEL_ORDER[b.level] - LEVEL_ORDER[a.level]);
}

/** Canonical names of the headers this message MUST carry (decided requirements only). */
export function mandatoryHeaderNames(msg: MessageFacts): string[] {
  return requiredHeaders(msg)
    .filter((r) => r.level === 'mandatory')
    .map((r) => r.header.name);
}

const CONDITION_TEXT: Readonly<Record<RequirementCondition, string>> = {
  'has-body': 'when there is a body',
  'stream-transport': 'over TCP, TLS, SCTP or WebSocket',
  'early-dialog': 'when it carries a To tag (early dialog)',
  'reliable-provisional': 'when sent reliably (100rel)',
  'out-of-dialog': 'outside a dialog',
};

/** Plain words for a condition: `when there is a body`. */
export function describeCondition(condition: RequirementCondition): string {
  return CONDITION_TEXT[condition];
}

/** Plain words for a requirement: `2xx responses to INVITE`, `all requests`, `requests, when there is a body`. */
export function describeRequirement(r: HeaderRequirement): string {
  let what: string;
  if (r.in === 'request') {
    what = r.methods === undefined ? 'all requests' : `${r.methods.join(', ')} requests`;
  } else {
    const statuses = r.statuses === undefined ? 'all responses' : `${r.statuses.join(', ')} responses`;
    what = r.methods === undefined ? statuses : `${statuses} to ${r.methods.join(', ')}`;
  }
  if (r.condition !== undefined) what += ` ${CONDITION_TEXT[r.condition]}`;
  if (r.note !== undefined) what += ` (${r.note})`;
  return what;
}
