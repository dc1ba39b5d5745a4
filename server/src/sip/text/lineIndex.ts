/**
 * Offset <-> LSP position conversion for one document text.
 *
 * The model stores plain UTF-16 offsets into the text (compact and cheap);
 * positions are only computed when something is shown to the user. Line
 * breaks follow the LSP definition (`\r\n`, `\n` and a lone `\r`), so our
 * positions agree with the editor's even on odd line ends. JavaScript strings
 * are UTF-16, so `character` is simply `offset - lineStart`.
 */

import type { TextSource } from './pieceText';

export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export class LineIndex {
  /** Offset of the first character of each line. */
  private readonly starts: Uint32Array;
  readonly lineCount: number;

  /**
   * `text` is only read at line ends (`offsetAt`) and around edits, so an
   * edited document's pieces (`PieceText`) serve as well as a string.
   */
  constructor(private readonly text: TextSource, starts?: Uint32Array) {
    this.starts = starts ?? computeLineStarts(text.toString());
    this.lineCount = this.starts.length;
  }

  /** The same lines over another copy of the same text (the document's text after it was rebuilt flat). */
  withText(text: TextSource): LineIndex {
    return new LineIndex(text, this.starts);
  }

  /**
   * The index of `text`, which is this index's text with `[start, end)`
   * replaced (growing it by `delta`): the lines around the edit are scanned
   * again, the ones after it move by `delta`. Equal to building it anew.
   */
  afterEdit(text: TextSource, start: number, end: number, delta: number): LineIndex {
    const starts = this.starts;
    // One line early: an edit right after a lone CR can join it with an LF.
    const first = Math.max(0, this.positionAt(start).line - 1);
    const after = this.positionAt(end).line + 1;
    const from = starts[first];
    const to = after < this.lineCount ? starts[after] + delta : text.length;
    const middle: number[] = [];
    // The lines around the edit as one short string: reading `text` itself could make V8 copy all of it.
    const region = text.slice(from, to);
    const nextAfterRegion = text.charCodeAt(to);
    for (let i = 0; i < region.length; i++) {
      const c = region.charCodeAt(i);
      if (c === 10 || (c === 13 && (i + 1 < region.length ? region.charCodeAt(i + 1) : nextAfterRegion) !== 10)) middle.push(from + i + 1);
    }
    // The line break just before `to` is unchanged text, so `to` itself is in `middle` when after < lineCount.
    const tail = after < this.lineCount ? this.lineCount - after - 1 : 0;
    const out = new Uint32Array(first + 1 + middle.length + tail);
    out.set(starts.subarray(0, first + 1));
    for (let k = 0; k < middle.length; k++) out[first + 1 + k] = middle[k];
    for (let k = 0; k < tail; k++) out[first + 1 + middle.length + k] = starts[after + 1 + k] + delta;
    return new LineIndex(text, out);
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const starts = this.starts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if (starts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - starts[low] };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineCount) return this.text.length;
    const lineStart = this.starts[position.line];
    const nextStart = position.line + 1 < this.lineCount ? this.starts[position.line + 1] : this.text.length;
    // Never move past the line's own end (its line break is not addressable).
    let lineEnd = nextStart;
    if (lineEnd > lineStart && this.text.charCodeAt(lineEnd - 1) === 10) lineEnd--;
    if (lineEnd > lineStart && this.text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
    return Math.min(lineStart + Math.max(0, position.character), lineEnd);
  }

  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.lineCount - 1))];
  }
}

function computeLineStarts(text: string): Uint32Array {
  // Two passes (count, then fill) keep memory at exactly one typed array.
  let count = 1;
  const length = text.length;
  let hasLoneCR = false;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  // A lone CR also breaks a line for LSP; checking for any CR first keeps the
  // common LF/CRLF path to indexOf scans only.
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) {
    if (text.charCodeAt(i + 1) !== 10) {
      hasLoneCR = true;
      count++;
    }
  }
  const starts = new Uint32Array(count);
  let n = 1;
  if (!hasLoneCR) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts[n++] = i + 1;
    return starts;
  }
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts[n++] = i + 1;
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts[n++] = i + 1;
  }
  return starts;
}
