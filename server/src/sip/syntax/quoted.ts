/**
 * quoted-string = SWS DQUOTE *(qdtext / quoted-pair) DQUOTE
 * quoted-pair   = "\" (%x00-09 / %x0B-0C / %x0E-7F)        (RFC 3261 section 25.1)
 */

/**
 * Index just past the closing quote of the quoted string that opens at `i`
 * (`s[i]` is `"`), or -1 when it is never closed. Linear: one pass.
 */
export function scanQuoted(s: string, i: number, end: number = s.length): number {
  let j = i + 1;
  while (j < end) {
    const c = s.charCodeAt(j);
    if (c === 92 /* \ */) {
      if (j + 1 >= end) return -1;
      j += 2;
      continue;
    }
    if (c === 34) return j + 1;
    j++;
  }
  return -1;
}
