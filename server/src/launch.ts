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
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=32'];
