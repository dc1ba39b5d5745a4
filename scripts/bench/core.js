'use strict';
/**
 * Loads what the benchmark measures: the core (bundled from its sources, as
 * it ships), the bundles in `dist/`, and the peer parsers
 * (devDependencies). Fails with a clear message when the build is missing.
 */
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const DIST = path.join(ROOT, 'dist');

function need(file) {
  if (!fs.existsSync(file)) {
    throw new Error(`${path.relative(ROOT, file)} is missing: run \`npm run compile\` (or \`npx tsc -b && node scripts/build.js\`) first`);
  }
  return file;
}

/**
 * The core as it ships: bundled by esbuild from the same sources as
 * `dist/server.js` and `dist/cli.js`, so the benchmark times the code users
 * run (tsc's CommonJS output calls every imported function through its
 * module object, which costs about 10%). Written to `out/bench/core.js`.
 */
function bundleCore() {
  const outfile = path.join(ROOT, 'out', 'bench', 'core.js');
  const sip = (file) => `./server/src/sip/${file}`;
  const contents = [
    `export { parseTrace } from '${sip('parse')}';`,
    `export * as engine from '${sip('rules/engine')}';`,
    `export * as registry from '${sip('framing/registry')}';`,
    `export * as catalog from '${sip('rules/catalog')}';`,
    `export { MESSAGE_RULES } from '${sip('rules/index')}';`,
    `export { TRACE_RULES } from '${sip('rules/traceRules')}';`,
  ].join('\n');
  need(path.join(ROOT, 'server', 'src', 'sip', 'parse.ts'));
  require('esbuild').buildSync({
    stdin: { contents, resolveDir: ROOT, loader: 'ts', sourcefile: 'bench-core.ts' },
    bundle: true, platform: 'node', target: 'node20', format: 'cjs', outfile, logLevel: 'warning',
  });
  return require(outfile);
}

function loadCore() {
  const bundle = bundleCore();
  const { parseTrace, engine, registry, catalog } = bundle;
  const messageRules = bundle.MESSAGE_RULES ? bundle.MESSAGE_RULES.length : null;
  const traceRules = bundle.TRACE_RULES ? bundle.TRACE_RULES.length : null;
  // All rules on, nothing capped: the cost of every rule on every message.
  const allRulesSettings = { ...engine.DEFAULT_VALIDATION_SETTINGS, enable: true, maxProblems: Number.MAX_SAFE_INTEGER, rules: {} };
  return {
    parseTrace,
    validate: (model) => engine.validate(model, allRulesSettings),
    framerById: registry.framerById,
    framerIds: (registry.FRAMERS || []).map((f) => f.id),
    ruleCount: typeof catalog.allRules === 'function' ? catalog.allRules().length : null,
    messageRules,
    traceRules,
  };
}

/** Framer ids of the wrapped formats the generator writes, as the core's registry names them. */
const WRAPPED_FRAMER_IDS = {
  ngrep: ['ngrep'],
  asterisk: ['asterisk-chan-sip', 'asterisk', 'asterisk-sip'],
};

/** The framer id for a generator format, or null when the core has no such framer yet. */
function framerFor(core, format) {
  if (format === 'raw') return 'raw';
  for (const id of WRAPPED_FRAMER_IDS[format] || []) if (core.framerById(id)) return id;
  return null;
}

function loadPeers() {
  const drachtio = require('drachtio-sip');
  const kirm = require('sip');
  return {
    drachtioLazy: (s) => new drachtio.SipMessage(s),
    drachtioEager: (s) => drachtio.parser.parseSipMessage(s),
    sipParse: (s) => kirm.parse(s),
    versions: {
      'drachtio-sip': readVersion('drachtio-sip'),
      sip: readVersion('sip'),
    },
  };
}

function readVersion(name) {
  try {
    return JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return null;
  }
}

/** `gc()` without starting node with `--expose-gc`. */
function getGc() {
  if (typeof global.gc === 'function') return global.gc;
  require('node:v8').setFlagsFromString('--expose-gc');
  return require('node:vm').runInNewContext('gc');
}

module.exports = { ROOT, DIST, need, loadCore, loadPeers, framerFor, getGc, readVersion };
