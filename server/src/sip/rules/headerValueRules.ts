/**
 * Header values (RFC 3261 section 20 and the extension RFCs): numbers and
 * their ranges, CSeq against the method, Date, Call-ID, Via parameters,
 * Contact `*` and Contact parameters, Warning, RSeq and RAck.
 */
import type { SipHeader, SipMessage } from '../model';
import { digitsAtMost, isDigit, isWsp, skipToken, skipWsp } from '../syntax/chars';
import { checkSipDate } from '../syntax/date';
import { isIPv4, isIPv6 } from '../syntax/host';
import { MAX_DELTA_SECONDS, checkNumber, scanDigits } from '../syntax/numbers';
import { findParam, parseParams } from '../syntax/params';
import { excerpt, problem } from '../syntax/problem';
import { scanQuoted } from '../syntax/quoted';
import type { ValueText } from '../syntax/valueText';
import { addressesOf, cseqOf, header, reportAt, reportSyntax, valueTextOf, viaOf } from './parsed';
import type { MessageRule, RuleContext } from './types';

/** RFC 3261 section 8.1.1.7: the branch of an RFC 3261 transaction starts with this. */
export const MAGIC_COOKIE = 'z9hG4bK';

function nonEmpty(context: RuleContext, message: SipMessage, h: SipHeader): ValueText | null {
  const vt = valueTextOf(context, message, h);
  return vt.value.length > 0 ? vt : null;
}

const cseq: MessageRule = (message, context) => {
  for (const h of message.headers) {
    if (h.key !== 'cseq') continue;
    const vt = nonEmpty(context, message, h);
    if (vt === null) continue;
    const c = cseqOf(context, message, h);
    if (c.problem !== null) {
      reportSyntax(context, vt, c.problem);
      continue;
    }
    const method = message.startLine.method;
    if (message.kind !== 'request' || method === null || message.problems.some((p) => p.code === 'method-invalid')) continue;
    if (c.method !== method) {
      const why = method === 'ACK' || method === 'CANCEL'
        ? ` (an ${method} carries the INVITE's sequence number but its own method, RFC 3261 sections ${method === 'ACK' ? '13.2.2.4 and 17.1.1.3' : '9.1'})`
        : '';
      reportAt(context, vt, 'cseq-method-mismatch', c.methodStart, c.methodEnd,
        `CSeq method "${c.method}" does not match the request method "${method}"; it MUST be the same (RFC 3261 section 8.1.1.5)${why}`);
    }
  }
};

/** A header whose whole value is one number in [0, max]. */
function scalarRule(key: string, code: string, max: number, label: string, why: string): MessageRule {
  return (message, context) => {
    for (const h of message.headers) {
      if (h.key !== key) continue;
      const vt = nonEmpty(context, message, h);
      if (vt === null) continue;
      const p = checkNumber(vt.value, 0, vt.value.length, max, code, label);
      if (p !== null) reportSyntax(context, vt, { ...p, message: `${p.message}${why}` });
    }
  };
}

/** A header that starts with delta-seconds, then parameters (or a comment). */
function leadingSecondsRule(key: string, code: string, label: string, check?: (s: string, end: number, vt: ValueText, context: RuleContext) => void): MessageRule {
  return (message, context) => {
    headers: for (const h of message.headers) {
      if (h.key !== key) continue;
      const vt = nonEmpty(context, message, h);
      if (vt === null) continue headers;
      const s = vt.value;
      const end = scanDigits(s, 0);
      if (end === 0) {
        let e = 0;
        while (e < s.length && !isWsp(s.charCodeAt(e)) && s.charCodeAt(e) !== 59 && s.charCodeAt(e) !== 40) e++;
        reportSyntax(context, vt, problem(code, 0, Math.max(e, 1), `${label} must start with a number of seconds, not "${excerpt(s, 0, e)}"`));
        continue headers;
      }
      const p = checkNumber(s, 0, end, MAX_DELTA_SECONDS, code, label);
      if (p !== null) {
        reportSyntax(context, vt, p);
        continue headers;
      }
      const rest = skipWsp(s, end);
      if (rest < s.length && s.charCodeAt(rest) !== 59 && s.charCodeAt(rest) !== 40) {
        reportAt(context, vt, code, rest, s.length,
          `Unexpected "${excerpt(s, rest, s.length)}" after the ${label} value; only ";" parameters${key === 'retry-after' ? ' or a (comment)' : ''} may follow the number`);
        continue headers;
      }
      if (check !== undefined) check(s, end, vt, context);
    }
  };
}

