/**
 * Go to definition, find references and document highlights over the
 * analysis: a response leads to its request, an ACK or CANCEL to its INVITE,
 * a Replaces / Refer-To Call-ID to that call; a Call-ID, tag or branch lists
 * every message of its call, dialog or transaction.
 */
import type { SipHeader, SipMessage, TraceModel } from '../model';
import type { TraceAnalysis } from '../analysis/analyze';
import { locate } from '../hover/locate';
import { MessageText, type TextReader } from '../parser/messageText';

export interface Span {
  readonly start: number;
  readonly end: number;
}

export function definitionAt(model: TraceModel, analysis: TraceAnalysis, offset: number): Span | null {
  const target = locate(model, offset);
  if (target === null) return null;
  const { messages } = model;
  const i = target.message.index;
  const onStartLine = target.kind === 'status' || target.kind === 'reason' || target.kind === 'method' || target.kind === 'version' || target.kind === 'request-uri';
  const onCSeq = (target.kind === 'header-name' || target.kind === 'header-value') && target.header.key === 'cseq';
  if (onStartLine || onCSeq) {
    const t = analysis.transactions[analysis.transactionOf[i]];
    if (!t) return null;
    const m = target.message;
    const method = m.startLine.method?.toUpperCase();
    if (m.kind === 'request' && (method === 'ACK' || method === 'CANCEL')) {
      const invite = t.method === 'INVITE' ? t : analysis.transactions[t.invite];
      if (invite && invite.request !== -1 && invite.request !== i) return startLineOf(messages[invite.request]);
      return null;
    }
    if (m.kind === 'response' && t.request !== -1) return startLineOf(messages[t.request]);
    if (analysis.retransmissionOf[i] !== -1) return startLineOf(messages[analysis.retransmissionOf[i]]);
    return null;
  }
  if (target.kind === 'header-value' && (target.header.key === 'replaces' || target.header.key === 'refer-to')) {
    const callId = referencedCallId(new MessageText(target.message).slice(target.header.valueStart, target.header.valueEnd), target.header.key);
    const call = analysis.calls.find((c) => c.callId === callId);
    if (call) return startLineOf(messages[call.messages[0]]);
  }
  return null;
}

/** Every occurrence of the Call-ID, tag or branch under the cursor, in the messages that share it. */
export function referencesAt(model: TraceModel, analysis: TraceAnalysis, offset: number): Span[] {
  const target = locate(model, offset);
  if (target === null || target.kind !== 'header-value') return [];
  const { messages } = model;
  const key = target.header.key;
  if (key === 'call-id') {
    const callId = analysis.keys[target.message.index].callId;
    const call = analysis.calls.find((c) => c.callId === callId);
    return call ? spansOf(call.messages.map((i) => messages[i]), ['call-id'], callId ?? '') : [];
  }
  const param = target.param?.toLowerCase();
  if (param === 'tag' && (key === 'from' || key === 'to') && target.paramValue) {
    const tag = target.paramValue;
    const call = analysis.calls[analysis.callOf[target.message.index]];
    const members = call.messages.filter((i) => analysis.keys[i].fromTag === tag || analysis.keys[i].toTag === tag);
    return spansOf(members.map((i) => messages[i]), ['from', 'to'], `tag=${tag}`, 4);
  }
  if (param === 'branch' && key === 'via' && target.paramValue) {
    const branch = target.paramValue;
    const members = messages.filter((_, i) => analysis.keys[i].branch === branch);
    return spansOf(members, ['via'], `branch=${branch}`, 7);
  }
  return [];
}

function spansOf(members: readonly SipMessage[], keys: readonly string[], needle: string, skip = 0): Span[] {
  const out: Span[] = [];
  for (const m of members) {
    // Each message read in its own parse text: after an edit the model's whole text exists only in pieces.
    const text = new MessageText(m);
    for (const h of m.headers) {
      if (!keys.includes(h.key)) continue;
      const at = findIn(text, h, needle);
      if (at !== -1) {
        out.push({ start: at + skip, end: at + needle.length });
        if (keys.length === 1) break;
      }
    }
  }
  return out;
}

function findIn(text: TextReader, h: SipHeader, needle: string): number {
  // Search the value only, so a long trace does not turn each lookup into a scan of the rest of it.
  const at = text.slice(h.valueStart, h.valueEnd).indexOf(needle);
  return at === -1 ? -1 : h.valueStart + at;
}

function startLineOf(m: SipMessage): Span {
  return { start: m.startLine.start, end: Math.max(m.startLine.end, m.startLine.start) };
}

/**
 * The Call-ID a Replaces header (`callid;to-tag=..;from-tag=..`, RFC 3891) or
 * a Refer-To with an embedded `?Replaces=` (RFC 3515, escaped) points at.
 */
export function referencedCallId(value: string, key: string): string | null {
  let replaces = value;
  if (key === 'refer-to') {
    const at = value.search(/[?&]Replaces=/i);
    if (at === -1) return null;
    replaces = value.slice(at + 10);
    const end = replaces.search(/[&>]/);
    if (end !== -1) replaces = replaces.slice(0, end);
    try {
      replaces = decodeURIComponent(replaces);
    } catch {
      return null;
    }
  }
  const semi = replaces.indexOf(';');
  const callId = (semi === -1 ? replaces : replaces.slice(0, semi)).trim();
  return callId || null;
}
