/**
 * Folding ranges: each message, its header block, its body, and runs of
 * framing or log text between messages. Lines are 0-based, as LSP wants.
 */
import type { TraceModel } from '../model';

export interface Fold {
  readonly startLine: number;
  readonly endLine: number;
  readonly kind: 'region' | 'comment';
}

export function foldingRanges(model: TraceModel): Fold[] {
  const index = model.lineIndex;
  const folds: Fold[] = [];
  const lastLineOf = (end: number) => {
    // `end` is just past the message's last line break: fold up to the line before it.
    const p = index.positionAt(end);
    return p.character === 0 && p.line > 0 ? p.line - 1 : p.line;
  };
  let previousEnd = 0;
  for (const m of model.messages) {
    const first = index.positionAt(m.meta.frameStart >= 0 ? Math.min(m.meta.frameStart, m.start) : m.start).line;
    const gapStart = index.positionAt(previousEnd).line;
    if (first - 1 > gapStart) folds.push({ startLine: gapStart, endLine: first - 1, kind: 'comment' });
    const startLine = index.positionAt(m.start).line;
    const last = lastLineOf(m.end);
    if (last > startLine) folds.push({ startLine, endLine: last, kind: 'region' });
    if (m.headers.length > 0) {
      const headersEnd = m.bodyLine !== -1 ? index.positionAt(m.bodyStart).line - 1 : last;
      if (headersEnd - 1 > startLine) folds.push({ startLine: startLine + 1, endLine: headersEnd - 1, kind: 'region' });
    }
    if (m.bodyLine !== -1 && m.bodyEnd > m.bodyStart) {
      const bs = index.positionAt(m.bodyStart).line;
      const be = index.positionAt(m.bodyEnd).line;
      if (be > bs) folds.push({ startLine: bs, endLine: be, kind: 'region' });
    }
    previousEnd = m.end;
  }
  return folds;
}
