/**
 * What a value scanner found wrong: a rule id from `rules/catalog.ts` and a
 * range in the scanned string (indices, mapped to document offsets by the
 * rule through a `ValueText`).
 */
export interface SyntaxProblem {
  readonly code: string;
  readonly start: number;
  readonly end: number;
  readonly message: string;
}

export function problem(code: string, start: number, end: number, message: string): SyntaxProblem {
  return { code, start, end: Math.max(end, start), message };
}

/** A short excerpt of a value for messages: at most `max` characters, with an ellipsis. */
export function excerpt(s: string, start: number, end: number, max = 40): string {
  const text = s.slice(start, Math.min(end, start + max));
  return end - start > max ? text + '...' : text;
}
