/**
 * Microsoft Lync / Skype for Business / OCS SIPStack logs (OCSLogger,
 * CLSLogging, Snooper):
 *
 *     TL_INFO(TF_PROTOCOL) [0]06E4.0EB4::01/18/2012-05:00:43.101.00005386 (SIPStack,...)$$begin_record
 *     Trace-Correlation-Id: 2003888399
 *     Instance-Id: 0000C23F
 *     Direction: incoming;source="internal edge";destination="external edge"
 *     Peer: lyncserver.example.com:61182
 *     Message-Type: request
 *     Start-Line: OPTIONS sip:options@example.com SIP/2.0
 *     To: <sip:options@example.com>
 *     ...
 *     Message-Body: -
 *     $$end_record
 *
 * The start line is the value of the `Start-Line:` pseudo-header; the
 * pseudo-headers before it are metadata. The body is the value of
 * `Message-Body:` and the lines up to `$$end_record` (`-` when empty); the
 * empty line that ends the header block on the wire is not written, so the
 * framing puts an empty logical line where `Message-Body:` begins.
 * Diagnostic records (`SIP-Start-Line:`) are not messages.
 */
import { Eol } from '../model';
import type { Framer } from './types';
import { Frame, scanFrames, type FrameSpec, type LineOut, type Preamble } from './frameScanner';
import { setDirection, newDraft, normalizeAddress, setTimestamp } from './meta';
import { Finder, countLines, skipSpaces, startsWithAt, trimEnd } from './text';

const BEGIN = '$$begin_record';
const END = '$$end_record';
const STAMP = /(\d\d\/\d\d\/\d{4}-\d\d:\d\d:\d\d(?:\.\d{1,3})?)/;

class LyncFrame extends Frame {
  private started = false;
  /** The next logical line is the `Start-Line:` value. */
  private isStartLineValue = false;
  private peer: string | null = null;

  override preamble(text: string, start: number, end: number): Preamble {
    if (this.started) return super.preamble(text, start, end);
    const d = this.meta;
    if (startsWithAt(text, start, end, 'Direction:')) {
      const value = text.slice(skipSpaces(text, start + 10, end), end);
      d.direction = value.startsWith('incoming') ? 'received' : value.startsWith('outgoing') ? 'sent' : null;
      this.placePeer();
    } else if (startsWithAt(text, start, end, 'Peer:')) {
      this.peer = normalizeAddress(text.slice(start + 5, trimEnd(text, start, end)));
      this.placePeer();
    } else if (this.isStartLineValue) {
      this.started = true;
      this.isStartLineValue = false;
      return 'sip';
    }
    return 'skip';
  }

  override split(text: string, start: number, end: number, eol: Eol, after: number, out: LineOut): boolean {
    if (!this.started && startsWithAt(text, start, end, 'Start-Line:')) {
      this.isStartLineValue = true;
      out(skipSpaces(text, start + 11, end), end, eol, after);
      return true;
    }
    if (this.started && startsWithAt(text, start, end, 'Message-Body:')) {
      // The header block's empty line was not written: an empty logical line here stands for it.
      out(start, start, Eol.CrLf, start);
      const value = skipSpaces(text, start + 13, end);
      const valueEnd = trimEnd(text, value, end);
      if (!(valueEnd - value === 1 && text.charCodeAt(value) === 45)) out(value, end, eol, after);
      return true;
    }
    return false;
  }

  override close(text: string, start: number, end: number): number {
    return startsWithAt(text, start, end, END) ? start : -1;
  }

  private placePeer(): void {
    const d = this.meta;
    if (this.peer === null || d.direction === null) return;
    setDirection(d, d.direction, this.peer);
  }
}

class LyncSpec implements FrameSpec {
  private readonly begin: Finder;

  constructor(text: string) {
    this.begin = new Finder(text, BEGIN);
  }

  open(text: string, start: number, end: number): Frame | null {
    const at = this.begin.within(start, end);
    if (at === -1 || trimEnd(text, at, end) !== at + BEGIN.length) return null;
    const d = newDraft(start, end);
    setTimestamp(d, STAMP.exec(text.slice(start, at))?.[1]);
    return new LyncFrame(d);
  }
}

export const lyncSipstackFramer: Framer = {
  id: 'lync-sipstack',
  label: 'Lync / Skype for Business SIPStack log',
  score(lines) {
    return countLines(lines, (line) => line.endsWith(BEGIN) || line.startsWith('Start-Line: '));
  },
  frame(text, sink) {
    scanFrames(text, sink, new LyncSpec(text));
  },
};
