/**
 * Homer text export: each message after a line
 *
 *     proto:UDP 2023-05-10T10:00:00.123456Z  192.0.2.1:5060 ---> 198.51.100.2:5060
 *
 * then the payload.
 */
import type { Framer } from './types';
import { oneLineFramer } from './oneLineFramer';
import { normalizeAddress, setTimestamp, transportName } from './meta';

const FRAMING = /^proto:([A-Za-z0-9]+) +(\S(?:.*\S)?) +(\S+) -{1,3}> (\S+)\s*$/;

function quick(text: string, start: number, end: number): boolean {
  return end - start > 12 && text.startsWith('proto:', start);
}

export const homerFramer: Framer = oneLineFramer({
  id: 'homer',
  label: 'Homer text export',
  quick,
  pattern: FRAMING,
  metadata(d, m) {
    d.transport = transportName(m[1]);
    setTimestamp(d, m[2]);
    d.source = normalizeAddress(m[3]);
    d.destination = normalizeAddress(m[4]);
  },
});
