/**
 * The 14 SIP methods in the IANA "Methods and Response Codes" registry: what
 * each is for, where it is defined, and what is unusual about it.
 */
import { ref, type RfcRef } from './rfcRef';

export interface MethodInfo {
  /** Upper-case method token (`INVITE`). Methods are case-sensitive (RFC 3261 section 7.1). */
  readonly name: string;
  readonly purpose: string;
  readonly ref: RfcRef;
  readonly seeAlso: readonly RfcRef[];
  /** What is unusual: transaction rules, responses, dialog use. */
  readonly notes: readonly string[];
  /** Whether the request creates a dialog (INVITE, SUBSCRIBE, REFER outside a dialog). */
  readonly createsDialog: boolean;
  /** Whether it is only valid inside an existing dialog. */
  readonly inDialogOnly: boolean;
}

function m(
  name: string,
  cite: RfcRef,
  purpose: string,
  notes: readonly string[],
  flags: { createsDialog?: boolean; inDialogOnly?: boolean; seeAlso?: readonly RfcRef[] } = {},
): MethodInfo {
  return {
    name,
    purpose,
    ref: cite,
    seeAlso: flags.seeAlso ?? [],
    notes,
    createsDialog: flags.createsDialog ?? false,
    inDialogOnly: flags.inDialogOnly ?? false,
  };
}

