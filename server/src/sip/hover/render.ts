/**
 * Markdown for a hover target: knowledge from the tables, then context from
 * this message.
 */
import type { TraceModel } from '../model';
import type { HoverTarget } from './locate';

export function renderTarget(model: TraceModel, target: HoverTarget): string | null {
  const text = model.text;
  switch (target.kind) {
    case 'method':
      return `**${target.message.startLine.method}** — SIP request method`;
    case 'status': {
      const code = target.message.startLine.status;
      return code === null ? null : `**${code} ${target.message.startLine.reason ?? ''}** — ${Math.floor(code / 100)}xx response`;
    }
    case 'reason':
      return `Reason phrase "${target.message.startLine.reason ?? ''}"`;
    case 'version':
      return '**SIP/2.0** — protocol version (RFC 3261 section 7.1)';
    case 'request-uri':
      return `Request-URI \`${text.slice(target.start, target.end)}\``;
    case 'header-name':
      return target.header.compact
        ? `**${target.header.name}** header (compact form \`${text.slice(target.start, target.end)}\`)`
        : `**${target.header.name}** header`;
    case 'header-value':
      return target.param ? `Parameter \`${target.param}\` of ${target.header.name}` : null;
    case 'body-line':
      return null;
  }
}
