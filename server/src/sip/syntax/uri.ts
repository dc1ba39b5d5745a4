/**
 * URIs as SIP carries them (RFC 3261 sections 19.1 and 25.1).
 *
 *   SIP-URI  = "sip:" [ userinfo ] hostport uri-parameters [ headers ]
 *   userinfo = ( user / telephone-subscriber ) [ ":" password ] "@"
 *   other schemes: absoluteURI (RFC 2396): scheme ":" *( uric )
 *
 * `parseUri` reads one URI from `[start, end)` of a string and returns its
 * parts as ranges plus the first problem found. One linear pass; the first
 * `@` ends the userinfo, since neither parameters nor headers may hold an
 * unescaped `@` (so `sip:user;par=u%40example.net@example.com` has the user
 * `user;par=u%40example.net`, RFC 4475 section 3.1.1.9).
 */
import {
  isAlnum, isAlpha, isHex, isHnvUnreserved, isParamUnreserved, isPasswordExtra, isReserved, isUnreserved,
  isUserUnreserved, describeChar, percentEncoded,
} from './chars';
import { checkHostname, checkIPv6Reference, checkPort, countColons, unbracketedIPv6 } from './host';
import { excerpt, problem, type SyntaxProblem } from './problem';
import { lowerToken } from './lowerToken';

export interface UriParam {
  /** Lower-case name as written (escapes not decoded). */
  readonly name: string;
  readonly nameStart: number;
  readonly nameEnd: number;
  /** -1 without `=`. */
  readonly eq: number;
  readonly valueStart: number;
  readonly valueEnd: number;
}

export interface Uri {
  readonly start: number;
  readonly end: number;
  /** Lower-case scheme, or null when the URI has none. */
  readonly scheme: string | null;
  /** sip / sips parts; -1 when absent. */
  readonly userStart: number;
  readonly userEnd: number;
  readonly hostStart: number;
  readonly hostEnd: number;
  readonly portStart: number;
  readonly portEnd: number;
  readonly params: readonly UriParam[];
  /** Offset of `?` that starts the headers, or -1. */
  readonly headersStart: number;
  readonly problem: SyntaxProblem | null;
}

/** transport-param, user-param, method-param, ttl-param, maddr-param: "name=value" (RFC 3261 section 25.1). */
export const URI_VALUED: ReadonlySet<string> = new Set(['transport', 'user', 'method', 'ttl', 'maddr']);

/**
 * Which URI parts allow each ASCII character, as bits of one table: a URI
 * part is checked character by character, and a table lookup is much
 * cheaper there than a call through a predicate.
 */
export const USER = 1;
export const PASSWORD = 2;
export const PARAM = 4;
export const HEADER = 8;
export const URIC = 16;
type CharClass = number;
export const URI_CHARS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const unreserved = isUnreserved(c);
  URI_CHARS[c] =
    (unreserved || isUserUnreserved(c) ? USER : 0) |
    (unreserved || isPasswordExtra(c) ? PASSWORD : 0) |
    (unreserved || isParamUnreserved(c) ? PARAM : 0) |
    (unreserved || isHnvUnreserved(c) ? HEADER : 0) |
    // absoluteURI: uric = reserved / unreserved / escaped; "[" "]" (RFC 2732 hosts) and "#" tolerated.
    (unreserved || isReserved(c) || c === 91 || c === 93 || c === 35 ? URIC : 0);
}

/** Whether every character of `[start, end)` is in the class (no escapes): the common case, checked without building messages. */
function allIn(s: string, start: number, end: number, allowed: CharClass): boolean {
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128 || (URI_CHARS[c] & allowed) === 0) return false;
  }
  return true;
}

/** Checks the characters and `%` escapes of `[start, end)` against the part's class. */
function checkChars(s: string, start: number, end: number, allowed: CharClass, part: string): SyntaxProblem | null {
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c < 128 && (URI_CHARS[c] & allowed) !== 0) continue;
    if (c === 37 /* % */) {
      if (i + 2 < end && isHex(s.charCodeAt(i + 1)) && isHex(s.charCodeAt(i + 2))) {
        i += 2;
        continue;
      }
      const stop = Math.min(end, i + 3);
      return problem('uri-escape-invalid', i, stop,
        `"${s.slice(i, stop)}" in the ${part} is not a valid escape; "%" must be followed by two hexadecimal digits (write a literal "%" as %25)`);
    }
    return problem('uri-character-invalid', i, i + 1,
      `${describeChar(c)[0].toUpperCase()}${describeChar(c).slice(1)} is not allowed unescaped in the ${part}; escape it as ${percentEncoded(c)}`);
  }
  return null;
}

