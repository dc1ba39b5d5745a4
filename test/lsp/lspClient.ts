/**
 * A minimal LSP client for tests: spawns the shipped server bundle with
 * `--stdio` (and the node flags of server/src/launch.ts) and talks JSON-RPC to it with `vscode-jsonrpc`, the library VS
 * Code's own client uses. Waits for events; never sleeps.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { REPO_ROOT } from '../unit/helpers';
import { SERVER_NODE_FLAGS } from '../../server/src/launch';

export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }
export interface Diagnostic { range: Range; severity: number; code: string; source: string; message: string }
export interface PublishDiagnostics { uri: string; version?: number; diagnostics: Diagnostic[] }
export interface Hover { contents: { kind: string; value: string }; range: Range }
export interface TraceStatus { uri: string; format: string; formatLabel: string; messageCount: number; problemCount: number }

/** Fails a wait that never completes, so a broken server fails the test instead of hanging it. */
const WAIT_LIMIT_MS = 20_000;

export class LspClient {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  capabilities: any;
  /** What `workspace/configuration` answers for section `sip`... */
  settings: unknown = {};
  /** ...and for other sections (null for those not here). */
  readonly otherSettings: Record<string, unknown> = {};
  readonly configurationRequests: { scopeUri?: string; section?: string }[] = [];
  private readonly diagnosticWaiters = new Map<string, ((p: PublishDiagnostics) => void)[]>();
  private readonly statusWaiters = new Map<string, ((p: TraceStatus) => void)[]>();
  private readonly statuses = new Map<string, TraceStatus>();
  private readonly versions = new Map<string, number>();

  private constructor(private readonly child: ChildProcess, private readonly connection: MessageConnection) {}

  /** `textDocument`: client capabilities for the text document requests (e.g. folding's `rangeLimit`). */
  static async start(textDocument: object = {}): Promise<LspClient> {
    const server = path.join(REPO_ROOT, 'dist', 'server.js');
    if (!fs.existsSync(server)) throw new Error(`${server} is missing: run npm run compile first`);
    // With the node flags the VS Code client starts it with.
    const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspClient(child, connection);
    connection.onRequest('workspace/configuration', (params: { items: { scopeUri?: string; section?: string }[] }) => {
      client.configurationRequests.push(...params.items);
      return params.items.map((item) => (item.section === 'sip' ? client.settings : client.otherSettings[item.section ?? ''] ?? null));
    });
    connection.onRequest('client/registerCapability', () => null);
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnostics) => client.resolve(client.diagnosticWaiters, p.uri, p));
    connection.onNotification('sip/traceStatus', (p: TraceStatus) => {
      client.statuses.set(p.uri, p);
      client.resolve(client.statusWaiters, p.uri, p);
    });
    connection.onNotification('window/logMessage', () => undefined);
    connection.listen();
    const result = await withLimit(
      connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: null,
        capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } }, textDocument },
      }),
      'initialize',
    ) as { capabilities: unknown };
    client.capabilities = result.capabilities;
    await connection.sendNotification('initialized', {});
    return client;
  }

  private resolve<T>(waiters: Map<string, ((p: T) => void)[]>, uri: string, value: T): void {
    const list = waiters.get(uri);
    const next = list?.shift();
    if (next) next(value);
  }

  /** The next diagnostics published for `uri` (register before triggering them). */
  nextDiagnostics(uri: string): Promise<PublishDiagnostics> {
    return withLimit(new Promise((resolve) => {
      const list = this.diagnosticWaiters.get(uri) ?? [];
      list.push(resolve);
      this.diagnosticWaiters.set(uri, list);
    }), `diagnostics for ${uri}`);
  }

  traceStatus(uri: string): Promise<TraceStatus> {
    const known = this.statuses.get(uri);
    if (known) return Promise.resolve(known);
    return withLimit(new Promise((resolve) => {
      const list = this.statusWaiters.get(uri) ?? [];
      list.push(resolve);
      this.statusWaiters.set(uri, list);
    }), `status for ${uri}`);
  }

  open(uri: string, text: string): void {
    this.versions.set(uri, 1);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'sip', version: 1, text } });
  }

  change(uri: string, version: number, changes: { range: Range; text: string }[]): void {
    this.versions.set(uri, version);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  close(uri: string): void {
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  notifyConfigurationChanged(): void {
    void this.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  }

  hover(uri: string, line: number, character: number): Promise<Hover | null> {
    return withLimit(this.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } }), 'hover') as Promise<Hover | null>;
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return withLimit(this.connection.sendRequest(method, params), method) as Promise<T>;
  }

  async stop(): Promise<void> {
    try {
      await withLimit(this.connection.sendRequest('shutdown'), 'shutdown');
      await this.connection.sendNotification('exit');
    } finally {
      this.connection.dispose();
      if (this.child.exitCode === null) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            this.child.kill('SIGKILL');
            resolve();
          }, 2000);
          this.child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
    }
  }
}

function withLimit<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from the server for ${what} within ${WAIT_LIMIT_MS} ms`)), WAIT_LIMIT_MS);
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}
