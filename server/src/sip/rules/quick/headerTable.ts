/**
 * What the quick check needs to know of a header, by the parser's interned
 * name id (`H_NAME_ID`): which check its value gets, and the facts the
 * message-level rules ask about (required value, single-valued, presence).
 * Derived once per id from the same tables the rules use, so the knowledge
 * stays in one place.
 */
import { internedHeaderName } from '../../knowledge/headerNames';
import { MANDATORY_KEYS, REQUIREMENTS } from '../messageRules';
import { SINGLE_VALUED, VALUE_REQUIRED } from '../headerSyntaxRules';
import { ADDRESS_HEADERS } from '../parsed';

/** The value check a header gets. */
export const enum Kind {
  /** No rule reads its value. */
  Other = 0,
  Via,
  /** An address header (`ADDRESS_HEADERS`); `addressFlags` says how it is read. */
  Address,
  CallId,
  CSeq,
  MaxForwards,
  Expires,
  MinExpires,
  RetryAfter,
  SessionExpires,
  MinSe,
  Date,
  Warning,
  RSeq,
  RAck,
  ContentType,
  ContentLength,
  Require,
}

const KIND_BY_KEY: ReadonlyMap<string, Kind> = new Map([
  ['via', Kind.Via], ['call-id', Kind.CallId], ['cseq', Kind.CSeq], ['max-forwards', Kind.MaxForwards],
  ['expires', Kind.Expires], ['min-expires', Kind.MinExpires], ['retry-after', Kind.RetryAfter],
  ['session-expires', Kind.SessionExpires], ['min-se', Kind.MinSe], ['date', Kind.Date], ['warning', Kind.Warning],
  ['rseq', Kind.RSeq], ['rack', Kind.RAck], ['content-type', Kind.ContentType], ['content-length', Kind.ContentLength],
  ['require', Kind.Require],
]);

/** Address reading options as bits (see `AddressOptions`). */
export const ADDRESS_LIST = 1;
export const ADDRESS_STAR = 2;
export const ADDRESS_NAME_ADDR_ONLY = 4;
/** From / To: the message-level rules look for their tag. */
export const ADDRESS_FROM = 8;
export const ADDRESS_TO = 16;
export const ADDRESS_CONTACT = 32;

/**
 * Headers whose presence the message-level rules ask about, one bit each:
 * the mandatory five, Max-Forwards, and what `REQUIREMENTS` name.
 */
const PRESENCE_KEYS: readonly string[] = [
  ...new Set([...MANDATORY_KEYS, 'max-forwards', 'contact', 'content-type', 'require', ...REQUIREMENTS.map((r) => r.header.toLowerCase())]),
];
if (PRESENCE_KEYS.length > 31) throw new Error('quick/headerTable: more presence keys than bits');

/** The presence bit of a header key (0 for keys no rule asks about). */
export function presenceBit(key: string): number {
  const at = PRESENCE_KEYS.indexOf(key);
  return at === -1 ? 0 : 1 << at;
}

export const MANDATORY_BITS = MANDATORY_KEYS.reduce((bits, key) => bits | presenceBit(key), 0);

const SINGLE_KEYS: readonly string[] = [...SINGLE_VALUED];
if (SINGLE_KEYS.length > 31) throw new Error('quick/headerTable: more single-valued headers than bits');

/** Facts per interned id; `known[id]` is 0 until the id is first looked at. */
const CAPACITY = 4096;
const known = new Uint8Array(CAPACITY);
const kinds = new Uint8Array(CAPACITY);
const addressFlags = new Uint8Array(CAPACITY);
const valueRequired = new Uint8Array(CAPACITY);
const presence = new Int32Array(CAPACITY);
const single = new Int32Array(CAPACITY);

function learn(id: number): void {
  const key = internedHeaderName(id).key;
  const address = ADDRESS_HEADERS.get(key);
  kinds[id] = address !== undefined ? Kind.Address : KIND_BY_KEY.get(key) ?? Kind.Other;
  addressFlags[id] = address === undefined ? 0 :
    (address.list ? ADDRESS_LIST : 0) | (address.allowStar ? ADDRESS_STAR : 0) | (address.nameAddrOnly ? ADDRESS_NAME_ADDR_ONLY : 0) |
    (key === 'from' ? ADDRESS_FROM : 0) | (key === 'to' ? ADDRESS_TO : 0) | (key === 'contact' ? ADDRESS_CONTACT : 0);
  valueRequired[id] = VALUE_REQUIRED.has(key) ? 1 : 0;
  presence[id] = presenceBit(key);
  const s = SINGLE_KEYS.indexOf(key);
  single[id] = s === -1 ? 0 : 1 << s;
  known[id] = 1;
}

/** Whether the quick check can read headers with this id (-1: the name table was full). */
export function isTabled(id: number): boolean {
  if (id < 0 || id >= CAPACITY) return false;
  if (known[id] === 0) learn(id);
  return true;
}

/* The accessors below expect an id `isTabled` accepted. */

export function kindOf(id: number): Kind {
  return kinds[id] as Kind;
}

export function addressFlagsOf(id: number): number {
  return addressFlags[id];
}

export function requiresValue(id: number): boolean {
  return valueRequired[id] === 1;
}

export function presenceOf(id: number): number {
  return presence[id];
}

/** The header's bit among the single-valued headers, or 0. */
export function singleBitOf(id: number): number {
  return single[id];
}
