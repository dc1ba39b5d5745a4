/**
 * Collecting a large document's old versions early (see SERVER_NODE_FLAGS in
 * launch.ts, which exposes `gc`).
 */

/** `gc` when the server runs with --expose-gc. */
const exposedGc = (globalThis as { gc?: (options: { type: 'major'; execution: 'async' }) => Promise<void> | undefined }).gc;

/** Below this many characters a version's garbage is small enough for V8's own schedule. */
const LARGE_TEXT = 4_000_000;

/**
 * A large document leaves large garbage: after an open, the notification
 * that carried the text; after an edit, the previous version's model, and
 * its text if a feature built it whole (an edit itself keeps the text in
 * pieces, see `SipDocument`). Left to itself, V8 lets
 * that garbage pile up (the heap went from 220 to 790 MB over eight edits of
 * a 50 MB trace) and then collects it in the middle of an edit. Starting a
 * collection as soon as a large version is validated, marked concurrently
 * (async), frees it while the user reads.
 */
export function collectGarbageSoon(textLength: number): void {
  if (!exposedGc || textLength < LARGE_TEXT) return;
  try {
    // A promise where V8 takes these options (Node 20 and VS Code's Electron do).
    void exposedGc({ type: 'major', execution: 'async' })?.catch(() => undefined);
  } catch {
    /* not worth failing anything over */
  }
}