const maxForwards = scalarRule('max-forwards', 'max-forwards-invalid', 255, 'Max-Forwards', ' (RFC 3261 section 20.22: an integer from 0 to 255)');
const expires = scalarRule('expires', 'expires-invalid', MAX_DELTA_SECONDS, 'Expires', ' (RFC 3261 section 20.19: delta-seconds, at most 2**32-1)');
const minExpires = scalarRule('min-expires', 'min-expires-invalid', MAX_DELTA_SECONDS, 'Min-Expires', ' (RFC 3261 section 20.23: delta-seconds)');
const retryAfter = leadingSecondsRule('retry-after', 'retry-after-invalid', 'Retry-After');
const minSe = leadingSecondsRule('min-se', 'min-se-invalid', 'Min-SE');
const sessionExpires = leadingSecondsRule('session-expires', 'session-expires-invalid', 'Session-Expires', (s, end, vt, context) => {
  const params = parseParams(s, end, 'the Session-Expires header');
  if (params.problem !== null) return;
  const refresher = findParam(params.params, 'refresher');
  if (refresher !== undefined) {
    const value = s.slice(refresher.valueStart, refresher.valueEnd).toLowerCase();
    if (value !== 'uac' && value !== 'uas') {
      reportAt(context, vt, 'session-expires-invalid', refresher.nameStart, Math.max(refresher.valueEnd, refresher.nameEnd),
        `Session-Expires refresher must be "uac" or "uas" (RFC 4028 section 4), not "${excerpt(s, refresher.valueStart, refresher.valueEnd)}"`);
    }
  }
});

const date: MessageRule = (message, context) => {
  for (const h of message.headers) {
    if (h.key !== 'date') continue;
    const vt = nonEmpty(context, message, h);
    if (vt === null) continue;
    const p = checkSipDate(vt.value);
    if (p !== null) reportSyntax(context, vt, p);
  }
};

const callId: MessageRule = (message, context) => {
  headers: for (const h of message.headers) {
    if (h.key !== 'call-id') continue;
    const vt = nonEmpty(context, message, h);
    if (vt === null) continue headers;
    const s = vt.value;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (!isWsp(c) && c >= 32 && c !== 127) continue;
      let e = i + 1;
      while (e < s.length && isWsp(s.charCodeAt(e))) e++;
      reportAt(context, vt, 'call-id-invalid', i, e,
        `Call-ID contains ${isWsp(c) ? 'whitespace' : 'a control character'}; a Call-ID is word["@"word] with no spaces (RFC 3261 section 25.1), and peers that split it at the space will not match the call`);
      continue headers;
    }
  }
};

/** Via parameters every element may carry: received (RFC 3261 section 18.2.1) and rport (RFC 3581). */
const viaParams: MessageRule = (message, context) => {
  headers: for (const h of message.headers) {
    if (h.key !== 'via') continue;
    const via = viaOf(context, message, h);
    if (via.problem !== null) continue headers;
    const vt = valueTextOf(context, message, h);
    const s = vt.value;
    for (const parm of via.items) {
      for (const p of parm.params) {
        if (p.name === 'received' && p.eq !== -1) {
          let a = p.valueStart;
          let b = p.valueEnd;
          // RFC 5118 section 4.5: accept the bracketed IPv6 form too.
          if (s.charCodeAt(a) === 91 && s.charCodeAt(b - 1) === 93) {
            a++;
            b--;
          }
          if (!isIPv4(s, a, b) && !isIPv6(s, a, b)) {
            reportAt(context, vt, 'via-received-invalid', p.valueStart, p.valueEnd,
              `Via received="${excerpt(s, p.valueStart, p.valueEnd)}" is not an IP address; received holds the source IPv4 or IPv6 address the request came from (RFC 3261 section 18.2.1)`);
          }
        } else if (p.name === 'rport' && p.eq !== -1) {
          const ok = p.valueEnd > p.valueStart && scanDigits(s, p.valueStart, p.valueEnd) === p.valueEnd && digitsAtMost(s, p.valueStart, p.valueEnd, 65535);
          if (!ok) {
            reportAt(context, vt, 'via-rport-invalid', p.valueStart, p.valueEnd,
              `Via rport="${excerpt(s, p.valueStart, p.valueEnd)}" is not a port; rport is empty in a request and the source port (0-65535) in a response (RFC 3581 section 4)`);
          }
        }
      }
    }
  }
};

