/**
 * Quick fixes for diagnostics, as pure functions over the model: no LSP
 * types. A fix is offered only where the right text is certain (computed
 * from the message itself); the LSP adapter turns each into a code action
 * and adds "disable this rule" actions on its own.
 *
 * Offsets are UTF-16 offsets into `model.text`, like every range of the core;
 * text is read from each message's own parse (`MessageText`), never the
 * model's whole text, which after an edit exists only in pieces.
 */
import { Eol, LINE_STRIDE, type SipHeader, type SipMessage, type TraceModel } from './model';
import { utf8Length } from './framing/lineScan';
import { isBlank } from './framing/lineScan';
import { compactFormOf, COMPACT_FORMS } from './knowledge/headerNames';
import { keysOf } from './analysis/analyze';
import { parsedBase, parsedText } from './parser/messageParser';
import { MessageText } from './parser/messageText';
import { findHeader } from './values';
import { messageIndexAt } from './hover/locate';

export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

export interface QuickFix {
  /** What the fix does, for the light bulb menu ("Set Content-Length to 142"). */
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** The fix to apply with "fix all" / the preferred action. */
  readonly isPreferred?: boolean;
}

/** The parts of a diagnostic a fix needs (a `SipDiagnostic` or a `Problem` fits). */
export interface DiagnosticRef {
  readonly code: string;
  readonly start: number;
  readonly end: number;
}

type Fixer = (model: TraceModel, message: SipMessage, d: DiagnosticRef) => QuickFix[];

const FIXERS: Readonly<Record<string, Fixer>> = {
  'content-length-exceeds-body': contentLengthFix,
  'content-length-below-body': contentLengthFix,
  'content-length-invalid': contentLengthFix,
  'cseq-method-mismatch': cseqMethodFix,
  'cseq-number-mismatch': cseqNumberFix,
  'via-branch-not-rfc3261': branchCookieFix,
  'start-line-whitespace': startLineWhitespaceFix,
  'request-uri-angle-brackets': requestUriBracketsFix,
  'addr-spec-whitespace': removeWhitespaceFix,
  'display-name-invalid': quoteDisplayNameFix,
};

/** The certain fixes for one diagnostic (empty when there is none). */
export function fixesFor(model: TraceModel, diagnostic: DiagnosticRef): QuickFix[] {
  const fixer = FIXERS[diagnostic.code];
  if (fixer === undefined) return [];
  const message = messageAt(model, diagnostic.start);
  if (message === undefined) return [];
  try {
    return fixer(model, message, diagnostic);
  } catch {
    return [];
  }
}

/** Rule ids that can have a quick fix (for the adapter's `codeActionKinds` and docs). */
export const FIXABLE_RULES: readonly string[] = Object.keys(FIXERS);

/**
 * Rewrites of the header name at `offset` that change nothing on the wire:
 * expand a compact form (`v` -> `Via`), compact a long one (`Via` -> `v`),
 * or restore the canonical spelling (`MaX-fOrWaRdS` -> `Max-Forwards`).
 * Header names are case-insensitive and compact forms equivalent (RFC 3261
 * sections 7.3.1 and 7.3.3).
 */
export function headerNameFixes(model: TraceModel, offset: number): QuickFix[] {
  const message = messageAt(model, offset);
  if (message === undefined) return [];
  const h = message.headers.find((x) => x.nameStart <= offset && offset <= x.nameEnd);
  if (h === undefined) return [];
  const written = new MessageText(message).slice(h.nameStart, h.nameEnd);
  const edit = (newText: string): TextEdit[] => [{ start: h.nameStart, end: h.nameEnd, newText }];
  const out: QuickFix[] = [];
  if (h.compact) {
    out.push({ title: `Expand "${written}" to ${h.name}`, edits: edit(h.name) });
  } else {
    const letter = compactFormOf(h.name);
    if (written !== h.name && h.name.toLowerCase() === written.toLowerCase()) {
      out.push({ title: `Use the canonical spelling ${h.name}`, edits: edit(h.name) });
    }
    if (letter !== undefined && COMPACT_FORMS[letter] !== undefined) {
      out.push({ title: `Compact ${h.name} to "${letter}"`, edits: edit(letter) });
    }
  }
  return out;
}

function messageAt(model: TraceModel, offset: number): SipMessage | undefined {
  const index = messageIndexAt(model, offset);
  return index === -1 ? undefined : model.messages[index];
}

/**
 * The body's length in bytes as it was on the wire: every body line up to
 * the last non-blank one, with its line end. A trace that lost its CRs (the
 * start line ends with a bare LF) counts each LF as the CRLF it was. Null
 * when the body holds undecodable bytes (their count is unknown).
 */
export function bodyLength(message: SipMessage): number | null {
  if (message.bodyLine === -1) return 0;
  // In the parse's own offsets and text: the count does not depend on where the message is now.
  const base = parsedBase(message);
  const text = parsedText(base);
  const lines = base.lines;
  const count = lines.length / LINE_STRIDE;
  let last = -1;
  for (let l = message.bodyLine; l < count; l++) {
    if (!isBlank(text, lines[l * LINE_STRIDE], lines[l * LINE_STRIDE + 1])) last = l;
  }
  if (last === -1) return 0;
  const lfBytes = (lines[2] as Eol) === Eol.Lf ? 2 : 1;
  let bytes = 0;
  for (let l = message.bodyLine; l <= last; l++) {
    const s = lines[l * LINE_STRIDE];
    const e = lines[l * LINE_STRIDE + 1];
    if (text.slice(s, e).includes('\uFFFD')) return null;
    const eol = lines[l * LINE_STRIDE + 2] as Eol;
    bytes += utf8Length(text, s, e) + (eol === Eol.CrLf ? 2 : eol === Eol.Lf ? lfBytes : 0);
  }
  return bytes;
}

