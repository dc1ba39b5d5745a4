/**
 * Parsed header values shared by the rules, computed on first use. Only the
 * headers some rule asks about are ever parsed.
 *
 * Two caches, neither tied to the model's lifetime (the model must stay
 * small): a header's value text is kept while the engine is on its message;
 * parse trees, whose offsets are relative to the value, are memoised by the
 * value itself, so the From, To, Contact and CSeq values that repeat through
 * a call are parsed once. Both are bounded.
 */
import { LINE_STRIDE, type SipHeader, type SipMessage, type TraceModel } from '../model';
import { isBlank } from '../framing/lineScan';
import { headerText, rangeText, type ValueText } from '../syntax/valueText';
import { parseVia, type ViaList } from '../syntax/via';
import { parseAddresses, type AddressList, type AddressOptions } from '../syntax/nameAddr';
import { isTokenChar, isWsp, skipToken, skipWsp } from '../syntax/chars';
import { MAX_CSEQ, checkNumber, scanDigits } from '../syntax/numbers';
import { problem, type SyntaxProblem } from '../syntax/problem';
import { canonicalHeaderName } from '../knowledge/headerNames';
import type { RuleContext } from './types';

/**
 * What was read from the headers of the message the engine is on, by the
 * header's position in `message.headers`: several rules ask for the same
 * header, and an array slot is cheaper than a map keyed by the header object.
 */
let current: SipMessage | null = null;
let currentHeaders: readonly SipHeader[] = [];
const texts: (ValueText | undefined)[] = [];
const viaLists: (ViaList | undefined)[] = [];
const addressLists: (AddressList | undefined)[] = [];

/** The header's slot in the current message's caches, or -1 when it is not one of its headers. */
function slotOf(message: SipMessage, header: SipHeader): number {
  if (current !== message) {
    current = message;
    currentHeaders = message.headers;
    texts.length = 0;
    viaLists.length = 0;
    addressLists.length = 0;
  }
  return currentHeaders.indexOf(header);
}

/**
 * Parse results by value, each map cleared when it grows past MEMO_LIMIT
 * entries. The values that repeat (From, To, Contact of one call) repeat
 * close together in a trace: a small memo catches them as well as a large
 * one did (20,000 entries validated a 10 MB trace no faster), and keeps 40 MB
 * less on the heap of a 50 MB trace.
 */
const MEMO_LIMIT = 1_000;
/** Per header name (it appears in messages), then by value. */
const addresses = new Map<string, AddressMemo>();
const cseqs = new Map<string, CSeqParts>();

function memo<T>(map: Map<string, T>, key: string, compute: (key: string) => T): T {
  let value = map.get(key);
  if (value === undefined) {
    if (map.size >= MEMO_LIMIT) map.clear();
    value = compute(key);
    map.set(key, value);
  }
  return value;
}

/**
 * The memos live as long as the model being validated: their keys are slices
 * of its text, and a slice keeps the whole text alive (a 16 MB chunk of a
 * streamed file, or an old version of an edited document).
 */
let memosOf: TraceModel | null = null;

function forModel(model: TraceModel): void {
  if (memosOf === model) return;
  memosOf = model;
  addresses.clear();
  cseqs.clear();
}

export function valueTextOf(context: RuleContext, message: SipMessage, header: SipHeader): ValueText {
  forModel(context.model);
  const slot = slotOf(message, header);
  let vt = slot === -1 ? undefined : texts[slot];
  if (vt === undefined) {
    vt = headerText(context.text, message, header);
    if (slot !== -1) texts[slot] = vt;
  }
  return vt;
}

/** The Request-URI (or any stretch of the start line) as a value. */
export function startLineText(context: RuleContext, start: number, end: number): ValueText {
  return rangeText(context.text, start, end);
}

/** Reports a problem found by a scanner in `vt`'s coordinates. */
export function reportSyntax(context: RuleContext, vt: ValueText, p: SyntaxProblem): void {
  context.report(p.code, vt.offset(p.start), vt.endOffset(p.end), p.message);
}

export function reportAt(context: RuleContext, vt: ValueText, code: string, start: number, end: number, message: string): void {
  context.report(code, vt.offset(start), vt.endOffset(end), message);
}

/**
 * Shared traces are often redacted: `<<REMOVED>>`, `[REDACTED]`, a web
 * page's `[email protected]`. Such a value is not what was on the wire, so
 * its syntax is not judged.
 */
