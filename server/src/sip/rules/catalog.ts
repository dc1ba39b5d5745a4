/**
 * Every rule the core can report: stable id, default severity, what it means
 * and where the RFC says so. Rule ids are a public interface (settings, the
 * CLI's JSON and `--rule` use them): never rename one.
 */
import type { Severity } from '../model';

export interface RuleInfo {
  readonly id: string;
  readonly severity: Severity;
  /** One line: what the rule checks. */
  readonly title: string;
  /** The RFC and section behind the rule, e.g. `RFC 3261 section 7.1`. */
  readonly rfc: string;
}

const RULES: readonly RuleInfo[] = [
  // Met by the parser itself.
  { id: 'no-sip-message', severity: 'information', title: 'The file contains no SIP message in the detected trace format', rfc: 'RFC 3261 section 7' },
  { id: 'start-line-missing', severity: 'error', title: 'A header block has no start line before it', rfc: 'RFC 3261 section 7' },
  { id: 'start-line-invalid', severity: 'error', title: 'The first line is neither a Request-Line nor a Status-Line', rfc: 'RFC 3261 section 7.1' },
  { id: 'start-line-whitespace', severity: 'error', title: 'Start-line elements are not separated by exactly one SP', rfc: 'RFC 3261 section 7.1' },
  { id: 'sip-version-invalid', severity: 'error', title: 'The SIP version is missing or not SIP/2.0', rfc: 'RFC 3261 section 7.1' },
  { id: 'status-code-invalid', severity: 'error', title: 'The status code is not three digits from 100 to 699', rfc: 'RFC 3261 section 7.2' },
  { id: 'method-invalid', severity: 'error', title: 'The method is not a token', rfc: 'RFC 3261 section 25.1' },
  { id: 'header-missing-colon', severity: 'error', title: 'A header line has no colon', rfc: 'RFC 3261 section 7.3' },
  { id: 'header-name-invalid', severity: 'error', title: 'A header name is empty or contains non-token characters', rfc: 'RFC 3261 section 7.3' },
  { id: 'header-fold-without-header', severity: 'error', title: 'A continuation line has no header before it', rfc: 'RFC 3261 section 7.3.1' },
  { id: 'header-block-unterminated', severity: 'error', title: 'The header block does not end with an empty line', rfc: 'RFC 3261 section 7' },
  { id: 'content-length-invalid', severity: 'error', title: 'Content-Length is not a number, or appears with different values', rfc: 'RFC 3261 section 20.14' },
  { id: 'content-length-exceeds-body', severity: 'error', title: 'Content-Length is larger than the body (truncated message)', rfc: 'RFC 3261 section 18.3' },
  { id: 'content-length-below-body', severity: 'warning', title: 'Content-Length is smaller than the body', rfc: 'RFC 3261 section 18.3' },
  // Start line and URIs (rules/startLineRules.ts, syntax/uri.ts).
  { id: 'request-uri-whitespace', severity: 'error', title: 'The Request-URI contains whitespace', rfc: 'RFC 3261 section 25.1' },
  { id: 'request-uri-angle-brackets', severity: 'error', title: 'The Request-URI is enclosed in < and >', rfc: 'RFC 3261 section 25.1' },
  { id: 'request-uri-headers', severity: 'error', title: 'The Request-URI carries URI headers (?name=value)', rfc: 'RFC 3261 section 19.1.1' },
  { id: 'uri-scheme-invalid', severity: 'error', title: 'A URI has no valid scheme', rfc: 'RFC 3261 section 25.1' },
  { id: 'uri-character-invalid', severity: 'error', title: 'A URI contains a character that must be escaped', rfc: 'RFC 3261 section 19.1.2' },
  { id: 'uri-escape-invalid', severity: 'error', title: 'A % in a URI is not followed by two hex digits', rfc: 'RFC 3261 section 25.1' },
  { id: 'host-invalid', severity: 'error', title: 'A host is empty or contains characters a host name cannot have', rfc: 'RFC 3261 section 25.1' },
  { id: 'port-invalid', severity: 'error', title: 'A port is not a number from 0 to 65535', rfc: 'RFC 3261 section 19.1.1' },
  { id: 'ipv6-reference-unbracketed', severity: 'error', title: 'An IPv6 address in a URI or Via is not enclosed in [ ]', rfc: 'RFC 5118 section 4.2' },
  { id: 'ipv6-reference-invalid', severity: 'error', title: 'An IPv6 reference is not a valid IPv6 address', rfc: 'RFC 5118 section 4.10' },
  { id: 'status-code-unregistered', severity: 'information', title: 'The status code is not in the IANA SIP response code registry', rfc: 'RFC 3261 section 8.1.3.2' },
  // Header syntax (rules/headerSyntaxRules.ts).
  { id: 'header-value-empty', severity: 'error', title: 'A header whose grammar requires a value is empty', rfc: 'RFC 3261 section 20' },
  { id: 'quoted-string-unterminated', severity: 'error', title: 'A quoted string has no closing double quote', rfc: 'RFC 3261 section 25.1' },
  { id: 'angle-bracket-unclosed', severity: 'error', title: 'A < has no matching >', rfc: 'RFC 3261 section 25.1' },
  { id: 'display-name-invalid', severity: 'error', title: 'An unquoted display name contains characters that need quoting', rfc: 'RFC 3261 section 25.1' },
  { id: 'addr-spec-needs-angle-brackets', severity: 'error', title: 'A URI with , ; or ? (or a Route value) is not enclosed in < >', rfc: 'RFC 3261 section 20.10' },
  { id: 'addr-spec-whitespace', severity: 'error', title: 'Whitespace inside < > around or within the URI', rfc: 'RFC 3261 section 25.1' },
  { id: 'param-empty', severity: 'error', title: 'A ; is not followed by a parameter name', rfc: 'RFC 3261 section 25.1' },
  { id: 'param-value-missing', severity: 'error', title: 'A parameter has = but no value', rfc: 'RFC 3261 section 25.1' },
  { id: 'header-value-syntax', severity: 'error', title: 'An address or Via value has unexpected text', rfc: 'RFC 3261 section 25.1' },
  { id: 'header-duplicate', severity: 'error', title: 'A single-valued header appears more than once', rfc: 'RFC 3261 section 7.3.1' },
  { id: 'content-type-invalid', severity: 'error', title: 'Content-Type is not a media type (type/subtype;params)', rfc: 'RFC 3261 section 20.15' },
  { id: 'via-sent-protocol-invalid', severity: 'error', title: 'A Via value does not start with SIP/2.0/transport', rfc: 'RFC 3261 section 20.42' },
  // Header values (rules/headerValueRules.ts).
  { id: 'cseq-invalid', severity: 'error', title: 'CSeq is not "number method" or the number is not below 2**31', rfc: 'RFC 3261 section 8.1.1.5' },
  { id: 'cseq-method-mismatch', severity: 'error', title: 'The CSeq method differs from the request method', rfc: 'RFC 3261 section 8.1.1.5' },
  { id: 'cseq-number-mismatch', severity: 'error', title: "A CANCEL or ACK has a CSeq number other than its INVITE's", rfc: 'RFC 3261 section 9.1' },
  { id: 'max-forwards-invalid', severity: 'error', title: 'Max-Forwards is not a number from 0 to 255', rfc: 'RFC 3261 section 20.22' },
  { id: 'expires-invalid', severity: 'error', title: 'Expires (or a Contact expires parameter) is not delta-seconds', rfc: 'RFC 3261 section 20.19' },
  { id: 'min-expires-invalid', severity: 'error', title: 'Min-Expires is not delta-seconds', rfc: 'RFC 3261 section 20.23' },
  { id: 'retry-after-invalid', severity: 'error', title: 'Retry-After does not start with delta-seconds', rfc: 'RFC 3261 section 20.33' },
  { id: 'session-expires-invalid', severity: 'error', title: 'Session-Expires is not delta-seconds or has a bad refresher', rfc: 'RFC 4028 section 4' },
  { id: 'min-se-invalid', severity: 'error', title: 'Min-SE is not delta-seconds', rfc: 'RFC 4028 section 5' },
  { id: 'date-invalid', severity: 'error', title: 'Date is not an RFC 1123 date in GMT', rfc: 'RFC 3261 section 20.17' },
  { id: 'call-id-invalid', severity: 'error', title: 'Call-ID contains whitespace or control characters', rfc: 'RFC 3261 section 20.8' },
  { id: 'via-branch-missing', severity: 'warning', title: 'The top Via of a request has no branch', rfc: 'RFC 3261 section 8.1.1.7' },
  { id: 'via-branch-cookie-only', severity: 'warning', title: 'The branch is only the magic cookie z9hG4bK', rfc: 'RFC 4475 section 3.2.1' },
  { id: 'via-branch-not-rfc3261', severity: 'information', title: 'The branch lacks the z9hG4bK cookie (RFC 2543 peer)', rfc: 'RFC 3261 section 8.1.1.7' },
  { id: 'via-received-invalid', severity: 'error', title: 'Via received is not an IP address', rfc: 'RFC 3261 section 18.2.1' },
  { id: 'via-rport-invalid', severity: 'error', title: 'Via rport has a value that is not a port', rfc: 'RFC 3581 section 4' },
  { id: 'contact-star-invalid', severity: 'error', title: 'Contact * with parameters, other contacts, outside REGISTER or without Expires: 0', rfc: 'RFC 3261 section 10.2.2' },
  { id: 'q-value-invalid', severity: 'error', title: 'A Contact q parameter is not a qvalue from 0 to 1', rfc: 'RFC 3261 section 20.10' },
  { id: 'warning-header-invalid', severity: 'error', title: 'Warning is not 3-digit code, agent and quoted text', rfc: 'RFC 3261 section 20.43' },
  { id: 'rseq-invalid', severity: 'error', title: 'RSeq is not a number from 1 to 2**32-1', rfc: 'RFC 3262 section 7.1' },
  { id: 'rack-invalid', severity: 'error', title: 'RAck is not "rseq cseq method"', rfc: 'RFC 3262 section 7.2' },
  // What a message must contain (rules/messageRules.ts).
  { id: 'mandatory-header-missing', severity: 'error', title: 'To, From, Call-ID, CSeq or Via is missing', rfc: 'RFC 3261 section 8.1.1' },
  { id: 'max-forwards-missing', severity: 'warning', title: 'A request has no Max-Forwards', rfc: 'RFC 3261 section 8.1.1.6' },
  { id: 'contact-missing', severity: 'warning', title: 'An INVITE or a 2xx to INVITE has no Contact', rfc: 'RFC 3261 section 8.1.1.8' },
  { id: 'from-tag-missing', severity: 'warning', title: 'A request has no From tag', rfc: 'RFC 3261 section 8.1.1.3' },
  { id: 'to-tag-missing', severity: 'warning', title: 'A response other than 100 has no To tag', rfc: 'RFC 3261 section 8.2.6.2' },
  { id: 'body-without-content-type', severity: 'error', title: 'A message has a body but no Content-Type', rfc: 'RFC 3261 section 20.15' },
  { id: 'www-authenticate-missing', severity: 'error', title: '401 without WWW-Authenticate', rfc: 'RFC 3261 section 21.4.2' },
  { id: 'proxy-authenticate-missing', severity: 'error', title: '407 without Proxy-Authenticate', rfc: 'RFC 3261 section 21.4.8' },
  { id: 'allow-missing', severity: 'error', title: '405 without Allow', rfc: 'RFC 3261 section 21.4.6' },
  { id: 'unsupported-missing', severity: 'error', title: '420 without Unsupported', rfc: 'RFC 3261 section 8.2.2.3' },
  { id: 'min-expires-missing', severity: 'error', title: '423 without Min-Expires', rfc: 'RFC 3261 section 10.3' },
  { id: 'min-se-missing', severity: 'error', title: '422 without Min-SE', rfc: 'RFC 4028 section 6' },
  { id: 'redirect-contact-missing', severity: 'warning', title: 'A 300, 301, 302 or 305 redirect has no Contact', rfc: 'RFC 3261 section 21.3' },
  { id: 'event-missing', severity: 'error', title: 'SUBSCRIBE, NOTIFY or PUBLISH without Event', rfc: 'RFC 6665 section 8.2.1' },
  { id: 'subscription-state-missing', severity: 'error', title: 'NOTIFY without Subscription-State', rfc: 'RFC 6665 section 4.1.3' },
  { id: 'refer-to-missing', severity: 'error', title: 'REFER without Refer-To', rfc: 'RFC 3515 section 2.4.1' },
  { id: 'rack-missing', severity: 'error', title: 'PRACK without RAck', rfc: 'RFC 3262 section 7.2' },
  { id: 'rseq-missing', severity: 'error', title: 'A reliable provisional response (Require: 100rel) without RSeq', rfc: 'RFC 3262 section 3' },
  // SDP bodies (rules/sdpRules.ts, sdp/sdp.ts).
  { id: 'sdp-line-invalid', severity: 'warning', title: 'An SDP line is not <type>=<value> with a one-letter type', rfc: 'RFC 8866 section 5' },
  { id: 'sdp-version-not-first', severity: 'warning', title: 'The SDP body does not start with v=', rfc: 'RFC 8866 section 5' },
  { id: 'sdp-version-invalid', severity: 'warning', title: 'The SDP version is not 0', rfc: 'RFC 8866 section 5.1' },
  { id: 'sdp-line-missing', severity: 'warning', title: 'The SDP session lacks o=, s= or t=', rfc: 'RFC 8866 section 5' },
  { id: 'sdp-origin-invalid', severity: 'warning', title: 'The SDP o= line does not have six fields', rfc: 'RFC 8866 section 5.2' },
  { id: 'sdp-session-name-empty', severity: 'warning', title: 'The SDP s= line is empty', rfc: 'RFC 8866 section 5.3' },
  { id: 'sdp-connection-missing', severity: 'warning', title: 'A media stream has no c= line and the session has none', rfc: 'RFC 8866 section 5.7' },
  { id: 'sdp-media-invalid', severity: 'warning', title: 'An m= line is malformed (fields, port, payload types)', rfc: 'RFC 8866 section 5.14' },
  { id: 'sdp-rtpmap-payload-unknown', severity: 'warning', title: "a=rtpmap for a payload type not on its m= line", rfc: 'RFC 8866 section 6.6' },
  { id: 'sdp-dynamic-payload-unmapped', severity: 'warning', title: 'A dynamic payload type (96-127) has no a=rtpmap', rfc: 'RFC 8866 section 6.6' },
  // About the trace as a conversation (rules/traceRules.ts).
  { id: 'request-without-response', severity: 'information', title: 'A request has no response in the trace', rfc: 'RFC 3261 section 17' },
  { id: 'retransmission', severity: 'information', title: 'A message repeats an earlier one (retransmission)', rfc: 'RFC 3261 section 17.1.1.2' },
  { id: 'invite-final-without-ack', severity: 'information', title: 'A final response to INVITE is never ACKed in the trace', rfc: 'RFC 3261 section 17.1.1.3' },
  { id: 'cseq-not-increasing', severity: 'information', title: 'CSeq does not increase within a dialog', rfc: 'RFC 3261 section 12.2.1.1' },
  { id: 'internal-error', severity: 'error', title: 'SIP Trace failed to read part of the file (a bug)', rfc: 'RFC 3261 section 7' },
  // Trace wrappings (framing/).
  { id: 'trace-decoded-not-raw', severity: 'information', title: 'The file is a decoded packet tree (tshark -V), not SIP text: its messages are not checked', rfc: 'RFC 3261 section 7' },
  { id: 'frame-byte-count-mismatch', severity: 'information', title: "A trace tool's framing line announces a byte count that disagrees with the message text", rfc: 'RFC 3261 section 7' },
];

const BY_ID: ReadonlyMap<string, RuleInfo> = new Map(RULES.map((r) => [r.id, r]));

export function allRules(): readonly RuleInfo[] {
  return RULES;
}

export function ruleInfo(id: string): RuleInfo | undefined {
  return BY_ID.get(id);
}
