/**
 * What the framing strips and repairs, checked at exact positions: header
 * ranges start after each tool's prefix, repaired CRs become CRLF line ends,
 * escaped lines become sub-ranges of one physical line, log lines between
 * messages get no diagnostic, and byte counts that disagree get a note.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTrace } from '../../../server/src/sip/parse';
import { validate } from '../../../server/src/sip/rules/engine';
import { Eol, LINE_STRIDE, type SipMessage, type TraceModel } from '../../../server/src/sip/model';
import { CORPUS, readText } from '../helpers';
import * as path from 'node:path';
import { checkInvariants, fixture, logicalLines } from './support';

function header(m: SipMessage, key: string) {
  const h = m.headers.find((x) => x.key === key);
  assert.ok(h, `${key} header`);
  return h;
}

function eols(m: SipMessage): Eol[] {
  const out: Eol[] = [];
  for (let i = 0; i < m.lines.length; i += LINE_STRIDE) out.push(m.lines[i + 2] as Eol);
  return out;
}

/** Where a diagnostic may sit: inside a message or on its framing line. */
function insideMessages(model: TraceModel, offset: number): boolean {
  return model.messages.some((m) => (offset >= m.start && offset <= m.end) || (offset >= m.meta.frameStart && offset <= m.meta.frameEnd));
}

test('Asterisk console: every line prefixed with [date]; headers start after the prefix', () => {
  const text = fixture('asterisk-chan-sip-console.txt');
  const model = parseTrace(text);
  const invite = model.messages[0];
  const via = header(invite, 'via');
  const prefix = '[Mar  1 10:15:30] ';
  const lineStart = text.lastIndexOf('\n', via.nameStart) + 1;
  assert.equal(text.slice(lineStart, via.nameStart), prefix);
  assert.equal(model.lineIndex.positionAt(via.nameStart).character, prefix.length);
  assert.equal(text.slice(via.valueStart, via.valueEnd), 'SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK776asdhds;rport');
  assert.equal(text.slice(invite.startLine.start, invite.startLine.end), 'INVITE sip:bob@example.com SIP/2.0');
  assert.equal(text.slice(invite.bodyStart, invite.bodyStart + 3), 'v=0');
  // The body's lines are the SDP without prefixes.
  assert.deepEqual(logicalLines(text, invite).slice(invite.bodyLine, invite.bodyLine + 2), ['v=0', 'o=alice 2890844526 2890844526 IN IP4 192.0.2.10']);
});

test('NAT keepalives (jaK) inside chan_sip frames are not messages', () => {
  const model = parseTrace(fixture('asterisk-chan-sip-console.txt'));
  assert.ok(model.messages.every((m) => m.kind !== 'unknown'));
  assert.equal(model.messages[0].startLine.method, 'INVITE');
});

test('FreeSWITCH 1.8: 3-space indent stripped, CRLF-less lines, closing dashes not in the message', () => {
  const text = fixture('freeswitch-1.8.txt');
  const model = parseTrace(text);
  const invite = model.messages[0];
  const cseq = header(invite, 'cseq');
  assert.equal(model.lineIndex.positionAt(cseq.nameStart).character, 3);
  assert.equal(text.slice(cseq.nameStart, cseq.valueEnd), 'CSeq: 314159 INVITE');
  assert.ok(eols(invite).every((e) => e === Eol.Lf));
  assert.ok(!text.slice(invite.start, invite.end).includes('-'.repeat(72)));
  assert.equal(text.slice(invite.bodyEnd - 10, invite.bodyEnd), 'a=sendrecv');
});

