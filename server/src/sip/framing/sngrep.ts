/**
 * sngrep "Save as .txt": each message after a line
 *
 *     2016/01/18 10:34:17.283218 192.0.2.1:5060 -> 198.51.100.2:5060
 *
 * then the payload and an empty line. No transport and no direction word;
 * IPv6 as `[2001:db8::1]:5060`.
 */
import type { Framer } from './types';
import { Frame, scanFrames, type FrameSpec } from './frameScanner';
import { isDigit } from './lineScan';
import { newDraft, normalizeAddress, setTimestamp } from './meta';
import { countLines } from './text';

const FRAMING = /^(\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d(?:\.\d+)?) (\S+) -> (\S+)\s*$/;

function quick(text: string, start: number, end: number): boolean {
  return end - start > 20 && isDigit(text.charCodeAt(start)) && text.charCodeAt(start + 4) === 47 && text.charCodeAt(start + 7) === 47;
}

const spec: FrameSpec = {
  open(text, start, end) {
    if (!quick(text, start, end)) return null;
    const m = FRAMING.exec(text.slice(start, end));
    if (!m) return null;
    const d = newDraft(start, end);
    setTimestamp(d, m[1]);
    d.source = normalizeAddress(m[2]);
    d.destination = normalizeAddress(m[3]);
    const frame = new Frame(d);
    frame.afterBody = 'split';
    return frame;
  },
};

export const sngrepFramer: Framer = {
  id: 'sngrep',
  label: 'sngrep text export',
  score(lines) {
    return countLines(lines, (line) => quick(line, 0, line.length) && FRAMING.test(line));
  },
  frame(text, sink) {
    scanFrames(text, sink, spec);
  },
};
