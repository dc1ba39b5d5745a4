/**
 * Worker thread of the idle full-parse check (`fullParseCheck.ts`): receives
 * the text in parts, then null; parses it and posts back the model's shape.
 */
import * as os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { parseTrace } from './sip/parse';
import { shapeOf } from './fullParseCheck';

const { traceFormat } = workerData as { traceFormat: string };
lowerThisThreadsPriority();
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

/**
 * The check is background work: on two cores it competed with the server's
 * main thread (a hover) and the editor, and hovers sent while it ran waited
 * up to ~100 ms in benchmark runs. Linux keeps a nice value per thread, so
 * this lowers the worker alone; elsewhere the call would lower the whole
 * server, so it is left out there.
 */
function lowerThisThreadsPriority(): void {
  if (process.platform !== 'linux') return;
  try {
    os.setPriority(os.constants.priority.PRIORITY_LOW);
  } catch {
    // Not allowed here (a sandbox): the check runs at normal priority.
  }
}