test('FreeSWITCH with a per-line prefix (a Go comment): prefix and indent stripped', () => {
  const text = readText(path.join(CORPUS, 'formats', 'freeswitch_sofia_siptrace_gosip_example.txt'));
  const model = parseTrace(text);
  assert.equal(model.format.id, 'freeswitch');
  const [invite, trying] = model.messages;
  const via = header(invite, 'via');
  assert.equal(model.lineIndex.positionAt(via.nameStart).character, '//    '.length);
  assert.equal(text.slice(invite.startLine.start, invite.startLine.end), 'INVITE sip:10.11.34.37 SIP/2.0');
  // `//` alone is the empty line between headers and body.
  assert.equal(logicalLines(text, invite)[invite.bodyLine - 1], '');
  assert.equal(trying.startLine.status, 100);
  assert.deepEqual(validate(model), []);
});

test('pjsip in syslog: the learnt prefix is stripped; another program\'s line is skipped', () => {
  const text = fixture('pjsip-syslog.log');
  const model = parseTrace(text);
  const invite = model.messages[0];
  const lines = logicalLines(text, invite);
  assert.ok(!lines.some((l) => l.includes('ntpd')), 'the ntpd line is not part of the message');
  assert.equal(lines[0], 'INVITE sip:bob@example.com SIP/2.0');
  const from = header(invite, 'from');
  const prefix = 'Mar  1 10:15:30 phone1 phoneapp[1088]: ';
  assert.equal(model.lineIndex.positionAt(from.nameStart).character, prefix.length);
  assert.equal(text.slice(from.valueStart, from.valueEnd), '"Alice" <sip:alice@example.com>;tag=9fxced76sl');
  assert.equal(header(invite, 'content-length').valueStart > 0, true);
  assert.deepEqual(validate(model).filter((d) => d.severity === 'error'), []);
});

test('ngrep -W byline: the trailing dot is a CR, repaired as a CRLF line end', () => {
  const text = fixture('ngrep.txt');
  const model = parseTrace(text);
  const invite = model.messages[0];
  const lines = logicalLines(text, invite);
  assert.ok(lines.every((l) => !l.endsWith('.')), 'no dot left');
  assert.ok(eols(invite).every((e) => e === Eol.CrLf));
  const cl = header(invite, 'content-length');
  assert.equal(text.slice(cl.valueStart, cl.valueEnd), '209');
  assert.equal(text.charAt(cl.valueEnd), '.', 'the dot stays in the text, outside the value');
  assert.equal(text.slice(invite.bodyStart, invite.bodyEnd).replace(/\.\n/g, '\r\n'), [
    'v=0', 'o=alice 2890844526 2890844526 IN IP4 192.0.2.10', 's=-', 'c=IN IP4 192.0.2.10', 't=0 0',
    'm=audio 49170 RTP/AVP 0 8 101', 'a=rtpmap:0 PCMU/8000', 'a=rtpmap:8 PCMA/8000', 'a=rtpmap:101 telephone-event/8000', 'a=sendrecv',
  ].join('\r\n'));
  // ngrep's "exit" after the last packet is not part of it.
  assert.ok(!text.slice(model.messages[4].start, model.messages[4].end).includes('exit'));
});

test('ngrep: a TCP segment holding two messages gives two messages with the same metadata', () => {
  const crlf = (...l: string[]) => l.join('\r\n') + '\r\n';
  const a = crlf('OPTIONS sip:a@example.com SIP/2.0', 'Via: SIP/2.0/TCP 192.0.2.1;branch=z9hG4bK1', 'Max-Forwards: 70', 'From: <sip:b@example.com>;tag=1', 'To: <sip:a@example.com>', 'Call-ID: 1', 'CSeq: 1 OPTIONS', 'Content-Length: 0', '');
  const b = a.replace(/Call-ID: 1/, 'Call-ID: 2').replace('z9hG4bK1', 'z9hG4bK2');
  const text = `T 2024/03/01 10:00:00.000001 192.0.2.1:5060 -> 198.51.100.2:5060 [AP]\n${(a + b).replace(/\r\n/g, '.\n')}\n`;
  const model = parseTrace(text);
  assert.equal(model.format.id, 'ngrep');
  assert.equal(model.messages.length, 2);
  assert.deepEqual(model.messages[0].meta, model.messages[1].meta);
  assert.deepEqual(validate(model).filter((d) => d.severity === 'error'), []);
  checkInvariants(model);
});

