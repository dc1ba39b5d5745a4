/** What a user sees in hovers and `sip-trace explain`. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  docToMarkdown,
  renderHeader,
  renderMethod,
  renderParameter,
  renderPayloadType,
  renderQ850,
  renderSdpAttribute,
  renderSdpLine,
  renderStatusCode,
  renderWarnCode,
  statusCodeDoc,
} from '../../../server/src/sip/knowledge/render';
import { explainTopic } from '../../../server/src/sip/knowledge/explain';

const firstLine = (md: string) => md.split('\n')[0];

test('status code: the first line says it all', () => {
  assert.equal(firstLine(renderStatusCode(486)), '**486 Busy Here** — 4xx Client Failure');
  assert.equal(firstLine(renderStatusCode(183)), '**183 Session Progress** — 1xx Provisional');
  assert.equal(firstLine(renderStatusCode(603)), '**603 Decline** — 6xx Global Failure');
  const md = renderStatusCode(486);
  assert.match(md, /\*\*Typical causes\*\*/);
  assert.match(md, /\*\*Check next\*\*/);
  assert.match(md, /https:\/\/www\.rfc-editor\.org\/rfc\/rfc3261#section-21\.4\.24/);
});

test('a custom reason phrase is pointed out, an official one in other case is not', () => {
  const custom = renderStatusCode(403, 'Forbidden - Source IP not allowed');
  assert.match(custom, /Custom reason phrase/);
  assert.match(custom, /Source IP not allowed/);
  assert.match(custom, /real reason/);
  assert.doesNotMatch(renderStatusCode(486, 'BUSY HERE'), /Custom reason phrase/);
  assert.doesNotMatch(renderStatusCode(486), /Custom reason phrase/);
});

