/**
 * Transactions, calls, retransmissions and navigation on a trace with an
 * authentication challenge, forking, CANCEL, re-INVITE, a retransmitted 200,
 * REGISTER refreshes, SUBSCRIBE/NOTIFY and REFER (test/fixtures/calls.sip).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { parseTrace } from '../../../server/src/sip/parse';
import { analyzeTrace, formatDuration } from '../../../server/src/sip/analysis/analyze';
import { outline, type OutlineNode } from '../../../server/src/sip/features/outline';
import { definitionAt, referencesAt, referencedCallId } from '../../../server/src/sip/features/navigation';
import { foldingRanges } from '../../../server/src/sip/features/folding';
import { callRows } from '../../../server/src/sip/features/calls';
import { REPO_ROOT, readText } from '../helpers';

const text = readText(path.join(REPO_ROOT, 'test', 'fixtures', 'calls.sip'));
const model = parseTrace(text);
const analysis = analyzeTrace(model);
const label = (i: number) => {
  const m = model.messages[i];
  return m.kind === 'request' ? m.startLine.method : String(m.startLine.status);
};
const lineOf = (offset: number) => model.lineIndex.positionAt(offset).line;

test('the fixture has 31 messages in 4 calls', () => {
  assert.equal(model.messages.length, 31);
  assert.deepEqual(analysis.calls.map((c) => [c.method, c.messages.length]), [['INVITE', 16], ['INVITE', 7], ['REGISTER', 4], ['SUBSCRIBE', 4]]);
});

test('call 1: the 401 challenge, then the answered INVITE, hold re-INVITE and BYE from the callee', () => {
  const call = analysis.calls[0];
  const transactions = call.transactions.map((t) => analysis.transactions[t]);
  assert.deepEqual(transactions.map((t) => [t.method, t.responses.map(label)]), [
    ['INVITE', ['401']],
    ['INVITE', ['100', '180', '200']],
    ['ACK', []],
    ['INVITE', ['200']],
    ['ACK', []],
    ['BYE', ['200']],
    ['REFER', ['202']],
  ]);
  // The ACK for the 401 belongs to the first INVITE transaction (RFC 3261 section 17.1.1.3).
  assert.equal(label(transactions[0].ack), 'ACK');
  assert.equal(transactions[2].invite, transactions[1].index, 'the 2xx ACK is linked to its INVITE by CSeq');
  assert.equal(transactions[1].ack, transactions[2].request);
  assert.equal(call.outcome, 'answered');
  assert.equal(call.finalStatus, 200);
  assert.equal(call.endedBy, 'callee (BYE)');
  assert.equal(call.caller, 'alice@atlanta.example.com');
  assert.equal(call.callee, 'bob@biloxi.example.com');
  assert.deepEqual(call.offer?.[0].codecs, ['PCMU/8000', 'PCMA/8000', 'telephone-event/8000']);
  assert.deepEqual(call.answerMedia?.[0].codecs, ['PCMA/8000', 'telephone-event/8000']);
  assert.equal(call.answerMedia?.[0].address, '192.0.2.20');
});

test('the repeated 200 OK is a retransmission of the first', () => {
  const retransmitted = [...analysis.retransmissionOf.entries()].filter(([, original]) => original !== -1);
  assert.equal(retransmitted.length, 1);
  const [copy, original] = retransmitted[0];
  assert.equal(label(copy), '200');
  assert.equal(copy, original + 1);
});

test('call 2: forked early dialogs, CANCEL, 487 and its ACK', () => {
  const call = analysis.calls[1];
  assert.equal(call.outcome, 'cancelled');
  assert.equal(call.finalStatus, 487);
  assert.equal(call.endedBy, 'caller (CANCEL)');
  assert.deepEqual(call.dialogs.sort(), ['a2|c1', 'a2|c2']);
  const invite = analysis.transactions[call.transactions[0]];
  const cancel = analysis.transactions[invite.cancel];
  assert.equal(cancel.method, 'CANCEL');
  assert.deepEqual(cancel.responses.map(label), ['200']);
  assert.equal(label(invite.ack), 'ACK');
});

test('REGISTER refreshes and SUBSCRIBE/NOTIFY', () => {
  const reg = analysis.calls[2];
  assert.equal(reg.outcome, 'completed');
  assert.equal(reg.transactions.length, 2);
  const sub = analysis.calls[3];
  const methods = sub.transactions.map((t) => analysis.transactions[t].method);
  assert.deepEqual(methods, ['SUBSCRIBE', 'NOTIFY', 'NOTIFY']);
});

test('outline: calls -> transactions -> messages, named for people', () => {
  const nodes = outline(model, analysis);
  assert.equal(nodes.length, 4);
  assert.equal(nodes[0].name, 'INVITE alice@atlanta.example.com -> bob@biloxi.example.com');
  assert.equal(nodes[0].detail, 'call 1 of 4 · 16 messages · 200 OK');
  assert.equal(nodes[1].children[0].name, 'INVITE sip:carol@chicago.example.com -> 487 Request Terminated');
  assert.deepEqual(nodes[1].children[0].children.map((c) => c.name), ['INVITE sip:carol@chicago.example.com', '180 Ringing', '180 Ringing', '487 Request Terminated', 'ACK sip:carol@chicago.example.com']);
  assert.equal(nodes[1].detail, 'call 2 of 4 · 7 messages · 487 Request Terminated');
  const rows = callRows(model, analysis);
  assert.equal(rows[1].outcome, 'cancelled');
  assert.match(rows[0].media ?? '', /^audio 49170 PCMU\/8000 PCMA\/8000 telephone-event\/8000 @ 192\.0\.2\.10/);
});

test('outline past its limit: every call, then whole calls\' contents from the top; past the calls, a note on how many more', () => {
  const full = outline(model, analysis);
  const count = (nodes: readonly OutlineNode[]): number => nodes.reduce((n, node) => n + 1 + count(node.children), 0);
  const sizes = full.map((c) => count(c.children));
  assert.deepEqual(outline(model, analysis, count(full)), full, 'a limit it fits in changes nothing');
  // Room for the four calls and the first call's contents, not the second's.
  const cut = outline(model, analysis, 4 + sizes[0] + sizes[1] - 1);
  assert.deepEqual(cut.map((c) => c.name), full.map((c) => c.name), 'every call listed');
  assert.deepEqual(cut[0], full[0], 'the first call whole');
  assert.deepEqual(cut.slice(1).map((c) => c.children.length), [0, 0, 0], 'the others without contents, even one that would fit');
  assert.ok(sizes[3] < sizes[1], 'the last call is smaller than the second');
  const few = outline(model, analysis, 2);
  assert.deepEqual(few.map((c) => c.kind), ['call', 'call', 'more']);
  assert.deepEqual(few.slice(0, 2).map((c) => [c.name, c.children.length]), full.slice(0, 2).map((c) => [c.name, 0]));
  assert.equal(few[2].name, '2 more calls not listed');
  assert.match(few[2].detail, /sip\.outline\.maxItems/);
  assert.equal(few[2].start, model.messages[analysis.calls[2].messages[0]].start, 'it points at the first call left out');
});

test('the outline of a call with 20,000 transactions (REGISTER refreshes on one Call-ID): each with its own two messages', () => {
  const refresh = (n: number) => [
    `REGISTER sip:example.com SIP/2.0`, `Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bKr${n}`, 'Max-Forwards: 70', 'From: <sip:a@example.com>;tag=a',
    'To: <sip:a@example.com>', 'Call-ID: one-registration', `CSeq: ${n} REGISTER`, 'Contact: <sip:a@192.0.2.1>', 'Content-Length: 0', '', '',
  ].join('\r\n') + [`SIP/2.0 200 OK`, `Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bKr${n}`, 'From: <sip:a@example.com>;tag=a',
    'To: <sip:a@example.com>;tag=r', 'Call-ID: one-registration', `CSeq: ${n} REGISTER`, 'Content-Length: 0', '', ''].join('\r\n');
  const parts: string[] = [];
  for (let n = 1; n <= 20_000; n++) parts.push(refresh(n));
  const big = parseTrace(parts.join(''));
  const nodes = outline(big, analyzeTrace(big));
  assert.equal(nodes.length, 1);
  // The messages are grouped by transaction in one pass (a search of the call's 40,000 messages per transaction was 800 million steps).
  assert.equal(nodes[0].children.length, 20_000);
  assert.deepEqual(nodes[0].children[19_999].children.map((c) => c.name), ['REGISTER sip:example.com', '200 OK']);
});

test('go to definition: response -> request, ACK and CANCEL -> INVITE, Refer-To Replaces -> that call', () => {
  const msg = (i: number) => model.messages[i];
  const inviteAt = (i: number) => lineOf(msg(i).start);
  // The 180 (message 5) answers the second INVITE (message 3).
  let span = definitionAt(model, analysis, msg(5).startLine.start + 9);
  assert.equal(span && lineOf(span.start), inviteAt(3));
  // Its CSeq header leads there too.
  const cseq = msg(5).headers.find((h) => h.key === 'cseq')!;
  span = definitionAt(model, analysis, cseq.valueStart);
  assert.equal(span && lineOf(span.start), inviteAt(3));
  // The 2xx ACK (message 8) -> INVITE 3.
  span = definitionAt(model, analysis, msg(8).startLine.start);
  assert.equal(span && lineOf(span.start), inviteAt(3));
  // The CANCEL of call 2 -> its INVITE.
  const cancel = model.messages.findIndex((m) => m.startLine.method === 'CANCEL');
  span = definitionAt(model, analysis, msg(cancel).startLine.start);
  assert.equal(span && lineOf(span.start), lineOf(msg(analysis.calls[1].messages[0]).start));
  // Refer-To with an embedded Replaces -> the first message of call 2.
  const refer = model.messages.findIndex((m) => m.startLine.method === 'REFER');
  const referTo = msg(refer).headers.find((h) => h.key === 'refer-to')!;
  span = definitionAt(model, analysis, referTo.valueStart + 10);
  assert.equal(span && lineOf(span.start), lineOf(msg(analysis.calls[1].messages[0]).start));
  assert.equal(referencedCallId('<sip:x@y?Replaces=abc%40h%3Bto-tag%3D1>', 'refer-to'), 'abc@h');
  assert.equal(definitionAt(model, analysis, 0), null, 'nothing on a request line of an initial request');
});

test('find references: Call-ID -> every message of the call; tag -> the dialog; branch -> the transaction', () => {
  const msg = model.messages[0];
  const callId = msg.headers.find((h) => h.key === 'call-id')!;
  const refs = referencesAt(model, analysis, callId.valueStart + 2);
  assert.equal(refs.length, 16);
  for (const r of refs) assert.equal(text.slice(r.start, r.end), 'call1-auth-answer@192.0.2.10');

  const call2 = model.messages[analysis.calls[1].messages[1]];
  const to = call2.headers.find((h) => h.key === 'to')!;
  const tagAt = text.indexOf('tag=c1', to.valueStart);
  const tagRefs = referencesAt(model, analysis, tagAt + 5);
  assert.ok(tagRefs.length >= 4);
  for (const r of tagRefs) assert.equal(text.slice(r.start, r.end), 'c1');

  const via = msg.headers.find((h) => h.key === 'via')!;
  const branchRefs = referencesAt(model, analysis, text.indexOf('z9hG4bK1a', via.valueStart) + 3);
  assert.equal(branchRefs.length, 3, 'INVITE, 401 and the ACK share the branch');
  assert.deepEqual(referencesAt(model, analysis, msg.startLine.start), []);
});

test('folding: each message, its header block and its body', () => {
  const folds = foldingRanges(model);
  const first = model.messages[0];
  const start = lineOf(first.start);
  assert.ok(folds.some((f) => f.startLine === start && f.endLine === lineOf(first.end) - 1), 'whole message');
  assert.ok(folds.some((f) => f.startLine === start + 1 && f.kind === 'region'), 'header block');
  assert.ok(folds.some((f) => f.startLine === lineOf(first.bodyStart) && f.endLine === lineOf(first.bodyEnd)), 'body');
});

test('folding past the client\'s limit: whole messages first, then header blocks and bodies from the top, as VS Code would keep them', () => {
  const all = foldingRanges(model);
  const messageStarts = new Set(model.messages.map((m) => lineOf(m.start)));
  // Outer folds: a whole message, or the text between two; inner: a header block or a body.
  const isOuter = (f: { startLine: number; kind: string }) => f.kind === 'comment' || messageStarts.has(f.startLine);
  const outer = all.filter(isOuter);
  const inner = all.filter((f) => !isOuter(f));
  assert.ok(outer.length > 10 && inner.length > 10, `${outer.length} outer and ${inner.length} inner folds`);
  assert.deepEqual(foldingRanges(model, all.length), all, 'a limit it fits in changes nothing');
  assert.deepEqual(foldingRanges(model, 7), outer.slice(0, 7), 'too few for the messages: the first messages, nothing nested');
  const some = foldingRanges(model, outer.length + 5);
  assert.deepEqual(some.filter(isOuter), outer, 'every message');
  assert.deepEqual(some.filter((f) => !isOuter(f)), inner.slice(0, 5), 'and the first five nested folds');
  assert.deepEqual(some, all.filter((f) => isOuter(f) || inner.slice(0, 5).some((g) => g.startLine === f.startLine)), 'in document order');
  assert.deepEqual(foldingRanges(model, 0), []);
});

test('durations read like people write them', () => {
  assert.equal(formatDuration(120), '120 ms');
  assert.equal(formatDuration(2100), '2.1 s');
  assert.equal(formatDuration(184_000), '3 min 4 s');
});

test('message keys: tags and branches read from awkward but valid values', () => {
  const text = [
    'INVITE sip:bob@example.com SIP/2.0',
    'Via: SIP/2.0/UDP 192.0.2.1;rport ; BRANCH = z9hG4bKabc , SIP/2.0/UDP 192.0.2.2;branch=z9hG4bKother',
    'From: "A;tag=fake" <sip:alice@example.com;tag=uri-param>;x-tagged=1;Tag="quoted-1"',
    'To: sip:bob@example.com;tagx=2;tag',
    'Call-ID: keys@example.com',
    'CSeq: 7 invite',
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n');
  const keys = analyzeTrace(parseTrace(text)).keys[0];
  assert.equal(keys.branch, 'z9hG4bKabc', 'the top Via only; the name is case-insensitive; blanks around "=" are allowed');
  assert.equal(keys.fromTag, 'quoted-1', 'parameters inside the display name or the <URI> do not count; quotes are removed');
  assert.equal(keys.toTag, '', 'a tag without a value; tagx is another parameter');
  assert.equal(keys.cseqSeq, 7);
  assert.equal(keys.cseqMethod, 'INVITE');
});

test('a flood of forked responses: each distinct one is a response, each repeat a retransmission of the right one', () => {
  const invite = [
    'INVITE sip:bob@example.com SIP/2.0',
    'Via: SIP/2.0/UDP pc33.example.com;branch=z9hG4bKflood',
    'From: <sip:alice@example.com>;tag=a1',
    'To: <sip:bob@example.com>',
    'Call-ID: flood-1',
    'CSeq: 1 INVITE',
    'Max-Forwards: 70',
    'Contact: <sip:alice@pc33.example.com>',
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n');
  const response = (status: string, toTag: string | null) =>
    [
      `SIP/2.0 ${status}`,
      'Via: SIP/2.0/UDP pc33.example.com;branch=z9hG4bKflood',
      'From: <sip:alice@example.com>;tag=a1',
      `To: <sip:bob@example.com>${toTag === null ? '' : `;tag=${toTag}`}`,
      'Call-ID: flood-1',
      'CSeq: 1 INVITE',
      'Content-Length: 0',
      '',
      '',
    ].join('\r\n');
  // 100 without a tag, twenty 180s from twenty forks, then repeats of early and late ones.
  const sent: [string, string | null][] = [['100 Trying', null]];
  for (let f = 0; f < 20; f++) sent.push(['180 Ringing', `fork${f}`]);
  sent.push(['100 Trying', null], ['180 Ringing', 'fork0'], ['180 Ringing', 'fork19'], ['183 Session Progress', 'fork0'], ['180 Ringing', 'null']);
  const trace = invite + sent.map(([s, t]) => response(s, t)).join('');
  const m = parseTrace(trace);
  const a = analyzeTrace(m);
  assert.equal(a.transactions.length, 1);
  const t = a.transactions[0];
  // Message 0 is the INVITE, so response n of `sent` is message n + 1.
  assert.deepEqual(t.responses, [...Array.from({ length: 21 }, (_, n) => n + 1), 25, 26], 'the 21 distinct ones, the 183 and the To tag "null"');
  assert.deepEqual(t.retransmissions, [22, 23, 24]);
  assert.deepEqual([22, 23, 24].map((i) => a.retransmissionOf[i]), [1, 2, 21], 'each repeat points at the response it repeats');
});
