/**
 * SIP response codes: every code in the IANA "SIP Parameters: Response Codes"
 * registry (1xx-6xx), the six classes, and codes people meet in traces that
 * are NOT registered.
 *
 * Authority: the registering RFC of each code (RFC 3261 section 21 for the
 * base set). Meanings paraphrase the RFC; "causes" are what usually produces
 * the code in real deployments, and are worded as such.
 */
import { ref, type RfcRef } from './rfcRef';

export type StatusClassDigit = 1 | 2 | 3 | 4 | 5 | 6;

export interface StatusClassInfo {
  readonly digit: StatusClassDigit;
  /** `4xx` */
  readonly range: string;
  /** `Client Failure` */
  readonly label: string;
  readonly meaning: string;
  /** The code an RFC 3261 UAC treats unknown codes of this class as (x00; 183 for unknown 1xx). */
  readonly unknownTreatedAs: number;
  readonly ref: RfcRef;
}

export const STATUS_CLASSES: Readonly<Record<StatusClassDigit, StatusClassInfo>> = {
  1: {
    digit: 1,
    range: '1xx',
    label: 'Provisional',
    meaning:
      'Request received, still being processed. Not final: the transaction stays open and a final response must follow.',
    unknownTreatedAs: 183,
    ref: ref(3261, '21.1'),
  },
  2: {
    digit: 2,
    range: '2xx',
    label: 'Success',
    meaning: 'The request was successfully received, understood and accepted.',
    unknownTreatedAs: 200,
    ref: ref(3261, '21.2'),
  },
  3: {
    digit: 3,
    range: '3xx',
    label: 'Redirection',
    meaning: 'Further action is needed: the request should be retried elsewhere (usually the Contact URIs).',
    unknownTreatedAs: 300,
    ref: ref(3261, '21.3'),
  },
  4: {
    digit: 4,
    range: '4xx',
    label: 'Client Failure',
    meaning:
      'The request cannot be fulfilled at this server as sent (bad syntax, missing credentials, unknown user...). It may succeed if changed, or at another server.',
    unknownTreatedAs: 400,
    ref: ref(3261, '21.4'),
  },
  5: {
    digit: 5,
    range: '5xx',
    label: 'Server Failure',
    meaning: 'The server failed to fulfil an apparently valid request.',
    unknownTreatedAs: 500,
    ref: ref(3261, '21.5'),
  },
  6: {
    digit: 6,
    range: '6xx',
    label: 'Global Failure',
    meaning:
      'The request cannot be fulfilled at any server: a definitive answer about the user, so proxies stop trying other locations.',
    unknownTreatedAs: 600,
    ref: ref(3261, '21.6'),
  },
};

/** Class of a status code, or undefined when the code is not a SIP status code (outside 100-699). */
export function statusClassOf(code: number): StatusClassInfo | undefined {
  if (!Number.isInteger(code) || code < 100 || code > 699) return undefined;
  return STATUS_CLASSES[Math.floor(code / 100) as StatusClassDigit];
}

/** True for final responses (2xx-6xx); 1xx are provisional. */
export function isFinalStatus(code: number): boolean {
  return code >= 200 && code <= 699;
}

export interface StatusCodeInfo {
  readonly code: number;
  /** Reason phrase as registered (`Busy Here`). */
  readonly reason: string;
  /** Registering RFC and the section that defines the code. */
  readonly ref: RfcRef;
  /** Other sections that matter for the code (behaviour, history). */
  readonly seeAlso: readonly RfcRef[];
  /** What the code means, following the registering RFC. */
  readonly meaning: string;
  /** What typically produces it in real deployments. */
  readonly causes: readonly string[];
  /** What to check next in the trace or the configuration. */
  readonly nextSteps: readonly string[];
  /** Canonical names of headers that matter in this response (Reason and Warning apply to every response and are not repeated). */
  readonly relatedHeaders: readonly string[];
  /** What a UA or proxy does with it: final or provisional, retried, fails over. */
  readonly behaviour: string;
  /** Set when the code is registered but deprecated. */
  readonly deprecated?: string;
}

type Details = Omit<StatusCodeInfo, 'code' | 'reason' | 'ref' | 'seeAlso'> & { readonly seeAlso?: readonly RfcRef[] };

function sc(code: number, reason: string, cite: RfcRef, details: Details): StatusCodeInfo {
  return { code, reason, ref: cite, ...details, seeAlso: details.seeAlso ?? [] };
}

const FINAL_NO_RETRY = 'Final. Retrying the same request unchanged will get the same answer.';

