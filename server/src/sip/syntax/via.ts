/**
 * Via (RFC 3261 sections 20.42 and 25.1):
 *
 *   Via           = ( "Via" / "v" ) HCOLON via-parm *(COMMA via-parm)
 *   via-parm      = sent-protocol LWS sent-by *( SEMI via-params )
 *   sent-protocol = protocol-name SLASH protocol-version SLASH transport
 *   sent-by       = host [ COLON port ]
 *   SLASH = SWS "/" SWS          COLON = SWS ":" SWS
 */
import { isWsp, skipToken, skipWsp } from './chars';
import { checkHostname, checkIPv6Reference, checkPort, countColons, unbracketedIPv6 } from './host';
import { VIA_VALUED, parseParams, unexpectedAfter, type Param } from './params';
import { excerpt, problem, type SyntaxProblem } from './problem';
import { lowerToken } from './lowerToken';

const TRANSPORTS = ['UDP', 'TCP', 'TLS', 'SCTP', 'WS', 'WSS', 'TLS-SCTP'];

/** The transport as written; the usual upper-case spellings are shared strings. */
function transportName(s: string, start: number, end: number): string {
  for (const t of TRANSPORTS) if (t.length === end - start && s.startsWith(t, start)) return t;
  return s.slice(start, end);
}

export interface ViaParm {
  readonly start: number;
  readonly end: number;
  readonly protocolStart: number;
  readonly protocolEnd: number;
  /** `SIP`, `2.0`, `UDP` as written. */
  readonly protocolName: string;
  readonly protocolVersion: string;
  readonly transport: string;
  readonly hostStart: number;
  readonly hostEnd: number;
  readonly portStart: number;
  readonly portEnd: number;
  readonly params: readonly Param[];
}

export interface ViaList {
  readonly items: readonly ViaParm[];
  readonly problem: SyntaxProblem | null;
}

export function parseVia(s: string): ViaList {
  const items: ViaParm[] = [];
  const n = s.length;
  let i = skipWsp(s, 0);
  if (i >= n) return { items, problem: null };
  for (;;) {
    const one = parseViaParm(s, i);
    if (one.problem !== null || one.parm === null) return { items, problem: one.problem };
    items.push(one.parm);
    const j = skipWsp(s, one.parm.end);
    if (j >= n) return { items, problem: null };
    if (s.charCodeAt(j) === 44) {
      const next = skipWsp(s, j + 1);
      if (next >= n || s.charCodeAt(next) === 44) {
        return { items, problem: problem('header-value-syntax', j, j + 1, 'Empty element in the Via header: "," must be followed by another via-parm (SIP/2.0/transport host)') };
      }
      i = next;
      continue;
    }
    return { items, problem: unexpectedAfter(s, j, 'the Via header', true) };
  }
}

interface One {
  readonly parm: ViaParm | null;
  readonly problem: SyntaxProblem | null;
}

function fail(p: SyntaxProblem): One {
  return { parm: null, problem: p };
}

