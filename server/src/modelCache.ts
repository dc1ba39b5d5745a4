/**
 * One parsed model per document version. Every feature (diagnostics, hover,
 * status) asks this cache, so a document is parsed once per version; after an
 * edit only the messages around it are parsed again (`sip/incremental.ts`).
 */
import type { Range, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { SipDocument } from './sipDocument';
import type { TraceModel } from './sip/model';
import { parseTrace } from './sip/parse';
import { EditAccumulator, reparse } from './sip/incremental';

interface Entry {
  readonly version: number;
  readonly traceFormat: string;
  model: TraceModel;
  /** The model came from incremental re-parses since the last full parse. */
  incremental: boolean;
  /** Edits since `version`; null when they cannot be followed (a full-text change, several changes at once). */
  edits: EditAccumulator | null;
}

export class ModelCache {
  private readonly entries = new Map<string, Entry>();

  /**
   * Called with the document as it was before `changes` (from the
   * TextDocuments update hook), to remember where the text changed.
   */
  noteChanges(before: SipDocument, changes: readonly TextDocumentContentChangeEvent[]): void {
    const entry = this.entries.get(before.uri);
    if (!entry || entry.edits === null) return;
    // Several changes in one notification are each relative to the text the
    // previous one produced; one range change (typing, a paste) is the common case.
    const change = (changes.length === 1 ? changes[0] : undefined) as { range?: Range; text: string } | undefined;
    if (!change || !change.range) {
      entry.edits = null;
      return;
    }
    const start = before.offsetAt(change.range.start);
    const end = before.offsetAt(change.range.end);
    entry.edits.add(start, end, change.text.length);
  }

  get(document: SipDocument, traceFormat: string): TraceModel {
    const entry = this.entries.get(document.uri);
    if (entry && entry.version === document.version && entry.traceFormat === traceFormat) return entry.model;
    const edit = entry && entry.traceFormat === traceFormat ? entry.edits?.result() ?? null : null;
    const options = { traceFormat, lineIndex: () => document.lineIndex };
    // A re-parse reads the edited text in pieces (see `SipDocument`): no whole copy of it per keystroke.
    const model = entry && edit ? reparse(entry.model, document.pieces, edit, options) : parseTrace(document.getText(), options);
    const incremental = entry !== undefined && edit !== null && model.messages.length > 0 && model.messages[0] === entry.model.messages[0];
    // A full parse read the whole text (so it is one flat string now): drop the pieces of earlier versions.
    if (!incremental) document.settle();
    this.entries.set(document.uri, { version: document.version, traceFormat, model, incremental, edits: new EditAccumulator() });
    return model;
  }

  /**
   * When the editing pauses: parse the document in full and compare with the
   * model the incremental re-parses built. They are equal by design (a test
   * checks thousands of edits); should they ever differ, the full parse wins.
   * Returns true when the model was replaced (diagnostics must be published again).
   */
  verify(document: SipDocument): boolean {
    const entry = this.entries.get(document.uri);
    if (!entry || entry.version !== document.version || !entry.incremental) return false;
    entry.incremental = false;
    const full = parseTrace(document.getText(), { traceFormat: entry.traceFormat, lineIndex: () => document.lineIndex });
    // The parse read the whole text, so it is one flat string now: drop the pieces of earlier versions.
    document.settle();
    if (sameMessages(full, entry.model)) return false;
    entry.model = full;
    return true;
  }

  hasIncrementalModel(uri: string): boolean {
    return this.entries.get(uri)?.incremental === true;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}

/** Same messages at the same places with the same parser problems (what every feature builds on). */
function sameMessages(a: TraceModel, b: TraceModel): boolean {
  if (a.messages.length !== b.messages.length || a.format.id !== b.format.id) return false;
  for (let i = 0; i < a.messages.length; i++) {
    const x = a.messages[i];
    const y = b.messages[i];
    if (x.start !== y.start || x.end !== y.end || x.bodyLine !== y.bodyLine || x.kind !== y.kind) return false;
    if (x.lines.length !== y.lines.length || x.problems.length !== y.problems.length) return false;
    for (let k = 0; k < x.problems.length; k++) {
      if (x.problems[k].code !== y.problems[k].code || x.problems[k].start !== y.problems[k].start) return false;
    }
  }
  return true;
}
