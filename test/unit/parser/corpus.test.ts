/**
 * Every RFC 4475 and RFC 5118 torture message parses without throwing into
 * the expected number of messages, with ranges that slice back to the exact
 * start line and header text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { parseTrace } from '../../../server/src/sip/parse';
import { LINE_STRIDE } from '../../../server/src/sip/model';
import { corpusFiles, readText } from '../helpers';

/** Files holding more than one message (RFC 4475 section 3.4.? dblreq: a REGISTER followed by an INVITE). */
const MESSAGE_COUNTS: Record<string, number> = { 'dblreq.dat': 2 };

const files = [...corpusFiles('rfc4475'), ...corpusFiles('rfc5118')];

test('the corpus has the 50 RFC 4475 and 12 RFC 5118 files', () => {
  assert.equal(corpusFiles('rfc4475').length, 50);
  assert.equal(corpusFiles('rfc5118').length, 12);
});

for (const file of files) {
  const name = path.basename(file);
  test(`${path.basename(path.dirname(file))}/${name}: messages and ranges`, () => {
    const text = readText(file);
    const model = parseTrace(text);
    assert.equal(model.messages.length, MESSAGE_COUNTS[name] ?? 1, 'message count');
    assert.equal(model.format.id, 'raw');
    assert.ok(!model.problems.some((p) => p.code === 'internal-error'));

    // Physical lines of the file, to compare against independently.
    const physical = text.split('\n').map((l) => l.replace(/\r$/, ''));
    const first = model.messages[0];
    assert.equal(text.slice(first.startLine.start, first.startLine.end), physical[0], 'start line slices back');
    assert.equal(first.start, 0);

    for (const message of model.messages) {
      assert.ok(message.start < message.end && message.end <= text.length);
      const sl = message.startLine;
      if (sl.kind === 'request') {
        assert.equal(text.slice(sl.methodStart, sl.methodEnd), sl.method);
        assert.ok(text.slice(sl.start, sl.end).startsWith(sl.method + ' '));
      } else {
        assert.equal(text.slice(sl.versionStart, sl.versionEnd).toUpperCase(), sl.version?.toUpperCase());
      }
      for (const header of message.headers) {
        const lineStart = message.lines[header.firstLine * LINE_STRIDE];
        const lineEnd = message.lines[header.firstLine * LINE_STRIDE + 1];
        const line = text.slice(lineStart, lineEnd);
        const colon = line.indexOf(':');
        assert.equal(text.slice(header.nameStart, header.nameEnd), line.slice(0, colon).trimEnd(), 'header name slices back');
        if (header.firstLine === header.lastLine) {
          assert.equal(text.slice(header.valueStart, header.valueEnd), line.slice(colon + 1).replace(/^[ \t]+|[ \t]+$/g, ''), 'header value slices back');
        } else {
          // A folded value starts on its first line and ends on its last continuation line.
          const lastEnd = message.lines[header.lastLine * LINE_STRIDE + 1];
          assert.equal(text.slice(header.valueEnd, lastEnd).trim(), '');
        }
      }
    }
  });
}

test('wsinv.dat: folded and compact headers are joined and expanded', () => {
  const file = corpusFiles('rfc4475').find((f) => f.endsWith('wsinv.dat'))!;
  const model = parseTrace(readText(file));
  const names = model.messages[0].headers.map((h) => h.name);
  assert.deepEqual(names.slice(0, 4), ['To', 'From', 'Max-Forwards', 'Call-ID']);
  const via = model.messages[0].headers.filter((h) => h.key === 'via');
  assert.equal(via.length, 2, 'Via and its compact form v');
  assert.equal(via[1].compact, true);
  assert.ok(via[0].lastLine > via[0].firstLine, 'the first Via is folded over three lines');
  assert.equal(model.messages[0].contentType, 'application/sdp');
});
