/**
 * Homer text export: each message after a line
 *
 *     proto:UDP 2023-05-10T10:00:00.123456Z  192.0.2.1:5060 ---> 198.51.100.2:5060
 *
 * then the payload.
 */
import type { Framer } from './types';
import { Frame, scanFrames, type FrameSpec } from './frameScanner';
import { newDraft, normalizeAddress, setTimestamp, transportName } from './meta';
import { countLines } from './text';

const FRAMING = /^proto:([A-Za-z0-9]+) +(\S(?:.*\S)?) +(\S+) -{1,3}> (\S+)\s*$/;

function quick(text: string, start: number, end: number): boolean {
  return end - start > 12 && text.startsWith('proto:', start);
}

const spec: FrameSpec = {
  open(text, start, end) {
    if (!quick(text, start, end)) return null;
    const m = FRAMING.exec(text.slice(start, end));
    if (!m) return null;
    const d = newDraft(start, end);
    d.transport = transportName(m[1]);
    setTimestamp(d, m[2]);
    d.source = normalizeAddress(m[3]);
    d.destination = normalizeAddress(m[4]);
    const frame = new Frame(d);
    frame.afterBody = 'split';
    return frame;
  },
};

export const homerFramer: Framer = {
  id: 'homer',
  label: 'Homer text export',
  score(lines) {
    return countLines(lines, (line) => quick(line, 0, line.length) && FRAMING.test(line));
  },
  frame(text, sink) {
    scanFrames(text, sink, spec);
  },
};
