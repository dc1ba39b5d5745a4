/**
 * How a validation rule plugs into the engine. A rule is a function over one
 * parsed message; it reports through the context and never throws (the
 * engine still guards it, so one faulty rule cannot hide the others).
 */
import type { SipMessage, TraceModel } from '../model';

export interface RuleContext {
  readonly text: string;
  readonly model: TraceModel;
  /** Reports a problem under rule `code` (an id listed in `catalog.ts`). */
  report(code: string, start: number, end: number, message: string): void;
}

export type MessageRule = (message: SipMessage, context: RuleContext) => void;
