/**
 * The few header facts that tie messages together (RFC 3261 sections 8.1.1,
 * 12 and 17): Call-ID, CSeq, the top Via branch, From and To tags, RSeq.
 * Read lazily from offsets, once per message.
 */
import type { SipHeader, SipMessage } from '../model';
import { findHeader, headerValue, parseCSeq, type CSeqValue } from '../values';
import { headerNameOf, headerRecords, parsedBase } from '../parser/messageParser';
import { H_FIRST_LINE, H_LAST_LINE, H_NAME_ID, H_STRIDE, H_VALUE_END, H_VALUE_START } from '../parser/headerBlock';
import { internedHeaderName } from '../knowledge/headerNames';
import { CHAR_CLASS, TOKEN } from '../framing/lineScan';

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

/** Which key a header feeds, by interned name id (`K_*`); learned on first sight of an id. */
const K_NONE = 1;
const K_CSEQ = 2;
const K_VIA = 3;
const K_FROM = 4;
const K_TO = 5;
const K_CALL_ID = 6;
const K_RSEQ = 7;
const KEY_BY_NAME: Readonly<Record<string, number>> = { cseq: K_CSEQ, via: K_VIA, from: K_FROM, to: K_TO, 'call-id': K_CALL_ID, rseq: K_RSEQ };
const ID_CAPACITY = 4096;
const keyOfId = new Uint8Array(ID_CAPACITY);

function keyFieldOf(text: string, records: Int32Array, at: number): number {
  const id = records[at + H_NAME_ID];
  if (id < 0 || id >= ID_CAPACITY) return KEY_BY_NAME[headerNameOf(text, records, at).key] ?? K_NONE;
  let field = keyOfId[id];
  if (field === 0) keyOfId[id] = field = KEY_BY_NAME[internedHeaderName(id).key] ?? K_NONE;
  return field;
}

/**
 * The keys of a message, read from its header records and the text's
 * offsets: no header objects and no value strings are built, only the keys
 * themselves. This runs for every message of a trace the rules check.
 */
export function messageKeys(text: string, message: SipMessage): MessageKeys {
  const records = headerRecords(message);
  // Records carry the offsets of the parse that read them; the message may have moved since.
  const delta = message.start - parsedBase(message).start;
  let cseq = -1;
  let via = -1;
  let from = -1;
  let to = -1;
  let callId = -1;
  let rseq = -1;
  let folded = false;
  for (let at = 0; at < records.length; at += H_STRIDE) {
    let wanted = false;
    switch (keyFieldOf(text, records, at)) {
      case K_CSEQ: if (cseq === -1) { cseq = at; wanted = true; } break;
      case K_VIA: if (via === -1) { via = at; wanted = true; } break;
      case K_FROM: if (from === -1) { from = at; wanted = true; } break;
      case K_TO: if (to === -1) { to = at; wanted = true; } break;
      case K_CALL_ID: if (callId === -1) { callId = at; wanted = true; } break;
      case K_RSEQ: if (rseq === -1) { rseq = at; wanted = true; } break;
    }
    if (wanted && records[at + H_FIRST_LINE] !== records[at + H_LAST_LINE]) folded = true;
  }
  // A folded value must be unfolded first: the rare case reads the header objects.
  if (folded) return keysOfUnfolded(text, message);
  const start = (at: number) => records[at + H_VALUE_START] + delta;
  const end = (at: number) => records[at + H_VALUE_END] + delta;
  const cseqValue = cseq === -1 ? null : cseqAt(text, start(cseq), end(cseq));
  const viaEnd = via === -1 ? -1 : firstViaEnd(text, start(via), end(via));
  return {
    callId: callId === -1 ? null : text.slice(start(callId), end(callId)),
    cseqSeq: cseqValue?.seq ?? null,
    cseqMethod: cseqValue?.method ? upperMethod(cseqValue.method) : null,
    branch: via === -1 ? null : paramOf(text, start(via), viaEnd, 'branch'),
    fromTag: from === -1 ? null : paramOf(text, afterAddress(text, start(from), end(from)), end(from), 'tag'),
    toTag: to === -1 ? null : paramOf(text, afterAddress(text, start(to), end(to)), end(to), 'tag'),
    // As written, not unfolded: two copies of a response are the same response when their RSeq reads the same.
    rseq: rseq === -1 ? null : text.slice(start(rseq), end(rseq)),
  };
}

/** `messageKeys` for a message with a folded key header, from unfolded value strings. */
function keysOfUnfolded(text: string, message: SipMessage): MessageKeys {
  const first = (key: string): SipHeader | undefined => message.headers.find((h) => h.key === key);
  const valueOf = (h: SipHeader | undefined): string | null => (h === undefined ? null : headerValue(text, message, h));
  const cseq = valueOf(first('cseq'));
  const parsed = cseq === null ? null : parseCSeq(cseq);
  const via = valueOf(first('via'));
  const from = valueOf(first('from'));
  const to = valueOf(first('to'));
  const rseq = first('rseq');
  return {
    callId: valueOf(first('call-id')),
    cseqSeq: parsed?.seq ?? null,
    cseqMethod: parsed?.method ? upperMethod(parsed.method) : null,
    branch: via === null ? null : paramOf(via, 0, firstViaEnd(via, 0, via.length), 'branch'),
    fromTag: from === null ? null : paramOf(from, afterAddress(from, 0, from.length), from.length, 'tag'),
    toTag: to === null ? null : paramOf(to, afterAddress(to, 0, to.length), to.length, 'tag'),
    rseq: rseq === undefined ? null : text.slice(rseq.valueStart, rseq.valueEnd),
  };
}

