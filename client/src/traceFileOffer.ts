/**
 * When a `.log` or `.txt` file opened in VS Code looks like a SIP trace, offer
 * once per file to switch it to the SIP language; "Never for this workspace"
 * silences the offer. Detection is the core's own (`sniffTraceFormat`), run on
 * the first 256 KB so a huge log costs nothing noticeable.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { sniffTraceFormat } from '../../server/src/sip/framing/registry';

const SNIFF_CHARS = 256 * 1024;
const NEVER_KEY = 'sip.offerSwitch.never';
const ASKED_KEY = 'sip.offerSwitch.asked';
const SWITCH = 'Open as SIP';
const NOT_NOW = 'Not now';
const NEVER = 'Never for this workspace';

export type OfferDecision = 'not-a-candidate' | 'not-sip' | 'already-asked' | 'never' | 'offer';

/** Whether `document` would get the offer, and the format it looks like. */
export function offerDecision(context: vscode.ExtensionContext, document: vscode.TextDocument): { decision: OfferDecision; format?: string } {
  const ext = path.extname(document.uri.path).toLowerCase();
  if (document.languageId === 'sip' || (ext !== '.log' && ext !== '.txt')) return { decision: 'not-a-candidate' };
  if (context.workspaceState.get<boolean>(NEVER_KEY)) return { decision: 'never' };
  const asked = context.workspaceState.get<string[]>(ASKED_KEY) ?? [];
  if (asked.includes(document.uri.toString())) return { decision: 'already-asked' };
  // A decoded tshark tree is not raw text: switching would only show a note.
  const format = sniffTraceFormat(document.getText().slice(0, SNIFF_CHARS));
  if (format === null || format.id === 'tshark-decoded') return { decision: 'not-sip' };
  return { decision: 'offer', format: format.label };
}

export async function offerSwitch(context: vscode.ExtensionContext, document: vscode.TextDocument): Promise<void> {
  const { decision, format } = offerDecision(context, document);
  if (decision !== 'offer') return;
  const asked = context.workspaceState.get<string[]>(ASKED_KEY) ?? [];
  await context.workspaceState.update(ASKED_KEY, [...asked, document.uri.toString()].slice(-500));
  const name = path.basename(document.uri.path);
  const answer = await vscode.window.showInformationMessage(
    `${name} looks like a SIP trace (${format}). Open it as SIP to get diagnostics, hovers and the call outline?`,
    SWITCH, NOT_NOW, NEVER,
  );
  if (answer === SWITCH) await vscode.languages.setTextDocumentLanguage(document, 'sip');
  else if (answer === NEVER) await context.workspaceState.update(NEVER_KEY, true);
}