const ENTRIES: readonly StatusCodeInfo[] = [
  // ---- 1xx Provisional -------------------------------------------------------
  sc(100, 'Trying', ref(3261, '21.1.1'), {
    meaning:
      'The next hop received the request and is working on it. It says nothing about the callee: each hop generates its own 100, and proxies never forward one.',
    causes: [
      'Normal: a stateful proxy or UAS received an INVITE.',
      'If the first hop never sends one, the INVITE did not arrive (over UDP the same branch is retransmitted at 0.5, 1, 2, 4 s...).',
    ],
    nextSteps: [
      'If nothing else follows, the problem is beyond this hop: look at the next hop (DNS, routing, firewall).',
      'After a provisional response the INVITE client transaction no longer times out on Timer B; only a proxy\'s Timer C (> 3 min) or a CANCEL ends the wait.',
    ],
    relatedHeaders: ['Timestamp'],
    behaviour:
      'Provisional, hop-by-hop: stops INVITE retransmissions over UDP (Timer A) and Timer B; never forwarded by proxies; never creates a dialog.',
    seeAlso: [ref(3261, '8.2.6.1'), ref(3261, '17.1.1.2')],
  }),
  sc(180, 'Ringing', ref(3261, '21.1.2'), {
    meaning: 'The callee\'s user agent received the INVITE and is alerting the user.',
    causes: [
      'The phone is ringing.',
      'A PSTN gateway received alerting (ISUP ACM/CPG) from the network.',
    ],
    nextSteps: [
      'No ringback heard? A 180 without SDP means the caller should play ringback itself; if SDP arrived (here or in an earlier 183) the caller plays the received early media instead, so silence means that RTP is not flowing (NAT, firewall, wrong c= address).',
      'Several 180s with different To tags mean the call forked to several devices.',
    ],
    relatedHeaders: ['Contact', 'Record-Route', 'RSeq', 'Require', 'Allow', 'Supported'],
    behaviour:
      'Provisional. With a To tag it creates an early dialog; sent reliably (acknowledged with PRACK) when it carries Require: 100rel.',
    seeAlso: [ref(3261, '12.1'), ref(3262)],
  }),
  sc(181, 'Call Is Being Forwarded', ref(3261, '21.1.3'), {
    meaning: 'A server is forwarding the call to a different set of destinations.',
    causes: ['Call forwarding rules on a PBX or in the network (unconditional, on no answer, on busy).'],
    nextSteps: ['Look at History-Info or Diversion in the forwarded INVITE to see where the call went and why.'],
    relatedHeaders: ['History-Info', 'Diversion', 'Contact'],
    behaviour: 'Provisional; informational only.',
  }),
  sc(182, 'Queued', ref(3261, '21.1.4'), {
    meaning:
      'The callee is temporarily unavailable, but the server queued the call instead of rejecting it. The reason phrase may give details such as the position in the queue.',
    causes: ['Call-centre queue (ACD).', 'Callee busy with a queueing feature enabled.'],
    nextSteps: ['The final response comes when the call leaves the queue.'],
    relatedHeaders: [],
    behaviour: 'Provisional; the INVITE stays pending until the callee becomes available.',
  }),
  sc(183, 'Session Progress', ref(3261, '21.1.5'), {
    meaning:
      'Progress information not otherwise classified; the reason phrase, headers or body give details. Usually it carries an SDP answer for early media (ringback, announcements).',
    causes: [
      'Early media from a PSTN gateway, IVR or PBX (ringback tone or "the number you dialled..." announcement).',
      'Precondition (QoS) negotiation in IMS/VoLTE (RFC 3312).',
    ],
    nextSteps: [
      'Check the SDP: its c= and m= lines say where the caller must expect early media. One-way or no audio before answer usually means NAT or a firewall blocking that RTP.',
      'If the call then fails, the announcement in the early media often says why.',
    ],
    relatedHeaders: ['Contact', 'Record-Route', 'RSeq', 'Require', 'P-Early-Media', 'Content-Type'],
    behaviour:
      'Provisional. With a To tag it creates an early dialog; often sent reliably (100rel/PRACK). A UAC treats any unknown 1xx other than 100 as 183.',
    seeAlso: [ref(3261, '8.1.3.2'), ref(3262), ref(3312)],
  }),
  sc(199, 'Early Dialog Terminated', ref(6228), {
    meaning:
      'A forking proxy or the UAS says that one early dialog has ended, before the final response to the INVITE is sent.',
    causes: ['A forked branch was rejected (4xx-6xx) while other branches are still ringing.'],
    nextSteps: [
      'Match the To tag to the early dialog it ends; the call is still in progress on the other branches.',
      'Only sent when the caller listed the `199` option tag in Supported.',
    ],
    relatedHeaders: ['Supported', 'Contact'],
    behaviour: 'Provisional: the INVITE transaction stays pending; only the one early dialog is gone.',
  }),

  // ---- 2xx Success -----------------------------------------------------------
  sc(200, 'OK', ref(3261, '21.2.1'), {
    meaning:
      'The request succeeded. For INVITE the call is answered and the dialog confirmed; the body is the SDP answer (or the offer, if the INVITE had none). For REGISTER, Contact lists all current bindings.',
    causes: ['Normal success.'],
    nextSteps: [
      'For INVITE, expect an ACK. Without it the callee retransmits the 200 (0.5 s doubling to 4 s) for 32 s and then usually sends BYE: the classic "call drops after 30 seconds". A missing ACK usually means the 200\'s Contact or Record-Route is unreachable (private IP behind NAT, SIP ALG).',
      'For REGISTER, check the expires granted for your Contact (it may be shorter than asked).',
    ],
    relatedHeaders: ['Contact', 'Record-Route', 'Allow', 'Supported', 'Require', 'Expires', 'Session-Expires'],
    behaviour:
      'Final. A 2xx to INVITE is acknowledged end to end by an ACK in a new transaction; proxies forward every 2xx from forked branches, so a caller may get several.',
    seeAlso: [ref(3261, '13.2.2.4'), ref(3261, '13.3.1.4'), ref(3261, '16.7')],
  }),
  sc(202, 'Accepted', ref(6665), {
    meaning:
      'The request was accepted for processing, but processing has not completed. RFC 3265 used it for SUBSCRIBE (subscription pending authorisation); RFC 6665 deprecated that use: notifiers now answer 200 and report a pending subscription in the NOTIFY (Subscription-State: pending). The code is still registered.',
    causes: [
      'REFER accepted: the transfer is in progress and its outcome comes in NOTIFYs with Event: refer (RFC 3515).',
      'An older (RFC 3265) notifier accepting a SUBSCRIBE that still needs authorisation.',
      'A store-and-forward relay accepting a MESSAGE.',
    ],
    nextSteps: [
      'For REFER, follow the NOTIFYs (message/sipfrag bodies) for the result of the transfer.',
      'For SUBSCRIBE, treat it as 200; the first NOTIFY says whether the subscription is active or pending.',
    ],
    relatedHeaders: ['Contact', 'Expires', 'Event'],
    behaviour: 'Final (success); handled like 200. For SUBSCRIBE and REFER it creates the subscription dialog.',
    deprecated:
      'Deprecated for SUBSCRIBE by RFC 6665 (notifiers send 200 instead); still registered, and subscribers must still accept it.',
    seeAlso: [ref(3265, '3.1.6.1'), ref(3515)],
  }),
  sc(204, 'No Notification', ref(5839), {
    meaning:
      'A conditional SUBSCRIBE succeeded and the notifier will not send a NOTIFY, because the state did not change since the entity-tag the subscriber gave.',
    causes: ['Subscription refresh carrying Suppress-If-Match with the current entity-tag.'],
    nextSteps: ['Nothing is wrong: the subscriber keeps the state it already has.'],
    relatedHeaders: ['Suppress-If-Match', 'SIP-ETag', 'Expires'],
    behaviour: 'Final (success): the subscription is refreshed; no NOTIFY follows.',
  }),

  // ---- 3xx Redirection -------------------------------------------------------
  sc(300, 'Multiple Choices', ref(3261, '21.3.1'), {
    meaning:
      'The address resolved to several locations, listed in Contact (possibly with q-values); the user or the UAC picks one.',
    causes: ['A redirect server or registrar configured to redirect, for a user with several registered contacts.'],
    nextSteps: ['Check the Contact list; a recursing UAC tries the URIs in decreasing q order.'],
    relatedHeaders: ['Contact', 'Expires'],
    behaviour: 'Final. The UAC (or a recursing proxy) may send new requests to the Contact URIs.',
    seeAlso: [ref(3261, '8.1.3.4')],
  }),
  sc(301, 'Moved Permanently', ref(3261, '21.3.2'), {
    meaning:
      'The user can no longer be found at the Request-URI; the new address is in Contact and the caller should remember it.',
    causes: ['User or number moved (ISUP cause 22 "number changed" with a diagnostic maps here, RFC 3398).'],
    nextSteps: ['Check the Contact URI; the caller should use it from now on.'],
    relatedHeaders: ['Contact'],
    behaviour: 'Final. The UAC may retry at the Contact URI and should update its records.',
    seeAlso: [ref(3261, '8.1.3.4')],
  }),
  sc(302, 'Moved Temporarily', ref(3261, '21.3.3'), {
    meaning:
      'Retry the request at the address(es) in Contact. The redirection is valid for the time in Expires or the Contact expires parameter.',
    causes: [
      'Call forwarding done as a redirect (PBX or SBC "redirect" mode), often with Diversion or History-Info.',
      'Routing or number-portability servers that return routes as a 302.',
    ],
    nextSteps: [
      'Does the caller follow the redirect? Many phones and trunks ignore 302 unless configured to; the Contact must be reachable from the caller.',
    ],
    relatedHeaders: ['Contact', 'Expires', 'Diversion', 'History-Info'],
    behaviour: 'Final. The UAC or a recursing proxy retries at the Contact URIs.',
    seeAlso: [ref(3261, '8.1.3.4')],
  }),
  sc(305, 'Use Proxy', ref(3261, '21.3.4'), {
    meaning:
      'The resource must be accessed through the proxy given in Contact; the caller should retry through it. Only UASes generate it.',
    causes: ['Rare in practice.'],
    nextSteps: ['Check the proxy URI in Contact.'],
    relatedHeaders: ['Contact'],
    behaviour: 'Final. Often not honoured, since blindly re-routing through a proxy named by the far end is a security risk.',
  }),
  sc(380, 'Alternative Service', ref(3261, '21.3.5'), {
    meaning: 'The call was not successful, but alternative services are possible; the message body describes them.',
    causes: ['IMS: the network detected an emergency number and tells the device to place an emergency call instead (3GPP TS 24.229 XML body).'],
    nextSteps: ['Read the body (Content-Type says its format).'],
    relatedHeaders: ['Contact', 'Content-Type'],
    behaviour: 'Final.',
  }),

  // ---- 4xx Client Failure ----------------------------------------------------
  sc(400, 'Bad Request', ref(3261, '21.4.1'), {
    meaning:
      'The request could not be understood because of malformed syntax. The reason phrase SHOULD name the problem, e.g. "Missing Call-ID Header".',
    causes: [
      'A mandatory header is missing (To, From, Call-ID, CSeq, Via, Max-Forwards) or duplicated.',
      'Malformed URI or header value; Content-Length not matching the body.',
      'A router\'s SIP ALG rewrote the message and broke it.',
    ],
    nextSteps: [
      'Read the reason phrase and Warning: they usually name the faulty header.',
      'Check this request against the diagnostics shown for it; disable SIP ALG on routers in the path.',
    ],
    relatedHeaders: [],
    behaviour: FINAL_NO_RETRY,
  }),
  sc(401, 'Unauthorized', ref(3261, '21.4.2'), {
    meaning: 'The request requires user authentication: the UAS or registrar challenges the client in WWW-Authenticate.',
    causes: [
      'Normal first step of digest authentication (most REGISTERs and many INVITEs get one).',
      'A second 401 after sending Authorization: wrong username, password or realm, or a stale nonce (stale=true).',
    ],
    nextSteps: [
      'Look at WWW-Authenticate (realm, nonce, qop, algorithm). The retry must carry Authorization for that realm, with the same Call-ID and a higher CSeq.',
      'A 401 in answer to credentials means they were rejected: check username, password, realm and the digest uri.',
    ],
    relatedHeaders: ['WWW-Authenticate', 'Authorization'],
    behaviour: 'Final. The UAC retries with credentials: a normal part of many call flows. An INVITE answered with 401 is still ACKed.',
    seeAlso: [ref(3261, '22.2'), ref(3261, '8.1.3.5')],
  }),
  sc(402, 'Payment Required', ref(3261, '21.4.3'), {
    meaning: 'Reserved for future use by RFC 3261.',
    causes: ['Some providers use it for an exhausted prepaid balance or a suspended account.'],
    nextSteps: ['Check the account balance or status with the provider.'],
    relatedHeaders: [],
    behaviour: FINAL_NO_RETRY,
  }),
  sc(403, 'Forbidden', ref(3261, '21.4.4'), {
    meaning:
      'The server understood the request but refuses to fulfil it. Authorisation will not help, and the request should not be repeated.',
    causes: [
      'SBC or provider access list: the source IP is not allowed.',
      'The trunk is not registered (or the registration expired), so the provider does not recognise the caller.',
      'Wrong credentials on servers that answer 403 instead of a second 401.',
      'Caller ID (From or P-Asserted-Identity) not allowed on the trunk, or destination barred (international, premium).',
      'STIR/SHAKEN: an Identity header that is too old (RFC 8224 uses 403 "Stale Date").',
    ],
    nextSteps: [
      'Read the reason phrase and Warning: they often carry the real reason.',
      'Check the source IP against the provider\'s allow-list, that the trunk\'s REGISTER succeeded, and the number format in From/P-Asserted-Identity (E.164).',
    ],
    relatedHeaders: ['P-Asserted-Identity', 'From'],
    behaviour: 'Final. Unlike 401/407, sending credentials will not help.',
    seeAlso: [ref(8224)],
  }),
  sc(404, 'Not Found', ref(3261, '21.4.5'), {
    meaning: 'The user does not exist at the domain in the Request-URI, or that domain is not handled by this server.',
    causes: [
      'The number is not in the provider\'s or PBX\'s dial plan (missing country code or prefix, wrong format).',
      'User or extension not provisioned; typo in the Request-URI.',
      'The Request-URI domain is not one this proxy serves.',
    ],
    nextSteps: [
      'Check the Request-URI user part and its format (E.164 "+", national prefix) against the dial plan.',
      'A 404 for a user that is registered often means the Request-URI domain differs from the one used to register.',
    ],
    relatedHeaders: [],
    behaviour: 'Final. A forking proxy keeps trying other branches.',
  }),
  sc(405, 'Method Not Allowed', ref(3261, '21.4.6'), {
    meaning:
      'The method is understood but not allowed for the resource named by the Request-URI. The response MUST list the allowed methods in Allow.',
    causes: [
      'SUBSCRIBE, MESSAGE, INFO, UPDATE or PRACK sent to a device that does not support it.',
      'REGISTER sent to a user agent instead of a registrar.',
    ],
    nextSteps: ['Compare the method with this response\'s Allow header.'],
    relatedHeaders: ['Allow'],
    behaviour: FINAL_NO_RETRY,
  }),
  sc(406, 'Not Acceptable', ref(3261, '21.4.7'), {
    meaning:
      'The resource can only produce response bodies that the request\'s Accept header does not allow.',
    causes: ['Accept lists only formats the server cannot produce (e.g. a presence document type).'],
    nextSteps: ['Check Accept in the request.'],
    relatedHeaders: ['Accept'],
    behaviour: FINAL_NO_RETRY,
  }),
  sc(407, 'Proxy Authentication Required', ref(3261, '21.4.8'), {
    meaning: 'Like 401, but a proxy challenges the client (in Proxy-Authenticate): the client must authenticate with the proxy.',
    causes: [
      'Normal first step when an outbound proxy or provider authenticates INVITEs.',
      'A second 407 after sending Proxy-Authorization: wrong credentials or realm.',
    ],
    nextSteps: [
      'Look at Proxy-Authenticate. The retry must carry Proxy-Authorization for that realm, with the same Call-ID and a higher CSeq.',
      'The INVITE answered with 407 must still be ACKed.',
    ],
    relatedHeaders: ['Proxy-Authenticate', 'Proxy-Authorization'],
    behaviour: 'Final. The UAC retries with credentials.',
    seeAlso: [ref(3261, '22.3')],
  }),
  sc(408, 'Request Timeout', ref(3261, '21.4.9'), {
    meaning:
      'The server could not produce a response in time, e.g. it could not find the user in time. Most 408s in traces are local: when a client transaction gets no response before Timer B (INVITE) or Timer F (other methods) fires, 64*T1 = 32 s, the transaction layer reports it as a 408.',
    causes: [
      'Next hop unreachable: DNS points to a dead host, a firewall drops UDP, wrong port or transport.',
      'NAT: the pinhole to a registered phone closed, so requests to it vanish (registration interval too long, no keep-alives).',
      'A forking proxy\'s Timer C (> 3 min) fired while no branch answered.',
    ],
    nextSteps: [
      'Check whether the request reached the next hop at all: the same branch retransmitted at 0.5, 1, 2, 4 s means no answer came back.',
      'Verify DNS/SRV results, IP, port and transport, firewalls; for calls to phones, NAT keep-alives and registration refresh.',
    ],
    relatedHeaders: [],
    behaviour:
      'Final. A transaction timeout counts as a failure of that server: the client tries the next address from DNS (RFC 3263 section 4.3). A 408 to a request inside a dialog ends the dialog (RFC 3261 12.2.1.2).',
    seeAlso: [ref(3261, '8.1.3.1'), ref(3261, '17.1.1.2'), ref(3261, '17.1.2.2'), ref(3261, '16.8'), ref(3263, '4.3'), ref(3261, '12.2.1.2')],
  }),
  sc(410, 'Gone', ref(3261, '21.4.10'), {
    meaning: 'The user existed here but is no longer available, and no forwarding address is known.',
    causes: ['Number disconnected or changed (ISUP cause 22 without a diagnostic maps here, RFC 3398).'],
    nextSteps: ['Check the destination number.'],
    relatedHeaders: [],
    behaviour: FINAL_NO_RETRY,
  }),
  sc(412, 'Conditional Request Failed', ref(3903, '11.2.1'), {
    meaning: 'A PUBLISH carried a SIP-If-Match entity-tag that the server does not know (the publication expired or was lost).',
    causes: ['Refresh or modify PUBLISH after the published state expired, or after the server restarted.'],
    nextSteps: ['The publisher should send a new initial PUBLISH with the full state and no SIP-If-Match.'],
    relatedHeaders: ['SIP-If-Match', 'SIP-ETag'],
    behaviour: 'Final. The publisher starts a new publication.',
  }),
  sc(413, 'Request Entity Too Large', ref(3261, '21.4.11'), {
    meaning:
      'The request body is larger than the server will process. The server may close the connection; Retry-After says when to retry if the condition is temporary.',
    causes: ['Large SDP (many codecs or ICE candidates), multipart bodies, big MESSAGE bodies.'],
    nextSteps: ['Reduce the body size.'],
    relatedHeaders: ['Retry-After', 'Content-Length'],
    behaviour: 'Final. The UAC may retry later if Retry-After is present.',
  }),
  sc(414, 'Request-URI Too Long', ref(3261, '21.4.12'), {
    meaning: 'The Request-URI is longer than the server is willing to interpret.',
    causes: ['A dial plan or loop that keeps appending URI parameters or headers.'],
    nextSteps: ['Inspect the Request-URI and how it was built.'],
    relatedHeaders: [],
    behaviour: FINAL_NO_RETRY,
  }),
  sc(415, 'Unsupported Media Type', ref(3261, '21.4.13'), {
    meaning:
      'The body format is not supported by the server. The response MUST list acceptable formats in Accept, Accept-Encoding or Accept-Language.',
    causes: [
      'INFO, MESSAGE or NOTIFY with a body type the peer does not handle (e.g. application/dtmf-relay vs application/dtmf).',
      'multipart/mixed bodies (SDP plus ISUP) sent to an endpoint that takes only application/sdp.',
      'A compressed body (Content-Encoding).',
    ],
    nextSteps: ['Compare the request\'s Content-Type with this response\'s Accept.'],
    relatedHeaders: ['Accept', 'Accept-Encoding', 'Accept-Language', 'Content-Type', 'Content-Encoding'],
    behaviour: 'Final. The UAC should retry with a body the server accepts.',
    seeAlso: [ref(3261, '8.1.3.5')],
  }),
  sc(416, 'Unsupported URI Scheme', ref(3261, '21.4.14'), {
    meaning: 'The server does not understand the scheme of the Request-URI.',
    causes: ['A tel: URI sent to a server that handles only sip:.', 'A sips: URI sent to a server without TLS.'],
    nextSteps: ['Check the Request-URI scheme.'],
    relatedHeaders: [],
    behaviour: 'Final. The UAC should retry with a sip: URI if it can.',
    seeAlso: [ref(3261, '8.1.3.5')],
  }),
  sc(417, 'Unknown Resource-Priority', ref(4412), {
    meaning:
      'The request required a Resource-Priority namespace or value (Require: resource-priority) that the server does not know.',
    causes: ['Priority calling (government or emergency preference services) with a namespace the network does not support.'],
    nextSteps: ['Compare Resource-Priority in the request with Accept-Resource-Priority in the response.'],
    relatedHeaders: ['Resource-Priority', 'Accept-Resource-Priority', 'Require'],
    behaviour: FINAL_NO_RETRY,
  }),
  sc(420, 'Bad Extension', ref(3261, '21.4.15'), {
    meaning:
      'The server did not understand an option tag listed in Require or Proxy-Require; the unknown tags are listed in Unsupported.',
    causes: ['Require: 100rel, timer, replaces, precondition or a vendor tag sent to a peer that does not implement it.'],
    nextSteps: [
      'Compare Require/Proxy-Require of the request with Unsupported in this response.',
      'Disable the extension, or list it in Supported (optional) instead of Require.',
    ],
    relatedHeaders: ['Unsupported', 'Require', 'Proxy-Require'],
    behaviour: 'Final. The UAC should retry without the unsupported extension.',
    seeAlso: [ref(3261, '8.2.2.3'), ref(3261, '8.1.3.5')],
  }),
  sc(421, 'Extension Required', ref(3261, '21.4.16'), {
    meaning:
      'The UAS needs an extension to process the request, and the request did not list it in Supported. The response MUST list it in Require.',
    causes: ['The callee requires reliable provisional responses (100rel) or session timers, and the caller did not offer them.'],
    nextSteps: ['Enable the extension in the caller so it appears in Supported.'],
    relatedHeaders: ['Require', 'Supported'],
    behaviour: 'Final. The UAC may retry with the extension supported.',
  }),
  sc(422, 'Session Interval Too Small', ref(4028, '6'), {
    meaning:
      'The Session-Expires in the request is below the minimum the server accepts; Min-SE in the response gives that minimum.',
    causes: ['Session-Expires (or Min-SE) lower than the proxy\'s or callee\'s minimum; many carriers want 1800 s.'],
    nextSteps: ['The retry must carry Session-Expires at least the Min-SE of this response (UAs normally do it automatically).'],
    relatedHeaders: ['Min-SE', 'Session-Expires'],
    behaviour: 'Final. The UAC retries the request with a larger session interval.',
  }),
  sc(423, 'Interval Too Brief', ref(3261, '21.4.17'), {
    meaning:
      'The expiration time of the resource being refreshed (a registration, subscription or publication) is too short; Min-Expires in the response gives the minimum.',
    causes: ['REGISTER with an expiry below the registrar\'s minimum (short expiries are a common NAT keep-alive trick).'],
    nextSteps: ['Retry with Expires (and the Contact expires parameter) at least Min-Expires.'],
    relatedHeaders: ['Min-Expires', 'Expires', 'Contact'],
    behaviour: 'Final. The UAC may retry with a longer expiry.',
    seeAlso: [ref(3261, '10.2.8'), ref(3261, '10.3')],
  }),
  sc(424, 'Bad Location Information', ref(6442), {
    meaning: 'The location information in the request (Geolocation) was malformed or not satisfactory for the recipient.',
    causes: ['Emergency calls with a missing or malformed PIDF-LO location object.'],
    nextSteps: ['Check the Geolocation header and the location body; Geolocation-Error in the response says what was wrong.'],
    relatedHeaders: ['Geolocation', 'Geolocation-Error', 'Geolocation-Routing'],
    behaviour: FINAL_NO_RETRY,
  }),
  sc(425, 'Bad Alert Message', ref(8876), {
    meaning:
      'A non-interactive emergency call (a MESSAGE carrying a Common Alerting Protocol alert) was rejected because the alert could not be processed; the AlertMsg-Error header says why.',
    causes: ['Malformed or missing CAP payload, or not enough information to determine the purpose of the alert.'],
    nextSteps: ['Read AlertMsg-Error (its code parameter) and check the CAP body.'],
    relatedHeaders: ['AlertMsg-Error', 'Content-Type'],
    behaviour: FINAL_NO_RETRY,
  }),
  sc(428, 'Use Identity Header', ref(8224, '6.2.2'), {
    meaning: 'The verifier\'s policy requires an Identity header (STIR), and the request had none.',
    causes: ['STIR/SHAKEN: the terminating network requires signed calls and the originating side did not sign.'],
    nextSteps: ['Check that the originating provider signs calls (an Identity header on the INVITE).'],
    relatedHeaders: ['Identity'],
    behaviour: 'Final. The request may be retried with an Identity header.',
  }),
  sc(429, 'Provide Referrer Identity', ref(3892), {
    meaning: 'The REFER target requires a valid Referred-By token (a signed body), and the request did not provide one.',
    causes: ['Transfer to a server that requires authenticated referrals.'],
    nextSteps: ['Check the Referred-By header and whether the referrer can supply a signed token.'],
    relatedHeaders: ['Referred-By'],
    behaviour: FINAL_NO_RETRY,
  }),
  sc(430, 'Flow Failed', ref(5626), {
    meaning:
      'SIP Outbound: an edge proxy could not send the request over the flow (connection) that the registration named.',
    causes: ['The UA\'s TCP/TLS connection to its edge proxy dropped and has not been re-established.'],
    nextSteps: ['The proxy should drop that binding and try the UA\'s other flows; the UA re-registers when it notices.'],
    relatedHeaders: ['Path', 'Contact'],
    behaviour: 'Final for that flow; the proxy tries other flows of the same instance.',
  }),
  sc(433, 'Anonymity Disallowed', ref(5079), {
    meaning: 'The callee or its proxy refuses anonymous requests.',
    causes: ['The caller withheld its identity (From: Anonymous, Privacy: id or header).'],
    nextSteps: ['Send the call with the caller identity presented.'],
    relatedHeaders: ['Privacy', 'From', 'P-Asserted-Identity'],
    behaviour: FINAL_NO_RETRY,
  }),
  sc(436, 'Bad Identity Info', ref(8224, '6.2.2'), {
    meaning:
      'The verifier could not use the info parameter of the Identity header: the credential URI could not be dereferenced or its scheme is not supported.',
    causes: ['STIR/SHAKEN certificate URL (x5u) unreachable, returning an HTTP error, or timing out.'],
    nextSteps: ['Fetch the certificate URL from the Identity header and check it is reachable from the verifier.'],
    relatedHeaders: ['Identity'],
    behaviour: FINAL_NO_RETRY,
  }),
  sc(437, 'Unsupported Credential', ref(8224, '6.2.2'), {
    meaning:
      'The verifier could not validate the credential (certificate) the Identity header refers to: not issued by an authority it trusts, or of an unsupported type. (RFC 4474 called it "Unsupported Certificate"; RFC 8224 renamed it.)',
    causes: ['STIR/SHAKEN certificate from a CA missing from the terminating carrier\'s trust list; expired or revoked certificate.'],
    nextSteps: ['Check the certificate chain behind the Identity header\'s info URL.'],
    relatedHeaders: ['Identity'],
    behaviour: FINAL_NO_RETRY,
  }),
  sc(438, 'Invalid Identity Header', ref(8224, '6.2.2'), {
    meaning: 'The Identity header\'s signature did not verify against the request.',
    causes: [
      'An intermediary changed the From or To number format, or the Date, after signing.',
      'Wrong signing key, or a signature that is too old.',
    ],
    nextSteps: ['Compare the signed claims (orig, dest, iat) with From, To and Date as received.'],
    relatedHeaders: ['Identity', 'Date', 'From', 'To'],
    behaviour: FINAL_NO_RETRY,
  }),
  sc(439, 'First Hop Lacks Outbound Support', ref(5626), {
    meaning:
      'The registrar got a REGISTER using SIP Outbound (reg-id and +sip.instance), but the first-hop edge proxy did not show Outbound support (no ;ob in Path).',
    causes: ['The UA uses Outbound but its edge proxy does not support it.'],
    nextSteps: ['Register without reg-id, or enable Outbound on the edge proxy.'],
    relatedHeaders: ['Path', 'Contact', 'Supported'],
    behaviour: 'Final. The UA may register again without Outbound.',
  }),
  sc(440, 'Max-Breadth Exceeded', ref(5393), {
    meaning: 'Forking stopped because the request\'s Max-Breadth budget (limit on parallel branches) was used up.',
    causes: ['Heavy parallel forking, or a forking loop that multiplies requests.'],
    nextSteps: ['Check forking configuration and Max-Breadth.'],
    relatedHeaders: ['Max-Breadth'],
    behaviour: FINAL_NO_RETRY,
  }),
  sc(469, 'Bad Info Package', ref(6086), {
    meaning: 'An INFO named an Info-Package that the receiver has not said it will accept (in Recv-Info).',
    causes: ['DTMF or other INFO packages used without being negotiated in the INVITE dialog.'],
    nextSteps: ['Compare Info-Package of the INFO with the peer\'s Recv-Info.'],
    relatedHeaders: ['Info-Package', 'Recv-Info'],
    behaviour: 'Final for that INFO only; the dialog itself is not affected.',
  }),
  sc(470, 'Consent Needed', ref(5360), {
    meaning:
      'The request went to a relay (e.g. a URI-list server) that needs the target\'s consent first; Permission-Missing lists the URIs without permission.',
    causes: ['Sending through a URI-list service to recipients that have not granted permission.'],
    nextSteps: ['Obtain permission (the consent framework\'s MESSAGE/permission documents) and retry.'],
    relatedHeaders: ['Permission-Missing'],
    behaviour: FINAL_NO_RETRY,
  }),
  sc(480, 'Temporarily Unavailable', ref(3261, '21.4.18'), {
    meaning:
      'The callee\'s end system was contacted successfully but the callee is currently unavailable (not logged in, do-not-disturb...). Retry-After may say when to try again.',
    causes: [
      'The user is not registered: the registrar has no Contact binding. The most common cause from PBXs.',
      'Do-not-disturb enabled.',
      'Some PBXs send 480 after a no-answer timeout.',
      'ISUP causes 18, 19, 20 and 31 map to 480 (RFC 3398).',
    ],
    nextSteps: ['Check whether the callee is registered (a REGISTER answered 200 and not yet expired), and its DND or forwarding settings.'],
    relatedHeaders: ['Retry-After'],
    behaviour: 'Final. A forking proxy keeps trying other branches.',
  }),
  sc(481, 'Call/Transaction Does Not Exist', ref(3261, '21.4.19'), {
    meaning: 'The UAS received a request that matches no existing dialog or transaction.',
    causes: [
      'BYE or re-INVITE after the other side already ended the dialog (crossing BYEs, timeouts).',
      'Dialog identifiers changed in transit: Call-ID, From tag or To tag rewritten by a B2BUA or SIP ALG.',
      'CANCEL that does not match the INVITE (different branch or Request-URI, or sent to another hop).',
      'NOTIFY for a subscription that already expired.',
    ],
    nextSteps: ['Compare Call-ID, From tag and To tag (for CANCEL: the Via branch) with the original dialog or request.'],
    relatedHeaders: [],
    behaviour: 'Final. A 481 to a request inside a dialog means the dialog is gone: the UAC SHOULD terminate it.',
    seeAlso: [ref(3261, '12.2.1.2'), ref(3261, '9.2')],
  }),
  sc(482, 'Loop Detected', ref(3261, '21.4.20'), {
    meaning:
      'The server detected a loop: the request came back to it. At a UAS it also answers a merged request, the same request arriving twice by different paths.',
    causes: [
      'Routing loop between proxies or SBCs (A routes to B, B routes back to A).',
      'Forking where two branches reach the same UA (merged request, RFC 3261 8.2.2.2).',
    ],
    nextSteps: ['Look at the Via headers: the same host appearing twice shows the loop. Fix the routes.'],
    relatedHeaders: ['Via', 'Max-Forwards'],
    behaviour: FINAL_NO_RETRY,
    seeAlso: [ref(3261, '8.2.2.2'), ref(3261, '16.3'), ref(5393)],
  }),
  sc(483, 'Too Many Hops', ref(3261, '21.4.21'), {
    meaning: 'The request reached a server with Max-Forwards at 0.',
    causes: ['A routing loop that ends only when Max-Forwards runs out.', 'An initial Max-Forwards set too low (70 is recommended).'],
    nextSteps: ['Count the Via headers and look for repeated hosts.'],
    relatedHeaders: ['Max-Forwards', 'Via'],
    behaviour: FINAL_NO_RETRY,
  }),
  sc(484, 'Address Incomplete', ref(3261, '21.4.22'), {
    meaning: 'The Request-URI is incomplete: the server wants more digits (overlap dialling).',
    causes: ['The phone\'s digit map sent the call before the whole number was dialled (ISUP cause 28).'],
    nextSteps: ['Check the dialled number\'s length and the phone\'s digit map or dial timeout.'],
    relatedHeaders: [],
    behaviour: 'Final. With overlap dialling the UAC sends a new request with more digits.',
  }),
  sc(485, 'Ambiguous', ref(3261, '21.4.23'), {
    meaning: 'The Request-URI is ambiguous; the response may list candidate addresses in Contact.',
    causes: ['A partial name or number matched several users.'],
    nextSteps: ['Check the Contact list for candidates.'],
    relatedHeaders: ['Contact'],
    behaviour: FINAL_NO_RETRY,
  }),
  sc(486, 'Busy Here', ref(3261, '21.4.24'), {
    meaning:
      'The callee\'s end system was contacted but cannot take another call at this end system. Other locations may still be tried (unlike 600). Retry-After may say when.',
    causes: [
      'The callee is on another call without call waiting, or pressed "busy".',
      'A trunk or PBX channel or call limit is reached (some providers answer 486 instead of 503).',
      'ISUP cause 17 (user busy) from the PSTN.',
    ],
    nextSteps: ['If the callee was not actually busy, check concurrent call limits on trunks and the PBX.'],
    relatedHeaders: ['Retry-After'],
    behaviour: 'Final. A forking proxy keeps trying other branches; the caller hears busy tone.',
  }),
  sc(487, 'Request Terminated', ref(3261, '21.4.25'), {
    meaning:
      'The request was terminated by a BYE or CANCEL. It answers an INVITE that a CANCEL cancelled (RFC 3261 9.2), or a request still pending in a dialog when a BYE ended that dialog (RFC 3261 15.1.2). It is never the response to the CANCEL itself, which gets its own 200.',
    causes: [
      'The caller hung up while it was ringing (CANCEL): normal.',
      'Forking: the other branches are cancelled once one answers.',
      'A BYE arrived while a re-INVITE or UPDATE was still pending.',
    ],
    nextSteps: [
      'Usually normal. If unexpected, find the CANCEL (same Call-ID and Via branch) or BYE, and its Reason header (e.g. `Reason: SIP;cause=200;text="Call completed elsewhere"`).',
    ],
    relatedHeaders: ['Reason'],
    behaviour: 'Final. The INVITE must still be ACKed; the ACK belongs to the INVITE transaction.',
    seeAlso: [ref(3261, '9.2'), ref(3261, '15.1.2'), ref(3326)],
  }),
  sc(488, 'Not Acceptable Here', ref(3261, '21.4.26'), {
    meaning:
      'The session description in the request could not be accepted at this endpoint: media type, codec, transport or other parameters. A Warning header should say why.',
    causes: [
      'No common codec: compare the offer\'s m= lines and a=rtpmap with what the callee allows.',
      'RTP/AVP vs RTP/SAVP(F): SRTP required or refused; missing a=crypto or DTLS fingerprint.',
      'T.38 fax re-INVITE to a device without T.38.',
      'A video or extra m= line the device refuses.',
    ],
    nextSteps: [
      'Look at the SDP m= lines (media, protocol, payload types) and the a=rtpmap lines; read Warning (codes 304, 305, 306...).',
    ],
    relatedHeaders: ['Warning', 'Accept', 'Content-Type'],
    behaviour:
      'Final for this endpoint (a forking proxy tries others); 606 is the global variant. A re-INVITE answered 488 leaves the existing session unchanged.',
    seeAlso: [ref(3264)],
  }),
  sc(489, 'Bad Event', ref(6665), {
    meaning: 'The server did not understand the event package named in the Event header.',
    causes: [
      'SUBSCRIBE for presence, dialog (BLF) or message-summary to a server without that package.',
      'A typo in Event.',
    ],
    nextSteps: ['Compare Event with the server\'s Allow-Events (ask with OPTIONS).'],
    relatedHeaders: ['Event', 'Allow-Events'],
    behaviour: FINAL_NO_RETRY,
  }),
  sc(491, 'Request Pending', ref(3261, '21.4.27'), {
    meaning:
      'The UAS received a request in a dialog while its own request in that dialog was still pending ("glare"), e.g. two re-INVITEs crossing.',
    causes: ['Both sides sent a re-INVITE or UPDATE at the same time (hold/resume, codec change, session refresh).'],
    nextSteps: [
      'Normal if a retry follows: the UAC waits a random time, 2.1-4 s if it generated the Call-ID, 0-2 s otherwise, then retries.',
    ],
    relatedHeaders: [],
    behaviour: 'Final. The UAC retries after the random back-off of RFC 3261 14.1.',
    seeAlso: [ref(3261, '14.1'), ref(3311)],
  }),
  sc(493, 'Undecipherable', ref(3261, '21.4.28'), {
    meaning: 'The request carried an encrypted S/MIME body for which the UAS has no (usable) key.',
    causes: ['S/MIME encryption with a certificate the recipient cannot use. Rare.'],
    nextSteps: ['Check the S/MIME body and certificates.'],
    relatedHeaders: ['Content-Type'],
    behaviour: FINAL_NO_RETRY,
  }),
  sc(494, 'Security Agreement Required', ref(3329), {
    meaning:
      'The server requires a security mechanism agreement (e.g. IMS "ipsec-3gpp" or TLS); the mechanisms it supports are listed in Security-Server.',
    causes: ['IMS P-CSCF requiring sec-agree on REGISTER.'],
    nextSteps: ['The UA picks a mechanism and retries with Security-Verify echoing Security-Server.'],
    relatedHeaders: ['Security-Server', 'Security-Client', 'Security-Verify', 'Require', 'Proxy-Require'],
    behaviour: 'Final. The UA retries after setting up the agreed mechanism.',
  }),

  // ---- 5xx Server Failure ----------------------------------------------------
  sc(500, 'Server Internal Error', ref(3261, '21.5.1'), {
    meaning:
      'The server met an unexpected condition. Retry-After may say when to retry if the condition is temporary.',
    causes: [
      'Software fault in the server or B2BUA; back-end failure (routing database, billing).',
      'ISUP causes 111 and 127 map to 500 (RFC 3398).',
      'A proxy that received 503 from downstream normally sends 500 upstream (RFC 3261 16.7).',
    ],
    nextSteps: ['Check the server\'s logs at this time; the reason phrase, Warning or Reason may carry details.'],
    relatedHeaders: ['Retry-After'],
    behaviour: 'Final. The client may retry after Retry-After, if given.',
    seeAlso: [ref(3261, '16.7')],
  }),
  sc(501, 'Not Implemented', ref(3261, '21.5.2'), {
    meaning:
      'The server does not support the functionality needed, typically an unknown method. (405 is for a known method not allowed for that resource.)',
    causes: ['A method (PUBLISH, UPDATE, MESSAGE, REFER...) the device does not implement.'],
    nextSteps: ['Check the peer\'s Allow header (e.g. from an OPTIONS response).'],
    relatedHeaders: ['Allow'],
    behaviour: FINAL_NO_RETRY,
  }),
  sc(502, 'Bad Gateway', ref(3261, '21.5.3'), {
    meaning: 'The server, acting as a gateway or proxy, received an invalid response from a downstream server.',
    causes: ['A downstream server returned an unparsable response.', 'PSTN side: ISUP cause 27 (destination out of order) maps to 502 (RFC 3398).'],
    nextSteps: ['Look at the downstream leg of the call, if it is in the trace.'],
    relatedHeaders: [],
    behaviour: 'Final.',
  }),
  sc(503, 'Service Unavailable', ref(3261, '21.5.4'), {
    meaning:
      'The server is temporarily overloaded or down for maintenance. Retry-After may say when to retry; without it, the client acts as for 500.',
    causes: [
      'Overload, or no free channels or licences (ISUP causes 34, 38, 41, 42, 47 map to 503, RFC 3398).',
      'No route: the SBC or PBX has no working trunk or gateway for the destination.',
      'Server in maintenance or still starting.',
      'Some proxies send 503 when DNS resolution of the next hop fails.',
    ],
    nextSteps: ['Check Retry-After and Reason; check trunk or gateway status and capacity.'],
    relatedHeaders: ['Retry-After'],
    behaviour:
      'Final. The client (proxy or UAC) SHOULD try an alternate server (the next DNS SRV/A record, RFC 3263 section 4.3) and avoid this one for the Retry-After time. A proxy receiving 503 normally sends 500 upstream rather than forwarding it.',
    seeAlso: [ref(3263, '4.3'), ref(3261, '16.7')],
  }),
  sc(504, 'Server Time-out', ref(3261, '21.5.5'), {
    meaning: 'The server did not get a timely response from an external server it needed (a location server, the next hop...).',
    causes: ['Downstream timeout (ISUP cause 102 "recovery on timer expiry" maps to 504).', 'DNS or database lookup timeout.'],
    nextSteps: ['Look at the downstream leg, or the server\'s lookups, at this time.'],
    relatedHeaders: [],
    behaviour: 'Final.',
  }),
  sc(505, 'Version Not Supported', ref(3261, '21.5.6'), {
    meaning: 'The server does not support the SIP protocol version in the request.',
    causes: ['A request line that does not end in exactly "SIP/2.0" (typo, mangled message).'],
    nextSteps: ['Check the request line.'],
    relatedHeaders: [],
    behaviour: FINAL_NO_RETRY,
  }),
  sc(513, 'Message Too Large', ref(3261, '21.5.7'), {
    meaning: 'The message is larger than the server can process.',
    causes: ['A large request over UDP: above 1300 bytes (or close to the path MTU) RFC 3261 18.1.1 requires TCP.'],
    nextSteps: ['Use TCP, or trim headers and SDP.'],
    relatedHeaders: [],
    behaviour: 'Final. Retry over a stream transport or with a smaller message.',
    seeAlso: [ref(3261, '18.1.1')],
  }),
  sc(555, 'Push Notification Service Not Supported', ref(8599), {
    meaning: 'The proxy does not support the push notification service the UA named in its REGISTER (pn-provider).',
    causes: ['A mobile softphone registering with push parameters to a proxy without that push service.'],
    nextSteps: ['Check the pn-provider parameter of the REGISTER\'s Contact.'],
    relatedHeaders: ['Contact', 'Feature-Caps'],
    behaviour: 'Final. The UA may register without push parameters.',
  }),
  sc(580, 'Precondition Failure', ref(3312), {
    meaning: 'The session could not be set up because required preconditions (typically QoS resource reservation) could not be met.',
    causes: ['IMS/VoLTE: bearer or QoS reservation failed; a=des and a=curr that never match.'],
    nextSteps: ['Look at the precondition attributes (a=curr, a=des, a=conf) in the SDP exchange.'],
    relatedHeaders: ['Require', 'Supported', 'Content-Type'],
    behaviour: 'Final.',
  }),

  // ---- 6xx Global Failure ----------------------------------------------------
  sc(600, 'Busy Everywhere', ref(3261, '21.6.1'), {
    meaning: 'The callee was contacted and is busy, and knows that no other end system will take the call.',
    causes: ['A device or service configured to answer busy globally, stopping all forking.'],
    nextSteps: ['Retry-After may say when the callee is free.'],
    relatedHeaders: ['Retry-After'],
    behaviour: 'Final, global: a proxy cancels all other branches and tries no further locations.',
    seeAlso: [ref(3261, '16.7')],
  }),
  sc(603, 'Decline', ref(3261, '21.6.2'), {
    meaning:
      'The callee\'s machine was contacted, but the user explicitly does not wish to, or cannot, take part. Retry-After may say when to call back.',
    causes: ['The user pressed reject.', 'Call-blocking or do-not-disturb rules.', 'ISUP cause 21 (call rejected) from the PSTN.'],
    nextSteps: ['Usually a user decision; check call-blocking rules if unexpected.'],
    relatedHeaders: ['Retry-After'],
    behaviour: 'Final, global: a proxy cancels all other branches.',
    seeAlso: [ref(3261, '16.7')],
  }),
  sc(604, 'Does Not Exist Anywhere', ref(3261, '21.6.3'), {
    meaning: 'The server has authoritative information that the user in the Request-URI does not exist anywhere.',
    causes: ['Unallocated number, from a server that knows it is authoritative.'],
    nextSteps: ['Check the destination number.'],
    relatedHeaders: [],
    behaviour: 'Final, global: a proxy cancels all other branches.',
  }),
  sc(606, 'Not Acceptable', ref(3261, '21.6.4'), {
    meaning:
      'The user\'s agent was contacted, but some aspect of the session description (media, bandwidth, addressing) is not acceptable anywhere. Warning may list the reasons.',
    causes: ['The same codec and media mismatches as 488, from a device that answers globally.'],
    nextSteps: ['Compare the offered m= lines and codecs with what the callee supports; read Warning.'],
    relatedHeaders: ['Warning'],
    behaviour: 'Final, global: a proxy cancels all other branches.',
  }),
  sc(607, 'Unwanted', ref(8197), {
    meaning: 'The called party does not want this call and marked it as unwanted (spam, robocall). Networks may feed this into call analytics.',
    causes: ['The user pressed a "report spam" or block button.'],
    nextSteps: ['Calls from this caller may be blocked in the future.'],
    relatedHeaders: [],
    behaviour: 'Final, global.',
  }),
  sc(608, 'Rejected', ref(8688), {
    meaning:
      'An intermediary, not the user, rejected the call, typically a call-analytics or anti-robocall engine. A Call-Info header with a jCard may say who rejected it and how to contest.',
    causes: ['Carrier robocall blocking.'],
    nextSteps: ['Look at Call-Info (purpose=jwscard) for the contact to dispute the block.'],
    relatedHeaders: ['Call-Info'],
    behaviour: 'Final, global.',
  }),
];