const REDACTION_MARKERS = /removed|redacted|email(?: |\u00a0|&#160;)protected|obfuscated/i;

export function looksRedacted(value: string): boolean {
  // Every marker has "ed" in it (removed, redacted, protected, obfuscated): most values have no "ed" at all.
  return hasEd(value) && REDACTION_MARKERS.test(value);
}

/** Whether `value` contains "ed" in any letter case. */
function hasEd(value: string): boolean {
  for (let i = value.length - 1; i > 0; i--) {
    if ((value.charCodeAt(i) | 32) === 100 && (value.charCodeAt(i - 1) | 32) === 101) return true;
  }
  return false;
}

const NOTHING_READ = Object.freeze({ items: Object.freeze([]), problem: null });

/**
 * A Via value is nearly unique to its message (the branch), so it is read
 * once per message and not remembered across messages.
 */
export function viaOf(context: RuleContext, message: SipMessage, header: SipHeader): ViaList {
  const value = valueTextOf(context, message, header).value;
  const slot = slotOf(message, header);
  let via = slot === -1 ? undefined : viaLists[slot];
  if (via === undefined) {
    via = looksRedacted(value) ? NOTHING_READ : parseVia(value);
    if (slot !== -1) viaLists[slot] = via;
  }
  return via;
}

/** Headers whose values are addresses (name-addr / addr-spec), and how to read them. */
export const ADDRESS_HEADERS: ReadonlyMap<string, Omit<AddressOptions, 'what'>> = new Map([
  ['to', { list: false, allowStar: false, nameAddrOnly: false }],
  ['from', { list: false, allowStar: false, nameAddrOnly: false }],
  ['contact', { list: true, allowStar: true, nameAddrOnly: false }],
  ['route', { list: true, allowStar: false, nameAddrOnly: true }],
  ['record-route', { list: true, allowStar: false, nameAddrOnly: true }],
  ['path', { list: true, allowStar: false, nameAddrOnly: true }],
  ['service-route', { list: true, allowStar: false, nameAddrOnly: true }],
  ['reply-to', { list: false, allowStar: false, nameAddrOnly: false }],
  ['refer-to', { list: false, allowStar: false, nameAddrOnly: false }],
  ['referred-by', { list: false, allowStar: false, nameAddrOnly: false }],
  ['p-asserted-identity', { list: true, allowStar: false, nameAddrOnly: false }],
  ['p-preferred-identity', { list: true, allowStar: false, nameAddrOnly: false }],
]);

/** Per header name as written: what was read, by value, and how to read a new value. */
interface AddressMemo {
  readonly byValue: Map<string, AddressList>;
  readonly read: (value: string) => AddressList;
}

/** Addresses of an address header (see `ADDRESS_HEADERS`); null for other headers. */
export function addressesOf(context: RuleContext, message: SipMessage, header: SipHeader): AddressList | null {
  if (!ADDRESS_HEADERS.has(header.key)) return null;
  const slot = slotOf(message, header);
  const known = slot === -1 ? undefined : addressLists[slot];
  if (known !== undefined) return known;
  const value = valueTextOf(context, message, header).value;
  let byName = addresses.get(header.name);
  if (byName === undefined) {
    if (addresses.size >= 256) addresses.clear();
    const options: AddressOptions = { ...ADDRESS_HEADERS.get(header.key)!, what: `the ${header.name} header` };
    byName = { byValue: new Map(), read: (v) => (looksRedacted(v) ? NOTHING_READ : parseAddresses(v, options)) };
    addresses.set(header.name, byName);
  }
  const list = memo(byName.byValue, value, byName.read);
  if (slot !== -1) addressLists[slot] = list;
  return list;
}

export interface CSeqParts {
  readonly seqStart: number;
  readonly seqEnd: number;
  readonly methodStart: number;
  readonly methodEnd: number;
  readonly method: string;
  readonly problem: SyntaxProblem | null;
}

/** CSeq = 1*DIGIT LWS Method (RFC 3261 section 20.16); the number below 2**31 (section 8.1.1.5). */
export function cseqOf(context: RuleContext, message: SipMessage, header: SipHeader): CSeqParts {
  const value = valueTextOf(context, message, header).value;
  return memo(cseqs, value, parseCSeqParts);
}

function parseCSeqParts(s: string): CSeqParts {
  const n = s.length;
  const seqStart = skipWsp(s, 0);
  const seqEnd = scanDigits(s, seqStart);
  const partial = (p: SyntaxProblem, methodStart = -1, methodEnd = -1): CSeqParts => ({
    seqStart, seqEnd, methodStart, methodEnd, method: methodStart === -1 ? '' : s.slice(methodStart, methodEnd), problem: p,
  });
  if (seqEnd === seqStart) {
    let e = seqStart;
    while (e < n && !isWsp(s.charCodeAt(e))) e++;
    return partial(problem('cseq-invalid', seqStart, Math.max(e, seqStart), `CSeq must start with a sequence number, then the method (e.g. "CSeq: 1 INVITE"), not "${s.slice(seqStart, Math.min(e, seqStart + 30))}"`));
  }
  const tooBig = checkNumber(s, seqStart, seqEnd, MAX_CSEQ, 'cseq-invalid', 'CSeq sequence number');
  const methodStart = skipWsp(s, seqEnd);
  if (methodStart === seqEnd) {
    if (seqEnd >= n) return partial(problem('cseq-invalid', seqStart, seqEnd, 'CSeq has a sequence number but no method; expected e.g. "CSeq: 1 INVITE"'));
    return partial(problem('cseq-invalid', seqEnd, seqEnd + 1, `CSeq sequence number must be followed by a space and the method, not "${s[seqEnd]}"`));
  }
  const methodEnd = skipToken(s, methodStart);
  if (methodEnd === methodStart) {
    return partial(problem('cseq-invalid', methodStart, Math.min(n, methodStart + 1), 'CSeq method is missing or not a token'));
  }
  const rest = skipWsp(s, methodEnd);
  if (rest < n) {
    return partial(problem('cseq-invalid', rest, n, `Unexpected "${s.slice(rest, Math.min(n, rest + 30))}" after the CSeq method; CSeq is just "number method"`), methodStart, methodEnd);
  }
  if (tooBig !== null) {
    return partial({ ...tooBig, message: `${tooBig.message} (RFC 3261 section 8.1.1.5: the sequence number MUST be less than 2**31)` }, methodStart, methodEnd);
  }
  return { seqStart, seqEnd, methodStart, methodEnd, method: s.slice(methodStart, methodEnd), problem: null };
}

/**
 * The parser met a line for this header that lacks its colon (`Max-Forwards 70`):
 * the header is there but malformed, so "missing" would only repeat that error.
 */
export function headerLineMalformed(context: RuleContext, message: SipMessage, key: string): boolean {
  for (const p of message.problems) {
    if (p.code !== 'header-missing-colon') continue;
    let i = p.start;
    while (i < p.end && isTokenChar(context.text.charCodeAt(i))) i++;
    if (i > p.start && canonicalHeaderName(context.text.slice(p.start, i)).key === key) return true;
  }
  return false;
}

export function hasHeader(message: SipMessage, key: string): boolean {
  for (const h of message.headers) if (h.key === key) return true;
  return false;
}

/** The header exists, or a malformed line for it does (so do not call it missing). */
export function headerPresent(context: RuleContext, message: SipMessage, key: string): boolean {
  return hasHeader(message, key) || headerLineMalformed(context, message, key);
}

const START_LINE_PROBLEMS = new Set(['start-line-missing', 'start-line-invalid', 'status-code-invalid', 'method-invalid', 'sip-version-invalid']);

/**
 * Whether the start line could be read: the method or status code is known
 * and the version is SIP/2.0. What a message must contain depends on them,
 * so message-level requirements are only checked then (one root error, no
 * cascade).
 */
export function startLineReadable(message: SipMessage): boolean {
  if (message.kind === 'unknown') return false;
  for (const p of message.problems) if (START_LINE_PROBLEMS.has(p.code)) return false;
  return true;
}

/** The request's method, or for a response the CSeq method (as written: methods are case-sensitive); null when unknown. */
export function methodOf(context: RuleContext, message: SipMessage): string | null {
  if (message.kind === 'request') return message.startLine.method;
  const h = message.headers.find((x) => x.key === 'cseq');
  if (h === undefined) return null;
  const c = cseqOf(context, message, h);
  return c.method === '' ? null : c.method;
}

/** The announced Content-Length (first header, decimal digits only), or null. */
export function contentLengthOf(context: RuleContext, message: SipMessage): number | null {
  const h = header(message, 'content-length');
  if (h === undefined) return null;
  const v = context.text.slice(h.valueStart, h.valueEnd);
  return v.length > 0 && v.length <= 10 && scanDigits(v, 0) === v.length ? Number(v) : null;
}

/**
 * Whether the header block ends with an empty line. One that does not and
 * is the last thing in the trace was probably cut by the capture, so what
 * it lacks may simply be lost.
 */
export function headerBlockTerminated(context: RuleContext, message: SipMessage): boolean {
  if (message.bodyLine !== -1) return true;
  const count = message.lines.length / LINE_STRIDE;
  for (let l = 1; l < count; l++) {
    if (isBlank(context.text, message.lines[l * LINE_STRIDE], message.lines[l * LINE_STRIDE + 1])) return true;
  }
  return false;
}

/** First header with this key. */
export function header(message: SipMessage, key: string): SipHeader | undefined {
  for (const h of message.headers) if (h.key === key) return h;
  return undefined;
}

