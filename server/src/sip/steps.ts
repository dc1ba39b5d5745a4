/**
 * Work in steps: a generator that yields between slices of it, so the
 * language server can answer requests in between (see `runSteps` in
 * server.ts). Callers with nothing else to do run it to its end here.
 */
export function runToEnd<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
