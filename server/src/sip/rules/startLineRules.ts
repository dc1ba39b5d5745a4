/**
 * Start line: the Request-URI (RFC 3261 sections 7.1, 19.1 and 25.1) and
 * the status code (section 21). The parser already checks the line's shape,
 * the version, the method token and the status code's digits.
 */
import type { SipMessage } from '../model';
import { describeStatusCode } from '../knowledge/statusCodes';
import { isWsp } from '../syntax/chars';
import { parseUri } from '../syntax/uri';
import { looksRedacted, reportAt, reportSyntax, startLineText } from './parsed';
import type { MessageRule, RuleContext } from './types';

const requestUri: MessageRule = (message, context) => {
  const sl = message.startLine;
  if (message.kind !== 'request' || sl.uriEnd <= sl.uriStart) return;
  // Without a version the URI's end is a guess (the rest of the line): judging it would repeat the parser's error.
  if (sl.versionStart < 0 || message.problems.some((p) => p.code === 'start-line-invalid')) return;
  const vt = startLineText(context, sl.uriStart, sl.uriEnd);
  const s = vt.value;
  if (looksRedacted(s)) return;
  for (let i = 0; i < s.length; i++) {
    if (!isWsp(s.charCodeAt(i))) continue;
    let e = i;
    while (e < s.length && isWsp(s.charCodeAt(e))) e++;
    reportAt(context, vt, 'request-uri-whitespace', i, e,
      `The Request-URI contains whitespace, so "${s.slice(0, i)}" and "${s.slice(e, Math.min(s.length, e + 30))}" cannot be one URI; a Request-URI has no spaces (escape a space as %20)`);
    return;
  }
  if (s.charCodeAt(0) === 60 /* < */) {
    reportAt(context, vt, 'request-uri-angle-brackets', 0, s.length,
      `The Request-URI is enclosed in "<" and ">"; the Request-Line takes the bare URI (${s.endsWith('>') ? s.slice(1, -1) : s.slice(1)})`);
    return;
  }
  const uri = parseUri(s, 0, s.length, 'the Request-URI');
  if (uri.problem !== null) {
    reportSyntax(context, vt, uri.problem);
    return;
  }
  if (uri.headersStart !== -1) {
    reportAt(context, vt, 'request-uri-headers', uri.headersStart, s.length,
      `The Request-URI carries URI headers ("${s.slice(uri.headersStart, Math.min(s.length, uri.headersStart + 40))}"); they are not allowed in a Request-URI (RFC 3261 section 19.1.1, table 1) and a proxy must not forward them`);
  }
};

const unregisteredStatus: MessageRule = (message: SipMessage, context: RuleContext) => {
  const sl = message.startLine;
  if (message.kind !== 'response' || sl.status === null || sl.status < 100 || sl.status > 699) return;
  if (sl.statusEnd - sl.statusStart !== 3) return;
  const d = describeStatusCode(sl.status);
  if (d.kind !== 'unregistered') return;
  const origin = d.known !== undefined ? ` Origin: ${d.known.origin}` : '';
  context.report('status-code-unregistered', sl.statusStart, sl.statusEnd, `${d.explanation}${origin}`);
};

export const START_LINE_RULES: readonly MessageRule[] = [requestUri, unregisteredStatus];
