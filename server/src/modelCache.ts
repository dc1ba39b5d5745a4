/**
 * One parsed model per document version. Every feature (diagnostics, hover,
 * status) asks this cache, so a document is parsed once per version; after an
 * edit only the messages around it are parsed again (`sip/incremental.ts`).
 */
import type { Range, TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { TraceModel } from './sip/model';
import { parseTrace } from './sip/parse';
import { EditAccumulator, reparse } from './sip/incremental';

interface Entry {
  readonly version: number;
  readonly traceFormat: string;
  readonly model: TraceModel;
  /** Edits since `version`; null when they cannot be followed (a full-text change, several changes at once). */
  edits: EditAccumulator | null;
}

export class ModelCache {
  private readonly entries = new Map<string, Entry>();

  /**
   * Called with the document as it was before `changes` (from the
   * TextDocuments update hook), to remember where the text changed.
   */
  noteChanges(before: TextDocument, changes: readonly TextDocumentContentChangeEvent[]): void {
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

  get(document: TextDocument, traceFormat: string): TraceModel {
    const entry = this.entries.get(document.uri);
    if (entry && entry.version === document.version && entry.traceFormat === traceFormat) return entry.model;
    const edit = entry && entry.traceFormat === traceFormat ? entry.edits?.result() ?? null : null;
    const text = document.getText();
    const model = entry && edit ? reparse(entry.model, text, edit, { traceFormat }) : parseTrace(text, { traceFormat });
    this.entries.set(document.uri, { version: document.version, traceFormat, model, edits: new EditAccumulator() });
    return model;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}
