/**
 * The SDP summary that hovers, the outline and the calls view show for a
 * call's offer and answer: connection address, port, codecs and direction
 * per stream (RFC 8866), read in place from the body's lines.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTrace } from '../../../server/src/sip/parse';
import { parsedBase, parsedText } from '../../../server/src/sip/parser/messageParser';
import { describeMedia, sdpSummary, type MediaSummary } from '../../../server/src/sip/analysis/sdpSummary';
import { addressUriOf } from '../../../server/src/sip/analysis/keys';

function invite(bodyLines: readonly string[], { eol = '\r\n', contentType = 'application/sdp', extraHeaders = [] as string[] } = {}): string {
  const body = bodyLines.map((l) => l + eol).join('');
  return [
    'INVITE sip:bob@example.com SIP/2.0',
    'Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK1',
    'From: Alice <sip:alice@example.com>;tag=1',
    'To: <sip:bob@example.com>',
    ...extraHeaders,
    'Call-ID: c1',
    'CSeq: 1 INVITE',
    `Content-Type: ${contentType}`,
    `Content-Length: ${Buffer.byteLength(body)}`,
    '',
    '',
  ].join(eol) + body;
}

function summaryOf(text: string): MediaSummary[] | null {
  const model = parseTrace(text);
  assert.equal(model.messages.length, 1);
  const m = model.messages[0];
  return sdpSummary(parsedText(m), parsedBase(m));
}

const OFFER = ['v=0', 'o=- 1 1 IN IP4 192.0.2.1', 's=-', 'c=IN IP4 192.0.2.1', 't=0 0'];

test('session-level address and direction apply to every stream that states none', () => {
  const media = summaryOf(invite([...OFFER, 'a=sendonly', 'm=audio 49170 RTP/AVP 0 8', 'm=video 51372 RTP/AVP 31', 'c=IN IP4 198.51.100.7', 'a=recvonly']));
  assert.deepEqual(media, [
    { media: 'audio', port: 49170, codecs: ['PCMU/8000', 'PCMA/8000'], address: '192.0.2.1', direction: 'sendonly' },
    { media: 'video', port: 51372, codecs: ['H261/90000'], address: '198.51.100.7', direction: 'recvonly' },
  ]);
});

test('rtpmap names dynamic payloads; unknown ones stay numbers; a later rtpmap wins', () => {
  const media = summaryOf(invite([...OFFER, 'm=audio 5004 RTP/AVP 96 101 97 0', 'a=rtpmap:96 opus/48000/2', 'a=rtpmap:101\ttelephone-event/8000 extra', 'a=rtpmap:96 OPUS/48000/2', 'a=rtpmap:97']));
  assert.deepEqual(media?.[0].codecs, ['OPUS/48000/2', 'telephone-event/8000', '97', 'PCMU/8000']);
});

test('odd m=, c= and a= lines give what can be read, never a wrong value', () => {
  const media = summaryOf(invite(['v=0', 'c=IN IP4', 'm=audio x RTP/AVP 0', 'a=rtpmap:8a PCMA/8000', 'a=sendrecvx', 'm=\timage\t9\tudptl\tt38', 'a= inactive ', 'm=']));
  assert.deepEqual(media, [
    { media: 'audio', port: null, codecs: ['PCMU/8000'], address: null, direction: null },
    { media: 'image', port: 9, codecs: ['t38'], address: null, direction: 'inactive' },
    { media: '', port: null, codecs: [], address: null, direction: null },
  ]);
});

test('Unicode spaces are spaces where the line has them, as in trim and \\s', () => {
  const media = summaryOf(invite(['v=0', 'm=audio 4000 RTP/AVP 0', 'a=\u00a0inactive', 'c=IN IP4\u00a0h\u00e9te.example']));
  assert.deepEqual(media, [{ media: 'audio', port: 4000, codecs: ['PCMU/8000'], address: 'h\u00e9te.example', direction: 'inactive' }]);
});

test('LF-only bodies read the same as CRLF ones, and describeMedia writes one line per stream', () => {
  const lines = [...OFFER, 'm=audio 49170 RTP/AVP 0 101', 'a=rtpmap:101 telephone-event/8000', 'a=sendonly'];
  const crlf = summaryOf(invite(lines));
  assert.deepEqual(summaryOf(invite(lines, { eol: '\n' })), crlf);
  assert.equal(describeMedia(crlf ?? []), 'audio 49170 PCMU/8000 telephone-event/8000 @ 192.0.2.1 (sendonly)');
});

test('a body that is not SDP has no summary', () => {
  assert.equal(summaryOf(invite(['hello'], { contentType: 'text/plain' })), null);
});

test('the caller and callee come from From and To, folded or not, compact or not', () => {
  const plain = parseTrace(invite(OFFER)).messages[0];
  assert.equal(addressUriOf(parsedText(plain), parsedBase(plain), 'from'), 'sip:alice@example.com');
  assert.equal(addressUriOf(parsedText(plain), parsedBase(plain), 'to'), 'sip:bob@example.com');
  const text = invite(OFFER).replace('From: Alice <sip:alice@example.com>;tag=1', 'f: Alice\r\n <sip:carol@example.com>;tag=1');
  const folded = parseTrace(text).messages[0];
  assert.equal(addressUriOf(parsedText(folded), parsedBase(folded), 'from'), 'sip:carol@example.com');
});
