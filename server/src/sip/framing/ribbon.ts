/**
 * Ribbon / Sonus SBC call trace (SIPSG "EXTRA INFO" entries):
 *
 *     1787 12162016 083615.737177:1.01.00.38939.MAJOR .SIPSG: ... Ingress: received msg for CallId:... from IP/port:192.0.2.10/5000, Local IP/port:198.51.100.141/5000
 *     RAW PDU:
 *     INVITE sip:...
 *
 * (`Egress: sent msg ... to IP/port:...` for what the SBC sends). The next
 * numbered log entry ends the message. Messages over 1800 bytes are split
 * across entries; only the first part is a message.
 */
import type { Framer } from './types';
import { Frame, scanFrames, type FrameSpec, type Preamble } from './frameScanner';
import { isDigit } from './lineScan';
import { setDirection, hostPort, newDraft, setTimestamp, type MetaDraft } from './meta';
import { Finder, countLines, startsWithAt, trimEnd } from './text';

const ENTRY = /^\d+ (\d{8} \d{6}(?:\.\d+)?):/;
const MSG = /(Ingress|Egress): (received|sent) msg .*?(?:from|to) IP\/port:([^\s,/]+)\/(\d+), Local IP\/port:([^\s,/]+)\/(\d+)/;

class RibbonFrame extends Frame {
  constructor(meta: MetaDraft) {
    super(meta);
    this.afterBody = 'cut';
  }

  override preamble(text: string, start: number, end: number): Preamble {
    if (startsWithAt(text, start, trimEnd(text, start, end), 'RAW PDU:')) {
      this.meta.frameEnd = end;
      return 'skip';
    }
    return super.preamble(text, start, end);
  }
}

function isEntry(text: string, start: number, end: number): boolean {
  return end - start > 20 && isDigit(text.charCodeAt(start)) && ENTRY.test(text.slice(start, Math.min(end, start + 40)));
}

class RibbonSpec implements FrameSpec {
  private readonly msg: Finder;

  constructor(text: string) {
    this.msg = new Finder(text, ' msg ');
  }

  open(text: string, start: number, end: number): Frame | null {
    if (!isDigit(text.charCodeAt(start)) || this.msg.within(start, end) === -1) return null;
    const line = text.slice(start, end);
    const entry = ENTRY.exec(line);
    const m = entry ? MSG.exec(line) : null;
    if (!entry || !m) return null;
    const d = newDraft(start, end);
    setTimestamp(d, entry[1]);
    setDirection(d, m[2] === 'received' ? 'received' : 'sent', hostPort(m[3], m[4]), hostPort(m[5], m[6]));
    return new RibbonFrame(d);
  }

  foreign(text: string, start: number, end: number): boolean {
    return isEntry(text, start, end);
  }
}

export const ribbonFramer: Framer = {
  id: 'ribbon',
  label: 'Ribbon / Sonus SBC call trace',
  score(lines) {
    return countLines(lines, (line) => ENTRY.test(line) && MSG.test(line));
  },
  frame(text, sink) {
    scanFrames(text, sink, new RibbonSpec(text));
  },
};
