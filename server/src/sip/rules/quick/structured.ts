/**
 * Check-only readers of the structured values: URIs, header parameters,
 * address lists and Via (the grammars of `syntax/uri.ts`, `params.ts`,
 * `nameAddr.ts` and `via.ts`), plus the value checks the rules make on their
 * parameters (Contact expires and q, Via received, rport and branch).
 *
 * Each reader accepts only a value the full scanner reads without a problem
 * and the rules find nothing in; it may turn down more (IPv6 references,
 * Contact "*", quoted branches...), which then go to the full rules. It
 * builds nothing: offsets in, a position or -1 out.
 */
import { HEX, CHAR_CLASS } from '../../framing/lineScan';
import { isHostnameChar, isIPv4 } from '../../syntax/host';
import { scanQuoted } from '../../syntax/quoted';
import { HEADER, PARAM, PASSWORD, URIC, URI_CHARS, USER } from '../../syntax/uri';
import { MAGIC_COOKIE } from '../headerValueRules';
import { MAX_DELTA_SECONDS } from '../../syntax/numbers';
import { ADDRESS_CONTACT, ADDRESS_LIST, ADDRESS_NAME_ADDR_ONLY, ADDRESS_STAR } from './headerTable';
import { isAlnum, isAlpha, isDigit, isNumberAtMost, isToken, isWord, isWsp, skipDigits, skipToken, skipWsp } from './text';

function isHex(c: number): boolean {
  return c < 128 && (CHAR_CLASS[c] & HEX) !== 0;
}

/**
 * The URI classes of `URI_CHARS` plus a bit for host names, in one table:
 * the scanners below classify each character once, with one lookup.
 */
const HOSTNAME = 32;
if (((USER | PASSWORD | PARAM | HEADER | URIC) & HOSTNAME) !== 0) throw new Error('quick/structured: HOSTNAME collides with a URI class');
const CLASSES = new Uint8Array(128);
for (let c = 0; c < 128; c++) CLASSES[c] = URI_CHARS[c] | (isHostnameChar(c) ? HOSTNAME : 0);

/**
 * Where the run of class `cls` characters and `%XX` escapes that starts at
 * `i` ends (at most `end`). Each URI part is read as one run, which must
 * stop at the character that ends the part: an escape never hides that
 * character, since hexadecimal digits are none of ":", "@", ";", "=", "?".
 */
function runEnd(t: string, i: number, end: number, cls: number): number {
  while (i < end) {
    const c = t.charCodeAt(i);
    if (c < 128 && (CLASSES[c] & cls) !== 0) i++;
    else if (c === 37 && i + 2 < end && isHex(t.charCodeAt(i + 1)) && isHex(t.charCodeAt(i + 2))) i += 3;
    else break;
  }
  return i;
}

/** Where the host name that starts at `i` ends (at most `end`): host names have no escapes. */
function hostnameEnd(t: string, i: number, end: number): number {
  while (i < end) {
    const c = t.charCodeAt(i);
    if (c < 128 && (CLASSES[c] & HOSTNAME) !== 0) i++;
    else break;
  }
  return i;
}

/** Characters of the URI class `cls`, or `%XX` escapes, over `[start, end)`. */
function uriChars(t: string, start: number, end: number, cls: number): boolean {
  return runEnd(t, start, end, cls) === end;
}

/** Whether `[start, end)` holds an "@" before the first `close` (-1: none). */
function hasAt(t: string, start: number, end: number, close: number): boolean {
  for (let i = start; i < end; i++) {
    const c = t.charCodeAt(i);
    if (c === 64) return true;
    if (c === close) return false;
  }
  return false;
}

/** URI parameters that need "=value" (`URI_VALUED` in syntax/uri.ts). */
function isValuedUriParam(t: string, start: number, end: number): boolean {
  return isWord(t, start, end, 'transport') || isWord(t, start, end, 'user') || isWord(t, start, end, 'method') ||
    isWord(t, start, end, 'ttl') || isWord(t, start, end, 'maddr');
}

