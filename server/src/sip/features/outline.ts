/**
 * The outline (document symbols): calls -> transactions -> messages, named so
 * a user recognises them (`INVITE sip:1002@pbx -> 486 Busy Here (2.1 s)`).
 */
import type { SipMessage, TraceModel } from '../model';
import { MessageText } from '../parser/messageText';
import { delayMs, formatDuration, type Call, type TraceAnalysis, type Transaction } from '../analysis/analyze';

export type OutlineKind = 'call' | 'transaction' | 'message';

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

export function outline(model: TraceModel, analysis: TraceAnalysis): OutlineNode[] {
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
      start: m.start, end: m.end, selectionStart: m.startLine.start, selectionEnd: Math.max(m.startLine.end, m.startLine.start),
      children: [],
    };
  };
  return analysis.calls.map((call) => {
    const children: OutlineNode[] = [];
    const placed = new Set<number>();
    for (const ti of call.transactions) {
      const t = analysis.transactions[ti];
      const members = call.messages.filter((i) => analysis.transactionOf[i] === ti);
      if (members.length === 0) continue;
      for (const i of members) placed.add(i);
      const first = messages[members[0]];
      const last = messages[members[members.length - 1]];
      children.push({
        name: transactionLabel(model, t), detail: '', kind: 'transaction',
        start: first.start, end: last.end, selectionStart: first.startLine.start, selectionEnd: Math.max(first.startLine.end, first.startLine.start),
        children: members.map(messageNode),
      });
    }
    for (const i of call.messages) if (!placed.has(i)) children.push(messageNode(i));
    children.sort((a, b) => a.start - b.start);
    const first = messages[call.messages[0]];
    const last = messages[call.messages[call.messages.length - 1]];
    return {
      name: callLabel(call), detail: callSummary(call, analysis.calls.length), kind: 'call',
      // A call's messages can interleave with other calls; its extent spans them all.
      start: first.start, end: last.end, selectionStart: first.startLine.start, selectionEnd: Math.max(first.startLine.end, first.startLine.start),
      children,
    };
  });
}
