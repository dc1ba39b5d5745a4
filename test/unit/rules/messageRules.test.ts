/** What a message must contain: mandatory headers, tags, Content-Type for a body, headers required by a status or method. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { INVITE, message, replaceLine, request, response, ruleCases, summary, swap } from './ruleHelpers';
import * as path from 'node:path';
import { parseTrace } from '../../../server/src/sip/parse';
import { validate } from '../../../server/src/sip/rules/engine';
import { CORPUS, crlf, readText } from '../helpers';

const START = 'INVITE sip:bob@biloxi.example.com SIP/2.0';
const invite = (prefix: string, line: string) => message(replaceLine(INVITE, prefix, line));
/** A response `status` with `header` written correctly (good) or one letter off (bad). */
const needs = (status: string, header: string, method = 'INVITE'): [string, string] => {
  const good = message(response(status, [header], method));
  const name = header.slice(0, header.indexOf(':'));
  return [swap(good, name + ':', name.slice(0, -1) + 'x:'), good];
};
const requestNeeds = (method: string, header: string, extra: string[] = []): [string, string] => {
  const good = message(request(method, [...extra, header]));
  const name = header.slice(0, header.indexOf(':'));
  return [swap(good, name + ':', name.slice(0, -1) + 'x:'), good];
};

const cases: { rule: string; pair: [string, string]; covers: string; name?: string }[] = [
  { rule: 'www-authenticate-missing', pair: needs('401 Unauthorized', 'WWW-Authenticate: Digest realm="atlanta.example.com", nonce="84a4cc6f3082121f32b42a2187831a9e"'), covers: 'SIP/2.0 401 Unauthorized' },
  { rule: 'proxy-authenticate-missing', pair: needs('407 Proxy Authentication Required', 'Proxy-Authenticate: Digest realm="atlanta.example.com", nonce="f84f1cec41e6cbe5aea9c8e88d359"'), covers: 'SIP/2.0 407 Proxy Authentication Required' },
  { rule: 'allow-missing', pair: needs('405 Method Not Allowed', 'Allow: INVITE, ACK, CANCEL, BYE, OPTIONS', 'PUBLISH'), covers: 'SIP/2.0 405 Method Not Allowed' },
  { rule: 'unsupported-missing', pair: needs('420 Bad Extension', 'Unsupported: foo'), covers: 'SIP/2.0 420 Bad Extension' },
  { rule: 'min-expires-missing', pair: needs('423 Interval Too Brief', 'Min-Expires: 3600', 'REGISTER'), covers: 'SIP/2.0 423 Interval Too Brief' },
  { rule: 'min-se-missing', pair: needs('422 Session Interval Too Small', 'Min-SE: 1800'), covers: 'SIP/2.0 422 Session Interval Too Small' },
  { rule: 'redirect-contact-missing', pair: needs('302 Moved Temporarily', 'Contact: <sip:bob@chicago.example.com>'), covers: 'SIP/2.0 302 Moved Temporarily' },
  { rule: 'contact-missing', name: 'a 2xx to INVITE', pair: needs('200 OK', 'Contact: <sip:bob@192.0.2.4>'), covers: 'SIP/2.0 200 OK' },
  { rule: 'rseq-missing', pair: needs('183 Session Progress', 'RSeq: 1', 'INVITE').map((t) => swap(t, 'CSeq: 2 INVITE', 'CSeq: 2 INVITE\r\nRequire: 100rel\r\nContact: <sip:bob@192.0.2.4>')) as [string, string], covers: 'SIP/2.0 183 Session Progress' },
  { rule: 'event-missing', pair: requestNeeds('SUBSCRIBE', 'Event: presence', ['Contact: <sip:alice@pc33.atlanta.example.com>']), covers: 'SUBSCRIBE sip:bob@biloxi.example.com SIP/2.0' },
  { rule: 'subscription-state-missing', pair: requestNeeds('NOTIFY', 'Subscription-State: active;expires=60', ['Event: presence']), covers: 'NOTIFY sip:bob@biloxi.example.com SIP/2.0' },
  { rule: 'refer-to-missing', pair: requestNeeds('REFER', 'Refer-To: <sip:carol@chicago.example.com>', ['Contact: <sip:alice@pc33.atlanta.example.com>']), covers: 'REFER sip:bob@biloxi.example.com SIP/2.0' },
  { rule: 'rack-missing', pair: requestNeeds('PRACK', 'RAck: 1 314159 INVITE'), covers: 'PRACK sip:bob@biloxi.example.com SIP/2.0' },
];

