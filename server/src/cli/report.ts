/**
 * The CLI's output: a line per problem for terminals, or one JSON document
 * (the public, versioned shape documented in the README).
 */
import type { Range } from '../sip/text/lineIndex';
import type { Severity, TraceModel } from '../sip/model';
import type { SipDiagnostic } from '../sip/rules/engine';
import { callIdOf, cseqOf } from '../sip/values';

export interface CheckedFile {
  readonly path: string;
  readonly model: TraceModel;
  readonly diagnostics: readonly SipDiagnostic[];
}

export const JSON_VERSION = 1;

export function toJson(files: readonly CheckedFile[]): object {
  return { version: JSON_VERSION, files: files.map(fileToJson) };
}

function fileToJson(file: CheckedFile): object {
  const { model } = file;
  const text = model.text;
  return {
    path: file.path,
    traceFormat: model.format.id,
    messages: model.messages.map((m) => {
      const cseq = cseqOf(text, m);
      return {
        index: m.index,
        kind: m.kind,
        method: m.startLine.method,
        status: m.startLine.status,
        reason: m.startLine.reason,
        callId: callIdOf(text, m),
        cseq: cseq ? { seq: cseq.seq, method: cseq.method } : null,
        timestamp: m.meta.timestamp,
        direction: m.meta.direction,
        source: m.meta.source,
        destination: m.meta.destination,
        transport: m.meta.transport,
        range: model.lineIndex.rangeOf(m.start, m.end),
        startLineRange: model.lineIndex.rangeOf(m.startLine.start, m.startLine.end),
      };
    }),
    diagnostics: file.diagnostics.map((d) => ({
      range: model.lineIndex.rangeOf(d.start, d.end),
      severity: d.severity,
      code: d.code,
      message: d.message,
      source: 'sip',
    })),
  };
}

/** `path:line:col: severity: message [rule-id]`, 1-based, as terminals and VS Code link them. */
export function toTextLines(file: CheckedFile): string[] {
  return file.diagnostics.map((d) => {
    const range: Range = file.model.lineIndex.rangeOf(d.start, d.end);
    return `${file.path}:${range.start.line + 1}:${range.start.character + 1}: ${d.severity}: ${d.message} [${d.code}]`;
  });
}

/** Running totals for the summary line, so text mode need not keep every model. */
export class Summary {
  files = 0;
  messages = 0;
  readonly counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };

  add(file: CheckedFile): void {
    this.files++;
    this.messages += file.model.messages.length;
    for (const d of file.diagnostics) this.counts[d.severity]++;
  }

  toString(): string {
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    const c = this.counts;
    return `${plural(this.files, 'file')}, ${plural(this.messages, 'message')}: ${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${c.information} information, ${plural(c.hint, 'hint')}`;
  }
}
