/**
 * The quick check: does a message pass every message rule? Nearly every
 * message of a real trace does, and proving it needs one pass over its
 * header records and the few values rules read, with nothing built (the
 * rules themselves build value trees, strings and problem texts).
 *
 * `isQuicklyClean` answers true only when the message rules
 * (`rules/index.ts`) report nothing for the message; when it answers false
 * the engine runs the rules, which say what is wrong. It turns down more
 * than the rules do (folded headers, IPv6 references, Contact "*",
 * messages the parser had problems with...): those simply take the full
 * path. A test holds the two to this on the corpus and on mutations of it.
 */
import { LINE_STRIDE, type SipMessage } from '../../model';
import { contentLengthNumber, isBlank, utf8Length } from '../../framing/lineScan';
import { describeStatusCode } from '../../knowledge/statusCodes';
import {
  H_FIRST_LINE, H_LAST_LINE, H_NAME_ID, H_STRIDE, H_VALUE_END, H_VALUE_START,
} from '../../parser/headerBlock';
import { headerRecords, parsedBase } from '../../parser/messageParser';
import { MAX_DELTA_SECONDS } from '../../syntax/numbers';
import { REQUIREMENTS } from '../messageRules';
import {
  ADDRESS_FROM, ADDRESS_TO, Kind, MANDATORY_BITS, addressFlagsOf, isTabled, kindOf, presenceBit, presenceOf,
  requiresValue, singleBitOf,
} from './headerTable';
import { addressesOk, lastHadTag, uriOk, viaOk } from './structured';
import { sdpOk } from './sdp';
import {
  callIdOk, contentTypeOk, cseqMethodEnd, cseqMethodStart, cseqOk, dateOk, leadingSecondsOk, numberOk, rackOk, rseqOk,
  warningOk,
} from './values';
import { isExactly, sameText } from './text';

const MAX_FORWARDS = presenceBit('max-forwards');
const CONTACT = presenceBit('contact');

/** Presence bits `REQUIREMENTS` ask for, by status code and by method. */
const NEEDED_BY_STATUS = new Map<number, number>();
const NEEDED_BY_METHOD = new Map<string, number>();
for (const r of REQUIREMENTS) {
  const bit = presenceBit(r.header.toLowerCase());
  for (const status of r.statuses ?? []) NEEDED_BY_STATUS.set(status, (NEEDED_BY_STATUS.get(status) ?? 0) | bit);
  for (const method of r.methods ?? []) NEEDED_BY_METHOD.set(method, (NEEDED_BY_METHOD.get(method) ?? 0) | bit);
}

/** Status codes 100-699: 1 registered, 2 not (`status-code-unregistered`), 0 not looked up yet. */
const REGISTERED = new Uint8Array(700);

function registered(status: number): boolean {
  if (REGISTERED[status] === 0) REGISTERED[status] = describeStatusCode(status).kind === 'unregistered' ? 2 : 1;
  return REGISTERED[status] === 1;
}

