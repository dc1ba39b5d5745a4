/**
 * Builds a `SipMessage` from the logical lines a framer found (RFC 3261
 * section 7: start line, header fields, empty line, body).
 *
 * Header values are not parsed here: rules and hovers parse the few values
 * they need, lazily, from the offsets (see `values.ts`).
 */
import { canonicalHeaderName } from '../knowledge/headerNames';
import { Eol, LINE_STRIDE, type Problem, type SipHeader, type SipMessage } from '../model';
import type { FramedMessage } from '../framing/types';
import { isBlank, isHeaderLine, isSpace, isTokenChar, isVersionlessRequestLine, startsWithSipSlash, utf8Length } from '../framing/lineScan';
import { missingStartLine, parseStartLine } from './startLine';

export function parseMessage(text: string, framed: FramedMessage, index: number): SipMessage {
  const { lines } = framed;
  const lineCount = lines.length / LINE_STRIDE;
  const problems: Problem[] = framed.problems ? [...framed.problems] : [];
  const headers: SipHeader[] = [];

  const firstStart = lines[0];
  const firstEnd = lines[1];
  // A block that starts with a header is a message whose start line is missing.
  const headless =
    isHeaderLine(text, firstStart, firstEnd) &&
    !startsWithSipSlash(text, firstStart, firstEnd) &&
    !isVersionlessRequestLine(text, firstStart, firstEnd);
  let line: number;
  let startLine;
  if (headless) {
    startLine = missingStartLine(firstStart);
    problems.push({
      start: firstStart, end: firstEnd, code: 'start-line-missing',
      message: 'Message has no start line; expected a Request-Line (INVITE sip:... SIP/2.0) or a Status-Line (SIP/2.0 200 OK) before the headers',
    });
    line = 0;
  } else {
    startLine = parseStartLine(text, firstStart, firstEnd, problems);
    line = 1;
  }

  // Header block: up to the first empty line.
  let terminated = false;
  let current: MutableHeader | null = null;
  for (; line < lineCount; line++) {
    const s = lines[line * LINE_STRIDE];
    const e = lines[line * LINE_STRIDE + 1];
    if (isBlank(text, s, e)) {
      terminated = true;
      line++;
      break;
    }
    if (isSpace(text.charCodeAt(s))) {
      if (current === null) {
        problems.push({
          start: s, end: e, code: 'header-fold-without-header',
          message: 'Line starts with whitespace (a folded continuation line) but no header precedes it',
        });
        continue;
      }
      let ve = e;
      while (ve > s && isSpace(text.charCodeAt(ve - 1))) ve--;
      if (ve > s && !isBlank(text, s, ve)) {
        if (current.valueStart === current.valueEnd) {
          // The value starts on a continuation line (`Route:` then ` <sip:...>`).
          let vs = s;
          while (vs < ve && isSpace(text.charCodeAt(vs))) vs++;
          current.valueStart = vs;
        }
        current.valueEnd = ve;
      }
      current.lastLine = line;
      continue;
    }
    current = parseHeaderLine(text, s, e, line, problems);
    if (current !== null) headers.push(current);
  }

  const bodyLine = terminated && line < lineCount ? line : -1;
  const contentType = mediaType(text, headers);
  const headerCut = !terminated && framed.endReason === 'cut';
  let bodyStart = framed.end;
  let bodyEnd = framed.end;
  if (bodyLine !== -1) {
    bodyStart = lines[bodyLine * LINE_STRIDE];
    // The body's extent ends at its last non-blank line.
    let last = lineCount - 1;
    while (last > bodyLine && isBlank(text, lines[last * LINE_STRIDE], lines[last * LINE_STRIDE + 1])) last--;
    bodyEnd = Math.max(bodyStart, lines[last * LINE_STRIDE + 1]);
  } else if (terminated) {
    bodyStart = bodyEnd = lines[(lineCount - 1) * LINE_STRIDE + 1];
  }

  const contentLength = checkContentLength(text, headers, lines, bodyLine, problems);
  if (!terminated) {
    // A message cut short in its headers is reported when another message
    // interrupted it, or when a body was announced; a paste that only lost
    // the final empty line of a body-less message is not worth an alarm.
    if (headerCut || (contentLength !== null && contentLength > 0)) {
      const lastStart = lines[(lineCount - 1) * LINE_STRIDE];
      const lastEnd = lines[(lineCount - 1) * LINE_STRIDE + 1];
      problems.push({
        start: lastStart, end: lastEnd, code: 'header-block-unterminated',
        message: headerCut
          ? 'Header block ends without an empty line: the next message starts here, so this one was cut short'
          : 'Header block ends without an empty line, yet Content-Length announces a body: the message is truncated',
      });
    }
  }

  return {
    index,
    start: framed.start,
    end: framed.end,
    kind: startLine.kind,
    startLine,
    headers,
    lines,
    bodyLine,
    bodyStart,
    bodyEnd,
    contentType,
    problems,
    meta: framed.meta,
  };
}

interface MutableHeader extends SipHeader {
  valueStart: number;
  valueEnd: number;
  lastLine: number;
}

