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
