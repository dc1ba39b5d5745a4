/**
 * Markdown for a hover target: knowledge from the tables (`knowledge/`),
 * with what this trace says about the message placed after the summary line.
 */
import { LINE_STRIDE, type SipHeader, type SipMessage, type TraceModel } from '../model';
import { parsedBase, parsedText } from '../parser/messageParser';
import { MessageText, type TextReader } from '../parser/messageText';
import type { HoverTarget } from './locate';
// The structure (transactions, retransmissions, keys) is all a hover reads: not the call summaries,
// which the first hover on a 50 MB trace would otherwise build for every call (~200 ms).
import { delayMs, formatDuration, structureOf } from '../analysis/analyze';
import type { MessageFacts } from '../knowledge/headers';
import {
  renderHeader, renderMethod, renderParameter, renderPayloadType, renderSdpAttribute, renderSdpLine, renderStatusCode,
  renderWarnCode,
} from '../knowledge/render';
import { messageLabel } from '../features/outline';
import { findHeader, headerValue } from '../values';

/** Markdown, and a narrower range when only part of the target is explained (a payload number). */
export interface Rendered {
  readonly markdown: string;
  readonly start?: number;
  readonly end?: number;
}

export function renderTarget(model: TraceModel, target: HoverTarget): Rendered | null {
  if (target.kind === 'body-line') {
    return target.message.contentType === 'application/sdp' ? renderSdp(target) : null;
  }
  const markdown = renderMarkdown(model, target);
  return markdown === null ? null : { markdown };
}

function renderMarkdown(model: TraceModel, target: Exclude<HoverTarget, { kind: 'body-line' }>): string | null {
  const m = target.message;
  const text = new MessageText(m);
  switch (target.kind) {
    case 'status':
    case 'reason': {
      const code = m.startLine.status;
      if (code === null) return null;
      return renderStatusCode(code, m.startLine.reason ?? undefined, { context: responseContext(model, m) });
    }
    case 'method':
      return renderMethod(m.startLine.method ?? '', { context: requestContext(model, m) })
        ?? `**${escape(m.startLine.method ?? '')}** — extension method, not registered in the IANA SIP Methods registry (RFC 3261 section 27.4)`;
    case 'version':
      return '**SIP/2.0** — the protocol version; the only version in use (RFC 3261 section 7.1)';
    case 'request-uri':
      return `**Request-URI** \`${escape(text.slice(target.start, Math.min(target.end, target.start + 200)))}\` — where this request is addressed; proxies route on it (RFC 3261 section 8.1.1.1)`;
    case 'header-name':
      return renderHeader(text.slice(target.start, target.end), { message: factsOf(model, m) });
    case 'header-value':
      return renderValue(target, text);
  }
}

function renderValue(target: Extract<HoverTarget, { kind: 'header-value' }>, text: TextReader): string | null {
  const { header, message } = target;
  if (target.param !== null) {
    const before = text.slice(header.valueStart, target.start);
    const inUri = before.lastIndexOf('<') > before.lastIndexOf('>');
    const rendered = renderParameter(header.key, target.param, target.paramValue ?? undefined, {
      inUri,
      headerValue: valueOf(message, header),
    });
    if (rendered !== null) return rendered;
  }
  const word = target.word;
  if ((header.key === 'cseq' || header.key === 'allow' || header.key === 'rack') && /^[A-Za-z]+$/.test(word)) {
    return renderMethod(word.toUpperCase());
  }
  if (header.key === 'warning' && /^3\d\d$/.test(word) && target.start === header.valueStart) return renderWarnCode(Number(word));
  return null;
}

function renderSdp(target: Extract<HoverTarget, { kind: 'body-line' }>): Rendered | null {
  const line = target.text;
  if (line.length < 2 || line[1] !== '=') return null;
  const whole = (markdown: string | null): Rendered | null => (markdown === null ? null : { markdown });
  const word = (markdown: string): Rendered => ({ markdown, start: target.wordStart, end: target.wordStart + target.word.length });
  const type = line[0];
  const value = line.slice(2);
  if (type === 'a') {
    const colon = value.indexOf(':');
    const name = colon === -1 ? value.trim() : value.slice(0, colon);
    const attributeValue = colon === -1 ? undefined : value.slice(colon + 1);
    if (name === 'rtpmap' && attributeValue !== undefined) {
      const pt = /^(\d+)\s+(\S+)/.exec(attributeValue);
      if (pt && target.word === pt[1]) return word(renderPayloadType(Number(pt[1]), pt[2]));
    }
    return whole(renderSdpAttribute(name, attributeValue) ?? renderSdpLine(type, value));
  }
  if (type === 'm' && /^\d+$/.test(target.word)) {
    // Payload numbers come after `media port proto`.
    const fields = value.trim().split(/\s+/);
    const text = new MessageText(target.message);
    const wordIndex = countFieldsBefore(text, target.start + 2, target.wordStart);
    if (wordIndex >= 3 && fields[wordIndex] === target.word) {
      const pt = Number(target.word);
      return word(renderPayloadType(pt, rtpmapName(target.message, text, target.line, pt)));
    }
  }
  return whole(renderSdpLine(type, value));
}

