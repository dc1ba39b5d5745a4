/**
 * Citations of RFCs, and the links hovers show for them.
 *
 * Links are plain text in the Markdown: nothing is fetched, ever.
 */

/** A citation: an RFC and, where it helps, one section (`21.4.18`, `8.1.3.2`, `A.1`). */
export interface RfcRef {
  readonly rfc: number;
  readonly section?: string;
}

/** Sections are dotted numbers (`21.4.18`) or appendices (`A`, `B.2`). */
const SECTION_PATTERN = /^(?:[1-9]\d{0,2}|[A-Z])(?:\.[1-9]\d{0,2}){0,5}$/;

/** Lowest and highest RFC numbers a citation may name: anything outside is a typo. */
export const MIN_RFC = 1;
export const MAX_RFC = 9999;

/** Shorthand used by the tables: `ref(3261, '21.4.18')`. */
export function ref(rfc: number, section?: string): RfcRef {
  return section === undefined ? { rfc } : { rfc, section };
}

/** True when the citation is well-formed: an integer RFC number in range and a section like `21.4.18`. */
export function isValidRfcRef(value: RfcRef): boolean {
  if (!Number.isInteger(value.rfc) || value.rfc < MIN_RFC || value.rfc > MAX_RFC) return false;
  return value.section === undefined || SECTION_PATTERN.test(value.section);
}

/** Link to the RFC Editor's HTML rendering: `https://www.rfc-editor.org/rfc/rfc3261#section-21.4.18`. */
export function rfcUrl(value: RfcRef): string {
  const base = `https://www.rfc-editor.org/rfc/rfc${value.rfc}`;
  if (value.section === undefined) return base;
  const anchor = /^[A-Z]/.test(value.section) ? 'appendix' : 'section';
  return `${base}#${anchor}-${value.section}`;
}

/** Human form: `RFC 3261 §21.4.18`, or `RFC 3261`. */
export function formatRef(value: RfcRef): string {
  return value.section === undefined ? `RFC ${value.rfc}` : `RFC ${value.rfc} §${value.section}`;
}

/** Markdown link: `[RFC 3261 §21.4.18](https://www.rfc-editor.org/rfc/rfc3261#section-21.4.18)`. */
export function rfcLink(value: RfcRef): string {
  return `[${formatRef(value)}](${rfcUrl(value)})`;
}

/** Several citations as Markdown links separated by commas. */
export function rfcLinks(values: readonly RfcRef[]): string {
  return values.map(rfcLink).join(', ');
}
