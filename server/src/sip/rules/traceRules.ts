/**
 * Facts about the trace as a conversation that users hunt for: requests with
 * no response, retransmissions, a final response to INVITE never ACKed, CSeq
 * going backwards in a dialog. All information: the trace may simply have
 * been cut, so they are hints, not errors.
 */
import type { TraceAnalysis } from '../analysis/analyze';
import type { TraceModel } from '../model';
import type { RuleContext } from './types';
import { MAGIC_COOKIE, upperMethod } from '../analysis/keys';
import { cseqOf, header, reportAt, valueTextOf } from './parsed';
import { parsedStartLine } from '../parser/messageParser';

/**
 * A rule over the whole trace, in steps: it yields after every STEP messages
 * or transactions, so the server answers a hover in between (on a 50 MB
 * trace each rule reads some 80,000 messages).
 */
export type TraceRule = (model: TraceModel, analysis: TraceAnalysis, context: RuleContext) => Generator<void, void>;

/** Items a rule reads between two yields. */
const STEP = 8192;

const requestWithoutResponse: TraceRule = function* (model, analysis, context) {
  const transactions = analysis.transactions;
  for (let i = 0; i < transactions.length; i++) {
    if (i % STEP === STEP - 1) yield;
    const t = transactions[i];
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

const retransmission: TraceRule = function* (model, analysis, context) {
  for (let i = 0; i < model.messages.length; i++) {
    if (i % STEP === STEP - 1) yield;
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

const inviteWithoutAck: TraceRule = function* (model, analysis, context) {
  const transactions = analysis.transactions;
  for (let i = 0; i < transactions.length; i++) {
    if (i % STEP === STEP - 1) yield;
    const t = transactions[i];
    if (t.method !== 'INVITE' || t.finalResponse === -1 || t.ack !== -1) continue;
    // Only when the call goes on after the final response: otherwise the capture may simply end there.
    const callMessages = analysis.calls[t.call].messages;
    if (callMessages[callMessages.length - 1] <= t.finalResponse) continue;
    const m = model.messages[t.finalResponse];
    context.report('invite-final-without-ack', m.startLine.start, m.startLine.end,
      `No ACK for this final response to INVITE in the trace: the UAS will retransmit it and may end the call (RFC 3261 sections 13.3.1.4 and 17.2.1)`);
  }
};

const cseqBackwards: TraceRule = function* (model, analysis, context) {
  // Per dialog and per sender: each side numbers its own requests (RFC 3261
  // section 12.2.1.1). Keyed by call (the analysis' calls are the Call-IDs),
  // then From tag -> To tag on the keys' own strings rather than a string
  // built per request.
  const lastSeq = new Array<Map<string, Map<string, number>> | undefined>(analysis.calls.length);
  for (let i = 0; i < model.messages.length; i++) {
    if (i % STEP === STEP - 1) yield;
    const m = model.messages[i];
    if (m.kind !== 'request' || analysis.retransmissionOf[i] !== -1) continue;
    const k = analysis.keys[i];
    if (k.cseqSeq === null || k.fromTag === null || k.toTag === null) continue;
    const written = parsedStartLine(m).method;
    const method = written === null ? null : upperMethod(written);
    if (method === 'ACK' || method === 'CANCEL') continue;
    const call = analysis.callOf[i];
    let byFrom = lastSeq[call];
    if (byFrom === undefined) lastSeq[call] = byFrom = new Map();
    let byTo = byFrom.get(k.fromTag);
    if (byTo === undefined) byFrom.set(k.fromTag, (byTo = new Map()));
    const previous = byTo.get(k.toTag);
    if (previous !== undefined && k.cseqSeq <= previous) {
      const h = header(m, 'cseq');
      context.report('cseq-not-increasing', h ? h.valueStart : m.startLine.start, h ? h.valueEnd : m.startLine.end,
        `CSeq ${k.cseqSeq} does not increase within this dialog (the previous request from this side had ${previous}); the peer rejects it with 500 (RFC 3261 section 12.2.2)`);
    }
    byTo.set(k.toTag, Math.max(previous ?? 0, k.cseqSeq));
  }
};

/**
 * A CANCEL, and the ACK for a non-2xx final response, share the INVITE's
 * branch and MUST carry its CSeq number (RFC 3261 sections 9.1 and
 * 17.1.1.3). Matched on Call-ID and the RFC 3261 branch, so only the
 * INVITE they belong to is compared. Reads the analysis' keys: no header
 * is parsed again.
 */
const cseqNumberMatchesItsInvite: TraceRule = function* (model, analysis, context) {
  let inviteSeqs: InviteSeqs | null = null;
  for (let i = 0; i < model.messages.length; i++) {
    if (i % STEP === STEP - 1) yield;
    const message = model.messages[i];
    const method = parsedStartLine(message).method;
    if (message.kind !== 'request' || (method !== 'ACK' && method !== 'CANCEL')) continue;
    const k = analysis.keys[i];
    if (k.callId === null || k.branch === null || k.cseqSeq === null || !k.branch.startsWith(MAGIC_COOKIE) || k.branch === MAGIC_COOKIE) continue;
    inviteSeqs ??= yield* firstInviteSeqs(model, analysis);
    const invite = inviteSeqOf(inviteSeqs, analysis, k.branch, k.callId);
    if (invite === undefined || k.cseqSeq === invite) continue;
    const h = header(message, 'cseq');
    if (h === undefined) continue;
    const c = cseqOf(context, message, h);
    if (c.problem !== null) continue;
    const vt = valueTextOf(context, message, h);
    const seq = vt.value.slice(c.seqStart, c.seqEnd);
    reportAt(context, vt, 'cseq-number-mismatch', c.seqStart, c.seqEnd,
      `This ${method} has CSeq ${seq} but the INVITE with the same Call-ID and branch has CSeq ${invite}; the ${method} MUST carry the INVITE's sequence number (RFC 3261 section ${method === 'CANCEL' ? '9.1' : '17.1.1.3'}), or it matches no transaction`);
  }
};

/**
 * Top branch -> the first INVITE with it (its message index), or, for a
 * branch that INVITEs of several Call-IDs share, Call-ID -> CSeq number of
 * the first INVITE with both. Nearly every branch has one INVITE, which then
 * costs no map of its own; keyed on the keys' own strings: no string is
 * built per INVITE.
 */
type InviteSeqs = Map<string, number | Map<string, number>>;

function* firstInviteSeqs(model: TraceModel, analysis: TraceAnalysis): Generator<void, InviteSeqs> {
  const map: InviteSeqs = new Map();
  for (let i = 0; i < model.messages.length; i++) {
    if (i % STEP === STEP - 1) yield;
    const m = model.messages[i];
    if (m.kind !== 'request' || parsedStartLine(m).method !== 'INVITE') continue;
    const k = analysis.keys[i];
    if (k.callId === null || k.branch === null || k.cseqSeq === null) continue;
    const entry = map.get(k.branch);
    if (entry === undefined) map.set(k.branch, i);
    else if (typeof entry === 'number') {
      const first = analysis.keys[entry];
      if (first.callId !== k.callId) map.set(k.branch, new Map([[first.callId!, first.cseqSeq!], [k.callId, k.cseqSeq]]));
    } else if (!entry.has(k.callId)) entry.set(k.callId, k.cseqSeq);
  }
  return map;
}

/** The CSeq number of the first INVITE with this branch and Call-ID, if any. */
function inviteSeqOf(seqs: InviteSeqs, analysis: TraceAnalysis, branch: string, callId: string): number | undefined {
  const entry = seqs.get(branch);
  if (entry === undefined) return undefined;
  if (typeof entry !== 'number') return entry.get(callId);
  const first = analysis.keys[entry];
  return first.callId === callId ? first.cseqSeq! : undefined;
}

export const TRACE_RULES: readonly TraceRule[] = [requestWithoutResponse, retransmission, inviteWithoutAck, cseqBackwards, cseqNumberMatchesItsInvite];

/** Rule ids of the trace rules, so the engine can skip the analysis when all are off. */
export const TRACE_RULE_IDS: readonly string[] = ['request-without-response', 'retransmission', 'invite-final-without-ack', 'cseq-not-increasing', 'cseq-number-mismatch'];
