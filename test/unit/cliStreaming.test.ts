/**
 * `sip-trace check` on a file larger than the streaming threshold reads it in
 * chunks: the same messages and message-level diagnostics as reading it whole,
 * at the same lines, with bounded memory. Thresholds are lowered through the
 * environment so a small file streams.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT, readText } from './helpers';

const BIN = path.join(REPO_ROOT, 'bin', 'sip-trace.js');
const TRACE_RULES = new Set(['request-without-response', 'retransmission', 'invite-final-without-ack', 'cseq-not-increasing', 'cseq-number-mismatch']);

function run(file: string, env: Record<string, string> = {}, format = 'json') {
  const r = spawnSync(process.execPath, [BIN, 'check', '--format', format, '--max-problems', '100000', file], {
    encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 1 << 28,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sip-trace-stream-'));
const FIXTURES = path.join(REPO_ROOT, 'test', 'unit', 'framing', 'fixtures');

for (const [name, source] of [
  ['raw', path.join(REPO_ROOT, 'test', 'fixtures', 'calls.sip')],
  ['ngrep', path.join(FIXTURES, 'ngrep.txt')],
  ['asterisk', path.join(FIXTURES, 'asterisk-chan-sip.txt')],
] as const) {
  test(`a ${name} trace read in chunks gives the same messages and diagnostics as read whole`, () => {
    // A few broken messages so there is something to report.
    const one = readText(source);
    const text = Array.from({ length: 40 }, (_, i) => (i % 7 === 3 ? one.replace('CSeq:', 'CSeq') : one)).join('\n');
    const file = path.join(tmp, `${name}.sip`);
    fs.writeFileSync(file, text);
    const whole = run(file);
    const streamed = run(file, { SIP_TRACE_STREAM_THRESHOLD: '1000', SIP_TRACE_CHUNK_BYTES: '4099' });
    assert.equal(streamed.status, whole.status);
    const a = JSON.parse(whole.stdout).files[0];
    const b = JSON.parse(streamed.stdout).files[0];
    assert.equal(b.traceFormat, a.traceFormat);
    assert.ok(a.messages.length > 40);
    assert.deepEqual(b.messages, a.messages);
    const messageLevel = a.diagnostics.filter((d: { code: string }) => !TRACE_RULES.has(d.code));
    assert.ok(messageLevel.length >= 5, 'the broken messages are reported');
    assert.deepEqual(b.diagnostics, messageLevel);
    assert.match(streamed.stderr, /read in chunks/);
    assert.equal(whole.stderr, '');
    // The text form reports the same lines.
    const text1 = run(file, {}, 'text').stdout.split('\n').filter((l) => !/\[(request-without-response|retransmission|invite-final-without-ack|cseq-not-increasing|cseq-number-mismatch)\]$/.test(l));
    const text2 = run(file, { SIP_TRACE_STREAM_THRESHOLD: '1000', SIP_TRACE_CHUNK_BYTES: '4099' }, 'text').stdout.split('\n');
    assert.deepEqual(text2.slice(0, -2), text1.slice(0, -2));
  });
}

test('a large file of text with no SIP streams without piling up, and says so once', () => {
  const file = path.join(tmp, 'junk.log');
  fs.writeFileSync(file, 'an ordinary log line without any SIP in it\n'.repeat(20000));
  const r = run(file, { SIP_TRACE_STREAM_THRESHOLD: '1000', SIP_TRACE_CHUNK_BYTES: '65536' });
  assert.equal(r.status, 0);
  const json = JSON.parse(r.stdout).files[0];
  assert.equal(json.messages.length, 0);
  assert.deepEqual(json.diagnostics.map((d: { code: string }) => d.code), ['no-sip-message']);
});
