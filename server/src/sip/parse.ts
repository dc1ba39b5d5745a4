/**
 * Entry point of the core: text in, model out. Never throws.
 */
import type { Problem, SipMessage, TraceModel } from './model';
import { LineIndex } from './text/lineIndex';
import { detectFramer, framerById } from './framing/registry';
import { parseMessage } from './parser/messageParser';

export interface ParseOptions {
  /** A framer id, or `auto` (default) to detect the wrapping from the content. */
  readonly traceFormat?: string;
  /**
   * Where the text's line index comes from, when the caller keeps one (the
   * server's document does): asked on the model's first use of positions, so
   * a model that shows none (a clean trace) never builds it.
   */
  readonly lineIndex?: () => LineIndex;
}

export function parseTrace(text: string, options: ParseOptions = {}): TraceModel {
  const requested = options.traceFormat && options.traceFormat !== 'auto' ? framerById(options.traceFormat) : undefined;
  const framer = requested ?? detectFramer(text);
  const messages: SipMessage[] = [];
  const problems: Problem[] = [];
  try {
    framer.frame(text, {
      message(framed) {
        messages.push(parseMessage(text, framed, messages.length));
      },
      problem(problem) {
        problems.push(problem);
      },
    });
  } catch (error) {
    // A bug must not cost the user the messages read so far. Tests assert this never happens.
    problems.push({
      start: 0, end: 0, code: 'internal-error',
      message: `SIP Trace could not read the rest of this file (internal error: ${String(error)}); please report it`,
    });
  }
  // A framer that explained the file already (a decoded tree) needs no second note.
  if (messages.length === 0 && problems.length === 0 && /\S/.test(text.slice(0, 65536))) {
    const firstLineEnd = text.search(/\r?\n|$/);
    problems.push({
      start: 0, end: Math.max(0, firstLineEnd), code: 'no-sip-message',
      message: `No SIP message found (trace format: ${framer.label}); expected a start line such as "INVITE sip:bob@example.com SIP/2.0" or "SIP/2.0 200 OK"`,
    });
  }
  // Positions are only needed for what is shown: build the line index on first use.
  let lineIndex: LineIndex | undefined;
  const provided = options.lineIndex;
  return {
    text,
    format: { id: framer.id, label: framer.label },
    messages,
    problems,
    get lineIndex() {
      return (lineIndex ??= provided ? provided() : new LineIndex(text));
    },
  };
}
