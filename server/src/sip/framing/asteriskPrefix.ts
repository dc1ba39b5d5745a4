/**
 * Asterisk's log prefixes, shared by the chan_sip and chan_pjsip framers.
 *
 * - The console (with timestamps on) writes `[Mar 30 13:35:51] ` before every
 *   line, message lines included.
 * - The `full` log file writes `[date] VERBOSE[tid][C-xxxxxxxx] chan_sip.c: `
 *   before the first line of each log entry only; other log lines look the
 *   same with NOTICE, WARNING, DEBUG ... instead of VERBOSE.
 */

/** A log entry's prefix: `[date] LEVEL[tid][C-id] file.c: ` (or `LEVEL[tid]: file.c:123 func: `). */
const LOG_PREFIX = /^\[([^\]]{5,40})\] +[A-Z]{3,}\[\d+\](?:\[[^\]]*\])?:? +(?:[\w.-]+\.c:(?:\d+ [\w]+:)? ?)?/;

export interface AsteriskPrefix {
  /** Where the text after the prefix starts. */
  readonly end: number;
  /** The bracketed date as written (`Mar 30 13:35:51`). */
  readonly date: string;
  /** A log entry (`LEVEL[tid]` after the date), not just a console timestamp. */
  readonly logEntry: boolean;
}

/** End of a console timestamp `[...] ` at `start`, or -1 (no allocation). */
export function consolePrefixEnd(text: string, start: number, end: number): number {
  if (start >= end || text.charCodeAt(start) !== 91) return -1;
  const limit = Math.min(end, start + 42);
  let close = -1;
  let digits = 0;
  let colon = false;
  for (let i = start + 1; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 93) {
      close = i;
      break;
    }
    if (c >= 48 && c <= 57) digits++;
    else if (c === 58) colon = true;
  }
  if (close === -1 || digits < 4 || !colon) return -1;
  if (close + 1 === end) return end;
  return text.charCodeAt(close + 1) === 32 ? close + 2 : -1;
}

/** The prefix at the start of a line, when it has one. */
export function asteriskPrefix(text: string, start: number, end: number): AsteriskPrefix | null {
  const consoleEnd = consolePrefixEnd(text, start, end);
  if (consoleEnd === -1) return null;
  const date = text.slice(start + 1, text.indexOf(']', start));
  const c = consoleEnd < end ? text.charCodeAt(consoleEnd) : 0;
  if (c >= 65 && c <= 90) {
    const m = LOG_PREFIX.exec(text.slice(start, Math.min(end, start + 200)));
    if (m) return { end: start + m[0].length, date, logEntry: true };
  }
  return { end: consoleEnd, date, logEntry: false };
}

/** Whether the line is another Asterisk log entry (`[date] NOTICE[123]: ...`): not part of a message. */
export function isAsteriskLogEntry(text: string, start: number, end: number): boolean {
  if (start >= end || text.charCodeAt(start) !== 91) return false;
  const p = asteriskPrefix(text, start, end);
  return p !== null && p.logEntry;
}
