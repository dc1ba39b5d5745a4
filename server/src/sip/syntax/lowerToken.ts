/**
 * Lower-case copies of short tokens (parameter names, transports), shared
 * for the words traces repeat on every line: `branch`, `tag`, `UDP`. Reading
 * `;branch=` then allocates nothing instead of a slice and its lower-case
 * copy, which was a large part of the rules' garbage.
 */
const COMMON = [
  // Via, address and URI parameters (RFC 3261 section 25.1, RFC 3581, RFC 5626, RFC 3840 ...).
  'branch', 'received', 'rport', 'maddr', 'ttl', 'tag', 'expires', 'q', 'lr', 'transport', 'user', 'method',
  'ob', 'reg-id', '+sip.instance', 'alias', 'keep', 'comp', 'sigcomp-id', 'gr', 'epid', 'nat', 'line',
  'handler', 'purpose', 'reason', 'duration', 'retry-after', 'cause', 'text', 'refresher', 'id', 'charset',
  'boundary', 'version', 'realm', 'nonce', 'username', 'uri', 'response', 'algorithm', 'qop', 'nc', 'cnonce',
  'opaque', 'stale', 'domain', 'privacy', 'screen', 'party', 'counter', 'index', 'rc', 'mp', 'np', 'cp',
  'icid-value', 'orig-ioi', 'term-ioi', 'ftag', 'did', 'npdi', 'rn', 'phone-context', 'isub', 'postd',
  // Transports and protocol names (Via sent-protocol).
  'sip', 'udp', 'tcp', 'tls', 'sctp', 'ws', 'wss', 'tls-sctp',
  // URI schemes.
  'sips', 'tel', 'urn', 'mailto', 'http', 'https',
];

/** By length, then first letter (lower case): at most a few candidates to compare. */
const BY_SHAPE = new Map<number, string[]>();
for (const word of COMMON) {
  const key = word.length * 128 + word.charCodeAt(0);
  const list = BY_SHAPE.get(key);
  if (list === undefined) BY_SHAPE.set(key, [word]);
  else list.push(word);
}

/** `s.slice(start, end).toLowerCase()`, without allocating for the common words. */
export function lowerToken(s: string, start: number, end: number): string {
  const first = s.charCodeAt(start);
  const candidates = BY_SHAPE.get((end - start) * 128 + (first >= 65 && first <= 90 ? first | 32 : first));
  if (candidates !== undefined) {
    for (const word of candidates) if (sameIgnoringCase(word, s, start)) return word;
  }
  return s.slice(start, end).toLowerCase();
}

/** `word` (lower case) equals `s` at `start`, ASCII letters compared without case. */
function sameIgnoringCase(word: string, s: string, start: number): boolean {
  for (let k = 0; k < word.length; k++) {
    const c = s.charCodeAt(start + k);
    const w = word.charCodeAt(k);
    if (c !== w && !(c >= 65 && c <= 90 && (c | 32) === w)) return false;
  }
  return true;
}
