/**
 * Folding ranges: each message, its header block, its body, and runs of
 * framing or log text between messages. Lines are 0-based, as LSP wants.
 */
import type { TraceModel } from '../model';
import { headerRecords } from '../parser/messageParser';

export interface Fold {
  readonly startLine: number;
  readonly endLine: number;
  readonly kind: 'region' | 'comment';
}

/**
 * The folds of a trace, at most `limit` of them (the client's `rangeLimit`:
 * VS Code asks for 5,000, its `editor.foldingMaximumRegions`). Past the limit
 * a client keeps whole nesting levels, outermost first, and the first ranges
 * of the next level in document order; the same choice is made here, so the
 * ranges it would drop are neither sent nor decoded (a 50 MB trace has some
 * 180,000).
 */
export function foldingRanges(model: TraceModel, limit = Number.MAX_SAFE_INTEGER): Fold[] {
  const index = model.lineIndex;
  const folds: Fold[] = [];
  // Per fold: 0 for a message or the text between two, 1 for a header block or a body inside a message.
  const inner: boolean[] = [];
  const add = (fold: Fold, nested: boolean) => {
    folds.push(fold);
    inner.push(nested);
  };
  const lastLineOf = (end: number) => {
    // `end` is just past the message's last line break: fold up to the line before it.
    const p = index.positionAt(end);
    return p.character === 0 && p.line > 0 ? p.line - 1 : p.line;
  };
  let previousEnd = 0;
  for (const m of model.messages) {
    const first = index.positionAt(m.meta.frameStart >= 0 ? Math.min(m.meta.frameStart, m.start) : m.start).line;
    const gapStart = index.positionAt(previousEnd).line;
    if (first - 1 > gapStart) add({ startLine: gapStart, endLine: first - 1, kind: 'comment' }, false);
    const startLine = index.positionAt(m.start).line;
    const last = lastLineOf(m.end);
    if (last > startLine) add({ startLine, endLine: last, kind: 'region' }, false);
    // The header records, not `m.headers`: no header objects built for every message.
    if (headerRecords(m).length > 0) {
      const headersEnd = m.bodyLine !== -1 ? index.positionAt(m.bodyStart).line - 1 : last;
      if (headersEnd - 1 > startLine) add({ startLine: startLine + 1, endLine: headersEnd - 1, kind: 'region' }, true);
    }
    if (m.bodyLine !== -1 && m.bodyEnd > m.bodyStart) {
      const bs = index.positionAt(m.bodyStart).line;
      const be = index.positionAt(m.bodyEnd).line;
      if (be > bs) add({ startLine: bs, endLine: be, kind: 'region' }, true);
    }
    previousEnd = m.end;
  }
  if (folds.length <= limit) return folds;
  const outerCount = inner.reduce((n, nested) => (nested ? n : n + 1), 0);
  // Room for inner folds once every outer one is in; none when the outer ones alone are too many.
  let innerRoom = Math.max(0, limit - outerCount);
  let outerRoom = Math.max(0, limit);
  const kept: Fold[] = [];
  for (let i = 0; i < folds.length; i++) {
    if (inner[i] ? innerRoom-- > 0 : outerRoom-- > 0) kept.push(folds[i]);
  }
  return kept;
}
