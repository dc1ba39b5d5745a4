/** The `sip-trace` CLI as a user runs it: the built bin script, real files, stdin, exit codes. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CORPUS, REPO_ROOT, crlf } from './helpers';

const BIN = path.join(REPO_ROOT, 'bin', 'sip-trace.js');

function run(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sip-trace-cli-'));
const GOOD = path.join(tmp, 'good.sip');
const BAD = path.join(tmp, 'bad.sip');
fs.writeFileSync(GOOD, crlf(
  'INVITE sip:bob@biloxi.example.com SIP/2.0', 'Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds',
  'Max-Forwards: 70', 'To: Bob <sip:bob@biloxi.example.com>', 'From: Alice <sip:alice@atlanta.example.com>;tag=1928301774',
  'Call-ID: a84b4c76e66710', 'CSeq: 314159 INVITE', 'Contact: <sip:alice@pc33.atlanta.example.com>', 'Content-Length: 0', '',
));
fs.writeFileSync(BAD, crlf('SIP/2.0 4866 Busy Here', 'Call-ID: x', 'CSeq 1 INVITE', 'Content-Length: 0', ''));

test('check a valid file: exit 0, summary line', () => {
  const r = run(['check', GOOD]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, '1 file, 1 message: 0 errors, 0 warnings, 0 information, 0 hints\n');
});

test('check a broken file: exit 1, clickable path:line:col lines', () => {
  const r = run(['check', BAD]);
  assert.equal(r.status, 1);
  const lines = r.stdout.trim().split('\n');
  assert.deepEqual(lines.slice(0, 2), [
    `${BAD}:1:9: error: Status code "4866" is not a three-digit code from 100 to 699 [status-code-invalid]`,
    `${BAD}:3:1: error: Header line has no colon; expected "Name: value" [header-missing-colon]`,
  ]);
  assert.match(lines[2], /^1 file, 1 message: 2 errors/);
});

test('--format json: the documented shape', () => {
  const r = run(['check', '--format', 'json', GOOD, BAD]);
  assert.equal(r.status, 1);
  const json = JSON.parse(r.stdout);
  assert.equal(json.version, 1);
  assert.equal(json.files.length, 2);
  const [good, bad] = json.files;
  assert.equal(good.path, GOOD);
  assert.equal(good.traceFormat, 'raw');
  assert.deepEqual(good.messages[0], {
    index: 0, kind: 'request', method: 'INVITE', status: null, reason: null, callId: 'a84b4c76e66710',
    cseq: { seq: 314159, method: 'INVITE' }, timestamp: null, direction: null, source: null, destination: null,
    transport: null,
    range: { start: { line: 0, character: 0 }, end: { line: 10, character: 0 } },
    startLineRange: { start: { line: 0, character: 0 }, end: { line: 0, character: 41 } },
  });
  assert.deepEqual(good.diagnostics, []);
  assert.equal(bad.messages[0].kind, 'response');
  assert.equal(bad.messages[0].status, 4866);
  assert.deepEqual(bad.diagnostics[0], {
    range: { start: { line: 0, character: 8 }, end: { line: 0, character: 12 } },
    severity: 'error', code: 'status-code-invalid',
    message: 'Status code "4866" is not a three-digit code from 100 to 699', source: 'sip',
  });
});

test('standard input with -', () => {
  const r = run(['check', '--format', 'json', '-'], fs.readFileSync(GOOD, 'utf8'));
  assert.equal(r.status, 0);
  assert.equal(JSON.parse(r.stdout).files[0].path, '-');
});

test('a directory is searched recursively: all 50 RFC 4475 files', () => {
  const r = run(['check', '--format', 'json', path.join(CORPUS, 'rfc4475')]);
  assert.equal(r.status, 1, 'the invalid torture messages have errors');
  const json = JSON.parse(r.stdout);
  assert.equal(json.files.length, 50);
  assert.equal(json.files.reduce((n: number, f: { messages: unknown[] }) => n + f.messages.length, 0), 51);
});

test('--rule and --max-problems change what is reported', () => {
  assert.equal(run(['check', '--rule', 'status-code-invalid=warning', '--rule', 'header-missing-colon=off', BAD]).status, 0);
  const r = run(['check', '--max-problems', '1', '--format', 'json', BAD]);
  assert.equal(JSON.parse(r.stdout).files[0].diagnostics.length, 1);
});

test('usage and I/O errors: exit 2 with one line on stderr', () => {
  for (const args of [['check', path.join(tmp, 'missing.sip')], ['check'], ['check', '--format', 'xml', GOOD], ['frobnicate'], ['check', '--bogus', GOOD]]) {
    const r = run(args);
    assert.equal(r.status, 2, args.join(' '));
    assert.equal(r.stdout, '');
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, /^sip-trace: /);
  }
  assert.match(run(['check', path.join(tmp, 'missing.sip')]).stderr, /no such file/);
});

test('--help and --version', () => {
  assert.match(run(['--help']).stdout, /sip-trace check \[--format text\|json\]/);
  assert.match(run(['--version']).stdout, /^sip-trace \d+\.\d+\.\d+/);
});
