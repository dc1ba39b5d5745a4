/**
 * Header parameters: `*( SEMI generic-param )` (RFC 3261 section 25.1).
 *
 *   generic-param = token [ EQUAL gen-value ]
 *   gen-value     = token / host / quoted-string
 *   SEMI = SWS ";" SWS      EQUAL = SWS "=" SWS
 *
 * The scanner is linear and keeps every name and value as a range, so a rule
 * can point at exactly the parameter it judges.
 */
import { isTokenChar, isWsp, skipWsp } from './chars';
import { problem, type SyntaxProblem } from './problem';
import { scanQuoted } from './quoted';
import { lowerToken } from './lowerToken';

export interface Param {
  /** Lower-case name. */
  readonly name: string;
  /** Offset of the `;` that introduces the parameter. */
  readonly semi: number;
  readonly nameStart: number;
  readonly nameEnd: number;
  /** Offset of `=`, or -1 for a parameter without a value. */
  readonly eq: number;
  /** Value range (quotes included for a quoted string); empty when there is no value. */
  readonly valueStart: number;
  readonly valueEnd: number;
  readonly quoted: boolean;
}

const NONE: ReadonlySet<string> = new Set();

/** Header parameters whose grammar is `name EQUAL value` (RFC 3261 section 25.1, RFC 4028). */
export const ADDRESS_VALUED: ReadonlySet<string> = new Set(['tag', 'expires', 'q']);
/** via-ttl, via-maddr, via-received, via-branch (rport may be empty, RFC 3581). */
export const VIA_VALUED: ReadonlySet<string> = new Set(['branch', 'received', 'maddr', 'ttl']);

export interface ParamList {
  readonly params: Param[];
  /** Index just past the last parameter (before any trailing whitespace). */
  readonly end: number;
  readonly problem: SyntaxProblem | null;
}

/** Characters of an unquoted value: token, plus `:` `[` `]` so that host values (IPv6 received=) read whole. */
function isValueChar(c: number): boolean {
  return isTokenChar(c) || c === 58 || c === 91 || c === 93;
}

/**
 * Reads `;name[=value]` pairs from `i` while the next non-blank character is
 * `;`. `what` names the header for messages ("the Via header"); `valued`
 * lists (lower-case) the parameters whose grammar requires "=value".
 */
export function parseParams(s: string, i: number, what: string, valued: ReadonlySet<string> = NONE, end: number = s.length): ParamList {
  const params: Param[] = [];
  let at = i;
  for (;;) {
    const semi = skipWsp(s, at, end);
    if (semi >= end || s.charCodeAt(semi) !== 59) return { params, end: at, problem: null };
    const nameStart = skipWsp(s, semi + 1, end);
    let nameEnd = nameStart;
    while (nameEnd < end && isTokenChar(s.charCodeAt(nameEnd))) nameEnd++;
    if (nameEnd === nameStart) {
      const next = nameStart < end ? s.charCodeAt(nameStart) : -1;
      const why = next === -1 ? 'the value ends there' : next === 59 ? 'another ";" follows' : next === 44 ? 'a "," follows' : `"${s[nameStart]}" follows`;
      return {
        params, end: at,
        problem: problem('param-empty', semi, semi + 1, `Empty parameter in ${what}: ";" must be followed by a parameter name, but ${why}`),
      };
    }
    const name = lowerToken(s, nameStart, nameEnd);
    const eqAt = skipWsp(s, nameEnd, end);
    if (eqAt < end && s.charCodeAt(eqAt) === 61) {
      const valueStart = skipWsp(s, eqAt + 1, end);
      let valueEnd = valueStart;
      let quoted = false;
      if (valueStart < end && s.charCodeAt(valueStart) === 34) {
        const close = scanQuoted(s, valueStart, end);
        if (close === -1) {
          return {
            params, end: at,
            problem: problem('quoted-string-unterminated', valueStart, end, `The quoted value of parameter "${name}" in ${what} has no closing double quote`),
          };
        }
        valueEnd = close;
        quoted = true;
      } else {
        while (valueEnd < end && isValueChar(s.charCodeAt(valueEnd))) valueEnd++;
      }
      if (valueEnd === valueStart) {
        return {
          params, end: at,
          problem: problem('param-value-missing', nameStart, eqAt + 1, `Parameter "${s.slice(nameStart, nameEnd)}" in ${what} has "=" but no value`),
        };
      }
      params.push({ name, semi, nameStart, nameEnd, eq: eqAt, valueStart, valueEnd, quoted });
      at = valueEnd;
    } else {
      if (valued.has(name)) {
        return {
          params, end: at,
          problem: problem('param-value-missing', nameStart, nameEnd, `Parameter "${s.slice(nameStart, nameEnd)}" in ${what} needs a value ("${name}=...")`),
        };
      }
      params.push({ name, semi, nameStart, nameEnd, eq: -1, valueStart: nameEnd, valueEnd: nameEnd, quoted: false });
      at = nameEnd;
    }
  }
}

export function findParam(params: readonly Param[], name: string): Param | undefined {
  for (const p of params) if (p.name === name) return p;
  return undefined;
}

/** The problem for what follows a value where only `;`, `,` (lists) or the end may. */
export function unexpectedAfter(s: string, at: number, what: string, list: boolean): SyntaxProblem {
  const c = s.charCodeAt(at);
  let end = at + 1;
  if (!isWsp(c)) while (end < s.length && !isWsp(s.charCodeAt(end)) && s.charCodeAt(end) !== 59 && s.charCodeAt(end) !== 44) end++;
  const found = s.slice(at, Math.min(end, at + 30));
  return problem('header-value-syntax', at, end,
    `Unexpected "${found}" in ${what}; expected ";" and a parameter${list ? ', "," and another value' : ''} or the end of the value`);
}
