/**
 * `tshark -V` (or Wireshark's "Export Packet Dissections" as text): a decoded
 * tree, not the message as sent:
 *
 *     Session Initiation Protocol (INVITE)
 *         Request-Line: INVITE sip:bob@example.com SIP/2.0
 *             Method: INVITE
 *         Message Header
 *             Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK776
 *                 Transport: UDP
 *
 * Lines are re-indented, fields are interleaved with their dissection and
 * the body is decoded too: validating it would report nonsense. The file is
 * recognised and one note says how to get the raw text instead.
 */
import type { Framer } from './types';

const SIP_TREE = /^\s*Session Initiation Protocol(?: \(|$)/;
const TREE_LINE = /^ {4,}(?:Request-Line|Status-Line|Message Header|Message Body): ?/;
const FRAME_LINE = /^Frame \d+: \d+ bytes on wire/;

export const tsharkDecodedFramer: Framer = {
  id: 'tshark-decoded',
  label: 'Wireshark / tshark decoded tree (tshark -V)',
  score(lines) {
    let sip = 0;
    let tree = 0;
    for (const line of lines) {
      if (SIP_TREE.test(line)) sip++;
      else if (TREE_LINE.test(line) || FRAME_LINE.test(line)) tree++;
    }
    // Both a SIP dissection and the tree around it: count them strongly.
    return sip > 0 && tree > 0 ? 3 * (sip + tree) : 0;
  },
  frame(text, sink) {
    const nl = text.indexOf('\n');
    let end = nl === -1 ? text.length : nl;
    if (end > 0 && text.charCodeAt(end - 1) === 13) end--;
    sink.problem({
      start: 0,
      end,
      code: 'trace-decoded-not-raw',
      message:
        'This is a decoded packet tree (tshark -V, or Wireshark "Export Packet Dissections" as text), not SIP text: ' +
        'the original bytes are lost, so its messages are neither read nor checked. Export the raw messages instead: ' +
        'sngrep "Save as .txt", `ngrep -I capture.pcap -W byline -q port 5060`, or Wireshark "Follow > UDP Stream" shown as ASCII',
    });
  },
};
