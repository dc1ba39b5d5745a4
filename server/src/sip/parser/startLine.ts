/**
 * Start-line parsing (RFC 3261 section 7.1 Request-Line, 7.2 Status-Line).
 *
 * The parser is lenient: it finds method, URI, version, code and reason even
 * when the line breaks the grammar (extra spaces, a missing version), so that
 * hovers and navigation still work, and reports what is wrong as problems.
 */
import type { Problem, StartLine } from '../model';
import { isDigit, isSpace, isTokenChar, startsWithSipSlash } from '../framing/lineScan';
import { detached } from '../text/detach';

const NONE = -1;

export function parseStartLine(text: string, start: number, end: number, problems: Problem[]): StartLine {
  if (startsWithSipSlash(text, start, end)) return parseStatusLine(text, start, end, problems);
  return parseRequestLine(text, start, end, problems);
}

/** A start line for a message whose first line is missing: empty, at `at`. */
export function missingStartLine(at: number): StartLine {
  return {
    kind: 'unknown', start: at, end: at,
    method: null, methodStart: NONE, methodEnd: NONE, uriStart: NONE, uriEnd: NONE,
    version: null, versionStart: NONE, versionEnd: NONE,
    status: null, statusStart: NONE, statusEnd: NONE, reason: null, reasonStart: NONE, reasonEnd: NONE,
  };
}

function parseStatusLine(text: string, start: number, end: number, problems: Problem[]): StartLine {
  let i = start;
  while (i < end && !isSpace(text.charCodeAt(i))) i++;
  const versionEnd = i;
  checkVersion(text, start, versionEnd, problems);
  i = skipSeparator(text, i, end, problems);
  const statusStart = i;
  while (i < end && !isSpace(text.charCodeAt(i))) i++;
  const statusEnd = i;
  let status: number | null = null;
  let allDigits = statusEnd > statusStart;
  for (let k = statusStart; k < statusEnd; k++) if (!isDigit(text.charCodeAt(k))) allDigits = false;
  if (allDigits && statusEnd - statusStart <= 15) {
    status = 0;
    for (let k = statusStart; k < statusEnd; k++) status = status * 10 + (text.charCodeAt(k) - 48);
  }
  if (statusEnd === statusStart) {
    problems.push({ start, end, code: 'status-code-invalid', message: 'Status line has no status code; expected SIP/2.0 SP 3DIGIT SP Reason-Phrase' });
  } else if (!allDigits || statusEnd - statusStart !== 3 || status === null || status < 100 || status > 699) {
    const written = text.slice(statusStart, Math.min(statusEnd, statusStart + 40));
    problems.push({
      start: statusStart, end: statusEnd, code: 'status-code-invalid',
      message: `Status code "${written}" is not a three-digit code from 100 to 699`,
    });
  }
  let reasonStart = statusEnd;
  let reasonEnd = statusEnd;
  if (statusEnd < end) {
    reasonStart = skipSeparator(text, statusEnd, end, problems);
    reasonEnd = end;
  }
  return {
    kind: 'response', start, end,
    method: null, methodStart: NONE, methodEnd: NONE, uriStart: NONE, uriEnd: NONE,
    version: versionText(text, start, versionEnd), versionStart: start, versionEnd,
    status, statusStart, statusEnd,
    reason: reasonText(text, reasonStart, reasonEnd, status), reasonStart, reasonEnd,
  };
}

