/**
 * Finds what is under the cursor in the parsed model: a start-line element,
 * a header name, a parameter or token in a header value, or a body line.
 * Pure lookup over offsets; no parsing of the document happens here.
 */
import { LINE_STRIDE, type SipHeader, type SipMessage, type TraceModel } from '../model';
import { isSpace } from '../framing/lineScan';
import { MessageText, type TextReader } from '../parser/messageText';

interface Located {
  readonly message: SipMessage;
  /** The token's extent: what the editor underlines. */
  readonly start: number;
  readonly end: number;
}

export type HoverTarget =
  | (Located & { readonly kind: 'method' })
  | (Located & { readonly kind: 'request-uri' })
  | (Located & { readonly kind: 'version' })
  | (Located & { readonly kind: 'status' })
  | (Located & { readonly kind: 'reason' })
  | (Located & { readonly kind: 'header-name'; readonly header: SipHeader })
  | (Located & {
      readonly kind: 'header-value';
      readonly header: SipHeader;
      /** Parameter name when the cursor is on `;name=value` (name or value part). */
      readonly param: string | null;
      readonly paramValue: string | null;
      /** The word under the cursor (token characters). */
      readonly word: string;
    })
  | (Located & {
      readonly kind: 'body-line';
      /** Line index within `message.lines`. */
      readonly line: number;
      /** The line's text. */
      readonly text: string;
      /** The word under the cursor. */
      readonly word: string;
      readonly wordStart: number;
    });