export function isQuicklyClean(t: string, message: SipMessage): boolean {
  const base = parsedBase(message);
  if (message.kind === 'unknown' || base.problems.length !== 0) return false;
  const delta = message.start - base.start;
  const records = headerRecords(message);
  const sl = base.startLine;
  const request = message.kind === 'request';

  let present = 0;
  let singles = 0;
  let firstVia = true;
  let fromTag = false;
  let toTag = false;
  let hasRequire = false;
  let cseqMethodAt = -1;
  let cseqMethodEndAt = -1;
  let contentLength: number | null | undefined;
  for (let at = 0; at < records.length; at += H_STRIDE) {
    const id = records[at + H_NAME_ID];
    // A folded value is read joined over its lines: the full rules do that.
    if (!isTabled(id) || records[at + H_FIRST_LINE] !== records[at + H_LAST_LINE]) return false;
    const single = singleBitOf(id);
    if ((singles & single) !== 0) return false;
    singles |= single;
    present |= presenceOf(id);
    const vs = records[at + H_VALUE_START] + delta;
    const ve = records[at + H_VALUE_END] + delta;
    const kind = kindOf(id);
    if (kind === Kind.ContentLength && contentLength === undefined) contentLength = contentLengthNumber(t, vs, ve); // as the SDP rules read it: 1 to 10 digits, else null
    if (ve <= vs) {
      if (requiresValue(id)) return false;
      continue;
    }
    switch (kind) {
      case Kind.Via:
        if (!viaOk(t, vs, ve, firstVia && request)) return false;
        firstVia = false;
        break;
      case Kind.Address: {
        const flags = addressFlagsOf(id);
        if (!addressesOk(t, vs, ve, flags)) return false;
        if ((flags & ADDRESS_FROM) !== 0) fromTag = lastHadTag();
        else if ((flags & ADDRESS_TO) !== 0) toTag = lastHadTag();
        break;
      }
      case Kind.CallId:
        if (!callIdOk(t, vs, ve)) return false;
        break;
      case Kind.CSeq:
        if (!cseqOk(t, vs, ve)) return false;
        cseqMethodAt = cseqMethodStart();
        cseqMethodEndAt = cseqMethodEnd();
        break;
      case Kind.MaxForwards:
        if (!numberOk(t, vs, ve, 255)) return false;
        break;
      case Kind.Expires:
      case Kind.MinExpires:
        if (!numberOk(t, vs, ve, MAX_DELTA_SECONDS)) return false;
        break;
      case Kind.RetryAfter:
      case Kind.MinSe:
        if (!leadingSecondsOk(t, vs, ve, false)) return false;
        break;
      case Kind.SessionExpires:
        if (!leadingSecondsOk(t, vs, ve, true)) return false;
        break;
      case Kind.Date:
        if (!dateOk(t, vs, ve)) return false;
        break;
      case Kind.Warning:
        if (!warningOk(t, vs, ve)) return false;
        break;
      case Kind.RSeq:
        if (!rseqOk(t, vs, ve)) return false;
        break;
      case Kind.RAck:
        if (!rackOk(t, vs, ve)) return false;
        break;
      case Kind.ContentType:
        if (!contentTypeOk(t, vs, ve)) return false;
        break;
      case Kind.Require:
        hasRequire = true;
        break;
    }
  }

  // What the message-level rules ask: a whole header block with the mandatory headers.
  if ((present & MANDATORY_BITS) !== MANDATORY_BITS || !headerBlockComplete(t, base, delta)) return false;
  if (request) {
    const method = sl.method;
    if (method === null || !uriOk(t, sl.uriStart + delta, sl.uriEnd + delta, false)) return false;
    // CSeq carries the request's own method.
    if (!sameText(t, sl.methodStart + delta, sl.methodEnd + delta, cseqMethodAt, cseqMethodEndAt)) return false;
    if (!fromTag || (present & MAX_FORWARDS) === 0) return false;
    if (method === 'INVITE' && (present & CONTACT) === 0) return false;
    const needed = NEEDED_BY_METHOD.get(method) ?? 0;
    if ((present & needed) !== needed) return false;
  } else {
    const status = sl.status;
    if (status === null || !registered(status)) return false;
    if (status > 100 && !toTag) return false;
    if (status >= 200 && status < 300 && isExactly(t, cseqMethodAt, cseqMethodEndAt, 'INVITE') && (present & CONTACT) === 0) return false;
    const needed = NEEDED_BY_STATUS.get(status) ?? 0;
    if ((present & needed) !== needed) return false;
    // A reliable provisional response needs RSeq: whether Require says 100rel is left to the full rules.
    if (status > 100 && status < 200 && hasRequire) return false;
  }

  if (base.bodyLine !== -1 && base.bodyEnd > base.bodyStart) {
    // A body without Content-Type is the full rules' to judge.
    if (base.contentType === null) return false;
    if (base.contentType === 'application/sdp' && !sdpOk(t, base.lines, delta, base.bodyLine, contentLength ?? null)) return false;
  }
  return true;
}

/**
 * The header block ends with its empty line, and a byte count the trace
 * tool announced is not larger than the text shown (`complete()` of the
 * message rules): otherwise what the message lacks may just be cut off.
 */
function headerBlockComplete(t: string, base: SipMessage, delta: number): boolean {
  const lines = base.lines;
  const count = lines.length / LINE_STRIDE;
  let terminated = base.bodyLine !== -1;
  for (let l = count - 1; !terminated && l >= 1; l--) {
    terminated = isBlank(t, lines[l * LINE_STRIDE] + delta, lines[l * LINE_STRIDE + 1] + delta);
  }
  if (!terminated) return false;
  const announced = base.meta.byteCount;
  if (announced === null) return true;
  let bytes = 0;
  for (let l = 0; l < count; l++) bytes += utf8Length(t, lines[l * LINE_STRIDE] + delta, lines[l * LINE_STRIDE + 1] + delta) + 2;
  return announced <= bytes;
}
