/**
 * Canonical spelling of SIP header field names and the compact forms.
 *
 * Header names are case-insensitive (RFC 3261 section 7.3.1), so the parser
 * looks names up by their lower-case form and reports the canonical spelling.
 * Compact forms come from the IANA "Header Fields" registry (RFC 3261 section
 * 7.3.3 plus the extensions that registered one).
 */

import { detached } from '../text/detach';

/** Compact form (single letter, lower case) -> canonical long name. */
export const COMPACT_FORMS: Readonly<Record<string, string>> = {
  a: 'Accept-Contact', // RFC 3841
  b: 'Referred-By', // RFC 3892
  c: 'Content-Type',
  d: 'Request-Disposition', // RFC 3841
  e: 'Content-Encoding',
  f: 'From',
  i: 'Call-ID',
  j: 'Reject-Contact', // RFC 3841
  k: 'Supported',
  l: 'Content-Length',
  m: 'Contact',
  o: 'Event', // RFC 6665
  r: 'Refer-To', // RFC 3515
  s: 'Subject',
  t: 'To',
  u: 'Allow-Events', // RFC 6665
  v: 'Via',
  x: 'Session-Expires', // RFC 4028
  y: 'Identity', // RFC 8224
};

/**
 * Canonical spellings of well-known headers, so that `call-id`, `CALL-ID` and
 * `i` all come out as `Call-ID`. Unknown headers keep the spelling they have.
 */
const CANONICAL_NAMES: readonly string[] = [
  'Accept', 'Accept-Contact', 'Accept-Encoding', 'Accept-Language', 'Accept-Resource-Priority',
  'Alert-Info', 'Allow', 'Allow-Events', 'Answer-Mode', 'Authentication-Info', 'Authorization',
  'Call-ID', 'Call-Info', 'Contact', 'Content-Disposition', 'Content-Encoding',
  'Content-Language', 'Content-Length', 'Content-Type', 'CSeq', 'Date', 'Diversion', 'Error-Info',
  'Event', 'Expires', 'Feature-Caps', 'Flow-Timer', 'From', 'Geolocation', 'Geolocation-Error',
  'Geolocation-Routing', 'History-Info', 'Identity', 'Identity-Info', 'In-Reply-To', 'Join',
  'Max-Breadth', 'Max-Forwards', 'MIME-Version', 'Min-Expires', 'Min-SE', 'Organization',
  'P-Access-Network-Info', 'P-Asserted-Identity', 'P-Asserted-Service', 'P-Called-Party-ID',
  'P-Charging-Function-Addresses', 'P-Charging-Vector', 'P-Early-Media', 'P-Preferred-Identity',
  'P-Preferred-Service', 'P-Visited-Network-ID', 'Path', 'Priority', 'Privacy',
  'Proxy-Authenticate', 'Proxy-Authorization', 'Proxy-Require', 'RAck', 'Reason', 'Reason-Phrase',
  'Record-Route', 'Refer-Sub', 'Refer-To', 'Referred-By', 'Reject-Contact', 'Remote-Party-ID',
  'Replaces', 'Reply-To', 'Request-Disposition', 'Require', 'Resource-Priority', 'Retry-After',
  'Route', 'RSeq', 'Security-Client', 'Security-Server', 'Security-Verify', 'Server',
  'Service-Route', 'Session-Expires', 'Session-ID', 'SIP-ETag', 'SIP-If-Match', 'Subject',
  'Subscription-State', 'Supported', 'Target-Dialog', 'Timestamp', 'To', 'Unsupported',
  'User-Agent', 'User-to-User', 'Via', 'Warning', 'WWW-Authenticate',
  // Added with the header knowledge table (headers.ts).
  'AlertMsg-Error', 'Info-Package', 'P-Associated-URI', 'P-Served-User', 'Permission-Missing',
  'Priv-Answer-Mode', 'Recv-Info', 'Suppress-If-Match',
];

const BY_LOWER: ReadonlyMap<string, string> = new Map(
  CANONICAL_NAMES.map((name) => [name.toLowerCase(), name] as const),
);

/** Result of looking a header name up. */
export interface CanonicalName {
  /** Canonical spelling (`Call-ID`), or the name as written when unknown. */
  readonly name: string;
  /** Lower-case key used for lookups in knowledge tables (`call-id`). */
  readonly key: string;
  /** True when the name as written was a compact form (`i`). */
  readonly compact: boolean;
}

const cache = new Map<string, CanonicalName>();

