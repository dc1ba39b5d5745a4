/** SDP bodies (RFC 8866). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { INVITE, SDP, message, ruleCases, sdpInvite, summary, swap } from './ruleHelpers';
import { crlf } from '../helpers';

const replaced = (from: string, to: string) => sdpInvite(SDP.map((l) => (l === from ? to : l)));
const good = sdpInvite(SDP);

ruleCases([
  { rule: 'sdp-line-invalid', name: 'RFC 4475 dblreq: "m =video"', bad: replaced('m=audio 49172 RTP/AVP 0 101', 'm =audio 49172 RTP/AVP 0 101'), covers: ' ', good },
  { rule: 'sdp-line-invalid', name: 'a multi-letter type', bad: sdpInvite([...SDP, 'ab=1']), covers: 'ab=1', good: sdpInvite([...SDP, 'b=AS:1']) },
  { rule: 'sdp-version-not-first', bad: sdpInvite([SDP[1], SDP[0], ...SDP.slice(2)]), covers: SDP[1], good },
  { rule: 'sdp-version-invalid', bad: replaced('v=0', 'v=1'), covers: '1', good },
  { rule: 'sdp-line-missing', name: 'no t=', bad: replaced('t=0 0', 'u=0 0'), covers: 'v=0', good },
  { rule: 'sdp-origin-invalid', bad: replaced(SDP[1], 'o=alice 2890844526 2890844526 IN pc33.atlanta.example.com'), covers: 'o=alice 2890844526 2890844526 IN pc33.atlanta.example.com', good },
  { rule: 'sdp-session-name-empty', name: 'RFC 5118 mult-ip-in-sdp', bad: replaced('s=-', 's='), covers: 's=', good },
  { rule: 'sdp-connection-missing', bad: replaced('c=IN IP4 192.0.2.101', 'b=IN IP4 192.0.2.101'), covers: 'm=audio 49172 RTP/AVP 0 101', good },
  { rule: 'sdp-media-invalid', name: 'port out of range', bad: replaced('m=audio 49172 RTP/AVP 0 101', 'm=audio 79172 RTP/AVP 0 101'), covers: '79172', good },
  { rule: 'sdp-media-invalid', name: 'a payload type that is not a number', bad: replaced('m=audio 49172 RTP/AVP 0 101', 'm=audio 49172 RTP/AVP 0 1O1'), covers: '1O1', good },
  { rule: 'sdp-rtpmap-payload-unknown', bad: replaced('a=rtpmap:0 PCMU/8000', 'a=rtpmap:8 PCMU/8000'), covers: '8', good },
  { rule: 'sdp-dynamic-payload-unmapped', bad: replaced('a=rtpmap:101 telephone-event/8000', 'a=rtpnap:101 telephone-event/8000'), covers: '101', good },
]);

test('RFC 5118 mult-ip-in-sdp: a c= line per stream instead of a session one', () => {
  const body = ['v=0', 'o=bob 280744730 28977631 IN IP4 host.example.com', 's=-', 't=0 0', 'm=audio 22334 RTP/AVP 0', 'c=IN IP4 192.0.2.1',
    'm=video 6024 RTP/AVP 107', 'c=IN IP6 2001:db8::1', 'a=rtpmap:107 H263-1998/90000'];
  assert.deepEqual(summary(sdpInvite(body)), []);
});

test('a rejected stream (port 0) needs no connection line', () => {
  assert.deepEqual(summary(sdpInvite(['v=0', 'o=- 1 1 IN IP4 h', 's=-', 't=0 0', 'm=video 0 RTP/AVP 31'])), []);
});

test('not SDP: other content types and non-RTP formats are left alone', () => {
  assert.deepEqual(summary(message([...INVITE, 'Content-Type: text/plain'], ['m =x'])), []);
  assert.deepEqual(summary(sdpInvite([...SDP, 'm=application 9 TCP/BFCP *', 'c=IN IP4 192.0.2.1'])), []);
});

test('an LF-only trace of an SDP offer is clean', () => {
  const text = swap(good.replace(/\r\n/g, '\n'), 'Content-Length', 'Content-Length');
  assert.deepEqual(summary(text), []);
});

test('text a trace tool prints after the body is not read as SDP when Content-Length says where the body ends', () => {
  const text = sdpInvite(SDP) + crlf('----- 2024-05-01 10:00:00 end of packet -----');
  assert.deepEqual(summary(text).filter((x) => x.startsWith('sdp-')), []);
});
