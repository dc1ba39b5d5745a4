/**
 * One fixture per trace format, written in the shape the tool writes: each is
 * detected as its format and split into exactly the expected messages with
 * their metadata, with no error diagnostic, no byte-count note, and messages
 * whose lines round-trip to the same message.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { parseTrace } from '../../../server/src/sip/parse';
import { validate } from '../../../server/src/sip/rules/engine';
import { FIXTURES, checkInvariants, checkRoundTrip, describe, fixture, type Expected } from './support';

type Meta = Omit<Expected, 'kind' | 'what'>;

const NONE: Meta = { timestamp: null, time: null, direction: null, transport: null, source: null, destination: null, byteCount: null };
const msg = (kind: Expected['kind'], what: string | number) => (meta: Partial<Meta> = {}): Expected => ({ kind, what, ...NONE, ...meta });
const INVITE = msg('request', 'INVITE');
const TRYING = msg('response', 100);
const OK = msg('response', 200);
const ACK = msg('request', 'ACK');
const OPTIONS = msg('request', 'OPTIONS');
const MESSAGE = msg('request', 'MESSAGE');
const BYE = msg('request', 'BYE');

/** Epoch milliseconds of a UTC date and time, with a fraction of a millisecond. */
const utc = (iso: string, ms = 0) => Date.parse(`${iso}Z`) + ms;
/** Milliseconds since midnight. */
const tod = (h: number, m: number, s: number, ms = 0) => ((h * 60 + m) * 60 + s) * 1000 + ms;

const A = '192.0.2.10:5060';
const B = '198.51.100.20:5060';
const A6 = '[2001:db8::10]:5060';
const B6 = '[2001:db8::20]:5060';
/** Byte counts of the fixtures' messages as sent (CRLF). */
const N = { invite: 599, trying: 268, ok: 563, ack: 293, options6: 265 };

interface Case {
  readonly file: string;
  readonly format: string;
  readonly messages: readonly Expected[];
}

