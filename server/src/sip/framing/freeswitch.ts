/**
 * FreeSWITCH `sofia global siptrace on` (sofia-sip's tport log):
 *
 *     recv 584 bytes from udp/[192.0.2.4]:5090 at 12:30:57.916812:
 *        ------------------------------------------------------------------------
 *        INVITE sip:...        (up to 1.8: every line indented 3 spaces,
 *        ...                    and the same dashed line closes the message)
 *        ------------------------------------------------------------------------
 *
 * 1.10 and later: no indent and no closing line; the message ends at the next
 * `recv`/`send` line, a FreeSWITCH log line, or where Content-Length says.
 * CRs are stripped (LF only); the address is always bracketed; the time is a
 * time of day. Whatever precedes `recv`/`send` on the framing line (a call-id
 * added by Kazoo's sipify, `// ` in a code comment) prefixes every line.
 */
import type { Framer } from './types';
import { Frame, SKIP_LINE, scanFrames, type FrameSpec, type Preamble } from './frameScanner';
import { isDigit } from './lineScan';
import { setDirection, hostPort, setTimestamp, transportName, type MetaDraft } from './meta';
import { isCountedLine, openCountedLine } from './countedLine';
import { Finder, countLines, isRunOf, skipSpaces, trimEnd } from './text';

/** The verbs of the framing line, before the byte count. */
const VERBS = ['recv', 'send'];

const FRAMING = /^(recv|send) (\d+) bytes (?:from|to) ([a-zA-Z0-9-]+)\/(\[[^\]]*\]|[^\s:]+):(\d+)(?: \([^)]*\))? at (\d\d:\d\d:\d\d(?:\.\d+)?):\s*$/;
/** A FreeSWITCH console/log line: `2023-01-05 10:00:00.123456 [DEBUG] sofia.c:...`. */
const LOG_LINE = /^(?:[0-9a-f-]{36} )?\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+ (?:\d+\.\d+% )?\[[A-Z]+\]/;

/** Where `recv`/`send` begins before the ` bytes ` found at `bytes`, or -1. */
class FreeswitchFrame extends Frame {
  /** Spaces of indent after the prefix (3 up to 1.8), known from the dashed line. */
  private indent = 0;

  constructor(meta: MetaDraft, private readonly prefix: string) {
    super(meta);
    this.afterBody = 'cut';
  }

  override content(text: string, start: number, end: number): number {
    let at = start;
    if (this.prefix.length > 0) {
      if (text.startsWith(this.prefix, start)) at = start + this.prefix.length;
      else if (end - start <= this.prefix.length && this.prefix.startsWith(text.slice(start, end).trimEnd())) return end;
      else return SKIP_LINE;
    }
    for (let k = 0; k < this.indent && at < end && text.charCodeAt(at) === 32; k++) at++;
    return at;
  }

  override preamble(text: string, start: number, end: number): Preamble {
    const s = skipSpaces(text, start, end);
    if (isRunOf(text, s, trimEnd(text, s, end), 45, 20)) {
      this.indent = s - start;
      // Indented (1.8): the dashed line also closes the message, which is exact.
      if (this.indent > 0) this.afterBody = 'keep';
      this.meta.frameEnd = end;
      return 'skip';
    }
    return super.preamble(text, start, end);
  }

  override close(text: string, start: number, end: number): number {
    return isRunOf(text, start, trimEnd(text, start, end), 45, 20) ? start : -1;
  }
}

class FreeswitchSpec implements FrameSpec {
  private readonly bytes: Finder;

  constructor(text: string) {
    this.bytes = new Finder(text, ' bytes ');
  }

  open(text: string, start: number, end: number): Frame | null {
    const line = openCountedLine(text, start, end, this.bytes, VERBS, FRAMING);
    if (line === null) return null;
    const { draft: d, match: m, verb } = line;
    d.transport = transportName(m[3]);
    const host = m[4].charCodeAt(0) === 91 ? m[4].slice(1, -1) : m[4];
    setDirection(d, m[1] === 'recv' ? 'received' : 'sent', hostPort(host, m[5]));
    setTimestamp(d, m[6]);
    return new FreeswitchFrame(d, text.slice(start, verb));
  }

  foreign(text: string, start: number, end: number): boolean {
    const c = text.charCodeAt(start);
    return end - start > 20 && (isDigit(c) || text.charCodeAt(start + 8) === 45) && LOG_LINE.test(text.slice(start, Math.min(end, start + 80)));
  }
}

export const freeswitchFramer: Framer = {
  id: 'freeswitch',
  label: 'FreeSWITCH siptrace',
  score(lines) {
    return countLines(lines, (line) => isCountedLine(line, VERBS, FRAMING));
  },
  frame(text, sink) {
    scanFrames(text, sink, new FreeswitchSpec(text));
  },
};
