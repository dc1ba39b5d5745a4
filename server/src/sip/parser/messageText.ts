/**
 * A message's text, read by document offsets from the text its parse read
 * (`parsedText`). After an edit the model's whole text exists only in pieces
 * (see `text/pieceText.ts`): reading one character of it would make V8 copy
 * all of it, 50 MB on a large trace, for a hover on one header.
 */
import type { SipMessage } from '../model';
import { parsedBase, parsedText } from './messageParser';

/** What the features read of a text (a character, a slice): a string is one, and so is a `MessageText`. */
export interface TextReader {
  charCodeAt(offset: number): number;
  slice(start: number, end: number): string;
}

export class MessageText implements TextReader {
  private readonly text: string;
  /** Document offset minus offset in `text`: how far edits before the message moved it since its parse. */
  private readonly delta: number;

  constructor(message: SipMessage) {
    const base = parsedBase(message);
    this.text = parsedText(base);
    this.delta = message.start - base.start;
  }

  /** NaN outside the parse's text (as a string answers past its end). */
  charCodeAt(offset: number): number {
    const at = offset - this.delta;
    return at < 0 ? NaN : this.text.charCodeAt(at);
  }

  slice(start: number, end: number): string {
    return this.text.slice(Math.max(0, start - this.delta), Math.max(0, end - this.delta));
  }
}