const CASES: readonly Case[] = [
  {
    file: 'raw.txt', format: 'raw',
    messages: [INVITE(), TRYING(), OK(), ACK()],
  },
  {
    file: 'sngrep.txt', format: 'sngrep',
    messages: [
      INVITE({ timestamp: '2024/03/01 10:15:30.123456', time: utc('2024-03-01T10:15:30', 123.456), source: A, destination: B }),
      TRYING({ timestamp: '2024/03/01 10:15:30.125874', time: utc('2024-03-01T10:15:30', 125.874), source: B, destination: A }),
      OK({ timestamp: '2024/03/01 10:15:31.402113', time: utc('2024-03-01T10:15:31', 402.113), source: B, destination: A }),
      ACK({ timestamp: '2024/03/01 10:15:31.410007', time: utc('2024-03-01T10:15:31', 410.007), source: A, destination: B }),
      OPTIONS({ timestamp: '2024/03/01 10:15:40.000001', time: utc('2024-03-01T10:15:40', 0.001), source: A6, destination: B6 }),
    ],
  },
  {
    file: 'ngrep.txt', format: 'ngrep',
    messages: [
      INVITE({ timestamp: '2024/03/01 10:15:30.123456', time: utc('2024-03-01T10:15:30', 123.456), transport: 'UDP', source: A, destination: B }),
      TRYING({ timestamp: '2024/03/01 10:15:30.125874', time: utc('2024-03-01T10:15:30', 125.874), transport: 'UDP', source: B, destination: A }),
      OK({ timestamp: '2024/03/01 10:15:31.402113', time: utc('2024-03-01T10:15:31', 402.113), transport: 'UDP', source: B, destination: A }),
      ACK({ timestamp: '2024/03/01 10:15:31.410007', time: utc('2024-03-01T10:15:31', 410.007), transport: 'UDP', source: A, destination: B }),
      OPTIONS({ timestamp: '2024/03/01 10:15:40.000001', time: utc('2024-03-01T10:15:40', 0.001), transport: 'TCP', source: A6, destination: B6 }),
    ],
  },
  {
    file: 'asterisk-chan-sip.txt', format: 'asterisk-chan-sip',
    messages: [
      INVITE({ direction: 'received', transport: 'UDP', source: A }),
      TRYING({ direction: 'sent', destination: A }),
      OK({ direction: 'sent', destination: A }),
      ACK({ direction: 'received', transport: 'UDP', source: A }),
      BYE({ direction: 'sent', destination: A }),
    ],
  },
  {
    file: 'asterisk-chan-sip-console.txt', format: 'asterisk-chan-sip',
    messages: [
      INVITE({ timestamp: 'Mar  1 10:15:30', time: tod(10, 15, 30), direction: 'received', transport: 'UDP', source: A }),
      TRYING({ timestamp: 'Mar  1 10:15:30', time: tod(10, 15, 30), direction: 'sent', destination: A }),
      OK({ timestamp: 'Mar  1 10:15:31', time: tod(10, 15, 31), direction: 'sent', destination: A }),
    ],
  },
  {
    file: 'asterisk-chan-sip-full.log', format: 'asterisk-chan-sip',
    messages: [
      INVITE({ timestamp: '2024-03-01 10:15:30.118', time: utc('2024-03-01T10:15:30', 118), direction: 'received', transport: 'UDP', source: A }),
      TRYING({ timestamp: '2024-03-01 10:15:30.121', time: utc('2024-03-01T10:15:30', 121), direction: 'sent', destination: A }),
      OK({ timestamp: '2024-03-01 10:15:31.400', time: utc('2024-03-01T10:15:31', 400), direction: 'sent', destination: A }),
    ],
  },
  {
    file: 'asterisk-pjsip.txt', format: 'asterisk-pjsip',
    messages: [
      INVITE({ direction: 'received', transport: 'UDP', source: A, byteCount: N.invite }),
      TRYING({ direction: 'sent', transport: 'UDP', destination: A, byteCount: N.trying }),
      OK({ direction: 'sent', transport: 'UDP', destination: A, byteCount: N.ok }),
      ACK({ direction: 'received', transport: 'UDP', source: A, byteCount: N.ack }),
      OPTIONS({ direction: 'received', transport: 'UDP', source: A6, byteCount: N.options6 }),
    ],
  },
  {
    file: 'freeswitch-1.8.txt', format: 'freeswitch',
    messages: [
      INVITE({ timestamp: '10:15:30.123456', time: tod(10, 15, 30, 123.456), direction: 'received', transport: 'UDP', source: A, byteCount: N.invite }),
      TRYING({ timestamp: '10:15:30.124101', time: tod(10, 15, 30, 124.101), direction: 'sent', transport: 'UDP', destination: A, byteCount: N.trying }),
      OK({ timestamp: '10:15:31.402113', time: tod(10, 15, 31, 402.113), direction: 'sent', transport: 'UDP', destination: A, byteCount: N.ok }),
      ACK({ timestamp: '10:15:31.410007', time: tod(10, 15, 31, 410.007), direction: 'received', transport: 'UDP', source: A, byteCount: N.ack }),
      OPTIONS({ timestamp: '10:15:40.000001', time: tod(10, 15, 40, 0.001), direction: 'received', transport: 'UDP', source: A6, byteCount: N.options6 }),
    ],
  },
  {
    file: 'freeswitch-1.10.txt', format: 'freeswitch',
    messages: [
      INVITE({ timestamp: '10:15:30.123456', time: tod(10, 15, 30, 123.456), direction: 'received', transport: 'UDP', source: A, byteCount: N.invite }),
      TRYING({ timestamp: '10:15:30.124101', time: tod(10, 15, 30, 124.101), direction: 'sent', transport: 'UDP', destination: A, byteCount: N.trying }),
      OK({ timestamp: '10:15:31.402113', time: tod(10, 15, 31, 402.113), direction: 'sent', transport: 'UDP', destination: A, byteCount: N.ok }),
      ACK({ timestamp: '10:15:31.410007', time: tod(10, 15, 31, 410.007), direction: 'received', transport: 'UDP', source: A, byteCount: N.ack }),
    ],
  },
  {
    file: 'kamailio-sipdump.txt', format: 'kamailio-sipdump',
    messages: [
      INVITE({ timestamp: 'Fri Mar  1 10:15:30 2024', time: utc('2024-03-01T10:15:30', 123.456), direction: 'received', transport: 'UDP', source: A, destination: B }),
      TRYING({ timestamp: 'Fri Mar  1 10:15:30 2024', time: utc('2024-03-01T10:15:30', 125.874), direction: 'sent', transport: 'UDP', source: B, destination: A }),
      OK({ timestamp: 'Fri Mar  1 10:15:31 2024', time: utc('2024-03-01T10:15:31', 402.113), direction: 'sent', transport: 'UDP', source: B, destination: A }),
      ACK({ timestamp: 'Fri Mar  1 10:15:31 2024', time: utc('2024-03-01T10:15:31', 410.007), direction: 'received', transport: 'UDP', source: A, destination: B }),
      MESSAGE({ timestamp: 'Fri Mar  1 10:15:35 2024', time: utc('2024-03-01T10:15:35', 0.1), direction: 'received', transport: 'TCP', source: '[2001:db8::10]:41234', destination: B6 }),
    ],
  },
  {
    file: 'opensips-trace.txt', format: 'opensips-trace',
    messages: [
      INVITE({ timestamp: '1709288130.123456', time: utc('2024-03-01T10:15:30', 123.456), transport: 'UDP', source: A, destination: B }),
      // HEP microseconds printed without padding: .12345 is 12345 us.
      TRYING({ timestamp: '1709288130.12345', time: utc('2024-03-01T10:15:30', 12.345), transport: 'UDP', source: B, destination: A }),
      OK({ timestamp: '1709288131.402113', time: utc('2024-03-01T10:15:31', 402.113), transport: 'UDP', source: B, destination: A }),
      ACK({ timestamp: '1709288131.410007', time: utc('2024-03-01T10:15:31', 410.007), transport: 'UDP', source: A, destination: B }),
      OPTIONS({ timestamp: '1709288140.1', time: utc('2024-03-01T10:15:40', 0.001), transport: 'TCP', source: A6, destination: B6 }),
    ],
  },
  {
    file: 'sipp.txt', format: 'sipp',
    messages: [
      INVITE({ timestamp: '2024-03-01 10:15:30.123456', time: utc('2024-03-01T10:15:30', 123.456), direction: 'sent', transport: 'UDP', byteCount: N.invite }),
      TRYING({ timestamp: '2024-03-01 10:15:30.125874', time: utc('2024-03-01T10:15:30', 125.874), direction: 'received', transport: 'UDP', byteCount: N.trying }),
      OK({ timestamp: '2024-03-01 10:15:31.402113', time: utc('2024-03-01T10:15:31', 402.113), direction: 'received', transport: 'UDP', byteCount: N.ok }),
      // The "Unexpected UDP message received" block repeats the 200 OK: not a message.
      ACK({ timestamp: '2024-03-01 10:15:31.410007', time: utc('2024-03-01T10:15:31', 410.007), direction: 'sent', transport: 'UDP', byteCount: N.ack }),
    ],
  },
  {
    file: 'sipp-3.7.txt', format: 'sipp',
    messages: [
      INVITE({ timestamp: '2024-03-01T10:15:30.123456Z', time: utc('2024-03-01T10:15:30', 123.456), direction: 'sent', transport: 'TCP', byteCount: N.invite }),
      TRYING({ timestamp: '2024-03-01T10:15:30.125874Z', time: utc('2024-03-01T10:15:30', 125.874), direction: 'received', transport: 'TCP', byteCount: N.trying }),
      OK({ timestamp: '2024-03-01T10:15:31.402113Z', time: utc('2024-03-01T10:15:31', 402.113), direction: 'received', transport: 'TCP', byteCount: N.ok }),
      ACK({ timestamp: '2024-03-01T10:15:31.410007Z', time: utc('2024-03-01T10:15:31', 410.007), direction: 'sent', transport: 'TCP', byteCount: N.ack }),
    ],
  },
  {
    file: 'pjsip.txt', format: 'pjsip',
    messages: [
      INVITE({ timestamp: '10:15:30.123', time: tod(10, 15, 30, 123), direction: 'sent', transport: 'UDP', destination: B, byteCount: N.invite }),
      TRYING({ timestamp: '10:15:30.125', time: tod(10, 15, 30, 125), direction: 'received', transport: 'UDP', source: B, byteCount: N.trying }),
      OK({ timestamp: '10:15:31.402', time: tod(10, 15, 31, 402), direction: 'received', transport: 'UDP', source: B, byteCount: N.ok }),
      ACK({ timestamp: '10:15:31.410', time: tod(10, 15, 31, 410), direction: 'sent', transport: 'UDP', destination: B, byteCount: N.ack }),
      OPTIONS({ timestamp: '10:15:40.000', time: tod(10, 15, 40), direction: 'received', transport: 'UDP', source: A6, byteCount: N.options6 }),
    ],
  },
  {
    file: 'pjsip-syslog.log', format: 'pjsip',
    messages: [
      INVITE({ timestamp: '10:15:30.123', time: tod(10, 15, 30, 123), direction: 'sent', transport: 'TLS', destination: '198.51.100.20:5061', byteCount: N.invite }),
      TRYING({ timestamp: '10:15:30.125', time: tod(10, 15, 30, 125), direction: 'received', transport: 'TLS', source: '198.51.100.20:5061', byteCount: N.trying }),
    ],
  },
  {
    file: 'pjsip-logcat.txt', format: 'pjsip',
    messages: [INVITE({ direction: 'sent', transport: 'TLS', destination: '198.51.100.20:5061', byteCount: N.invite })],
  },
  {
    file: 'cisco-ccsip.txt', format: 'cisco-ccsip',
    messages: [
      INVITE({ timestamp: 'Mar  1 10:15:30.123', time: tod(10, 15, 30, 123), direction: 'received' }),
      TRYING({ timestamp: 'Mar  1 10:15:30.127', time: tod(10, 15, 30, 127), direction: 'sent' }),
      OK({ timestamp: 'Mar  1 10:15:31.402', time: tod(10, 15, 31, 402), direction: 'sent' }),
      ACK({ timestamp: 'Mar  1 10:15:31.410', time: tod(10, 15, 31, 410), direction: 'received' }),
      OPTIONS({ timestamp: 'Mar  1 10:15:40.000', time: tod(10, 15, 40), direction: 'received', transport: 'UDP', source: '203.0.113.5:5060', destination: B }),
    ],
  },
  {
    file: 'acme-sipmsg.log', format: 'acme-sipmsg',
    messages: [
      INVITE({ timestamp: 'Mar  1 10:15:30.123', time: tod(10, 15, 30, 123), direction: 'received', source: A, destination: B }),
      TRYING({ timestamp: 'Mar  1 10:15:30.125', time: tod(10, 15, 30, 125), direction: 'sent', source: B, destination: A }),
      OK({ timestamp: 'Mar  1 10:15:31.402', time: tod(10, 15, 31, 402), direction: 'sent', source: B, destination: A }),
      ACK({ timestamp: 'Mar  1 10:15:31.410', time: tod(10, 15, 31, 410), direction: 'received', source: A, destination: B }),
    ],
  },
  {
    file: 'lync-sipstack.log', format: 'lync-sipstack',
    messages: [
      INVITE({ timestamp: '03/01/2024-10:15:30.123', time: utc('2024-03-01T10:15:30', 123), direction: 'received', source: '192.0.2.10:5061' }),
      TRYING({ timestamp: '03/01/2024-10:15:30.125', time: utc('2024-03-01T10:15:30', 125), direction: 'sent', destination: '192.0.2.10:5061' }),
      OK({ timestamp: '03/01/2024-10:15:31.402', time: utc('2024-03-01T10:15:31', 402), direction: 'sent', destination: '192.0.2.10:5061' }),
    ],
  },
  {
    file: 'baresip.txt', format: 'baresip',
    messages: [
      INVITE({ timestamp: '10:15:30.123', time: tod(10, 15, 30, 123), transport: 'UDP', source: A, destination: B }),
      TRYING({ timestamp: '10:15:30.125', time: tod(10, 15, 30, 125), transport: 'UDP', source: B, destination: A }),
      OK({ timestamp: '10:15:31.402', time: tod(10, 15, 31, 402), transport: 'UDP', source: B, destination: A }),
      ACK({ timestamp: '10:15:31.410', time: tod(10, 15, 31, 410), transport: 'UDP', source: A, destination: B }),
      MESSAGE({ timestamp: '10:15:35.000', time: tod(10, 15, 35), transport: 'UDP', source: A, destination: B }),
    ],
  },
  {
    file: 'linphone.log', format: 'linphone',
    messages: [
      INVITE({ timestamp: '2024-03-01 10:15:30:123', time: utc('2024-03-01T10:15:30', 123), direction: 'sent', transport: 'UDP', destination: 'sip.example.com:5060', byteCount: N.invite }),
      TRYING({ timestamp: '2024-03-01 10:15:30:125', time: utc('2024-03-01T10:15:30', 125), direction: 'received', transport: 'UDP', source: B, byteCount: N.trying }),
      OK({ timestamp: '2024-03-01 10:15:31:402', time: utc('2024-03-01T10:15:31', 402), direction: 'received', transport: 'UDP', source: B, byteCount: N.ok }),
      ACK({ timestamp: '2024-03-01 10:15:31:410', time: utc('2024-03-01T10:15:31', 410), direction: 'sent', transport: 'UDP', destination: 'sip.example.com:5060', byteCount: N.ack }),
    ],
  },
  {
    file: 'homer.txt', format: 'homer',
    messages: [
      INVITE({ timestamp: '2024-03-01T10:15:30.123456Z', time: utc('2024-03-01T10:15:30', 123.456), transport: 'UDP', source: A, destination: B }),
      TRYING({ timestamp: '2024-03-01T10:15:30.125874Z', time: utc('2024-03-01T10:15:30', 125.874), transport: 'UDP', source: B, destination: A }),
      OK({ timestamp: '2024-03-01T10:15:31.402113Z', time: utc('2024-03-01T10:15:31', 402.113), transport: 'UDP', source: B, destination: A }),
      ACK({ timestamp: '2024-03-01T10:15:31.410007Z', time: utc('2024-03-01T10:15:31', 410.007), transport: 'UDP', source: A, destination: B }),
    ],
  },
  {
    file: 'syslog-escaped.log', format: 'syslog-escaped',
    messages: [
      INVITE({ timestamp: 'Mar  1 10:15:30', time: tod(10, 15, 30) }),
      TRYING({ timestamp: 'Mar  1 10:15:30', time: tod(10, 15, 30) }),
      OK({ timestamp: 'Mar  1 10:15:31', time: tod(10, 15, 31), direction: 'sent', transport: 'UDP', destination: A }),
    ],
  },
  {
    file: 'avaya.log', format: 'avaya',
    messages: [
      INVITE({ timestamp: '2024-03-01 10:15:30,123', time: utc('2024-03-01T10:15:30', 123), direction: 'sent', destination: A }),
      TRYING({ timestamp: '2024-03-01 10:15:30,125', time: utc('2024-03-01T10:15:30', 125), direction: 'received', transport: 'UDP', source: A }),
    ],
  },
  {
    file: 'ribbon.log', format: 'ribbon',
    messages: [
      INVITE({ timestamp: '03012024 101530.123456', time: utc('2024-03-01T10:15:30', 123.456), direction: 'received', source: A, destination: B }),
      TRYING({ timestamp: '03012024 101530.125874', time: utc('2024-03-01T10:15:30', 125.874), direction: 'sent', source: B, destination: A }),
      OK({ timestamp: '03012024 101531.402113', time: utc('2024-03-01T10:15:31', 402.113), direction: 'sent', source: B, destination: A }),
    ],
  },
  {
    file: 'thomson.txt', format: 'thomson',
    messages: [
      // The phone's uptime: kept as written, not a clock time.
      INVITE({ timestamp: '00:01:15:30:123', direction: 'received', transport: 'UDP', source: B, byteCount: 611 }),
      TRYING({ timestamp: '00:01:15:30:125', direction: 'sent', transport: 'UDP', destination: B, byteCount: 274 }),
      OK({ timestamp: '00:01:15:31:402', direction: 'sent', transport: 'UDP', destination: B, byteCount: 560 }),
    ],
  },
  {
    file: 'tshark-follow.txt', format: 'tshark-follow',
    messages: [
      INVITE({ transport: 'UDP', source: A, destination: B, byteCount: N.invite }),
      TRYING({ transport: 'UDP', source: B, destination: A, byteCount: N.trying }),
      OK({ transport: 'UDP', source: B, destination: A, byteCount: N.ok }),
      ACK({ transport: 'UDP', source: A, destination: B, byteCount: N.ack }),
    ],
  },
];

