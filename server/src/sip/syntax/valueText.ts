/**
 * A header value as one string, with the way back to document offsets.
 *
 * A folded value (RFC 3261 section 7.3.1) spans several lines; scanners work
 * on the joined string (continuation lines trimmed and joined with one SP,
 * as `values.headerValue` does) and map indices back to the document with
 * `offset` / `endOffset`, so a diagnostic lands on the exact characters even
 * across a fold.
 */
import { LINE_STRIDE, type SipHeader, type SipMessage } from '../model';
import { isWsp } from './chars';

export interface ValueText {
  readonly value: string;
  /** Document offset of the character at index `i` (`i === value.length`: just past the value). */
  offset(i: number): number;
  /** Document offset just past the character at index `j - 1`: the end of a range `[i, j)`. */
  endOffset(j: number): number;
}

/** A value that is one contiguous stretch of the document (a class, not closures: one per header on the hot path). */
class ContiguousText implements ValueText {
  constructor(readonly value: string, private readonly start: number) {}

  offset(i: number): number {
    return this.start + Math.max(0, Math.min(i, this.value.length));
  }

  endOffset(j: number): number {
    return this.start + Math.max(0, Math.min(j, this.value.length));
  }
}

export function rangeText(text: string, start: number, end: number): ValueText {
  return new ContiguousText(text.slice(start, end), start);
}

/** The value of a header, joined over its continuation lines. */
export function headerText(text: string, message: SipMessage, header: SipHeader): ValueText {
  if (header.firstLine === header.lastLine) return rangeText(text, header.valueStart, header.valueEnd);
  const lines = message.lines;
  const parts: string[] = [];
  const vStart: number[] = [];
  const dStart: number[] = [];
  const dEnd: number[] = [];
  let length = 0;
  for (let l = header.firstLine; l <= header.lastLine; l++) {
    let s = l === header.firstLine ? header.valueStart : lines[l * LINE_STRIDE];
    let e = lines[l * LINE_STRIDE + 1];
    if (l === header.lastLine) e = Math.min(e, header.valueEnd);
    while (s < e && isWsp(text.charCodeAt(s))) s++;
    while (e > s && isWsp(text.charCodeAt(e - 1))) e--;
    if (e <= s || s < header.valueStart) continue;
    if (parts.length > 0) {
      parts.push(' ');
      length++;
    }
    vStart.push(length);
    dStart.push(s);
    dEnd.push(e);
    parts.push(text.slice(s, e));
    length += e - s;
  }
  if (parts.length === 0) return rangeText(text, header.valueStart, header.valueStart);
  return new FoldedText(parts.join(''), vStart, dStart, dEnd);
}

class FoldedText implements ValueText {
  constructor(
    readonly value: string,
    private readonly vStart: readonly number[],
    private readonly dStart: readonly number[],
    private readonly dEnd: readonly number[],
  ) {}

  private segment(i: number): number {
    let k = this.vStart.length - 1;
    while (k > 0 && this.vStart[k] > i) k--;
    return k;
  }

  offset(i: number): number {
    const k = this.segment(Math.max(0, i));
    // The joining space (one past a segment's end) maps to that segment's end.
    return Math.min(this.dStart[k] + (Math.max(0, i) - this.vStart[k]), this.dEnd[k]);
  }

  endOffset(j: number): number {
    if (j <= 0) return this.offset(0);
    const k = this.segment(j - 1);
    const p = this.dStart[k] + (j - 1 - this.vStart[k]);
    return p >= this.dEnd[k] ? this.dEnd[k] : p + 1;
  }
}
