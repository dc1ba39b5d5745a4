/**
 * The VS Code side of SIP Trace: starts the language server, shows what it
 * found in a language status item, and offers a restart command. All SIP
 * knowledge lives in the server.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { TRACE_STATUS_NOTIFICATION, type TraceStatusParams } from '../../server/src/protocol';
import { SERVER_NODE_FLAGS } from '../../server/src/launch';
import { CallsView } from './callsView';
import { offerDecision, offerSwitch } from './traceFileOffer';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS] } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6009'] } },
  };
  const outputChannel = vscode.window.createOutputChannel('SIP Language Server', { log: true });
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'sip' }],
    outputChannel,
    // The server also reads the editor's folding limit (its own `rangeLimit` is a constant 5,000).
    synchronize: { configurationSection: ['sip', 'editor.foldingMaximumRegions'] },
  };
  client = new LanguageClient('sip', 'SIP Language Server', serverOptions, clientOptions);

  const status = new TraceStatus(outputChannel);
  context.subscriptions.push(outputChannel, status);
  context.subscriptions.push(
    vscode.commands.registerCommand('sip.restartServer', async () => {
      if (!client) return;
      status.busy('Restarting the SIP language server…');
      await client.restart();
      status.refresh();
      outputChannel.appendLine('SIP language server restarted.');
    }),
    vscode.window.onDidChangeActiveTextEditor(() => status.refresh()),
    // What the language status item shows for a document, for tests and scripts: resolves once the server has analysed it.
    vscode.commands.registerCommand('sip.traceStatus', (uri?: string) => status.whenKnown(uri ?? vscode.window.activeTextEditor?.document.uri.toString())),
  );

  const calls = new CallsView(client);
  context.subscriptions.push(
    calls,
    vscode.commands.registerCommand('sip.revealCall', (uri: string, index: number) => calls.reveal(uri, index)),
    vscode.commands.registerCommand('sip.refreshCalls', () => calls.refresh()),
    vscode.commands.registerCommand('sip.disableRule', (ruleId: string, uri?: string) => disableRule(ruleId, uri)),
    vscode.window.onDidChangeActiveTextEditor(() => void calls.refresh().catch(() => undefined)),
  );
  client.onNotification(TRACE_STATUS_NOTIFICATION, (params: TraceStatusParams) => {
    status.update(params);
    if (params.uri === vscode.window.activeTextEditor?.document.uri.toString()) void calls.refresh().catch(() => undefined);
  });
  // The extension also activates for .log and .txt files (to offer SIP); the
  // server starts only once a SIP document is open.
  let started: Promise<void> | undefined;
  const ensureStarted = (): Promise<void> => {
    if (!started) {
      status.busy('Starting the SIP language server…');
      started = client!.start().then(() => status.refresh());
    }
    return started;
  };
  const onOpen = (document: vscode.TextDocument) => {
    if (document.languageId === 'sip') void ensureStarted();
    else void offerSwitch(context, document).catch(() => undefined);
  };
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(onOpen),
    // For tests and scripts: what the offer would do for a document, without showing it.
    vscode.commands.registerCommand('sip.traceFileOffer', (uri: string) => {
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
      return document ? offerDecision(context, document) : undefined;
    }),
  );
  vscode.workspace.textDocuments.forEach(onOpen);
  if (vscode.workspace.textDocuments.some((d) => d.languageId === 'sip')) await ensureStarted();
}

/**
 * Turns a rule off in the settings of the document's workspace folder (or the
 * workspace, or the user settings when no folder is open): the "disable this
 * rule" quick fix.
 */
async function disableRule(ruleId: string, uri?: string): Promise<void> {
  const resource = uri ? vscode.Uri.parse(uri) : undefined;
  const config = vscode.workspace.getConfiguration('sip', resource);
  const folder = resource ? vscode.workspace.getWorkspaceFolder(resource) : undefined;
  const target = folder ? vscode.ConfigurationTarget.WorkspaceFolder
    : vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace
      : vscode.ConfigurationTarget.Global;
  const rules = { ...(config.get<Record<string, string>>('diagnostics.rules') ?? {}), [ruleId]: 'off' };
  await config.update('diagnostics.rules', rules, target);
  void vscode.window.showInformationMessage(`SIP Trace: rule ${ruleId} is off. Change it in the setting sip.diagnostics.rules.`);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

interface TraceStatusView extends TraceStatusParams {
  readonly text: string;
  readonly detail: string;
}

/** The `{}` item in the status bar for SIP files: trace format and message count of the active trace. */
class TraceStatus implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem('sip.traceStatus', { language: 'sip' });
  private readonly byUri = new Map<string, TraceStatusParams>();
  private readonly waiters = new Map<string, ((value: TraceStatusView) => void)[]>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(outputChannel: vscode.LogOutputChannel) {
    this.item.name = 'SIP Trace';
    this.item.text = 'SIP';
    this.item.command = { title: 'Show Output', command: 'sip.showOutput' };
    this.disposables.push(vscode.commands.registerCommand('sip.showOutput', () => outputChannel.show(true)));
  }

  busy(detail: string): void {
    this.item.busy = true;
    this.item.detail = detail;
  }

  update(params: TraceStatusParams): void {
    this.byUri.set(params.uri, params);
    this.refresh();
    const waiting = this.waiters.get(params.uri);
    this.waiters.delete(params.uri);
    for (const resolve of waiting ?? []) resolve(this.view(params));
  }

  /** The status of `uri` as the item shows it, once the server has reported it. */
  whenKnown(uri: string | undefined): Promise<TraceStatusView | undefined> {
    if (!uri) return Promise.resolve(undefined);
    const known = this.byUri.get(uri);
    if (known) return Promise.resolve(this.view(known));
    return new Promise((resolve) => this.waiters.set(uri, [...(this.waiters.get(uri) ?? []), resolve]));
  }

  private view(params: TraceStatusParams): TraceStatusView {
    const messages = `${params.messageCount} message${params.messageCount === 1 ? '' : 's'}`;
    return {
      ...params,
      text: `SIP: ${params.formatLabel}`,
      detail: `${messages}, ${params.problemCount} problem${params.problemCount === 1 ? '' : 's'}`,
    };
  }

  refresh(): void {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const params = uri ? this.byUri.get(uri) : undefined;
    this.item.busy = false;
    if (!params) {
      this.item.text = 'SIP';
      this.item.detail = 'No trace analysed yet';
      return;
    }
    const view = this.view(params);
    this.item.text = view.text;
    this.item.detail = view.detail;
    this.item.severity = vscode.LanguageStatusSeverity.Information;
  }

  dispose(): void {
    this.item.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
