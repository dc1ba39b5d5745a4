/**
 * Asterisk chan_pjsip `pjsip set logger on`:
 *
 *     <--- Received SIP request (1174 bytes) from UDP:192.0.2.10:60773 --->
 *     INVITE sip:...
 *
 *     <--- Transmitting SIP response (951 bytes) to UDP:[2001:db8::10]:5060 --->
 *     SIP/2.0 100 Trying ...
 *
 * There is no closing marker: a message ends at the next `<--- ` line, the
 * next Asterisk log entry, or where its Content-Length says (console
 * verbose lines follow without any prefix).
 */
import type { Framer } from './types';
import { Frame, scanFrames, type FrameSpec } from './frameScanner';
import { asteriskPrefix, consolePrefixEnd, isAsteriskLogEntry } from './asteriskPrefix';
import { setDirection, newDraft, normalizeAddress, setTimestamp, transportName, type MetaDraft } from './meta';
import { countLines } from './text';

const FRAMING = /^<--- (Received|Transmitting) SIP (?:request|response) \((\d+) bytes\) (?:from|to) ([A-Za-z]+):(\S+) --->\s*$/;

class PjsipLoggerFrame extends Frame {
  constructor(meta: MetaDraft, private readonly console: boolean) {
    super(meta);
    this.afterBody = 'cut';
  }

  override content(text: string, start: number, end: number): number {
    if (!this.console) return start;
    const p = consolePrefixEnd(text, start, end);
    return p === -1 ? start : p;
  }
}

class PjsipLoggerSpec implements FrameSpec {
  open(text: string, start: number, end: number): Frame | null {
    let at = start;
    let date: string | null = null;
    let console = false;
    const prefix = text.charCodeAt(start) === 91 ? asteriskPrefix(text, start, end) : null;
    if (prefix !== null) {
      at = prefix.end;
      date = prefix.date;
      console = !prefix.logEntry;
    }
    if (text.charCodeAt(at) !== 60 || !text.startsWith('<--- ', at)) return null;
    const m = FRAMING.exec(text.slice(at, end));
    if (!m) return null;
    const d = newDraft(start, end);
    setDirection(d, m[1] === 'Received' ? 'received' : 'sent', normalizeAddress(m[4]));
    d.byteCount = Number(m[2]);
    d.countStart = at + m[0].indexOf('(') + 1;
    d.countEnd = d.countStart + m[2].length;
    d.transport = transportName(m[3]);
    setTimestamp(d, date);
    return new PjsipLoggerFrame(d, console);
  }

  foreign(text: string, start: number, end: number): boolean {
    return isAsteriskLogEntry(text, start, end);
  }
}

export const asteriskPjsipFramer: Framer = {
  id: 'asterisk-pjsip',
  label: 'Asterisk chan_pjsip logger',
  score(lines) {
    return countLines(lines, (line) => {
      let at = 0;
      if (line.charCodeAt(0) === 91 && consolePrefixEnd(line, 0, line.length) !== -1) {
        at = asteriskPrefix(line, 0, line.length)?.end ?? 0;
      }
      return line.startsWith('<--- ', at) && FRAMING.test(line.slice(at));
    });
  },
  frame(text, sink) {
    scanFrames(text, sink, new PjsipLoggerSpec());
  },
};
