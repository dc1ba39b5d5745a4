/**
 * The server's text documents: the text of one version and its line index.
 *
 * `vscode-languageserver-textdocument` keeps line starts as an array of
 * numbers, built on first use: on a 50 MB trace that took about 100 ms and
 * 10 MB, paid by the first hover or the first edit after opening. The model
 * needs a line index too (for diagnostics), so here both use one `LineIndex`
 * (typed array; after an edit, only the lines around it are scanned again).
 * Positions follow the same rules as that package (a position never points
 * between a CR and its LF; past a line's end means the end of that line).
 *
 * An edit keeps the text as pieces of the earlier text (`PieceText`): the
 * line index, the re-parse and the message-level rules read only the text
 * around the edit, so a keystroke in a 50 MB trace copies no 50 MB string.
 * The whole text is built when a feature asks for it (`getText()`).
 */
import type { Position, Range, TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { LineIndex } from './sip/text/lineIndex';
import { PieceText } from './sip/text/pieceText';

export class SipDocument implements TextDocument {
  private index: LineIndex | null;

  private constructor(
    readonly uri: string,
    readonly languageId: string,
    readonly version: number,
    private content: PieceText,
    index: LineIndex | null,
  ) {
    this.index = index;
  }

  static create(uri: string, languageId: string, version: number, content: string): SipDocument {
    return new SipDocument(uri, languageId, version, PieceText.of(content), null);
  }

  /** The document after `changes`, each in the coordinates of the text the previous one produced. */
  static update(document: SipDocument, changes: readonly TextDocumentContentChangeEvent[], version: number): SipDocument {
    let text = document.content;
    let index = document.index;
    for (const change of changes) {
      if ('range' in change) {
        const current = index ?? new LineIndex(text);
        let start = current.offsetAt(change.range.start);
        let end = current.offsetAt(change.range.end);
        if (end < start) [start, end] = [end, start];
        text = text.edit(start, end, change.text);
        index = current.afterEdit(text, start, end, change.text.length - (end - start));
      } else {
        text = PieceText.of(change.text);
        index = null;
      }
    }
    return new SipDocument(document.uri, document.languageId, version, text, index);
  }

  /** This version's text, in pieces when edits made it (read it without building the whole). */
  get pieces(): PieceText {
    return this.content;
  }

  /**
   * Called once the whole text was read through (a full parse), which made
   * V8 copy it flat: from then on it is the one piece, and the earlier
   * versions it was made of can be collected.
   */
  settle(): void {
    if (this.content.pieceCount <= 1) return;
    const flat = this.content.toString();
    this.content = PieceText.of(flat);
    if (this.index !== null) this.index = this.index.withText(this.content);
  }

  /** The line index of this version (shared with its model). */
  get lineIndex(): LineIndex {
    return (this.index ??= new LineIndex(this.content));
  }

  get lineCount(): number {
    return this.lineIndex.lineCount;
  }

  getText(range?: Range): string {
    if (range === undefined) return this.content.toString();
    const start = this.offsetAt(range.start);
    const end = this.offsetAt(range.end);
    return this.content.slice(Math.min(start, end), Math.max(start, end));
  }

  offsetAt(position: Position): number {
    return this.lineIndex.offsetAt(position);
  }

  getLineRange(line: number): Range {
    const index = this.lineIndex;
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    if (line >= index.lineCount) {
      const last = index.lineCount - 1;
      return { start: { line: last, character: 0 }, end: { line: last, character: this.content.length - index.lineStart(last) } };
    }
    const start = index.lineStart(line);
    return { start: { line, character: 0 }, end: { line, character: this.contentEnd(line) - start } };
  }

  getEOLCharacters(line: number): string {
    if (line < 0 || line >= this.lineIndex.lineCount) return '';
    return this.content.slice(this.contentEnd(line), this.nextLineStart(line));
  }

  /** Where line `line`'s text ends, before its line break. */
  private contentEnd(line: number): number {
    const start = this.lineIndex.lineStart(line);
    let end = this.nextLineStart(line);
    while (end > start && isLineBreak(this.content.charCodeAt(end - 1))) end--;
    return end;
  }

  private nextLineStart(line: number): number {
    return line + 1 < this.lineIndex.lineCount ? this.lineIndex.lineStart(line + 1) : this.content.length;
  }

  positionAt(offset: number): Position {
    const at = this.lineIndex.positionAt(offset);
    const lineStart = this.lineIndex.lineStart(at.line);
    // Between a CR and its LF is not a place in the document: step back before the line break.
    let character = at.character;
    while (character > 0 && isLineBreak(this.content.charCodeAt(lineStart + character - 1))) character--;
    return character === at.character ? at : { line: at.line, character };
  }
}

function isLineBreak(c: number): boolean {
  return c === 13 || c === 10;
}
