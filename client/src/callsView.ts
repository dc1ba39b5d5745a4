/**
 * The "SIP Calls" explorer view: the calls of the active trace, with an icon
 * per outcome; clicking a message reveals it in the editor.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  CALLS_REQUEST, CALL_MESSAGES_REQUEST, type CallItem, type CallMessageItem, type CallMessagesParams, type CallsParams,
} from '../../server/src/protocol';

/** A call's messages are asked for when it is first expanded, then kept with it. */
type CallNode = { kind: 'call'; uri: string; call: CallItem; children?: Promise<MessageNode[]> };
type MessageNode = { kind: 'message'; uri: string; message: CallMessageItem; parent: CallNode };
type Node = CallNode | MessageNode;

const OUTCOME_ICON: Record<CallItem['outcome'], vscode.ThemeIcon> = {
  answered: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  completed: new vscode.ThemeIcon('check', new vscode.ThemeColor('testing.iconPassed')),
  failed: new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed')),
  cancelled: new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('testing.iconSkipped')),
  redirected: new vscode.ThemeIcon('arrow-right'),
  pending: new vscode.ThemeIcon('clock'),
};

export class CallsView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: CallNode[] = [];
  private readonly view: vscode.TreeView<Node>;

  constructor(private readonly client: LanguageClient) {
    this.view = vscode.window.createTreeView('sipCalls', { treeDataProvider: this, showCollapseAll: true });
  }

  /** Reloads the calls of the active SIP document. */
  async refresh(): Promise<void> {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || document.languageId !== 'sip') {
      this.roots = [];
      this.view.message = 'Open a SIP trace to see its calls.';
      this.changed.fire(undefined);
      return;
    }
    const uri = document.uri.toString();
    const params: CallsParams = { uri };
    const calls = await this.client.sendRequest<CallItem[]>(CALLS_REQUEST, params);
    this.roots = calls.map((call) => ({ kind: 'call', uri, call }));
    this.view.message = calls.length === 0 ? 'No calls in this trace.' : undefined;
    this.changed.fire(undefined);
  }

  /** Shows and selects call `index` (the code lens on a call's first message runs this). */
  async reveal(uri: string, index: number): Promise<void> {
    if (this.roots.length === 0 || this.roots[0].uri !== uri) await this.refresh();
    const node = this.roots.find((n) => n.call.index === index);
    if (node) await this.view.reveal(node, { select: true, focus: true, expand: true });
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'call') {
      const item = new vscode.TreeItem(node.call.label, vscode.TreeItemCollapsibleState.Collapsed);
      item.description = node.call.summary;
      item.tooltip = new vscode.MarkdownString(
        [`**${node.call.label}**`, node.call.summary, `Call-ID: \`${node.call.callId ?? 'none'}\``, node.call.participants.length ? `Participants: ${node.call.participants.join(', ')}` : '']
          .filter(Boolean)
          .join('\n\n'),
      );
      item.iconPath = OUTCOME_ICON[node.call.outcome];
      item.contextValue = 'sipCall';
      return item;
    }
    const item = new vscode.TreeItem(node.message.label, vscode.TreeItemCollapsibleState.None);
    item.description = node.message.detail;
    const range = new vscode.Range(
      node.message.range.start.line, node.message.range.start.character,
      node.message.range.end.line, node.message.range.end.character,
    );
    item.command = { title: 'Reveal message', command: 'vscode.open', arguments: [vscode.Uri.parse(node.uri), { selection: range }] };
    return item;
  }

  getChildren(node?: Node): Node[] | Promise<Node[]> {
    if (!node) return this.roots;
    if (node.kind === 'message') return [];
    node.children ??= this.client
      .sendRequest<CallMessageItem[]>(CALL_MESSAGES_REQUEST, { uri: node.uri, index: node.call.index } satisfies CallMessagesParams)
      .then((messages) => messages.map((message): MessageNode => ({ kind: 'message', uri: node.uri, message, parent: node })))
      .catch(() => {
        node.children = undefined; // asked again on the next expansion (the server may be restarting)
        return [];
      });
    return node.children;
  }

  getParent(node: Node): Node | undefined {
    return node.kind === 'message' ? node.parent : undefined;
  }

  dispose(): void {
    this.view.dispose();
    this.changed.dispose();
  }
}
