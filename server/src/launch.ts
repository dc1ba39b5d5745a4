/**
 * How the language server's Node process is started, shared by the VS Code
 * client and the benchmark (which must time the server as users run it).
 *
 * A larger young generation: validating a large trace makes many short-lived
 * objects (parse trees of header values), and with V8's default 16 MB
 * semi-spaces many survive two scavenges and are copied into the old
 * generation. In the benchmark (50 MB trace) this cut the time from didOpen
 * to full diagnostics by about 8% and the server's memory after the open by
 * about 200 MB. It is a limit, not an allocation: small documents keep a
 * small heap.
 *
 * `--expose-gc`: once a version of a large document is validated (opened
 * or edited), the server starts a concurrent (async) collection, so the
 * garbage of that step (the notification that carried the text, the previous
 * version's text) is freed while the user reads rather than in the middle of
 * the next edit (see `collectGarbageSoon` in garbage.ts). On a 50 MB trace,
 * in benchmark runs with and without it: the slowest of eight one-character
 * edits 47-79 ms without (160 ms in one full run), 46-58 ms with; the slowest
 * of eight back-to-back edits 219-251 ms without, 89-101 ms with; peak memory
 * 1.2 GB without, 1.0 GB with. The price: the first hover right after an
 * open meets the collection (about 85 ms instead of 40).
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=32', '--expose-gc'];
