/**
 * pjsip / pjsua logs (level 4 and up):
 *
 *     13:00:18.392  pjsua_core.c  ....TX 1675 bytes Request msg INVITE/cseq=18422 (tdta0x...) to UDP 192.0.2.21:5060:
 *     INVITE sip:...
 *     ...
 *     --end msg--
 *
 * and `RX 512 bytes Response msg 200/INVITE/cseq=18422 (rdata0x...) from TLS 192.0.2.21:5061:`.
 * Wrappers (Android logcat, syslog) put a prefix before every message line;
 * its shape is learnt from the first line (where the start line begins) and
 * lines of the same shape are stripped, so other programs' syslog lines
 * interleaved with the message are skipped.
 */
import type { Framer } from './types';
import { Frame, SKIP_LINE, scanFrames, type FrameSpec } from './frameScanner';
import { isBlank, isDigit } from './lineScan';
import { setDirection, normalizeAddress, setTimestamp, transportName, type MetaDraft } from './meta';
import { isCountedLine, openCountedLine } from './countedLine';
import { Finder, countLines, findStartLineIn, sameShape, startsWithAt, trimEnd } from './text';

/** The verbs of the framing line, before the byte count. */
const VERBS = ['TX', 'RX'];

const FRAMING = /^([TR]X) (\d+) bytes (?:Request|Response) msg (\S+) \(([^)]*)\) (?:to|from) ([A-Za-z0-9]+) (\S+):\s*$/;
/** The pjsip log time and sender right before `TX`/`RX`: `13:00:18.392   pjsua_core.c  ....`. */
const PJ_TIME = /((?:\d{4}-\d\d-\d\d )?\d\d:\d\d:\d\d\.\d{3})\s+\S+\s+\.*$/;
/** A syslog time at the start of a line (`<30>Dec  3 09:41:49`, `Jun  7 11:53:54`). */
const SYSLOG_TIME = /^(?:<\d+>)?([A-Z][a-z]{2} +\d{1,2} \d\d:\d\d:\d\d)/;
/** A plain pjsua log line: time, sender, text. */
const LOG_LINE = /^\d\d:\d\d:\d\d\.\d{3} {2,}\S+ /;

/** Where `TX`/`RX` begins before the ` bytes ` found at `bytes`, or -1. */
class PjsipFrame extends Frame {
  /** The learnt per-line prefix: `[prefixAt, prefixAt + prefixLength)`; -1 until learnt. */
  private prefixAt = -1;
  private prefixLength = 0;

  constructor(meta: MetaDraft) {
    super(meta);
  }

  override content(text: string, start: number, end: number): number {
    if (this.prefixAt === -1) {
      if (isBlank(text, start, end)) return start;
      const p = findStartLineIn(text, start, end);
      if (p === -1) return start;
      this.prefixAt = start;
      this.prefixLength = p - start;
      return p;
    }
    const length = this.prefixLength;
    if (length === 0) return start;
    if (sameShape(text, start, this.prefixAt, length, end)) return start + length;
    // An empty message line: the prefix alone, maybe without its trailing spaces.
    const e = trimEnd(text, start, end);
    if (e - start < length && sameShape(text, start, this.prefixAt, e - start, end)) return end;
    return SKIP_LINE;
  }

  override close(text: string, start: number, end: number): number {
    return startsWithAt(text, start, end, '--end msg--') ? start : -1;
  }
}

class PjsipSpec implements FrameSpec {
  private readonly bytes: Finder;

  constructor(text: string) {
    this.bytes = new Finder(text, ' bytes ');
  }

  open(text: string, start: number, end: number): Frame | null {
    const line = openCountedLine(text, start, end, this.bytes, VERBS, FRAMING);
    if (line === null) return null;
    const { draft: d, match: m, verb } = line;
    d.transport = transportName(m[5]);
    setDirection(d, m[1] === 'TX' ? 'sent' : 'received', normalizeAddress(m[6]));
    const before = text.slice(start, verb);
    setTimestamp(d, PJ_TIME.exec(before)?.[1] ?? SYSLOG_TIME.exec(before)?.[1]);
    return new PjsipFrame(d);
  }

  foreign(text: string, start: number, end: number): boolean {
    return end - start > 16 && isDigit(text.charCodeAt(start)) && text.charCodeAt(start + 2) === 58 &&
      LOG_LINE.test(text.slice(start, Math.min(end, start + 60)));
  }
}

export const pjsipFramer: Framer = {
  id: 'pjsip',
  label: 'pjsip / pjsua log',
  score(lines) {
    return countLines(lines, (line) => isCountedLine(line, VERBS, FRAMING));
  },
  frame(text, sink) {
    scanFrames(text, sink, new PjsipSpec(text));
  },
};
