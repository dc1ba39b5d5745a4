/**
 * Output of `sip-trace calls`: a table for people, JSON for scripts. The JSON
 * shape (`version: 1`) is public, like check's.
 */
import type { CallRow } from '../sip/features/calls';
import { formatDuration } from '../sip/analysis/analyze';

export interface CallsOfFile {
  readonly path: string;
  readonly traceFormat: string;
  readonly calls: readonly CallRow[];
}

export function callsToJson(files: readonly CallsOfFile[]): object {
  return {
    version: 1,
    files: files.map((f) => ({
      path: f.path,
      traceFormat: f.traceFormat,
      calls: f.calls.map((c) => ({
        index: c.index,
        callId: c.callId,
        method: c.method,
        caller: c.caller,
        callee: c.callee,
        outcome: c.outcome,
        finalStatus: c.finalStatus,
        finalReason: c.finalReason,
        endedBy: c.endedBy,
        participants: c.participants,
        startedAt: c.startedAt,
        durationMs: c.durationMs,
        media: c.media,
        messageCount: c.messages.length,
        messages: c.messages.map((m) => m.index),
      })),
    })),
  };
}

export function callsToText(files: readonly CallsOfFile[]): string {
  const lines: string[] = [];
  for (const f of files) {
    lines.push(`${f.path} (${f.traceFormat}): ${f.calls.length} call${f.calls.length === 1 ? '' : 's'}`);
    for (const c of f.calls) {
      const status = c.finalStatus !== null ? `${c.finalStatus} ${c.finalReason ?? ''}`.trim() : c.outcome;
      const cells = [
        `  ${String(c.index + 1).padStart(3)}`,
        (c.method ?? '?').padEnd(9),
        `${c.caller ?? '?'} -> ${c.callee ?? '?'}`,
        `| ${status}`,
        `| ${c.messages.length} msg`,
        c.durationMs !== null ? `| ${formatDuration(c.durationMs)}` : '',
        c.endedBy ? `| ended by ${c.endedBy}` : '',
        `| ${c.callId ?? '(no Call-ID)'}`,
      ];
      lines.push(cells.filter(Boolean).join(' '));
    }
  }
  return lines.join('\n') + '\n';
}
