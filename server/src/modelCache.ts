/**
 * One parsed model per document version. Every feature (diagnostics, hover,
 * status) asks this cache, so a document is parsed once per version.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TraceModel } from './sip/model';
import { parseTrace } from './sip/parse';

interface Entry {
  readonly version: number;
  readonly traceFormat: string;
  readonly model: TraceModel;
}

export class ModelCache {
  private readonly entries = new Map<string, Entry>();

  get(document: TextDocument, traceFormat: string): TraceModel {
    const entry = this.entries.get(document.uri);
    if (entry && entry.version === document.version && entry.traceFormat === traceFormat) return entry.model;
    const model = parseTrace(document.getText(), { traceFormat });
    this.entries.set(document.uri, { version: document.version, traceFormat, model });
    return model;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}
