/**
 * `tshark -q -z follow,udp,ascii,...` (or tcp): the payloads of one stream,
 *
 *     ===================================================================
 *     Follow: udp,ascii
 *     Filter: udp.stream eq 0
 *     Node 0: 192.0.2.10:5060
 *     Node 1: 198.51.100.20:5060
 *     812
 *     INVITE sip:...            (812 characters of payload, then a line break)
 *     	503
 *     SIP/2.0 100 Trying ...
 *     ===================================================================
 *
 * Each payload follows its length; a tab before the length marks data from
 * node 1 to node 0. The length tells exactly where a payload ends.
 */
import { Eol } from '../model';
import type { Framer, FrameSink } from './types';
import { emitFrame, FrameLines } from './frameEmit';
import { isDigit } from './lineScan';
import { newDraft, normalizeAddress, transportName } from './meta';
import { isRunOf, startsWithAt, trimEnd } from './text';

const FOLLOW = /^Follow: ([a-z]+),ascii\s*$/;

export const tsharkFollowFramer: Framer = {
  id: 'tshark-follow',
  label: 'tshark follow stream (ASCII)',
  // Node addresses and the stream's start come from its header, far before most payloads.
  resumable: false,
  score(lines) {
    let n = 0;
    for (const line of lines) if (FOLLOW.test(line)) n += 3;
    return n;
  },
  frame(text, sink) {
    frameFollow(text, sink);
  },
};

function frameFollow(text: string, sink: FrameSink): void {
  const lines = new FrameLines();
  const length = text.length;
  let transport: string | null = null;
  const nodes: (string | null)[] = [null, null];
  let inStream = false;
  let pos = 0;
  while (pos < length) {
    const nl = text.indexOf('\n', pos);
    const next = nl === -1 ? length : nl + 1;
    const end = trimEnd(text, pos, nl === -1 ? length : nl);
    const e = end > pos && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    if (isRunOf(text, pos, e, 61, 20)) {
      inStream = !inStream;
      pos = next;
      continue;
    }
    const follow = startsWithAt(text, pos, e, 'Follow: ') ? FOLLOW.exec(text.slice(pos, e)) : null;
    if (follow) {
      transport = transportName(follow[1]);
      inStream = true;
    } else if (startsWithAt(text, pos, e, 'Node 0: ')) {
      nodes[0] = normalizeAddress(text.slice(pos + 8, e));
    } else if (startsWithAt(text, pos, e, 'Node 1: ')) {
      nodes[1] = normalizeAddress(text.slice(pos + 8, e));
    } else if (inStream) {
      const fromNode1 = text.charCodeAt(pos) === 9;
      const digits = fromNode1 ? pos + 1 : pos;
      let k = digits;
      while (k < e && isDigit(text.charCodeAt(k))) k++;
      if (k > digits && k === e && k - digits <= 9) {
        const count = Number(text.slice(digits, k));
        const dataStart = next;
        const dataEnd = Math.min(length, dataStart + count);
        const d = newDraft(pos, e);
        d.transport = transport;
        d.source = nodes[fromNode1 ? 1 : 0];
        d.destination = nodes[fromNode1 ? 0 : 1];
        d.byteCount = count;
        d.countStart = digits;
        d.countEnd = k;
        collectLines(text, dataStart, dataEnd, lines);
        emitFrame(text, lines, d, 'split', dataEnd >= length ? 'eof' : 'frame', sink);
        lines.reset();
        // The payload is followed by a line break of its own.
        pos = dataEnd < length && text.charCodeAt(dataEnd) === 10 ? dataEnd + 1 : dataEnd;
        continue;
      }
    }
    pos = next;
  }
}

/**
 * The payload's lines. Bytes that are not printable were printed as `.`;
 * when the CRs went that way too, every line ends with a `.`: repaired.
 */
function collectLines(text: string, start: number, end: number, lines: FrameLines): void {
  let dots: boolean | null = null;
  let pos = start;
  while (pos < end) {
    const found = text.indexOf('\n', pos);
    const nl = found === -1 || found >= end ? -1 : found;
    let lineEnd = nl === -1 ? end : nl;
    let eol = nl === -1 ? Eol.None : Eol.Lf;
    if (nl !== -1 && lineEnd > pos && text.charCodeAt(lineEnd - 1) === 13) {
      lineEnd--;
      eol = Eol.CrLf;
    }
    if (dots === null) dots = eol === Eol.Lf && lineEnd > pos && text.charCodeAt(lineEnd - 1) === 46;
    if (dots && eol === Eol.Lf && lineEnd > pos && text.charCodeAt(lineEnd - 1) === 46) {
      lineEnd--;
      eol = Eol.CrLf;
    }
    lines.push(pos, lineEnd, eol, nl === -1 ? end : nl + 1);
    if (nl === -1) return;
    pos = nl + 1;
  }
}
