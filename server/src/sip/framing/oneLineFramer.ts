/**
 * The common shape of the simplest wrappings: each message follows one
 * framing line that a regular expression reads (after a cheap test that
 * keeps the expression off most lines), and the tool's text after the body is
 * split off. ngrep, sngrep, Homer and the Thomson phone trace are this shape.
 */
import type { Framer } from './types';
import { Frame, scanFrames, type FrameSpec } from './frameScanner';
import { newDraft, type MetaDraft } from './meta';
import { countLines } from './text';

export interface OneLineFraming {
  readonly id: string;
  readonly label: string;
  /** A cheap test of a line before `pattern` is tried on it. */
  quick(text: string, start: number, end: number): boolean;
  readonly pattern: RegExp;
  /** Fills the message's metadata from the framing line's match; `start` is the line's offset. */
  metadata(draft: MetaDraft, match: RegExpExecArray, start: number): void;
  /** Adjusts each frame (a repair, say); the text after the body is always split off. */
  configure?(frame: Frame): void;
  /** Other lines of the tool's that end an open frame. */
  foreign?: FrameSpec['foreign'];
}

export function oneLineFramer(f: OneLineFraming): Framer {
  const spec: FrameSpec = {
    open(text, start, end) {
      if (!f.quick(text, start, end)) return null;
      const match = f.pattern.exec(text.slice(start, end));
      if (!match) return null;
      const draft = newDraft(start, end);
      f.metadata(draft, match, start);
      const frame = new Frame(draft);
      f.configure?.(frame);
      frame.afterBody = 'split';
      return frame;
    },
    foreign: f.foreign,
  };
  return {
    id: f.id,
    label: f.label,
    score(lines) {
      return countLines(lines, (line) => f.quick(line, 0, line.length) && f.pattern.test(line));
    },
    frame(text, sink) {
      scanFrames(text, sink, spec);
    },
  };
}
