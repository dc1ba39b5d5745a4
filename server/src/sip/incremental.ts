/**
 * Re-parsing after an edit: only the messages around the change are parsed
 * again; the messages before it are reused as they are and the ones after it
 * are moved by the length difference. The result equals a full parse (a test
 * checks this on thousands of random edits); whenever that cannot be
 * guaranteed cheaply, this falls back to a full parse.
 */
import type { SipMessage, TraceModel } from './model';
import { parseTrace, type ParseOptions } from './parse';
import { shiftMessage } from './parser/messageParser';
import { LineIndex } from './text/lineIndex';
import type { TextSource } from './text/pieceText';
import { detached } from './text/detach';
import { framerById, sniffTraceFormat } from './framing/registry';
import { inheritAnalysis } from './analysis/analyze';

/** One edit, in the old text's offsets: `[start, end)` was replaced, and the text grew by `delta`. */
export interface Edit {
  readonly start: number;
  readonly end: number;
  readonly delta: number;
}

/**
 * Detection decides on the first 400 lines when they show a wrapping, and
 * reads up to 20,000 lines otherwise: an edit within them may change the
 * detected format (see `framing/registry.ts`).
 */
const DETECTION_SAMPLE_LINES = 400;
const DETECTION_MAX_LINES = 20_000;

/**
 * `text` is the edited text; as pieces (`PieceText`), only the window around
 * the edit is read, and the whole text is built when the model's `text` is
 * first asked for (the message-level rules read each message's own parse text).
 */
export function reparse(old: TraceModel, text: string | TextSource, edit: Edit, options: ParseOptions = {}): TraceModel {
  let whole = typeof text === 'string' ? text : undefined;
  const wholeText = () => (whole ??= text.toString());
  const full = () => parseTrace(wholeText(), options);
  const messages = old.messages;
  // Trace-level problems (no message, a decoded tshark tree) belong to the whole text.
  if (messages.length < 4 || old.problems.length > 0 || framerById(old.format.id)?.resumable === false) return full();
  const auto = !options.traceFormat || options.traceFormat === 'auto';
  if (auto) {
    const index = old.lineIndex;
    const sampleEnd = index.lineStart(Math.min(DETECTION_SAMPLE_LINES, index.lineCount - 1));
    // An edit within the sample needs a full parse whatever the sample says (see the horizon below).
    if (edit.start < sampleEnd) return full();
    // The sample is text before the edit, the same in both versions: read from the new one, which an edit keeps in pieces.
    const decidedEarly = sniffTraceFormat(text.slice(0, sampleEnd))?.id === old.format.id;
    const horizon = decidedEarly ? DETECTION_SAMPLE_LINES : DETECTION_MAX_LINES;
    if (index.lineCount <= horizon || edit.start < index.lineStart(horizon)) return full();
  }

  // The window: from the message before the one the edit starts in (an edit
  // can change where the previous message ends) through the message after the
  // one it ends in (the "resync" message). The window is parsed on its own;
  // when the resync message comes out exactly where and as long as before, the
  // parse is back in step and everything after it is unchanged.
  // (It starts where the message before that ended: a framer may read the
  // log lines before a frame, e.g. Asterisk's timestamp line.)
  let first = lastStartingAtOrBefore(messages, edit.start) - 1;
  // Messages that share one frame (a start line inside a framed message cuts it in two) stay together.
  while (first >= 1 && frameStartOf(messages[first]) < messages[first - 1].end) first--;
  if (first < 1) return full();
  const last = lastStartingAtOrBefore(messages, edit.end) + 1;
  if (last + 2 >= messages.length) return full();
  // Likewise the window must not end inside a frame the resync message shares with the next one.
  if (frameStartOf(messages[last + 2]) < messages[last + 1].end) return full();
  const resync = messages[last + 1];
  // A start line without a version, or none at all, is only recognised after a blank line: its detection depends on what precedes it.
  if (resync.kind === 'unknown' || resync.startLine.version === null) return full();
  const windowStart = messages[first - 1].end;
  const windowEnd = frameStartOf(messages[last + 2]) + edit.delta;
  if (edit.start < frameStartOf(messages[first]) || edit.end > frameStartOf(resync)) return full();

  // A copy, not a slice: the window's messages live on, and a slice would keep this whole version of the text alive with them.
  const window = parseTrace(detached(text.slice(windowStart, windowEnd)), { traceFormat: old.format.id });
  if (window.problems.length > 0 || window.messages.length === 0) return full();

  const resynced = window.messages[window.messages.length - 1];
  if (
    window.messages.length < 2 ||
    resynced.start + windowStart !== resync.start + edit.delta ||
    resynced.end + windowStart !== resync.end + edit.delta ||
    resynced.lines.length !== resync.lines.length
  ) {
    return full();
  }

  const out: SipMessage[] = messages.slice(0, first);
  if (window.messages.length > 0 && window.messages[0].start + windowStart < messages[first - 1].end) return full();
  // The window's own copy of the resync message met the end of the window where a full parse
  // meets the next message; the old one was parsed in full context, so it is the one kept.
  for (let i = 0; i < window.messages.length - 1; i++) out.push(shiftMessage(window.messages[i], windowStart, out.length));
  for (let i = last + 1; i < messages.length; i++) out.push(shiftMessage(messages[i], edit.delta, out.length));

  // Without a caller's index (the server's document keeps one): splice the old model's index
  // rather than scan 50 MB again, taken now so that this model does not keep the old one alive.
  let lineIndex: LineIndex | undefined;
  const provided = options.lineIndex;
  const oldIndex = provided ? undefined : old.lineIndex;
  const model: TraceModel = {
    get text() {
      return wholeText();
    },
    format: old.format,
    messages: out,
    problems: [],
    get lineIndex() {
      return (lineIndex ??= provided ? provided() : oldIndex!.afterEdit(text, edit.start, edit.end, edit.delta));
    },
  };
  inheritAnalysis(old, model);
  return model;
}

/** Index of the last message starting at or before `offset` (0 when none does). */
function lastStartingAtOrBefore(messages: readonly SipMessage[], offset: number): number {
  let low = 0;
  let high = messages.length - 1;
  let found = 0;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    if (frameStartOf(messages[mid]) <= offset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

/** Where a message's text begins, including the framing line that announced it. */
function frameStartOf(m: SipMessage): number {
  return m.meta.frameStart >= 0 ? Math.min(m.meta.frameStart, m.start) : m.start;
}

/**
 * Folds a sequence of edits (each in the offsets of the text the previous one
 * produced) into one edit in the offsets of the original text.
 */
export class EditAccumulator {
  private oldStart = 0;
  private oldEnd = 0;
  /** End of the changed region in the current text. */
  private newEnd = 0;
  private any = false;

  add(start: number, end: number, insertedLength: number): void {
    if (!this.any) {
      this.any = true;
      this.oldStart = start;
      this.oldEnd = end;
      this.newEnd = start + insertedLength;
      return;
    }
    // The changed region is [oldStart, newEnd) in the current text. Before it,
    // current and original offsets agree; past its end they differ by its growth.
    this.oldEnd += Math.max(0, end - this.newEnd);
    this.oldStart = Math.min(this.oldStart, start);
    this.newEnd = Math.max(this.newEnd, end) + insertedLength - (end - start);
  }

  /** The edits so far as one, or null when there were none. */
  result(): Edit | null {
    return this.any ? { start: this.oldStart, end: this.oldEnd, delta: this.newEnd - this.oldEnd } : null;
  }
}
