#!/usr/bin/env node
// @ts-check
'use strict';

/**
 * Generates the TextMate grammars in syntaxes/*.tmLanguage.json from their
 * sources in syntaxes/src/*.grammar.js.
 *
 *   node scripts/build-grammars.js          write the JSON files
 *   node scripts/build-grammars.js --check  fail if a JSON file is out of date
 *
 * The JSON files are checked in, so packaging never depends on this script
 * having run; a unit test asserts they equal what this script generates.
 */

const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');

/** Each grammar's source module and the JSON file generated from it. */
const GRAMMARS = [
  { source: 'syntaxes/src/sip.grammar.js', output: 'syntaxes/sip.tmLanguage.json' },
  { source: 'syntaxes/src/sdp.grammar.js', output: 'syntaxes/sdp.tmLanguage.json' },
  { source: 'syntaxes/src/sip-markdown-injection.grammar.js', output: 'syntaxes/sip-markdown-injection.tmLanguage.json' },
];

const REGEX_KEYS = ['match', 'begin', 'end', 'while'];

/**
 * Refuses regex constructs that make a grammar slow on hostile input.
 * `x{1,3}+` reads like a possessive interval but in Oniguruma's default
 * syntax it is `(?:x{1,3})+`, a nested quantifier that backtracks
 * exponentially; write `(?>x{1,3})` instead.
 *
 * @param {unknown} node part of a grammar
 * @param {string} where JSON path, for the message
 * @param {string[]} problems collects messages
 */
function lint(node, where, problems) {
  if (Array.isArray(node)) {
    node.forEach((child, index) => lint(child, `${where}[${index}]`, problems));
    return;
  }
  if (node === null || typeof node !== 'object') {
    return;
  }
  for (const [key, value] of Object.entries(node)) {
    const at = `${where}.${key}`;
    if (REGEX_KEYS.includes(key) && typeof value === 'string') {
      if (/\}\+/.test(value)) {
        problems.push(`${at}: "}+" is not possessive in Oniguruma; use an atomic group (?>x{m,n})`);
      }
    } else {
      lint(value, at, problems);
    }
  }
}

/**
 * @returns {{ source: string, output: string, text: string }[]} the generated files
 */
function generate() {
  return GRAMMARS.map(({ source, output }) => {
    const modulePath = path.join(ROOT, source);
    delete require.cache[require.resolve(modulePath)];
    const { grammar } = require(modulePath);
    /** @type {string[]} */
    const problems = [];
    lint(grammar, grammar.scopeName, problems);
    if (problems.length > 0) {
      throw new Error(`${source}:\n  ${problems.join('\n  ')}`);
    }
    return { source, output, text: `${JSON.stringify(grammar, null, 2)}\n` };
  });
}

function main() {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const { source, output, text } of generate()) {
    const file = path.join(ROOT, output);
    const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
    if (current === text) {
      continue;
    }
    if (check) {
      stale++;
      console.error(`${output} is out of date with ${source}; run node scripts/build-grammars.js`);
    } else {
      fs.writeFileSync(file, text);
      console.log(`wrote ${output}`);
    }
  }
  if (stale > 0) {
    process.exitCode = 1;
  }
}

module.exports = { generate, lint, GRAMMARS };

if (require.main === module) {
  main();
}
