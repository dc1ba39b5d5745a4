/**
 * SIP-date (RFC 3261 sections 20.17 and 25.1), the RFC 1123 form only:
 *
 *   rfc1123-date = wkday "," SP date1 SP time SP "GMT"
 *   date1        = 2DIGIT SP month SP 4DIGIT        ; day month year
 *   time         = 2DIGIT ":" 2DIGIT ":" 2DIGIT     ; 00:00:00 - 23:59:59
 *
 * Returns the first part that breaks the grammar, with its range.
 */
import { isAlpha, isDigit, isWsp } from './chars';
import { excerpt, problem, type SyntaxProblem } from './problem';

const WKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const EXAMPLE = 'e.g. "Sat, 13 Nov 2010 23:29:00 GMT"';

export function checkSipDate(s: string): SyntaxProblem | null {
  const n = s.length;
  let i = 0;
  const word = (): [number, number] => {
    const a = i;
    while (i < n && !isWsp(s.charCodeAt(i)) && s.charCodeAt(i) !== 44) i++;
    return [a, i];
  };
  const space = (what: string): SyntaxProblem | null => {
    if (i >= n || !isWsp(s.charCodeAt(i))) {
      return problem('date-invalid', Math.min(i, n), Math.min(i + 1, n), `Date is cut short or lacks a space before the ${what}; expected wkday, DD Mon YYYY HH:MM:SS GMT (${EXAMPLE})`);
    }
    while (i < n && isWsp(s.charCodeAt(i))) i++;
    return null;
  };
  const [wa, wb] = word();
  if (!(wb - wa === 3 && isAlpha(s.charCodeAt(wa)) && WKDAYS.includes(s.slice(wa, wb).toLowerCase()))) {
    return problem('date-invalid', wa, Math.max(wb, wa + 1), `Date must start with a three-letter weekday and a comma (${EXAMPLE}), not "${excerpt(s, wa, wb)}"`);
  }
  if (i >= n || s.charCodeAt(i) !== 44) return problem('date-invalid', wa, wb, `Date: the weekday must be followed by "," (${EXAMPLE})`);
  i++;
  let p = space('day');
  if (p) return p;
  const [da, db] = word();
  if (!(db - da === 2 && isDigit(s.charCodeAt(da)) && isDigit(s.charCodeAt(da + 1)))) {
    return problem('date-invalid', da, Math.max(db, da + 1), `Date: the day must be two digits (${EXAMPLE}), not "${excerpt(s, da, db)}"`);
  }
  p = space('month');
  if (p) return p;
  const [ma, mb] = word();
  if (!(mb - ma === 3 && MONTHS.includes(s.slice(ma, mb).toLowerCase()))) {
    return problem('date-invalid', ma, Math.max(mb, ma + 1), `Date: "${excerpt(s, ma, mb)}" is not a month abbreviation (Jan ... Dec)`);
  }
  p = space('year');
  if (p) return p;
  const [ya, yb] = word();
  if (!(yb - ya === 4 && /^\d{4}$/.test(s.slice(ya, yb)))) {
    return problem('date-invalid', ya, Math.max(yb, ya + 1), `Date: the year must be four digits, not "${excerpt(s, ya, yb)}"`);
  }
  p = space('time');
  if (p) return p;
  const [ta, tb] = word();
  const t = /^(\d\d):(\d\d):(\d\d)$/.exec(s.slice(ta, Math.min(tb, ta + 8 + 1)));
  if (!t || tb - ta !== 8 || Number(t[1]) > 23 || Number(t[2]) > 59 || Number(t[3]) > 60) {
    return problem('date-invalid', ta, Math.max(tb, ta + 1), `Date: the time must be HH:MM:SS in 24-hour form, not "${excerpt(s, ta, tb)}"`);
  }
  p = space('time zone');
  if (p) return p;
  const [za, zb] = word();
  if (s.slice(za, zb).toUpperCase() !== 'GMT') {
    return problem('date-invalid', za, Math.max(zb, za + 1), `Date time zone is "${excerpt(s, za, zb)}"; SIP dates are always in GMT (RFC 3261 section 20.17), so write the time in GMT and end with "GMT"`);
  }
  while (i < n && isWsp(s.charCodeAt(i))) i++;
  if (i < n) return problem('date-invalid', i, n, `Unexpected "${excerpt(s, i, n)}" after the Date's "GMT"`);
  return null;
}
