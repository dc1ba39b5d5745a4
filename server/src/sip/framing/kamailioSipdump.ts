/**
 * Kamailio `sipdump` module, text mode:
 *
 *     ====================
 *     tag: rcv
 *     pid: 1234
 *     process: 1
 *     time: 1599999999.123456
 *     date: Sun Sep 13 12:26:39 2020
 *     proto: udp ipv4
 *     srcip: 192.0.2.1
 *     srcport: 5060
 *     dstip: 198.51.100.2
 *     dstport: 5060
 *     ~~~~~~~~~~~~~~~~~~~~
 *     INVITE sip:...        (the message as it went on the wire)
 *     ||||||||||||||||||||
 *
 * The closing bars follow the message's last byte directly: after a body that
 * does not end with CRLF they share its last line.
 */
import type { Framer } from './types';
import { Frame, scanFrames, type FrameSpec, type Preamble } from './frameScanner';
import { hostPort, newDraft, parseTimestamp, transportName, type MetaDraft } from './meta';
import { charIndex, countLines, endsWithAt, isRunOf, trimEnd } from './text';

const OPEN = '='.repeat(20);
const BODY = '~'.repeat(20);
const CLOSE = '|'.repeat(20);

class SipdumpFrame extends Frame {
  private inMessage = false;
  private srcip = '';
  private srcport = '';
  private dstip = '';
  private dstport = '';

  constructor(meta: MetaDraft) {
    super(meta);
  }

  override preamble(text: string, start: number, end: number): Preamble {
    if (this.inMessage) return super.preamble(text, start, end);
    const e = trimEnd(text, start, end);
    this.meta.frameEnd = end;
    if (isRunOf(text, start, e, 126, 20)) {
      this.inMessage = true;
      this.addresses();
      return 'skip';
    }
    const colon = charIndex(text, 58, start, e);
    if (colon === -1) return 'skip';
    const key = text.slice(start, colon);
    const value = text.slice(colon + 1, e).trim();
    const d = this.meta;
    switch (key) {
      case 'tag':
        d.direction = value === 'rcv' ? 'received' : value === 'snd' ? 'sent' : null;
        break;
      case 'time':
        d.time = parseTimestamp(value);
        if (d.timestamp === null) d.timestamp = value;
        break;
      case 'date':
        d.timestamp = value;
        break;
      case 'proto':
        d.transport = transportName(value.split(' ')[0]);
        break;
      case 'srcip': this.srcip = value; break;
      case 'srcport': this.srcport = value; break;
      case 'dstip': this.dstip = value; break;
      case 'dstport': this.dstport = value; break;
    }
    return 'skip';
  }

  override close(text: string, start: number, end: number): number {
    const e = trimEnd(text, start, end);
    return endsWithAt(text, start, e, CLOSE) ? e - CLOSE.length : -1;
  }

  private addresses(): void {
    if (this.srcip) this.meta.source = hostPort(this.srcip, this.srcport);
    if (this.dstip) this.meta.destination = hostPort(this.dstip, this.dstport);
  }
}

const spec: FrameSpec = {
  open(text, start, end) {
    if (text.charCodeAt(start) !== 61 || !isRunOf(text, start, trimEnd(text, start, end), 61, 20)) return null;
    return new SipdumpFrame(newDraft(start, end));
  },
};

export const kamailioSipdumpFramer: Framer = {
  id: 'kamailio-sipdump',
  label: 'Kamailio sipdump',
  score(lines) {
    return countLines(lines, (line) => line === OPEN || line === BODY);
  },
  frame(text, sink) {
    scanFrames(text, sink, spec);
  },
};