/** The top Via of a request names its transaction (RFC 3261 sections 8.1.1.7 and 17.2.3). */
const viaBranch: MessageRule = (message, context) => {
  if (message.kind !== 'request') return;
  const h = header(message, 'via');
  if (h === undefined) return;
  const via = viaOf(context, message, h);
  if (via.items.length === 0) return;
  const top = via.items[0];
  const vt = valueTextOf(context, message, h);
  const s = vt.value;
  const branch = findParam(top.params, 'branch');
  if (branch === undefined) {
    reportAt(context, vt, 'via-branch-missing', top.start, top.end,
      'The top Via has no branch parameter: the request cannot be matched to its transaction the RFC 3261 way (RFC 3261 section 8.1.1.7 requires a branch starting with z9hG4bK); receivers fall back to RFC 2543 matching');
    return;
  }
  if (branch.eq === -1 || branch.quoted) return;
  const value = s.slice(branch.valueStart, branch.valueEnd);
  if (value === MAGIC_COOKIE) {
    reportAt(context, vt, 'via-branch-cookie-only', branch.valueStart, branch.valueEnd,
      'The branch is only the magic cookie "z9hG4bK" with no transaction identifier after it: every request from this sender looks like the same transaction (RFC 4475 section 3.2.1); a receiver may reject it with 400');
  } else if (!value.startsWith(MAGIC_COOKIE)) {
    reportAt(context, vt, 'via-branch-not-rfc3261', branch.valueStart, branch.valueEnd,
      `The branch "${excerpt(s, branch.valueStart, branch.valueEnd)}" does not start with the magic cookie "z9hG4bK": the sender follows RFC 2543, and transactions are matched on Call-ID, CSeq, From tag and the rest (RFC 3261 sections 8.1.1.7 and 17.2.3)`);
  }
};

/** Contact `*` (RFC 3261 sections 10.2.2 and 20.10) and the expires / q parameters. */
const contactValues: MessageRule = (message, context) => {
  const contacts = message.headers.filter((h) => h.key === 'contact');
  let total = 0;
  for (const h of contacts) total += addressesOf(context, message, h)?.items.length ?? 0;
  for (const h of contacts) {
    const list = addressesOf(context, message, h);
    if (list === null) continue;
    const vt = valueTextOf(context, message, h);
    const s = vt.value;
    for (const a of list.items) {
      if (a.star) {
        const expiresHeader = header(message, 'expires');
        const expiresValue = expiresHeader === undefined ? null : valueTextOf(context, message, expiresHeader).value;
        let why: string | null = null;
        if (a.params.length > 0) why = 'it may not carry parameters';
        else if (total > 1) why = 'it must be the only Contact value';
        else if (message.kind === 'request' && message.startLine.method !== 'REGISTER') why = `it is only meaningful in REGISTER, not ${message.startLine.method}`;
        else if (message.kind === 'request' && (expiresValue === null || !/^0+$/.test(expiresValue))) why = 'the request must carry "Expires: 0" with it';
        if (why !== null) {
          reportAt(context, vt, 'contact-star-invalid', a.start, a.end,
            `Contact "*" (remove all bindings): ${why} (RFC 3261 section 10.2.2)`);
        }
        continue;
      }
      for (const p of a.params) {
        if (p.eq === -1 || p.quoted) continue;
        if (p.name === 'expires') {
          const e = checkNumber(s, p.valueStart, p.valueEnd, MAX_DELTA_SECONDS, 'expires-invalid', 'Contact expires parameter');
          if (e !== null) reportSyntax(context, vt, { ...e, message: `${e.message} (RFC 3261 section 20.10: delta-seconds)` });
        } else if (p.name === 'q' && !isQValue(s, p.valueStart, p.valueEnd)) {
          reportAt(context, vt, 'q-value-invalid', p.valueStart, p.valueEnd,
            `Contact q="${excerpt(s, p.valueStart, p.valueEnd)}" is not a qvalue; q is 0 to 1 with at most three decimals, e.g. 0.7 or 1.0 (RFC 3261 section 20.10)`);
        }
      }
    }
  }
};

/** qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] ) */
function isQValue(s: string, a: number, b: number): boolean {
  const first = s.charCodeAt(a);
  if (b - a === 1) return first === 48 || first === 49;
  if (s.charCodeAt(a + 1) !== 46 || b - a > 5) return false;
  for (let i = a + 2; i < b; i++) {
    const c = s.charCodeAt(i);
    if (first === 48 ? !isDigit(c) : c !== 48) return false;
  }
  return first === 48 || first === 49;
}

