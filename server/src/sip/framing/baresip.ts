/**
 * baresip's SIP trace (`sip_trace` on), in colour:
 *
 *     ESC[36;1m12:00:01.123#
 *     UDP 192.0.2.10:5060 -> 198.51.100.20:5060
 *     INVITE sip:...
 *     ...ESC[;m
 *
 * (older versions write `#` without the time; go-baresip writes
 * `12:00:01.123|TX`). The colour reset after the packet ends the message.
 */
import type { Framer } from './types';
import { Frame, scanFrames, type FrameSpec, type Preamble } from './frameScanner';
import { isBlank } from './lineScan';
import { newDraft, normalizeAddress, setTimestamp, transportName, type MetaDraft } from './meta';
import { hasEsc, stripAnsi, trimAnsiEnd } from './text';

const MARK = /^(\d\d:\d\d:\d\d(?:\.\d+)?)?(?:#|\|(TX|RX))\s*$/;
const ADDRESSES = /^(UDP|TCP|TLS|WSS?|SCTP) (\S+) -> (\S+)\s*$/;

function clean(text: string, start: number, end: number): string {
  const line = text.slice(start, end);
  return hasEsc(text, start, end) ? stripAnsi(line) : line;
}

function quick(text: string, start: number, end: number): boolean {
  if (end - start > 40 || end === start) return false;
  const c = text.charCodeAt(start);
  return c === 27 || c === 35 || (c >= 48 && c <= 57);
}

class BaresipFrame extends Frame {
  private addressed = false;

  constructor(meta: MetaDraft) {
    super(meta);
    this.afterBody = 'split';
  }

  override preamble(text: string, start: number, end: number): Preamble {
    if (this.addressed) return super.preamble(text, start, end);
    if (isBlank(text, start, end)) return 'skip';
    const m = ADDRESSES.exec(clean(text, start, end));
    if (!m) return 'abort';
    const d = this.meta;
    d.transport = transportName(m[1]);
    d.source = normalizeAddress(m[2]);
    d.destination = normalizeAddress(m[3]);
    d.frameEnd = end;
    this.addressed = true;
    return 'skip';
  }

  override close(text: string, start: number, end: number): number {
    if (end - start < 3 || text.charCodeAt(end - 1) !== 109 || !hasEsc(text, Math.max(start, end - 8), end)) return -1;
    const e = trimAnsiEnd(text, start, end);
    return e < end ? e : -1;
  }
}

const spec: FrameSpec = {
  open(text, start, end) {
    if (!quick(text, start, end)) return null;
    const m = MARK.exec(clean(text, start, end));
    if (!m) return null;
    const d = newDraft(start, end);
    setTimestamp(d, m[1]);
    if (m[2] !== undefined) d.direction = m[2] === 'TX' ? 'sent' : 'received';
    return new BaresipFrame(d);
  },
};

export const baresipFramer: Framer = {
  id: 'baresip',
  label: 'baresip SIP trace',
  score(lines) {
    // A `#` line alone proves little: count it with the address line after it.
    let n = 0;
    for (let i = 0; i + 1 < lines.length; i++) {
      if (quick(lines[i], 0, lines[i].length) && MARK.test(stripAnsi(lines[i])) && ADDRESSES.test(stripAnsi(lines[i + 1]))) n++;
    }
    return n;
  },
  frame(text, sink) {
    scanFrames(text, sink, spec);
  },
};
