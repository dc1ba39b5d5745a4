/** Header values: numbers and ranges, CSeq, Date, Call-ID, Via parameters, Contact, Warning, RSeq, RAck. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { INVITE, message, replaceLine, request, response, ruleCases, summary } from './ruleHelpers';
import { crlf } from '../helpers';

const invite = (prefix: string, line: string) => message(replaceLine(INVITE, prefix, line));
const plus = (...extra: string[]) => message([...INVITE, ...extra]);
const via = (v: string) => invite('Via:', `Via: ${v}`);
const register = (...extra: string[]) => message(request('REGISTER', extra, 'sip:registrar.biloxi.example.com'));
const reliable180 = (rseq: string) => message(response('180 Ringing', ['Require: 100rel', `RSeq: ${rseq}`, 'Contact: <sip:bob@192.0.2.4>'], 'INVITE'));
const prack = (rack: string) => message(request('PRACK', [`RAck: ${rack}`]));

const CANCEL = (seq: number) => [
  'CANCEL sip:bob@biloxi.example.com SIP/2.0', 'Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds', 'Max-Forwards: 70',
  'To: Bob <sip:bob@biloxi.example.com>', 'From: Alice <sip:alice@atlanta.example.com>;tag=1928301774',
  'Call-ID: a84b4c76e66710@pc33.atlanta.example.com', `CSeq: ${seq} CANCEL`,
];

ruleCases([
  { rule: 'cseq-invalid', name: 'RFC 4475 scalar02: above 2**31-1', bad: invite('CSeq:', 'CSeq: 2147483648 INVITE'), covers: '2147483648', good: invite('CSeq:', 'CSeq: 2147483647 INVITE') },
  { rule: 'cseq-invalid', name: 'no number', bad: invite('CSeq:', 'CSeq: INVITE'), covers: 'INVITE', good: invite('CSeq:', 'CSeq: 1 INVITE') },
  { rule: 'cseq-method-mismatch', name: 'RFC 4475 mismatch01', bad: invite('CSeq:', 'CSeq: 314159 INVITe'), covers: 'INVITe', good: invite('CSeq:', 'CSeq: 314159 INVITE') },
  {
    rule: 'cseq-number-mismatch', name: 'a CANCEL carries its INVITE\'s number',
    bad: message(INVITE) + message(CANCEL(314158)), covers: '314158', good: message(INVITE) + message(CANCEL(314159)), ignore: ['request-without-response'],
  },
  { rule: 'max-forwards-invalid', name: 'RFC 4475 scalar02: 300', bad: invite('Max-Forwards:', 'Max-Forwards: 256'), covers: '256', good: invite('Max-Forwards:', 'Max-Forwards: 255') },
  { rule: 'expires-invalid', bad: plus('Expires: 4294967296'), covers: '4294967296', good: plus('Expires: 4294967295') },
  {
    rule: 'expires-invalid', name: 'a Contact expires parameter', bad: invite('Contact:', 'Contact: <sip:alice@pc33.atlanta.example.com>;expires=6O'),
    covers: '6O', good: invite('Contact:', 'Contact: <sip:alice@pc33.atlanta.example.com>;expires=60'),
  },
  { rule: 'min-expires-invalid', bad: message(response('423 Interval Too Brief', ['Min-Expires: 6O'], 'REGISTER')), covers: '6O', good: message(response('423 Interval Too Brief', ['Min-Expires: 60'], 'REGISTER')) },
  { rule: 'retry-after-invalid', name: 'RFC 4475 scalarlg', bad: message(response('503 Service Unavailable', ['Retry-After: 4294967296'])), covers: '4294967296', good: message(response('503 Service Unavailable', ['Retry-After: 4294967295'])) },
  { rule: 'retry-after-invalid', name: 'not a number', bad: message(response('503 Service Unavailable', ['Retry-After: -1'])), covers: '-1', good: message(response('503 Service Unavailable', ['Retry-After: 1'])) },
  { rule: 'session-expires-invalid', bad: plus('Session-Expires: 1800;refresher=uax'), covers: 'refresher=uax', good: plus('Session-Expires: 1800;refresher=uac') },
  { rule: 'min-se-invalid', bad: plus('Min-SE: 9O'), covers: 'O', good: plus('Min-SE: 90') },
  { rule: 'date-invalid', name: 'RFC 4475 baddate', bad: plus('Date: Fri, 01 Jan 2010 16:00:00 EST'), covers: 'EST', good: plus('Date: Fri, 01 Jan 2010 16:00:00 GMT') },
  { rule: 'date-invalid', name: 'a one-digit day', bad: plus('Date: Fri, 1 Jan 2010 16:00:00 GMT'), covers: '1', good: plus('Date: Fri, 01 Jan 2010 16:00:00 GMT') },
  { rule: 'call-id-invalid', bad: invite('Call-ID:', 'Call-ID: a84b 4c76e66710'), covers: ' ', good: invite('Call-ID:', 'Call-ID: a84b-4c76e66710') },
  {
    rule: 'via-branch-missing', bad: via('SIP/2.0/UDP pc33.atlanta.example.com;brunch=z9hG4bK776asdhds'),
    covers: 'SIP/2.0/UDP pc33.atlanta.example.com;brunch=z9hG4bK776asdhds', good: via('SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds'),
  },
  { rule: 'via-branch-cookie-only', name: 'RFC 4475 badbranch', bad: via('SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK'), covers: 'z9hG4bK', good: via('SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK1') },
  { rule: 'via-branch-not-rfc3261', bad: via('SIP/2.0/UDP 192.0.2.1;branch=z9hG4bJ776'), covers: 'z9hG4bJ776', good: via('SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK776') },
  { rule: 'via-received-invalid', bad: via('SIP/2.0/UDP h.example.com;branch=z9hG4bK1;received=192.0.2.256'), covers: '192.0.2.256', good: via('SIP/2.0/UDP h.example.com;branch=z9hG4bK1;received=192.0.2.255') },
  { rule: 'via-rport-invalid', bad: via('SIP/2.0/UDP h.example.com;branch=z9hG4bK1;rport=65536'), covers: '65536', good: via('SIP/2.0/UDP h.example.com;branch=z9hG4bK1;rport=65535') },
  { rule: 'contact-star-invalid', name: 'without Expires: 0', bad: register('Contact: *', 'Expires: 1'), covers: '*', good: register('Contact: *', 'Expires: 0') },
  { rule: 'contact-star-invalid', name: 'with parameters', bad: register('Contact: *;q=1', 'Expires: 0'), covers: '*;q=1', good: register('Contact: *', 'Expires: 0') },
  { rule: 'q-value-invalid', bad: invite('Contact:', 'Contact: <sip:alice@pc33.atlanta.example.com>;q=1.5'), covers: '1.5', good: invite('Contact:', 'Contact: <sip:alice@pc33.atlanta.example.com>;q=0.5') },
  {
    rule: 'warning-header-invalid', name: 'RFC 4475 scalarlg: 1812', bad: message(response('488 Not Acceptable Here', ['Warning: 3011 isi.edu "Incompatible network address type"'])),
    covers: '3011', good: message(response('488 Not Acceptable Here', ['Warning: 301 isi.edu "Incompatible network address type"'])),
  },
  { rule: 'rseq-invalid', bad: reliable180('0'), covers: '0', good: reliable180('1') },
  { rule: 'rack-invalid', bad: prack('776656 1INVITE'), covers: '776656 1INVITE', good: prack('776656 1 INVITE') },
]);

test('Via: IPv6 sent-by and received, bracketed or not (RFC 5118 sections 4.5 and 4.7)', () => {
  for (const v of [
    'SIP/2.0/UDP [2001:db8::9:1]:5060;branch=z9hG4bK1;received=2001:db8::9:255',
    'SIP/2.0/UDP [2001:db8::9:1];branch=z9hG4bK1;received=[2001:db8::9:255];rport=5060',
    'SIP/2.0/TLS [::ffff:192.0.2.2];branch=z9hG4bK1;rport, SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK2;received=192.0.2.9',
  ]) {
    assert.deepEqual(summary(via(v)), [], v);
  }
});

test('only the top Via of a request is judged for its branch', () => {
  assert.deepEqual(summary(invite('Via:', 'Via: SIP/2.0/UDP a.example.com;branch=z9hG4bK1, SIP/2.0/UDP b.example.com')), []);
  const text = crlf(...response('200 OK', ['Contact: <sip:bob@192.0.2.4>'], 'INVITE').map((l) => l.replace(';branch=z9hG4bKnashds8', '')), 'Content-Length: 0', '');
  assert.deepEqual(summary(text), [], 'responses echo the request\'s Vias');
});

test('an ACK for a 2xx has its own branch and is not compared with the INVITE', () => {
  const ack = replaceLine(replaceLine(CANCEL(314159), 'CSeq:', 'CSeq: 314159 ACK'), 'Via:', 'Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bKnew')
    .map((l) => l.replace('CANCEL sip', 'ACK sip'));
  assert.deepEqual(summary(message(INVITE) + message(ack)).filter((x) => !x.startsWith('request-without-response')), []);
});
