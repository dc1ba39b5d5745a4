/**
 * The LSP adapter: maps requests to core calls. Everything SIP-specific lives
 * in `./sip` (the core); this file only wires documents, settings, caching,
 * debouncing and cancellation to it.
 */
import {
  type CancellationToken,
  type Connection,
  type Diagnostic,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  type Hover,
  type InitializeResult,
  MarkupKind,
  TextDocumentSyncKind,
  TextDocuments,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ModelCache } from './modelCache';
import { SettingsCache } from './settings';
import { TRACE_STATUS_NOTIFICATION, type TraceStatusParams } from './protocol';
import { validate, type SipDiagnostic } from './sip/rules/engine';
import { hoverAt } from './sip/hover/hover';
import type { Severity, TraceModel } from './sip/model';

/** Wait this long after the last edit before validating again. */
const CHANGE_DEBOUNCE_MS = 200;

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const models = new ModelCache();
  let clientPullsConfiguration = false;
  let clientSupportsDynamicConfiguration = false;
  const settings = new SettingsCache(connection, () => clientPullsConfiguration);
  const pending = new Map<string, NodeJS.Timeout>();

  connection.onInitialize((params): InitializeResult => {
    const workspace = params.capabilities.workspace;
    clientPullsConfiguration = workspace?.configuration === true;
    clientSupportsDynamicConfiguration = workspace?.didChangeConfiguration?.dynamicRegistration === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
      },
      serverInfo: { name: 'sip-trace-language-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (clientPullsConfiguration && clientSupportsDynamicConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'sip' });
    }
  });

  async function modelFor(document: TextDocument): Promise<TraceModel> {
    const { traceFormat } = await settings.get(document.uri);
    return models.get(document, traceFormat);
  }

  async function publish(uri: string): Promise<void> {
    const document = documents.get(uri);
    if (!document) return;
    const version = document.version;
    const current = await settings.get(uri);
    // The document may have changed while settings were fetched: the newer version gets its own run.
    if (documents.get(uri)?.version !== version) return;
    const model = models.get(document, current.traceFormat);
    const found = validate(model, current.validation);
    const diagnostics = found.map((d) => toDiagnostic(model, d));
    await connection.sendDiagnostics({ uri, version, diagnostics });
    const status: TraceStatusParams = {
      uri,
      format: model.format.id,
      formatLabel: model.format.label,
      messageCount: model.messages.length,
      problemCount: diagnostics.length,
    };
    await connection.sendNotification(TRACE_STATUS_NOTIFICATION, status);
  }

  function schedule(uri: string, delay: number): void {
    const timer = pending.get(uri);
    if (timer) clearTimeout(timer);
    pending.set(
      uri,
      setTimeout(() => {
        pending.delete(uri);
        publish(uri).catch((error) => connection.console.error(`SIP Trace: validating ${uri} failed: ${String(error)}`));
      }, delay),
    );
  }

  documents.onDidOpen((event) => schedule(event.document.uri, 0));
  documents.onDidChangeContent((event) => schedule(event.document.uri, CHANGE_DEBOUNCE_MS));
  documents.onDidClose((event) => {
    const timer = pending.get(event.document.uri);
    if (timer) clearTimeout(timer);
    pending.delete(event.document.uri);
    models.delete(event.document.uri);
    settings.forget(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  connection.onDidChangeConfiguration((change) => {
    settings.reset(clientPullsConfiguration ? undefined : change.settings);
    for (const document of documents.all()) schedule(document.uri, 0);
  });

  connection.onHover((params, token) =>
    runSafe(connection, token, null, async (): Promise<Hover | null> => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return null;
      const model = await modelFor(document);
      if (token.isCancellationRequested) return null;
      const result = hoverAt(model, document.offsetAt(params.position));
      if (result === null) return null;
      return {
        contents: { kind: MarkupKind.Markdown, value: result.markdown },
        range: { start: document.positionAt(result.start), end: document.positionAt(result.end) },
      };
    }),
  );

  documents.listen(connection);
  connection.listen();
}

function toDiagnostic(model: TraceModel, d: SipDiagnostic): Diagnostic {
  return {
    range: model.lineIndex.rangeOf(d.start, d.end),
    severity: SEVERITY[d.severity],
    code: d.code,
    source: 'sip',
    message: d.message,
  };
}

/**
 * Runs a request handler so that a bug answers with `fallback` (and a log
 * line) instead of failing the request, and a cancelled request does no work.
 */
async function runSafe<T>(connection: Connection, token: CancellationToken, fallback: T, work: () => Promise<T>): Promise<T> {
  if (token.isCancellationRequested) return fallback;
  try {
    return await work();
  } catch (error) {
    connection.console.error(`SIP Trace: request failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    return fallback;
  }
}
