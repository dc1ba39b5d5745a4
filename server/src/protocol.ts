/**
 * Custom messages between the SIP Trace client and server, declared once and
 * shared by both sides (the client imports this file).
 */

/** Server -> client: what the server knows about a trace, for the language status item. */
export const TRACE_STATUS_NOTIFICATION = 'sip/traceStatus';

export interface TraceStatusParams {
  readonly uri: string;
  /** Trace format id (`raw`, `ngrep`, ...). */
  readonly format: string;
  /** Human-readable trace format. */
  readonly formatLabel: string;
  readonly messageCount: number;
  readonly problemCount: number;
}

/** Client -> server: the calls of a trace, for the "SIP Calls" view. */
export const CALLS_REQUEST = 'sip/calls';

export interface CallsParams {
  readonly uri: string;
}

export interface CallItem {
  readonly index: number;
  readonly label: string;
  /** `call 3 of 12 · 5 messages · 486 Busy Here · 2.1 s` */
  readonly summary: string;
  readonly callId: string | null;
  readonly outcome: 'answered' | 'failed' | 'cancelled' | 'pending' | 'redirected' | 'completed';
  readonly finalStatus: number | null;
  readonly participants: readonly string[];
  readonly durationMs: number | null;
  /** Its messages come with CALL_MESSAGES_REQUEST, when the view shows them. */
  readonly messageCount: number;
}

/** Client -> server: the messages of one call (`CallItem.index`) of a trace, for the "SIP Calls" view. */
export const CALL_MESSAGES_REQUEST = 'sip/callMessages';

export interface CallMessagesParams {
  readonly uri: string;
  readonly index: number;
}

export interface CallMessageItem {
  readonly label: string;
  readonly detail: string;
  /** Start line range, to reveal. */
  readonly range: { start: { line: number; character: number }; end: { line: number; character: number } };
}
