/**
 * Worker thread of the idle full-parse check (`fullParseCheck.ts`): receives
 * the text in parts, then null; parses it and posts back the model's shape.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parseTrace } from './sip/parse';
import { shapeOf } from './fullParseCheck';

const { traceFormat } = workerData as { traceFormat: string };
const parts: string[] = [];
const port = parentPort;
port?.on('message', (part: string | null) => {
  if (part !== null) {
    parts.push(part);
    return;
  }
  const text = parts.join('');
  parts.length = 0;
  const shape = shapeOf(parseTrace(text, { traceFormat }));
  // The arrays are handed over, not copied; then the worker has nothing left to do and exits.
  port.postMessage(shape, [shape.messages.buffer as ArrayBuffer, shape.problemStarts.buffer as ArrayBuffer]);
  port.close();
});
