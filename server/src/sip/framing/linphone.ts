/**
 * Linphone / liblinphone (belle-sip) logs:
 *
 *     2023-05-10 10:00:00:123 belle-sip-message-channel [0x55d0c1e0]: message sent to [UDP://sip.example.com:5060], size: [812] bytes
 *     INVITE sip:...
 *     2023-05-10 10:00:00:180 belle-sip-message-channel [0x55d0c1e0]: received [503] new bytes from [UDP://192.0.2.1:5060]:
 *     SIP/2.0 100 Trying ...
 *
 * The message runs to the next log line (a line starting with a timestamp
 * of the same shape). belle-sip logs what each read() returned: over TCP one
 * chunk may hold more than one message, and a message may arrive in several
 * chunks; a chunk that does not begin with a start line continues the
 * message being received on the same channel.
 */
import type { Framer } from './types';
import { CONTINUE_FRAME, END_FRAME, Frame, scanFrames, type FrameSpec } from './frameScanner';
import { isStartLine } from './lineScan';
import { newDraft, normalizeAddress, setTimestamp, transportName, type MetaDraft } from './meta';
import { Finder, countLines, leadingStampLength, sameShape } from './text';

const CHANNEL = 'channel [';
const FRAMING = /^channel \[[^\]]*\]: (?:message sent to \[([A-Za-z]+):\/\/([^\]]+)\], size: \[(\d+)\] bytes|received \[(\d+)\] new bytes from \[([A-Za-z]+):\/\/([^\]]+)\]:)\s*$/;

class LinphoneFrame extends Frame {
  constructor(meta: MetaDraft, readonly channel: string, private readonly stampAt: number, private readonly stampLength: number) {
    super(meta);
    this.afterBody = 'split';
  }

  override content(text: string, start: number, end: number): number {
    // The next log line ends the message.
    if (this.stampLength > 0 && sameShape(text, start, this.stampAt, this.stampLength, end)) return END_FRAME;
    return start;
  }
}

class LinphoneSpec implements FrameSpec {
  private readonly channel: Finder;

  constructor(private readonly text: string) {
    this.channel = new Finder(text, CHANNEL);
  }

  open(text: string, start: number, end: number, current: Frame | null): Frame | typeof CONTINUE_FRAME | null {
    const at = this.channel.within(start, end);
    if (at === -1) return null;
    const line = text.slice(at, end);
    const m = FRAMING.exec(line);
    if (!m) return null;
    const channel = line.slice(CHANNEL.length, line.indexOf(']'));
    if (m[4] !== undefined && current instanceof LinphoneFrame && current.channel === channel &&
        current.meta.direction === 'received' && !this.startsMessage(end)) {
      // More bytes of the message being received (belle-sip logs each read()).
      current.meta.byteCount = (current.meta.byteCount ?? 0) + Number(m[4]);
      current.meta.countStart = current.meta.countEnd = -1;
      return CONTINUE_FRAME;
    }
    const d = newDraft(start, end);
    const stamp = leadingStampLength(text, start, at);
    if (stamp > 0) setTimestamp(d, text.slice(start, start + stamp).trim());
    if (m[1] !== undefined) {
      d.direction = 'sent';
      d.transport = transportName(m[1]);
      d.destination = normalizeAddress(m[2]);
      d.byteCount = Number(m[3]);
      d.countStart = at + line.indexOf('size: [') + 7;
      d.countEnd = d.countStart + m[3].length;
    } else {
      d.direction = 'received';
      d.byteCount = Number(m[4]);
      d.countStart = at + line.indexOf('received [') + 10;
      d.countEnd = d.countStart + m[4].length;
      d.transport = transportName(m[5]);
      d.source = normalizeAddress(m[6]);
    }
    return new LinphoneFrame(d, channel, start, stamp);
  }

  /** Whether the line after a framing line ending at `end` starts a SIP message. */
  private startsMessage(end: number): boolean {
    const text = this.text;
    let s = end;
    if (text.charCodeAt(s) === 13) s++;
    if (text.charCodeAt(s) === 10) s++;
    let e = text.indexOf('\n', s);
    if (e === -1) e = text.length;
    if (e > s && text.charCodeAt(e - 1) === 13) e--;
    return isStartLine(text, s, e);
  }
}

export const linphoneFramer: Framer = {
  id: 'linphone',
  label: 'Linphone / belle-sip log',
  score(lines) {
    return countLines(lines, (line) => {
      const at = line.indexOf(CHANNEL);
      return at !== -1 && FRAMING.test(line.slice(at));
    });
  },
  frame(text, sink) {
    scanFrames(text, sink, new LinphoneSpec(text));
  },
};
