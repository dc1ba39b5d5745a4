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
 * `--expose-gc`: the server starts a concurrent (async) collection after it
 * has validated a new version of a large document, so the previous version's
 * text is freed while the user reads rather than in a later edit (see
 * `collectGarbageSoon` in server.ts). On a 50 MB trace the slowest of eight
 * one-character edits went from 47-79 ms to 46-58 ms and the peak memory from
 * 1.0-1.35 GB to about 1.0 GB, in alternating runs of the benchmark.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=32', '--expose-gc'];
