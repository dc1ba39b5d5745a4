'use strict';
/** Command-line options of `npm run bench` (scripts/bench.js). */
const path = require('node:path');
const { parseSize, FORMATS } = require('./generate');
const { ROOT } = require('./core');

const USAGE = `Usage: npm run bench -- [options]      (or: node scripts/bench.js [options] after npm run compile)

  --quick               about 30 s: fewer rounds, smaller files, no 500 MB run
  --json                print one JSON document on stdout instead of the tables
  --out FILE            also write the JSON document to FILE
  --only LIST           sections to run, comma-separated:
                        throughput,process,lsp,memory,big,grammar (default: all)
  --seed N              trace generator seed (default 1)
  --rounds N            in-process rounds (default 7; --quick 3)
  --messages N          messages in the in-process trace (default 32000, like issue 10)
  --size SIZE           in-process trace size instead of --messages (1MB .. 50MB)
  --formats LIST        trace wrappings for our parser: raw,ngrep,asterisk (default: all;
                        a wrapping the core cannot frame yet is skipped with a note)
  --wrapped-rules       also time parse + rules on the wrapped traces (raw only by default)
  --process-size SIZE   file for the whole-process comparison (default 20MB)
  --process-runs N      runs of each process (default 5; --quick 3)
  --lsp-size SIZE       document the language server opens (default 50MB; --quick 20MB)
  --hovers N            hover requests (default 1000; --quick 200)
  --edits N             one-character edits (default 4; --quick 2)
  --big-size SIZE       file for the CLI's bounded-memory check (default 500MB)
  --big-rss-cap MB      stop that run once its RSS passes this (default 1536; the target is 512)
  --grammar FILE        TextMate grammar (default syntaxes/sip.tmLanguage.json)
  --corpus DIR          lines to tokenize (default ../shared/corpus)
  --profile             also CPU-profile the core (parse, and parse + rules) and list hot functions
  --keep                keep the generated trace files (printed at the end)
  --help`;

const SECTIONS = ['throughput', 'process', 'lsp', 'memory', 'big', 'grammar'];

function parseArgs(argv) {
  const quick = argv.includes('--quick');
  const o = {
    quick,
    json: false,
    out: null,
    sections: new Set(quick ? SECTIONS.filter((s) => s !== 'big') : SECTIONS),
    seed: 1,
    rounds: quick ? 3 : 7,
    messages: quick ? 16000 : 32000,
    bytes: Infinity,
    formats: [...FORMATS],
    wrappedRules: false,
    processBytes: quick ? 10e6 : 20e6,
    processRuns: quick ? 3 : 5,
    lspBytes: quick ? 20e6 : 50e6,
    hovers: quick ? 200 : 1000,
    edits: quick ? 2 : 4,
    bigBytes: 500e6,
    bigRssCapMB: 1536,
    grammar: path.join(ROOT, 'syntaxes', 'sip.tmLanguage.json'),
    corpus: path.resolve(ROOT, '..', 'shared', 'corpus'),
    profile: false,
    keep: false,
    help: false,
  };
  const int = (flag, v) => {
    if (!/^\d+$/.test(v || '')) throw new Error(`${flag} needs a whole number, not "${v}"`);
    return Number(v);
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    switch (arg) {
      case '--quick': break;
      case '--json': o.json = true; break;
      case '--out': o.out = path.resolve(value()); break;
      case '--only': {
        const list = value().split(',').map((s) => s.trim()).filter(Boolean);
        for (const s of list) if (!SECTIONS.includes(s)) throw new Error(`unknown section "${s}" (expected ${SECTIONS.join(', ')})`);
        o.sections = new Set(list);
        break;
      }
      case '--seed': o.seed = int(arg, value()); break;
      case '--rounds': o.rounds = Math.max(1, int(arg, value())); break;
      case '--messages': o.messages = Math.max(1, int(arg, value())); o.bytes = Infinity; break;
      case '--size': o.bytes = parseSize(value()); o.messages = Infinity; break;
      case '--formats': {
        const list = value().split(',').map((s) => s.trim()).filter(Boolean);
        for (const f of list) if (!FORMATS.includes(f)) throw new Error(`unknown format "${f}" (expected ${FORMATS.join(', ')})`);
        o.formats = list;
        break;
      }
      case '--process-size': o.processBytes = parseSize(value()); break;
      case '--process-runs': o.processRuns = Math.max(1, int(arg, value())); break;
      case '--lsp-size': o.lspBytes = parseSize(value()); break;
      case '--hovers': o.hovers = Math.max(1, int(arg, value())); break;
      case '--edits': o.edits = Math.max(1, int(arg, value())); break;
      case '--big-size': o.bigBytes = parseSize(value()); break;
      case '--big-rss-cap': o.bigRssCapMB = Math.max(1, int(arg, value())); break;
      case '--grammar': o.grammar = path.resolve(value()); break;
      case '--corpus': o.corpus = path.resolve(value()); break;
      case '--wrapped-rules': o.wrappedRules = true; break;
      case '--profile': o.profile = true; break;
      case '--keep': o.keep = true; break;
      case '--help': case '-h': o.help = true; break;
      default: throw new Error(`unknown option "${arg}"`);
    }
  }
  if (!o.formats.includes('raw')) o.formats.unshift('raw');
  return o;
}

module.exports = { parseArgs, USAGE, SECTIONS };
