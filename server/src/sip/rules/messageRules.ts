/**
 * Message level: what a request or response must contain (RFC 3261
 * sections 8.1.1, 8.2.6, 20 and 21; RFC 3262, 3515, 4028, 6665), tags,
 * bodies without Content-Type, and ACK / CANCEL CSeq numbers against their
 * INVITE. Only checked when the start line could be read (see
 * `startLineReadable`), and never for a header whose line is there but
 * malformed (the parser already reported it).
 */
import { LINE_STRIDE, type SipMessage } from '../model';
import { utf8Length } from '../framing/lineScan';
import { findParam } from '../syntax/params';
import {
  addressesOf, contentLengthOf, header, headerBlockTerminated, headerPresent, methodOf, startLineReadable, valueTextOf,
} from './parsed';
import type { MessageRule, RuleContext } from './types';

const MANDATORY = ['To', 'From', 'Call-ID', 'CSeq', 'Via'];
export const MANDATORY_KEYS = MANDATORY.map((name) => name.toLowerCase());

function startLineRange(message: SipMessage): [number, number] {
  return [message.startLine.start, message.startLine.end];
}

/**
 * Whether the trace shows the whole header block. Traces cut messages and
 * documents abridge them, so what a message lacks is only reported when:
 * its header block ends with the empty line, the parser did not find it cut
 * by the next message, and the trace tool's byte count (when it gives one)
 * is not larger than the text shown.
 */
function complete(message: SipMessage, context: RuleContext): boolean {
  if (message.problems.some((p) => p.code === 'header-block-unterminated')) return false;
  if (!headerBlockTerminated(context, message)) return false;
  const announced = message.meta.byteCount;
  return announced === null || announced <= textBytes(context, message);
}

/** The most bytes the message's lines can have been on the wire (every line end a CRLF). */
function textBytes(context: RuleContext, message: SipMessage): number {
  let bytes = 0;
  for (let l = 0; l < message.lines.length; l += LINE_STRIDE) bytes += utf8Length(context.text, message.lines[l], message.lines[l + 1]) + 2;
  return bytes;
}

/**
 * A message with none of To, From, Call-ID, CSeq and Via is an excerpt (a
 * start line and a header or two quoted in a log or a document), not a
 * message that forgot them: no stack sends such a thing, so nothing is
 * reported as missing from it.
 */
function excerpt(message: SipMessage, context: RuleContext): boolean {
  return !MANDATORY.some((name) => headerPresent(context, message, name.toLowerCase()));
}

/** The last message asked about and the answer: six rules ask in a row for each message. */
let readableMessage: SipMessage | null = null;
let readableAnswer = false;

function readable(message: SipMessage, context: RuleContext): boolean {
  if (readableMessage !== message) {
    readableAnswer = startLineReadable(message) && complete(message, context) && !excerpt(message, context);
    readableMessage = message;
  }
  return readableAnswer;
}

