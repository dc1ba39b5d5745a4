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
  // About the trace as a conversation (rules/traceRules.ts).
  { id: 'request-without-response', severity: 'information', title: 'A request has no response in the trace', rfc: 'RFC 3261 section 17' },
  { id: 'retransmission', severity: 'information', title: 'A message repeats an earlier one (retransmission)', rfc: 'RFC 3261 section 17.1.1.2' },
  { id: 'invite-final-without-ack', severity: 'information', title: 'A final response to INVITE is never ACKed in the trace', rfc: 'RFC 3261 section 17.1.1.3' },
  { id: 'cseq-not-increasing', severity: 'information', title: 'CSeq does not increase within a dialog', rfc: 'RFC 3261 section 12.2.1.1' },
  // Trace wrappings (framing/).
  { id: 'trace-decoded-not-raw', severity: 'information', title: 'The file is a decoded packet tree (tshark -V), not SIP text: its messages are not checked', rfc: 'RFC 3261 section 7' },
  { id: 'frame-byte-count-mismatch', severity: 'information', title: "A trace tool's framing line announces a byte count that disagrees with the message text", rfc: 'RFC 3261 section 7' },
  { id: 'internal-error', severity: 'error', title: 'SIP Trace failed to read part of the file (a bug)', rfc: 'RFC 3261 section 7' },
];

const BY_ID: ReadonlyMap<string, RuleInfo> = new Map(RULES.map((r) => [r.id, r]));

export function allRules(): readonly RuleInfo[] {
  return RULES;
}

export function ruleInfo(id: string): RuleInfo | undefined {
  return BY_ID.get(id);
}
