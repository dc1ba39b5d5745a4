/**
 * The CLI's settings file: `.sip-trace.json` beside the checked file or in a
 * parent folder, or `--config FILE`; `--rule`, `--max-problems` and
 * `--trace-format` win over it. Run as a user runs it (the built bin).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT, crlf } from './helpers';
import { listTraceFormats } from '../../server/src/sip/framing/registry';

const BIN = path.join(REPO_ROOT, 'bin', 'sip-trace.js');

function run(args: string[], cwd?: string, input?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd, input });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function json(args: string[], cwd?: string) {
  const r = run(['check', '--format', 'json', ...args], cwd);
  assert.notEqual(r.status, 2, r.stderr);
  return { ...r, files: JSON.parse(r.stdout).files as { path: string; traceFormat: string; diagnostics: { code: string; severity: string }[] }[] };
}

/** An RFC 2543-style OPTIONS: well-formed, with two warnings (no branch, no Max-Forwards). */
const TRACE = crlf(
  'OPTIONS sip:carol@chicago.example.com SIP/2.0',
  'Via: SIP/2.0/UDP pc33.atlanta.example.com',
  'To: <sip:carol@chicago.example.com>',
  'From: Alice <sip:alice@atlanta.example.com>;tag=1928301774',
  'Call-ID: a84b4c76e66710@pc33.atlanta.example.com',
  'CSeq: 63104 OPTIONS',
  'Content-Length: 0',
  '',
);

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sip-trace-config-'));
const project = path.join(root, 'project');
const deep = path.join(project, 'traces', 'today');
fs.mkdirSync(deep, { recursive: true });
const plain = path.join(root, 'plain.sip');
const inProject = path.join(deep, 'call.sip');
fs.writeFileSync(plain, TRACE);
fs.writeFileSync(inProject, TRACE);
const writeConfig = (dir: string, config: unknown) => fs.writeFileSync(path.join(dir, '.sip-trace.json'), typeof config === 'string' ? config : JSON.stringify(config));
writeConfig(project, { rules: { 'via-branch-missing': 'error', 'max-forwards-missing': 'off' } });

const codes = (f: { diagnostics: { code: string; severity: string }[] }) => f.diagnostics.map((d) => `${d.code}:${d.severity}`);

test('without a config file: the catalogue severities', () => {
  const r = json([plain]);
  assert.equal(r.status, 0);
  assert.deepEqual(codes(r.files[0]), ['max-forwards-missing:warning', 'via-branch-missing:warning']);
});

test('.sip-trace.json in a parent folder applies to the files below it', () => {
  const r = json([inProject]);
  assert.equal(r.status, 1, 'via-branch-missing is an error there');
  assert.deepEqual(codes(r.files[0]), ['via-branch-missing:error']);
});

test('one run, two folders: each file gets its own folder\'s config', () => {
  const r = json([plain, inProject]);
  assert.deepEqual(r.files.map(codes), [['max-forwards-missing:warning', 'via-branch-missing:warning'], ['via-branch-missing:error']]);
});

test('--rule wins over the config file', () => {
  const r = json(['--rule', 'via-branch-missing=information', '--rule', 'max-forwards-missing=hint', inProject]);
  assert.equal(r.status, 0);
  assert.deepEqual(codes(r.files[0]), ['max-forwards-missing:hint', 'via-branch-missing:information']);
});

test('--config FILE is used instead of the folder\'s', () => {
  const other = path.join(root, 'other.json');
  fs.writeFileSync(other, JSON.stringify({ rules: { 'via-branch-missing': 'off' }, maxProblems: 5 }));
  const r = json(['--config', other, inProject]);
  assert.deepEqual(codes(r.files[0]), ['max-forwards-missing:warning']);
});

test('maxProblems from the config; --max-problems wins', () => {
  const dir = fs.mkdtempSync(path.join(root, 'max-'));
  writeConfig(dir, { maxProblems: 1 });
  const file = path.join(dir, 'a.sip');
  fs.writeFileSync(file, TRACE);
  assert.equal(json([file]).files[0].diagnostics.length, 1);
  assert.equal(json(['--max-problems', '5', file]).files[0].diagnostics.length, 2);
});

test('traceFormat from the config; --trace-format wins', () => {
  const other = listTraceFormats().map((f) => f.id).find((id) => id !== 'raw' && id !== 'auto');
  assert.ok(other, 'a second trace format is registered');
  const dir = fs.mkdtempSync(path.join(root, 'format-'));
  writeConfig(dir, { traceFormat: other });
  const file = path.join(dir, 'a.sip');
  fs.writeFileSync(file, TRACE);
  assert.equal(json([file]).files[0].traceFormat, other);
  assert.equal(json(['--trace-format', 'raw', file]).files[0].traceFormat, 'raw');
});

test('standard input uses the working directory\'s config', () => {
  const r = run(['check', '--format', 'json', '-'], deep, TRACE);
  assert.deepEqual(codes(JSON.parse(r.stdout).files[0]), ['via-branch-missing:error']);
});

test('a config that cannot be used: exit 2, one line on stderr, no output', () => {
  const cases: [unknown, RegExp][] = [
    ['{ "rules": ', /not valid JSON/],
    ['[1, 2]', /must be a JSON object/],
    [{ rules: { 'via-branch-missing': 'loud' } }, /rules\["via-branch-missing"\] must be off, error, warning, information or hint/],
    [{ rules: ['via-branch-missing'] }, /"rules" must be an object/],
    [{ maxProblems: -1 }, /"maxProblems" must be a non-negative integer/],
    [{ traceFormat: 7 }, /"traceFormat" must be/],
  ];
  for (const [config, message] of cases) {
    const dir = fs.mkdtempSync(path.join(root, 'bad-'));
    writeConfig(dir, config);
    const file = path.join(dir, 'a.sip');
    fs.writeFileSync(file, TRACE);
    const r = run(['check', file]);
    assert.equal(r.status, 2, JSON.stringify(config));
    assert.equal(r.stdout, '');
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, message);
  }
  const missing = run(['check', '--config', path.join(root, 'nope.json'), plain]);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /cannot read config .*nope\.json: ENOENT/);
});

test('unknown rule ids and keys are warned about once, and the check still runs', () => {
  const dir = fs.mkdtempSync(path.join(root, 'unknown-'));
  writeConfig(dir, { rules: { 'no-such-rule': 'off' }, colour: 'blue' });
  const file = path.join(dir, 'a.sip');
  fs.writeFileSync(file, TRACE);
  const r = run(['check', file, file, '--rule', 'also-unknown=off']);
  assert.equal(r.status, 0);
  const lines = r.stderr.trim().split('\n');
  assert.equal(lines.length, 3, r.stderr);
  assert.match(lines[0], /^sip-trace: warning: config .*: unknown key "colour" ignored/);
  assert.match(lines[1], /^sip-trace: warning: config .*: unknown rule id "no-such-rule"/);
  assert.match(lines[2], /^sip-trace: warning: --rule: unknown rule id "also-unknown"/);
  assert.match(r.stdout, /2 files, 2 messages: 0 errors, 4 warnings/);
});

test('--help documents --config and the file', () => {
  const help = run(['--help']).stdout;
  assert.match(help, /--config FILE/);
  assert.match(help, /\.sip-trace\.json/);
  assert.equal(run(['calls', '--config', plain, plain]).status, 2, '--config is an option of check');
});