/** Index of the message containing `offset`, or -1. Messages are sorted by start. */
export function messageIndexAt(model: TraceModel, offset: number): number {
  const messages = model.messages;
  let low = 0;
  let high = messages.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    if (messages[mid].start <= offset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  if (found === -1) return -1;
  const m = messages[found];
  return offset <= Math.max(m.end, m.bodyEnd) ? found : -1;
}

export function locate(model: TraceModel, offset: number): HoverTarget | null {
  const index = messageIndexAt(model, offset);
  if (index === -1) return null;
  const message = model.messages[index];
  const text = new MessageText(message);
  const sl = message.startLine;
  const within = (s: number, e: number) => s >= 0 && e > s && offset >= s && offset < e;
  // Let the cursor sit just after a token too (VS Code asks for the position after the last character).
  const touches = (s: number, e: number) => s >= 0 && e > s && offset >= s && offset <= e;

  if (offset >= sl.start && offset <= sl.end && sl.kind !== 'unknown') {
    if (touches(sl.methodStart, sl.methodEnd)) return { kind: 'method', message, start: sl.methodStart, end: sl.methodEnd };
    if (touches(sl.statusStart, sl.statusEnd)) return { kind: 'status', message, start: sl.statusStart, end: sl.statusEnd };
    if (within(sl.versionStart, sl.versionEnd) || (sl.kind === 'request' && touches(sl.versionStart, sl.versionEnd))) {
      return { kind: 'version', message, start: sl.versionStart, end: sl.versionEnd };
    }
    if (within(sl.reasonStart, sl.reasonEnd) || touches(sl.reasonStart, sl.reasonEnd)) {
      return { kind: 'reason', message, start: sl.reasonStart, end: sl.reasonEnd };
    }
    if (within(sl.uriStart, sl.uriEnd)) return { kind: 'request-uri', message, start: sl.uriStart, end: sl.uriEnd };
    return null;
  }

  for (const header of message.headers) {
    if (touches(header.nameStart, header.nameEnd)) {
      return { kind: 'header-name', message, header, start: header.nameStart, end: header.nameEnd };
    }
    if (offset < header.valueStart || offset > header.valueEnd) continue;
    if (isSpace(text.charCodeAt(offset)) && (offset === 0 || isSpace(text.charCodeAt(offset - 1)))) return null;
    return locateInValue(text, message, header, offset);
  }

  if (message.bodyLine !== -1 && offset >= message.bodyStart && offset <= message.bodyEnd) {
    const lines = message.lines;
    for (let l = message.bodyLine; l < lines.length / LINE_STRIDE; l++) {
      const s = lines[l * LINE_STRIDE];
      const e = lines[l * LINE_STRIDE + 1];
      if (offset < s || offset > e || e === s) continue;
      const [ws, we] = wordAround(text, offset, s, e);
      return { kind: 'body-line', message, line: l, text: text.slice(s, e), start: s, end: e, word: text.slice(ws, we), wordStart: ws };
    }
  }
  return null;
}

function locateInValue(text: TextReader, message: SipMessage, header: SipHeader, offset: number): HoverTarget | null {
  const [ws, we] = wordAround(text, offset, header.valueStart, header.valueEnd);
  if (we <= ws) return null;
  // Is the word part of `;name=value`? Walk back to the nearest `;` on this side of any `,` `<` `>`.
  let i = ws - 1;
  while (i >= header.valueStart) {
    const c = text.charCodeAt(i);
    if (c === 59 /* ; */ || c === 44 /* , */ || c === 60 /* < */ || c === 62 /* > */ || c === 63 /* ? */ || c === 38 /* & */) break;
    i--;
  }
  const delimiter = i >= header.valueStart ? text.charCodeAt(i) : 0;
  if (delimiter === 59 || delimiter === 63 || delimiter === 38 || (delimiter === 44 && isAuthHeader(header.key))) {
    const paramStart = skipSpaces(text, i + 1, header.valueEnd);
    let paramEnd = paramStart;
    while (paramEnd < header.valueEnd && !isParamEnd(text.charCodeAt(paramEnd))) paramEnd++;
    const raw = text.slice(paramStart, paramEnd);
    const eq = raw.indexOf('=');
    const name = (eq === -1 ? raw : raw.slice(0, eq)).trim();
    const value = eq === -1 ? null : raw.slice(eq + 1).trim();
    if (name.length > 0) {
      return { kind: 'header-value', message, header, param: name, paramValue: value, word: text.slice(ws, we), start: paramStart, end: trimEnd(text, paramStart, paramEnd) };
    }
  }
  // Auth headers: `Digest realm="x"` has its first parameter after the scheme, without a `;` or `,`.
  if (isAuthHeader(header.key)) {
    if (text.charCodeAt(we) === 61 /* = */) {
      return { kind: 'header-value', message, header, param: text.slice(ws, we), paramValue: null, word: text.slice(ws, we), start: ws, end: we };
    }
  }
  return { kind: 'header-value', message, header, param: null, paramValue: null, word: text.slice(ws, we), start: ws, end: we };
}

function isAuthHeader(key: string): boolean {
  return key === 'authorization' || key === 'proxy-authorization' || key === 'www-authenticate' || key === 'proxy-authenticate' || key === 'authentication-info';
}

function isParamEnd(c: number): boolean {
  return c === 59 || c === 44 || c === 62 || c === 63 || c === 38;
}

/** Extent of the "word" at `offset`: characters other than whitespace and SIP delimiters. */
function wordAround(text: TextReader, offset: number, min: number, max: number): [number, number] {
  const isWordChar = (c: number) =>
    !(c === 32 || c === 9 || c === 59 || c === 44 || c === 60 || c === 62 || c === 61 || c === 34 || c === 58 || c === 63 || c === 38 || c === 13 || c === 10);
  let s = Math.min(offset, max);
  let e = s;
  if (s === max || !isWordChar(text.charCodeAt(s))) {
    // Cursor just after a word: take the word before it.
    if (s > min && isWordChar(text.charCodeAt(s - 1))) {
      e = s;
      s--;
    } else return [s, s];
  }
  while (s > min && isWordChar(text.charCodeAt(s - 1))) s--;
  while (e < max && isWordChar(text.charCodeAt(e))) e++;
  return [s, e];
}

function skipSpaces(text: TextReader, at: number, end: number): number {
  while (at < end && isSpace(text.charCodeAt(at))) at++;
  return at;
}

function trimEnd(text: TextReader, start: number, end: number): number {
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return end;
}
