/**
 * The LSP adapter: maps requests to core calls. Everything SIP-specific lives
 * in `./sip` (the core); this file only wires documents, settings, caching,
 * debouncing and cancellation to it.
 */
import {
  type CancellationToken,
  type CodeAction,
  CodeActionKind,
  type CodeLens,
  type Connection,
  type DocumentHighlight,
  DocumentHighlightKind,
  type DocumentSymbol,
  type FoldingRange,
  FoldingRangeKind,
  type InlayHint,
  type Location,
  SymbolKind,
  type WorkspaceSymbol,
  type Diagnostic,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  type Hover,
  type InitializeResult,
  MarkupKind,
  TextDocumentSyncKind,
  TextDocuments,
} from 'vscode-languageserver/node';
import { SipDocument } from './sipDocument';
import { collectGarbageSoon } from './garbage';
import { ModelCache } from './modelCache';
import { SettingsCache, type SipSettings } from './settings';
import {
  CALLS_REQUEST, CALL_MESSAGES_REQUEST, TRACE_STATUS_NOTIFICATION, type CallItem, type CallMessageItem, type CallMessagesParams, type CallsParams, type TraceStatusParams,
} from './protocol';
import { validationSteps, type SipDiagnostic } from './sip/rules/engine';
import { hoverAt } from './sip/hover/hover';
// Requests at the cursor (hover, definition, references, highlights) read the structure only;
// the call summaries are for the whole-document views (outline, lenses, the calls view, hints).
import { analysisOf, structureOf } from './sip/analysis/analyze';
import { outline, type OutlineNode } from './sip/features/outline';
import { foldingRanges } from './sip/features/folding';
import { definitionAt, referencesAt } from './sip/features/navigation';
import { callLenses, timingHints } from './sip/features/timing';
import { callMessageRows, callSummaryRows } from './sip/features/calls';
import { fixesFor, headerNameFixes, type QuickFix } from './sip/fixes';
import { ruleDocumentationUri } from './ruleDocs';
import type { Severity, TraceModel } from './sip/model';

/**
 * Within a burst of keystrokes, wait this long after the last one before
 * validating again. An edit after a quiet spell (BURST_GAP_MS) is validated
 * at once: the re-parse of an edit only touches the messages around it.
 */
const CHANGE_DEBOUNCE_MS = 50;
const BURST_GAP_MS = 250;

/**
 * The conversation-level rules analyse the whole trace at once (a few hundred
 * ms on 50 MB): after an edit they run once editing pauses this long, so
 * typing never waits behind them. An opened document gets them at once.
 */
const TRACE_RULES_AFTER_MS = 300;

/** After this long without an edit, a model built by incremental re-parses is checked against a full parse. */
const VERIFY_AFTER_IDLE_MS = 1500;
/**
 * From this size the check parses in a worker thread (`fullParseCheck.ts`):
 * below it the parse takes a few ms, less than starting a worker.
 */
