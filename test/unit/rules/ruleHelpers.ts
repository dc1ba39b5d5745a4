/** Builders for rule tests: well-formed messages to start from, and how to look at what the engine reports. */
import { parseTrace } from '../../../server/src/sip/parse';
import { validate, type SipDiagnostic } from '../../../server/src/sip/rules/engine';
import { crlf } from '../helpers';

/** A well-formed INVITE (RFC 3261 section 24.2, F1), without a body. */
export const INVITE = [
  'INVITE sip:bob@biloxi.example.com SIP/2.0',
  'Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds',
  'Max-Forwards: 70',
  'To: Bob <sip:bob@biloxi.example.com>',
  'From: Alice <sip:alice@atlanta.example.com>;tag=1928301774',
  'Call-ID: a84b4c76e66710@pc33.atlanta.example.com',
  'CSeq: 314159 INVITE',
  'Contact: <sip:alice@pc33.atlanta.example.com>',
];

/** `lines` with the line that starts with `prefix` replaced by `line` (or dropped when `line` is null). */
export function replaceLine(lines: readonly string[], prefix: string, line: string | null): string[] {
  const at = lines.findIndex((l) => l.startsWith(prefix));
  if (at === -1) throw new Error(`no line starts with "${prefix}"`);
  return line === null ? [...lines.slice(0, at), ...lines.slice(at + 1)] : [...lines.slice(0, at), line, ...lines.slice(at + 1)];
}

/** A request of `method` with the usual headers plus `extra`. */
export function request(method: string, extra: string[] = [], uri = 'sip:bob@biloxi.example.com'): string[] {
  return [
    `${method} ${uri} SIP/2.0`,
    'Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bKnashds8',
    'Max-Forwards: 70',
    'To: Bob <sip:bob@biloxi.example.com>',
    'From: Alice <sip:alice@atlanta.example.com>;tag=1928301774',
    'Call-ID: a84b4c76e66710@pc33.atlanta.example.com',
    `CSeq: 2 ${method}`,
    ...extra,
  ];
}

/** A response with the usual headers plus `extra`; CSeq method `method`. */
export function response(statusLine: string, extra: string[] = [], method = 'OPTIONS'): string[] {
  return [
    `SIP/2.0 ${statusLine}`,
    'Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bKnashds8;received=192.0.2.1',
    'To: Bob <sip:bob@biloxi.example.com>;tag=a6c85cf',
    'From: Alice <sip:alice@atlanta.example.com>;tag=1928301774',
    'Call-ID: a84b4c76e66710@pc33.atlanta.example.com',
    `CSeq: 2 ${method}`,
    ...extra,
  ];
}

/** Header lines, an empty line, then `body` (CRLF line ends) with a Content-Length that counts it. */
export function message(headers: string[], body: string[] = []): string {
  const bodyText = body.length === 0 ? '' : crlf(...body);
  return crlf(...headers, `Content-Length: ${Buffer.byteLength(bodyText)}`, '') + bodyText;
}

/** An INVITE carrying SDP `lines`. */
export function sdpInvite(lines: string[]): string {
  return message([...INVITE, 'Content-Type: application/sdp'], lines);
}

/** A well-formed SDP offer (RFC 3264 section 10.1, adapted). */
export const SDP = [
  'v=0',
  'o=alice 2890844526 2890844526 IN IP4 pc33.atlanta.example.com',
  's=-',
  'c=IN IP4 192.0.2.101',
  't=0 0',
  'm=audio 49172 RTP/AVP 0 101',
  'a=rtpmap:0 PCMU/8000',
  'a=rtpmap:101 telephone-event/8000',
];

export function diagnose(text: string): SipDiagnostic[] {
  return validate(parseTrace(text));
}

/** `code [covered text]` for each diagnostic: compact, readable assertion output. */
export function summary(text: string): string[] {
  return diagnose(text).map((d) => `${d.code} [${text.slice(d.start, d.end)}]`);
}

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ruleInfo } from '../../../server/src/sip/rules/catalog';

/** `text` with the first `from` replaced by `to` (which must be there). */
export function swap(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at === -1) throw new Error(`"${from}" is not in the test message`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

export interface RuleCase {
  readonly rule: string;
  /** A message that breaks the rule once. */
  readonly bad: string;
  /** The exact text the diagnostic covers. */
  readonly covers: string;
  /** The same message a character (or a few) away, which must be entirely clean. */
  readonly good: string;
  readonly name?: string;
  /** Rule ids the near miss may still show (trace-level facts about a two-message sample). */
  readonly ignore?: readonly string[];
}

/** One test per case: the rule fires once with its catalogue severity on exactly `covers`; `good` has no diagnostic. */
export function ruleCases(cases: readonly RuleCase[]): void {
  for (const c of cases) {
    test(`${c.rule}: ${c.name ?? 'reported on the exact range; one character away is clean'}`, () => {
      const info = ruleInfo(c.rule);
      assert.ok(info, `${c.rule} is in the catalogue`);
      const all = diagnose(c.bad);
      const found = all.filter((d) => d.code === c.rule);
      assert.equal(found.length, 1, `expected one ${c.rule}, got:\n${summary(c.bad).join('\n')}`);
      assert.equal(found[0].severity, info.severity);
      assert.equal(c.bad.slice(found[0].start, found[0].end), c.covers);
      assert.ok(found[0].message.length > 30, 'the message says what is wrong and what is expected');
      const ignore = new Set(c.ignore ?? []);
      assert.deepEqual(summary(c.good).filter((x) => !ignore.has(x.slice(0, x.indexOf(' ')))), [], 'the near miss is clean');
    });
  }
}