/** How many whitespace-separated fields precede `at` on the line starting at `from`. */
function countFieldsBefore(text: TextReader, from: number, at: number): number {
  const before = text.slice(from, at).trim();
  return before.length === 0 ? 0 : before.split(/\s+/).length;
}

/** The codec an `a=rtpmap` of the same media section gives payload type `pt`. */
function rtpmapName(message: SipMessage, text: TextReader, mLine: number, pt: number): string | undefined {
  const lines = message.lines;
  for (let l = mLine + 1; l < lines.length / LINE_STRIDE; l++) {
    const line = text.slice(lines[l * LINE_STRIDE], lines[l * LINE_STRIDE + 1]);
    if (line.startsWith('m=')) break;
    const match = /^a=rtpmap:(\d+)\s+(\S+)/.exec(line);
    if (match && Number(match[1]) === pt) return match[2];
  }
  return undefined;
}

/** Which request a response answers, after how long, and whether it repeats an earlier one. */
function responseContext(model: TraceModel, m: SipMessage): string[] {
  const analysis = structureOf(model);
  const out: string[] = [];
  const t = analysis.transactions[analysis.transactionOf[m.index]];
  if (t && t.request !== -1) {
    const request = model.messages[t.request];
    const delay = delayMs(model, t.request, m.index);
    out.push(`**In this trace:** answers \`${escape(messageLabel(request))}\` on line ${lineOf(model, request)}${delay !== null ? `, ${formatDuration(delay)} after it` : ''}.`);
  }
  if (analysis.retransmissionOf[m.index] !== -1) {
    out.push(`This is a retransmission of the response on line ${lineOf(model, model.messages[analysis.retransmissionOf[m.index]])}.`);
  }
  const reason = findHeader(m, 'reason');
  if (reason) out.push(`This response carries \`Reason: ${escape(valueOf(m, reason).slice(0, 200))}\`.`);
  const warning = findHeader(m, 'warning');
  if (warning) out.push(`This response carries \`Warning: ${escape(valueOf(m, warning).slice(0, 200))}\`.`);
  return out;
}

/** A request's responses in this trace, with their delays. */
function requestContext(model: TraceModel, m: SipMessage): string[] {
  if (m.kind !== 'request') return [];
  const analysis = structureOf(model);
  const t = analysis.transactions[analysis.transactionOf[m.index]];
  if (!t || t.request !== m.index) return [];
  if (t.responses.length === 0) {
    return t.method === 'ACK' ? [] : ['**In this trace:** no response to this request.'];
  }
  const answers = t.responses.map((r) => {
    const response = model.messages[r];
    const delay = delayMs(model, m.index, r);
    return `\`${escape(messageLabel(response))}\` (line ${lineOf(model, response)}${delay !== null ? `, +${formatDuration(delay)}` : ''})`;
  });
  return [`**In this trace:** answered by ${answers.join(', ')}.`];
}

/** What the knowledge tables need to say whether a header is mandatory in this message. */
function factsOf(model: TraceModel, m: SipMessage): MessageFacts | undefined {
  const analysis = structureOf(model);
  const keys = analysis.keys[m.index];
  const method = m.kind === 'request' ? m.startLine.method : keys.cseqMethod;
  if (m.kind === 'unknown' || !method) return undefined;
  const require = findHeader(m, 'require');
  const via = findHeader(m, 'via');
  const transport = via ? /^SIP\s*\/\s*2\.0\s*\/\s*([A-Za-z]+)/i.exec(valueOf(m, via))?.[1]?.toUpperCase() : undefined;
  return {
    kind: m.kind,
    method: method.toUpperCase(),
    status: m.startLine.status ?? undefined,
    hasBody: m.bodyLine !== -1 && m.bodyEnd > m.bodyStart,
    transport: transport ?? m.meta.transport ?? undefined,
    toTag: keys.toTag !== null,
    reliable: require ? /\b100rel\b/i.test(valueOf(m, require)) : false,
  };
}

/**
 * A header's value (folded lines joined), read from the text the message's
 * parse read, never the model's whole text (see `messageText.ts`).
 */
function valueOf(m: SipMessage, header: SipHeader): string {
  const base = parsedBase(m);
  // A moved message's headers are its parse's, in the same order, moved.
  const own = base === m ? header : base.headers[m.headers.indexOf(header)];
  return headerValue(parsedText(base), base, own);
}

function lineOf(model: TraceModel, m: SipMessage): number {
  return model.lineIndex.positionAt(m.startLine.start).line + 1;
}

/** Text from the trace must not turn into Markdown. */
function escape(s: string): string {
  return s.replace(/[\\`*_[\]<>#|]/g, (c) => `\\${c}`);
}
