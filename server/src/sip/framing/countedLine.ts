/**
 * Framing lines that announce a message with a verb and its byte count,
 * `<verb> <N> bytes ...`: FreeSWITCH (`recv 584 bytes from udp/...`) and
 * pjsip (`TX 1675 bytes Request msg ...`). Finds the verb from " bytes ",
 * matches the line and records the announced count and where it is written.
 */
import { isDigit } from './lineScan';
import { newDraft, type MetaDraft } from './meta';
import type { Finder } from './text';

export interface CountedLine {
  readonly draft: MetaDraft;
  /** The pattern's match on the line from the verb on: group 1 the verb, group 2 the count. */
  readonly match: RegExpExecArray;
  /** Where the verb starts (what precedes it is the tool's prefix). */
  readonly verb: number;
}

/** Where the verb of `<verb> <N> bytes` starts, given the offset of " bytes "; -1 when none of `verbs` is there. */
export function countedVerbStart(text: string, start: number, bytesAt: number, verbs: readonly string[]): number {
  let i = bytesAt;
  while (i > start && isDigit(text.charCodeAt(i - 1))) i--;
  if (i === bytesAt || text.charCodeAt(i - 1) !== 32) return -1;
  for (const v of verbs) {
    const s = i - 1 - v.length;
    if (s >= start && text.startsWith(v, s)) return s;
  }
  return -1;
}

/** Whether a sampled line is a `<verb> <N> bytes` framing line matching `pattern` from the verb on (for detection). */
export function isCountedLine(line: string, verbs: readonly string[], pattern: RegExp): boolean {
  const b = line.indexOf(' bytes ');
  if (b === -1) return false;
  const verb = countedVerbStart(line, 0, b, verbs);
  return verb !== -1 && pattern.test(line.slice(verb));
}

export function openCountedLine(
  text: string, start: number, end: number, bytes: Finder, verbs: readonly string[], pattern: RegExp,
): CountedLine | null {
  const at = bytes.within(start, end);
  if (at === -1) return null;
  const verb = countedVerbStart(text, start, at, verbs);
  if (verb === -1) return null;
  const match = pattern.exec(text.slice(verb, end));
  if (!match) return null;
  const draft = newDraft(start, end);
  draft.byteCount = Number(match[2]);
  // The count follows the verb and one space.
  draft.countStart = verb + match[1].length + 1;
  draft.countEnd = draft.countStart + match[2].length;
  return { draft, match, verb };
}
