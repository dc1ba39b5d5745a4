/**
 * A document's text as pieces of earlier strings: what an edit produces
 * without copying the text.
 *
 * A JavaScript string built by concatenation (`text.slice(0, i) + typed +
 * text.slice(j)`) stays a rope inside V8 only until something reads one of
 * its characters or slices it: then V8 copies all of it into one new flat
 * string. On a 50 MB trace that copy was the whole cost of a keystroke (50 MB
 * of fresh memory; where new pages are dear, 12,000 page faults and ~190 ms).
 * The server reads what an edit needs (the lines and messages around it)
 * through the pieces instead, and only a feature that needs the whole text
 * builds it (`toString`).
 */

/** What the line index and the re-parse read of a text: a plain string is one. */
export interface TextSource {
  readonly length: number;
  charCodeAt(index: number): number;
  slice(start: number, end: number): string;
}

/** Inserted pieces shorter than this are merged with a short neighbour (typing makes one piece per key). */
const MERGE_BELOW = 1024;
/** Past this many pieces an edit builds the whole text once, flat, and starts again from it. */
const MAX_PIECES = 512;

export class PieceText implements TextSource {
  /** The whole text, once built (see `toString`). */
  private whole: string | undefined;
  /** The piece the last `charCodeAt` read: reads come in runs. */
  private lastPiece = 0;

  /**
   * Piece k is `sources[k]` from `offsets[k]`, placed at `starts[k]` in the
   * text; `starts` has one more entry, the text's length.
   */
  private constructor(
    private readonly sources: readonly string[],
    private readonly offsets: readonly number[],
    private readonly starts: readonly number[],
  ) {}

  static of(text: string): PieceText {
    const piece = new PieceText(text.length > 0 ? [text] : [], text.length > 0 ? [0] : [], text.length > 0 ? [0, text.length] : [0]);
    piece.whole = text;
    return piece;
  }

  get length(): number {
    return this.starts[this.starts.length - 1];
  }

  get pieceCount(): number {
    return this.sources.length;
  }

  /** The text with `[start, end)` replaced by `inserted`. */
  edit(start: number, end: number, inserted: string): PieceText {
    const length = this.length;
    const from = Math.max(0, Math.min(start, length));
    const to = Math.max(from, Math.min(end, length));
    const sources: string[] = [];
    const offsets: number[] = [];
    const starts: number[] = [];
    let at = 0;
    const add = (source: string, offset: number, size: number) => {
      if (size <= 0) return;
      const last = sources.length - 1;
      // Merge two short neighbours into one small string (under 2 * MERGE_BELOW characters).
      if (last >= 0 && size < MERGE_BELOW && at - starts[last] < MERGE_BELOW) {
        sources[last] = sources[last].slice(offsets[last], offsets[last] + (at - starts[last])) + source.slice(offset, offset + size);
        offsets[last] = 0;
        at += size;
        return;
      }
      sources.push(source);
      offsets.push(offset);
      starts.push(at);
      at += size;
    };
    const count = this.sources.length;
    for (let k = 0; k < count; k++) {
      const pieceStart = this.starts[k];
      const pieceEnd = this.starts[k + 1];
      if (pieceEnd <= from) add(this.sources[k], this.offsets[k], pieceEnd - pieceStart);
      else if (pieceStart < from) add(this.sources[k], this.offsets[k], from - pieceStart);
    }
    add(inserted, 0, inserted.length);
    for (let k = 0; k < count; k++) {
      const pieceStart = this.starts[k];
      const pieceEnd = this.starts[k + 1];
      if (pieceStart >= to) add(this.sources[k], this.offsets[k], pieceEnd - pieceStart);
      else if (pieceEnd > to) add(this.sources[k], this.offsets[k] + (to - pieceStart), pieceEnd - to);
    }
    starts.push(at);
    const next = new PieceText(sources, offsets, starts);
    if (sources.length <= MAX_PIECES) return next;
    // Thousands of edits without a pause: pay for one flat copy rather than ever longer lookups.
    const flat = next.toString();
    flat.charCodeAt(0);
    return PieceText.of(flat);
  }

  charCodeAt(index: number): number {
    if (index < 0 || index >= this.length) return NaN;
    let k = this.lastPiece;
    if (k >= this.sources.length || index < this.starts[k] || index >= this.starts[k + 1]) {
      k = this.pieceAt(index);
      this.lastPiece = k;
    }
    return this.sources[k].charCodeAt(this.offsets[k] + index - this.starts[k]);
  }

  /** Like `String.prototype.slice` for `0 <= start <= end <= length` (clamped otherwise); reads only the pieces it spans. */
  slice(start: number, end: number): string {
    const length = this.length;
    const from = Math.max(0, Math.min(start, length));
    const to = Math.max(from, Math.min(end, length));
    if (from === to) return '';
    // Never from `whole` once built: slicing a concatenation makes V8 copy it flat.
    let k = this.pieceAt(from);
    let out = '';
    for (let at = from; at < to; k++) {
      const pieceEnd = Math.min(this.starts[k + 1], to);
      const offset = this.offsets[k] + at - this.starts[k];
      out += this.sources[k].slice(offset, offset + (pieceEnd - at));
      at = pieceEnd;
    }
    return out;
  }

  /**
   * The whole text as one string, built once: a concatenation of slices,
   * which V8 copies flat when it is first read.
   */
  toString(): string {
    if (this.whole === undefined) {
      let out = '';
      for (let k = 0; k < this.sources.length; k++) {
        const size = this.starts[k + 1] - this.starts[k];
        out += this.sources[k].slice(this.offsets[k], this.offsets[k] + size);
      }
      this.whole = out;
    }
    return this.whole;
  }

  /** Index of the piece holding character `index` (0 <= index < length). */
  private pieceAt(index: number): number {
    const starts = this.starts;
    let low = 0;
    let high = this.sources.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if (starts[mid] <= index) low = mid;
      else high = mid - 1;
    }
    return low;
  }
}