/**
 * Where the host of a SIP URI starts (`rest` is just after "sip:"): after
 * the first "@" when the user and password before it are valid, `rest`
 * when there is no "@", -1 when there is one but the userinfo is not valid
 * (`parseUri` also ends the userinfo at the first "@").
 */
function afterUserinfo(t: string, rest: number, end: number, close: number): number {
  const userEnd = runEnd(t, rest, end, USER);
  let i = userEnd;
  if (i < end && t.charCodeAt(i) === 58) i = runEnd(t, i + 1, end, PASSWORD);
  if (i < end && t.charCodeAt(i) === 64) return userEnd === rest ? -1 : i + 1;
  // The runs stop before any "@": one further on follows a character the user or password may not hold.
  return hasAt(t, i, end, close) ? -1 : rest;
}

/** Whether a URI ends at `i`: at the end of the range or at its `close` character. */
function isUriEnd(t: string, i: number, end: number, close: number): boolean {
  return i >= end || t.charCodeAt(i) === close;
}

/** A host, port or URI parameter that ends at `i` is followed by ";", "?" or the end of the URI. */
function isUriPartEnd(t: string, i: number, end: number, close: number): boolean {
  if (isUriEnd(t, i, end, close)) return true;
  const c = t.charCodeAt(i);
  return c === 59 || c === 63;
}

/** A URI that `parseUri` reads without a problem over all of `[start, end)`; with `allowHeaders` false, also without `?headers`. */
export function uriOk(t: string, start: number, end: number, allowHeaders: boolean): boolean {
  return uriEnd(t, start, end, allowHeaders, -1) === end;
}

/**
 * Reads a URI from `start` up to the first `close` character (">" of a
 * name-addr; -1 for none: the URI is all of `[start, end)`) and returns
 * where it ends, or -1 when `parseUri` would find a problem in it. No URI
 * part holds ">" or whitespace, so every run stops there. One pass over a
 * URI with a user part (the common case), two without one (the search for
 * "@" reads the host too).
 */
function uriEnd(t: string, start: number, end: number, allowHeaders: boolean, close: number): number {
  if (end <= start || !isAlpha(t.charCodeAt(start))) return -1;
  let k = start + 1;
  while (k < end) {
    const c = t.charCodeAt(k);
    if (isAlnum(c) || c === 43 || c === 45 || c === 46) k++;
    else break;
  }
  if (k >= end || t.charCodeAt(k) !== 58) return -1;
  const rest = k + 1;
  if (!isWord(t, start, k, 'sip') && !isWord(t, start, k, 'sips')) {
    k = runEnd(t, rest, end, URIC);
    return isUriEnd(t, k, end, close) ? k : -1;
  }

  const hostStart = afterUserinfo(t, rest, end, close);
  if (hostStart === -1) return -1;
  // An IPv6 reference ("[") is left to the full scanner: it is no host name character.
  k = hostnameEnd(t, hostStart, end);
  if (k === hostStart) return -1;
  if (k < end && t.charCodeAt(k) === 58) {
    // ":" port; a second colon (an unbracketed IPv6 address) stops the digits short of the port's end.
    const portEnd = skipDigits(t, k + 1, end);
    if (!isNumberAtMost(t, k + 1, portEnd, 65535)) return -1;
    k = portEnd;
  }
  if (!isUriPartEnd(t, k, end, close)) return -1;
  while (k < end && t.charCodeAt(k) === 59) {
    const nameStart = k + 1;
    const nameEnd = runEnd(t, nameStart, end, PARAM);
    if (nameEnd === nameStart) return -1;
    if (nameEnd < end && t.charCodeAt(nameEnd) === 61) {
      k = runEnd(t, nameEnd + 1, end, PARAM);
      if (k === nameEnd + 1) return -1;
    } else {
      if (isValuedUriParam(t, nameStart, nameEnd)) return -1;
      k = nameEnd;
    }
    if (!isUriPartEnd(t, k, end, close)) return -1;
  }
  if (isUriEnd(t, k, end, close)) return k;
  // k is at "?": URI headers, hname=hvalue joined by "&".
  if (!allowHeaders) return -1;
  let i = k + 1;
  for (;;) {
    const hStart = i;
    while (i < end && t.charCodeAt(i) !== 38 && t.charCodeAt(i) !== close) i++;
    let eq = hStart;
    while (eq < i && t.charCodeAt(eq) !== 61) eq++;
    if (eq === hStart || eq === i || !uriChars(t, hStart, eq, HEADER) || !uriChars(t, eq + 1, i, HEADER)) return -1;
    if (isUriEnd(t, i, end, close)) return i;
    i++;
  }
}

