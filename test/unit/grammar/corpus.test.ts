/**
 * Tokenizes every trace of the shared corpus (../shared/corpus: RFC 4475,
 * RFC 5118 and one file per trace tool) and checks what a user opening them
 * would see: start lines recognised, framing lines never taken for headers,
 * and no line that takes runaway time.
 *
 * Timing is reported, not asserted: each line is tokenized with a generous
 * time limit that only proves it finishes; the slowest line, measured after
 * a warm-up pass (regex compilation happens on first use), is printed as a
 * test diagnostic and written to test-results/grammar-corpus-timing.json.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { before, describe, it } from 'node:test';
import * as vsctm from 'vscode-textmate';
import { CORPUS_DIR, hasScope, loadGrammar, REPO_ROOT, splitLines, tokenizeLines } from './harness';

const SANITY_LIMIT_MS = 20_000;

function corpusFiles(): string[] {
  const files: string[] = [];
  for (const dir of fs.readdirSync(CORPUS_DIR).sort()) {
    const full = path.join(CORPUS_DIR, dir);
    if (fs.statSync(full).isDirectory()) {
      for (const name of fs.readdirSync(full).sort()) {
        files.push(path.join(full, name));
      }
    }
  }
  return files;
}

/** Corpus files hold raw bytes (RFC 4475 has non-UTF-8 messages); latin1 keeps every byte a character. */
function readLines(file: string): string[] {
  return splitLines(fs.readFileSync(file, 'latin1'));
}


