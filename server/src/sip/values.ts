/**
 * Lazy access to header values. The parser stores offsets only; these
 * helpers turn them into strings or parsed values when a feature needs them.
 */
import type { SipHeader, SipMessage } from './model';
import { headerText } from './syntax/valueText';

/**
 * The header's value as one string. A folded value (continuation lines) is
 * joined with single spaces, as RFC 3261 section 7.3.1 says it is equivalent.
 */
export function headerValue(text: string, message: SipMessage, header: SipHeader): string {
  if (header.firstLine === header.lastLine) return text.slice(header.valueStart, header.valueEnd);
  return headerText(text, message, header).value;
}

export function findHeader(message: SipMessage, key: string): SipHeader | undefined {
  for (const h of message.headers) if (h.key === key) return h;
  return undefined;
}

export interface CSeqValue {
  readonly seq: number | null;
  readonly method: string | null;
}

/** `CSeq: 314159 INVITE` (RFC 3261 section 20.16); null parts where unreadable. */
export function parseCSeq(value: string): CSeqValue {
  const match = /^\s*(\d{1,10})?\s*([^\s]*)\s*$/.exec(value);
  if (!match) {
    const parts = value.trim().split(/\s+/);
    return { seq: /^\d{1,10}$/.test(parts[0] ?? '') ? Number(parts[0]) : null, method: parts[1] ?? null };
  }
  return { seq: match[1] !== undefined ? Number(match[1]) : null, method: match[2] ? match[2] : null };
}

export function cseqOf(text: string, message: SipMessage): CSeqValue | null {
  const h = findHeader(message, 'cseq');
  return h ? parseCSeq(headerValue(text, message, h)) : null;
}

export function callIdOf(text: string, message: SipMessage): string | null {
  const h = findHeader(message, 'call-id');
  return h ? headerValue(text, message, h) : null;
}
