/**
 * Address headers: To, From, Contact, Route, Record-Route, Reply-To,
 * Refer-To, P-Asserted-Identity... (RFC 3261 sections 20.10 and 25.1).
 *
 *   name-addr    = [ display-name ] LAQUOT addr-spec RAQUOT
 *   display-name = *(token LWS) / quoted-string
 *   LAQUOT = SWS "<"        RAQUOT = ">" SWS
 *
 * "Even if the display-name is empty, the name-addr form MUST be used if
 * the addr-spec contains a comma, semicolon, or question mark" (section
 * 20.10): without `<...>`, parameters after the URI belong to the header.
 */
import { describeChar, isTokenChar, isWsp, skipToken, skipWsp } from './chars';
import { ADDRESS_VALUED, parseParams, unexpectedAfter, type Param } from './params';
import { excerpt, problem, type SyntaxProblem } from './problem';
import { scanQuoted } from './quoted';
import { parseUri, type Uri } from './uri';

export interface Address {
  readonly start: number;
  readonly end: number;
  /** Contact: `*`. */
  readonly star: boolean;
  /** Display name range (quotes included), or -1. */
  readonly displayStart: number;
  readonly displayEnd: number;
  /** Written as `<...>` (name-addr) rather than a bare addr-spec. */
  readonly bracketed: boolean;
  readonly uri: Uri | null;
  readonly params: readonly Param[];
}

export interface AddressList {
  readonly items: readonly Address[];
  readonly problem: SyntaxProblem | null;
}

export interface AddressOptions {
  /** Header name for messages ("the To header"). */
  readonly what: string;
  /** Comma-separated list (Contact, Route, ...). */
  readonly list: boolean;
  /** Contact: `*` is allowed. */
  readonly allowStar: boolean;
  /** Route, Record-Route, Path, Service-Route: name-addr only. */
  readonly nameAddrOnly: boolean;
}

export function parseAddresses(s: string, opts: AddressOptions): AddressList {
  const items: Address[] = [];
  const n = s.length;
  let i = skipWsp(s, 0);
  if (i >= n) return { items, problem: null };
  for (;;) {
    const one = parseAddress(s, i, opts);
    if (one.problem !== null || one.address === null) return { items, problem: one.problem };
    items.push(one.address);
    const j = skipWsp(s, one.address.end);
    if (j >= n) return { items, problem: null };
    if (opts.list && s.charCodeAt(j) === 44) {
      const next = skipWsp(s, j + 1);
      if (next >= n || s.charCodeAt(next) === 44) {
        return { items, problem: problem('header-value-syntax', j, j + 1, `Empty element in ${opts.what}: "," must be followed by another value`) };
      }
      i = next;
      continue;
    }
    return { items, problem: unexpectedAfter(s, j, opts.what, opts.list) };
  }
}

interface One {
  readonly address: Address | null;
  readonly problem: SyntaxProblem | null;
}

function fail(p: SyntaxProblem): One {
  return { address: null, problem: p };
}

