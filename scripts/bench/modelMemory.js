'use strict';
/**
 * Child process of the memory section (run with --expose-gc): how much heap
 * the model of a trace takes compared with the text itself. Prints one JSON
 * object on stdout.
 *
 * Usage: node --expose-gc scripts/bench/modelMemory.js SIZE_BYTES SEED
 */
const { generateTrace } = require('./generate');
const { loadCore } = require('./core');

function used() {
  for (let i = 0; i < 4; i++) global.gc();
  const m = process.memoryUsage();
  // external includes the backing stores of typed arrays (arrayBuffers).
  return { heap: m.heapUsed, external: m.external, total: m.heapUsed + m.external, rss: m.rss };
}

const [bytesArg, seedArg] = process.argv.slice(2);
const core = loadCore();
let trace = generateTrace({ seed: Number(seedArg || 1), bytes: Number(bytesArg), formats: ['raw'] });
const text = trace.texts.raw;
const count = trace.messages.length;
trace = null;
const base = used();
let model = core.parseTrace(text);
const afterParse = used();
let diagnostics = core.validate(model);
const afterValidate = used();
const result = {
  textBytes: text.length,
  messages: model.messages.length,
  generated: count,
  diagnostics: diagnostics.length,
  modelBytes: afterParse.total - base.total,
  modelHeapBytes: afterParse.heap - base.heap,
  modelExternalBytes: afterParse.external - base.external,
  // What validation leaves attached to the model (caches such as the conversation analysis) plus its diagnostics.
  afterValidateBytes: afterValidate.total - base.total,
  rssAfterValidate: afterValidate.rss,
};
model = null;
diagnostics = null;
process.stdout.write(JSON.stringify(result) + '\n');
