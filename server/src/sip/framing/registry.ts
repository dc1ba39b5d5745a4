/**
 * The known trace wrappings and automatic detection.
 *
 * Each wrapped format scores a sample of lines by how many of its framing
 * lines it recognises; ordinary log lines score for nobody, so they cannot
 * sway the choice. Raw SIP is the fallback, and also wins when the sample has
 * many more bare start lines than framing lines (a raw trace that happens to
 * contain one line looking like a framing line). Detection samples the first
 * few hundred lines, then further batches while nothing at all is found (a
 * long log where SIP tracing was switched on late).
 *
 * Add a wrapping by writing a `Framer` and listing it here.
 */
import type { TraceFormatInfo } from '../model';
import type { Framer } from './types';
import { isStartLine } from './lineScan';
import { rawFramer } from './raw';
import { sngrepFramer } from './sngrep';
import { ngrepFramer } from './ngrep';
import { asteriskChanSipFramer } from './asteriskChanSip';
import { asteriskPjsipFramer } from './asteriskPjsip';
import { freeswitchFramer } from './freeswitch';
import { kamailioSipdumpFramer } from './kamailioSipdump';
import { opensipsTraceFramer } from './opensipsTrace';
import { sippFramer } from './sipp';
import { pjsipFramer } from './pjsip';
import { ciscoCcsipFramer } from './ciscoCcsip';
import { acmeSipmsgFramer } from './acmeSipmsg';
import { lyncSipstackFramer } from './lyncSipstack';
import { baresipFramer } from './baresip';
import { linphoneFramer } from './linphone';
import { homerFramer } from './homer';
import { syslogEscapedFramer } from './syslogEscaped';
import { avayaFramer } from './avaya';
import { ribbonFramer } from './ribbon';
import { thomsonFramer } from './thomson';
import { tsharkFollowFramer } from './tsharkFollow';
import { tsharkDecodedFramer } from './tsharkDecoded';

/** Every framer, raw first; on equal scores the earlier one wins. */
export const FRAMERS: readonly Framer[] = [
  rawFramer,
  sngrepFramer,
  ngrepFramer,
  asteriskChanSipFramer,
  asteriskPjsipFramer,
  freeswitchFramer,
  kamailioSipdumpFramer,
  opensipsTraceFramer,
  sippFramer,
  pjsipFramer,
  ciscoCcsipFramer,
  acmeSipmsgFramer,
  lyncSipstackFramer,
  baresipFramer,
  linphoneFramer,
  homerFramer,
  syslogEscapedFramer,
  avayaFramer,
  ribbonFramer,
  thomsonFramer,
  tsharkFollowFramer,
  tsharkDecodedFramer,
];

/** How many lines one detection batch looks at. */
const SAMPLE_LINES = 400;
/** Detection gives up (raw) after this many lines without any evidence. */
const MAX_SAMPLED_LINES = 20_000;
/** A sampled line is cut here, so that a 1 MB line cannot make detection slow. */
const MAX_LINE = 2000;
/** A wrapped format wins unless bare start lines outnumber its framing lines this many times. */
const RAW_RATIO = 3;

/** The ids and labels of every trace format, for settings, the CLI's help and the docs. */
export function listTraceFormats(): readonly TraceFormatInfo[] {
  return FRAMERS.map((f) => ({ id: f.id, label: f.label }));
}

export function framerById(id: string): Framer | undefined {
  return FRAMERS.find((f) => f.id === id);
}

/** The framer for a text: the detected wrapping, else raw. */
export function detectFramer(text: string): Framer {
  return detect(text) ?? rawFramer;
}

/**
 * The trace format a text looks like, or null when it shows neither a known
 * wrapping nor a SIP start line: for deciding whether a `.log` or `.txt` file
 * is worth opening as a SIP trace.
 */
export function sniffTraceFormat(text: string): TraceFormatInfo | null {
  const framer = detect(text);
  return framer === null ? null : { id: framer.id, label: framer.label };
}

function detect(text: string): Framer | null {
  let pos = 0;
  let sampled = 0;
  for (;;) {
    const sample: string[] = [];
    pos = readLines(text, pos, SAMPLE_LINES, sample);
    sampled += sample.length;
    const choice = choose(sample);
    if (choice !== null) return choice;
    if (pos >= text.length || sampled >= MAX_SAMPLED_LINES) return null;
  }
}

/** The best framer for a sample, or null when the sample holds no evidence at all. */
function choose(sample: readonly string[]): Framer | null {
  let best: Framer | null = null;
  let bestScore = 0;
  for (const framer of FRAMERS) {
    if (framer === rawFramer) continue;
    const score = framer.score(sample);
    if (score > bestScore) {
      best = framer;
      bestScore = score;
    }
  }
  let starts = 0;
  for (const line of sample) if (isStartLine(line, 0, line.length)) starts++;
  if (best !== null && bestScore * RAW_RATIO >= starts) return best;
  return starts > 0 ? rawFramer : null;
}

/** Appends up to `count` lines from `pos` (without line breaks, capped) to `out`; returns where reading stopped. */
function readLines(text: string, pos: number, count: number, out: string[]): number {
  while (out.length < count && pos < text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl === -1) nl = text.length;
    let end = nl;
    if (end > pos && text.charCodeAt(end - 1) === 13) end--;
    out.push(text.slice(pos, Math.min(end, pos + MAX_LINE)));
    pos = nl + 1;
  }
  return pos;
}
