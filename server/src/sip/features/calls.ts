/**
 * One row per call, for the "SIP Calls" view and `sip-trace calls`.
 */
import type { TraceModel } from '../model';
import type { CallOutcome, TraceAnalysis } from '../analysis/analyze';
import { describeMedia } from '../analysis/sdpSummary';
import { callLabel, callSummary, messageLabel } from './outline';

export interface CallRow {
  readonly index: number;
  readonly label: string;
  readonly summary: string;
  readonly callId: string | null;
  readonly method: string | null;
  readonly caller: string | null;
  readonly callee: string | null;
  readonly outcome: CallOutcome;
  readonly finalStatus: number | null;
  readonly finalReason: string | null;
  readonly endedBy: string | null;
  /** Addresses from the trace framing, then the AORs. */
  readonly participants: readonly string[];
  /** Timestamp of the first message as written, or null. */
  readonly startedAt: string | null;
  readonly durationMs: number | null;
  readonly media: string | null;
  readonly messages: readonly { index: number; label: string; detail: string; start: number; end: number }[];
}

/** A call's row without its messages (the calls view asks for those when a call is expanded). */
export type CallSummaryRow = Omit<CallRow, 'messages'>;

export function callRows(model: TraceModel, analysis: TraceAnalysis): CallRow[] {
  return callSummaryRows(model, analysis).map((row, c) => ({ ...row, messages: callMessageRows(model, analysis, c) }));
}

export function callSummaryRows(model: TraceModel, analysis: TraceAnalysis): CallSummaryRow[] {
  const { messages } = model;
  return analysis.calls.map((call) => {
    const participants = [...call.addresses];
    for (const aor of [call.caller, call.callee]) if (aor && !participants.includes(aor)) participants.push(aor);
    const media = [call.offer, call.answerMedia].filter((m) => m !== null && m.length > 0).map((m) => describeMedia(m!));
    return {
      index: call.index,
      label: callLabel(call),
      summary: callSummary(call, analysis.calls.length),
      callId: call.callId,
      method: call.method,
      caller: call.caller,
      callee: call.callee,
      outcome: call.outcome,
      finalStatus: call.finalStatus,
      finalReason: call.finalReason,
      endedBy: call.endedBy,
      participants,
      startedAt: messages[call.messages[0]].meta.timestamp,
      durationMs: call.durationMs,
      media: media.length > 0 ? media.join(' / ') : null,
    };
  });
}

/** The messages of call number `index` (none for a call the analysis does not have). */
export function callMessageRows(model: TraceModel, analysis: TraceAnalysis, index: number): CallRow['messages'] {
  const call = analysis.calls[index];
  if (call === undefined) return [];
  const { messages } = model;
  return call.messages.map((i) => {
    const m = messages[i];
    const meta = m.meta;
    const detail = [meta.timestamp, meta.direction, analysis.retransmissionOf[i] !== -1 ? 'retransmission' : null].filter(Boolean).join(' ');
    return { index: i, label: messageLabel(m), detail, start: m.startLine.start, end: Math.max(m.startLine.start, m.startLine.end) };
  });
}