/**
 * `parseCSeq` of the value at `[start, end)`: the usual `digits SP METHOD`
 * read in place, anything else handed to `parseCSeq` as a string.
 */
function cseqAt(text: string, start: number, end: number): CSeqValue {
  let i = start;
  let seq = 0;
  while (i < end && i - start < 10) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) break;
    seq = seq * 10 + (c - 48);
    i++;
  }
  const digitsEnd = i;
  while (i < end && text.charCodeAt(i) === 32) i++;
  const methodStart = i;
  while (i < end && isTokenChar(text.charCodeAt(i))) i++;
  if (digitsEnd > start && methodStart > digitsEnd && i === end && end > methodStart) {
    return { seq, method: text.slice(methodStart, end) };
  }
  return parseCSeq(text.slice(start, end));
}

function isTokenChar(c: number): boolean {
  return c < 128 && (CHAR_CLASS[c] & TOKEN) !== 0;
}

const METHODS: ReadonlyMap<string, string> = new Map(
  ['INVITE', 'ACK', 'BYE', 'CANCEL', 'OPTIONS', 'REGISTER', 'PRACK', 'SUBSCRIBE', 'NOTIFY', 'PUBLISH', 'INFO', 'REFER', 'MESSAGE', 'UPDATE']
    .map((m) => [m, m] as const),
);

/**
 * A method in upper case, as one shared string for the methods of RFC 3261
 * and its extensions: the analysis compares and looks up methods for every
 * message, which is cheaper on one string than on a fresh copy each time.
 */
export function upperMethod(method: string): string {
  return METHODS.get(method) ?? METHODS.get(method.toUpperCase()) ?? method.toUpperCase();
}

/** Whether two messages' keys agree in every field. */
export function sameKeys(a: MessageKeys, b: MessageKeys): boolean {
  return a.callId === b.callId && a.cseqSeq === b.cseqSeq && a.cseqMethod === b.cseqMethod && a.branch === b.branch &&
    a.fromTag === b.fromTag && a.toTag === b.toTag && a.rseq === b.rseq;
}

/**
 * The first `code` in `s[from, end)`, else `end`. The searches here stay in
 * their header value: an `indexOf` on the document runs on to the next such
 * character anywhere after it, which in a trace without one reads the rest
 * of the document for every message.
 */
function indexIn(s: string, code: number, from: number, end: number): number {
  let i = from;
  while (i < end && s.charCodeAt(i) !== code) i++;
  return i;
}

/** Where the first Via value of a possibly comma-separated list in `s[start, end)` ends. */
function firstViaEnd(s: string, start: number, end: number): number {
  return indexIn(s, 44 /* , */, start, end);
}

/**
 * Where the header parameters of a name-addr / addr-spec value start, after
 * the address (`<sip:a@b;lr>;tag=1` -> the index of `;tag=1`); the value's
 * length when there are none. Quoted display names and `<...>` are skipped
 * so their `;` do not count.
 */
export function afterAddress(value: string, start = 0, end = value.length): number {
  let inQuotes = false;
  for (let i = start; i < end; i++) {
    const c = value.charCodeAt(i);
    if (inQuotes) {
      if (c === 92 /* \ */) i++;
      else if (c === 34) inQuotes = false;
    } else if (c === 34) inQuotes = true;
    else if (c === 60 /* < */) {
      const close = indexIn(value, 62 /* > */, i, end);
      return close === end ? end : close + 1;
    } else if (c === 59 /* ; */) {
      // addr-spec form: parameters after the URI belong to the header (RFC 3261 section 20.10).
      return i;
    }
  }
  return end;
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
  let i = indexIn(s, 59 /* ; */, start, end);
  while (i < end) {
    const next = indexIn(s, 59, i + 1, end);
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
    i = next;
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
  // From the header records, as the keys are read: the summaries of every call
  // of a large trace would otherwise build the header objects of each first message.
  const records = headerRecords(message);
  const wanted = key === 'from' ? K_FROM : K_TO;
  for (let at = 0; at < records.length; at += H_STRIDE) {
    if (keyFieldOf(text, records, at) !== wanted) continue;
    if (records[at + H_FIRST_LINE] !== records[at + H_LAST_LINE]) break; // folded: unfold it below
    const delta = message.start - parsedBase(message).start;
    return addressUri(text.slice(records[at + H_VALUE_START] + delta, records[at + H_VALUE_END] + delta));
  }
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
