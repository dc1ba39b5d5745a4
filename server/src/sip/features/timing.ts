/**
 * Inlay hints for timing (`+120 ms` after a start line) and the call summary
 * lens on the first message of each call.
 */
import type { TraceModel } from '../model';
import { delayMs, formatDuration, type TraceAnalysis } from '../analysis/analyze';
import { callSummary } from './outline';
import { MessageText } from '../parser/messageText';

export interface TimingHint {
  /** Offset where the hint shows (end of the start line). */
  readonly at: number;
  readonly label: string;
  readonly tooltip: string;
}

export interface CallLens {
  readonly at: number;
  readonly title: string;
  readonly call: number;
}

/**
 * A response is timed from its request; a request from the previous message
 * of the same call. Messages without timestamps get no hint.
 */
export function timingHints(model: TraceModel, analysis: TraceAnalysis, from = 0, to = Infinity): TimingHint[] {
  const hints: TimingHint[] = [];
  const { messages } = model;
  const previousInCall = new Map<number, number>();
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i];
    const call = analysis.callOf[i];
    const previous = previousInCall.get(call);
    previousInCall.set(call, i);
    if (m.end < from || m.start > to || m.meta.time === null) continue;
    let base = -1;
    let what = '';
    const t = analysis.transactions[analysis.transactionOf[i]];
    if (m.kind === 'response' && t && t.request !== -1) {
      base = t.request;
      what = 'since its request';
    } else if (previous !== undefined) {
      base = previous;
      what = 'since the previous message of this call';
    }
    if (base === -1) continue;
    const delay = delayMs(model, base, i);
    if (delay === null) continue;
    const sl = messages[base].startLine;
    // Read in the message's own parse text: after an edit the model's whole text exists only in pieces.
    const baseLine = new MessageText(messages[base]).slice(sl.start, Math.min(sl.end, sl.start + 80));
    hints.push({ at: m.startLine.end, label: `+${formatDuration(delay)}`, tooltip: `${formatDuration(delay)} ${what} (${baseLine})` });
  }
  return hints;
}

export function callLenses(model: TraceModel, analysis: TraceAnalysis): CallLens[] {
  return analysis.calls.map((call) => ({
    at: model.messages[call.messages[0]].startLine.start,
    title: callSummary(call, analysis.calls.length),
    call: call.index,
  }));
}
