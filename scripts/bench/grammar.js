'use strict';
/**
 * Grammar speed: tokenizes every line of the corpus with the TextMate grammar
 * the way VS Code does (vscode-textmate + vscode-oniguruma, `tokenizeLine2`,
 * the rule stack carried from line to line) and reports the slowest line.
 *
 * Pass 1 is cold (regexes compiled on first use); the per-line time reported
 * is the minimum over the warm passes, which removes scheduler noise without
 * hiding a line that is slow every time.
 */
const fs = require('node:fs');
const path = require('node:path');
const { nowMs, quantile } = require('./stats');

async function loadGrammar(grammarPath) {
  const vsctm = require('vscode-textmate');
  const oniguruma = require('vscode-oniguruma');
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const content = fs.readFileSync(grammarPath, 'utf8');
  const raw = vsctm.parseRawGrammar(content, grammarPath);
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName) => (scopeName === raw.scopeName ? raw : null),
  });
  const grammar = await registry.loadGrammar(raw.scopeName);
  if (!grammar) throw new Error(`${grammarPath}: vscode-textmate could not load scope ${raw.scopeName}`);
  return { grammar, INITIAL: vsctm.INITIAL, scopeName: raw.scopeName };
}

function corpusFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) out.push(full);
    }
  };
  walk(dir);
  return out;
}

async function runGrammar({ grammarPath, corpusDir, passes = 4 }) {
  if (!fs.existsSync(grammarPath)) return { skipped: `${grammarPath} does not exist (yet)` };
  if (!fs.existsSync(corpusDir)) return { skipped: `corpus ${corpusDir} does not exist` };
  const { grammar, INITIAL, scopeName } = await loadGrammar(grammarPath);
  const files = corpusFiles(corpusDir).map((file) => ({ file, lines: fs.readFileSync(file).toString('utf8').split(/\r\n|\r|\n/) }));
  const lineCount = files.reduce((n, f) => n + f.lines.length, 0);
  const best = new Float64Array(lineCount).fill(Infinity);
  const cold = new Float64Array(lineCount);
  const passTotals = [];
  for (let pass = 0; pass < passes; pass++) {
    let k = 0;
    const p0 = nowMs();
    for (const { lines } of files) {
      let stack = INITIAL;
      for (const line of lines) {
        const t0 = nowMs();
        const r = grammar.tokenizeLine2(line, stack);
        const ms = nowMs() - t0;
        stack = r.ruleStack;
        if (pass === 0) cold[k] = ms;
        else if (ms < best[k]) best[k] = ms;
        k++;
      }
    }
    passTotals.push(nowMs() - p0);
  }
  const warm = passes > 1 ? best : cold;
  let slowest = 0;
  for (let k = 1; k < lineCount; k++) if (warm[k] > warm[slowest]) slowest = k;
  let where = null;
  let k = 0;
  for (const { file, lines } of files) {
    if (slowest < k + lines.length) {
      const line = lines[slowest - k];
      where = { file: path.relative(corpusDir, file), line: slowest - k + 1, length: line.length, preview: line.slice(0, 80) };
      break;
    }
    k += lines.length;
  }
  return {
    grammar: path.basename(grammarPath),
    scopeName,
    files: files.length,
    lines: lineCount,
    slowestLineMs: warm[slowest],
    slowestLine: where,
    p99LineMs: quantile(Array.from(warm), 0.99),
    coldMaxLineMs: Math.max(...cold),
    passMs: passTotals,
  };
}

module.exports = { runGrammar };
