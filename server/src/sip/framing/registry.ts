/**
 * The known trace wrappings and automatic detection.
 *
 * Detection scores the first few hundred lines with every framer and picks
 * the best; raw SIP is the fallback. Add a wrapping by writing a `Framer`
 * and listing it here.
 */
import type { Framer } from './types';
import { rawFramer } from './raw';

export const FRAMERS: readonly Framer[] = [rawFramer];

/** How many lines detection looks at. */
const SAMPLE_LINES = 400;

export function framerById(id: string): Framer | undefined {
  return FRAMERS.find((f) => f.id === id);
}

export function detectFramer(text: string): Framer {
  const sample = firstLines(text, SAMPLE_LINES);
  let best: Framer = rawFramer;
  let bestScore = 0;
  for (const framer of FRAMERS) {
    const score = framer.score(sample);
    if (score > bestScore) {
      best = framer;
      bestScore = score;
    }
  }
  return best;
}

function firstLines(text: string, count: number): string[] {
  const out: string[] = [];
  let pos = 0;
  // Cap each sampled line so a 1 MB line cannot make detection slow.
  while (out.length < count && pos < text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl === -1) nl = text.length;
    let end = nl;
    if (end > pos && text.charCodeAt(end - 1) === 13) end--;
    out.push(text.slice(pos, Math.min(end, pos + 2000)));
    pos = nl + 1;
  }
  return out;
}
