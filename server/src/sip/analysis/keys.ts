/**
 * The few header facts that tie messages together (RFC 3261 sections 8.1.1,
 * 12 and 17): Call-ID, CSeq, the top Via branch, From and To tags, RSeq.
 * Read lazily from offsets, once per message.
 */
import type { SipHeader, SipMessage } from '../model';
import { findHeader, headerValue, parseCSeq } from '../values';

export interface MessageKeys {
  readonly callId: string | null;
  readonly cseqSeq: number | null;
  readonly cseqMethod: string | null;
  /** Branch of the top Via, or null. */
  readonly branch: string | null;
  readonly fromTag: string | null;
  readonly toTag: string | null;
  /** The RSeq value as written (a reliable provisional response's number), or null. */
  readonly rseq: string | null;
}

/** RFC 3261 section 8.1.1.7: branches of RFC 3261 transactions start with this cookie. */
export const MAGIC_COOKIE = 'z9hG4bK';

export function messageKeys(text: string, message: SipMessage): MessageKeys {
  // One pass over the headers for the first of each (rather than a search per header).
  let cseqHeader: SipHeader | undefined;
  let viaHeader: SipHeader | undefined;
  let fromHeader: SipHeader | undefined;
  let toHeader: SipHeader | undefined;
  let callIdHeader: SipHeader | undefined;
  let rseqHeader: SipHeader | undefined;
  for (const h of message.headers) {
    switch (h.key) {
      case 'cseq': cseqHeader ??= h; break;
      case 'via': viaHeader ??= h; break;
      case 'from': fromHeader ??= h; break;
      case 'to': toHeader ??= h; break;
      case 'call-id': callIdHeader ??= h; break;
      case 'rseq': rseqHeader ??= h; break;
    }
  }
  const valueOf = (h: SipHeader | undefined): string | null => (h === undefined ? null : headerValue(text, message, h));
  const cseq = valueOf(cseqHeader);
  const parsed = cseq === null ? null : parseCSeq(cseq);
  const via = valueOf(viaHeader);
  const from = valueOf(fromHeader);
  const to = valueOf(toHeader);
  return {
    callId: valueOf(callIdHeader),
    cseqSeq: parsed?.seq ?? null,
    cseqMethod: parsed?.method ? parsed.method.toUpperCase() : null,
    branch: via === null ? null : paramOf(via, 0, firstViaEnd(via), 'branch'),
    fromTag: from === null ? null : paramOf(from, afterAddress(from), from.length, 'tag'),
    toTag: to === null ? null : paramOf(to, afterAddress(to), to.length, 'tag'),
    // As written, not unfolded: two copies of a response are the same response when their RSeq reads the same.
    rseq: rseqHeader === undefined ? null : text.slice(rseqHeader.valueStart, rseqHeader.valueEnd),
  };
}

/** Whether two messages' keys agree in every field. */
export function sameKeys(a: MessageKeys, b: MessageKeys): boolean {
  return a.callId === b.callId && a.cseqSeq === b.cseqSeq && a.cseqMethod === b.cseqMethod && a.branch === b.branch &&
    a.fromTag === b.fromTag && a.toTag === b.toTag && a.rseq === b.rseq;
}

/** Where the first Via value of a possibly comma-separated list ends. */
function firstViaEnd(via: string): number {
  const comma = via.indexOf(',');
  return comma === -1 ? via.length : comma;
}

/**
 * Where the header parameters of a name-addr / addr-spec value start, after
 * the address (`<sip:a@b;lr>;tag=1` -> the index of `;tag=1`); the value's
 * length when there are none. Quoted display names and `<...>` are skipped
 * so their `;` do not count.
 */
export function afterAddress(value: string): number {
  let inQuotes = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (inQuotes) {
      if (c === 92 /* \ */) i++;
      else if (c === 34) inQuotes = false;
    } else if (c === 34) inQuotes = true;
    else if (c === 60 /* < */) {
      const close = value.indexOf('>', i);
      return close === -1 ? value.length : close + 1;
    } else if (c === 59 /* ; */) {
      // addr-spec form: parameters after the URI belong to the header (RFC 3261 section 20.10).
      return i;
    }
  }
  return value.length;
}

function isBlankChar(c: number): boolean {
  return c === 32 || c === 9;
}

/**
 * Value of `;name=value` among the parameters in `s[start, end)` (the name
 * compared case-insensitively, `name` given in lower case), unquoted; `''`
 * for a parameter without a value; null when absent. Only the value found is
 * copied: this runs for several headers of every message.
 */
export function paramOf(s: string, start: number, end: number, name: string): string | null {
  let i = s.indexOf(';', start);
  while (i !== -1 && i < end) {
    let next = s.indexOf(';', i + 1);
    if (next === -1 || next > end) next = end;
    let a = i + 1;
    while (a < next && isBlankChar(s.charCodeAt(a))) a++;
    let matches = a + name.length <= next;
    for (let k = 0; matches && k < name.length; k++) {
      const c = s.charCodeAt(a + k);
      // ASCII letters compare case-insensitively (`| 32` lower-cases them).
      if (c !== name.charCodeAt(k) && ((c | 32) !== name.charCodeAt(k) || c < 65 || c > 90)) matches = false;
    }
    if (matches) {
      let j = a + name.length;
      while (j < next && isBlankChar(s.charCodeAt(j))) j++;
      if (j === next) return '';
      if (s.charCodeAt(j) === 61 /* = */) {
        let v = j + 1;
        let w = next;
        while (v < w && isBlankChar(s.charCodeAt(v))) v++;
        while (w > v && isBlankChar(s.charCodeAt(w - 1))) w--;
        if (w - v >= 2 && s.charCodeAt(v) === 34 && s.charCodeAt(w - 1) === 34) {
          v++;
          w--;
        }
        return s.slice(v, w);
      }
    }
    i = next === end ? -1 : next;
  }
  return null;
}

/** The URI of a From/To/Contact value, without header parameters. */
export function addressUri(value: string): string | null {
  const open = value.indexOf('<');
  if (open !== -1) {
    const close = value.indexOf('>', open);
    return value.slice(open + 1, close === -1 ? value.length : close).trim() || null;
  }
  const semi = value.indexOf(';');
  const uri = (semi === -1 ? value : value.slice(0, semi)).trim();
  return uri || null;
}

/**
 * The URI inside the From or To header of a message (`sip:alice@example.com`),
 * without parameters; null without that header. Only call summaries need it,
 * for one message per call, so it is not one of the keys read for every message.
 */
export function addressUriOf(text: string, message: SipMessage, key: 'from' | 'to'): string | null {
  const h = findHeader(message, key);
  return h === undefined ? null : addressUri(headerValue(text, message, h));
}

/** `sip:alice@example.com;transport=tcp` -> `alice@example.com`: what users call the address of record. */
export function shortAor(uri: string | null): string | null {
  if (uri === null) return null;
  const noScheme = uri.replace(/^[a-z][a-z0-9+.-]*:/i, '');
  const semi = noScheme.search(/[;?]/);
  return semi === -1 ? noScheme : noScheme.slice(0, semi);
}