const VERIFY_OFF_THREAD_CHARS = 1024 * 1024;

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function startServer(connection: Connection): void {
  const models = new ModelCache();
  // The update hook sees each change with the document before it: the cache learns where the text changed.
  const documents = new TextDocuments<SipDocument>({
    create: SipDocument.create,
    update(document, changes, version) {
      models.noteChanges(document, changes);
      return SipDocument.update(document, changes, version);
    },
  });
  let clientPullsConfiguration = false;
  let clientSupportsDynamicConfiguration = false;
  /** The most folding ranges the client keeps, as it says at initialize (VS Code: 5,000; but see `foldingRegions`). */
  let foldingRangeLimit = Number.MAX_SAFE_INTEGER;
  const settings = new SettingsCache(connection, () => clientPullsConfiguration);
  const pending = new Map<string, NodeJS.Timeout>();

  connection.onInitialize((params): InitializeResult => {
    const workspace = params.capabilities.workspace;
    clientPullsConfiguration = workspace?.configuration === true;
    clientSupportsDynamicConfiguration = workspace?.didChangeConfiguration?.dynamicRegistration === true;
    const rangeLimit = params.capabilities.textDocument?.foldingRange?.rangeLimit;
    if (typeof rangeLimit === 'number' && rangeLimit >= 0) foldingRangeLimit = rangeLimit;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        documentSymbolProvider: { label: 'SIP calls' },
        foldingRangeProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        inlayHintProvider: true,
        codeLensProvider: { resolveProvider: false },
        workspaceSymbolProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite] },
      },
      serverInfo: { name: 'sip-trace-language-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (clientPullsConfiguration && clientSupportsDynamicConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'sip' });
    }
  });

  async function modelAndSettingsFor(document: SipDocument): Promise<{ model: TraceModel; documentSettings: SipSettings }> {
    const documentSettings = await settings.get(document.uri);
    return { model: models.get(document, documentSettings.traceFormat), documentSettings };
  }

  /**
   * Documents opened whose first validation has not ended yet, each with what
   * ends the wait for it. An editor asks for the outline, folding ranges,
   * code lenses and inlay hints as soon as it shows a document; answered
   * between the open's validation steps, they held back its diagnostics (a
   * 50 MB trace: full diagnostics 3.4-3.9 s instead of 1.4-2.0 s in bench
   * runs). Those requests wait for the open's diagnostics instead; hovers
   * and the other requests at the cursor do not.
   */
  const opening = new Map<string, { readonly done: Promise<void>; readonly end: () => void }>();

  function noteOpening(uri: string): void {
    let end: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (end = resolve));
    opening.get(uri)?.end();
    opening.set(uri, { done, end });
  }

  function openingEnded(uri: string): void {
    opening.get(uri)?.end();
    opening.delete(uri);
  }

  /** Resolves once the document's first validation after its open has ended (at once when it has). */
  function afterOpenDiagnostics(uri: string): Promise<void> {
    return opening.get(uri)?.done ?? Promise.resolve();
  }

  /** `afterEdit`: publish what the messages say first, and the conversation-level rules once editing pauses. */
  async function publish(uri: string, afterEdit: boolean): Promise<void> {
    try {
      await validateAndPublish(uri, afterEdit);
    } finally {
      // Published, given up for a newer version, or failed: nothing to wait for any more.
      openingEnded(uri);
    }
  }

  async function validateAndPublish(uri: string, afterEdit: boolean): Promise<void> {
    const document = documents.get(uri);
    if (!document) return;
    const version = document.version;
    const current = await settings.get(uri);
    // The document may have changed while settings were fetched: the newer version gets its own run.
    if (documents.get(uri)?.version !== version) return;
    const model = models.get(document, current.traceFormat);
    // In steps, yielding to other requests (a hover) between them, and given up
    // as soon as a newer version of the document exists. After an edit, what
    // the messages say is published first; the conversation-level rules, which
    // analyse the whole trace, follow once editing pauses.
    const stale = () => documents.get(uri)?.version !== version;
    let messageLevelCount = -1;
    if (afterEdit) {
      const messageLevel = await runSteps(validationSteps(model, current.validation, { traceRules: false }), stale);
      if (messageLevel === null) return;
      messageLevelCount = messageLevel.length;
      await connection.sendDiagnostics({ uri, version, diagnostics: messageLevel.map((d) => toDiagnostic(model, d)) });
      await new Promise((resolve) => setTimeout(resolve, TRACE_RULES_AFTER_MS));
      if (stale()) return;
    }
    const found = await runSteps(validationSteps(model, current.validation), stale);
    if (found === null) return;
    const diagnostics = found.map((d) => toDiagnostic(model, d));
    if (found.length !== messageLevelCount) await connection.sendDiagnostics({ uri, version, diagnostics });
    scheduleVerify(uri);
    const status: TraceStatusParams = {
      uri,
      format: model.format.id,
      formatLabel: model.format.label,
      messageCount: model.messages.length,
      problemCount: diagnostics.length,
    };
    await connection.sendNotification(TRACE_STATUS_NOTIFICATION, status);
    // A clean trace showed no positions, so its line index is not built yet: build it now, while
    // the user reads, rather than in their first hover or edit (about 40 ms on 50 MB).
    setImmediate(() => {
      if (documents.get(uri)?.version === version) void document.lineIndex;
      // After an edit the previous version's model is garbage now (and its text, if a feature built
      // it whole); after an open, the notification that carried the text. Left to V8, that
      // collection came in the first edits (160 ms each).
      collectGarbageSoon(document.pieces.length);
    });
  }

  const verifyTimers = new Map<string, NodeJS.Timeout>();
  function scheduleVerify(uri: string): void {
    const timer = verifyTimers.get(uri);
    if (timer) clearTimeout(timer);
    if (!models.hasIncrementalModel(uri)) return;
    verifyTimers.set(uri, setTimeout(() => {
      verifyTimers.delete(uri);
      const document = documents.get(uri);
      if (!document) return;
      const differed = () => {
        connection.console.warn(`SIP Trace: the incremental parse of ${uri} differed from a full parse; diagnostics were refreshed`);
        schedule(uri, 0);
      };
      if (document.pieces.length < VERIFY_OFF_THREAD_CHARS) {
        if (models.verify(document)) differed();
        return;
      }
      const onWorkerError = (error: unknown) => connection.console.warn(`SIP Trace: the full-parse check ran on the main thread (the worker failed: ${String(error)})`);
      models.verifyInBackground(document, { onWorkerError }).then(
        (replaced) => {
          if (replaced) differed();
        },
        (error: unknown) => connection.console.error(`SIP Trace: the full-parse check of ${uri} failed: ${String(error)}`),
      );
    }, VERIFY_AFTER_IDLE_MS));
  }

  function schedule(uri: string, delay: number, afterEdit = false): void {
    const timer = pending.get(uri);
    if (timer) clearTimeout(timer);
    pending.set(
      uri,
      setTimeout(() => {
        pending.delete(uri);
        publish(uri, afterEdit).catch((error) => connection.console.error(`SIP Trace: validating ${uri} failed: ${String(error)}`));
      }, delay),
    );
  }

  // TextDocuments reports an open as a content change too: that version is validated as an open.
  const openedVersion = new Map<string, number>();
  documents.onDidOpen((event) => {
    openedVersion.set(event.document.uri, event.document.version);
    noteOpening(event.document.uri);
    schedule(event.document.uri, 0);
  });
  const lastChange = new Map<string, number>();
  documents.onDidChangeContent((event) => {
    const uri = event.document.uri;
    if (openedVersion.get(uri) === event.document.version) return;
    const now = Date.now();
    const inBurst = now - (lastChange.get(uri) ?? 0) < BURST_GAP_MS;
    lastChange.set(uri, now);
    schedule(uri, inBurst ? CHANGE_DEBOUNCE_MS : 0, true);
  });
  documents.onDidClose((event) => {
    const timer = pending.get(event.document.uri);
    if (timer) clearTimeout(timer);
    pending.delete(event.document.uri);
    const verify = verifyTimers.get(event.document.uri);
    if (verify) clearTimeout(verify);
    verifyTimers.delete(event.document.uri);
    models.delete(event.document.uri);
    openingEnded(event.document.uri);
    lastChange.delete(event.document.uri);
    openedVersion.delete(event.document.uri);
    settings.forget(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  connection.onDidChangeConfiguration((change) => {
    settings.reset(clientPullsConfiguration ? undefined : change.settings);
    for (const document of documents.all()) schedule(document.uri, 0);
  });

  connection.onHover((params, token) =>
    onDocument(params.textDocument.uri, token, null as Hover | null, (model, document) => {
      const result = hoverAt(model, document.offsetAt(params.position));
      if (result === null) return null;
      return {
        contents: { kind: MarkupKind.Markdown, value: result.markdown },
        range: { start: document.positionAt(result.start), end: document.positionAt(result.end) },
      };
    }),
  );

  /**
   * Runs a document request on the cached model (and its analysis), safely and cancellably.
   * `wholeDocument`: the request reads all of it (see `afterOpenDiagnostics`).
   */
  function onDocument<T>(
    uri: string, token: CancellationToken, fallback: T, work: (model: TraceModel, document: SipDocument, documentSettings: SipSettings) => T, wholeDocument = false,
  ): Promise<T> {
    return runSafe(connection, token, fallback, async () => {
      if (wholeDocument) await afterOpenDiagnostics(uri);
      if (token.isCancellationRequested) return fallback;
      const document = documents.get(uri);
      if (!document) return fallback;
      const { model, documentSettings } = await modelAndSettingsFor(document);
      if (token.isCancellationRequested) return fallback;
      return work(model, document, documentSettings);
    });
  }

  connection.onDocumentSymbol((params, token) =>
    onDocument(params.textDocument.uri, token, [] as DocumentSymbol[], (model, _document, { outlineItems }) =>
      outline(model, analysisOf(model), outlineItems).map((node) => toSymbol(model, node)),
      true,
    ),
  );

  connection.onFoldingRanges((params, token) =>
    onDocument(params.textDocument.uri, token, [] as FoldingRange[], (model, _document, { foldingRegions }) =>
      foldingRanges(model, foldingRegions ?? foldingRangeLimit)
        .map((f) => ({ startLine: f.startLine, endLine: f.endLine, kind: f.kind === 'comment' ? FoldingRangeKind.Comment : FoldingRangeKind.Region })),
      true,
    ),
  );

  connection.onDefinition((params, token) =>
    onDocument(params.textDocument.uri, token, null as Location | null, (model, document) => {
      const span = definitionAt(model, structureOf(model), document.offsetAt(params.position));
      return span ? { uri: params.textDocument.uri, range: model.lineIndex.rangeOf(span.start, span.end) } : null;
    }),
  );

  connection.onReferences((params, token) =>
    onDocument(params.textDocument.uri, token, [] as Location[], (model, document) =>
      referencesAt(model, structureOf(model), document.offsetAt(params.position)).map((span) => ({
        uri: params.textDocument.uri,
        range: model.lineIndex.rangeOf(span.start, span.end),
      })),
    ),
  );

  connection.onDocumentHighlight((params, token) =>
    onDocument(params.textDocument.uri, token, [] as DocumentHighlight[], (model, document) =>
      referencesAt(model, structureOf(model), document.offsetAt(params.position)).map((span) => ({
        range: model.lineIndex.rangeOf(span.start, span.end),
        kind: DocumentHighlightKind.Text,
      })),
    ),
  );

  connection.languages.inlayHint.on((params, token) =>
    onDocument(params.textDocument.uri, token, [] as InlayHint[], (model, document, { timingHints: enabled }) => {
      if (!enabled) return [];
      const from = document.offsetAt(params.range.start);
      const to = document.offsetAt(params.range.end);
      return timingHints(model, analysisOf(model), from, to).map((h) => ({
        position: model.lineIndex.positionAt(h.at),
        label: h.label,
        tooltip: h.tooltip,
        paddingLeft: true,
      }));
    }, true),
  );

  connection.onCodeLens((params, token) =>
    onDocument(params.textDocument.uri, token, [] as CodeLens[], (model) =>
      callLenses(model, analysisOf(model)).map((lens) => {
        const position = model.lineIndex.positionAt(lens.at);
        return { range: { start: position, end: position }, command: { title: lens.title, command: 'sip.revealCall', arguments: [params.textDocument.uri, lens.call] } };
      }),
      true,
    ),
  );

  connection.onWorkspaceSymbol((params, token) =>
    runSafe(connection, token, [] as WorkspaceSymbol[], async () => {
      const query = params.query.toLowerCase();
      const out: WorkspaceSymbol[] = [];
      for (const document of documents.all()) {
        const { model } = await modelAndSettingsFor(document);
        if (token.isCancellationRequested) return [];
        const analysis = analysisOf(model);
        for (const row of callSummaryRows(model, analysis)) {
          const haystack = [row.callId, row.caller, row.callee, ...row.participants].filter(Boolean).join(' ').toLowerCase();
          if (query && !haystack.includes(query)) continue;
          const first = model.messages[analysis.calls[row.index].messages[0]].startLine;
          out.push({
            name: `${row.label} [${row.callId ?? 'no Call-ID'}]`,
            kind: SymbolKind.Event,
            containerName: row.summary,
            location: { uri: document.uri, range: model.lineIndex.rangeOf(first.start, Math.max(first.start, first.end)) },
          });
          if (out.length >= 1000) return out;
        }
      }
      return out;
    }),
  );

  connection.onCodeAction((params, token) =>
    onDocument(params.textDocument.uri, token, [] as CodeAction[], (model, document) => {
      const uri = params.textDocument.uri;
      const actions: CodeAction[] = [];
      const toAction = (fix: QuickFix, kind: string, diagnostic?: Diagnostic): CodeAction => ({
        title: fix.title,
        kind,
        diagnostics: diagnostic ? [diagnostic] : undefined,
        isPreferred: fix.isPreferred,
        edit: {
          changes: {
            [uri]: fix.edits.map((e) => ({ range: model.lineIndex.rangeOf(e.start, e.end), newText: e.newText })),
          },
        },
      });
      const disabled = new Set<string>();
      for (const diagnostic of params.context.diagnostics) {
        if (diagnostic.source !== 'sip' || typeof diagnostic.code !== 'string') continue;
        const start = document.offsetAt(diagnostic.range.start);
        const end = document.offsetAt(diagnostic.range.end);
        for (const fix of fixesFor(model, { code: diagnostic.code, start, end })) actions.push(toAction(fix, CodeActionKind.QuickFix, diagnostic));
        if (!disabled.has(diagnostic.code)) {
          disabled.add(diagnostic.code);
          actions.push({
            title: `Disable rule ${diagnostic.code} (in settings)`,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            command: { title: `Disable rule ${diagnostic.code}`, command: 'sip.disableRule', arguments: [diagnostic.code, uri] },
          });
        }
      }
      // Expanding or compacting the header name under the cursor is always safe.
      const at = document.offsetAt(params.range.start);
      for (const fix of headerNameFixes(model, at)) actions.push(toAction(fix, CodeActionKind.RefactorRewrite));
      return actions;
    }),
  );

  // The calls without their messages: the view asks for a call's messages when it is expanded
  // (with them, the calls of a 50 MB trace were some 16 MB of JSON).
  connection.onRequest(CALLS_REQUEST, (params: CallsParams, token: CancellationToken) =>
    onDocument(params.uri, token, [] as CallItem[], (model) => {
      const analysis = analysisOf(model);
      return callSummaryRows(model, analysis).map((row) => ({
        index: row.index,
        label: row.label,
        summary: row.summary,
        callId: row.callId,
        outcome: row.outcome,
        finalStatus: row.finalStatus,
        participants: row.participants,
        durationMs: row.durationMs,
        messageCount: analysis.calls[row.index].messages.length,
      }));
    }, true),
  );

  connection.onRequest(CALL_MESSAGES_REQUEST, (params: CallMessagesParams, token: CancellationToken) =>
    onDocument(params.uri, token, [] as CallMessageItem[], (model) =>
      callMessageRows(model, analysisOf(model), params.index).map((m) => ({ label: m.label, detail: m.detail, range: model.lineIndex.rangeOf(m.start, m.end) })),
    ),
  );

  documents.listen(connection);
  connection.listen();
}

const SYMBOL_KIND: Record<OutlineNode['kind'], SymbolKind> = {
  call: SymbolKind.Namespace,
  transaction: SymbolKind.Event,
  message: SymbolKind.Field,
  more: SymbolKind.Null,
};

function toSymbol(model: TraceModel, node: OutlineNode): DocumentSymbol {
  return {
    name: node.name || '(unnamed)',
    detail: node.detail,
    kind: SYMBOL_KIND[node.kind],
    range: model.lineIndex.rangeOf(node.start, node.end),
    selectionRange: model.lineIndex.rangeOf(node.selectionStart, node.selectionEnd),
    children: node.children.map((child) => toSymbol(model, child)),
  };
}

function toDiagnostic(model: TraceModel, d: SipDiagnostic): Diagnostic {
  const href = ruleDocumentationUri(d.code);
  return {
    range: model.lineIndex.rangeOf(d.start, d.end),
    severity: SEVERITY[d.severity],
    code: d.code,
    codeDescription: href ? { href } : undefined,
    source: 'sip',
    message: d.message,
  };
}

/** Drives a stepwise computation, yielding to the event loop between steps; null when it went stale. */
async function runSteps<T>(steps: Generator<void, T>, stale: () => boolean): Promise<T | null> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await new Promise((resolve) => setImmediate(resolve));
    if (stale()) return null;
  }
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
