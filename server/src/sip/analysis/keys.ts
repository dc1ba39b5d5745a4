/**
 * The few header facts that tie messages together (RFC 3261 sections 8.1.1,
 * 12 and 17): Call-ID, CSeq, the top Via branch, From and To tags and URIs.
 * Read lazily from offsets, once per message.
 */
import type { SipMessage } from '../model';
import { findHeader, headerValue, parseCSeq } from '../values';

export interface MessageKeys {
  readonly callId: string | null;
  readonly cseqSeq: number | null;
  readonly cseqMethod: string | null;
  /** Branch of the top Via, or null. */
  readonly branch: string | null;
  readonly fromTag: string | null;
  readonly toTag: string | null;
  /** The URI inside From / To (`sip:alice@example.com`), without parameters. */
  readonly fromUri: string | null;
  readonly toUri: string | null;
  readonly fromDisplay: string | null;
}

/** RFC 3261 section 8.1.1.7: branches of RFC 3261 transactions start with this cookie. */
export const MAGIC_COOKIE = 'z9hG4bK';

export function messageKeys(text: string, message: SipMessage): MessageKeys {
  const value = (key: string): string | null => {
    const h = findHeader(message, key);
    return h ? headerValue(text, message, h) : null;
  };
  const cseq = value('cseq');
  const parsed = cseq === null ? null : parseCSeq(cseq);
  const via = value('via');
  const from = value('from');
  const to = value('to');
  return {
    callId: value('call-id'),
    cseqSeq: parsed?.seq ?? null,
    cseqMethod: parsed?.method ? parsed.method.toUpperCase() : null,
    branch: via === null ? null : paramOf(firstViaValue(via), 'branch'),
    fromTag: from === null ? null : paramOf(afterAddress(from), 'tag'),
    toTag: to === null ? null : paramOf(afterAddress(to), 'tag'),
    fromUri: from === null ? null : addressUri(from),
    toUri: to === null ? null : addressUri(to),
    fromDisplay: from === null ? null : displayName(from),
  };
}

/** The first Via value of a possibly comma-separated list. */
function firstViaValue(via: string): string {
  const comma = via.indexOf(',');
  return comma === -1 ? via : via.slice(0, comma);
}

/**
 * The part of a name-addr / addr-spec value after the address, where the
 * header parameters are (`<sip:a@b;lr>;tag=1` -> `;tag=1`). Quoted display
 * names and `<...>` are skipped so their `;` do not count.
 */
export function afterAddress(value: string): string {
  let i = 0;
  let inQuotes = false;
  for (; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (inQuotes) {
      if (c === 92 /* \ */) i++;
      else if (c === 34) inQuotes = false;
    } else if (c === 34) inQuotes = true;
    else if (c === 60 /* < */) {
      const close = value.indexOf('>', i);
      return close === -1 ? '' : value.slice(close + 1);
    } else if (c === 59 /* ; */) {
      // addr-spec form: parameters after the URI belong to the header (RFC 3261 section 20.10).
      return value.slice(i);
    }
  }
  return '';
}

/** Value of `;name=value` in a parameter list (case-insensitive name), or null. */
export function paramOf(params: string, name: string): string | null {
  const lower = name.toLowerCase();
  let i = params.indexOf(';');
  while (i !== -1) {
    const next = params.indexOf(';', i + 1);
    const part = params.slice(i + 1, next === -1 ? params.length : next);
    const eq = part.indexOf('=');
    const key = (eq === -1 ? part : part.slice(0, eq)).trim().toLowerCase();
    if (key === lower) return eq === -1 ? '' : part.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
    i = next;
  }
  return null;
}

/** The URI of a From/To/Contact value, without header parameters. */
export function addressUri(value: string): string | null {
  const open = value.indexOf('<');
  if (open !== -1) {
    const close = value.indexOf('>', open);
    return value.slice(open + 1, close === -1 ? value.length : close).trim() || null;
  }
  const semi = value.indexOf(';');
  const uri = (semi === -1 ? value : value.slice(0, semi)).trim();
  return uri || null;
}

function displayName(value: string): string | null {
  const open = value.indexOf('<');
  if (open <= 0) return null;
  const name = value.slice(0, open).trim().replace(/^"(.*)"$/, '$1').trim();
  return name || null;
}

/** `sip:alice@example.com;transport=tcp` -> `alice@example.com`: what users call the address of record. */
export function shortAor(uri: string | null): string | null {
  if (uri === null) return null;
  const noScheme = uri.replace(/^[a-z][a-z0-9+.-]*:/i, '');
  const semi = noScheme.search(/[;?]/);
  return semi === -1 ? noScheme : noScheme.slice(0, semi);
}