function contentLengthFix(_model: TraceModel, message: SipMessage, d: DiagnosticRef): QuickFix[] {
  const h = message.headers.find((x) => x.key === 'content-length' && x.valueStart === d.start);
  if (h === undefined) return [];
  // Two Content-Length headers: which one is right is not certain.
  if (message.headers.filter((x) => x.key === 'content-length').length > 1) return [];
  const n = bodyLength(message);
  if (n === null) return [];
  return [{ title: `Set Content-Length to ${n} (the body's length)`, edits: [{ start: h.valueStart, end: h.valueEnd, newText: String(n) }], isPreferred: true }];
}

function cseqMethodFix(_model: TraceModel, message: SipMessage, d: DiagnosticRef): QuickFix[] {
  const method = message.startLine.method;
  if (message.kind !== 'request' || method === null || d.end <= d.start) return [];
  if (!insideHeader(message, 'cseq', d)) return [];
  return [{ title: `Change the CSeq method to ${method}`, edits: [{ start: d.start, end: d.end, newText: method }], isPreferred: true }];
}

function cseqNumberFix(model: TraceModel, message: SipMessage, d: DiagnosticRef): QuickFix[] {
  if (!insideHeader(message, 'cseq', d)) return [];
  const k = keysOf(message);
  if (k.callId === null || k.branch === null) return [];
  for (const m of model.messages) {
    if (m.kind !== 'request' || m.startLine.method !== 'INVITE') continue;
    const ik = keysOf(m);
    if (ik.callId === k.callId && ik.branch === k.branch && ik.cseqSeq !== null) {
      return [{ title: `Use the INVITE's CSeq number ${ik.cseqSeq}`, edits: [{ start: d.start, end: d.end, newText: String(ik.cseqSeq) }], isPreferred: true }];
    }
  }
  return [];
}

function branchCookieFix(_model: TraceModel, message: SipMessage, d: DiagnosticRef): QuickFix[] {
  if (new MessageText(message).slice(d.start, d.start + 7) === 'z9hG4bK') return [];
  return [{ title: 'Add the RFC 3261 magic cookie "z9hG4bK" to the branch', edits: [{ start: d.start, end: d.start, newText: 'z9hG4bK' }], isPreferred: true }];
}

function startLineWhitespaceFix(_model: TraceModel, message: SipMessage, d: DiagnosticRef): QuickFix[] {
  const sl = message.startLine;
  if (d.start < sl.start || d.end > sl.end || d.end <= d.start) return [];
  if (!/^[ \t]+$/.test(new MessageText(message).slice(d.start, d.end))) return [];
  if (d.end === sl.end) return [{ title: 'Remove the trailing whitespace', edits: [{ start: d.start, end: d.end, newText: '' }], isPreferred: true }];
  return [{ title: 'Separate with a single space', edits: [{ start: d.start, end: d.end, newText: ' ' }], isPreferred: true }];
}

function requestUriBracketsFix(_model: TraceModel, message: SipMessage, d: DiagnosticRef): QuickFix[] {
  const written = new MessageText(message).slice(d.start, d.end);
  if (!written.startsWith('<') || d.start !== message.startLine.uriStart) return [];
  const inner = written.endsWith('>') ? written.slice(1, -1) : written.slice(1);
  return [{ title: 'Remove "<" and ">" around the Request-URI', edits: [{ start: d.start, end: d.end, newText: inner }], isPreferred: true }];
}

/** Whitespace inside `<...>`: removes every run of it between the "<" and the ">" around the diagnostic. */
function removeWhitespaceFix(_model: TraceModel, message: SipMessage, d: DiagnosticRef): QuickFix[] {
  const text = new MessageText(message);
  if (d.end <= d.start || !/^[ \t]+$/.test(text.slice(d.start, d.end))) return [];
  const h = message.headers.find((x) => x.valueStart <= d.start && d.end <= x.valueEnd);
  if (h === undefined || h.firstLine !== h.lastLine) return [];
  // The "<" before and the ">" after, within the header's value.
  const value = text.slice(h.valueStart, h.valueEnd);
  const openAt = value.lastIndexOf('<', d.start - h.valueStart);
  const closeAt = value.indexOf('>', d.end - h.valueStart);
  if (openAt === -1 || closeAt === -1) return [];
  const open = h.valueStart + openAt;
  const close = h.valueStart + closeAt;
  const edits: TextEdit[] = [];
  for (let i = open + 1; i < close; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) continue;
    let e = i;
    while (e < close && (text.charCodeAt(e) === 32 || text.charCodeAt(e) === 9)) e++;
    edits.push({ start: i, end: e, newText: '' });
    i = e;
  }
  return [{ title: 'Remove the whitespace inside "<" and ">"', edits, isPreferred: true }];
}

function quoteDisplayNameFix(_model: TraceModel, message: SipMessage, d: DiagnosticRef): QuickFix[] {
  if (d.end <= d.start || !message.headers.some((h) => h.valueStart <= d.start && d.end <= h.valueEnd)) return [];
  const name = new MessageText(message).slice(d.start, d.end);
  if (/[\r\n]/.test(name)) return [];
  const quoted = '"' + name.replace(/["\\]/g, '\\$&') + '"';
  return [{ title: `Quote the display name: ${quoted}`, edits: [{ start: d.start, end: d.end, newText: quoted }], isPreferred: true }];
}

function insideHeader(message: SipMessage, key: string, d: DiagnosticRef): SipHeader | undefined {
  const h = findHeader(message, key);
  return h !== undefined && h.valueStart <= d.start && d.end <= h.valueEnd ? h : undefined;
}