const ENTRIES: readonly MethodInfo[] = [
  m(
    'INVITE',
    ref(3261, '13'),
    'Starts a session (a call) and carries the SDP offer; inside a dialog (re-INVITE) it modifies the session: hold, resume, codec change, session refresh.',
    [
      'The only method with a three-way handshake: INVITE, final response, ACK.',
      'Provisional responses (180, 183) with a To tag create early dialogs; a 2xx confirms the dialog.',
      'Over UDP it is retransmitted (Timer A) until a provisional response arrives; with no response at all it times out after 32 s (Timer B).',
      'Two re-INVITEs crossing get 491 Request Pending, and each side retries after a random delay.',
      'Contact is mandatory: it is where the other side sends in-dialog requests.',
    ],
    { createsDialog: true, seeAlso: [ref(3261, '14'), ref(3261, '17.1.1'), ref(3264)] },
  ),
  m(
    'ACK',
    ref(3261, '17.1.1.3'),
    'Confirms that the caller received a final response to an INVITE.',
    [
      'ACK never gets a response.',
      'ACK for a non-2xx final response is part of the INVITE transaction: hop-by-hop, same Via branch as the INVITE, sent by the transaction layer.',
      'ACK for a 2xx is end-to-end and a transaction of its own: new branch, sent to the Contact of the 2xx along the route set, CSeq number equal to the INVITE\'s.',
      'A missing ACK for a 2xx makes the callee retransmit the 2xx for 32 s and then usually hang up.',
      'It may carry the SDP answer when the INVITE had no offer.',
    ],
    { seeAlso: [ref(3261, '13.2.2.4')] },
  ),
  m(
    'BYE',
    ref(3261, '15.1'),
    'Ends a dialog and its session (hang-up).',
    [
      'Only valid inside a dialog; the callee must not send BYE before it has received the ACK for its 2xx.',
      'Requests still pending in the dialog are answered 487 Request Terminated (RFC 3261 15.1.2).',
      'A BYE answered 481 or 408 still ends the dialog on the sending side.',
    ],
    { inDialogOnly: true },
  ),
  m(
    'CANCEL',
    ref(3261, '9'),
    'Cancels a pending request, in practice an INVITE that has not yet received a final response.',
    [
      'Matches the INVITE by the top Via branch: same Request-URI, Call-ID, From, To and CSeq number (method CANCEL), and a single Via equal to the INVITE\'s top Via.',
      'Hop-by-hop: each proxy answers the CANCEL itself and cancels its own branches.',
      'The CANCEL gets its own 200 OK; the INVITE is then answered 487 Request Terminated (and that 487 is ACKed).',
      'Must not be sent before a provisional response to the INVITE arrived; has no effect once a final response was sent.',
      'A Reason header often says why (e.g. "Call completed elsewhere" when another fork answered).',
    ],
    { seeAlso: [ref(3261, '16.10'), ref(3326)] },
  ),
  m(
    'REGISTER',
    ref(3261, '10'),
    'Binds an address-of-record (To) to contact addresses (Contact) at a registrar, so that calls for the user reach the device.',
    [
      'Request-URI is the registrar\'s domain, without a user part; To is the address-of-record being registered.',
      'Contact expires (or Expires) gives the binding lifetime; 0 removes it; "Contact: *" with Expires: 0 removes all bindings.',
      'A UA should keep the same Call-ID and increase CSeq across refreshes.',
      'The 200 lists every current binding of the AOR, with the lifetime granted.',
      'Creates no dialog; the registration dies silently when it expires without refresh.',
    ],
    { seeAlso: [ref(3261, '10.2'), ref(3261, '10.3')] },
  ),
  m(
    'OPTIONS',
    ref(3261, '11'),
    'Asks a UA or server for its capabilities (Allow, Accept, Supported) without ringing it.',
    [
      'Widely used as a keep-alive "ping" between SBCs, trunks and proxies: no answer marks the peer down.',
      'The response code is the one an INVITE would get: 200 if ready to take a call, 486 if busy (RFC 3261 11.2).',
    ],
  ),
  m(
    'PRACK',
    ref(3262, '6'),
    'Acknowledges a reliable provisional response (a 1xx sent with Require: 100rel and an RSeq).',
    [
      'Carries RAck: the RSeq of the provisional response, plus the CSeq number and method of the INVITE.',
      'A transaction of its own inside the early dialog, answered with its own 200.',
      'Until the PRACK arrives, the UAS retransmits the reliable 1xx; unacknowledged for 32 s, the INVITE is rejected with a 5xx.',
      'May carry an SDP offer or answer.',
    ],
    { inDialogOnly: true },
  ),
  m(
    'SUBSCRIBE',
    ref(6665, '3.1'),
    'Requests notifications of an event package (Event: presence, dialog, message-summary, reg, refer...).',
    [
      'Creates a subscription dialog; Expires sets its duration and Expires: 0 ends it (or fetches state once).',
      'The notifier sends a NOTIFY immediately, which may arrive before the 200.',
      'Refreshed by re-SUBSCRIBE inside the dialog before it expires.',
      '202 Accepted is deprecated for SUBSCRIBE by RFC 6665: notifiers answer 200.',
    ],
    { createsDialog: true },
  ),
  m(
    'NOTIFY',
    ref(6665, '3.2'),
    'Reports the state of a subscription (event package in Event, state in Subscription-State, details in the body).',
    [
      'Subscription-State: active, pending or terminated (with a reason such as timeout, rejected, noresource).',
      'Sent inside the subscription dialog; the first NOTIFY can arrive before the 200 to SUBSCRIBE.',
      'For REFER, NOTIFYs with Event: refer carry the transfer\'s progress as message/sipfrag (e.g. "SIP/2.0 200 OK").',
      'Answering 481 tells the notifier the subscription is gone.',
    ],
    { inDialogOnly: true },
  ),
  m(
    'PUBLISH',
    ref(3903),
    'Publishes event state (e.g. presence) to a state agent, which then notifies subscribers.',
    [
      'The 200 carries SIP-ETag; refreshes and modifications quote it in SIP-If-Match.',
      'An unknown entity-tag gets 412 Conditional Request Failed: start over with a full PUBLISH.',
      'Creates no dialog; Expires: 0 removes the publication.',
    ],
  ),
  m(
    'INFO',
    ref(6086),
    'Carries application information inside an INVITE dialog without changing the session (DTMF, fax or video control, ISUP).',
    [
      'Only valid inside an INVITE dialog (early or confirmed).',
      'RFC 6086 Info Packages: the receiver announces Recv-Info; each INFO names an Info-Package. Legacy INFO (e.g. application/dtmf-relay) has none.',
      'A 469 Bad Info Package does not affect the call.',
    ],
    { inDialogOnly: true },
  ),
  m(
    'REFER',
    ref(3515, '2'),
    'Asks the recipient to contact a third party (Refer-To): the basis of call transfer.',
    [
      'Creates an implicit subscription to the "refer" event: the recipient reports progress in NOTIFYs with message/sipfrag bodies.',
      'Refer-Sub: false (RFC 4488) asks for no implicit subscription, so no NOTIFYs.',
      'Refer-To may embed a Replaces header for attended transfer (RFC 3891).',
      'Usually answered 202 Accepted in real traces; RFC 7647 aligns REFER with RFC 6665, so 200 is also valid.',
    ],
    { createsDialog: true, seeAlso: [ref(4488), ref(3891), ref(7647)] },
  ),
  m(
    'MESSAGE',
    ref(3428),
    'Carries an instant message (pager mode): the body is the message.',
    [
      'Creates no dialog; each MESSAGE stands alone.',
      'A 200 means the message was delivered to a UA (or accepted by a relay), not that a person read it.',
      'Used for SMS over IMS (application/vnd.3gpp.sms) and for non-interactive emergency alerts (RFC 8876).',
    ],
  ),
  m(
    'UPDATE',
    ref(3311),
    'Updates session parameters (SDP offer/answer) of a dialog, including an early dialog, before the INVITE is answered.',
    [
      'Its own transaction: no ACK, answered with a 200 that carries the SDP answer.',
      'Used for precondition/QoS updates (RFC 3312) and session-timer refreshes (RFC 4028) without a re-INVITE.',
      'Crossing UPDATEs or re-INVITEs get 491 Request Pending.',
    ],
    { inDialogOnly: true, seeAlso: [ref(3312), ref(4028)] },
  ),
];

export const METHODS: ReadonlyMap<string, MethodInfo> = new Map(ENTRIES.map((e) => [e.name, e] as const));

/** The 14 registered method names. */
export const METHOD_NAMES: readonly string[] = ENTRIES.map((e) => e.name);

/** Look up a method by name. SIP methods are case-sensitive, but a lower-case name is accepted for lookups. */
export function lookupMethod(name: string): MethodInfo | undefined {
  return METHODS.get(name) ?? METHODS.get(name.toUpperCase());
}