/**
 * Warning = warning-value *(COMMA warning-value)
 * warning-value = warn-code SP warn-agent SP warn-text; warn-code = 3DIGIT; warn-text = quoted-string
 */
const warning: MessageRule = (message, context) => {
  headers: for (const h of message.headers) {
    if (h.key !== 'warning') continue;
    const vt = nonEmpty(context, message, h);
    if (vt === null) continue headers;
    const s = vt.value;
    let i = skipWsp(s, 0);
    while (i < s.length) {
      const codeEnd = scanDigits(s, i);
      if (codeEnd - i !== 3 || (codeEnd < s.length && !isWsp(s.charCodeAt(codeEnd)))) {
        let e = i;
        while (e < s.length && !isWsp(s.charCodeAt(e))) e++;
        reportAt(context, vt, 'warning-header-invalid', i, Math.max(e, i + 1),
          `Warning code "${excerpt(s, i, e)}" is not three digits; a Warning is warn-code (3 digits) SP warn-agent SP "warn-text" (RFC 3261 section 20.43)`);
        continue headers;
      }
      const agentStart = skipWsp(s, codeEnd);
      let agentEnd = agentStart;
      while (agentEnd < s.length && !isWsp(s.charCodeAt(agentEnd)) && s.charCodeAt(agentEnd) !== 34) agentEnd++;
      const textStart = skipWsp(s, agentEnd);
      if (agentEnd === agentStart || textStart >= s.length || s.charCodeAt(textStart) !== 34) {
        reportAt(context, vt, 'warning-header-invalid', i, Math.max(textStart, agentEnd),
          'Warning must be warn-code SP warn-agent SP "warn-text" with the text in double quotes (RFC 3261 section 20.43)');
        continue headers;
      }
      const textEnd = scanQuoted(s, textStart);
      if (textEnd === -1) {
        reportAt(context, vt, 'quoted-string-unterminated', textStart, s.length, 'The Warning text opens a double quote that is never closed');
        continue headers;
      }
      i = skipWsp(s, textEnd);
      if (i < s.length) {
        if (s.charCodeAt(i) !== 44) {
          reportAt(context, vt, 'warning-header-invalid', i, s.length, `Unexpected "${excerpt(s, i, s.length)}" after the Warning text; separate warnings with ","`);
          continue headers;
        }
        i = skipWsp(s, i + 1);
      }
    }
  }
};

/** RSeq = 1*DIGIT, 1 to 2**32-1 (RFC 3262 section 7.1). */
const rseq: MessageRule = (message, context) => {
  for (const h of message.headers) {
    if (h.key !== 'rseq') continue;
    const vt = nonEmpty(context, message, h);
    if (vt === null) continue;
    const p = checkNumber(vt.value, 0, vt.value.length, MAX_DELTA_SECONDS, 'rseq-invalid', 'RSeq');
    if (p !== null) reportSyntax(context, vt, { ...p, message: `${p.message} (RFC 3262 section 7.1)` });
    else if (/^0+$/.test(vt.value)) reportAt(context, vt, 'rseq-invalid', 0, vt.value.length, 'RSeq must be from 1 to 2**32-1, not 0 (RFC 3262 section 7.1)');
  }
};

/** RAck = response-num LWS CSeq-num LWS Method (RFC 3262 section 7.2). */
const rack: MessageRule = (message, context) => {
  for (const h of message.headers) {
    if (h.key !== 'rack') continue;
    const vt = nonEmpty(context, message, h);
    if (vt === null) continue;
    const s = vt.value;
    const a = scanDigits(s, 0);
    const b0 = skipWsp(s, a);
    const b = scanDigits(s, b0);
    const m0 = skipWsp(s, b);
    const m = skipToken(s, m0);
    const ok = a > 0 && b0 > a && b > b0 && m0 > b && m > m0 && skipWsp(s, m) === s.length &&
      digitsAtMost(s, 0, a, MAX_DELTA_SECONDS) && digitsAtMost(s, b0, b, MAX_DELTA_SECONDS);
    if (!ok) {
      reportAt(context, vt, 'rack-invalid', 0, s.length,
        `RAck "${excerpt(s, 0, s.length)}" must be the RSeq number, the CSeq number and the method of the response it acknowledges, e.g. "RAck: 776656 1 INVITE" (RFC 3262 section 7.2)`);
    }
  }
};

export const HEADER_VALUE_RULES: readonly MessageRule[] = [
  cseq, maxForwards, expires, minExpires, retryAfter, sessionExpires, minSe, date, callId,
  viaParams, viaBranch, contactValues, warning, rseq, rack,
];