test('a reason phrase cannot inject Markdown', () => {
  const md = renderStatusCode(500, 'Oops [click](http://evil) **x**');
  assert.doesNotMatch(md, /\[click\]\(http/);
  assert.doesNotMatch(md, /\*\*x\*\*/);
});

test('unregistered codes say so in the summary, with the written phrase', () => {
  assert.equal(firstLine(renderStatusCode(409, 'Conflict')), '**409 Conflict** — 4xx Client Failure, not registered');
  assert.equal(firstLine(renderStatusCode(499)), '**499** — 4xx Client Failure, not registered');
  assert.equal(firstLine(renderStatusCode(700)), '**700** — not a SIP status code');
});

test('context lines go right after the summary', () => {
  const md = renderStatusCode(486, undefined, { context: ['Answer to INVITE in message 3, 2.1 s after it.'] });
  const parts = md.split('\n\n');
  assert.equal(parts[0], '**486 Busy Here** — 4xx Client Failure');
  assert.equal(parts[1], 'Answer to INVITE in message 3, 2.1 s after it.');
  const doc = statusCodeDoc(200);
  assert.equal(docToMarkdown(doc).split('\n\n')[0], doc.summary);
});

test('headers: compact forms and mandatory-in-this-message', () => {
  assert.equal(firstLine(renderHeader('v')!), '**v** — compact form of **Via**');
  assert.equal(firstLine(renderHeader('call-id')!), '**Call-ID** — header field (compact form `i`)');
  assert.equal(firstLine(renderHeader('CSeq')!), '**CSeq** — header field');
  const contact = renderHeader('Contact', { message: { kind: 'request', method: 'INVITE' } })!;
  assert.match(contact, /\*\*Mandatory in this INVITE request\*\*/);
  const contactBye = renderHeader('m', { message: { kind: 'request', method: 'BYE' } })!;
  assert.match(contactBye, /Optional in this BYE request/);
  const allow = renderHeader('Allow', { message: { kind: 'response', method: 'INVITE', status: 405 } })!;
  assert.match(allow, /\*\*Mandatory in this 405 response to INVITE\*\*/);
  const ctype = renderHeader('c', { message: { kind: 'request', method: 'INVITE' } })!;
  assert.match(ctype, /Mandatory in this INVITE request when there is a body/);
  assert.match(renderHeader('To')!, /Single-valued/);
});

test('X- headers are vendor extensions; unknown headers give nothing', () => {
  const x = renderHeader('X-Genesys-CallUUID')!;
  assert.match(firstLine(x), /vendor extension/);
  assert.match(x, /not standardised/);
  assert.equal(renderHeader('Frobnicate'), null);
});

test('methods', () => {
  assert.equal(firstLine(renderMethod('ACK')!), '**ACK** — SIP method');
  assert.match(renderMethod('ACK')!, /never gets a response/);
  assert.equal(renderMethod('FETCH'), null);
});

test('parameters explain their value', () => {
  assert.match(renderParameter('via', 'branch', 'z9hG4bK776asdhds')!, /RFC 3261 compliant/);
  assert.match(renderParameter('via', 'branch', '1234abcd')!, /RFC 2543 style/);
  assert.match(renderParameter('via', 'rport')!, /source IP and port/);
  assert.match(renderParameter('via', 'received', '203.0.113.7')!, /NAT/);
  assert.match(renderParameter('contact', 'expires', '0')!, /removes this binding/);
  assert.match(renderParameter('contact', 'expires', '3600')!, /3600 s \(60 min\)/);
  assert.match(renderParameter('contact', 'q', '1.5')!, /not a valid q-value/);
  assert.match(renderParameter('reason', 'cause', '16', { headerValue: 'Q.850;cause=16;text="x"' })!, /Normal call clearing/);
  assert.match(renderParameter('reason', 'cause', '200', { headerValue: 'SIP;cause=200' })!, /SIP 200: \*\*OK\*\*/);
  assert.match(firstLine(renderParameter('contact', 'transport', 'tcp', { inUri: true })!), /SIP URI parameter/);
  assert.match(renderParameter('uri', 'user', 'phone')!, /telephone number/);
  assert.match(renderParameter('session-expires', 'refresher', 'uac')!, /caller/);
  assert.equal(firstLine(renderParameter('via', 'branch')!), '**branch** — Via parameter');
  assert.equal(renderParameter('via', 'nonsense'), null);
});

test('Q.850 and warn-codes', () => {
  assert.equal(firstLine(renderQ850(16)), '**Q.850 cause 16: Normal call clearing**');
  assert.match(renderQ850(17), /486 Busy Here/);
  assert.match(renderQ850(13), /unassigned/);
  assert.equal(firstLine(renderWarnCode(305)), '**Warning 305 Incompatible media format**');
  assert.match(renderWarnCode(308), /not a defined warn-code/);
});

test('SDP: hold, rejected streams, payload types', () => {
  assert.match(renderSdpLine('c', 'IN IP4 0.0.0.0')!, /RFC 2543 way of putting a call on hold/);
  assert.match(renderSdpLine('c', 'IN IP4 192.168.1.20')!, /private/);
  const m = renderSdpLine('m', 'audio 0 RTP/AVP 0 8 101')!;
  assert.match(m, /Port 0: this stream is rejected/);
  assert.match(m, /0 PCMU, 8 PCMA, 101 \(dynamic, see a=rtpmap\)/);
  assert.match(renderSdpAttribute('sendonly')!, /hold/);
  assert.match(renderSdpLine('a', 'rtpmap:101 telephone-event/8000')!, /telephone-event/);
  assert.match(renderSdpAttribute('rtpmap', '0 PCMA/8000')!, /Mismatch/);
  assert.equal(renderSdpLine('x'), null);
  assert.equal(firstLine(renderPayloadType(0)), '**Payload type 0: PCMU** — static, audio, 8000 Hz');
  assert.equal(firstLine(renderPayloadType(18)), '**Payload type 18: G729** — static, audio, 8000 Hz');
  assert.match(renderPayloadType(101, 'telephone-event/8000'), /DTMF/);
  assert.match(renderPayloadType(0, 'PCMA/8000'), /Mismatch/);
  assert.doesNotMatch(renderPayloadType(0, 'PCMU/8000'), /Mismatch/);
});

test('explain: the topics of the CLI', () => {
  assert.equal(firstLine(explainTopic('486')!), '**486 Busy Here** — 4xx Client Failure');
  assert.equal(firstLine(explainTopic('Via')!), '**Via** — header field (compact form `v`)');
  assert.equal(firstLine(explainTopic('v')!), '**v** — compact form of **Via**');
  assert.equal(firstLine(explainTopic('INVITE')!), '**INVITE** — SIP method');
  assert.equal(firstLine(explainTopic('branch')!), '**branch** — Via parameter');
  assert.equal(firstLine(explainTopic('q850:16')!), '**Q.850 cause 16: Normal call clearing**');
  assert.equal(firstLine(explainTopic('4xx')!), '**4xx Client Failure** — SIP response class');
  assert.equal(firstLine(explainTopic('warning:399')!), '**Warning 399 Miscellaneous warning**');
  assert.equal(firstLine(explainTopic('pt:8')!), '**Payload type 8: PCMA** — static, audio, 8000 Hz');
  assert.equal(firstLine(explainTopic('pt:PCMU')!), '**Payload type 0: PCMU** — static, audio, 8000 Hz');
  assert.equal(firstLine(explainTopic('sdp:m')!), '**m=** Media Description — SDP line');
  assert.match(explainTopic('c=IN IP4 0.0.0.0')!, /hold/);
  assert.equal(firstLine(explainTopic('a=rtpmap')!), '**a=rtpmap** — SDP attribute');
  assert.equal(firstLine(explainTopic('Contact;expires=0')!), '**expires=0** — Contact parameter');
  assert.match(explainTopic('Contact;expires=0')!, /removes this binding/);
  assert.equal(firstLine(explainTopic('uri;transport=tcp')!), '**transport=tcp** — SIP URI parameter');
  assert.match(explainTopic('409')!, /not registered/);
  assert.match(explainTopic('X-Foo')!, /vendor extension/);
});

test('explain: unknown topics return null', () => {
  for (const t of ['', 'frobnicate', 'q850:abc', 'warning:12', 'pt:NOPE', 'sdp:zz', 'Via;nonsense', 'Nope;branch', 'a=nonsense']) {
    assert.equal(explainTopic(t), null, JSON.stringify(t));
  }
});