function result(start: number, end: number, scheme: string | null, fields: UriFields | null, p: SyntaxProblem | null): Uri {
  return {
    start, end, scheme,
    userStart: fields?.userStart ?? -1, userEnd: fields?.userEnd ?? -1,
    hostStart: fields?.hostStart ?? -1, hostEnd: fields?.hostEnd ?? -1,
    portStart: fields?.portStart ?? -1, portEnd: fields?.portEnd ?? -1,
    params: fields?.params ?? NO_PARAMS, headersStart: fields?.headersStart ?? -1,
    problem: p,
  };
}

const NO_PARAMS: readonly UriParam[] = Object.freeze([]);

/** The parts read so far, as one record of fixed shape (filled in as the parse goes). */
class UriFields {
  userStart = -1;
  userEnd = -1;
  hostStart = -1;
  hostEnd = -1;
  portStart = -1;
  portEnd = -1;
  params: readonly UriParam[] = NO_PARAMS;
  headersStart = -1;
}

/**
 * "SIP URI in the To header", for problem texts. The host and port checks
 * take it on every call, so it is built once per place (`what`) and scheme,
 * not once per URI read.
 */
const SIP_LABELS = new Map<string, string>();
const SIPS_LABELS = new Map<string, string>();

function uriLabel(scheme: string, what: string): string {
  const labels = scheme === 'sip' ? SIP_LABELS : scheme === 'sips' ? SIPS_LABELS : null;
  let label = labels?.get(what);
  if (label === undefined) {
    label = `${scheme.toUpperCase()} URI in ${what}`;
    if (labels !== null && labels.size < 256) labels.set(what, label);
  }
  return label;
}

/** Parses the URI `s[start, end)`; `what` names where it is ("the Request-URI", "the To URI"). */
export function parseUri(s: string, start: number, end: number, what: string): Uri {
  if (end <= start) return result(start, end, null, null, problem('uri-scheme-invalid', start, end, `${what} is empty; expected a URI such as sip:user@example.com`));
  let k = start;
  if (isAlpha(s.charCodeAt(k))) {
    k++;
    while (k < end) {
      const c = s.charCodeAt(k);
      if (isAlnum(c) || c === 43 || c === 45 || c === 46) k++;
      else break;
    }
  }
  if (k === start || k >= end || s.charCodeAt(k) !== 58) {
    return result(start, end, null, null, problem('uri-scheme-invalid', start, end,
      `"${excerpt(s, start, end)}" in ${what} has no valid URI scheme; expected scheme ":" ... (a letter, then letters, digits, "+", "-" or "."), e.g. sip:user@example.com`));
  }
  const scheme = lowerToken(s, start, k);
  const rest = k + 1;
  if (scheme !== 'sip' && scheme !== 'sips') {
    return result(start, end, scheme, null, checkChars(s, rest, end, URIC, `${scheme}: URI in ${what}`));
  }
  return parseSipUri(s, start, end, rest, scheme, what);
}

