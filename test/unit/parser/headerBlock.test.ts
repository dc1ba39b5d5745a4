/**
 * The raw framer reads each message's header block while it frames, and
 * tells the parser when the body already matched Content-Length; the parser
 * then skips its own pass. Both shortcuts must give exactly the model the
 * parser builds on its own: same headers, same problems, same body.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rawFramer } from '../../../server/src/sip/framing/raw';
import type { FramedMessage } from '../../../server/src/sip/framing/types';
import { parseMessage } from '../../../server/src/sip/parser/messageParser';
import type { SipMessage } from '../../../server/src/sip/model';
import { corpusFiles, prng, readText } from '../helpers';

function framedMessages(text: string): FramedMessage[] {
  const out: FramedMessage[] = [];
  rawFramer.frame(text, { message: (m) => out.push(m), problem: () => undefined });
  return out;
}

/** What a user can see of a message: every header, problem and body offset. */
function visible(message: SipMessage): unknown {
  return {
    startLine: message.startLine,
    headers: message.headers.map((h) => ({ ...h })),
    problems: message.problems.map((p) => ({ ...p })),
    bodyLine: message.bodyLine,
    bodyStart: message.bodyStart,
    bodyEnd: message.bodyEnd,
    contentType: message.contentType,
  };
}

function assertSameModel(text: string, label: string): number {
  let withShortcuts = 0;
  framedMessages(text).forEach((framed, index) => {
    if (framed.headerBlock !== undefined || framed.contentLengthMatched) withShortcuts++;
    const fast = visible(parseMessage(text, framed, index));
    const plain = visible(parseMessage(text, { ...framed, headerBlock: undefined, contentLengthMatched: false }, index));
    assert.deepEqual(fast, plain, `${label}, message ${index}`);
  });
  return withShortcuts;
}

test('header blocks read by the raw framer equal the parser\'s own reading, on the whole corpus', () => {
  let shortcuts = 0;
  for (const file of [...corpusFiles('rfc4475'), ...corpusFiles('rfc5118'), ...corpusFiles('formats')]) {
    shortcuts += assertSameModel(readText(file), file);
  }
  // The comparison means something only if the shortcuts were taken.
  assert.ok(shortcuts > 50, `only ${shortcuts} messages took a shortcut`);
});

test('header blocks read by the raw framer equal the parser\'s own reading on awkward header blocks', () => {
  const cases = [
    'OPTIONS sip:a@b SIP/2.0\r\nVia : SIP/2.0/UDP h\r\nX-Folded: one\r\n two\r\n\tthree\r\nRoute:\r\n <sip:p>\r\n\r\n',
    'OPTIONS sip:a@b SIP/2.0\r\n continuation first\r\nMax-Forwards 70\r\n  after a broken line\r\nBad Name: x\r\n: empty name\r\n\r\n',
    'INVITE sip:a@b SIP/2.0\r\nContent-Length: 4\r\nl: 4\r\n\r\nabcd\r\n',
    'INVITE sip:a@b SIP/2.0\r\nContent-Length: 5\r\nContent-Length: 4\r\n\r\nabcd\r\n',
    'INVITE sip:a@b SIP/2.0\nContent-Length: 6\n\nab\ncd\n',
    'INVITE sip:a@b SIP/2.0\r\nContent-Length: x1\r\n\r\nabcd\r\n',
    'INVITE sip:a@b SIP/2.0\r\nContent-Length: 3\r\n\r\n\uFFFD\r\n',
    'SIP/2.0 200 OK\r\nSubject : hello SIP/2.0\r\nCSeq: 1 INVITE\r\n',
    'SIP/2.0 200 OK\r\nCSeq: 1 INVITE\r\nINVITE sip:x@y SIP/2.0\r\nCSeq: 2 INVITE\r\n\r\n',
    'INVITE sip:a@b SIP/2.0\r\nContent-Length: 0\r\n\r\n\r\nSIP/2.0 100 Trying\r\n\r\n',
  ];
  cases.forEach((text, i) => assertSameModel(text, `case ${i}`));
});

test('header blocks read by the raw framer equal the parser\'s own reading on 2,000 mutated traces', () => {
  const seeds = corpusFiles('rfc4475').map(readText);
  const random = prng(0x4eade5);
  const pieces = ['\r\n', '\n', ':', ' ', '\t', 'Content-Length: 3\r\n', 'l: 0\r\n', '\r\n\r\n', 'SIP/2.0 200 OK\r\n', '\uFFFD'];
  for (let i = 0; i < 2000; i++) {
    let text = seeds[Math.floor(random() * seeds.length)];
    for (let k = 0; k < 3; k++) {
      const at = Math.floor(random() * (text.length + 1));
      text = text.slice(0, at) + pieces[Math.floor(random() * pieces.length)] + text.slice(at + Math.floor(random() * 3));
    }
    assertSameModel(text, `mutation ${i}`);
  }
});
