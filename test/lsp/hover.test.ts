/**
 * Hover over LSP on the real server: every registered status code, every
 * method and every header of the knowledge tables in a real trace, plus
 * reason phrases, compact forms, parameters, Q.850 causes and SDP lines.
 */
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { LspClient, type Hover } from './lspClient';
import { REGISTERED_STATUS_CODES, lookupStatusCode } from '../../server/src/sip/knowledge/statusCodes';
import { METHOD_NAMES } from '../../server/src/sip/knowledge/methods';
import { HEADERS } from '../../server/src/sip/knowledge/headers';
import { crlf } from '../unit/helpers';

let client: LspClient;
before(async () => {
  client = await LspClient.start();
});
after(async () => {
  await client.stop();
});

async function openDocument(uri: string, text: string): Promise<string[]> {
  const published = client.nextDiagnostics(uri);
  client.open(uri, text);
  await published;
  return text.split('\n');
}

/** Hover at the first occurrence of `marker` (`|` marks the cursor) at or after line `from`. */
async function hoverAt(uri: string, lines: string[], marker: string, from = 0): Promise<Hover | null> {
  const needle = marker.replace('|', '');
  const line = lines.findIndex((l, i) => i >= from && l.includes(needle));
  assert.notEqual(line, -1, `marker ${marker} not found`);
  return client.hover(uri, line, lines[line].indexOf(needle) + marker.indexOf('|'));
}

function response(code: number, reason: string, seq: number): string {
  return crlf(`SIP/2.0 ${code} ${reason}`, 'Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK' + seq, 'From: <sip:a@example.com>;tag=1',
    'To: <sip:b@example.com>;tag=2', `Call-ID: codes-${seq}`, `CSeq: ${seq} INVITE`, 'Content-Length: 0', '');
}

test('every registered status code: code and reason phrase hover with the official phrase and class', async () => {
  const uri = 'file:///tmp/all-codes.sip';
  const text = REGISTERED_STATUS_CODES.map((code, i) => response(code, lookupStatusCode(code)!.reason, i + 1)).join('\r\n');
  const lines = await openDocument(uri, text);
  let line = 0;
  for (const code of REGISTERED_STATUS_CODES) {
    const info = lookupStatusCode(code)!;
    line = lines.findIndex((l, i) => i >= line && l.startsWith(`SIP/2.0 ${code} `));
    const onCode = await client.hover(uri, line, 9);
    assert.ok(onCode, `hover on ${code}`);
    const summary = onCode.contents.value.split('\n')[0];
    assert.ok(summary.startsWith(`**${code} ${info.reason}** — ${Math.floor(code / 100)}xx `), summary);
    assert.deepEqual(onCode.range, { start: { line, character: 8 }, end: { line, character: 11 } });
    const onReason = await client.hover(uri, line, 13);
    assert.equal(onReason?.contents.value.split('\n')[0], summary, `reason phrase of ${code} explains the code`);
    line++;
  }
  assert.ok(REGISTERED_STATUS_CODES.length >= 70);
});

test('every method and every header of the tables hover with their explanation', async () => {
  const uri = 'file:///tmp/all-methods.sip';
  const headers = [...HEADERS.values()].map((h) => `${h.name}: x`);
  const text = METHOD_NAMES.map((method, i) => crlf(`${method} sip:b@example.com SIP/2.0`, ...(i === 0 ? headers : []), `CSeq: ${i + 1} ${method}`, 'Content-Length: 0', '')).join('');
  const lines = await openDocument(uri, text);
  assert.equal(METHOD_NAMES.length, 14);
  for (const method of METHOD_NAMES) {
    const hover = await hoverAt(uri, lines, `|${method} sip:b@example.com`);
    assert.ok(hover?.contents.value.startsWith(`**${method}**`), `${method}: ${hover?.contents.value.slice(0, 60)}`);
  }
  for (const header of HEADERS.values()) {
    const line = lines.findIndex((l) => l.startsWith(`${header.name}:`));
    const hover = await client.hover(uri, line, 1);
    assert.ok(hover, `hover on ${header.name}`);
    assert.match(hover.contents.value.split('\n')[0], new RegExp(`\\*\\*${header.name.replace(/[-+]/g, '\\$&')}\\*\\*`), header.name);
  }
});

