/**
 * Header syntax (RFC 3261 sections 7.3, 20 and 25.1): address headers
 * (quotes, "<>", display names, URIs, parameters), Via, Content-Type,
 * values that may not be empty, and single-valued headers that appear twice.
 * Each header reports at most its first syntax problem: what follows a
 * broken spot cannot be read reliably.
 */
import type { SipHeader, SipMessage } from '../model';
import { isWsp, skipToken, skipWsp } from '../syntax/chars';
import { parseParams, unexpectedAfter } from '../syntax/params';
import { problem } from '../syntax/problem';
import { addressesOf, reportSyntax, valueTextOf, viaOf } from './parsed';
import type { MessageRule, RuleContext } from './types';

const addressSyntax: MessageRule = (message, context) => {
  for (const h of message.headers) {
    const list = addressesOf(context, message, h);
    if (list !== null && list.problem !== null) reportSyntax(context, valueTextOf(context, message, h), list.problem);
  }
};

const viaSyntax: MessageRule = (message, context) => {
  for (const h of message.headers) {
    if (h.key !== 'via') continue;
    const via = viaOf(context, message, h);
    if (via.problem !== null) reportSyntax(context, valueTextOf(context, message, h), via.problem);
  }
};

/**
 * media-type = m-type SLASH m-subtype *(SEMI m-parameter)   (section 20.15)
 * m-parameter = m-attribute EQUAL m-value; m-value = token / quoted-string
 */
const contentTypeSyntax: MessageRule = (message, context) => {
  for (const h of message.headers) {
    if (h.key !== 'content-type') continue;
    const vt = valueTextOf(context, message, h);
    const s = vt.value;
    if (s.length === 0) continue;
    const typeEnd = skipToken(s, 0);
    const slash = skipWsp(s, typeEnd);
    const subStart = slash < s.length && s.charCodeAt(slash) === 47 ? skipWsp(s, slash + 1) : -1;
    const subEnd = subStart === -1 ? -1 : skipToken(s, subStart);
    if (typeEnd === 0 || subStart === -1 || subEnd === subStart) {
      let e = 0;
      while (e < s.length && !isWsp(s.charCodeAt(e)) && s.charCodeAt(e) !== 59) e++;
      reportSyntax(context, vt, problem('content-type-invalid', 0, Math.max(e, 1),
        `Content-Type "${s.slice(0, Math.min(e, 40))}" is not a media type; expected type/subtype such as application/sdp`));
      continue;
    }
    const params = parseParams(s, subEnd, 'the Content-Type header');
    if (params.problem !== null) {
      reportSyntax(context, vt, { ...params.problem, code: params.problem.code === 'param-empty' ? 'param-empty' : 'content-type-invalid' });
      continue;
    }
    for (const p of params.params) {
      if (p.eq === -1) {
        reportSyntax(context, vt, problem('content-type-invalid', p.nameStart, p.nameEnd,
          `Content-Type parameter "${s.slice(p.nameStart, p.nameEnd)}" has no value; media type parameters are attribute=value`));
        break;
      }
    }
    const rest = skipWsp(s, params.end);
    if (rest < s.length) reportSyntax(context, vt, { ...unexpectedAfter(s, rest, 'the Content-Type header', false), code: 'content-type-invalid' });
  }
};

/** Headers whose grammar requires a value (an empty one is not a value). */
export const VALUE_REQUIRED: ReadonlySet<string> = new Set([
  'to', 'from', 'call-id', 'cseq', 'via', 'contact', 'max-forwards', 'content-type', 'expires', 'min-expires',
  'date', 'event', 'subscription-state', 'refer-to', 'rseq', 'rack', 'session-expires', 'min-se', 'retry-after',
  'route', 'record-route', 'allow-events', 'www-authenticate', 'proxy-authenticate', 'authorization', 'proxy-authorization',
]);

const emptyValue: MessageRule = (message, context) => {
  for (const h of message.headers) {
    if (h.valueEnd > h.valueStart || !VALUE_REQUIRED.has(h.key)) continue;
    if (valueTextOf(context, message, h).value.length > 0) continue;
    context.report('header-value-empty', h.nameStart, h.colon + 1,
      `${h.name} has an empty value; its grammar requires one (RFC 3261 section 20)`);
  }
};

/**
 * Headers that may appear once (their grammar has no comma list), RFC 3261
 * section 7.3.1 and the extension RFCs.
 */
export const SINGLE_VALUED: ReadonlySet<string> = new Set([
  'to', 'from', 'call-id', 'cseq', 'max-forwards', 'content-length', 'content-type', 'expires', 'min-expires',
  'date', 'retry-after', 'mime-version', 'rseq', 'rack', 'event', 'subscription-state', 'refer-to',
  'session-expires', 'min-se', 'timestamp', 'priority', 'reply-to', 'content-disposition', 'replaces',
]);

const seenSingleValued: SipHeader[] = [];

const duplicates: MessageRule = (message, context) => {
  // Most messages have a dozen single-valued headers, each once: compare with the few seen so far, no map.
  const seen = seenSingleValued;
  seen.length = 0;
  for (const h of message.headers) {
    if (!SINGLE_VALUED.has(h.key)) continue;
    let earlier: SipHeader | undefined;
    for (const x of seen) {
      if (x.key === h.key) {
        earlier = x;
        break;
      }
    }
    if (earlier === undefined) {
      seen.push(h);
      continue;
    }
    // Differing Content-Length values are the parser's content-length-invalid already.
    if (h.key === 'content-length' && message.problems.some((p) => p.code === 'content-length-invalid')) continue;
    // Relative, not an absolute line number: the text stays true when edits above move the message.
    const above = h.firstLine - earlier.firstLine;
    context.report('header-duplicate', h.nameStart, h.valueEnd > h.valueStart ? h.valueEnd : h.colon + 1,
      `${h.name} appears more than once (first ${above} line${above === 1 ? '' : 's'} above); it takes a single value (RFC 3261 section 7.3.1), so a receiver cannot tell which one holds${sameValue(context, message, earlier, h) ? ', even though both are equal' : ''}`);
  }
};

function sameValue(context: RuleContext, message: SipMessage, a: SipHeader, b: SipHeader): boolean {
  return valueTextOf(context, message, a).value === valueTextOf(context, message, b).value;
}

export const HEADER_SYNTAX_RULES: readonly MessageRule[] = [emptyValue, addressSyntax, viaSyntax, contentTypeSyntax, duplicates];