describe('shared corpus', () => {
  let grammar: vsctm.IGrammar;
  let files: string[];

  before(async () => {
    assert.ok(fs.existsSync(CORPUS_DIR), `the shared corpus is expected at ${CORPUS_DIR}`);
    grammar = await loadGrammar('source.sip');
    files = corpusFiles();
  });

  it('tokenizes every corpus line to its end, and reports the slowest line', (t) => {
    assert.ok(files.length >= 80, `found ${files.length} corpus files`);
    // Warm-up: the first use of each rule compiles its regexes.
    for (const file of files) {
      tokenizeLines(grammar, readLines(file));
    }
    // Timed passes: a single sample can catch a garbage-collection pause, so each line's
    // time is the median of several passes.
    const PASSES = 5;
    const samples = new Map<string, { file: string; line: number; length: number; ms: number[] }>();
    for (let pass = 0; pass < PASSES; pass++) {
      for (const file of files) {
        let state: vsctm.StateStack = vsctm.INITIAL;
        readLines(file).forEach((text, index) => {
          const started = performance.now();
          const result = grammar.tokenizeLine(text, state, SANITY_LIMIT_MS);
          const ms = performance.now() - started;
          state = result.ruleStack;
          const where = `${path.relative(CORPUS_DIR, file)}:${index + 1}`;
          assert.equal(result.stoppedEarly, false, `${where} did not finish`);
          const last = result.tokens[result.tokens.length - 1];
          assert.ok(text.length === 0 || (last && last.endIndex >= text.length), `${where} not tokenized to its end`);
          const entry = samples.get(where) ?? { file: path.relative(CORPUS_DIR, file), line: index + 1, length: text.length, ms: [] };
          entry.ms.push(ms);
          samples.set(where, entry);
        });
      }
    }
    const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
    const timings = [...samples.values()].map((entry) => ({ ...entry, median: median(entry.ms) })).sort((a, b) => b.median - a.median);
    const total = timings.reduce((sum, timing) => sum + timing.median, 0);
    const slowest = timings.slice(0, 5).map(({ file, line, length, median: ms }) => ({ file, line, length, ms: Number(ms.toFixed(3)) }));
    const report = { lines: timings.length, files: files.length, passes: PASSES, medianTotalMs: Number(total.toFixed(2)), slowest };
    fs.mkdirSync(path.join(REPO_ROOT, 'test-results'), { recursive: true });
    fs.writeFileSync(path.join(REPO_ROOT, 'test-results/grammar-corpus-timing.json'), `${JSON.stringify(report, null, 2)}\n`);
    t.diagnostic(`${timings.length} lines in ${files.length} files, ${total.toFixed(1)} ms per pass (sum of per-line medians)`);
    for (const s of slowest) {
      t.diagnostic(`slowest line: ${s.file}:${s.line} (${s.length} chars) median ${s.ms} ms over ${PASSES} passes`);
    }
  });

  it('recognises every start line, with the status class of every response', () => {
    // Start lines, also behind the per-line prefixes the grammar strips: `[Mar 30 13:35:51] `,
    // `// ` and a FreeSWITCH Call-ID.
    const prefix = /^(?:\[[^\]\n]*\d:\d\d[^\]\n]*\] ?|\/\/|[^\s@]+@\S+(?=[ \t]))?[ \t]*/;
    const request = /^[A-Z][A-Z]{2,} (?:sips?|tel):\S+ SIP\/2\.0[ \t]*$/;
    const status = /^SIP\/2\.0 ([1-6])\d\d(?: |$)/;
    const classScope: Record<string, string> = {
      '1': 'markup.changed.status.provisional',
      '2': 'markup.inserted.status.success',
      '3': 'markup.underline.link.status.redirection',
      '4': 'markup.deleted.status.client-failure',
      '5': 'markup.deleted.status.server-failure',
      '6': 'markup.deleted.status.global-failure',
    };
    let requests = 0;
    let responses = 0;
    for (const file of files) {
      for (const line of tokenizeLines(grammar, readLines(file))) {
        const where = `${path.relative(CORPUS_DIR, file)}: ${line.line}`;
        const start = (prefix.exec(line.line)?.[0] ?? '').length;
        const rest = line.line.slice(start);
        const first = line.tokens.find((token) => token.startIndex === start);
        if (request.test(rest)) {
          assert.ok(first && hasScope(first, 'support.function.method'), `method not scoped in ${where}`);
          requests++;
        }
        const statusMatch = status.exec(rest);
        if (statusMatch) {
          assert.ok(first && hasScope(first, 'constant.language.sip-version'), `version not scoped in ${where}`);
          const code = line.tokens.find((token) => token.startIndex === start + 'SIP/2.0 '.length);
          assert.ok(code && hasScope(code, classScope[statusMatch[1] as string] as string), `status class not scoped in ${where}`);
          responses++;
        }
      }
    }
    // The corpus's counts when this test was written: guards against the check matching nothing.
    assert.ok(requests >= 60 && responses >= 15, `checked ${requests} request lines and ${responses} status lines`);
  });

  it('never scopes a framing line as a SIP header', () => {
    const framing = /^[ \t]*(?:<---|<-{3,}>|--- \(|recv \d+ bytes|send \d+ bytes|[UT] \S+ -> |-{10,}|={10,}|~{10,}|\|{10,}|Sent:|Received:|--end msg--|\$\$end_record|File (?:opened|closed)|RAW PDU:|Follow:|Filter:|Node \d:|Frame \d+:)/;
    let checked = 0;
    for (const file of files.filter((name) => name.includes(`${path.sep}formats${path.sep}`))) {
      for (const line of tokenizeLines(grammar, readLines(file))) {
        if (!framing.test(line.line)) {
          continue;
        }
        const where = `${path.relative(CORPUS_DIR, file)}: ${line.line}`;
        assert.ok(!line.tokens.some((token) => hasScope(token, 'meta.header')), `header scope in ${where}`);
        const visible = line.tokens.filter((token) => token.text.trim() !== '');
        assert.ok(visible.every((token) => hasScope(token, 'comment')), `not a comment throughout: ${where}`);
        checked++;
      }
    }
    // The corpus's count when this test was written: guards against the check matching nothing.
    assert.ok(checked >= 35, `checked ${checked} framing lines`);
  });

  it('reads the SIP behind per-line log prefixes', () => {
    const prefixed = path.join(CORPUS_DIR, 'formats/asterisk_chan_sip_timestamped_console.txt');
    const lines = tokenizeLines(grammar, readLines(prefixed));
    const headerLines = lines.filter((line) => /^\[[^\]]+\] [A-Z][\w-]*: /.test(line.line));
    assert.ok(headerLines.length >= 20, `found ${headerLines.length} prefixed header lines`);
    for (const line of headerLines) {
      const name = line.tokens.find((token) => hasScope(token, 'support.type.header-name'));
      assert.ok(name, `no header name after the prefix in ${line.line}`);
      assert.equal(line.line.indexOf(name.text), name.startIndex);
    }
  });
});
