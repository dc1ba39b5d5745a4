/**
 * Thomson / Technicolor phones (TB30 and kin) trace:
 *
 *     Recv from udp: 192.0.2.5:5060 00:00:00:01:066 (937 bytes)
 *     Send to udp: 192.0.2.5:5060 00:00:00:01:102 (512 bytes)
 *
 * then the message. The time is the phone's uptime: kept as written only.
 */
import type { Framer } from './types';
import { oneLineFramer } from './oneLineFramer';
import { setDirection, normalizeAddress, transportName } from './meta';

const FRAMING = /^(Recv from|Send to) ([A-Za-z]+): (\S+) (\S+) \((\d+) bytes\)\s*$/;

function quick(text: string, start: number, end: number): boolean {
  return end - start > 20 && (text.startsWith('Recv from ', start) || text.startsWith('Send to ', start));
}

export const thomsonFramer: Framer = oneLineFramer({
  id: 'thomson',
  label: 'Thomson / Technicolor phone trace',
  quick,
  pattern: FRAMING,
  metadata(d, m, start) {
    d.transport = transportName(m[2]);
    setDirection(d, m[1] === 'Recv from' ? 'received' : 'sent', normalizeAddress(m[3]));
    d.timestamp = m[4];
    d.byteCount = Number(m[5]);
    d.countStart = start + m[0].lastIndexOf('(') + 1;
    d.countEnd = d.countStart + m[5].length;
  },
});
