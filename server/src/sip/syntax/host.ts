/**
 * Hosts and ports (RFC 3261 section 25.1, IPv6 as corrected by RFC 5118
 * section 4.10 / RFC 4291 section 2.2).
 *
 *   host          = hostname / IPv4address / IPv6reference
 *   IPv6reference = "[" IPv6address "]"
 *   port          = 1*DIGIT      (a 16-bit transport port: 0-65535)
 */
import { digitsAtMost, isAlnum, isAllDigits, isDigit, isHex } from './chars';
import { excerpt, problem, type SyntaxProblem } from './problem';

/** Dotted-quad IPv4 address, each part 0-255. */
export function isIPv4(s: string, start: number, end: number): boolean {
  let parts = 0;
  let i = start;
  while (i <= end) {
    const partStart = i;
    while (i < end && isDigit(s.charCodeAt(i))) i++;
    const len = i - partStart;
    if (len === 0 || len > 3 || !digitsAtMost(s, partStart, i, 255)) return false;
    parts++;
    if (i === end) break;
    if (s.charCodeAt(i) !== 46 || parts === 4) return false;
    i++;
  }
  return parts === 4;
}

/**
 * IPv6 address text (RFC 4291 section 2.2): eight groups of 1-4 hex digits,
 * one `::` at most, an IPv4 tail allowed. `2001:db8:::192.0.2.1` (RFC 5118
 * section 4.10, allowed by RFC 3261's faulty ABNF) is rejected.
 */
export function isIPv6(s: string, start: number, end: number): boolean {
  if (end - start < 2) return false;
  let i = start;
  let groups = 0;
  let compressed = false;
  if (s.charCodeAt(i) === 58) {
    if (s.charCodeAt(i + 1) !== 58) return false;
    compressed = true;
    i += 2;
    if (i === end) return true;
  }
  for (;;) {
    const groupStart = i;
    while (i < end && isHex(s.charCodeAt(i)) && i - groupStart < 5) i++;
    const len = i - groupStart;
    if (len === 0) return false;
    if (i < end && s.charCodeAt(i) === 46) {
      if (!isIPv4(s, groupStart, end)) return false;
      groups += 2;
      break;
    }
    if (len > 4) return false;
    groups++;
    if (i === end) break;
    if (s.charCodeAt(i) !== 58) return false;
    i++;
    if (i < end && s.charCodeAt(i) === 58) {
      if (compressed) return false;
      compressed = true;
      i++;
      if (i === end) break;
    } else if (i === end) {
      return false;
    }
  }
  return compressed ? groups <= 7 : groups === 8;
}

/** A character of a hostname: letters, digits, `-`, `.`; `_` tolerated as real DNS names use it. */
export function isHostnameChar(c: number): boolean {
  return isAlnum(c) || c === 45 || c === 46 || c === 95;
}

/** Checks a hostname's characters (`isHostnameChar`). */
export function checkHostname(s: string, start: number, end: number, what: string): SyntaxProblem | null {
  if (end <= start) return problem('host-invalid', start, start, `${what} has no host`);
  for (let i = start; i < end; i++) {
    if (isHostnameChar(s.charCodeAt(i))) continue;
    return problem('host-invalid', i, i + 1,
      `Character "${s[i]}" is not allowed in the host "${excerpt(s, start, end)}" of ${what}; a host is a domain name, an IPv4 address or an IPv6 reference in brackets`);
  }
  return null;
}

/** Checks `port` digits `[start, end)`. */
export function checkPort(s: string, start: number, end: number, what: string): SyntaxProblem | null {
  if (!isAllDigits(s, start, end)) {
    return problem('port-invalid', end > start ? start : Math.max(0, start - 1), end > start ? end : start,
      end > start ? `Port "${excerpt(s, start, end)}" of ${what} is not a decimal number` : `${what} has ":" but no port after it`);
  }
  if (!digitsAtMost(s, start, end, 65535)) {
    return problem('port-invalid', start, end, `Port ${excerpt(s, start, end)} of ${what} is out of range; a port is 0-65535`);
  }
  return null;
}

/** Checks the bracketed IPv6 reference `[...]` that opens at `open` and closes at `close` (the `]`). */
export function checkIPv6Reference(s: string, open: number, close: number, end: number, what: string): SyntaxProblem | null {
  if (close === -1) {
    return problem('ipv6-reference-invalid', open, end, `The IPv6 reference in ${what} has no closing "]"`);
  }
  if (!isIPv6(s, open + 1, close)) {
    return problem('ipv6-reference-invalid', open, close + 1,
      `"${excerpt(s, open + 1, close)}" in ${what} is not a valid IPv6 address (RFC 4291 section 2.2; at most one "::", groups of 1-4 hex digits, 8 groups in all)`);
  }
  return null;
}

/** Counts `:` in `[start, end)`: two or more in a host without brackets is an unbracketed IPv6 address. */
export function countColons(s: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) if (s.charCodeAt(i) === 58) n++;
  return n;
}

export function unbracketedIPv6(s: string, start: number, end: number, what: string): SyntaxProblem {
  return problem('ipv6-reference-unbracketed', start, end,
    `IPv6 address "${excerpt(s, start, end)}" in ${what} must be enclosed in "[" and "]" (an IPv6reference): without them its colons read as a port separator`);
}