/** How a parameter list is judged: which names need a value, and what their values must be. */
export const enum ParamMode {
  /** To, From and the other address headers: tag, expires and q need a value. */
  Address,
  /** Contact: as Address, and expires / q values are checked. */
  Contact,
  /** Via: branch, received, maddr and ttl need a value; received, rport and branch are checked. */
  Via,
  /** Content-Type: every parameter is attribute=value. */
  MediaType,
  /** Session-Expires: refresher is uac or uas. */
  SessionExpires,
}

/** Whether the last parameter list read had a tag parameter. */
let sawTag = false;
/** Value range of the first branch parameter of the last Via parameter list read, -1 without one. */
let branchStart = -1;
let branchEnd = -1;

function needsValue(t: string, start: number, end: number, mode: ParamMode): boolean {
  switch (mode) {
    case ParamMode.Address:
    case ParamMode.Contact:
      return isWord(t, start, end, 'tag') || isWord(t, start, end, 'expires') || isWord(t, start, end, 'q');
    case ParamMode.Via:
      return isWord(t, start, end, 'branch') || isWord(t, start, end, 'received') || isWord(t, start, end, 'maddr') || isWord(t, start, end, 'ttl');
    case ParamMode.MediaType:
      return true;
    case ParamMode.SessionExpires:
      // A refresher without a value reads as an empty one, which is neither uac nor uas.
      return isWord(t, start, end, 'refresher');
    default:
      return false;
  }
}

/** The value of parameter `[ns, ne)` is `[vs, ve)` (quotes included when `quoted`): does every rule accept it? */
function valueOk(t: string, ns: number, ne: number, vs: number, ve: number, quoted: boolean, mode: ParamMode): boolean {
  switch (mode) {
    case ParamMode.Address:
    case ParamMode.Contact:
      if (isWord(t, ns, ne, 'tag')) sawTag = true;
      else if (mode === ParamMode.Contact && !quoted) {
        if (isWord(t, ns, ne, 'expires')) return isNumberAtMost(t, vs, ve, MAX_DELTA_SECONDS);
        if (isWord(t, ns, ne, 'q')) return isQValue(t, vs, ve);
      }
      return true;
    case ParamMode.Via:
      // A quoted received or rport value is no address or port; bracketed IPv6 is left to the full rules.
      if (isWord(t, ns, ne, 'received')) return !quoted && isIPv4(t, vs, ve);
      if (isWord(t, ns, ne, 'rport')) return !quoted && isNumberAtMost(t, vs, ve, 65535);
      if (branchStart === -1 && isWord(t, ns, ne, 'branch')) {
        if (quoted) return false;
        branchStart = vs;
        branchEnd = ve;
      }
      return true;
    case ParamMode.SessionExpires:
      return !isWord(t, ns, ne, 'refresher') || isWord(t, vs, ve, 'uac') || isWord(t, vs, ve, 'uas');
    default:
      return true;
  }
}

/** qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] ), as the Contact rule reads it. */
function isQValue(t: string, a: number, b: number): boolean {
  const first = t.charCodeAt(a);
  if (first !== 48 && first !== 49) return false;
  if (b - a === 1) return true;
  if (t.charCodeAt(a + 1) !== 46 || b - a > 5) return false;
  for (let i = a + 2; i < b; i++) {
    const c = t.charCodeAt(i);
    if (first === 48 ? !isDigit(c) : c !== 48) return false;
  }
  return true;
}