ruleCases([
  { rule: 'mandatory-header-missing', name: 'RFC 4475 insuf', bad: invite('Call-ID:', 'Call-IX: a84b4c76e66710'), covers: START, good: invite('Call-ID:', 'Call-ID: a84b4c76e66710') },
  { rule: 'max-forwards-missing', bad: invite('Max-Forwards:', 'Max-Forwardx: 70'), covers: START, good: invite('Max-Forwards:', 'Max-Forwards: 70') },
  { rule: 'contact-missing', name: 'an INVITE', bad: invite('Contact:', 'Contacx: <sip:alice@pc33.atlanta.example.com>'), covers: START, good: message(INVITE) },
  {
    rule: 'from-tag-missing', bad: invite('From:', 'From: Alice <sip:alice@atlanta.example.com>;tog=1928301774'),
    covers: 'From: Alice <sip:alice@atlanta.example.com>;tog=1928301774', good: message(INVITE),
  },
  {
    rule: 'to-tag-missing', bad: swap(message(response('486 Busy Here', [], 'INVITE')), ';tag=a6c85cf', ';tog=a6c85cf'),
    covers: 'To: Bob <sip:bob@biloxi.example.com>;tog=a6c85cf', good: message(response('486 Busy Here', [], 'INVITE')),
  },
  {
    rule: 'body-without-content-type', bad: message([...request('MESSAGE'), 'Content-Typx: text/plain'], ['Watson, come here.']),
    covers: 'Watson, come here.', good: message([...request('MESSAGE'), 'Content-Type: text/plain'], ['Watson, come here.']),
  },
  ...cases.map((c) => ({ rule: c.rule, name: c.name, bad: c.pair[0], good: c.pair[1], covers: c.covers })),
]);

test('a start line that cannot be read: no requirements are checked (one root error)', () => {
  assert.deepEqual(summary(crlf('SIP/2.0 4866 Busy Here', 'Call-ID: x', 'Content-Length: 0', '')), ['status-code-invalid [4866]']);
});

test('an excerpt with none of To, From, Call-ID, CSeq and Via is not a message that forgot them', () => {
  assert.deepEqual(summary(crlf('INVITE sip:bob@biloxi.example.com SIP/2.0', 'Content-Length: 0', '')), []);
});

test('a header that is there but lost its colon is not also "missing"', () => {
  const text = message(replaceLine(INVITE, 'Max-Forwards:', 'Max-Forwards 70'));
  assert.deepEqual(summary(text), ['header-missing-colon [Max-Forwards 70]']);
});

test('the last message of a trace cut inside its headers is not judged for what it lacks', () => {
  const text = crlf(...INVITE.slice(0, 4)).slice(0, -2);
  assert.deepEqual(summary(text), []);
  assert.deepEqual(summary(crlf(...INVITE.slice(0, 4), '')), [
    'mandatory-header-missing [INVITE sip:bob@biloxi.example.com SIP/2.0]',
    'contact-missing [INVITE sip:bob@biloxi.example.com SIP/2.0]',
  ], 'the same lines ending with the empty line are a whole message');
});

test('100 Trying needs no To tag; a 2xx to OPTIONS needs no Contact', () => {
  assert.deepEqual(summary(message(response('100 Trying', [], 'INVITE').map((l) => l.replace(';tag=a6c85cf', '')))), []);
  assert.deepEqual(summary(message(response('200 OK'))), []);
});

test('a body without Content-Length is not judged: it may be the trace tool\'s own text', () => {
  assert.deepEqual(summary(crlf(...response('200 OK'), '', '---------- end of packet ----------')), []);
});

test('a message the trace tool says was longer than the text shown (abridged) is not judged for what it lacks', () => {
  const text = readText(path.join(CORPUS, 'formats', 'sipp_trace_msg_modern_example.txt'));
  const model = parseTrace(text);
  assert.ok(model.messages.some((m) => m.meta.byteCount !== null), 'the sipp framing announces byte counts');
  const lacks = validate(model).filter((d) => /-missing$/.test(d.code));
  assert.deepEqual(lacks.map((d) => d.code), []);
});

test('redacted values are not judged: <<REMOVED>>, [REDACTED], [email protected]', () => {
  for (const [prefix, line] of [
    ['To:', 'To: <sip:100@<<REMOVED>>>'],
    ['Via:', 'Via: SIP/2.0/UDP <<REMOVED>>:5060;branch=z9hG4bK1'],
    ['Contact:', 'Contact: <sip:[REDACTED]>'],
    ['INVITE', 'INVITE sip:[email protected] SIP/2.0'],
    // Any letter case, and the marker anywhere in the value.
    ['From:', 'From: <sip:100@<ReDaCtEd>>;tag=1'],
    ['To:', 'To: <sip:{{OBFUSCATED}}@[x>'],
  ]) {
    assert.deepEqual(summary(message(replaceLine(INVITE, prefix, line))), [], line);
  }
});
