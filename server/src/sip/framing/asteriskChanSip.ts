/**
 * Asterisk chan_sip `sip set debug on`:
 *
 *     <--- SIP read from UDP:192.0.2.10:5060 --->
 *     INVITE sip:...            (the message)
 *     <------------->
 *     --- (14 headers 0 lines) ---
 *     <--- Transmitting (no NAT) to 192.0.2.10:5060 --->
 *     SIP/2.0 200 OK ...
 *     <------------>
 *     Reliably Transmitting (NAT) to 192.0.2.10:5060:
 *     BYE sip:... ...
 *     ---
 *
 * Consoles prefix every line with `[Mar 30 13:35:51] `; the `full` log only
 * the first line of an entry (`[date] VERBOSE[tid][C-id] chan_sip.c: `).
 * NAT keepalives appear as frames holding a few bytes (`jaK`): not SIP, so
 * they yield no message.
 */
import type { Framer } from './types';
import { Frame, scanFrames, type FrameSpec } from './frameScanner';
import { asteriskPrefix, consolePrefixEnd, isAsteriskLogEntry } from './asteriskPrefix';
import { newDraft, normalizeAddress, setTimestamp, transportName, type MetaDraft } from './meta';
import { countLines, isRunOf, skipSpaces, trimEnd } from './text';

const READ = /^<--- SIP read from (?:([A-Za-z]+):)?(\S+) --->\s*$/;
const SENT_ARROWS = /^<--- (?:Reliably )?Transmitting \(([^)]*)\) to (?:([A-Za-z]+):)?(\S+) --->\s*$/;
const SENT_COLON = /^(?:Reliably )?(?:Transmitting|Retransmitting #\d+) \(([^)]*)\) to (?:([A-Za-z]+):)?(\S+):\s*$/;

/** Parses a framing line (after any log prefix) into the draft; false when it is none. */
function parseFraming(line: string, d: MetaDraft): boolean {
  let m = READ.exec(line);
  if (m) {
    d.direction = 'received';
    d.transport = transportName(m[1]);
    d.source = normalizeAddress(m[2]);
    return true;
  }
  m = SENT_ARROWS.exec(line) ?? SENT_COLON.exec(line);
  if (m) {
    d.direction = 'sent';
    d.transport = transportName(m[2]);
    d.destination = normalizeAddress(m[3]);
    return true;
  }
  return false;
}

function looksLikeFraming(line: string): boolean {
  const c = line.charCodeAt(0);
  if (c !== 60 && c !== 82 && c !== 84) return false; // < R T
  return READ.test(line) || SENT_ARROWS.test(line) || SENT_COLON.test(line);
}

class ChanSipFrame extends Frame {
  constructor(meta: MetaDraft, private readonly console: boolean) {
    super(meta);
  }

  override content(text: string, start: number, end: number): number {
    if (!this.console) return start;
    const p = consolePrefixEnd(text, start, end);
    return p === -1 ? start : p;
  }

  override close(text: string, start: number, end: number): number {
    const s = skipSpaces(text, start, end);
    const e = trimEnd(text, s, end);
    if (e - s === 3 && isRunOf(text, s, e, 45, 3)) return start; // ---
    if (e - s >= 7 && text.charCodeAt(s) === 60 && text.charCodeAt(e - 1) === 62 && isRunOf(text, s + 1, e - 1, 45, 5)) return start;
    return -1;
  }
}

class ChanSipSpec implements FrameSpec {
  /** The date of a `full` log entry whose text starts on the next line (`ast_verbose("\n<--- ...")`). */
  private pendingDate: string | null = null;

  open(text: string, start: number, end: number): Frame | null {
    let at = start;
    let date = this.pendingDate;
    let console = false;
    this.pendingDate = null;
    const prefix = text.charCodeAt(start) === 91 ? asteriskPrefix(text, start, end) : null;
    if (prefix !== null) {
      at = prefix.end;
      date = prefix.date;
      console = !prefix.logEntry;
      if (prefix.logEntry && trimEnd(text, at, end) === at) this.pendingDate = prefix.date;
    }
    const c = text.charCodeAt(at);
    if (c !== 60 && c !== 82 && c !== 84) return null;
    const d = newDraft(start, end);
    if (!parseFraming(text.slice(at, end), d)) return null;
    setTimestamp(d, date);
    return new ChanSipFrame(d, console);
  }

  foreign(text: string, start: number, end: number): boolean {
    return isAsteriskLogEntry(text, start, end);
  }
}

export const asteriskChanSipFramer: Framer = {
  id: 'asterisk-chan-sip',
  label: 'Asterisk chan_sip debug',
  score(lines) {
    return countLines(lines, (line) => {
      const p = line.charCodeAt(0) === 91 ? consolePrefixEnd(line, 0, line.length) : -1;
      if (p === -1) return looksLikeFraming(line);
      const prefix = asteriskPrefix(line, 0, line.length);
      return prefix !== null && looksLikeFraming(line.slice(prefix.end));
    });
  },
  frame(text, sink) {
    scanFrames(text, sink, new ChanSipSpec());
  },
};