const DETAIL = crlf(
  'INVITE sip:bob@biloxi.example.com;transport=tcp SIP/2.0',
  'v: SIP/2.0/TCP 192.0.2.1:5060;branch=z9hG4bK74bf9;received=192.0.2.99;rport=5061',
  'Max-Forwards: 70',
  'f: "Alice" <sip:alice@atlanta.example.com>;tag=9fxced76sl',
  't: <sip:bob@biloxi.example.com>',
  'i: 3848276298220188511@atlanta.example.com',
  'CSeq: 2 INVITE',
  'm: <sip:alice@192.0.2.1:5060;transport=tcp;ob>;expires=3600',
  'X-Custom-Id: 42',
  'Allow: INVITE, ACK, BYE, CANCEL',
  'c: application/sdp',
  'l: 151',
  '',
  'v=0',
  'o=alice 2890844526 2890844526 IN IP4 192.0.2.1',
  's=-',
  'c=IN IP4 0.0.0.0',
  't=0 0',
  'm=audio 49170 RTP/AVP 0 8 97',
  'a=rtpmap:97 iLBC/8000',
  'a=sendonly',
) + crlf(
  '',
  'SIP/2.0 486 Call Rejected By User',
  'Via: SIP/2.0/TCP 192.0.2.1:5060;branch=z9hG4bK74bf9',
  'From: "Alice" <sip:alice@atlanta.example.com>;tag=9fxced76sl',
  'To: <sip:bob@biloxi.example.com>;tag=8321234356',
  'Call-ID: 3848276298220188511@atlanta.example.com',
  'CSeq: 2 INVITE',
  'Reason: Q.850;cause=17;text="User busy"',
  'Warning: 399 biloxi.example.com "Busy everywhere"',
  'Content-Length: 0',
  '',
);

test('reason phrases, compact forms, parameters, Q.850 causes, warn-codes and SDP lines', async () => {
  const uri = 'file:///tmp/detail.sip';
  const lines = await openDocument(uri, DETAIL);
  const value = async (marker: string) => (await hoverAt(uri, lines, marker))?.contents.value ?? '';

  assert.match(await value('SIP/2.0 486 Call Rejected By |User'), /Custom reason phrase.*Call Rejected By User.*Busy Here/s);
  assert.match(await value('SIP/2.0 4|86'), /answers `INVITE sip:bob@biloxi\.example\.com;transport=tcp` on line 1/);
  assert.match(await value('|v: SIP'), /compact form of \*\*Via\*\*/);
  assert.match(await value('|i: 38'), /compact form of \*\*Call-ID\*\*/);
  assert.match(await value('bran|ch=z9hG4bK74bf9;received'), /magic cookie/);
  assert.match(await value('rec|eived=192.0.2.99'), /received/i);
  assert.match(await value('tag=9fx|ced76sl'), /tag/i);
  assert.match(await value('transport=tcp;o|b>'), /5626/);
  assert.match(await value('X-Cus|tom-Id'), /vendor extension/);
  assert.match(await value('Allow: INVITE, A|CK'), /^\*\*ACK\*\*/);
  assert.match(await value('cause=1|7'), /User busy/i);
  assert.match(await value('Warning: 3|99'), /^\*\*Warning 399 Miscellaneous warning\*\*/);
  assert.match(await value('c=IN IP4 0.0.0|.0'), /hold/i);
  assert.match(await value('a=send|only'), /sendonly/);
  const pt = await hoverAt(uri, lines, 'RTP/AVP 0 8 9|7');
  assert.match(pt?.contents.value ?? '', /iLBC/);
  assert.equal(lines[pt!.range.start.line].slice(pt!.range.start.character, pt!.range.end.character), '97');
  assert.match(await value('RTP/AVP |0 8'), /PCMU/);
  assert.match(await value('|CSeq: 2 INVITE'), /Mandatory in this INVITE request/);
});

test('no hover on whitespace, blank lines, unknown text or past the end', async () => {
  const uri = 'file:///tmp/detail-empty.sip';
  const lines = await openDocument(uri, 'just a note\r\n\r\n' + DETAIL);
  assert.equal(await client.hover(uri, 0, 3), null, 'not SIP');
  assert.equal(await client.hover(uri, 1, 0), null, 'blank line');
  const maxf = lines.findIndex((l) => l.startsWith('Max-Forwards'));
  assert.equal(await client.hover(uri, maxf, 13), null, 'the space after the colon');
  assert.equal(await client.hover(uri, lines.length + 10, 0), null, 'past the end');
});