/** Characters of an unquoted parameter value: token, `:`, `[`, `]` (as `parseParams` reads them). */
function isValueChar(c: number): boolean {
  return isToken(c) || c === 58 || c === 91 || c === 93;
}

/**
 * `*( SEMI generic-param )` from `i`, as `parseParams` reads it: returns
 * where the last parameter ends (before trailing whitespace), or -1.
 */
export function paramsEnd(t: string, i: number, end: number, mode: ParamMode): number {
  let at = i;
  for (;;) {
    const semi = skipWsp(t, at, end);
    if (semi >= end || t.charCodeAt(semi) !== 59) return at;
    const ns = skipWsp(t, semi + 1, end);
    const ne = skipToken(t, ns, end);
    if (ne === ns) return -1;
    const eq = skipWsp(t, ne, end);
    if (eq < end && t.charCodeAt(eq) === 61) {
      const vs = skipWsp(t, eq + 1, end);
      let ve = vs;
      const quoted = vs < end && t.charCodeAt(vs) === 34;
      if (quoted) {
        ve = scanQuoted(t, vs, end);
        if (ve === -1) return -1;
      } else {
        while (ve < end && isValueChar(t.charCodeAt(ve))) ve++;
      }
      if (ve === vs || !valueOk(t, ns, ne, vs, ve, quoted, mode)) return -1;
      at = ve;
    } else {
      if (needsValue(t, ns, ne, mode)) return -1;
      at = ne;
    }
  }
}

/**
 * An address header's value (`parseAddresses` with the options in `flags`)
 * that reads without a problem and passes the Contact checks. Afterwards
 * `lastHadTag()` says whether its (last) address had a tag.
 */
export function addressesOk(t: string, start: number, end: number, flags: number): boolean {
  const list = (flags & ADDRESS_LIST) !== 0;
  let i = skipWsp(t, start, end);
  sawTag = false;
  // An empty value has no address to judge (header-value-empty is the driver's).
  if (i >= end) return true;
  for (;;) {
    sawTag = false;
    const e = addressEnd(t, i, end, flags);
    if (e === -1) return false;
    const j = skipWsp(t, e, end);
    if (j >= end) return true;
    if (!list || t.charCodeAt(j) !== 44) return false;
    i = skipWsp(t, j + 1, end);
    if (i >= end || t.charCodeAt(i) === 44) return false;
  }
}

export function lastHadTag(): boolean {
  return sawTag;
}

function addressEnd(t: string, i: number, end: number, flags: number): number {
  const list = (flags & ADDRESS_LIST) !== 0;
  const mode = (flags & ADDRESS_CONTACT) !== 0 ? ParamMode.Contact : ParamMode.Address;
  const c = t.charCodeAt(i);
  // Contact "*" has rules of its own (REGISTER only, Expires: 0, alone): the full rules judge it.
  if (c === 42 && (flags & ADDRESS_STAR) !== 0) return -1;
  let lt = -1;
  if (c === 34) {
    const close = scanQuoted(t, i, end);
    if (close === -1) return -1;
    lt = skipWsp(t, close, end);
    if (lt >= end || t.charCodeAt(lt) !== 60) return -1;
  } else if (c === 60) {
    lt = i;
  } else {
    const scheme = skipToken(t, i, end);
    if (!(scheme > i && scheme < end && t.charCodeAt(scheme) === 58)) {
      // An unquoted display name: tokens and whitespace up to "<".
      let j = i;
      while (j < end && (isToken(t.charCodeAt(j)) || isWsp(t.charCodeAt(j)))) j++;
      if (j >= end || t.charCodeAt(j) !== 60) return -1;
      lt = j;
    }
  }
  if (lt !== -1) {
    // The URI runs to the first ">" (without whitespace: the URI reader stops at both).
    const gt = uriEnd(t, lt + 1, end, true, 62);
    if (gt === -1 || gt >= end) return -1;
    return paramsEnd(t, gt + 1, end, mode);
  }
  // addr-spec: the URI runs to whitespace (or "," in a list); parameters after ";" are the header's.
  if ((flags & ADDRESS_NAME_ADDR_ONLY) !== 0) return -1;
  let e = i;
  let semi = -1;
  while (e < end) {
    const ch = t.charCodeAt(e);
    if (isWsp(ch) || (list && ch === 44)) break;
    if (semi === -1) {
      if (ch === 59) semi = e;
      else if (ch === 63 || ch === 44) return -1;
    } else if (ch === 64) {
      return -1;
    }
    e++;
  }
  const specEnd = semi === -1 ? e : semi;
  if (!uriOk(t, i, specEnd, true)) return -1;
  return paramsEnd(t, specEnd, end, mode);
}

