/** `sip-trace explain` and `sip-trace calls`, run as a user runs them. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { REPO_ROOT } from './helpers';

const BIN = path.join(REPO_ROOT, 'bin', 'sip-trace.js');
const CALLS = path.join(REPO_ROOT, 'test', 'fixtures', 'calls.sip');

function run(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('explain prints the same explanation as the hover, exit 0', () => {
  const cases: [string, RegExp][] = [
    ['486', /^\*\*486 Busy Here\*\* — 4xx Client Failure/],
    ['Via', /^\*\*Via\*\* — header field \(compact form `v`\)/],
    ['v', /^\*\*v\*\* — compact form of \*\*Via\*\*/],
    ['INVITE', /^\*\*INVITE\*\*/],
    ['q850:17', /User busy/],
    ['409', /not registered/],
  ];
  for (const [topic, expected] of cases) {
    const r = run(['explain', topic]);
    assert.equal(r.status, 0, topic);
    assert.match(r.stdout, expected, topic);
  }
});

test('explain: an unknown topic exits 1 with a hint; no topic is a usage error', () => {
  const unknown = run(['explain', 'frobnicate']);
  assert.equal(unknown.status, 1);
  assert.equal(unknown.stdout, '');
  assert.match(unknown.stderr, /nothing known about "frobnicate"/);
  assert.equal(run(['explain']).status, 2);
});

test('calls: one row per call with its outcome, as text and JSON', () => {
  const text = run(['calls', CALLS]);
  assert.equal(text.status, 0);
  const lines = text.stdout.trim().split('\n');
  assert.equal(lines[0], `${CALLS} (raw): 4 calls`);
  assert.match(lines[2], /^ {4}2 INVITE {4}alice@atlanta\.example\.com -> carol@chicago\.example\.com \| 487 Request Terminated \| 7 msg \| ended by caller \(CANCEL\)/);

  const json = JSON.parse(run(['calls', '--format', 'json', CALLS]).stdout);
  assert.equal(json.version, 1);
  const calls = json.files[0].calls;
  assert.deepEqual(calls.map((c: { outcome: string; messageCount: number }) => [c.outcome, c.messageCount]), [
    ['answered', 16], ['cancelled', 7], ['completed', 4], ['completed', 4],
  ]);
  assert.equal(calls[0].callId, 'call1-auth-answer@192.0.2.10');
  assert.equal(calls[0].endedBy, 'callee (BYE)');
  assert.match(calls[0].media, /PCMA\/8000/);
  assert.equal(run(['calls', '--rule', 'x=off', CALLS]).status, 2, 'check-only options are refused');
});
