/**
 * Robustness of the framers: seeded mutations of every fixture (truncation,
 * deleted, duplicated and swapped lines, another format's framing line, CRs
 * stripped, random characters) never throw and always give a model whose
 * messages are sorted, disjoint and inside the text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { parseTrace } from '../../../server/src/sip/parse';
import { validate } from '../../../server/src/sip/rules/engine';
import { prng } from '../helpers';
import { FRAMERS } from '../../../server/src/sip/framing/registry';
import { FIXTURES, checkInvariants, fixture } from './support';

const ITERATIONS = 6000;


const seeds = fs.readdirSync(FIXTURES).sort().map(fixture);
/** The first line of each fixture: usually a framing line, glued into other formats. */
const framingLines = seeds.map((s) => s.split('\n').find((l) => l.trim().length > 0) ?? '');

function mutate(random: () => number, input: string): string {
  const int = (n: number) => Math.floor(random() * n);
  let text = input;
  for (let r = 1 + int(3); r > 0; r--) {
    const lines = text.split('\n');
    switch (int(7)) {
      case 0:
        text = text.slice(0, int(text.length + 1));
        break;
      case 1:
        lines.splice(int(lines.length), 1 + int(3));
        text = lines.join('\n');
        break;
      case 2: {
        const i = int(lines.length);
        lines.splice(int(lines.length), 0, ...lines.slice(i, i + 1 + int(4)));
        text = lines.join('\n');
        break;
      }
      case 3:
        lines.splice(int(lines.length + 1), 0, framingLines[int(framingLines.length)]);
        text = lines.join('\n');
        break;
      case 4:
        text = text.replace(/\r/g, '');
        break;
      case 5: {
        const at = int(text.length + 1);
        let junk = '';
        for (let k = 1 + int(12); k > 0; k--) junk += String.fromCharCode(int(3) === 0 ? int(0x10000) : int(128));
        text = text.slice(0, at) + junk + text.slice(at);
        break;
      }
      case 6: {
        const at = int(text.length + 1);
        text = text.slice(0, at) + ['\n', '--end msg--\n', '-'.repeat(72) + '\n', '|'.repeat(20), '#015#012', '.\n', '$$end_record\n', '^M'][int(8)] + text.slice(at);
        break;
      }
    }
  }
  return text;
}

test(`fuzz: ${ITERATIONS} mutations of the fixtures, read with every framer in turn`, () => {
  const random = prng(0xf4a3e);
  let messages = 0;
  for (let i = 0; i < ITERATIONS; i++) {
    const text = mutate(random, seeds[i % seeds.length]);
    // Detection, and also each framer forced on text that is not its own.
    const traceFormat = i % 3 === 0 ? FRAMERS[Math.floor(random() * FRAMERS.length)].id : 'auto';
    let model;
    try {
      model = parseTrace(text, { traceFormat });
      validate(model);
    } catch (error) {
      assert.fail(`iteration ${i} (${traceFormat}) threw ${String(error)} on ${JSON.stringify(text.slice(0, 200))}`);
    }
    assert.ok(!model.problems.some((p) => p.code === 'internal-error'), `iteration ${i}: internal error`);
    checkInvariants(model);
    messages += model.messages.length;
  }
  assert.ok(messages > ITERATIONS, `only ${messages} messages found`);
});
