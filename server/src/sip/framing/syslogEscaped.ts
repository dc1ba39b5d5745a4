/**
 * Syslog lines whose control characters were escaped as `#015` (CR) and
 * `#012` (LF) by rsyslog, putting a whole SIP message on one line: Kamailio
 * and OpenSIPS `xlog` output, AudioCodes SBC syslog:
 *
 *     May 20 21:00:02 proxy /usr/sbin/kamailio[14689]: INFO: <script>: INVITE sip:bob@example.com SIP/2.0#015#012Via: ...#015#012#015#012
 *     Dec 19 10:45:06 sbc [S=1718460] (N 6891677) ---- Incoming SIP Message from 192.0.2.24:5061 to SIPInterface #2 (Teams) TLS TO(#138) SocketID(204) ---- #012INVITE sip:...#015#012...
 *
 * Each escaped line holding a start line is a message; its logical lines are
 * the pieces between escapes (ranges inside the physical line), and what
 * follows the body (AudioCodes' ` [Time:...]`) is dropped by Content-Length.
 */
import { Eol } from '../model';
import type { Framer } from './types';
import { Frame, scanFrames, type FrameSpec, type LineOut } from './frameScanner';
import { setDirection, newDraft, normalizeAddress, setTimestamp, transportName, type MetaDraft } from './meta';
import { Finder, countLines, findStartLineIn } from './text';

const AUDIOCODES = /---- (Incoming|Outgoing) SIP Message (?:from|to) (\S+) (?:to|from) SIPInterface #\d+ \([^)]*\) ([A-Za-z]+)/;
const SYSLOG_TIME = /^(?:<\d+>)?(?:\d+ )?(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)?|[A-Z][a-z]{2} +\d{1,2} \d\d:\d\d:\d\d)/;

/** The next escape (`#015` or `#012`) in `[i, end)`, or -1; a bounded scan, unlike `indexOf`. */
function nextEscape(text: string, i: number, end: number): number {
  for (; i + 4 <= end; i++) if (text.charCodeAt(i) === 35 && escapeAt(text, i, end) !== 0) return i;
  return -1;
}

/** Length of the escape at `i` (`#015` or `#012`), or 0. */
function escapeAt(text: string, i: number, end: number): number {
  if (i + 4 > end || text.charCodeAt(i) !== 35 || text.charCodeAt(i + 1) !== 48 || text.charCodeAt(i + 2) !== 49) return 0;
  const d = text.charCodeAt(i + 3);
  return d === 53 || d === 50 ? 4 : 0;
}

class EscapedFrame extends Frame {
  constructor(meta: MetaDraft) {
    super(meta);
    this.afterBody = 'cut';
  }

  override split(text: string, start: number, end: number, eol: Eol, after: number, out: LineOut): boolean {
    let from = start;
    for (let i = nextEscape(text, start, end); i !== -1; i = nextEscape(text, from, end)) {
      // #015#012 is CRLF; a lone #012 an LF; a lone #015 a CR that lost its LF.
      let length = 4;
      const lineEol = text.charCodeAt(i + 3) === 53 ? Eol.CrLf : Eol.Lf;
      if (lineEol === Eol.CrLf && escapeAt(text, i + 4, end) === 4 && text.charCodeAt(i + 7) === 50) length = 8;
      out(from, i, lineEol, i + length);
      from = i + length;
    }
    out(from, end, eol, after);
    return true;
  }
}

class EscapedSpec implements FrameSpec {
  private readonly lf: Finder;

  constructor(text: string) {
    this.lf = new Finder(text, '#012');
  }

  open(text: string, start: number, end: number): Frame | null {
    const first = this.lf.within(start, end);
    if (first === -1) return null;
    // The start line ends at the first escape; for AudioCodes it is the second piece.
    let pieceStart = start;
    let pieceEnd = first;
    if (first - 4 >= start && text.startsWith('#015', first - 4)) pieceEnd = first - 4;
    let sip = findStartLineIn(text, pieceStart, pieceEnd);
    if (sip === -1) {
      pieceStart = first + 4;
      const next = nextEscape(text, pieceStart, end);
      pieceEnd = next === -1 ? end : next;
      sip = findStartLineIn(text, pieceStart, pieceEnd);
      if (sip === -1) return null;
    }
    const line = text.slice(start, sip);
    const d = newDraft(start, sip);
    setTimestamp(d, SYSLOG_TIME.exec(line)?.[1]);
    const ac = AUDIOCODES.exec(line);
    if (ac) {
      setDirection(d, ac[1] === 'Incoming' ? 'received' : 'sent', normalizeAddress(ac[2]));
      d.transport = transportName(ac[3]);
    }
    const frame = new EscapedFrame(d);
    frame.inlineFrom = sip;
    return frame;
  }
}

export const syslogEscapedFramer: Framer = {
  id: 'syslog-escaped',
  label: 'Syslog with #015#012 escapes (xlog, AudioCodes)',
  score(lines) {
    return countLines(lines, (line) => line.includes('#015#012') || (line.includes('#012') && AUDIOCODES.test(line)));
  },
  frame(text, sink) {
    scanFrames(text, sink, new EscapedSpec(text));
  },
};
