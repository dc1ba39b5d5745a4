/**
 * The shape the idle full-parse check compares, and the worker that
 * computes it: the compiled one and the bundle that ships in dist/.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { hasShape, shapeInWorker, shapeOf, type ModelShape } from '../../../server/src/fullParseCheck';
import { parseTrace } from '../../../server/src/sip/parse';
import { REPO_ROOT, readText } from '../helpers';

const CALLS = readText(path.join(REPO_ROOT, 'test', 'fixtures', 'calls.sip'));

test('a model has its own shape; moved, cut or differently judged messages do not', () => {
  const model = parseTrace(CALLS);
  assert.ok(hasShape(model, shapeOf(model)));
  assert.ok(!hasShape(model, shapeOf(parseTrace(' ' + CALLS))), 'every message one character later');
  assert.ok(!hasShape(model, shapeOf(parseTrace(CALLS.slice(0, CALLS.length - 40)))), 'the last message cut short');
  const broken = CALLS.replace('SIP/2.0 180 Ringing', 'SIP/2.0 18 Ringing');
  assert.notEqual(broken, CALLS);
  const other = parseTrace(broken);
  assert.equal(other.messages.length, model.messages.length, 'same framing');
  assert.ok(!hasShape(model, shapeOf(other)), 'a parser problem the other has not');
});

async function shapeFromWorker(file: string, text: string): Promise<ModelShape> {
  const worker = new Worker(file, { workerData: { traceFormat: 'auto' } });
  try {
    const shape = new Promise<ModelShape>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    worker.postMessage(text);
    worker.postMessage(null);
    return await shape;
  } finally {
    await worker.terminate();
  }
}

test('the worker next to the compiled server and the one bundled in dist/ give the shape of a full parse', async () => {
  const expected = shapeOf(parseTrace(CALLS));
  assert.deepEqual(await shapeInWorker(CALLS, 'auto').result, expected);
  assert.deepEqual(await shapeFromWorker(path.join(REPO_ROOT, 'dist', 'fullParseWorker.js'), CALLS), expected);
});

test('a text sent in several parts, one split inside a surrogate pair, arrives whole', async () => {
  // A note with an emoji whose two UTF-16 halves straddle the first part boundary (2^20 characters).
  let text = CALLS;
  while (text.length < (1 << 20) + 200_000) text += '\r\n' + CALLS;
  const boundary = 1 << 20;
  const lineStart = text.lastIndexOf('\n', boundary - 30) + 1;
  const lineEnd = text.indexOf('\n', boundary);
  const note = `# note ${'x'.repeat(boundary - 1 - lineStart - 7)}\u{1F4DE} end\r`;
  text = text.slice(0, lineStart) + note + text.slice(lineEnd);
  assert.equal(text.charCodeAt(boundary - 1), 0xd83d, 'the high half ends the first part');
  const expected = shapeOf(parseTrace(text));
  assert.ok(expected.messages.length / 6 > 300);
  assert.deepEqual(await shapeInWorker(text, 'auto').result, expected);
  const other = text.slice(0, boundary - 1) + 'y' + text.slice(boundary + 1);
  assert.equal(hasShape(parseTrace(text), await shapeInWorker(other, 'auto').result), false, 'a changed text is a changed shape');
});

/** Nice value of each thread of this process, by thread id (Linux keeps one per thread). */
function threadNiceValues(): Map<number, number> {
  const nice = new Map<number, number>();
  for (const tid of fs.readdirSync('/proc/self/task')) {
    try {
      const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      // After "(comm)" comes field 3 (state); nice is field 19.
      nice.set(Number(tid), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]));
    } catch {
      // The thread ended meanwhile.
    }
  }
  return nice;
}

test('the worker runs at the lowest priority, and only the worker', { skip: process.platform !== 'linux' && 'per-thread priorities are a Linux feature; elsewhere the worker keeps its priority' }, async () => {
  const before = threadNiceValues();
  const mainNice = before.get(process.pid);
  assert.notEqual(mainNice, undefined);
  // Started but sent no text: it waits for the parts, so its thread stays to be looked at.
  const worker = new Worker(path.join(REPO_ROOT, 'dist', 'fullParseWorker.js'), { workerData: { traceFormat: 'auto' } });
  try {
    await new Promise((resolve) => worker.once('online', resolve));
    const lowered = (): number[] => [...threadNiceValues()].filter(([tid, nice]) => !before.has(tid) && nice === 19).map(([tid]) => tid);
    for (let i = 0; i < 100 && lowered().length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(lowered().length, 1, 'the new worker thread is at nice 19');
    assert.equal(threadNiceValues().get(process.pid), mainNice, 'the main thread keeps its priority');
  } finally {
    await worker.terminate();
  }
});
