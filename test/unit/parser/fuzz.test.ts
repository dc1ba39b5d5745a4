/**
 * Robustness: 100,000 seeded mutations of the corpus (bit flips, truncation,
 * deleted and duplicated lines, random bytes, huge lines). The parser must
 * always return, never throw, and produce a model whose offsets are sane.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTrace } from '../../../server/src/sip/parse';
import { validate } from '../../../server/src/sip/rules/engine';
import { hoverAt } from '../../../server/src/sip/hover/hover';
import type { TraceModel } from '../../../server/src/sip/model';
import { corpusFiles, readText, prng } from '../helpers';

const ITERATIONS = 100_000;
const SEED = 0x5eed;


const seeds = [...corpusFiles('rfc4475'), ...corpusFiles('rfc5118'), ...corpusFiles('formats')].map(readText);

function mutate(random: () => number, input: string): string {
  const int = (n: number) => Math.floor(random() * n);
  let text = input;
  const rounds = 1 + int(4);
  for (let r = 0; r < rounds; r++) {
    const at = int(text.length + 1);
    switch (int(9)) {
      case 0: { // flip a bit of one character
        if (text.length === 0) break;
        const c = text.charCodeAt(Math.min(at, text.length - 1)) ^ (1 << int(16));
        text = text.slice(0, at) + String.fromCharCode(c) + text.slice(at + 1);
        break;
      }
      case 1: // truncate
        text = text.slice(0, at);
        break;
      case 2: { // delete a line
        const lines = text.split('\n');
        lines.splice(int(lines.length), 1);
        text = lines.join('\n');
        break;
      }
      case 3: { // duplicate a line
        const lines = text.split('\n');
        const i = int(lines.length);
        lines.splice(i, 0, lines[i]);
        text = lines.join('\n');
        break;
      }
      case 4: { // random bytes, including controls, CR, LF, lone surrogates
        let junk = '';
        const n = 1 + int(32);
        for (let k = 0; k < n; k++) junk += String.fromCharCode(int(4) === 0 ? int(0x10000) : int(128));
        text = text.slice(0, at) + junk + text.slice(at);
        break;
      }
      case 5: // glue another corpus file, back to back
        text = text.slice(0, at) + seeds[int(seeds.length)] + text.slice(at);
        break;
      case 6: // strip every CR, as a paste does
        text = text.replace(/\r/g, '');
        break;
      case 7: { // a lying Content-Length
        text = text.replace(/(Content-Length|\bl)\s*:\s*\d+/i, `Content-Length: ${int(3) === 0 ? -int(100) : int(100000)}`);
        break;
      }
      case 8: // structural characters where they hurt
        text = text.slice(0, at) + ['\r\n\r\n', ':', ' ', '\t', '<sip:', '"', 'SIP/2.0 ', 'INVITE '][int(8)] + text.slice(at);
        break;
    }
  }
  return text;
}

function checkModel(model: TraceModel): void {
  const length = model.text.length;
  assert.ok(!model.problems.some((p) => p.code === 'internal-error'), 'no internal error');
  let previousEnd = 0;
  for (const m of model.messages) {
    assert.ok(m.start >= previousEnd && m.start < m.end && m.end <= length, 'message extents are ordered and inside the text');
    previousEnd = m.end;
    for (const h of m.headers) {
      assert.ok(h.nameStart >= m.start && h.nameEnd <= h.valueEnd + 1 && h.valueStart <= h.valueEnd && h.valueEnd <= m.end, 'header inside its message');
    }
    for (const p of m.problems) assert.ok(p.start >= 0 && p.start <= p.end && p.end <= length, `problem ${p.code} inside the text`);
  }
}

test(`fuzz: ${ITERATIONS} seeded mutations never throw and keep offsets sane`, () => {
  const random = prng(SEED);
  let messages = 0;
  for (let i = 0; i < ITERATIONS; i++) {
    const text = mutate(random, seeds[Math.floor(random() * seeds.length)]);
    let model: TraceModel;
    try {
      model = parseTrace(text);
      validate(model);
      if (i % 16 === 0 && text.length > 0) hoverAt(model, Math.floor(random() * text.length));
    } catch (error) {
      assert.fail(`iteration ${i} threw ${String(error)} on input ${JSON.stringify(text.slice(0, 300))}`);
    }
    checkModel(model);
    messages += model.messages.length;
  }
  // The mutations keep most messages readable: a parser that gave up would find far fewer.
  assert.ok(messages > ITERATIONS / 2, `only ${messages} messages found`);
});

test('huge lines: 1 MB start line, header value and body line', () => {
  const big = 'x'.repeat(1 << 20);
  const inputs = [
    `INVITE sip:${big}@example.com SIP/2.0\r\nContent-Length: 0\r\n\r\n`,
    `OPTIONS sip:a@b SIP/2.0\r\nSubject: ${big}\r\nContent-Length: 0\r\n\r\n`,
    `OPTIONS sip:a@b SIP/2.0\r\nContent-Length: 5\r\n\r\n${big}`,
    big,
    `SIP/2.0 200 ${';a=b'.repeat(1 << 18)}\r\n\r\n`,
    '\r\n'.repeat(1 << 19),
    ':'.repeat(1 << 20),
    // Structures that once made a per-line search scan to the end of the text (quadratic):
    'ABCD efgh\n\n'.repeat(200_000) + ':',
    'OPTIONS sip:a@b SIP/2.0\n' + 'X-No-Colon-Here value\n'.repeat(200_000) + '\n:',
    'OPTIONS sip:a@b SIP/2.0\nContent-Type: x\nContent-Length: 9\n\n' + 'body line\n'.repeat(200_000) + '\uFFFD',
  ];
  for (const text of inputs) {
    const model = parseTrace(text);
    validate(model);
    hoverAt(model, text.length >> 1);
    checkModel(model);
  }
  const model = parseTrace(inputs[1]);
  assert.equal(model.messages[0].headers[0].valueEnd - model.messages[0].headers[0].valueStart, 1 << 20);
});

test('invalid UTF-8 read from bytes is kept as U+FFFD and the messages around it survive', () => {
  const bytes = Buffer.concat([
    Buffer.from('OPTIONS sip:a@example.com SIP/2.0\r\nSubject: '),
    Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80]),
    Buffer.from('\r\nContent-Length: 0\r\n\r\nSIP/2.0 200 OK\r\nContent-Length: 0\r\n\r\n'),
  ]);
  const model = parseTrace(bytes.toString('utf8'));
  assert.equal(model.messages.length, 2);
  assert.deepEqual(validate(model), []);
});
