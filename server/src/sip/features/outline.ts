/**
 * The outline (document symbols): calls -> transactions -> messages, named so
 * a user recognises them (`INVITE sip:1002@pbx -> 486 Busy Here (2.1 s)`).
 */
import type { SipMessage, TraceModel } from '../model';
import { MessageText } from '../parser/messageText';
import { delayMs, formatDuration, type Call, type TraceAnalysis, type Transaction } from '../analysis/analyze';

/** `more`: the note that stands for the calls an outline past its limit leaves out. */
export type OutlineKind = 'call' | 'transaction' | 'message' | 'more';

/**
 * Nodes an outline holds by default (`sip.outline.maxItems`). A 50 MB trace
 * has some 15,000 calls, 40,000 transactions and 80,000 messages: as
 * document symbols, 35 MB of JSON that the editor decodes and keeps for the
 * outline and breadcrumbs.
 */
export const DEFAULT_OUTLINE_ITEMS = 10_000;

export interface OutlineNode {
  readonly name: string;
  readonly detail: string;
  readonly kind: OutlineKind;
  /** Whole extent and the part to reveal (the start line), as offsets. */
  readonly start: number;
  readonly end: number;
  readonly selectionStart: number;
  readonly selectionEnd: number;
  readonly children: OutlineNode[];
}

/** How outlines, hovers and call lists name a message (`INVITE sip:bob@...`, `180 Ringing`). */
export function messageLabel(m: SipMessage): string {
  const sl = m.startLine;
  // The message's own parse text: after an edit the model's whole text exists only in pieces.
  if (sl.kind === 'request') return `${sl.method} ${new MessageText(m).slice(sl.uriStart, Math.min(sl.uriEnd, sl.uriStart + 80))}`;
  if (sl.kind === 'response') return `${sl.status ?? '?'} ${sl.reason ?? ''}`.trim();
  return '(no start line)';
}

export function callLabel(call: Call): string {
  const who = call.caller || call.callee ? `${call.caller ?? '?'} -> ${call.callee ?? '?'}` : call.callId ?? '(no Call-ID)';
  return `${call.method ?? 'call'} ${who}`;
}

export function callSummary(call: Call, total: number): string {
  const parts = [`call ${call.index + 1} of ${total}`, `${call.messages.length} message${call.messages.length === 1 ? '' : 's'}`];
  if (call.finalStatus !== null) parts.push(`${call.finalStatus} ${call.finalReason ?? ''}`.trim());
  else parts.push(call.outcome);
  if (call.durationMs !== null) parts.push(formatDuration(call.durationMs));
  return parts.join(' · ');
}

export function transactionLabel(model: TraceModel, t: Transaction): string {
  const { messages } = model;
  const head = t.request !== -1 ? messageLabel(messages[t.request]) : `${t.method} (request not in trace)`;
  if (t.finalResponse === -1) return t.method === 'ACK' ? head : `${head} -> no final response`;
  const final = messages[t.finalResponse];
  const delay = t.request !== -1 ? delayMs(model, t.request, t.finalResponse) : null;
  return `${head} -> ${messageLabel(final)}${delay !== null ? ` (${formatDuration(delay)})` : ''}`;
}

/**
 * The outline, with at most `limit` nodes (about: the note on what was left
 * out comes on top). Calls come first, each listed; then, call by call from
 * the top, each call's transactions and messages while the whole of them
 * fits. Past that the calls are listed without their contents; if the calls
 * alone are too many, the first `limit` are, and a last node says how many
 * more the trace has.
 */
export function outline(model: TraceModel, analysis: TraceAnalysis, limit = Number.MAX_SAFE_INTEGER): OutlineNode[] {
  const { messages } = model;
  const messageNode = (i: number): OutlineNode => {
    const m = messages[i];
    const retransmission = analysis.retransmissionOf[i] !== -1;
    const meta = m.meta;
    const detail = [meta.timestamp, meta.direction, meta.source && meta.destination ? `${meta.source} -> ${meta.destination}` : null, retransmission ? 'retransmission' : null]
      .filter((x) => x !== null)
      .join(' ');
    return {
      name: messageLabel(m), detail, kind: 'message',
      ...spanOf(m, m),
      children: [],
    };
  };
  const calls = analysis.calls;
  const listed = Math.min(calls.length, Math.max(0, limit));
  let room = Math.max(0, limit) - listed;
  const nodes: OutlineNode[] = [];
  for (let c = 0; c < listed; c++) {
    const call = calls[c];
    const groups = transactionGroups(analysis, call);
    // A call's contents: each message once (in its transaction or alone) and a node per transaction.
    const size = call.messages.length + groups.size;
    let children: OutlineNode[] = [];
    if (size <= room) {
      room -= size;
      children = callContents(model, analysis, call, groups, messageNode);
    } else {
      room = 0; // the next calls are listed without contents too, so the outline reads alike from here on
    }
    const first = messages[call.messages[0]];
    const last = messages[call.messages[call.messages.length - 1]];
    nodes.push({
      name: callLabel(call), detail: callSummary(call, calls.length), kind: 'call',
      // A call's messages can interleave with other calls; its extent spans them all.
      ...spanOf(first, last),
      children,
    });
  }
  if (listed < calls.length) {
    const more = calls.length - listed;
    const at = messages[calls[listed].messages[0]].start;
    nodes.push({
      name: `${more.toLocaleString('en-US')} more call${more === 1 ? '' : 's'} not listed`,
      detail: `the outline holds ${limit.toLocaleString('en-US')} items (sip.outline.maxItems)`,
      kind: 'more', start: at, end: at, selectionStart: at, selectionEnd: at, children: [],
    });
  }
  return nodes;
}

/** A node's extent, from its first message to its last, and the first message's start line to reveal. */
function spanOf(first: SipMessage, last: SipMessage): Pick<OutlineNode, 'start' | 'end' | 'selectionStart' | 'selectionEnd'> {
  return { start: first.start, end: last.end, selectionStart: first.startLine.start, selectionEnd: Math.max(first.startLine.end, first.startLine.start) };
}

/** A call's messages by transaction (in the call's order), in one pass over them. */
function transactionGroups(analysis: TraceAnalysis, call: Call): Map<number, number[]> {
  const groups = new Map<number, number[]>();
  for (const ti of call.transactions) groups.set(ti, []);
  for (const i of call.messages) groups.get(analysis.transactionOf[i])?.push(i);
  for (const [ti, members] of groups) if (members.length === 0) groups.delete(ti);
  return groups;
}

function callContents(model: TraceModel, analysis: TraceAnalysis, call: Call, groups: Map<number, number[]>, messageNode: (i: number) => OutlineNode): OutlineNode[] {
  const { messages } = model;
  const children: OutlineNode[] = [];
  for (const [ti, members] of groups) {
    const t = analysis.transactions[ti];
    const first = messages[members[0]];
    const last = messages[members[members.length - 1]];
    children.push({
      name: transactionLabel(model, t), detail: '', kind: 'transaction',
      ...spanOf(first, last),
      children: members.map(messageNode),
    });
  }
  for (const i of call.messages) if (!groups.has(analysis.transactionOf[i])) children.push(messageNode(i));
  children.sort((a, b) => a.start - b.start);
  return children;
}