test('Avaya: a literal ^M is a CR; the message starts inside the log line', () => {
  const text = fixture('avaya.log');
  const model = parseTrace(text);
  const invite = model.messages[0];
  const lineStart = text.lastIndexOf('\n', invite.start) + 1;
  assert.ok(invite.start > lineStart, 'the start line begins inside the log line');
  assert.equal(text.slice(invite.startLine.start, invite.startLine.end), 'INVITE sip:bob@example.com SIP/2.0');
  assert.ok(logicalLines(text, invite).every((l) => !l.includes('^M')));
  assert.ok(eols(invite).slice(0, -1).every((e) => e === Eol.CrLf));
});

test('#015#012 escapes: logical lines are sub-ranges of one physical line, with CRLF ends', () => {
  const text = fixture('syslog-escaped.log');
  const model = parseTrace(text);
  const invite = model.messages[0];
  const physical = model.lineIndex.positionAt(invite.start).line;
  assert.equal(model.lineIndex.positionAt(invite.end - 1).line, physical, 'the whole message is on one line');
  assert.ok(eols(invite).slice(0, -1).every((e) => e === Eol.CrLf));
  const via = header(invite, 'via');
  assert.equal(text.slice(via.nameStart, via.valueEnd), 'Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK776asdhds;rport');
  assert.equal(text.slice(via.valueEnd, via.valueEnd + 8), '#015#012');
  assert.equal(logicalLines(text, invite).length, 22); // start line, 10 headers, empty line, 10 SDP lines
  // AudioCodes: the trailer after the body is dropped (Content-Length ends the body).
  const ok = model.messages[2];
  assert.equal(text.slice(ok.bodyEnd - 10, ok.bodyEnd), 'a=sendrecv');
  assert.ok(!text.slice(ok.start, ok.end).includes('[Time:'));
});

test('Lync: the start line is the Start-Line value; an empty line stands where Message-Body begins', () => {
  const text = fixture('lync-sipstack.log');
  const model = parseTrace(text);
  const invite = model.messages[0];
  const sl = invite.startLine;
  assert.equal(text.slice(sl.start - 'Start-Line: '.length, sl.start), 'Start-Line: ');
  const blank = invite.bodyLine - 1;
  const at = invite.lines[blank * LINE_STRIDE];
  assert.equal(invite.lines[blank * LINE_STRIDE + 1], at, 'a zero-length line');
  assert.equal(text.slice(at, at + 'Message-Body: '.length), 'Message-Body: ');
  assert.equal(text.slice(invite.bodyStart, invite.bodyStart + 3), 'v=0');
  // The diagnostic record (SIP-Start-Line) is not a message.
  assert.deepEqual(model.messages.map((m) => m.startLine.method ?? m.startLine.status), ['INVITE', 100, 200]);
});

test('Kamailio sipdump: a body without a final CRLF shares its line with the closing bars', () => {
  const text = fixture('kamailio-sipdump.txt');
  const model = parseTrace(text);
  const message = model.messages[4];
  assert.equal(text.slice(message.bodyStart, message.bodyEnd), 'Hello');
  assert.equal(text.slice(message.end, message.end + 20), '|'.repeat(20));
});

test('Cisco: a log flattened into one line is split back into header lines', () => {
  const text = readText(path.join(CORPUS, 'formats', 'cisco_ios_debug_ccsip_variants.txt'));
  const model = parseTrace(text);
  const flat = model.messages[4];
  assert.equal(text.slice(flat.startLine.start, flat.startLine.end), 'INVITE sip:+1XXXXXXXXXX@XX.XX.XX.XX:5061;transport=tls;dtg=sbc_lgu SIP/2.0');
  assert.deepEqual(flat.headers.map((h) => h.name), ['Via', 'From', 'To', 'Call-ID', 'CSeq']);
  assert.equal(flat.meta.direction, 'received');
});

