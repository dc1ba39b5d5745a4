/**
 * SIPp `-trace_msg`:
 *
 *     ----------------------------------------------- 2013-06-27 14:12:11.160616
 *     UDP message sent (544 bytes):
 *
 *     INVITE sip:...
 *
 *     ----------------------------------------------- 2026-05-15T16:24:27.300715Z
 *     UDP message received [769] bytes :          (3.7.5+: "message sent [N] bytes:")
 *
 *     SIP/2.0 200 OK ...
 *
 * The same dashed line also opens blocks that are not a message as sent or
 * received (`Unexpected UDP message received:`, which repeats one): skipped.
 */
import type { Framer } from './types';
import { Frame, scanFrames, type FrameSpec, type Preamble } from './frameScanner';
import { isBlank } from './lineScan';
import { newDraft, setTimestamp, transportName, type MetaDraft } from './meta';
import { isRunOf, trimEnd } from './text';

const DASHES = 47;
const DIRECTION = /^(?:([A-Za-z0-9]+) )?(?:control )?message (sent|received) (?:\((\d+) bytes\)|\[(\d+)\] bytes) ?:\s*$/;

function isDashedLine(text: string, start: number, end: number): boolean {
  return end - start > DASHES + 1 && text.charCodeAt(start) === 45 && text.charCodeAt(start + DASHES) === 32 &&
    isRunOf(text, start, start + DASHES, 45, DASHES);
}

class SippFrame extends Frame {
  private announced = false;

  constructor(meta: MetaDraft) {
    super(meta);
    this.afterBody = 'split';
  }

  override preamble(text: string, start: number, end: number): Preamble {
    if (this.announced) return super.preamble(text, start, end);
    if (isBlank(text, start, end)) return 'skip';
    const line = text.slice(start, end);
    const m = DIRECTION.exec(line);
    if (!m) return 'abort';
    const d = this.meta;
    d.transport = transportName(m[1]);
    d.direction = m[2] === 'sent' ? 'sent' : 'received';
    const count = m[3] ?? m[4];
    d.byteCount = Number(count);
    d.countStart = start + line.indexOf(count, line.indexOf(m[2]));
    d.countEnd = d.countStart + count.length;
    d.frameEnd = end;
    this.announced = true;
    return 'skip';
  }
}

const spec: FrameSpec = {
  open(text, start, end) {
    if (!isDashedLine(text, start, end)) return null;
    const d = newDraft(start, end);
    // Old versions write date, time and epoch separated by tabs: keep date and time.
    const stamp = text.slice(start + DASHES + 1, trimEnd(text, start, end)).trim().split('\t');
    setTimestamp(d, stamp.length >= 2 ? `${stamp[0]} ${stamp[1]}` : stamp[0]);
    return new SippFrame(d);
  },
};

export const sippFramer: Framer = {
  id: 'sipp',
  label: 'SIPp -trace_msg',
  score(lines) {
    // The dashed line alone is ambiguous; count it when the next line announces a message.
    let n = 0;
    for (let i = 0; i + 1 < lines.length; i++) {
      if (isDashedLine(lines[i], 0, lines[i].length) && DIRECTION.test(lines[i + 1])) n++;
    }
    return n;
  },
  frame(text, sink) {
    scanFrames(text, sink, spec);
  },
};
