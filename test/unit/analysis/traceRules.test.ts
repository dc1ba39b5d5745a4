/** The conversation-level information rules, each with a trace that triggers it and one that must not. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTrace } from '../../../server/src/sip/parse';
import { validate } from '../../../server/src/sip/rules/engine';
import { crlf } from '../helpers';

function request(method: string, seq: number, branch: string, toTag = '', cseqMethod = method): string {
  return crlf(
    `${method} sip:bob@example.com SIP/2.0`, `Via: SIP/2.0/UDP 192.0.2.1;branch=${branch}`, 'Max-Forwards: 70',
    'From: <sip:alice@example.com>;tag=a', `To: <sip:bob@example.com>${toTag}`, 'Call-ID: c1', `CSeq: ${seq} ${cseqMethod}`,
    'Contact: <sip:alice@192.0.2.1>', 'Content-Length: 0', '',
  );
}

function response(status: string, seq: number, method: string, branch: string, toTag = ';tag=b'): string {
  return crlf(
    `SIP/2.0 ${status}`, `Via: SIP/2.0/UDP 192.0.2.1;branch=${branch}`, 'From: <sip:alice@example.com>;tag=a',
    `To: <sip:bob@example.com>${toTag}`, 'Call-ID: c1', `CSeq: ${seq} ${method}`, 'Content-Length: 0', '',
  );
}

const codes = (text: string, rule: string) => validate(parseTrace(text)).filter((d) => d.code === rule).map((d) => [d.code, d.severity, text.slice(d.start, d.end)]);

test('request-without-response', () => {
  const unanswered = request('INVITE', 1, 'z9hG4bK1') + request('OPTIONS', 2, 'z9hG4bK2');
  assert.deepEqual(codes(unanswered, 'request-without-response'), [
    ['request-without-response', 'information', 'INVITE sip:bob@example.com SIP/2.0'],
    ['request-without-response', 'information', 'OPTIONS sip:bob@example.com SIP/2.0'],
  ]);
  assert.deepEqual(codes(request('INVITE', 1, 'z9hG4bK1') + response('100 Trying', 1, 'INVITE', 'z9hG4bK1', ''), 'request-without-response'), []);
  assert.deepEqual(codes(request('INVITE', 1, 'z9hG4bK1'), 'request-without-response'), [], 'a lone pasted request is no conversation');
});

test('retransmission', () => {
  const twice = request('INVITE', 1, 'z9hG4bK1');
  assert.deepEqual(codes(twice + twice, 'retransmission').map((c) => c[0]), ['retransmission']);
  assert.deepEqual(codes(twice + request('INVITE', 2, 'z9hG4bK2'), 'retransmission'), [], 'a new branch is a new transaction');
});

test('invite-final-without-ack', () => {
  const challenge = request('INVITE', 1, 'z9hG4bK1') + response('407 Proxy Authentication Required', 1, 'INVITE', 'z9hG4bK1');
  const retry = request('INVITE', 2, 'z9hG4bK2');
  assert.deepEqual(codes(challenge + retry, 'invite-final-without-ack').map((c) => c[2]), ['SIP/2.0 407 Proxy Authentication Required']);
  const acked = challenge + request('ACK', 1, 'z9hG4bK1', ';tag=b', 'ACK') + retry;
  assert.deepEqual(codes(acked, 'invite-final-without-ack'), []);
  assert.deepEqual(codes(challenge, 'invite-final-without-ack'), [], 'the capture may end right after the response');
});

test('cseq-not-increasing', () => {
  const dialog = request('INFO', 5, 'z9hG4bK1', ';tag=b');
  assert.deepEqual(codes(dialog + request('INFO', 5, 'z9hG4bK2', ';tag=b'), 'cseq-not-increasing').map((c) => c[2]), ['5 INFO']);
  assert.deepEqual(codes(dialog + request('INFO', 6, 'z9hG4bK2', ';tag=b'), 'cseq-not-increasing'), []);
  assert.deepEqual(codes(dialog + request('INFO', 5, 'z9hG4bK1', ';tag=b'), 'cseq-not-increasing'), [], 'a retransmission keeps its CSeq');
  assert.deepEqual(codes(dialog + request('INFO', 4, 'z9hG4bK2', ';tag=c'), 'cseq-not-increasing'), [], 'another dialog (a fork) numbers on its own');
  const otherCall = request('INFO', 4, 'z9hG4bK2', ';tag=b').replace('Call-ID: c1', 'Call-ID: c2');
  assert.deepEqual(codes(dialog + otherCall, 'cseq-not-increasing'), [], 'another Call-ID is another dialog');
  assert.deepEqual(codes(dialog + request('INFO', 6, 'z9hG4bK2', ';tag=b') + request('INFO', 6, 'z9hG4bK3', ';tag=b'), 'cseq-not-increasing').map((c) => c[2]), ['6 INFO'],
    'the highest number so far is the one to beat');
});

test('cseq-number-mismatch: a CANCEL is compared with the INVITE of its own Call-ID and branch', () => {
  const invite = request('INVITE', 7, 'z9hG4bK1');
  const cancel = (seq: number, callId = 'c1', branch = 'z9hG4bK1') =>
    request('CANCEL', seq, branch).replace('Call-ID: c1', `Call-ID: ${callId}`);
  assert.deepEqual(codes(invite + cancel(8), 'cseq-number-mismatch').map((c) => c[2]), ['8']);
  assert.deepEqual(codes(invite + cancel(7), 'cseq-number-mismatch'), []);
  assert.deepEqual(codes(invite + cancel(8, 'c2'), 'cseq-number-mismatch'), [], 'same branch, other Call-ID: not its INVITE');
  assert.deepEqual(codes(invite + cancel(8, 'c1', 'z9hG4bK2'), 'cseq-number-mismatch'), [], 'other branch: not its INVITE');
  assert.deepEqual(codes(invite + request('INVITE', 9, 'z9hG4bK1') + cancel(9), 'cseq-number-mismatch').map((c) => c[2]), ['9'], 'the first INVITE with the branch counts');
  // A branch two Call-IDs' INVITEs share (a broken stack): each CANCEL is compared with the INVITE of its Call-ID.
  const otherInvite = (seq: number, callId: string) => request('INVITE', seq, 'z9hG4bK1').replace('Call-ID: c1', `Call-ID: ${callId}`);
  const shared = invite + otherInvite(20, 'c2') + otherInvite(30, 'c3') + otherInvite(21, 'c2');
  assert.deepEqual(codes(shared + cancel(7) + cancel(20, 'c2') + cancel(30, 'c3'), 'cseq-number-mismatch'), []);
  assert.deepEqual(codes(shared + cancel(20) + cancel(21, 'c2') + cancel(7, 'c3') + cancel(5, 'c4'), 'cseq-number-mismatch').map((c) => c[2]), ['20', '21', '7']);
});

test('trace rules obey settings: off skips them, severities can be raised', () => {
  const twice = request('INVITE', 1, 'z9hG4bK1');
  const model = parseTrace(twice + twice);
  const off = { request: 'off', retransmission: 'off', 'invite-final-without-ack': 'off', 'cseq-not-increasing': 'off', 'request-without-response': 'off' } as const;
  assert.deepEqual(validate(model, { enable: true, maxProblems: 100, rules: off }), []);
  assert.deepEqual(validate(model, { enable: true, maxProblems: 100, rules: { retransmission: 'warning', 'request-without-response': 'off' } }).map((d) => [d.code, d.severity]), [['retransmission', 'warning']]);
});