/** Registered codes, keyed by code. */
export const STATUS_CODES: ReadonlyMap<number, StatusCodeInfo> = new Map(ENTRIES.map((e) => [e.code, e] as const));

/** The codes in the IANA registry, ascending. */
export const REGISTERED_STATUS_CODES: readonly number[] = ENTRIES.map((e) => e.code).sort((a, b) => a - b);

export function lookupStatusCode(code: number): StatusCodeInfo | undefined {
  return STATUS_CODES.get(code);
}

export function isRegisteredStatusCode(code: number): boolean {
  return STATUS_CODES.has(code);
}

/** A code people meet in traces that is NOT in the registry, and where it comes from. */
export interface UnregisteredCodeInfo {
  readonly code: number;
  /** The reason phrase it usually comes with. */
  readonly phrase: string;
  /** Where it comes from. */
  readonly origin: string;
  readonly refs: readonly RfcRef[];
}

export const UNREGISTERED_CODES: ReadonlyMap<number, UnregisteredCodeInfo> = new Map(
  (
    [
      {
        code: 409,
        phrase: 'Conflict',
        origin:
          'HTTP, and RFC 2543 (the original SIP/2.0 specification, obsoleted by RFC 3261). RFC 3261 does not define it and it is not in the SIP registry.',
        refs: [ref(2543), ref(9110, '15.5.10')],
      },
      {
        code: 411,
        phrase: 'Length Required',
        origin:
          'HTTP, and RFC 2543 (obsoleted by RFC 3261). RFC 3261 does not define it and it is not in the SIP registry.',
        refs: [ref(2543), ref(9110, '15.5.12')],
      },
      {
        code: 426,
        phrase: 'Upgrade Required',
        origin: 'HTTP only (a request to switch protocols). Not a SIP response code.',
        refs: [ref(9110, '15.5.22')],
      },
      {
        code: 471,
        phrase: '',
        origin: 'No RFC defines it for SIP; it shows up in some unofficial code lists. Check the sending product\'s documentation.',
        refs: [],
      },
      {
        code: 477,
        phrase: 'Unfortunately error on sending to next hop occurred',
        origin:
          'Local error of the SIP Express Router family (SER, Kamailio, OpenSIPS): the proxy could not send the request to the next hop (connection refused, network unreachable).',
        refs: [],
      },
      {
        code: 478,
        phrase: 'Unresolvable destination',
        origin: 'Local error of the SIP Express Router family (SER, Kamailio, OpenSIPS): DNS resolution of the next hop failed.',
        refs: [],
      },
      {
        code: 479,
        phrase: 'Please don\'t use private IP addresses',
        origin: 'Local error of the SIP Express Router family (SER, Kamailio, OpenSIPS): the next hop is a private address the proxy will not route to.',
        refs: [],
      },
    ] satisfies UnregisteredCodeInfo[]
  ).map((e) => [e.code, e] as const),
);

