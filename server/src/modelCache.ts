/**
 * One parsed model per document version. Every feature (diagnostics, hover,
 * status) asks this cache, so a document is parsed once per version; after an
 * edit only the messages around it are parsed again (`sip/incremental.ts`).
 */
import type { Range, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { SipDocument } from './sipDocument';
import type { TraceModel } from './sip/model';
import type { TextSource } from './sip/text/pieceText';
import { parseTrace } from './sip/parse';
import { EditAccumulator, reparse } from './sip/incremental';
import { hasShape, shapeInWorker, shapeOf, type ModelShape, type ShapeJob } from './fullParseCheck';

interface Entry {
  readonly version: number;
  readonly traceFormat: string;
  model: TraceModel;
  /** The model came from incremental re-parses since the last full parse. */
  incremental: boolean;
  /** Edits since `version`; null when they cannot be followed (a full-text change, several changes at once). */
  edits: EditAccumulator | null;
}

export interface BackgroundCheckOptions {
  /** Parses the text elsewhere (the tests give their own). */
  readonly parseShape?: (text: TextSource, traceFormat: string) => ShapeJob;
  /** The worker could not run or failed (not called when it was stopped for a newer version). */
  readonly onWorkerError?: (error: unknown) => void;
}

export class ModelCache {
  private readonly entries = new Map<string, Entry>();
  /** Full-parse checks running in a worker, by document. */
  private readonly checks = new Map<string, ShapeJob>();

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
    this.cancelCheck(document.uri); // it checks a version that is gone
    return model;
  }

  /**
   * When the editing pauses: parse the document in full and compare with the
   * model the incremental re-parses built. They are equal by design (a test
   * checks thousands of edits); should they ever differ, the full parse wins.
   * Returns true when the model was replaced (diagnostics must be published again).
   */
  verify(document: SipDocument): boolean {
    const entry = this.checkable(document);
    if (entry === undefined) return false;
    entry.incremental = false;
    const full = this.fullParse(entry, document);
    if (hasShape(entry.model, shapeOf(full))) return false;
    entry.model = full;
    return true;
  }

  /**
   * `verify` with the parse in a worker thread, for large documents: the
   * main thread only copies the text, so requests go on being answered.
   * Resolves false, without a verdict, when the document changed meanwhile;
   * when no worker can run, the check runs here instead.
   */
  async verifyInBackground(document: SipDocument, options: BackgroundCheckOptions = {}): Promise<boolean> {
    const { parseShape = shapeInWorker, onWorkerError } = options;
    const entry = this.checkable(document);
    if (entry === undefined) return false;
    entry.incremental = false;
    this.cancelCheck(document.uri);
    // The pieces as they are: building the whole text here would block as long as a copy of it takes.
    const job = parseShape(document.pieces, entry.traceFormat);
    this.checks.set(document.uri, job);
    let shape: ModelShape | null;
    try {
      shape = await job.result;
    } catch (error) {
      shape = null;
      if (this.checks.get(document.uri) === job) onWorkerError?.(error);
    } finally {
      if (this.checks.get(document.uri) === job) this.checks.delete(document.uri);
    }
    const current = this.entries.get(document.uri) === entry && entry.version === document.version;
    if (!current) return false;
    let full: TraceModel | null = null;
    if (shape === null) {
      full = this.fullParse(entry, document);
      shape = shapeOf(full);
    }
    if (hasShape(entry.model, shape)) return false;
    entry.model = full ?? this.fullParse(entry, document);
    return true;
  }

  private checkable(document: SipDocument): Entry | undefined {
    const entry = this.entries.get(document.uri);
    return entry && entry.version === document.version && entry.incremental ? entry : undefined;
  }

  private fullParse(entry: Entry, document: SipDocument): TraceModel {
    const model = parseTrace(document.getText(), { traceFormat: entry.traceFormat, lineIndex: () => document.lineIndex });
    // The parse read the whole text, so it is one flat string now: drop the pieces of earlier versions.
    document.settle();
    return model;
  }

  private cancelCheck(uri: string): void {
    const job = this.checks.get(uri);
    if (job === undefined) return;
    this.checks.delete(uri);
    job.cancel();
  }

  hasIncrementalModel(uri: string): boolean {
    return this.entries.get(uri)?.incremental === true;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
    this.cancelCheck(uri);
  }
}
