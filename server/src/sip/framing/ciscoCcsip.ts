/**
 * Cisco IOS / IOS-XE / CUBE `debug ccsip messages`:
 *
 *     018628: May 13 15:32:45.306: //4538/2FD863BAA01F/SIP/Msg/ccsipDisplayMsg:
 *     Sent:
 *     INVITE sip:...
 *
 *     0: *Aug 30 21:21:45.583: //1/1CE915CE8002/CUBE_VT/SIP/Msg/ccsipDisplayMsg:
 *     Received: SIP UDP message from 192.0.2.71:5099 to 198.51.100.45:5060
 *     INVITE sip:...
 *
 * The timestamp may be an uptime (`00:11:29:`), carry a sequence number and a
 * `*` (clock not synchronised); there are no byte counts. A message ends at
 * the next timestamped debug line. When a log was flattened into one line
 * (`... ccsipDisplayMsg: Received: INVITE sip:... SIP/2.0 Via: ...`) the
 * message is split back at each `Name:` that starts a header.
 */
import { Eol } from '../model';
import type { Framer } from './types';
import { Frame, scanFrames, type FrameSpec, type LineOut, type Preamble } from './frameScanner';
import { isDigit, isTokenChar } from './lineScan';
import { newDraft, normalizeAddress, setTimestamp, transportName, type MetaDraft } from './meta';
import { Finder, countLines, skipSpaces, startsWithAt, trimEnd } from './text';

const MARKER = '/SIP/Msg/ccsipDisplayMsg:';
const STAMP = /((?:[A-Z][a-z]{2} +\d{1,2} +)?\d{1,2}:\d\d:\d\d(?:\.\d+)?)(?: [A-Z]{3,4})? ?: *$/;
const DIRECTION = /^(Sent|Received):(?: SIP ([A-Za-z]+) message (?:from (\S+) )?(?:to (\S+))?)?\s*$/;
/** A timestamped debug line: `018628: May 13 15:32:45.306: ...`, `*Sep  7 06:57:10.746: ...`, `00:11:29: ...`. */
const DEBUG_LINE = /^(?:\d+: +)?[*.]?(?:[A-Z][a-z]{2} +\d{1,2} +)?\d{1,2}:\d\d:\d\d(?:\.\d+)?(?: [A-Z]{3,4})? ?:/;

class CiscoFrame extends Frame {
  flattened = false;

  constructor(meta: MetaDraft) {
    super(meta);
    this.afterBody = 'cut';
  }

  override preamble(text: string, start: number, end: number): Preamble {
    const s = skipSpaces(text, start, end);
    if (startsWithAt(text, s, end, 'Sent:') || startsWithAt(text, s, end, 'Received:')) {
      const m = DIRECTION.exec(text.slice(s, trimEnd(text, s, end)));
      if (m) {
        applyDirection(this.meta, m);
        this.meta.frameEnd = end;
        return 'skip';
      }
    }
    return super.preamble(text, start, end);
  }

  /** A flattened message: one logical line per header. */
  override split(text: string, start: number, end: number, eol: Eol, after: number, out: LineOut): boolean {
    if (!this.flattened) return false;
    let from = start;
    for (let i = start + 1; i < end - 1; i++) {
      if (text.charCodeAt(i) !== 32 || !startsHeader(text, i + 1, end)) continue;
      out(from, i, Eol.CrLf, i + 1);
      from = i + 1;
    }
    out(from, end, eol, after);
    return true;
  }
}

function applyDirection(d: MetaDraft, m: RegExpExecArray): void {
  d.direction = m[1] === 'Sent' ? 'sent' : 'received';
  if (m[2] !== undefined) d.transport = transportName(m[2]);
  if (m[3] !== undefined) d.source = normalizeAddress(m[3]);
  if (m[4] !== undefined) d.destination = normalizeAddress(m[4]);
}

/** `Name:` at `i` where Name starts upper case: a header in a flattened message. */
function startsHeader(text: string, i: number, end: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 65 || c > 90) return false;
  let k = i + 1;
  while (k < end && isTokenChar(text.charCodeAt(k)) && text.charCodeAt(k) !== 46) k++;
  return k < end && text.charCodeAt(k) === 58 && k - i >= 2;
}

class CiscoSpec implements FrameSpec {
  private readonly marker: Finder;

  constructor(text: string) {
    this.marker = new Finder(text, MARKER);
  }

  open(text: string, start: number, end: number): Frame | null {
    const at = this.marker.within(start, end);
    if (at === -1) return null;
    let slashes = at - 1;
    while (slashes > start && !(text.charCodeAt(slashes) === 47 && text.charCodeAt(slashes - 1) === 47)) slashes--;
    if (slashes <= start) return null;
    slashes--;
    const d = newDraft(start, end);
    setTimestamp(d, STAMP.exec(text.slice(start, slashes))?.[1]);
    const frame = new CiscoFrame(d);
    // The rest of the line: empty, or a flattened message after `Received:` / `Sent:`.
    const rest = skipSpaces(text, at + MARKER.length, end);
    const sip = flattenedStart(text, rest, end);
    if (sip !== -1) {
      d.direction = text.charCodeAt(rest) === 83 ? 'sent' : 'received';
      frame.inlineFrom = sip;
      frame.flattened = true;
    }
    return frame;
  }

  foreign(text: string, start: number, end: number): boolean {
    if (end - start < 2) return false;
    const c = text.charCodeAt(start);
    const stamped = isDigit(c) || c === 42 || c === 46 || (c >= 65 && c <= 90 && text.charCodeAt(start + 3) === 32);
    if (stamped && DEBUG_LINE.test(text.slice(start, Math.min(end, start + 48)))) return true;
    return isPrompt(text, start, end);
  }
}

/** `Router#` or `Router# command`: no colon before the `#`. */
function isPrompt(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 35) return i > start;
    if (!isTokenChar(c)) return false;
  }
  return false;
}

/** Where a flattened message's start line begins: after `Received: ` / `Sent: ` on the framing line. */
function flattenedStart(text: string, start: number, end: number): number {
  let at = -1;
  if (startsWithAt(text, start, end, 'Received:')) at = start + 9;
  else if (startsWithAt(text, start, end, 'Sent:')) at = start + 5;
  if (at === -1) return -1;
  at = skipSpaces(text, at, end);
  return at < trimEnd(text, at, end) ? at : -1;
}

export const ciscoCcsipFramer: Framer = {
  id: 'cisco-ccsip',
  label: 'Cisco IOS / CUBE debug ccsip messages',
  score(lines) {
    return countLines(lines, (line) => line.includes(MARKER));
  },
  frame(text, sink) {
    scanFrames(text, sink, new CiscoSpec(text));
  },
};
