/**
 * What a framing line says about its message (timestamp, direction,
 * transport, addresses, byte count), gathered while a frame is read and
 * frozen into a `MessageMeta` when the message is handed over. Also the
 * address and timestamp normalisation every framer shares.
 */
import type { MessageMeta } from '../model';

export interface MetaDraft {
  timestamp: string | null;
  time: number | null;
  direction: 'sent' | 'received' | null;
  transport: string | null;
  source: string | null;
  destination: string | null;
  byteCount: number | null;
  frameStart: number;
  frameEnd: number;
  /** Where the byte count is written on the framing line (for the mismatch problem), -1 when not. */
  countStart: number;
  countEnd: number;
}

export function newDraft(frameStart: number, frameEnd: number): MetaDraft {
  return {
    timestamp: null, time: null, direction: null, transport: null, source: null, destination: null,
    byteCount: null, frameStart, frameEnd, countStart: -1, countEnd: -1,
  };
}

/**
 * The message's direction, and its addresses placed by it: a received message
 * comes from the remote peer, a sent one goes to it. `local` only when the
 * tool names this side too; otherwise that address stays as it is.
 */
export function setDirection(d: MetaDraft, direction: 'sent' | 'received', remote: string | null, local: string | null = null): void {
  d.direction = direction;
  if (direction === 'received') {
    d.source = remote;
    if (local !== null) d.destination = local;
  } else {
    d.destination = remote;
    if (local !== null) d.source = local;
  }
}

export function freezeMeta(d: MetaDraft): MessageMeta {
  return Object.freeze({
    timestamp: d.timestamp, time: d.time, direction: d.direction, transport: d.transport,
    source: d.source, destination: d.destination, byteCount: d.byteCount,
    frameStart: d.frameStart, frameEnd: d.frameEnd,
  });
}

/** Sets the timestamp as written and its parsed value. */
export function setTimestamp(d: MetaDraft, written: string | null | undefined): void {
  if (!written) return;
  d.timestamp = written;
  d.time = parseTimestamp(written);
}

/** Upper-case transport name (`udp` -> `UDP`), or null when empty. */
export function transportName(written: string | null | undefined): string | null {
  if (!written) return null;
  const t = written.trim().toUpperCase();
  return t.length > 0 && t.length <= 8 ? t : null;
}

/**
 * `address:port` with IPv6 bracketed. Accepts `1.2.3.4:5060`,
 * `[2001:db8::1]:5060`, an unbracketed `2001:db8::1:5060` (ngrep, OpenSIPS,
 * pjsip print it so: the last group is the port) and `host:port`.
 */
export function normalizeAddress(written: string | null | undefined): string | null {
  if (!written) return null;
  const a = written.trim();
  if (a.length === 0) return null;
  if (a.charCodeAt(0) === 91 /* [ */) return a;
  const first = a.indexOf(':');
  if (first === -1 || first === a.lastIndexOf(':')) return a;
  const last = a.lastIndexOf(':');
  const port = a.slice(last + 1);
  return /^\d{1,5}$/.test(port) ? `[${a.slice(0, last)}]:${port}` : `[${a}]`;
}

/** Joins a host and a port, bracketing an IPv6 host. */
export function hostPort(host: string, port: string | number | null | undefined): string {
  let h = host.trim();
  if (h.includes(':') && h.charCodeAt(0) !== 91) h = `[${h}]`;
  return port === null || port === undefined || port === '' ? h : `${h}:${port}`;
}

const MONTHS: Readonly<Record<string, number>> = {
  jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11,
};

const ISO = /^(\d{4})[-/](\d\d)[-/](\d\d)[ T_]+(\d\d):(\d\d):(\d\d)(?:[.,:](\d{1,9}))?\s*(Z|[+-]\d\d:?\d\d)?/;
const US_DATE = /^(\d\d)\/(\d\d)\/(\d{4})[- ](\d\d):(\d\d):(\d\d)(?:[.,](\d{1,9}))?/;
const COMPACT_DATE = /^(\d\d)(\d\d)(\d{4}) (\d\d)(\d\d)(\d\d)(?:\.(\d{1,9}))?/;
const EPOCH = /^(\d{9,11})(?:\.(\d{1,9}))?$/;
const MONTH_DAY = /^\*?(?:[A-Z][a-z]{2},? +)?([A-Z][a-z]{2}) +(\d{1,2}),? +(\d\d):(\d\d):(\d\d)(?:[.,](\d{1,9}))?(?: +(\d{4}))?/;
const TIME_OF_DAY = /^(\d{1,2}):(\d\d):(\d\d)(?:[.,](\d{1,9}))?$/;

/**
 * Milliseconds for a timestamp as tools write it: since the epoch when the
 * date is complete (a time without zone is read as UTC: the trace does not
 * say where it was written), else since midnight. Null when not understood.
 * Fractions keep their precision (`.916812` is 916.812 ms).
 */
export function parseTimestamp(written: string): number | null {
  const w = written.trim().replace(/^\[|\]$/g, '');
  let m = ISO.exec(w);
  if (m) return epoch(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6], m[7], m[8]);
  m = US_DATE.exec(w);
  if (m) return epoch(+m[3], +m[1] - 1, +m[2], +m[4], +m[5], +m[6], m[7], undefined);
  m = COMPACT_DATE.exec(w);
  if (m) return epoch(+m[3], +m[1] - 1, +m[2], +m[4], +m[5], +m[6], m[7], undefined);
  m = EPOCH.exec(w);
  if (m) return +m[1] * 1000 + fractionMs(m[2]);
  m = MONTH_DAY.exec(w);
  if (m) {
    const month = MONTHS[m[1].toLowerCase()];
    if (month === undefined) return null;
    if (m[7] !== undefined) return epoch(+m[7], month, +m[2], +m[3], +m[4], +m[5], m[6], undefined);
    return timeOfDay(+m[3], +m[4], +m[5], m[6]);
  }
  m = TIME_OF_DAY.exec(w);
  if (m) return timeOfDay(+m[1], +m[2], +m[3], m[4]);
  return null;
}

function fractionMs(digits: string | undefined): number {
  if (!digits) return 0;
  return Number(digits) / 10 ** (digits.length - 3);
}

function timeOfDay(h: number, min: number, s: number, fraction: string | undefined): number | null {
  if (h > 23 || min > 59 || s > 60) return null;
  return ((h * 60 + min) * 60 + s) * 1000 + fractionMs(fraction);
}

function epoch(y: number, mon: number, d: number, h: number, min: number, s: number, fraction: string | undefined, zone: string | undefined): number | null {
  if (mon < 0 || mon > 11 || d < 1 || d > 31 || h > 23 || min > 59 || s > 60) return null;
  let ms = Date.UTC(y, mon, d, h, min, s) + fractionMs(fraction);
  if (zone && zone !== 'Z') {
    const sign = zone.charCodeAt(0) === 45 ? -1 : 1;
    const digits = zone.replace(':', '');
    ms -= sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5))) * 60_000;
  }
  return Number.isFinite(ms) ? ms : null;
}