function parseSipUri(s: string, start: number, end: number, rest: number, scheme: string, what: string): Uri {
  const fields = new UriFields();
  let at = -1;
  for (let i = rest; i < end; i++) {
    if (s.charCodeAt(i) === 64) {
      at = i;
      break;
    }
  }
  let hostStart = rest;
  if (at !== -1) {
    let colon = -1;
    for (let i = rest; i < at; i++) {
      if (s.charCodeAt(i) === 58) {
        colon = i;
        break;
      }
    }
    const userEnd = colon === -1 ? at : colon;
    fields.userStart = rest;
    fields.userEnd = userEnd;
    if (userEnd === rest) {
      return result(start, end, scheme, fields, problem('uri-character-invalid', rest, at + 1, `The ${uriLabel(scheme, what)} has "@" but no user part before it`));
    }
    const p = (allIn(s, rest, userEnd, USER) ? null : checkChars(s, rest, userEnd, USER, `user part of the ${uriLabel(scheme, what)}`)) ??
      (colon === -1 || allIn(s, colon + 1, at, PASSWORD) ? null : checkChars(s, colon + 1, at, PASSWORD, `password of the ${uriLabel(scheme, what)}`));
    if (p !== null) return result(start, end, scheme, fields, p);
    hostStart = at + 1;
  }

  // hostport
  let k: number;
  if (hostStart < end && s.charCodeAt(hostStart) === 91) {
    let close = -1;
    for (let i = hostStart + 1; i < end; i++) {
      if (s.charCodeAt(i) === 93) {
        close = i;
        break;
      }
    }
    const p = checkIPv6Reference(s, hostStart, close, end, `the ${uriLabel(scheme, what)}`);
    fields.hostStart = hostStart;
    fields.hostEnd = close === -1 ? end : close + 1;
    if (p !== null) return result(start, end, scheme, fields, p);
    k = close + 1;
  } else {
    let regionEnd = hostStart;
    while (regionEnd < end && s.charCodeAt(regionEnd) !== 59 && s.charCodeAt(regionEnd) !== 63) regionEnd++;
    if (countColons(s, hostStart, regionEnd) >= 2) {
      fields.hostStart = hostStart;
      fields.hostEnd = regionEnd;
      return result(start, end, scheme, fields, unbracketedIPv6(s, hostStart, regionEnd, `the ${uriLabel(scheme, what)}`));
    }
    k = hostStart;
    while (k < regionEnd && s.charCodeAt(k) !== 58) k++;
    fields.hostStart = hostStart;
    fields.hostEnd = k;
    const p = checkHostname(s, hostStart, k, `the ${uriLabel(scheme, what)}`);
    if (p !== null) return result(start, end, scheme, fields, p);
  }
  if (k < end && s.charCodeAt(k) === 58) {
    let portEnd = k + 1;
    while (portEnd < end && s.charCodeAt(portEnd) !== 59 && s.charCodeAt(portEnd) !== 63) portEnd++;
    fields.portStart = k + 1;
    fields.portEnd = portEnd;
    const p = checkPort(s, k + 1, portEnd, `the ${uriLabel(scheme, what)}`);
    if (p !== null) return result(start, end, scheme, fields, p);
    k = portEnd;
  } else if (k < end && s.charCodeAt(k) !== 59 && s.charCodeAt(k) !== 63) {
    return result(start, end, scheme, fields, problem('uri-character-invalid', k, k + 1,
      `Unexpected ${describeChar(s.charCodeAt(k))} after the host of the ${uriLabel(scheme, what)}; expected ":" port, ";" parameters or "?" headers`));
  }

  // uri-parameters
  const params: UriParam[] = [];
  fields.params = params;
  while (k < end && s.charCodeAt(k) === 59) {
    const nameStart = k + 1;
    let i = nameStart;
    while (i < end && s.charCodeAt(i) !== 61 && s.charCodeAt(i) !== 59 && s.charCodeAt(i) !== 63) i++;
    const nameEnd = i;
    if (nameEnd === nameStart) {
      return result(start, end, scheme, fields, problem('param-empty', k, k + 1, `Empty URI parameter in the ${uriLabel(scheme, what)}: ";" must be followed by a parameter name`));
    }
    let p = allIn(s, nameStart, nameEnd, PARAM) ? null : checkChars(s, nameStart, nameEnd, PARAM, `parameter name of the ${uriLabel(scheme, what)}`);
    if (p !== null) return result(start, end, scheme, fields, p);
    const name = lowerToken(s, nameStart, nameEnd);
    let eq = -1;
    let valueStart = nameEnd;
    let valueEnd = nameEnd;
    if (!(i < end && s.charCodeAt(i) === 61) && URI_VALUED.has(name)) {
      return result(start, end, scheme, fields, problem('param-value-missing', nameStart, nameEnd,
        `URI parameter "${s.slice(nameStart, nameEnd)}" in the ${uriLabel(scheme, what)} needs a value ("${s.slice(nameStart, nameEnd).toLowerCase()}=...")`));
    }
    if (i < end && s.charCodeAt(i) === 61) {
      eq = i;
      valueStart = i + 1;
      valueEnd = valueStart;
      while (valueEnd < end && s.charCodeAt(valueEnd) !== 59 && s.charCodeAt(valueEnd) !== 63) valueEnd++;
      if (valueEnd === valueStart) {
        return result(start, end, scheme, fields, problem('param-value-missing', nameStart, eq + 1,
          `URI parameter "${s.slice(nameStart, nameEnd)}" in the ${uriLabel(scheme, what)} has "=" but no value`));
      }
      p = allIn(s, valueStart, valueEnd, PARAM) ? null : checkChars(s, valueStart, valueEnd, PARAM, `value of URI parameter "${s.slice(nameStart, nameEnd)}"`);
      if (p !== null) return result(start, end, scheme, fields, p);
    }
    params.push({ name, nameStart, nameEnd, eq, valueStart, valueEnd });
    k = valueEnd;
  }

  // headers
  if (k < end && s.charCodeAt(k) === 63) {
    fields.headersStart = k;
    let i = k + 1;
    while (i <= end) {
      const hStart = i;
      while (i < end && s.charCodeAt(i) !== 38) i++;
      let eq = -1;
      for (let j = hStart; j < i; j++) {
        if (s.charCodeAt(j) === 61) {
          eq = j;
          break;
        }
      }
      if (eq <= hStart) {
        return result(start, end, scheme, fields, problem('uri-character-invalid', hStart, Math.max(i, hStart + 1),
          `URI header "${excerpt(s, hStart, i)}" in the ${uriLabel(scheme, what)} must have the form name=value`));
      }
      const p = checkChars(s, hStart, eq, HEADER, `header name of the ${uriLabel(scheme, what)}`) ??
        checkChars(s, eq + 1, i, HEADER, `header value of the ${uriLabel(scheme, what)}`);
      if (p !== null) return result(start, end, scheme, fields, p);
      if (i >= end) break;
      i++;
    }
  }
  return result(start, end, scheme, fields, null);
}