const mandatoryHeaders: MessageRule = (message, context) => {
  if (!readable(message, context)) return;
  // Most messages have them all: look without building anything first.
  let all = true;
  for (let i = 0; all && i < MANDATORY_KEYS.length; i++) all = headerPresent(context, message, MANDATORY_KEYS[i]);
  if (all) return;
  const missing = MANDATORY.filter((_, i) => !headerPresent(context, message, MANDATORY_KEYS[i]));
  const [s, e] = startLineRange(message);
  const list = missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(', ')} and ${missing[missing.length - 1]}`;
  context.report('mandatory-header-missing', s, e,
    `${message.kind === 'request' ? 'Request' : 'Response'} has no ${list} header${missing.length > 1 ? 's' : ''}; every SIP ${message.kind} MUST carry To, From, Call-ID, CSeq and Via (RFC 3261 sections 8.1.1 and 8.2.6.2)`);
};

const maxForwardsMissing: MessageRule = (message, context) => {
  if (message.kind !== 'request' || !readable(message, context) || headerPresent(context, message, 'max-forwards')) return;
  const [s, e] = startLineRange(message);
  context.report('max-forwards-missing', s, e,
    'Request has no Max-Forwards header; a UAC MUST add one (usually 70) to stop routing loops (RFC 3261 section 8.1.1.6); proxies add it for RFC 2543 peers');
};

const contactMissing: MessageRule = (message, context) => {
  if (!readable(message, context) || headerPresent(context, message, 'contact')) return;
  const [s, e] = startLineRange(message);
  if (message.kind === 'request' && message.startLine.method === 'INVITE') {
    context.report('contact-missing', s, e,
      'INVITE has no Contact header; it MUST carry exactly one SIP or SIPS URI where the caller takes in-dialog requests (RFC 3261 section 8.1.1.8), or the callee cannot send BYE or re-INVITE');
  } else if (message.kind === 'response' && isStatus(message, 200, 299) && methodOf(context, message) === 'INVITE') {
    context.report('contact-missing', s, e,
      `${message.startLine.status} response to INVITE has no Contact header; a 2xx that establishes a dialog MUST carry one (RFC 3261 sections 12.1.1 and 13.3.1.4), or the caller cannot send ACK and BYE to the callee`);
  }
};

function isStatus(message: SipMessage, low: number, high: number): boolean {
  const status = message.startLine.status;
  return message.kind === 'response' && status !== null && status >= low && status <= high;
}

const fromTagMissing: MessageRule = (message, context) => {
  if (message.kind !== 'request' || !readable(message, context)) return;
  const h = header(message, 'from');
  if (h === undefined) return;
  const list = addressesOf(context, message, h);
  if (list === null || list.problem !== null || list.items.length !== 1) return;
  if (findParam(list.items[0].params, 'tag') !== undefined) return;
  context.report('from-tag-missing', h.nameStart, h.valueEnd,
    'From has no tag parameter; a request MUST carry a From tag that identifies the dialog (RFC 3261 section 8.1.1.3). RFC 2543 peers omit it');
};

const toTagMissing: MessageRule = (message, context) => {
  if (!isStatus(message, 101, 699) || !readable(message, context)) return;
  const h = header(message, 'to');
  if (h === undefined) return;
  const list = addressesOf(context, message, h);
  if (list === null || list.problem !== null || list.items.length !== 1) return;
  if (findParam(list.items[0].params, 'tag') !== undefined) return;
  context.report('to-tag-missing', h.nameStart, h.valueEnd,
    `The ${message.startLine.status} response has no To tag; a UAS MUST add one to every response but 100 Trying (RFC 3261 section 8.2.6.2), or the response cannot be matched to a dialog`);
};

const bodyWithoutType: MessageRule = (message, context) => {
  if (message.bodyLine === -1 || message.bodyEnd <= message.bodyStart || message.contentType !== null) return;
  // Only a body the message itself announces: without Content-Length, text after a body-less
  // message in a trace is as likely the tool's log lines as a body.
  const length = contentLengthOf(context, message);
  if (length === null || length === 0 || header(message, 'content-type') !== undefined) return;
  const firstLineEnd = message.lines[message.bodyLine * LINE_STRIDE + 1];
  context.report('body-without-content-type', message.bodyStart, Math.max(message.bodyStart + 1, firstLineEnd),
    'The message has a body but no Content-Type header; Content-Type MUST be present when the body is not empty (RFC 3261 section 20.15), or the receiver cannot interpret it');
};

/**
 * A header that some requests or responses require, as data: the rule below
 * and the quick check of clean messages (`quick/`) read the same table.
 */
export interface Requirement {
  readonly id: string;
  readonly header: string;
  /** Responses with one of these status codes need the header. */
  readonly statuses?: readonly number[];
  /** Requests with one of these methods need it. */
  readonly methods?: readonly string[];
  /** A reliable provisional response (101-199 with "Require: 100rel") needs it. */
  readonly reliableProvisional?: true;
  readonly text: (message: SipMessage) => string;
}

/** Headers a given request or response requires, one rule id each. */
export const REQUIREMENTS: readonly Requirement[] = [
  { id: 'www-authenticate-missing', header: 'WWW-Authenticate', statuses: [401],
    text: () => '401 Unauthorized has no WWW-Authenticate header; it MUST carry the challenge the client answers (RFC 3261 sections 21.4.2 and 22.1)' },
  { id: 'proxy-authenticate-missing', header: 'Proxy-Authenticate', statuses: [407],
    text: () => '407 Proxy Authentication Required has no Proxy-Authenticate header; it MUST carry the challenge (RFC 3261 sections 21.4.8 and 22.3)' },
  { id: 'allow-missing', header: 'Allow', statuses: [405],
    text: () => '405 Method Not Allowed has no Allow header; it MUST list the methods the server supports (RFC 3261 section 21.4.6)' },
  { id: 'unsupported-missing', header: 'Unsupported', statuses: [420],
    text: () => '420 Bad Extension has no Unsupported header; it MUST list the extensions the server does not support (RFC 3261 sections 8.2.2.3 and 21.4.15)' },
  { id: 'min-expires-missing', header: 'Min-Expires', statuses: [423],
    text: () => '423 Interval Too Brief has no Min-Expires header; it MUST give the shortest expiration accepted (RFC 3261 sections 10.3 and 21.4.17)' },
  { id: 'min-se-missing', header: 'Min-SE', statuses: [422],
    text: () => '422 Session Interval Too Small has no Min-SE header; it MUST give the smallest session interval accepted (RFC 4028 section 6)' },
  // 300-305 but 303 and 304 (RFC 3261 section 21.3).
  { id: 'redirect-contact-missing', header: 'Contact', statuses: [300, 301, 302, 305],
    text: (m) => `${m.startLine.status} redirect has no Contact header, so the client has nowhere to retry (RFC 3261 section 21.3)` },
  { id: 'event-missing', header: 'Event', methods: ['SUBSCRIBE', 'NOTIFY', 'PUBLISH'],
    text: (m) => `${m.startLine.method} has no Event header; it MUST name the event package (RFC 6665 section 8.2.1; RFC 3903 section 4 for PUBLISH)` },
  { id: 'subscription-state-missing', header: 'Subscription-State', methods: ['NOTIFY'],
    text: () => 'NOTIFY has no Subscription-State header; it MUST carry one (RFC 6665 section 4.1.3)' },
  { id: 'refer-to-missing', header: 'Refer-To', methods: ['REFER'],
    text: () => 'REFER has no Refer-To header; it MUST carry exactly one (RFC 3515 section 2.4.1)' },
  { id: 'rack-missing', header: 'RAck', methods: ['PRACK'],
    text: () => 'PRACK has no RAck header; it MUST name the reliable provisional response it acknowledges (RFC 3262 section 7.2)' },
  { id: 'rseq-missing', header: 'RSeq', reliableProvisional: true,
    text: (m) => `${m.startLine.status} carries "Require: 100rel" (a reliable provisional response) but no RSeq header; it MUST carry one (RFC 3262 section 3)` },
];

function applies(r: Requirement, message: SipMessage, context: RuleContext): boolean {
  if (r.statuses !== undefined) return message.kind === 'response' && r.statuses.includes(message.startLine.status ?? -1);
  if (r.methods !== undefined) return message.kind === 'request' && r.methods.includes(message.startLine.method ?? '');
  return isStatus(message, 101, 199) && requires100rel(message, context);
}

function requires100rel(message: SipMessage, context: RuleContext): boolean {
  for (const h of message.headers) {
    if (h.key !== 'require') continue;
    for (const option of valueTextOf(context, message, h).value.split(',')) {
      if (option.trim().toLowerCase() === '100rel') return true;
    }
  }
  return false;
}

const requiredHeaders: MessageRule = (message, context) => {
  if (!readable(message, context)) return;
  for (const r of REQUIREMENTS) {
    if (!applies(r, message, context) || headerPresent(context, message, r.header.toLowerCase())) continue;
    const [s, e] = startLineRange(message);
    context.report(r.id, s, e, r.text(message));
  }
};

export const MESSAGE_LEVEL_RULES: readonly MessageRule[] = [
  mandatoryHeaders, maxForwardsMissing, contactMissing, fromTagMissing, toTagMissing, bodyWithoutType,
  requiredHeaders,
];
// The CANCEL / ACK CSeq check compares a message with another one: it runs
// with the conversation-level rules (traceRules.ts), so every rule above
// judges one message alone and its results can be cached per message.
