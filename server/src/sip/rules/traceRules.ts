/**
 * Facts about the trace as a conversation that users hunt for: requests with
 * no response, retransmissions, a final response to INVITE never ACKed, CSeq
 * going backwards in a dialog. All information: the trace may simply have
 * been cut, so they are hints, not errors.
 */
import type { TraceAnalysis } from '../analysis/analyze';
import type { TraceModel } from '../model';
import type { RuleContext } from './types';
import { cseqNumberMatchesInvite } from './messageRules';

export type TraceRule = (model: TraceModel, analysis: TraceAnalysis, context: RuleContext) => void;

const requestWithoutResponse: TraceRule = (model, analysis, context) => {
  for (const t of analysis.transactions) {
    if (t.request === -1 || t.method === 'ACK' || t.responses.length > 0) continue;
    // Without Call-ID and CSeq no response could have been matched to it: say nothing.
    const keys = analysis.keys[t.request];
    if (keys.callId === null || keys.cseqSeq === null) continue;
    // A lone pasted request is not a conversation: only judge calls the trace follows.
    if (analysis.calls[t.call].messages.length < 2) continue;
    const m = model.messages[t.request];
    context.report('request-without-response', m.startLine.start, m.startLine.end,
      `No response to this ${t.method} in the trace: it was lost, never answered, or the capture missed the answer`);
  }
};

const retransmission: TraceRule = (model, analysis, context) => {
  for (let i = 0; i < model.messages.length; i++) {
    const original = analysis.retransmissionOf[i];
    if (original === -1) continue;
    const m = model.messages[i];
    const line = model.lineIndex.positionAt(model.messages[original].start).line + 1;
    const why = m.kind === 'response'
      ? 'the sender got no ACK or no new request in time (RFC 3261 sections 13.3.1.4 and 17.2)'
      : 'the sender got no response in time (RFC 3261 section 17.1 timers)';
    context.report('retransmission', m.startLine.start, m.startLine.end,
      `Retransmission of the message on line ${line}: ${why}; look for packet loss or a slow peer`);
  }
};

const inviteWithoutAck: TraceRule = (model, analysis, context) => {
  for (const t of analysis.transactions) {
    if (t.method !== 'INVITE' || t.finalResponse === -1 || t.ack !== -1) continue;
    // Only when the call goes on after the final response: otherwise the capture may simply end there.
    const callMessages = analysis.calls[t.call].messages;
    if (callMessages[callMessages.length - 1] <= t.finalResponse) continue;
    const m = model.messages[t.finalResponse];
    context.report('invite-final-without-ack', m.startLine.start, m.startLine.end,
      `No ACK for this final response to INVITE in the trace: the UAS will retransmit it and may end the call (RFC 3261 sections 13.3.1.4 and 17.2.1)`);
  }
};

const cseqBackwards: TraceRule = (model, analysis, context) => {
  const lastSeq = new Map<string, number>();
  for (let i = 0; i < model.messages.length; i++) {
    const m = model.messages[i];
    const k = analysis.keys[i];
    const method = m.startLine.method?.toUpperCase();
    if (m.kind !== 'request' || method === 'ACK' || method === 'CANCEL' || analysis.retransmissionOf[i] !== -1) continue;
    if (k.cseqSeq === null || k.fromTag === null || k.toTag === null) continue;
    // Per dialog and per sender: each side numbers its own requests (RFC 3261 section 12.2.1.1).
    const key = `${k.callId}|${k.fromTag}|${k.toTag}`;
    const previous = lastSeq.get(key);
    if (previous !== undefined && k.cseqSeq <= previous) {
      const h = m.headers.find((x) => x.key === 'cseq');
      context.report('cseq-not-increasing', h ? h.valueStart : m.startLine.start, h ? h.valueEnd : m.startLine.end,
        `CSeq ${k.cseqSeq} does not increase within this dialog (the previous request from this side had ${previous}); the peer rejects it with 500 (RFC 3261 section 12.2.2)`);
    }
    lastSeq.set(key, Math.max(previous ?? 0, k.cseqSeq));
  }
};

/** A CANCEL or non-2xx ACK must carry its INVITE's CSeq number (messageRules.ts has the check). */
const cseqNumberMatchesItsInvite: TraceRule = (model, _analysis, context) => {
  for (const message of model.messages) {
    const method = message.startLine.method;
    if (message.kind === 'request' && (method === 'ACK' || method === 'CANCEL')) cseqNumberMatchesInvite(message, context);
  }
};

export const TRACE_RULES: readonly TraceRule[] = [requestWithoutResponse, retransmission, inviteWithoutAck, cseqBackwards, cseqNumberMatchesItsInvite];

/** Rule ids of the trace rules, so the engine can skip the analysis when all are off. */
export const TRACE_RULE_IDS: readonly string[] = ['request-without-response', 'retransmission', 'invite-final-without-ack', 'cseq-not-increasing', 'cseq-number-mismatch'];
