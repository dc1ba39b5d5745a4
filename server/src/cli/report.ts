/**
 * The CLI's output: a line per problem for terminals, or one JSON document
 * (the public, versioned shape documented in the README).
 */
import type { Range } from '../sip/text/lineIndex';
import type { Severity, SipMessage } from '../sip/model';
import { callIdOf, cseqOf } from '../sip/values';
import type { Piece } from './pieces';

export const JSON_VERSION = 1;

type Out = (s: string) => void;

function rangeIn(piece: Piece, start: number, end: number): Range {
  const r = piece.model.lineIndex.rangeOf(start, end);
  if (piece.lineBase === 0) return r;
  return {
    start: { line: r.start.line + piece.lineBase, character: r.start.character },
    end: { line: r.end.line + piece.lineBase, character: r.end.character },
  };
}

function messageJson(piece: Piece, m: SipMessage): object {
  const text = piece.model.text;
  const cseq = cseqOf(text, m);
  return {
    index: piece.messageBase + m.index,
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
    range: rangeIn(piece, m.start, m.end),
    startLineRange: rangeIn(piece, m.startLine.start, m.startLine.end),
  };
}

/**
 * Writes the JSON document as the pieces come, so a trace read in chunks is
 * never held whole: `{"version": 1, "files": [{path, traceFormat, messages,
 * diagnostics}]}` (diagnostics, capped by --max-problems, are kept until the
 * file's messages are written).
 */
export class JsonReport {
  private files = 0;
  private messages = 0;
  private diagnostics: object[] = [];
  private inFile = false;

  constructor(private readonly out: Out) {
    out(`{"version":${JSON_VERSION},"files":[`);
  }

  piece(path: string, piece: Piece): void {
    if (!this.inFile) {
      this.out(`${this.files++ > 0 ? ',' : ''}{"path":${JSON.stringify(path)},"traceFormat":${JSON.stringify(piece.model.format.id)},"messages":[`);
      this.inFile = true;
      this.messages = 0;
      this.diagnostics = [];
    }
    const parts: string[] = [];
    for (let i = 0; i < piece.messageCount; i++) {
      parts.push((this.messages++ > 0 ? ',' : '') + JSON.stringify(messageJson(piece, piece.model.messages[i])));
    }
    if (parts.length > 0) this.out(parts.join(''));
    for (const d of piece.diagnostics) {
      this.diagnostics.push({ range: rangeIn(piece, d.start, d.end), severity: d.severity, code: d.code, message: d.message, source: 'sip' });
    }
  }

  endFile(): void {
    if (!this.inFile) return;
    this.out(`],"diagnostics":${JSON.stringify(this.diagnostics)}}`);
    this.inFile = false;
  }

  end(): void {
    this.out(']}\n');
  }
}

/** `path:line:col: severity: message [rule-id]`, 1-based, as terminals and VS Code link them. */
export function toTextLines(path: string, piece: Piece): string[] {
  return piece.diagnostics.map((d) => {
    const range = rangeIn(piece, d.start, d.end);
    return `${path}:${range.start.line + 1}:${range.start.character + 1}: ${d.severity}: ${d.message} [${d.code}]`;
  });
}

/** Running totals for the summary line, so text mode need not keep every model. */
export class Summary {
  files = 0;
  messages = 0;
  readonly counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };

  addFile(): void {
    this.files++;
  }

  add(piece: Piece): void {
    this.messages += piece.messageCount;
    for (const d of piece.diagnostics) this.counts[d.severity]++;
  }

  toString(): string {
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    const c = this.counts;
    return `${plural(this.files, 'file')}, ${plural(this.messages, 'message')}: ${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${c.information} information, ${plural(c.hint, 'hint')}`;
  }
}
