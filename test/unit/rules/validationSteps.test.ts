/**
 * Validation in steps, as the language server runs it: the conversation-level
 * rules and the analysis they read yield too (not only the message rules),
 * so a hover is answered between them; and stepping changes no result.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTrace } from '../../../server/src/sip/parse';
import { validate, validationSteps, DEFAULT_VALIDATION_SETTINGS } from '../../../server/src/sip/rules/engine';
import { analysisOf, structureOf, structureSteps } from '../../../server/src/sip/analysis/analyze';
import { crlf } from '../helpers';

function options(n: number, branch = `z9hG4bKo${n}`, seq = n): string {
  return crlf(
    'OPTIONS sip:bob@example.com SIP/2.0', `Via: SIP/2.0/UDP 192.0.2.1;branch=${branch}`, 'Max-Forwards: 70',
    'From: <sip:alice@example.com>;tag=a', 'To: <sip:bob@example.com>', `Call-ID: c${n % 500}`, `CSeq: ${seq} OPTIONS`, 'Content-Length: 0', '',
  );
}

function ok(n: number, branch = `z9hG4bKo${n}`, seq = n): string {
  return crlf(
    'SIP/2.0 200 OK', `Via: SIP/2.0/UDP 192.0.2.1;branch=${branch}`, 'From: <sip:alice@example.com>;tag=a',
    'To: <sip:bob@example.com>;tag=b', `Call-ID: c${n % 500}`, `CSeq: ${seq} OPTIONS`, 'Content-Length: 0', '',
  );
}

/** 24,002 messages: answered OPTIONS, then one sent again and one never answered, at the very end. */
function largeTrace(): string {
  const parts: string[] = [];
  for (let n = 1; n <= 12_000; n++) parts.push(options(n), ok(n));
  parts.push(options(12_000), options(12_001));
  return parts.join('');
}

const TEXT = largeTrace();

/** Runs the steps, counting the yields that came after the message rules (which yield every 2,000 messages). */
function stepThrough(steps: Generator<void, unknown>, messages: number): { yieldsAfterMessages: number; value: unknown } {
  let yields = 0;
  for (;;) {
    const step = steps.next();
    if (step.done) return { yieldsAfterMessages: yields - Math.floor(messages / 2000), value: step.value };
    yields++;
  }
}

test('the conversation-level rules and their analysis yield between steps, and find what validate finds', () => {
  const model = parseTrace(TEXT);
  assert.equal(model.messages.length, 24_002);
  const { yieldsAfterMessages, value } = stepThrough(validationSteps(model, DEFAULT_VALIDATION_SETTINGS), model.messages.length);
  // One yield before the rules; more than that means the analysis and the rules themselves yield
  // (each reads the 24,002 messages or 12,002 transactions in parts of 8,192).
  assert.ok(yieldsAfterMessages >= 8, `only ${yieldsAfterMessages} yields after the message rules`);
  const expected = validate(parseTrace(TEXT));
  assert.deepEqual(value, expected);
  assert.deepEqual(
    expected.filter((d) => d.code === 'retransmission' || d.code === 'request-without-response').map((d) => [d.code, model.lineIndex.positionAt(d.start).line]),
    [['retransmission', model.lineIndex.positionAt(model.messages[24_000].start).line], ['request-without-response', model.lineIndex.positionAt(model.messages[24_001].start).line]],
    'found past the last step boundary',
  );
});

test('an analysis a request computed between two steps is the one the steps return', () => {
  const model = parseTrace(TEXT);
  const steps = structureSteps(model);
  assert.equal(steps.next().done, false, 'the analysis of 24,002 messages takes more than one step');
  const meanwhile = structureOf(model); // a hover asked for it whole
  const { value } = stepThrough(steps, 0);
  assert.equal(value, meanwhile);
  assert.equal(analysisOf(model).transactions, meanwhile.transactions, 'and the summaries build on it');
  assert.deepEqual(meanwhile.transactions.length, 12_001);
});

test('an analysis built in steps equals one built whole', () => {
  const stepped = parseTrace(TEXT);
  const { value } = stepThrough(structureSteps(stepped), 0);
  assert.equal(value, structureOf(stepped), 'cached for the next caller');
  assert.deepEqual(value, structureOf(parseTrace(TEXT)));
});