function parseViaParm(s: string, i: number): One {
  const n = s.length;
  // sent-protocol: three tokens separated by "/" (whitespace around "/" allowed), as offsets (no arrays: this runs for every Via).
  let nameStart = -1, nameEnd = -1, versionStart = -1, versionEnd = -1, transportStart = -1, transportEnd = -1;
  let k = i;
  for (let p = 0; p < 3; p++) {
    if (p > 0) {
      const slash = skipWsp(s, k);
      if (slash >= n || s.charCodeAt(slash) !== 47) break;
      k = skipWsp(s, slash + 1);
    }
    const end = skipToken(s, k);
    if (end === k) break;
    if (p === 0) {
      nameStart = k;
      nameEnd = end;
    } else if (p === 1) {
      versionStart = k;
      versionEnd = end;
    } else {
      transportStart = k;
      transportEnd = end;
    }
    k = end;
  }
  if (transportStart === -1) {
    let e = k;
    while (e < n && !isWsp(s.charCodeAt(e)) && s.charCodeAt(e) !== 59 && s.charCodeAt(e) !== 44) e++;
    return fail(problem('via-sent-protocol-invalid', i, Math.max(e, i + 1),
      `Via value "${excerpt(s, i, Math.max(e, i + 1))}" does not start with a sent-protocol; expected protocol/version/transport such as SIP/2.0/UDP`));
  }
  const isSip = nameEnd - nameStart === 3 && lowerToken(s, nameStart, nameEnd) === 'sip';
  const is20 = versionEnd - versionStart === 3 && s.startsWith('2.0', versionStart);
  const protocolName = isSip && s.startsWith('SIP', nameStart) ? 'SIP' : s.slice(nameStart, nameEnd);
  const protocolVersion = is20 ? '2.0' : s.slice(versionStart, versionEnd);
  const transport = transportName(s, transportStart, transportEnd);
  if (!isSip || !is20) {
    return fail(problem('via-sent-protocol-invalid', nameStart, versionEnd,
      `Via sent-protocol is ${protocolName}/${protocolVersion}; expected SIP/2.0 (the version of this message's protocol)`));
  }
  const protocolEnd = k;
  // LWS, then sent-by.
  const hostStart = skipWsp(s, k);
  if (hostStart === k || hostStart >= n) {
    return fail(problem('header-value-syntax', nameStart, protocolEnd,
      `Via has no sent-by after ${protocolName}/${protocolVersion}/${transport}; expected a space and the host (and port) the response goes to`));
  }
  let hostEnd: number;
  let after: number;
  if (s.charCodeAt(hostStart) === 91) {
    const close = s.indexOf(']', hostStart);
    let stop = close;
    if (close === -1) {
      stop = hostStart;
      while (stop < n && !isWsp(s.charCodeAt(stop)) && s.charCodeAt(stop) !== 59 && s.charCodeAt(stop) !== 44) stop++;
    }
    const p = checkIPv6Reference(s, hostStart, close === -1 ? -1 : close, stop, 'the Via sent-by');
    if (p !== null) return fail(p);
    hostEnd = close + 1;
    after = hostEnd;
  } else {
    let regionEnd = hostStart;
    while (regionEnd < n && !isWsp(s.charCodeAt(regionEnd)) && s.charCodeAt(regionEnd) !== 59 && s.charCodeAt(regionEnd) !== 44) regionEnd++;
    if (countColons(s, hostStart, regionEnd) >= 2) return fail(unbracketedIPv6(s, hostStart, regionEnd, 'the Via sent-by'));
    hostEnd = hostStart;
    while (hostEnd < regionEnd && s.charCodeAt(hostEnd) !== 58) hostEnd++;
    const p = checkHostname(s, hostStart, hostEnd, 'the Via sent-by');
    if (p !== null) return fail(p);
    after = hostEnd;
  }
  let portStart = -1;
  let portEnd = -1;
  const colon = skipWsp(s, after);
  if (colon < n && s.charCodeAt(colon) === 58) {
    portStart = skipWsp(s, colon + 1);
    portEnd = portStart;
    while (portEnd < n && !isWsp(s.charCodeAt(portEnd)) && s.charCodeAt(portEnd) !== 59 && s.charCodeAt(portEnd) !== 44) portEnd++;
    const p = checkPort(s, portStart, portEnd, 'the Via sent-by');
    if (p !== null) return fail(p);
    after = portEnd;
  }
  const params = parseParams(s, after, 'the Via header', VIA_VALUED);
  if (params.problem !== null) return fail(params.problem);
  return {
    parm: {
      start: i, end: params.end, protocolStart: nameStart, protocolEnd,
      protocolName, protocolVersion, transport,
      hostStart, hostEnd, portStart, portEnd, params: params.params,
    },
    problem: null,
  };
}
