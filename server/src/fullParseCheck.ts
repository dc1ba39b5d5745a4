/**
 * The idle full-parse check (see `ModelCache.verify`), off the main thread.
 *
 * On a 50 MB trace a full parse blocks for half a second or more; a hover
 * sent just after the user paused would wait behind it. So a worker parses
 * a copy of the text and sends back only the shape of each message (where
 * it starts and ends, its kind, line count and parser problems), which is
 * what the comparison needs; the main thread pays for the copy alone.
 */
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { TraceModel } from './sip/model';
import type { TextSource } from './sip/text/pieceText';
import { lineCountOf, parsedBase, parsedProblems } from './sip/parser/messageParser';

/** Per message: start, end, bodyLine, kind, line count, problem count. */
const FIELDS = 6;
const KIND_CODE: Readonly<Record<string, number>> = { request: 1, response: 2, unknown: 3 };

export interface ModelShape {
  readonly format: string;
  readonly messages: Int32Array;
  /** Offsets of every message's parser problems, in order. */
  readonly problemStarts: Int32Array;
  readonly problemCodes: readonly string[];
}

/** What a full parse and an incremental one must agree on (what every feature builds on). */
export function shapeOf(model: TraceModel): ModelShape {
  const messages = new Int32Array(model.messages.length * FIELDS);
  let problemCount = 0;
  for (const m of model.messages) problemCount += parsedProblems(m).length;
  const problemStarts = new Int32Array(problemCount);
  const problemCodes: string[] = [];
  for (let i = 0; i < model.messages.length; i++) {
    const m = model.messages[i];
    const at = i * FIELDS;
    messages[at] = m.start;
    messages[at + 1] = m.end;
    messages[at + 2] = m.bodyLine;
    messages[at + 3] = KIND_CODE[m.kind] ?? 0;
    const problems = parsedProblems(m);
    const delta = m.start - parsedBase(m).start;
    messages[at + 4] = lineCountOf(m);
    messages[at + 5] = problems.length;
    for (const p of problems) {
      problemStarts[problemCodes.length] = p.start + delta;
      problemCodes.push(p.code);
    }
  }
  return { format: model.format.id, messages, problemStarts, problemCodes };
}

/** Same messages at the same places with the same parser problems. */
export function hasShape(model: TraceModel, shape: ModelShape): boolean {
  if (model.format.id !== shape.format || model.messages.length * FIELDS !== shape.messages.length) return false;
  const s = shape.messages;
  let problem = 0;
  for (let i = 0; i < model.messages.length; i++) {
    const m = model.messages[i];
    const at = i * FIELDS;
    if (m.start !== s[at] || m.end !== s[at + 1] || m.bodyLine !== s[at + 2] || (KIND_CODE[m.kind] ?? 0) !== s[at + 3]) return false;
    // Read through the parse: a moved message's lines and problems would be built as moved copies.
    const problems = parsedProblems(m);
    if (lineCountOf(m) !== s[at + 4] || problems.length !== s[at + 5]) return false;
    const delta = m.start - parsedBase(m).start;
    for (const p of problems) {
      if (p.code !== shape.problemCodes[problem] || p.start + delta !== shape.problemStarts[problem]) return false;
      problem++;
    }
  }
  return true;
}

/** Next to this file, in `dist/` as in the compiled tests. */
const WORKER_FILE = path.join(__dirname, 'fullParseWorker.js');
/**
 * The text goes to the worker in parts of this many characters, one per
 * turn of the event loop: a request waits for one part's copy at most. (In
 * one message, V8's serializer copied 50 MB, with its buffer growing as it
 * went, in about 400 ms.)
 */
const PART_CHARS = 1 << 20;

export interface ShapeJob {
  readonly result: Promise<ModelShape>;
  /** Stops the worker (a newer version of the document made the answer useless). */
  cancel(): void;
}

/** Parses `text` in a worker thread; rejects when the worker cannot run or fails. */
export function shapeInWorker(text: TextSource, traceFormat: string): ShapeJob {
  let worker: Worker;
  try {
    worker = new Worker(WORKER_FILE, { workerData: { traceFormat } });
  } catch (error) {
    return { result: Promise.reject(error), cancel: () => undefined };
  }
  // An idle check must never keep the server alive at shutdown.
  worker.unref();
  let stopped = false;
  const result = new Promise<ModelShape>((resolve, reject) => {
    worker.once('message', (shape: ModelShape) => resolve(shape));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the full-parse worker exited with code ${code}`)));
  });
  result.catch(() => undefined).finally(() => (stopped = true));
  let sent = 0;
  const sendPart = (): void => {
    if (stopped) return;
    if (sent >= text.length) {
      worker.postMessage(null); // the end of the text
      return;
    }
    const end = Math.min(text.length, sent + PART_CHARS);
    worker.postMessage(text.slice(sent, end));
    sent = end;
    setImmediate(sendPart);
  };
  sendPart();
  return {
    result,
    cancel: () => {
      stopped = true;
      void worker.terminate();
    },
  };
}