/** Bound for the memos, so a hostile trace with millions of distinct names cannot grow them forever. */
const MEMO_LIMIT = 4096;

/**
 * Canonical name for a header name as written. Results are memoised per
 * spelling: real traces use a few dozen spellings, so this stays small and
 * saves an allocation per header on the hot path.
 */
export function canonicalHeaderName(written: string): CanonicalName {
  const hit = cache.get(written);
  if (hit !== undefined) return hit;
  const lower = written.toLowerCase();
  let result: CanonicalName;
  const long = lower.length === 1 ? COMPACT_FORMS[lower] : undefined;
  if (long !== undefined) {
    result = { name: long, key: long.toLowerCase(), compact: true };
  } else {
    const known = BY_LOWER.get(lower);
    result = { name: known ?? written, key: lower, compact: false };
  }
  if (cache.size < MEMO_LIMIT) cache.set(detached(written), result.name === written ? { ...result, name: detached(written) } : result);
  return result;
}

/**
 * Interned names by small integer id, so the parser can store a header's
 * name as a number. Id -1 means "not interned" (the memo is full): the name is
 * then looked up again from the text when needed.
 */
const INTERNED: CanonicalName[] = [];
const INTERNED_WRITTEN: string[] = [];
/**
 * Open-addressing table from the hash of a written spelling to its id + 1
 * (0 = empty slot): twice the memo's size, so probes stay short, and no
 * bucket arrays or boxed keys as a Map of numbers would need.
 */
const SLOTS = MEMO_LIMIT * 2;
const SLOT_IDS = new Int32Array(SLOTS);
const SLOT_HASHES = new Int32Array(SLOTS);

/** Interned ids whose name is Content-Length (`Content-Length`, `content-length`, `l`, ...). */
const CONTENT_LENGTH_IDS = new Uint8Array(MEMO_LIMIT);

/** Whether an interned name id is Content-Length, in any spelling (false for -1). */
export function isContentLengthId(id: number): boolean {
  return id >= 0 && CONTENT_LENGTH_IDS[id] === 1;
}

/** The canonical name of an interned id. */
export function internedHeaderName(id: number): CanonicalName {
  return INTERNED[id];
}

/** Step of the name hash `headerNameIdHashed` expects: `hash = nameHashStep(hash, charCode)` from 0. */
export function nameHashStep(hash: number, c: number): number {
  return (Math.imul(hash, 31) + c) | 0;
}

/**
 * Id of the header name written at `[start, end)` of `text`, found from its
 * characters without slicing the text (the common case on the parser's hot
 * path); -1 when the memo is full and the spelling is new.
 */
export function headerNameIdAt(text: string, start: number, end: number): number {
  let hash = 0;
  for (let i = start; i < end; i++) hash = nameHashStep(hash, text.charCodeAt(i));
  return headerNameIdHashed(text, start, end, hash);
}

/** `headerNameIdAt` for a caller that computed the hash while scanning the name. */
export function headerNameIdHashed(text: string, start: number, end: number, hash: number): number {
  const length = end - start;
  let slot = hash & (SLOTS - 1);
  for (;;) {
    const entry = SLOT_IDS[slot];
    if (entry === 0) break;
    if (SLOT_HASHES[slot] === hash) {
      const id = entry - 1;
      const written = INTERNED_WRITTEN[id];
      if (written.length === length && sameAt(written, text, start)) return id;
    }
    slot = (slot + 1) & (SLOTS - 1);
  }
  if (INTERNED.length >= MEMO_LIMIT) return -1;
  // A copy, not a slice: a slice would keep the whole text it came from alive for as long as the process runs.
  const written = detached(text.slice(start, end));
  const id = INTERNED.length;
  const name = canonicalHeaderName(written);
  INTERNED.push(name);
  INTERNED_WRITTEN.push(written);
  if (name.key === 'content-length') CONTENT_LENGTH_IDS[id] = 1;
  SLOT_IDS[slot] = id + 1;
  SLOT_HASHES[slot] = hash;
  return id;
}

function sameAt(written: string, text: string, start: number): boolean {
  for (let k = 0; k < written.length; k++) if (written.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
  return true;
}

/** Compact form of a canonical header name, if it has one. */
export function compactFormOf(name: string): string | undefined {
  const key = name.toLowerCase();
  for (const letter of Object.keys(COMPACT_FORMS)) {
    if (COMPACT_FORMS[letter].toLowerCase() === key) return letter;
  }
  return undefined;
}
