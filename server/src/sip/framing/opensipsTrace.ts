/**
 * OpenSIPS `opensips-cli -x trace`: HEP packets printed as
 *
 *     ESC[1;34m1591369311.238466ESC[0mESC[1;36m UDP/SIP 192.0.2.1:5060 -> 198.51.100.2:5060ESC[0m
 *
 * then the payload. The part after the dot is the HEP microseconds printed
 * without zero padding. Other HEP types (`/LOG`, `/MI`) end a packet.
 */
import type { Framer } from './types';
import { Frame, scanFrames, type FrameSpec } from './frameScanner';
import { isDigit } from './lineScan';
import { newDraft, normalizeAddress, transportName } from './meta';
import { countLines, hasEsc, stripAnsi } from './text';

const FRAMING = /^(\d{9,11})\.(\d{1,6}) ([A-Za-z0-9]+)\/SIP (\S+) -> (\S+)\s*$/;
const OTHER_HEP = /^\d{9,11}\.\d{1,6} [A-Za-z0-9]+\/[A-Z]/;

function quick(text: string, start: number, end: number): boolean {
  const c = text.charCodeAt(start);
  return end - start > 20 && (c === 27 || isDigit(c));
}

function clean(text: string, start: number, end: number): string {
  const line = text.slice(start, end);
  return hasEsc(text, start, end) ? stripAnsi(line) : line;
}

const spec: FrameSpec = {
  open(text, start, end) {
    if (!quick(text, start, end)) return null;
    const m = FRAMING.exec(clean(text, start, end));
    if (!m) return null;
    const d = newDraft(start, end);
    d.timestamp = `${m[1]}.${m[2]}`;
    d.time = Number(m[1]) * 1000 + Number(m[2]) / 1000;
    d.transport = transportName(m[3]);
    d.source = normalizeAddress(m[4]);
    d.destination = normalizeAddress(m[5]);
    const frame = new Frame(d);
    frame.afterBody = 'split';
    return frame;
  },
  foreign(text, start, end) {
    return quick(text, start, end) && OTHER_HEP.test(clean(text, start, end));
  },
};

export const opensipsTraceFramer: Framer = {
  id: 'opensips-trace',
  label: 'OpenSIPS trace (opensips-cli)',
  score(lines) {
    return countLines(lines, (line) => quick(line, 0, line.length) && FRAMING.test(stripAnsi(line)));
  },
  frame(text, sink) {
    scanFrames(text, sink, spec);
  },
};
