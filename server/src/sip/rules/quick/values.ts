/**
 * Check-only forms of the scalar header-value rules (`headerValueRules.ts`,
 * `headerSyntaxRules.ts`, `syntax/date.ts`) on document ranges: true only
 * when the rule would report nothing for the (non-empty, unfolded) value.
 */
import { MAX_CSEQ, MAX_DELTA_SECONDS } from '../../syntax/numbers';
import { scanQuoted } from '../../syntax/quoted';
import { ParamMode, paramsEnd } from './structured';
import { isAlpha, isDigit, isNumberAtMost, isWord, isWsp, skipDigits, skipToken, skipWsp } from './text';

/** Where the method of the last CSeq accepted starts and ends. */
let methodStart = -1;
let methodEnd = -1;

/** CSeq = 1*DIGIT LWS Method, the number below 2**31 (`parseCSeqParts`). */
export function cseqOk(t: string, start: number, end: number): boolean {
  const seqEnd = skipDigits(t, start, end);
  if (!isNumberAtMost(t, start, seqEnd, MAX_CSEQ)) return false;
  methodStart = skipWsp(t, seqEnd, end);
  if (methodStart === seqEnd) return false;
  methodEnd = skipToken(t, methodStart, end);
  return methodEnd > methodStart && skipWsp(t, methodEnd, end) === end;
}

export function cseqMethodStart(): number {
  return methodStart;
}

export function cseqMethodEnd(): number {
  return methodEnd;
}

/** Max-Forwards, Expires, Min-Expires: the whole value one number up to `max`. */
export function numberOk(t: string, start: number, end: number, max: number): boolean {
  return isNumberAtMost(t, start, end, max);
}

/** RSeq: 1 to 2**32-1. */
export function rseqOk(t: string, start: number, end: number): boolean {
  if (!isNumberAtMost(t, start, end, MAX_DELTA_SECONDS)) return false;
  for (let i = start; i < end; i++) if (t.charCodeAt(i) !== 48) return true;
  return false;
}

/** RAck = response-num LWS CSeq-num LWS Method. */
export function rackOk(t: string, start: number, end: number): boolean {
  const a = skipDigits(t, start, end);
  const b0 = skipWsp(t, a, end);
  const b = skipDigits(t, b0, end);
  const m0 = skipWsp(t, b, end);
  const m = skipToken(t, m0, end);
  return a > start && b0 > a && b > b0 && m0 > b && m > m0 && skipWsp(t, m, end) === end &&
    isNumberAtMost(t, start, a, MAX_DELTA_SECONDS) && isNumberAtMost(t, b0, b, MAX_DELTA_SECONDS);
}

/**
 * Retry-After, Min-SE and Session-Expires: delta-seconds, then parameters
 * (or a comment); for Session-Expires a refresher is uac or uas.
 */
export function leadingSecondsOk(t: string, start: number, end: number, sessionExpires: boolean): boolean {
  const digits = skipDigits(t, start, end);
  if (!isNumberAtMost(t, start, digits, MAX_DELTA_SECONDS)) return false;
  const rest = skipWsp(t, digits, end);
  if (rest >= end) return true;
  const c = t.charCodeAt(rest);
  if (c !== 59 && c !== 40) return false;
  return !sessionExpires || paramsEnd(t, digits, end, ParamMode.SessionExpires) !== -1;
}

/** Call-ID: no whitespace, no control character. */
export function callIdOk(t: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = t.charCodeAt(i);
    if (c < 33 || c === 127) return false;
  }
  return true;
}

/** media-type = m-type SLASH m-subtype *(SEMI attribute=value). */
export function contentTypeOk(t: string, start: number, end: number): boolean {
  const typeEnd = skipToken(t, start, end);
  const slash = skipWsp(t, typeEnd, end);
  if (typeEnd === start || slash >= end || t.charCodeAt(slash) !== 47) return false;
  const subStart = skipWsp(t, slash + 1, end);
  const subEnd = skipToken(t, subStart, end);
  if (subEnd === subStart) return false;
  const after = paramsEnd(t, subEnd, end, ParamMode.MediaType);
  return after !== -1 && skipWsp(t, after, end) === end;
}

/** Warning = warn-code SP warn-agent SP "warn-text" *(COMMA ...). */
export function warningOk(t: string, start: number, end: number): boolean {
  let i = skipWsp(t, start, end);
  while (i < end) {
    const codeEnd = skipDigits(t, i, end);
    if (codeEnd - i !== 3 || (codeEnd < end && !isWsp(t.charCodeAt(codeEnd)))) return false;
    const agentStart = skipWsp(t, codeEnd, end);
    let agentEnd = agentStart;
    while (agentEnd < end && !isWsp(t.charCodeAt(agentEnd)) && t.charCodeAt(agentEnd) !== 34) agentEnd++;
    const textStart = skipWsp(t, agentEnd, end);
    if (agentEnd === agentStart || textStart >= end || t.charCodeAt(textStart) !== 34) return false;
    const textEnd = scanQuoted(t, textStart, end);
    if (textEnd === -1) return false;
    i = skipWsp(t, textEnd, end);
    if (i < end) {
      if (t.charCodeAt(i) !== 44) return false;
      i = skipWsp(t, i + 1, end);
    }
  }
  return true;
}

const WKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function oneOf(t: string, start: number, end: number, words: readonly string[]): boolean {
  for (const w of words) if (isWord(t, start, end, w)) return true;
  return false;
}

/** Where a Date "word" (up to whitespace or ",") that starts at `i` ends. */
function wordEnd(t: string, i: number, end: number): number {
  while (i < end && !isWsp(t.charCodeAt(i)) && t.charCodeAt(i) !== 44) i++;
  return i;
}

/** Two digits at `i`, their value at most `max`. */
function pairAtMost(t: string, i: number, max: number): boolean {
  const a = t.charCodeAt(i);
  const b = t.charCodeAt(i + 1);
  return isDigit(a) && isDigit(b) && (a - 48) * 10 + (b - 48) <= max;
}

/** rfc1123-date = wkday "," SP DD SP Mon SP YYYY SP HH:MM:SS SP "GMT" (`checkSipDate`). */
export function dateOk(t: string, start: number, end: number): boolean {
  let i = start;
  let e = wordEnd(t, i, end);
  if (e - i !== 3 || !isAlpha(t.charCodeAt(i)) || !oneOf(t, i, e, WKDAYS)) return false;
  if (e >= end || t.charCodeAt(e) !== 44) return false;
  i = e + 1;
  // Then five words, each after whitespace: day, month, year, time, zone.
  for (let part = 0; part < 5; part++) {
    if (i >= end || !isWsp(t.charCodeAt(i))) return false;
    i = skipWsp(t, i, end);
    e = wordEnd(t, i, end);
    let ok: boolean;
    switch (part) {
      case 0: ok = e - i === 2 && isDigit(t.charCodeAt(i)) && isDigit(t.charCodeAt(i + 1)); break;
      case 1: ok = oneOf(t, i, e, MONTHS); break;
      case 2: ok = e - i === 4 && skipDigits(t, i, e) === e; break;
      case 3: ok = e - i === 8 && pairAtMost(t, i, 23) && t.charCodeAt(i + 2) === 58 && pairAtMost(t, i + 3, 59) &&
        t.charCodeAt(i + 5) === 58 && pairAtMost(t, i + 6, 60); break;
      default: ok = isWord(t, i, e, 'gmt');
    }
    if (!ok) return false;
    i = e;
  }
  return skipWsp(t, i, end) === end;
}