test('a byte count that disagrees with the text is one information note on the count, never an error', () => {
  const original = fixture('freeswitch-1.8.txt');
  const text = original.replace('recv 599 bytes', 'recv 650 bytes');
  const found = validate(parseTrace(text));
  assert.deepEqual(found.map((d) => [d.code, d.severity, text.slice(d.start, d.end)]), [['frame-byte-count-mismatch', 'information', '650']]);
  assert.match(found[0].message, /650 bytes/);
  // A count that fits the text once each LF is read as CRLF is fine.
  assert.deepEqual(validate(parseTrace(original)), []);
});

test('a message the trace cut short at the end keeps what is there', () => {
  const text = fixture('sipp.txt');
  const cut = text.slice(0, text.indexOf('a=rtpmap:8'));
  const model = parseTrace(cut);
  assert.equal(model.messages.length, 1);
  assert.equal(model.messages[0].startLine.method, 'INVITE');
  const codes = validate(model).map((d) => d.code);
  assert.ok(codes.includes('frame-byte-count-mismatch'));
  assert.ok(codes.includes('content-length-exceeds-body'));
});

test('ordinary log lines between messages get no diagnostic in any fixture', () => {
  for (const name of ['asterisk-chan-sip.txt', 'asterisk-pjsip.txt', 'freeswitch-1.10.txt', 'pjsip.txt', 'cisco-ccsip.txt', 'acme-sipmsg.log', 'baresip.txt', 'linphone.log', 'syslog-escaped.log', 'avaya.log', 'ribbon.log', 'opensips-trace.txt']) {
    const model = parseTrace(fixture(name));
    for (const d of validate(model)) assert.ok(insideMessages(model, d.start), `${name}: ${d.code} outside a message`);
  }
});

test('a log line inside a frame without an end marker ends the message (FreeSWITCH 1.10)', () => {
  const text = fixture('freeswitch-1.10.txt');
  const model = parseTrace(text);
  for (const m of model.messages) assert.ok(!text.slice(m.start, m.end).includes('[NOTICE]'));
});

test('Linphone: a message received in two read() chunks is one message; one chunk with two messages is two', () => {
  const text = fixture('linphone.log');
  const ok = text.slice(text.indexOf('SIP/2.0 200 OK'), text.indexOf('2024-03-01 10:15:31:410'));
  const cut = ok.indexOf('m=audio');
  const head = '2024-03-01 10:15:31:402 belle-sip-message-channel [0x55d0c1e0b110]: received';
  const split = `${head} [${Buffer.byteLength(ok.slice(0, cut)) + 1}] new bytes from [TCP://198.51.100.20:5060]:\n${ok.slice(0, cut)}\n` +
    `${head} [${Buffer.byteLength(ok.slice(cut))}] new bytes from [TCP://198.51.100.20:5060]:\n${ok.slice(cut)}`;
  const model = parseTrace(split);
  assert.equal(model.format.id, 'linphone');
  assert.equal(model.messages.length, 1);
  assert.equal(split.slice(model.messages[0].bodyEnd - 10, model.messages[0].bodyEnd), 'a=sendrecv');
  assert.deepEqual(validate(model).filter((d) => d.severity === 'error' || d.code === 'frame-byte-count-mismatch'), []);

  const trying = text.slice(text.indexOf('SIP/2.0 100 Trying'), text.indexOf('2024-03-01 10:15:31:402'));
  const both = `${head} [${Buffer.byteLength(trying + ok)}] new bytes from [TCP://198.51.100.20:5060]:\n${trying}${ok}`;
  assert.deepEqual(parseTrace(both).messages.map((m) => m.startLine.status), [100, 200]);
});
