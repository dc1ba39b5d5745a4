/**
 * The benchmark's synthetic trace (scripts/bench/generate.js) is deterministic
 * and valid SIP: our core reads every message with no problem, and so do the
 * peer parsers. A problem here means a generator bug or a rule's false
 * positive on ordinary traffic. No timing is asserted: the benchmark reports
 * speed, tests never judge it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseTrace } from '../../../server/src/sip/parse';
import { validate, DEFAULT_VALIDATION_SETTINGS } from '../../../server/src/sip/rules/engine';
import { REPO_ROOT } from '../helpers';

interface GeneratedTrace {
  texts: Record<string, string>;
  messages: string[];
  messageBytes: number;
}
interface GeneratorModule {
  FORMATS: string[];
  generateTrace(options: { seed?: number; bytes?: number; messages?: number; formats?: string[] }): GeneratedTrace;
  writeTraceFile(file: string, options: { seed?: number; bytes: number; format?: string }): { bytes: number; messages: number };
}

const BENCH = path.join(REPO_ROOT, 'scripts', 'bench');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const generator = require(path.join(BENCH, 'generate.js')) as GeneratorModule;
const ALL_RULES = { ...DEFAULT_VALIDATION_SETTINGS, maxProblems: Number.MAX_SAFE_INTEGER };

test('the same seed gives the same trace, and a smaller trace is a prefix of a larger one', () => {
  const a = generator.generateTrace({ seed: 7, messages: 300, formats: generator.FORMATS });
  const b = generator.generateTrace({ seed: 7, messages: 300, formats: generator.FORMATS });
  for (const format of generator.FORMATS) assert.equal(a.texts[format], b.texts[format]);
  const small = generator.generateTrace({ seed: 7, messages: 100 });
  assert.ok(a.texts.raw.startsWith(small.texts.raw));
  const other = generator.generateTrace({ seed: 8, messages: 300 });
  assert.notEqual(other.texts.raw, a.texts.raw);
});

test('messages average about 615 bytes, like the reference trace of issue 10', () => {
  const t = generator.generateTrace({ seed: 1, messages: 4000 });
  const average = t.messageBytes / t.messages.length;
  assert.ok(average > 560 && average < 670, `average message size ${average}`);
});

test('the raw trace is valid SIP for our core: every message found, no diagnostic', () => {
  const t = generator.generateTrace({ seed: 3, messages: 2000 });
  const model = parseTrace(t.texts.raw);
  assert.equal(model.format.id, 'raw');
  assert.equal(model.messages.length, t.messages.length);
  const diagnostics = validate(model, ALL_RULES);
  assert.deepEqual(diagnostics.map((d) => `${d.code}: ${d.message}`), []);
  // Each message's extent is exactly the generated message.
  model.messages.forEach((m, i) => assert.equal(t.texts.raw.slice(m.start, m.end), t.messages[i]));
});

test('the peer parsers read every generated message', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const drachtio = require('drachtio-sip') as { SipMessage: new (s: string) => { headers: object }; parser: { parseSipMessage(s: string): unknown } };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const kirm = require('sip') as { parse(s: string): unknown };
  const t = generator.generateTrace({ seed: 5, messages: 1000 });
  for (const m of t.messages) {
    assert.ok(new drachtio.SipMessage(m).headers);
    assert.ok(drachtio.parser.parseSipMessage(m));
    assert.ok(kirm.parse(m));
  }
});

test('a written trace file holds whole scenarios, and the peer script counts what our CLI counts', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sip-trace-bench-test-'));
  try {
    const file = path.join(dir, 'trace.sip');
    const written = generator.writeTraceFile(file, { seed: 2, bytes: 200_000 });
    const model = parseTrace(fs.readFileSync(file, 'utf8'));
    assert.equal(model.messages.length, written.messages);
    assert.deepEqual(validate(model, ALL_RULES).map((d) => d.code), []);
    const peer = spawnSync(process.execPath, [path.join(BENCH, 'peerCheck.js'), file], { cwd: REPO_ROOT, encoding: 'utf8' });
    assert.equal(peer.status, 0, peer.stderr);
    assert.equal(peer.stdout, `${written.messages} messages parsed with drachtio-sip (lazy)\n`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
