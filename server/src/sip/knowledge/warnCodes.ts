/**
 * Warning header warn-codes (`Warning: 305 example.com "Incompatible media format"`):
 * the codes of RFC 3261 section 20.43 and the two added by RFC 5630.
 * Most are about the session description, so they usually explain a 488 or 606.
 */
import { ref, type RfcRef } from './rfcRef';

export interface WarnCodeInfo {
  readonly code: number;
  readonly text: string;
  readonly meaning: string;
  readonly ref: RfcRef;
}

function w(code: number, text: string, meaning: string, cite: RfcRef = ref(3261, '20.43')): WarnCodeInfo {
  return { code, text, meaning, ref: cite };
}

const ENTRIES: readonly WarnCodeInfo[] = [
  w(300, 'Incompatible network protocol', 'One or more network protocols in the session description (the `IN` of c= lines) are not available.'),
  w(301, 'Incompatible network address formats', 'One or more address types in the session description (IP4, IP6) are not available.'),
  w(302, 'Incompatible transport protocol', 'One or more transport protocols in the m= lines (RTP/AVP, RTP/SAVP, udptl...) are not available.'),
  w(303, 'Incompatible bandwidth units', 'One or more bandwidth modifiers (b= lines) were not understood.'),
  w(304, 'Media type not available', 'One or more media types (audio, video, image...) are not available.'),
  w(305, 'Incompatible media format', 'None of the formats (codecs) offered in an m= line is available.'),
  w(306, 'Attribute not understood', 'One or more media attributes (a= lines) are not supported.'),
  w(307, 'Session description parameter not understood', 'A parameter other than those above was not understood.'),
  w(330, 'Multicast not available', 'The user\'s site does not support multicast.'),
  w(331, 'Unicast not available', 'The user\'s site does not support unicast (rare; usually a firewall).'),
  w(370, 'Insufficient bandwidth', 'The bandwidth in the session description, or the bandwidth the media needs, exceeds what is known to be available.'),
  w(380, 'SIPS Not Allowed', 'The proxy or UAS cannot process the request because the sips scheme is not allowed here.', ref(5630)),
  w(381, 'SIPS Required', 'The proxy or UAS cannot process the request because it requires the sips scheme.', ref(5630)),
  w(399, 'Miscellaneous warning', 'Arbitrary information for the user; the text explains. Systems must not act on it automatically.'),
];

export const WARN_CODES: ReadonlyMap<number, WarnCodeInfo> = new Map(ENTRIES.map((e) => [e.code, e] as const));

export function lookupWarnCode(code: number): WarnCodeInfo | undefined {
  return WARN_CODES.get(code);
}

/** Ranges RFC 3261 section 20.43 reserves, for codes without their own entry. */
export function warnCodeRange(code: number): string | undefined {
  if (code >= 300 && code <= 329) return 'Warnings about the session description (RFC 3261 section 20.43)';
  if (code >= 330 && code <= 339) return 'Warnings about missing network services requested in the session description';
  if (code >= 370 && code <= 379) return 'Warnings about quality of service requested in the session description';
  if (code >= 390 && code <= 399) return 'Miscellaneous warnings';
  return undefined;
}