function parseHeaderLine(text: string, s: number, e: number, line: number, problems: Problem[]): MutableHeader | null {
  // Scan this line only: an unbounded indexOf would make colon-less lines quadratic.
  let colon = s;
  while (colon < e && text.charCodeAt(colon) !== 58) colon++;
  if (colon >= e) {
    problems.push({
      start: s, end: e, code: 'header-missing-colon',
      message: 'Header line has no colon; expected "Name: value"',
    });
    return null;
  }
  let nameEnd = colon;
  while (nameEnd > s && isSpace(text.charCodeAt(nameEnd - 1))) nameEnd--;
  let validName = nameEnd > s;
  for (let i = s; i < nameEnd && validName; i++) if (!isTokenChar(text.charCodeAt(i))) validName = false;
  if (!validName) {
    problems.push({
      start: s, end: nameEnd > s ? nameEnd : colon + 1, code: 'header-name-invalid',
      message: nameEnd > s
        ? `Header name "${text.slice(s, Math.min(nameEnd, s + 40))}" contains characters not allowed in a token`
        : 'Header has an empty name before the colon',
    });
  }
  let valueStart = colon + 1;
  while (valueStart < e && isSpace(text.charCodeAt(valueStart))) valueStart++;
  let valueEnd = e;
  while (valueEnd > valueStart && isSpace(text.charCodeAt(valueEnd - 1))) valueEnd--;
  const canonical = canonicalHeaderName(text.slice(s, nameEnd));
  return {
    nameStart: s, nameEnd, colon, valueStart, valueEnd,
    name: canonical.name, key: canonical.key, compact: canonical.compact,
    firstLine: line, lastLine: line,
  };
}

function countReplacementChars(text: string, start: number, end: number): number {
  let count = 0;
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === 0xfffd) count++;
  return count;
}

function mediaType(text: string, headers: readonly SipHeader[]): string | null {
  for (const h of headers) {
    if (h.key !== 'content-type') continue;
    let end = h.valueStart;
    while (end < h.valueEnd && text.charCodeAt(end) !== 59) end++;
    const type = text.slice(h.valueStart, end).trim().toLowerCase();
    return type.length > 0 ? type : null;
  }
  return null;
}

/**
 * Checks Content-Length against the body and returns the announced length
 * (null when absent or unusable).
 *
 * Traces are not wire captures: a tool may have dropped every CR (so an LF
 * counts as one or two bytes), or the final line break. The body length is
 * therefore a window, and only a Content-Length outside it is reported.
 */
function checkContentLength(
  text: string,
  headers: readonly SipHeader[],
  lines: Int32Array,
  bodyLine: number,
  problems: Problem[],
): number | null {
  let announced: number | null = null;
  let first: SipHeader | null = null;
  for (const h of headers) {
    if (h.key !== 'content-length') continue;
    const written = text.slice(h.valueStart, h.valueEnd);
    const value = /^\d{1,10}$/.test(written) ? Number(written) : NaN;
    if (Number.isNaN(value)) {
      problems.push({
        start: h.valueStart, end: Math.max(h.valueEnd, h.valueStart), code: 'content-length-invalid',
        message: `Content-Length "${written.slice(0, 40)}" is not a non-negative decimal number`,
      });
      return null;
    }
    if (first !== null && announced !== value) {
      problems.push({
        start: h.nameStart, end: h.valueEnd, code: 'content-length-invalid',
        message: `Content-Length appears twice with different values (${announced} and ${value}); the body length is unknown`,
      });
      return null;
    }
    first = h;
    announced = value;
  }
  if (first === null || announced === null) return null;

  const lineCount = lines.length / LINE_STRIDE;
  let minBytes = 0; // without trailing blank lines, LF counted as one byte
  let maxBytes = 0; // with every line, LF counted as CRLF, plus a lost final CRLF
  if (bodyLine !== -1) {
    let lastText = bodyLine;
    for (let l = bodyLine; l < lineCount; l++) {
      if (!isBlank(text, lines[l * LINE_STRIDE], lines[l * LINE_STRIDE + 1])) lastText = l;
    }
    for (let l = bodyLine; l < lineCount; l++) {
      const s = lines[l * LINE_STRIDE];
      const e = lines[l * LINE_STRIDE + 1];
      const eol = lines[l * LINE_STRIDE + 2] as Eol;
      const bytes = utf8Length(text, s, e);
      // Undecodable bytes arrive as U+FFFD (3 bytes in UTF-8) but were 1 to 3 bytes on the wire.
      const fewest = bytes - 2 * countReplacementChars(text, s, e);
      maxBytes += bytes + 2;
      if (l < lastText) minBytes += fewest + (eol === Eol.CrLf ? 2 : eol === Eol.Lf ? 1 : 0);
      else if (l === lastText) minBytes += fewest;
    }
  }
  if (announced > maxBytes) {
    problems.push({
      start: first.valueStart, end: first.valueEnd, code: 'content-length-exceeds-body',
      message: `Content-Length is ${announced} but the body has only about ${maxBytes === 0 ? 0 : maxBytes - 2} bytes: the message is truncated or Content-Length is wrong`,
    });
  } else if (announced < minBytes) {
    problems.push({
      start: first.valueStart, end: first.valueEnd, code: 'content-length-below-body',
      message: `Content-Length is ${announced} but the body has at least ${minBytes} bytes: a receiver discards the rest`,
    });
  }
  return announced;
}