/**
 * A Via value (`parseVia`) that reads without a problem and passes the
 * received / rport checks; with `topOfRequest`, its first via-parm must also
 * carry an RFC 3261 branch (z9hG4bK and more).
 */
export function viaOk(t: string, start: number, end: number, topOfRequest: boolean): boolean {
  let i = skipWsp(t, start, end);
  if (i >= end) return !topOfRequest;
  let first = true;
  for (;;) {
    branchStart = -1;
    const e = viaParmEnd(t, i, end);
    if (e === -1) return false;
    if (first && topOfRequest) {
      if (branchStart === -1 || branchEnd - branchStart <= MAGIC_COOKIE.length || !t.startsWith(MAGIC_COOKIE, branchStart)) return false;
    }
    first = false;
    const j = skipWsp(t, e, end);
    if (j >= end) return true;
    if (t.charCodeAt(j) !== 44) return false;
    i = skipWsp(t, j + 1, end);
    if (i >= end || t.charCodeAt(i) === 44) return false;
  }
}

/** `[start, end)` is "SIP" in any case. */
function isSip(t: string, start: number, end: number): boolean {
  return isWord(t, start, end, 'sip');
}

function viaParmEnd(t: string, i: number, end: number): number {
  // sent-protocol: SIP SLASH 2.0 SLASH transport (whitespace allowed around "/").
  const nameEnd = skipToken(t, i, end);
  if (nameEnd === i || !isSip(t, i, nameEnd)) return -1;
  let k = skipWsp(t, nameEnd, end);
  if (k >= end || t.charCodeAt(k) !== 47) return -1;
  const versionStart = skipWsp(t, k + 1, end);
  const versionEnd = skipToken(t, versionStart, end);
  if (versionEnd - versionStart !== 3 || !t.startsWith('2.0', versionStart)) return -1;
  k = skipWsp(t, versionEnd, end);
  if (k >= end || t.charCodeAt(k) !== 47) return -1;
  const transportStart = skipWsp(t, k + 1, end);
  const transportEnd = skipToken(t, transportStart, end);
  if (transportEnd === transportStart) return -1;
  // LWS, then sent-by = host [ ":" port ].
  const hostStart = skipWsp(t, transportEnd, end);
  if (hostStart === transportEnd || hostStart >= end) return -1;
  // The host name runs to ":" port, whitespace, ";", "," or the end; "[" (IPv6) is left to the full rules.
  const hostEnd = hostnameEnd(t, hostStart, end);
  if (hostEnd === hostStart) return -1;
  if (hostEnd < end) {
    const c = t.charCodeAt(hostEnd);
    if (!isWsp(c) && c !== 59 && c !== 44 && c !== 58) return -1;
  }
  let after = hostEnd;
  const colon = skipWsp(t, hostEnd, end);
  if (colon < end && t.charCodeAt(colon) === 58) {
    const portStart = skipWsp(t, colon + 1, end);
    let portEnd = portStart;
    while (portEnd < end) {
      const c = t.charCodeAt(portEnd);
      if (isWsp(c) || c === 59 || c === 44) break;
      portEnd++;
    }
    // Also turns down a second colon (an unbracketed IPv6 address).
    if (!isNumberAtMost(t, portStart, portEnd, 65535)) return -1;
    after = portEnd;
  }
  return paramsEnd(t, after, end, ParamMode.Via);
}
