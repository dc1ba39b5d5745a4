/** Raw framing: how pasted messages are split, and what the parser reports on the way. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTrace } from '../../../server/src/sip/parse';
import { validate } from '../../../server/src/sip/rules/engine';
import { crlf } from '../helpers';

const OPTIONS = (n: number, extra: string[] = ['Content-Length: 0']) => [
  `OPTIONS sip:bob@example.com SIP/2.0`,
  `Via: SIP/2.0/UDP host.example.com;branch=z9hG4bK${n}`,
  'To: <sip:bob@example.com>',
  `From: <sip:alice@example.com>;tag=${n}`,
  `Call-ID: call-${n}`,
  `CSeq: ${n} OPTIONS`,
  'Max-Forwards: 70',
  ...extra,
];

const OK = (n: number, body: string | null) => {
  const lines = [
    'SIP/2.0 200 OK',
    `Via: SIP/2.0/UDP host.example.com;branch=z9hG4bK${n}`,
    'To: <sip:bob@example.com>;tag=b',
    `From: <sip:alice@example.com>;tag=${n}`,
    `Call-ID: call-${n}`,
    `CSeq: ${n} OPTIONS`,
  ];
  if (body === null) return [...lines, 'Content-Length: 0', ''];
  return [...lines, 'Content-Type: application/sdp', `Content-Length: ${Buffer.byteLength(body)}`, '', body];
};

const codes = (text: string) => validate(parseTrace(text)).map((d) => d.code);

test('messages separated by blank lines, with junk before and between them', () => {
  const text = 'Trace saved by Bob\n\n' + crlf(...OPTIONS(1), '') + '\r\nsome log line\r\n\r\n' + crlf(...OPTIONS(2), '');
  const model = parseTrace(text);
  assert.deepEqual(model.messages.map((m) => m.startLine.method), ['OPTIONS', 'OPTIONS']);
  assert.equal(model.messages[0].start, text.indexOf('OPTIONS'));
  assert.deepEqual(codes(text), []);
});

test('messages back to back: Content-Length tells where the body ends', () => {
  const sdp = 'v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\n';
  const text = crlf(...OK(1, null)) + crlf(...OK(2, sdp)).slice(0, -2) + crlf(...OPTIONS(3), '');
  const model = parseTrace(text);
  assert.deepEqual(model.messages.map((m) => m.startLine.status ?? m.startLine.method), [200, 200, 'OPTIONS']);
  const second = model.messages[1];
  assert.equal(text.slice(second.bodyStart, second.bodyEnd), sdp.trimEnd());
  assert.equal(second.contentType, 'application/sdp');
  assert.deepEqual(codes(text), []);
});

test('a message/sipfrag body that looks like a status line stays in its NOTIFY', () => {
  const frag = 'SIP/2.0 200 OK\r\n';
  const notify = crlf(
    'NOTIFY sip:alice@example.com SIP/2.0', 'Via: SIP/2.0/UDP h;branch=z9hG4bK1', 'To: <sip:a@example.com>;tag=1',
    'From: <sip:b@example.com>;tag=2', 'Call-ID: x', 'CSeq: 2 NOTIFY', 'Max-Forwards: 70', 'Event: refer',
    'Subscription-State: terminated', 'Content-Type: message/sipfrag', `Content-Length: ${frag.length}`, '',
  ) + frag;
  const model = parseTrace(notify + '\r\n' + crlf(...OPTIONS(4), ''));
  assert.deepEqual(model.messages.map((m) => m.startLine.method), ['NOTIFY', 'OPTIONS']);
  assert.equal(model.text.slice(model.messages[0].bodyStart, model.messages[0].bodyEnd), 'SIP/2.0 200 OK');
});

test('LF-only traces: a Content-Length that counted CRLF is not an error', () => {
  const body = 'v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\n';
  const text = crlf(...OK(1, '')).slice(0, -2).replace(/\r\n/g, '\n') + body.replace(/\r\n/g, '\n');
  const fixed = text.replace(/Content-Length: 0/, `Content-Length: ${body.length}`);
  const model = parseTrace(fixed);
  assert.equal(model.messages.length, 1);
  assert.deepEqual(validate(model).map((d) => d.code), []);
});

test('Content-Length larger than the body at end of input: truncated message', () => {
  const text = crlf(...OK(1, 'v=0')).replace('Content-Length: 3', 'Content-Length: 300');
  const found = validate(parseTrace(text));
  assert.deepEqual(found.map((d) => [d.code, d.severity]), [['content-length-exceeds-body', 'error']]);
});

test('a lying Content-Length never swallows the next message', () => {
  const text = crlf(...OK(1, 'v=0')).replace('Content-Length: 3', 'Content-Length: 9999') + '\r\n' + crlf(...OPTIONS(2), '');
  const model = parseTrace(text);
  assert.equal(model.messages.length, 2);
  assert.deepEqual(validate(model).map((d) => d.code), ['content-length-exceeds-body']);
});

test('Content-Length smaller than the body keeps the whole body and warns', () => {
  const text = crlf(...OK(1, 'v=0\r\ns=-')).replace('Content-Length: 8', 'Content-Length: 2');
  const model = parseTrace(text);
  assert.equal(model.messages.length, 1);
  assert.equal(model.text.slice(model.messages[0].bodyStart, model.messages[0].bodyEnd), 'v=0\r\ns=-');
  assert.deepEqual(validate(model).map((d) => [d.code, d.severity]), [['content-length-below-body', 'warning']]);
});

test('a message cut short by the next one: unterminated header block', () => {
  const text = crlf(...OPTIONS(1).slice(0, 4)) + crlf(...OPTIONS(2), '');
  const model = parseTrace(text);
  assert.equal(model.messages.length, 2);
  const found = validate(model);
  assert.deepEqual(found.map((d) => d.code), ['header-block-unterminated']);
  assert.deepEqual(model.lineIndex.positionAt(found[0].start), { line: 3, character: 0 });
});

test('the final blank line lost in a paste is not an alarm', () => {
  const text = OPTIONS(1).join('\n');
  assert.deepEqual(codes(text), []);
});

test('parser problems carry exact ranges', () => {
  const text = crlf('SIP/2.0 99 Weird', 'Via: SIP/2.0/UDP h;branch=z9hG4bK1', 'Call-ID x', ' folded', 'CSeq: 1 INVITE', '');
  const model = parseTrace(text);
  const found = validate(model).map((d) => ({ code: d.code, severity: d.severity, text: text.slice(d.start, d.end) }));
  assert.deepEqual(found, [
    { code: 'status-code-invalid', severity: 'error', text: '99' },
    { code: 'header-missing-colon', severity: 'error', text: 'Call-ID x' },
    { code: 'header-fold-without-header', severity: 'error', text: ' folded' },
  ]);
});

test('headers without a start line are reported, and still read', () => {
  const text = crlf(...OPTIONS(1).slice(1), '');
  const model = parseTrace(text);
  assert.equal(model.messages.length, 1);
  assert.equal(model.messages[0].kind, 'unknown');
  assert.equal(model.messages[0].headers.length, 7);
  assert.deepEqual(validate(model).map((d) => d.code), ['start-line-missing']);
});

test('text that is not SIP at all: one information, no message', () => {
  const model = parseTrace('Hello,\nthis is a note about a call.\nBye\n');
  assert.equal(model.messages.length, 0);
  assert.deepEqual(validate(model).map((d) => [d.code, d.severity]), [['no-sip-message', 'information']]);
  assert.deepEqual(validate(parseTrace('')), []);
});

test('invalid version and extra spaces are reported on their element', () => {
  const text = crlf('INVITE  sip:bob@example.com SIP/3.0', 'Content-Length: 0', '');
  const found = validate(parseTrace(text)).map((d) => [d.code, text.slice(d.start, d.end)]);
  assert.deepEqual(found, [['start-line-whitespace', '  '], ['sip-version-invalid', 'SIP/3.0']]);
});
