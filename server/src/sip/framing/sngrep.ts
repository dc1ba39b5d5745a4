/**
 * sngrep "Save as .txt": each message after a line
 *
 *     2016/01/18 10:34:17.283218 192.0.2.1:5060 -> 198.51.100.2:5060
 *
 * then the payload and an empty line. No transport and no direction word;
 * IPv6 as `[2001:db8::1]:5060`.
 */
import type { Framer } from './types';
import { oneLineFramer } from './oneLineFramer';
import { isDigit } from './lineScan';
import { normalizeAddress, setTimestamp } from './meta';

const FRAMING = /^(\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d(?:\.\d+)?) (\S+) -> (\S+)\s*$/;

function quick(text: string, start: number, end: number): boolean {
  return end - start > 20 && isDigit(text.charCodeAt(start)) && text.charCodeAt(start + 4) === 47 && text.charCodeAt(start + 7) === 47;
}

export const sngrepFramer: Framer = oneLineFramer({
  id: 'sngrep',
  label: 'sngrep text export',
  quick,
  pattern: FRAMING,
  metadata(d, m) {
    setTimestamp(d, m[1]);
    d.source = normalizeAddress(m[2]);
    d.destination = normalizeAddress(m[3]);
  },
});
