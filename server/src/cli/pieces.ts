/**
 * A file to check, as pieces that each fit in memory. A file up to
 * STREAM_THRESHOLD bytes is one piece: parsed and validated whole, with every
 * rule. A larger one is read in chunks: each chunk's complete messages are
 * parsed, validated and reported, and the text of its last message, which
 * may go on in the next chunk, is carried over. Memory then stays bounded
 * whatever the file's size; the conversation-level rules, which need the
 * whole trace at once, are left out for such files (the CLI says so).
 */
import * as fs from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import type { SipMessage, TraceModel } from '../sip/model';
import { parseTrace } from '../sip/parse';
import { validate, type SipDiagnostic, type ValidationSettings } from '../sip/rules/engine';
import { InputError, readInput } from './files';

/** Sizes can be lowered through the environment, so tests can stream small files. */
const sizeFromEnv = (name: string, fallback: number): number => {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
};
export const STREAM_THRESHOLD = sizeFromEnv('SIP_TRACE_STREAM_THRESHOLD', 64 * 1024 * 1024);
// Small chunks keep memory low: each chunk's strings are large objects that only a full GC frees.
const CHUNK_BYTES = sizeFromEnv('SIP_TRACE_CHUNK_BYTES', 1024 * 1024);
/** A "message" still incomplete past this many characters is reported as it is. */
const MAX_CARRY_CHARS = 64 * 1024 * 1024;
/** Text kept from a chunk without any message, in case one starts at its very end. */
const TAIL_CHARS = 64 * 1024;

export interface Piece {
  readonly model: TraceModel;
  /** Line number of the piece's first line in the file. */
  readonly lineBase: number;
  /** Index in the file of the piece's first message. */
  readonly messageBase: number;
  /** The piece's messages to report: `model.messages[0 .. messageCount)`. */
  readonly messageCount: number;
  readonly diagnostics: readonly SipDiagnostic[];
  /** The conversation-level rules ran (false for files read in chunks). */
  readonly traceRules: boolean;
}

export function* checkPieces(file: string, traceFormat: string, settings: ValidationSettings): Generator<Piece> {
  const size = file === '-' ? 0 : fileSize(file);
  if (size <= STREAM_THRESHOLD) {
    const model = parseTrace(readInput(file), { traceFormat });
    yield { model, lineBase: 0, messageBase: 0, messageCount: model.messages.length, diagnostics: validate(model, settings), traceRules: true };
    return;
  }
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    throw new InputError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  try {
    yield* streamPieces(fd, file, traceFormat, settings);
  } finally {
    fs.closeSync(fd);
  }
}

function* streamPieces(fd: number, file: string, traceFormat: string, settings: ValidationSettings): Generator<Piece> {
  const decoder = new StringDecoder('utf8');
  const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  let format = traceFormat;
  let carry = '';
  let lineBase = 0;
  let messageBase = 0;
  let remaining = settings.maxProblems;
  for (;;) {
    let read: number;
    try {
      read = fs.readSync(fd, buffer, 0, CHUNK_BYTES, null);
    } catch (error) {
      throw new InputError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
    const eof = read === 0;
    const text = carry + (eof ? decoder.end() : decoder.write(buffer.subarray(0, read)));
    if (eof && text.length === 0) return;
    // The wrapping is detected on the first chunk and kept for the rest of the file.
    const model = parseTrace(text, { traceFormat: format });
    format = model.format.id;
    const messages = model.messages;
    let keep = messages.length;
    let cut = text.length;
    if (!eof) {
      if (keep === 0) {
        cut = lineStartAtOrBefore(text, Math.max(0, text.length - TAIL_CHARS));
      } else if (keep === 1 && text.length < MAX_CARRY_CHARS) {
        carry = text; // one message so far, maybe incomplete: read on
        continue;
      } else if (keep > 1) {
        keep -= 1; // the last message may go on in the next chunk
        cut = lineStartAtOrBefore(text, frameStartOf(messages[keep]));
      }
    }
    const diagnostics = validate(model, { ...settings, maxProblems: remaining }, { traceRules: false }).filter(
      // "No SIP message" speaks of the whole file: only once nothing was found at all.
      (d) => d.start < cut && (d.code !== 'no-sip-message' || (eof && messageBase === 0)),
    );
    remaining = Math.max(0, remaining - diagnostics.length);
    yield { model, lineBase, messageBase, messageCount: keep, diagnostics, traceRules: false };
    if (eof) return;
    lineBase += model.lineIndex.positionAt(cut).line;
    messageBase += keep;
    carry = text.slice(cut);
  }
}

function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0; // readInput reports the error
  }
}

function frameStartOf(m: SipMessage): number {
  return m.meta.frameStart >= 0 ? Math.min(m.meta.frameStart, m.start) : m.start;
}

function lineStartAtOrBefore(text: string, offset: number): number {
  return offset <= 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
}
