/**
 * ITU-T Q.850 cause values (ISDN/ISUP release causes), as met in SIP traces in
 * `Reason: Q.850;cause=16` (RFC 3326, and in responses RFC 6432) and in
 * gateway logs. Every cause value Q.850 defines (with Amendment 1) is listed;
 * values not listed are unassigned.
 *
 * `sip` is the response an ISUP-to-SIP gateway sends for the cause, per the
 * mapping table of RFC 3398; absent where that table gives none.
 */
import { ref, type RfcRef } from './rfcRef';

export interface Q850Cause {
  readonly cause: number;
  readonly name: string;
  readonly meaning: string;
  /** SIP response per the RFC 3398 mapping, where it gives one. */
  readonly sip?: number;
  /** Remark on the mapping. */
  readonly sipNote?: string;
}

/** Q.850 cause classes: the top three bits of the 7-bit cause value. */
export const Q850_CLASSES: readonly string[] = [
  'Normal event',
  'Normal event',
  'Resource unavailable',
  'Service or option not available',
  'Service or option not implemented',
  'Invalid message (e.g. parameter out of range)',
  'Protocol error (e.g. unknown message)',
  'Interworking',
];

export const Q850_MAPPING_REF: RfcRef = ref(3398);
export const Q850_REASON_REFS: readonly RfcRef[] = [ref(3326, '2'), ref(6432)];

function c(cause: number, name: string, meaning: string, sip?: number, sipNote?: string): Q850Cause {
  return {
    cause,
    name,
    meaning,
    ...(sip === undefined ? {} : { sip }),
    ...(sipNote === undefined ? {} : { sipNote }),
  };
}

