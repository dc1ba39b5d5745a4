/**
 * ngrep / sipgrep: each packet after a line
 *
 *     U 2013/07/19 22:17:34.920749 192.0.2.1:5060 -> 198.51.100.2:5060
 *     T 192.0.2.1:5061 -> 198.51.100.2:5060 [AP]
 *
 * (`U` UDP, `T` TCP; the timestamp only with `-t`, a delta `+0.000123` with
 * `-T`). With `-W byline` each CR shows as a trailing `.`: repaired. `#`
 * lines (packets that did not match) end a packet; IPv6 addresses come
 * unbracketed (`2001:db8::1:5060`).
 */
import type { Framer } from './types';
import { Repair } from './frameScanner';
import { oneLineFramer } from './oneLineFramer';
import { normalizeAddress, setTimestamp } from './meta';
import { isRunOf } from './text';

const FRAMING = /^([UTI])(?:\(\d+\))? (?:(\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d(?:\.\d+)?|\+\d+(?:\.\d+)?) )?(\S+) -> (\S+)(?: \S.*)?$/;

const TRANSPORTS: Readonly<Record<string, string>> = { U: 'UDP', T: 'TCP', I: 'ICMP' };

function quick(text: string, start: number, end: number): boolean {
  if (end - start < 10) return false;
  const c = text.charCodeAt(start);
  const n = text.charCodeAt(start + 1);
  return (c === 85 || c === 84 || c === 73) && (n === 32 || n === 40);
}

export const ngrepFramer: Framer = oneLineFramer({
  id: 'ngrep',
  label: 'ngrep / sipgrep',
  quick,
  pattern: FRAMING,
  metadata(d, m) {
    d.transport = TRANSPORTS[m[1]];
    if (m[2] !== undefined) {
      if (m[2].charCodeAt(0) === 43) d.timestamp = m[2]; // a delta: kept as written, no clock time
      else setTimestamp(d, m[2]);
    }
    d.source = normalizeAddress(m[3]);
    d.destination = normalizeAddress(m[4]);
  },
  configure(frame) {
    frame.repair = Repair.TrailingDot;
  },
  foreign(text, start, end) {
    // `####`: packets that did not match the expression.
    return end > start && text.charCodeAt(start) === 35 && isRunOf(text, start, end, 35, 1);
  },
});
