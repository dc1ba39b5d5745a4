/**
 * Detection: the wrapping is found from the content, also when ordinary log
 * lines come first or sit between messages, when a log mixes formats, and
 * when a raw trace happens to contain a line that looks like framing; the
 * `traceFormat` option forces a framer.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { parseTrace } from '../../../server/src/sip/parse';
import { detectFramer, framerById, listTraceFormats, sniffTraceFormat } from '../../../server/src/sip/framing/registry';
import { validate } from '../../../server/src/sip/rules/engine';
import { FIXTURES, fixture } from './support';

const crlf = (...lines: string[]) => lines.join('\r\n') + '\r\n';
const options = (n: number) => crlf(
  'OPTIONS sip:bob@example.com SIP/2.0', `Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK${n}`, 'Max-Forwards: 70',
  `From: <sip:alice@example.com>;tag=${n}`, 'To: <sip:bob@example.com>', `Call-ID: opt-${n}@192.0.2.1`, `CSeq: ${n} OPTIONS`,
  'Content-Length: 0', '',
);
const ngrepFrame = (n: number) => `\nU 2024/03/01 10:00:0${n % 10}.000000 192.0.2.1:5060 -> 198.51.100.2:5060\n${options(n).replace(/\r\n/g, '.\n')}\n`;
const sngrepFrame = (n: number) => `2024/03/01 10:00:0${n % 10}.000000 192.0.2.1:5060 -> 198.51.100.2:5060\n${options(n)}\n\n`;
const noise = (count: number) => Array.from({ length: count }, (_, i) => `2024-03-01 09:00:${String(i % 60).padStart(2, '0')} INFO worker[${i}]: heartbeat ok, queue=${i * 7}`).join('\n') + '\n';

test('the ids are public: unique kebab-case ids with labels, each found by framerById', () => {
  const formats = listTraceFormats();
  const ids = formats.map((f) => f.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const f of formats) {
    assert.match(f.id, /^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    assert.ok(f.label.length > 0);
    assert.equal(framerById(f.id)?.id, f.id);
  }
  for (const id of [
    'raw', 'sngrep', 'ngrep', 'asterisk-chan-sip', 'asterisk-pjsip', 'freeswitch', 'kamailio-sipdump', 'opensips-trace',
    'sipp', 'pjsip', 'cisco-ccsip', 'acme-sipmsg', 'lync-sipstack', 'baresip', 'linphone', 'homer', 'tshark-decoded',
  ]) assert.ok(ids.includes(id), id);
  assert.equal(ids[0], 'raw');
});

test('ordinary log lines before the first message do not change the detected format', () => {
  for (const name of fs.readdirSync(FIXTURES)) {
    if (name === 'raw.txt') continue;
    const plain = parseTrace(fixture(name));
    const noisy = parseTrace(noise(120) + fixture(name));
    assert.equal(noisy.format.id, plain.format.id, name);
    assert.equal(noisy.messages.length, plain.messages.length, name);
    assert.deepEqual(validate(noisy).filter((d) => d.severity === 'error'), [], name);
  }
});

test('a long log where tracing starts late: detection keeps sampling past the first lines', () => {
  const text = noise(3000) + ngrepFrame(1) + ngrepFrame(2);
  assert.equal(detectFramer(text).id, 'ngrep');
  assert.equal(parseTrace(text).messages.length, 2);
});

test('a raw trace with one stray framing-looking line stays raw', () => {
  const text = Array.from({ length: 6 }, (_, i) => options(i)).join('\r\n') +
    '\r\nU 192.0.2.1:5060 -> 198.51.100.2:5060\r\n\r\n';
  assert.equal(detectFramer(text).id, 'raw');
  assert.equal(parseTrace(text).messages.length, 6);
});

test('a log mixing two wrappings is read in the one with more framing lines', () => {
  const text = ngrepFrame(1) + '\n' + sngrepFrame(2) + sngrepFrame(3) + sngrepFrame(4);
  assert.equal(detectFramer(text).id, 'sngrep');
  assert.equal(detectFramer(ngrepFrame(1) + ngrepFrame(2) + ngrepFrame(3) + '\n' + sngrepFrame(4)).id, 'ngrep');
});

test('Asterisk: chan_sip and chan_pjsip in one log, with log entries between them', () => {
  const pjsip = (n: number) => `<--- Received SIP request (${Buffer.byteLength(options(n))} bytes) from UDP:192.0.2.1:5060 --->\n${options(n)}\n`;
  const chanSip = (n: number) => `\n<--- SIP read from UDP:192.0.2.1:5060 --->\n${options(n)}\n<------------->\n`;
  const entry = '[2024-03-01 10:00:00] NOTICE[123]: chan_sip.c:1 handle: something happened\n';
  const text = entry + pjsip(1) + entry + pjsip(2) + entry + chanSip(3) + entry + pjsip(4);
  const model = parseTrace(text);
  assert.equal(model.format.id, 'asterisk-pjsip');
  assert.deepEqual(model.messages.map((m) => m.meta.byteCount), [Buffer.byteLength(options(1)), Buffer.byteLength(options(2)), Buffer.byteLength(options(4))]);
  assert.deepEqual(validate(model).filter((d) => d.severity === 'error'), []);
});

test('pjsip\'s "TX ... bytes" and Asterisk\'s "(N bytes)" lines are not confused', () => {
  assert.equal(detectFramer(fixture('pjsip.txt')).id, 'pjsip');
  assert.equal(detectFramer(fixture('asterisk-pjsip.txt')).id, 'asterisk-pjsip');
  assert.equal(detectFramer(fixture('freeswitch-1.10.txt')).id, 'freeswitch');
  assert.equal(detectFramer(fixture('linphone.log')).id, 'linphone');
});

test('text with neither framing nor SIP falls back to raw and says so', () => {
  const model = parseTrace(noise(50));
  assert.equal(model.format.id, 'raw');
  assert.deepEqual(validate(model).map((d) => d.code), ['no-sip-message']);
});

test('the traceFormat option forces a framer; auto and unknown ids detect', () => {
  const text = fixture('ngrep.txt');
  assert.equal(parseTrace(text, { traceFormat: 'raw' }).format.id, 'raw');
  assert.equal(parseTrace(text, { traceFormat: 'auto' }).format.id, 'ngrep');
  assert.equal(parseTrace(text, { traceFormat: 'no-such-format' }).format.id, 'ngrep');
  // The sngrep framer finds no sngrep framing in an ngrep capture.
  const forced = parseTrace(text, { traceFormat: 'sngrep' });
  assert.equal(forced.format.id, 'sngrep');
  assert.equal(forced.messages.length, 0);
  assert.deepEqual(validate(forced).map((d) => d.code), ['no-sip-message']);
  // Forcing the right framer on a file detection would also get gives the same result.
  assert.equal(parseTrace(text, { traceFormat: 'ngrep' }).messages.length, 5);
});

test('forcing tshark-decoded on any file reports the note and nothing else', () => {
  const model = parseTrace(fixture('sngrep.txt'), { traceFormat: 'tshark-decoded' });
  assert.deepEqual(validate(model).map((d) => d.code), ['trace-decoded-not-raw']);
});

test('sniffTraceFormat: a wrapping or a start line is a trace; plain logs are not', () => {
  assert.equal(sniffTraceFormat(fixture('pjsip.txt'))?.id, 'pjsip');
  assert.equal(sniffTraceFormat(fixture('raw.txt'))?.id, 'raw');
  assert.equal(sniffTraceFormat(noise(200)), null);
  assert.equal(sniffTraceFormat(''), null);
});
