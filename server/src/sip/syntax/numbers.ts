/**
 * Scalar values: delta-seconds and friends (RFC 3261 section 25.1).
 *
 *   delta-seconds = 1*DIGIT     ; 0 - (2**32)-1 (section 20.19)
 *
 * Digits are compared as text, so a 100-digit value neither overflows nor
 * loses precision on the way to the message.
 */
import { digitsAtMost, isDigit } from './chars';
import { excerpt, problem, type SyntaxProblem } from './problem';

export const MAX_DELTA_SECONDS = 4294967295;
export const MAX_CSEQ = 2147483647;

/** Index past the digits that start at `i`. */
export function scanDigits(s: string, i: number, end: number = s.length): number {
  while (i < end && isDigit(s.charCodeAt(i))) i++;
  return i;
}

/**
 * Checks that `s[start, end)` is a decimal number of at most `max`; `what`
 * names the value in messages. The problem carries `code`.
 */
export function checkNumber(s: string, start: number, end: number, max: number, code: string, what: string): SyntaxProblem | null {
  if (end <= start) return problem(code, start, start, `${what} is empty; expected a decimal number from 0 to ${max}`);
  for (let i = start; i < end; i++) {
    if (!isDigit(s.charCodeAt(i))) {
      return problem(code, start, end, `${what} "${excerpt(s, start, end)}" is not a decimal number; expected 0 to ${max}`);
    }
  }
  if (!digitsAtMost(s, start, end, max)) {
    return problem(code, start, end, `${what} ${excerpt(s, start, end)} is larger than ${max}, its largest allowed value`);
  }
  return null;
}