const ENTRIES: readonly Q850Cause[] = [
  c(1, 'Unallocated (unassigned) number', 'The called number is not assigned to anyone.', 404),
  c(2, 'No route to specified transit network', 'The network cannot reach the requested transit network.', 404),
  c(3, 'No route to destination', 'The called party cannot be reached through the network the call was routed to.', 404),
  c(4, 'Send special information tone', 'The called party cannot be reached; a special information tone should be played.'),
  c(5, 'Misdialled trunk prefix', 'A trunk prefix was dialled where it should not have been.'),
  c(6, 'Channel unacceptable', 'The channel most recently identified is not acceptable to the sender.'),
  c(7, 'Call awarded and being delivered in an established channel', 'The call is being connected on a channel already set up for similar calls.'),
  c(8, 'Preemption', 'The call is being pre-empted (priority calling).'),
  c(9, 'Preemption - circuit reserved for reuse', 'The call is pre-empted and the circuit is kept for the pre-empting exchange.'),
  c(14, 'QoR: ported number', 'Query on release: the number has been ported; re-route using number portability data.'),
  c(16, 'Normal call clearing', 'One of the parties hung up. The normal end of an answered call.', undefined, 'Usually results in a BYE or CANCEL rather than an error response.'),
  c(17, 'User busy', 'The called party cannot take another call.', 486),
  c(18, 'No user responding', 'The called party did not respond in time to the call set-up (no alerting or connect).', 408),
  c(19, 'No answer from user (user alerted)', 'The called party was alerted but did not answer in time.', 480),
  c(20, 'Subscriber absent', 'The mobile subscriber is not reachable (logged off, out of coverage).', 480),
  c(21, 'Call rejected', 'The called party rejected the call, though it could have accepted it.', 403, 'A 6xx (603) may be used instead when the cause location is the user.'),
  c(22, 'Number changed', 'The called number is no longer assigned; the new number may be in the diagnostic field.', 410, '301 Moved Permanently when the diagnostic carries the new number.'),
  c(23, 'Redirection to new destination', 'The call is redirected to a different destination.', 410),
  c(24, 'Call rejected due to feature at the destination', 'The call was rejected by a supplementary service at the destination (e.g. anonymous call rejection).'),
  c(25, 'Exchange routing error', 'The destination cannot be reached because an intermediate exchange released the call (e.g. hop counter exceeded).'),
  c(26, 'Non-selected user clearing', 'The called user was alerted but the call was answered by another user (or another device).', 404, 'RFC 3398 gives 404 (an ANSI procedure); in practice it means "answered elsewhere".'),
  c(27, 'Destination out of order', 'The destination\'s interface is not working (signalling to it failed).', 502),
  c(28, 'Invalid number format (address incomplete)', 'The called number is not in a valid format or is incomplete.', 484),
  c(29, 'Facility rejected', 'A supplementary service requested by the user cannot be provided.', 501),
  c(30, 'Response to STATUS ENQUIRY', 'Sent in reply to a STATUS ENQUIRY message.'),
  c(31, 'Normal, unspecified', 'A normal event not covered by another normal cause.', 480),
  c(34, 'No circuit/channel available', 'No appropriate circuit or channel is available to handle the call.', 503),
  c(38, 'Network out of order', 'The network is not working correctly, and will not be for a relatively long time.', 503),
  c(39, 'Permanent frame mode connection out of service', 'A permanent frame mode connection is out of service.'),
  c(40, 'Permanent frame mode connection operational', 'A permanent frame mode connection is operational again.'),
  c(41, 'Temporary failure', 'The network is not working correctly, but probably only briefly; an immediate retry may succeed.', 503),
  c(42, 'Switching equipment congestion', 'The switching equipment is overloaded.', 503),
  c(43, 'Access information discarded', 'The network could not deliver some access information (e.g. user-to-user data) to the remote user.'),
  c(44, 'Requested circuit/channel not available', 'The circuit or channel the other side asked for cannot be provided.'),
  c(46, 'Precedence call blocked', 'No pre-emptable circuit, or the called user is busy with an equal or higher precedence call.'),
  c(47, 'Resource unavailable, unspecified', 'A resource-unavailable event not covered by another cause.', 503),
  c(49, 'Quality of service not available', 'The requested quality of service cannot be provided.'),
  c(50, 'Requested facility not subscribed', 'The user asked for a supplementary service it is not subscribed to.'),
  c(53, 'Outgoing calls barred within CUG', 'Outgoing calls are barred for this member of the closed user group.'),
  c(55, 'Incoming calls barred within CUG', 'Incoming calls are barred for this member of the closed user group.', 403),
  c(57, 'Bearer capability not authorized', 'The user asked for a bearer capability it is not authorised to use.', 403),
  c(58, 'Bearer capability not presently available', 'The bearer capability is implemented but not available now.', 503),
  c(62, 'Inconsistency in designated outgoing access information and subscriber class', 'The outgoing access information conflicts with the subscriber class.'),
  c(63, 'Service or option not available, unspecified', 'A service or option is not available, for a reason not covered by another cause.'),
  c(65, 'Bearer capability not implemented', 'The equipment does not support the requested bearer capability.', 488),
  c(66, 'Channel type not implemented', 'The equipment does not support the requested channel type.'),
  c(69, 'Requested facility not implemented', 'The equipment does not support the requested supplementary service.'),
  c(70, 'Only restricted digital information bearer capability is available', 'Unrestricted digital bearer requested, but only restricted is available.', 488),
  c(79, 'Service or option not implemented, unspecified', 'A service or option is not implemented, for a reason not covered by another cause.', 501),
  c(81, 'Invalid call reference value', 'A message used a call reference that is not in use on this interface.'),
  c(82, 'Identified channel does not exist', 'A channel that is not activated on this interface was requested.'),
  c(83, 'A suspended call exists, but this call identity does not', 'A call resume attempt used an identity that matches no suspended call.'),
  c(84, 'Call identity in use', 'The call identity requested for suspension is already in use.'),
  c(85, 'No call suspended', 'A call resume was requested but no call is suspended.'),
  c(86, 'Call having the requested call identity has been cleared', 'The suspended call was cleared while suspended.'),
  c(87, 'User not member of CUG', 'The called user is not a member of the caller\'s closed user group.', 403),
  c(88, 'Incompatible destination', 'The destination cannot accommodate the call\'s compatibility attributes (e.g. data call to a phone).', 503),
  c(90, 'Non-existent CUG', 'The closed user group does not exist.'),
  c(91, 'Invalid transit network selection', 'The transit network identification is in an invalid format.'),
  c(95, 'Invalid message, unspecified', 'An invalid message, for a reason not covered by another cause.'),
  c(96, 'Mandatory information element is missing', 'A message lacks an information element required to process it.'),
  c(97, 'Message type non-existent or not implemented', 'The message type is unknown or not implemented.'),
  c(98, 'Message not compatible with call state or message type non-existent or not implemented', 'The message is not allowed in the call state, or is unknown.'),
  c(99, 'Information element / parameter non-existent or not implemented', 'An information element or parameter is unknown or not implemented.'),
  c(100, 'Invalid information element contents', 'An information element is implemented but its contents are invalid.'),
  c(101, 'Message not compatible with call state', 'The message is not allowed in the current call state.'),
  c(102, 'Recovery on timer expiry', 'A protocol timer expired and the error-handling procedure was started.', 504),
  c(103, 'Parameter non-existent or not implemented - passed on', 'An unknown parameter was passed on unchanged.'),
  c(110, 'Message with unrecognized parameter discarded', 'A message with an unrecognised parameter was discarded.'),
  c(111, 'Protocol error, unspecified', 'A protocol error not covered by another cause.', 500),
  c(127, 'Interworking, unspecified', 'The call crossed a network that does not give the real cause (e.g. interworking with a non-ISUP network).', 500),
];

export const Q850_CAUSES: ReadonlyMap<number, Q850Cause> = new Map(ENTRIES.map((e) => [e.cause, e] as const));

export function lookupQ850(cause: number): Q850Cause | undefined {
  return Q850_CAUSES.get(cause);
}

/** Class of a cause value (0-127), e.g. `Resource unavailable` for 34. */
export function q850ClassOf(cause: number): string | undefined {
  if (!Number.isInteger(cause) || cause < 0 || cause > 127) return undefined;
  return Q850_CLASSES[cause >> 4];
}

/**
 * SIP response received -> Q.850 cause a SIP-to-ISUP gateway puts in the
 * release (RFC 3398). Useful when a PSTN caller reports a cause code.
 */
export const SIP_TO_Q850: ReadonlyMap<number, number> = new Map([
  [400, 41], [401, 21], [402, 21], [403, 21], [404, 1], [405, 63], [406, 79], [407, 21], [408, 102],
  [410, 22], [413, 127], [414, 127], [415, 79], [416, 127], [420, 127], [421, 127], [423, 127],
  [480, 18], [481, 41], [482, 25], [483, 25], [484, 28], [485, 1], [486, 17],
  [500, 41], [501, 79], [502, 38], [503, 41], [504, 102], [505, 127], [513, 127],
  [600, 17], [603, 21], [604, 1],
]);
