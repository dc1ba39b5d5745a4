/**
 * A copy of a string that shares nothing with the string it came from. V8
 * slices point into their parent, so a kept slice (a memo key, a re-parsed
 * window) would keep a whole document text alive; short strings are copied
 * by V8 anyway.
 */
export function detached(s: string): string {
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
}