function parseRequestLine(text: string, start: number, end: number, problems: Problem[]): StartLine {
  let i = start;
  while (i < end && !isSpace(text.charCodeAt(i))) i++;
  const methodEnd = i;
  for (let k = start; k < methodEnd; k++) {
    if (!isTokenChar(text.charCodeAt(k))) {
      problems.push({
        start, end: methodEnd, code: 'method-invalid',
        message: `Method "${text.slice(start, Math.min(methodEnd, start + 40))}" contains characters not allowed in a token`,
      });
      break;
    }
  }
  // The version is the last word when it looks like one; everything between is the URI.
  let trimmedEnd = end;
  while (trimmedEnd > methodEnd && isSpace(text.charCodeAt(trimmedEnd - 1))) trimmedEnd--;
  let lastWord = trimmedEnd;
  while (lastWord > methodEnd && !isSpace(text.charCodeAt(lastWord - 1))) lastWord--;
  const hasVersion = lastWord > methodEnd && startsWithSipSlash(text, lastWord, trimmedEnd);
  const versionStart = hasVersion ? lastWord : NONE;
  const versionEnd = hasVersion ? trimmedEnd : NONE;
  const uriStart = methodEnd < end ? skipSeparator(text, methodEnd, end, problems) : end;
  let uriEnd = hasVersion ? lastWord : trimmedEnd;
  if (hasVersion) {
    // Report extra spaces before the version once, as for the other separators.
    let sepStart = uriEnd;
    while (sepStart > uriStart && isSpace(text.charCodeAt(sepStart - 1))) sepStart--;
    if (uriEnd - sepStart > 1 || (uriEnd - sepStart === 1 && text.charCodeAt(sepStart) !== 32)) {
      problems.push({ start: sepStart, end: uriEnd, code: 'start-line-whitespace', message: 'Elements of the start line must be separated by exactly one space (SP)' });
    }
    uriEnd = sepStart;
    checkVersion(text, versionStart, versionEnd, problems);
    if (trimmedEnd < end) {
      problems.push({ start: trimmedEnd, end, code: 'start-line-whitespace', message: 'Trailing whitespace after the SIP version in the request line' });
    }
  } else {
    problems.push({
      start, end, code: 'sip-version-invalid',
      message: 'Request line has no SIP version; expected Method SP Request-URI SP SIP/2.0',
    });
  }
  if (uriEnd <= uriStart) {
    problems.push({ start, end, code: 'start-line-invalid', message: 'Request line has no Request-URI; expected Method SP Request-URI SP SIP/2.0' });
  }
  return {
    kind: 'request', start, end,
    method: methodText(text, start, methodEnd), methodStart: start, methodEnd,
    uriStart, uriEnd: Math.max(uriStart, uriEnd),
    version: hasVersion ? versionText(text, versionStart, versionEnd) : null, versionStart, versionEnd,
    status: null, statusStart: NONE, statusEnd: NONE, reason: null, reasonStart: NONE, reasonEnd: NONE,
  };
}

/** Skips the separator after an element and reports anything but a single SP. */
function skipSeparator(text: string, at: number, end: number, problems: Problem[]): number {
  let i = at;
  while (i < end && isSpace(text.charCodeAt(i))) i++;
  if (i - at > 1 || (i - at === 1 && text.charCodeAt(at) !== 32)) {
    problems.push({ start: at, end: i, code: 'start-line-whitespace', message: 'Elements of the start line must be separated by exactly one space (SP)' });
  }
  return i;
}

const SIP_2_0 = 'SIP/2.0';

/** `SIP/2.0` in any case (RFC 3261 section 7.1: the version string is case-insensitive). */
function isSip20(text: string, start: number, end: number): boolean {
  if (end - start !== 7 || !startsWithSipSlash(text, start, end)) return false;
  return text.charCodeAt(start + 4) === 50 && text.charCodeAt(start + 5) === 46 && text.charCodeAt(start + 6) === 48;
}

/** The version as written; the common `SIP/2.0` shares one string instead of a slice per message. */
function versionText(text: string, start: number, end: number): string {
  return text.startsWith(SIP_2_0, start) && end - start === 7 ? SIP_2_0 : text.slice(start, end);
}

/** Method names as written, shared for the common ones (one allocation less per request). */
const METHOD_STRINGS = ['INVITE', 'ACK', 'BYE', 'CANCEL', 'REGISTER', 'OPTIONS', 'PRACK', 'SUBSCRIBE', 'NOTIFY', 'PUBLISH', 'INFO', 'REFER', 'MESSAGE', 'UPDATE'];
/** The common methods by length and first letter: one comparison per request instead of a search. */
const METHOD_BY_SHAPE = new Map<number, string>(METHOD_STRINGS.map((m) => [m.length * 128 + m.charCodeAt(0), m]));

function methodText(text: string, start: number, end: number): string {
  const known = METHOD_BY_SHAPE.get((end - start) * 128 + (text.charCodeAt(start) & 127));
  return known !== undefined && text.startsWith(known, start) ? known : text.slice(start, end);
}

/**
 * The reason phrase last seen with each status code, shared by the responses
 * that repeat it (nearly all do): no string per response.
 */
const REASON_BY_STATUS: (string | undefined)[] = new Array(700);

function reasonText(text: string, start: number, end: number, status: number | null): string {
  if (status === null || status < 100 || status > 699) return text.slice(start, end);
  const last = REASON_BY_STATUS[status];
  if (last !== undefined && last.length === end - start && text.startsWith(last, start)) return last;
  const reason = text.slice(start, end);
  // A copy, not a slice, is kept: the table outlives the text.
  if (reason.length <= 64) REASON_BY_STATUS[status] = detached(reason);
  return reason;
}

function checkVersion(text: string, start: number, end: number, problems: Problem[]): void {
  if (isSip20(text, start, end)) return;
  const written = text.slice(start, Math.min(end, start + 40));
  problems.push({ start, end, code: 'sip-version-invalid', message: `SIP version "${written}" is not supported; expected SIP/2.0` });
}
