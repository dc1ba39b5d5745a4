'use strict';
/**
 * A target for `node --cpu-prof`: generates a trace and parses it several
 * times with the compiled core, so the profile is dominated by parseTrace.
 *
 * Usage: node --cpu-prof --cpu-prof-dir=DIR scripts/bench/profileParse.js [SIZE_BYTES] [REPEAT] [SEED] [rules]
 */
const { generateTrace } = require('./generate');
const { loadCore } = require('./core');

const [bytesArg, repeatArg, seedArg, withRules] = process.argv.slice(2);
const core = loadCore();
const text = generateTrace({ seed: Number(seedArg || 1), bytes: Number(bytesArg || 20e6), formats: ['raw'] }).texts.raw;
let sink = 0;
for (let i = 0; i < Number(repeatArg || 10); i++) {
  const model = core.parseTrace(text);
  sink += withRules === 'rules' ? core.validate(model).length : model.messages.length;
}
process.stdout.write(`${sink}\n`);