/** What a lookup of any number says: registered, known-but-unregistered, unregistered in a valid class, or invalid. */
export type StatusDescription =
  | { readonly kind: 'registered'; readonly info: StatusCodeInfo; readonly cls: StatusClassInfo }
  | {
      readonly kind: 'unregistered';
      readonly code: number;
      readonly cls: StatusClassInfo;
      /** Set for codes people meet that come from elsewhere (409, 411, 426, ...). */
      readonly known?: UnregisteredCodeInfo;
      /** The code an RFC 3261 UAC treats it as (x00, or 183 for 1xx). */
      readonly treatedAs: number;
      readonly explanation: string;
    }
  | { readonly kind: 'invalid'; readonly code: number; readonly explanation: string };

/** Describe any status code as written in a trace. */
export function describeStatusCode(code: number): StatusDescription {
  const cls = statusClassOf(code);
  if (cls === undefined) {
    return {
      kind: 'invalid',
      code,
      explanation:
        'Not a SIP status code: a status code is three digits from 100 to 699, and its first digit gives the class (RFC 3261 section 7.2).',
    };
  }
  const info = STATUS_CODES.get(code);
  if (info !== undefined) return { kind: 'registered', info, cls };
  const treatedAs = cls.unknownTreatedAs;
  const treatedAsText = `${treatedAs} ${STATUS_CODES.get(treatedAs)?.reason ?? ''}`.trim();
  const explanation =
    cls.digit === 1
      ? `${code} is not a registered SIP response code. An RFC 3261 UAC treats an unrecognised provisional response (other than 100) as ${treatedAsText} (RFC 3261 section 8.1.3.2).`
      : `${code} is not a registered SIP response code. An RFC 3261 UAC treats an unrecognised final response like ${treatedAsText}, the x00 code of its class (RFC 3261 section 8.1.3.2).`;
  const known = UNREGISTERED_CODES.get(code);
  return known === undefined
    ? { kind: 'unregistered', code, cls, treatedAs, explanation }
    : { kind: 'unregistered', code, cls, known, treatedAs, explanation };
}

/**
 * True when a reason phrase as written differs in wording from the registered
 * one. Case, spacing, hyphens and punctuation are ignored, so `Request Time-out`
 * and `request timeout` count as the official phrase; `Busy - no lines` does not.
 */
export function reasonPhraseDiffers(code: number, written: string): boolean {
  const info = STATUS_CODES.get(code);
  if (info === undefined) return false;
  const norm = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  return norm(written) !== norm(info.reason);
}
