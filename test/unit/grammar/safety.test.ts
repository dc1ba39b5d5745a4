/**
 * Hostile input must not stall the editor: every regex compiles, the build
 * refuses the constructs that backtrack, and 100 KB pathological lines
 * tokenize to the end and leave the next line unharmed.
 *
 * No assertion here depends on how fast the machine is. Each pathological
 * line is tokenized with vscode-textmate's time limit as a generous sanity
 * bound ("it completes"); the measured times are reported as diagnostics.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { before, describe, it } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';
import { getOnigLib, hasScope, loadGrammar, REPO_ROOT } from './harness';

interface BuildScript {
  generate(): { output: string; text: string }[];
  lint(node: unknown, where: string, problems: string[]): void;
}
const buildScript = require(path.join(REPO_ROOT, 'scripts/build-grammars.js')) as BuildScript;

/** A sanity bound, far above what any line takes: it only proves that tokenizing finishes. */
const SANITY_LIMIT_MS = 20_000;
const SIZE = 100 * 1024;

/** Repeats `unit` to at least `SIZE` characters. */
function repeat(unit: string): string {
  return unit.repeat(Math.ceil(SIZE / unit.length));
}

/** Every regex of a grammar file, with where it is. */
function regexesOf(node: unknown, where: string, out: { where: string; source: string }[]): void {
  if (Array.isArray(node)) {
    node.forEach((child, index) => regexesOf(child, `${where}[${index}]`, out));
  } else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (['match', 'begin', 'end', 'while'].includes(key) && typeof value === 'string') {
        out.push({ where: `${where}.${key}`, source: value });
      } else {
        regexesOf(value, `${where}.${key}`, out);
      }
    }
  }
}

describe('regex safety', () => {
  before(async () => {
    await getOnigLib();
  });

  it('compiles every regex of every grammar with Oniguruma', () => {
    let count = 0;
    for (const { output, text } of buildScript.generate()) {
      const regexes: { where: string; source: string }[] = [];
      regexesOf(JSON.parse(text), output, regexes);
      for (const { where, source } of regexes) {
        // Back-references to a `begin` capture (`\1` in `while`) are substituted at run time.
        const compilable = source.replace(/\\(\d)/g, '(?:x)');
        assert.doesNotThrow(() => new oniguruma.OnigScanner([compilable]).dispose(), `${where}: ${source}`);
        count++;
      }
    }
    assert.ok(count > 150, `found ${count} regexes`);
  });

  it('refuses `x{m,n}+`, which Oniguruma reads as a nested quantifier', () => {
    const problems: string[] = [];
    buildScript.lint({ patterns: [{ match: '[a-z]{1,8}+@' }] }, 'test', problems);
    assert.equal(problems.length, 1);
    assert.match(problems[0] as string, /atomic group/);
    const clean: string[] = [];
    buildScript.lint({ patterns: [{ match: '(?>[a-z]{1,8})@' }] }, 'test', clean);
    assert.deepEqual(clean, []);
  });
});

