/**
 * Oracle / Acme Packet SBC `sipmsg.log`:
 *
 *     Mar  6 13:34:49.416 On [6:0]192.0.2.185:5060 received from 198.51.100.150:5060
 *     REGISTER sip:...
 *     ...
 *     ----------------------------------------
 *
 * (`sent to` for what the SBC sends). The file also holds `File opened.`,
 * `UDP[3:0]192.0.2.194:5060 OPENED` lines and records that are not SIP (MGCP,
 * hex dumps): those are not messages.
 */
import type { Framer } from './types';
import { Frame, scanFrames, type FrameSpec } from './frameScanner';
import { setDirection, newDraft, normalizeAddress, setTimestamp } from './meta';
import { Finder, countLines, isRunOf, trimEnd } from './text';

const FRAMING = /^([A-Z][a-z]{2} +\d{1,2} \d\d:\d\d:\d\d(?:\.\d+)?) On (?:\[[^\]]*\])?(\S+) (received from|sent to) (\S+)\s*$/;

class AcmeFrame extends Frame {
  override close(text: string, start: number, end: number): number {
    return isRunOf(text, start, trimEnd(text, start, end), 45, 40) ? start : -1;
  }
}

function parse(line: string, start: number, end: number): Frame | null {
  const m = FRAMING.exec(line);
  if (!m) return null;
  const d = newDraft(start, end);
  setTimestamp(d, m[1]);
  setDirection(d, m[3] === 'received from' ? 'received' : 'sent', normalizeAddress(m[4]), normalizeAddress(m[2]));
  return new AcmeFrame(d);
}

class AcmeSpec implements FrameSpec {
  private readonly on: Finder;

  constructor(text: string) {
    this.on = new Finder(text, ' On ');
  }

  open(text: string, start: number, end: number): Frame | null {
    const c = text.charCodeAt(start);
    if (c < 65 || c > 90 || end - start < 30) return null;
    const on = this.on.within(start, end);
    if (on === -1 || on - start > 24) return null;
    return parse(text.slice(start, end), start, end);
  }
}

export const acmeSipmsgFramer: Framer = {
  id: 'acme-sipmsg',
  label: 'Oracle / Acme Packet SBC sipmsg.log',
  score(lines) {
    return countLines(lines, (line) => line.includes(' On ') && FRAMING.test(line));
  },
  frame(text, sink) {
    scanFrames(text, sink, new AcmeSpec(text));
  },
};