for (const c of CASES) {
  test(`${c.file}: detected as ${c.format}, messages and metadata exact`, () => {
    const text = fixture(c.file);
    const model = parseTrace(text);
    assert.equal(model.format.id, c.format);
    assert.deepEqual(model.messages.map(describe), c.messages);
    const found = validate(model);
    assert.deepEqual(found.filter((d) => d.severity === 'error').map((d) => `${d.code}: ${text.slice(d.start, d.end)}`), [], 'no error');
    assert.deepEqual(found.filter((d) => d.code === 'frame-byte-count-mismatch'), [], 'byte counts agree');
    checkInvariants(model);
  });

  test(`${c.file}: every message round-trips through the raw framer`, () => {
    checkRoundTrip(parseTrace(fixture(c.file)));
  });
}

test('tshark-decoded.txt: recognised, no message, one information note at the top and nothing else', () => {
  const text = fixture('tshark-decoded.txt');
  const model = parseTrace(text);
  assert.equal(model.format.id, 'tshark-decoded');
  assert.equal(model.messages.length, 0);
  const found = validate(model);
  assert.deepEqual(found.map((d) => [d.code, d.severity, d.start]), [['trace-decoded-not-raw', 'information', 0]]);
  assert.equal(found[0].end, text.indexOf('\n'));
  assert.match(found[0].message, /decoded packet tree/);
});

test('every fixture is covered by a case', () => {
  const covered = new Set([...CASES.map((c) => c.file), 'tshark-decoded.txt']);
  assert.deepEqual(fs.readdirSync(FIXTURES).filter((f) => !covered.has(f)), []);
});