describe('pathological lines', () => {
  let grammar: vsctm.IGrammar;

  before(async () => {
    grammar = await loadGrammar('source.sip');
  });

  /**
   * Lines built to make a backtracking pattern explode: long runs of what
   * one pattern wants and another refuses, unclosed constructs, and lines
   * where every position could start a match.
   */
  const cases: Record<string, string> = {
    'a header of `;a=b` parameters': `Via: SIP/2.0/UDP 192.0.2.1${repeat(';a=b')}`,
    'an unclosed <sip: URI': `Contact: <sip:${repeat('a')}`,
    'an unclosed <sip: URI with parameters': `To: <sip:user@example.com${repeat(';lr')}`,
    'repeated `<sip:`': `Route: ${repeat('<sip:')}`,
    'repeated `sip:` with no user': `From: ${repeat('sip:')}`,
    'an unterminated quoted string': `From: "${repeat('x')}`,
    'a quoted string of escapes': `From: "${repeat('\\"')}`,
    'a run of quotes': `Subject: ${repeat('"')}`,
    'a run of angle brackets': `Route: ${repeat('<')}`,
    'a run of `<<` redaction openers': `Via: SIP/2.0/UDP ${repeat('<<x')}`,
    'a header name with no colon': repeat('X-Header-Name-'),
    'digits with no colon': repeat('1234567890'),
    'a user part with no @': `To: sip:${repeat('user;param=value?')}`,
    'an unclosed IPv6 literal': `Via: SIP/2.0/UDP [${repeat('2001:db8:')}`,
    'dotted quads that never end': `Warning: ${repeat('1.2.3.4.')}`,
    'host:port chains': `X-Route: ${repeat('a:1')}`,
    'percent signs': `X-Long: ${repeat('%')}`,
    'a request line with no version': `INVITE sip:user@example.com${repeat(' word')}`,
    'a request line of spaces': `INVITE ${repeat(' ')}SIP/2.0`,
    'dots before TX (pjsip framing)': `${repeat('.')}TX`,
    'an Asterisk arrow that never closes': `<--- ${repeat('SIP read from ')}`,
    'a bracket prefix that never closes': `[${repeat('Mar 30 13:35:51 ')}`,
    'a syslog prefix with endless host words': `May 20 21:00:02 ${repeat('host ')}`,
    'a Cisco line with endless slashes': `00:11:29: ${repeat('//-1/')}`,
    'dashes with an endless tail': `${'-'.repeat(47)} ${repeat('2026-05-15T16:24:27 ')}`,
    'an endless Call-ID': `Call-ID: ${repeat('x^')}`,
    'auth parameters without values': `Authorization: Digest ${repeat('a=, ')}`,
    'an SDP attribute of colons': `a=${repeat('x:')}`,
    'an SDP address of colons': `c=IN IP6 ${repeat('1:')}`,
    'a multipart boundary look-alike': `--${repeat('-a')}`,
    'an AudioCodes marker that never closes': `[Sat, 19 Dec 2020 10:45:06 GMT] ERROR ${repeat('---- Incoming SIP Message from x ')}`,
    'ANSI escapes': repeat('\u001b[0;31m'),
  };

  for (const [name, line] of Object.entries(cases)) {
    it(`finishes ${name} (${Math.round(line.length / 1024)} KB) and recovers on the next line`, (t) => {
      // Each case runs at the top level, inside a header, inside a prefix block and inside an SDP body.
      const contexts: [string, string][] = [
        ['top level', ''],
        ['header', 'Subject: folded'],
        ['prefix block', '[Mar 30 13:35:51] Subject: x'],
        ['SDP body', 'v=0'],
      ];
      for (const [contextName, opener] of contexts) {
        let state: vsctm.StateStack = vsctm.INITIAL;
        if (opener) {
          state = grammar.tokenizeLine(opener, state).ruleStack;
        }
        const started = performance.now();
        const result = grammar.tokenizeLine(line, state, SANITY_LIMIT_MS);
        const elapsed = performance.now() - started;
        assert.equal(result.stoppedEarly, false, `${contextName}: tokenizing did not finish`);
        const last = result.tokens[result.tokens.length - 1];
        assert.ok(last && last.endIndex >= line.length, `${contextName}: tokens stop at ${last?.endIndex} of ${line.length}`);
        t.diagnostic(`${contextName}: ${result.tokens.length} tokens in ${elapsed.toFixed(1)} ms`);

        const next = grammar.tokenizeLine('CSeq: 1 INVITE', result.ruleStack);
        const method = next.tokens.find((token) => 'CSeq: 1 INVITE'.slice(token.startIndex, token.endIndex) === 'INVITE');
        assert.ok(method, `${contextName}: next line has an INVITE token`);
        assert.ok(
          hasScope({ text: 'INVITE', startIndex: method.startIndex, scopes: method.scopes }, 'support.function.method.sip'),
          `${contextName}: the next line is a CSeq header again, got ${method.scopes.join(' ')}`,
        );
      }
    });
  }
});
