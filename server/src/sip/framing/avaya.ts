/**
 * Avaya Voice Portal / Experience Portal logs, where each CR of a message
 * shows as a literal `^M` (the log was opened in an editor that shows
 * control characters):
 *
 *     @2014-06-26 13:02:39,427||FINEST|Tele|8513|...|cUAInterface::SendToNetwork: To 192.0.2.57:5060[71:0] <INVITE sip:bob@example.com SIP/2.0^M
 *     From: <sip:alice@example.com>;tag=1^M
 *     ...
 *     @2014-06-26 13:02:39,551||FINEST|Tele|8513|...|SIPTCP::ProcessRead: <SIP/2.0 180 Ringing^M
 *
 * The message starts inside the log line, after `<`; its lines run to the
 * next `@`-stamped log line. Text after the first `^M` on the log line is
 * not the message's.
 */
import type { Framer } from './types';
import { Frame, Repair, scanFrames, type FrameSpec } from './frameScanner';
import { isDigit } from './lineScan';
import { newDraft, normalizeAddress, setTimestamp } from './meta';
import { Finder, countLines, findStartLineIn } from './text';

const STAMP = /^@(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:[.,]\d+)?)/;
const TO = /(?:^|\W)To (\[[^\]]+\]:\d+|[\w.-]+:\d+)/;
const FROM = /(?:^|\W)From (\[[^\]]+\]:\d+|[\w.-]+:\d+)/;

function isLogLine(text: string, start: number, end: number): boolean {
  return end - start > 12 && text.charCodeAt(start) === 64 && isDigit(text.charCodeAt(start + 1));
}

class AvayaSpec implements FrameSpec {
  private readonly caret: Finder;

  constructor(text: string) {
    this.caret = new Finder(text, '^M');
  }

  open(text: string, start: number, end: number): Frame | null {
    if (!isLogLine(text, start, end)) return null;
    const caret = this.caret.within(start, end);
    const sip = findStartLineIn(text, start, caret === -1 ? end : caret);
    if (sip === -1) return null;
    const line = text.slice(start, sip);
    const d = newDraft(start, sip);
    setTimestamp(d, STAMP.exec(line)?.[1]);
    const to = TO.exec(line);
    const from = to ? null : FROM.exec(line);
    if (to) {
      d.direction = 'sent';
      d.destination = normalizeAddress(to[1]);
    } else if (from || /ProcessRead|Receive/.test(line)) {
      d.direction = 'received';
      if (from) d.source = normalizeAddress(from[1]);
    }
    const transport = /SIP(TCP|UDP|TLS)::/.exec(line);
    if (transport) d.transport = transport[1];
    const frame = new Frame(d);
    frame.repair = Repair.CaretM;
    frame.inlineFrom = sip;
    if (caret !== -1) frame.inlineTo = caret + 2;
    return frame;
  }

  foreign(text: string, start: number, end: number): boolean {
    return isLogLine(text, start, end);
  }
}

export const avayaFramer: Framer = {
  id: 'avaya',
  label: 'Avaya Voice/Experience Portal log (^M)',
  score(lines) {
    return countLines(lines, (line) => isLogLine(line, 0, line.length) && line.includes('SIP/2.0') && line.includes('^M'));
  },
  frame(text, sink) {
    scanFrames(text, sink, new AvayaSpec(text));
  },
};