function parseAddress(s: string, i: number, opts: AddressOptions): One {
  const n = s.length;
  const what = opts.what;
  const c = s.charCodeAt(i);
  if (opts.allowStar && c === 42 /* * */) {
    const params = parseParams(s, i + 1, what, ADDRESS_VALUED);
    if (params.problem !== null) return fail(params.problem);
    return ok({ start: i, end: params.end, star: true, displayStart: -1, displayEnd: -1, bracketed: false, uri: null, params: params.params });
  }
  let displayStart = -1;
  let displayEnd = -1;
  let lt = -1;
  if (c === 34 /* " */) {
    const close = scanQuoted(s, i);
    if (close === -1) {
      return fail(problem('quoted-string-unterminated', i, n,
        `The display name in ${what} opens a double quote that is never closed; everything after it, the URI included, is read as the name`));
    }
    displayStart = i;
    displayEnd = close;
    const j = skipWsp(s, close);
    if (j >= n || s.charCodeAt(j) !== 60) {
      return fail(problem('header-value-syntax', j < n ? j : i, j < n ? j + 1 : close,
        `Expected "<" and the URI after the quoted display name in ${what}`));
    }
    lt = j;
  } else if (c === 60 /* < */) {
    lt = i;
  } else {
    const t = skipToken(s, i);
    if (!(t > i && t < n && s.charCodeAt(t) === 58)) {
      // Not `scheme:`: an unquoted display name, which must be tokens and spaces up to "<".
      let j = i;
      let lastEnd = i;
      while (j < n) {
        const ch = s.charCodeAt(j);
        if (isTokenChar(ch)) lastEnd = ++j;
        else if (isWsp(ch)) j++;
        else break;
      }
      if (j < n && s.charCodeAt(j) === 60) {
        displayStart = i;
        displayEnd = lastEnd;
        lt = j;
      } else if (j < n && s.indexOf('<', j) !== -1) {
        let nameEnd = s.indexOf('<', j);
        while (nameEnd > i && isWsp(s.charCodeAt(nameEnd - 1))) nameEnd--;
        const name = excerpt(s, i, nameEnd);
        return fail(problem('display-name-invalid', i, nameEnd,
          `Display name "${name}" contains ${describeChar(s.charCodeAt(j))}, which an unquoted display name may not; enclose it in double quotes ("${name.replace(/["\\]/g, '\\$&')}")`));
      } else if (j >= n) {
        return fail(problem('header-value-syntax', i, lastEnd,
          `${what} has "${excerpt(s, i, lastEnd)}" but no URI; expected a URI (sip:...) or a display name followed by <URI>`));
      } else {
        let e = i;
        while (e < n && !isWsp(s.charCodeAt(e)) && s.charCodeAt(e) !== 59 && !(opts.list && s.charCodeAt(e) === 44)) e++;
        return fail(problem('uri-scheme-invalid', i, Math.max(e, i + 1),
          `"${excerpt(s, i, e)}" in ${what} is not a URI: it has no scheme (e.g. sip:${excerpt(s, i, e)})`));
      }
    }
  }

  if (lt !== -1) {
    const gt = s.indexOf('>', lt + 1);
    if (gt === -1) {
      return fail(problem('angle-bracket-unclosed', lt, n, `"<" in ${what} has no matching ">"; the URI and everything after it run together`));
    }
    const a = lt + 1;
    for (let k = a; k < gt; k++) {
      if (isWsp(s.charCodeAt(k))) {
        let e = k;
        while (e < gt && isWsp(s.charCodeAt(e))) e++;
        const where = k === a ? 'after "<"' : e === gt ? 'before ">"' : 'inside the URI';
        return fail(problem('addr-spec-whitespace', k, e,
          `Whitespace ${where} in ${what}: nothing may separate "<", the URI and ">" (RFC 3261 LAQUOT / RAQUOT)`));
      }
    }
    const uri = parseUri(s, a, gt, what);
    if (uri.problem !== null) return fail(uri.problem);
    const params = parseParams(s, gt + 1, what, ADDRESS_VALUED);
    if (params.problem !== null) return fail(params.problem);
    return ok({ start: displayStart !== -1 ? displayStart : lt, end: params.end, star: false, displayStart, displayEnd, bracketed: true, uri, params: params.params });
  }

  // addr-spec: the URI runs to whitespace, to "," in a list, or to the end.
  let e = i;
  while (e < n && !isWsp(s.charCodeAt(e)) && !(opts.list && s.charCodeAt(e) === 44)) e++;
  if (opts.nameAddrOnly) {
    return fail(problem('addr-spec-needs-angle-brackets', i, e, `Values of ${what} must be name-addr: enclose the URI in "<" and ">"`));
  }
  let semi = -1;
  for (let k = i; k < e; k++) {
    if (s.charCodeAt(k) === 59) {
      semi = k;
      break;
    }
  }
  const uriEnd = semi === -1 ? e : semi;
  if (semi !== -1) {
    for (let k = semi + 1; k < e; k++) {
      if (s.charCodeAt(k) === 64 /* @ */) {
        return fail(problem('addr-spec-needs-angle-brackets', semi, k,
          `The user part of the URI in ${what} contains ";": without "<" and ">" everything from ";" is read as header parameters; enclose the URI in "<" and ">" (RFC 3261 section 20.10)`));
      }
    }
  }
  for (let k = i; k < uriEnd; k++) {
    const ch = s.charCodeAt(k);
    if (ch === 63 /* ? */ || (!opts.list && ch === 44)) {
      return fail(problem('addr-spec-needs-angle-brackets', k, uriEnd,
        `The URI in ${what} contains ${describeChar(ch)}: outside "<" and ">" that is ambiguous and not allowed; enclose the URI in "<" and ">" (RFC 3261 section 20.10)`));
    }
  }
  const uri = parseUri(s, i, uriEnd, what);
  if (uri.problem !== null) return fail(uri.problem);
  const params = parseParams(s, uriEnd, what, ADDRESS_VALUED);
  if (params.problem !== null) return fail(params.problem);
  return ok({ start: i, end: params.end, star: false, displayStart: -1, displayEnd: -1, bracketed: false, uri, params: params.params });
}

function ok(address: Address): One {
  return { address, problem: null };
}
