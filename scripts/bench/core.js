'use strict';
/**
 * Loads what the benchmark measures: the compiled core (`out/server/src/sip`,
 * built by `tsc -b`), the bundles in `dist/`, and the peer parsers
 * (devDependencies). Fails with a clear message when the build is missing.
 */
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const SIP_OUT = path.join(ROOT, 'out', 'server', 'src', 'sip');
const DIST = path.join(ROOT, 'dist');

function need(file) {
  if (!fs.existsSync(file)) {
    throw new Error(`${path.relative(ROOT, file)} is missing: run \`npm run compile\` (or \`npx tsc -b && node scripts/build.js\`) first`);
  }
  return file;
}

function loadCore() {
  const { parseTrace } = require(need(path.join(SIP_OUT, 'parse.js')));
  const engine = require(need(path.join(SIP_OUT, 'rules', 'engine.js')));
  const registry = require(need(path.join(SIP_OUT, 'framing', 'registry.js')));
  const catalog = require(need(path.join(SIP_OUT, 'rules', 'catalog.js')));
  let messageRules = null;
  try {
    messageRules = require(path.join(SIP_OUT, 'rules', 'index.js')).MESSAGE_RULES.length;
  } catch {
    // Informational only.
  }
  let traceRules = null;
  try {
    traceRules = require(path.join(SIP_OUT, 'rules', 'traceRules.js')).TRACE_RULES.length;
  } catch {
    // Not every version of the core has conversation-level rules.
  }
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

module.exports = { ROOT, SIP_OUT, DIST, need, loadCore, loadPeers, framerFor, getGc, readVersion };
