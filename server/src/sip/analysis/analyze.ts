/**
 * The trace as a conversation: transactions (RFC 3261 section 17), calls
 * grouped by Call-ID with their dialogs (section 12), retransmissions, and
 * the timing between requests and responses.
 *
 * Built from the parsed model without re-parsing; the server caches one
 * analysis per model.
 */
import type { SipMessage, TraceModel } from '../model';
import { MAGIC_COOKIE, addressUriOf, messageKeys, sameKeys, shortAor, upperMethod, type MessageKeys } from './keys';
import { parseMemo, parsedBase, parsedStartLine, parsedText, sameParse } from '../parser/messageParser';
import { runToEnd } from '../steps';
import { sdpSummary, type MediaSummary } from './sdpSummary';
import { IndexLists } from './indexLists';

export interface Transaction {
  readonly index: number;
  /** Method of the request (`INVITE`; an ACK for a 2xx is its own transaction). */
  readonly method: string;
  /** First request message, or -1 when the trace holds only responses. */
  request: number;
  /** Responses in order, retransmissions excluded. */
  readonly responses: number[];
  /** Message indices that repeat an earlier request or response of this transaction. */
  readonly retransmissions: number[];
  /** First final response (>= 200), or -1. */
  finalResponse: number;
  /** INVITE: the ACK for its final response, or -1. */
  ack: number;
  /** INVITE: the CANCEL transaction aimed at it, or -1. */
  cancel: number;
  /** CANCEL or 2xx-ACK: the INVITE transaction it belongs to, or -1. */
  invite: number;
  readonly call: number;
}

export type CallOutcome = 'answered' | 'failed' | 'cancelled' | 'pending' | 'redirected' | 'completed';

export interface Call {
  readonly index: number;
  readonly callId: string | null;
  readonly messages: number[];
  readonly transactions: number[];
  /** Method of the call's first request (`INVITE` for a call, `REGISTER`, `OPTIONS`...). */
  method: string | null;
  /** AORs as users know them (`alice@example.com`). */
  caller: string | null;
  callee: string | null;
  /** Network addresses seen in the trace's framing (`192.0.2.1:5060`). */
  readonly addresses: string[];
  /** Distinct dialogs (From tag + To tag pairs of responses and in-dialog requests). */
  readonly dialogs: string[];
  /** Final status of the call's (last) initial request, or null. */
  finalStatus: number | null;
  finalReason: string | null;
  outcome: CallOutcome;
  /** Who ended it: `caller (BYE)`, `callee (BYE)`, `caller (CANCEL)`, or null. */
  endedBy: string | null;
  /** Times in ms from the trace's timestamps; null without timestamps. */
  start: number | null;
  answer: number | null;
  end: number | null;
  /** From first to last message. */
  durationMs: number | null;
  offer: MediaSummary[] | null;
  answerMedia: MediaSummary[] | null;
}

export interface TraceAnalysis {
  readonly keys: readonly MessageKeys[];
  readonly transactions: readonly Transaction[];
  readonly calls: readonly Call[];
  /** Message index -> transaction index (-1 when the message has no CSeq/Via to match on). */
  readonly transactionOf: Int32Array;
  /** Message index -> call index. */
  readonly callOf: Int32Array;
  /** Message index -> the earlier message it repeats, or -1. */
  readonly retransmissionOf: Int32Array;
}

/**
 * Transactions by their key: the RFC 3261 branch and the method, or for RFC
 * 2543 peers Call-ID, CSeq and From tag (RFC 3261 section 17.2.3, last
 * paragraphs). Keyed by the message keys' own strings, not a string built
 * per message: a key string's hash is computed once, and the lookups run for
 * every message of the trace. A branch holds one transaction index, or a
 * list once several methods share it (an INVITE and its CANCEL): no object
 * is allocated for the common branch with one transaction.
 */
class TransactionIndex {
  private readonly byBranch = new Map<string, number | number[]>();
  private readonly legacy = new Map<string, number>();

  constructor(private readonly transactions: readonly Transaction[]) {}

  get(k: MessageKeys, method: string): number | undefined {
    if (k.branch !== null && k.branch.startsWith(MAGIC_COOKIE)) {
      const entry = this.byBranch.get(k.branch);
      if (entry === undefined) return undefined;
      if (typeof entry === 'number') return this.transactions[entry].method === method ? entry : undefined;
      for (let i = 0; i < entry.length; i++) if (this.transactions[entry[i]].method === method) return entry[i];
      return undefined;
    }
    return this.legacy.get(legacyKey(k, method));
  }

  /** Records transaction `index` (whose method is `method`) under the keys, replacing one with the same method. */
  set(k: MessageKeys, method: string, index: number): void {
    if (k.branch !== null && k.branch.startsWith(MAGIC_COOKIE)) {
      const entry = this.byBranch.get(k.branch);
      if (entry === undefined) this.byBranch.set(k.branch, index);
      else if (typeof entry === 'number') {
        this.byBranch.set(k.branch, this.transactions[entry].method === method ? index : [entry, index]);
      } else {
        const same = entry.findIndex((t) => this.transactions[t].method === method);
        if (same === -1) entry.push(index);
        else entry[same] = index;
      }
    } else {
      this.legacy.set(legacyKey(k, method), index);
    }
  }
}

function legacyKey(k: MessageKeys, method: string): string {
  return `${k.callId}|${k.cseqSeq}|${method}|${k.fromTag}`;
}

/** Distinct responses a transaction may have before they are looked up by identity rather than compared. */
const MANY_RESPONSES = 8;

/** What makes a response the "same" response again (a retransmission): status, To tag and RSeq. */
function responseIdentity(m: SipMessage, k: MessageKeys): string {
  // \u0001 for an absent tag or RSeq: no value written in a trace reads as that.
  return `${parsedStartLine(m).status}\u0000${k.toTag ?? '\u0001'}\u0000${k.rseq ?? '\u0001'}`;
}

function sameResponse(a: SipMessage, ka: MessageKeys, b: SipMessage, kb: MessageKeys): boolean {
  return parsedStartLine(a).status === parsedStartLine(b).status && ka.toTag === kb.toTag && ka.rseq === kb.rseq;
}

/** Transactions, calls and their summaries (participants, outcome, timing, media). */
export function analyzeTrace(model: TraceModel): TraceAnalysis {
  const analysis = analyzeStructure(model);
  summarize(model, analysis);
  return analysis;
}

/** Writes the summary of every call not summarized yet (see `summarizedCalls`). */
function summarize(model: TraceModel, analysis: TraceAnalysis): void {
  for (const call of analysis.calls) {
    if (summarizedCalls.has(call)) continue;
    summarizeCall(model, analysis.keys, analysis.transactions, call);
    summarizedCalls.add(call);
  }
}

/**
 * The message's keys, read once per parsed message and kept in its parse's
 * memo: they hold no offsets, so a message an edit only moved has the same
 * keys, and the analysis after an edit reads the re-parsed messages alone.
 * The rule engine asks while it validates the message, so the analysis that
 * follows finds them ready.
 */
export function keysOf(message: SipMessage): MessageKeys {
  const memo = parseMemo(message);
  let keys = memo.keys as MessageKeys | undefined;
  if (keys === undefined) {
    // Read in the parse's own text (as the rules do): after an edit the model's exists only in pieces.
    const base = parsedBase(message);
    memo.keys = keys = messageKeys(parsedText(base), base);
  }
  return keys;
}

/** Messages read between two yields of `analyzeStructureSteps`. */
const STRUCTURE_STEP = 8192;

function analyzeStructure(model: TraceModel): TraceAnalysis {
  return runToEnd(analyzeStructureSteps(model));
}

/** Transactions and calls, in steps (a 50 MB trace has some 80,000 messages to tie together). */
function* analyzeStructureSteps(model: TraceModel): Generator<void, TraceAnalysis> {
  const { messages } = model;
  const keys = messages.map((m) => keysOf(m));
  const transactions: Building<Transaction>[] = [];
  /** Call index -> its Call-ID: the calls are made once their lists are complete. */
  const callIds: (string | null)[] = [];
  // There are at most as many transactions and calls as messages.
  const callMessages = new IndexLists(messages.length, messages.length);
  const callTransactions = new IndexLists(messages.length, messages.length);
  const responses = new IndexLists(messages.length, messages.length);
  const retransmissions = new IndexLists(messages.length, messages.length);
  const transactionOf = new Int32Array(messages.length).fill(-1);
  const callOf = new Int32Array(messages.length).fill(-1);
  const retransmissionOf = new Int32Array(messages.length).fill(-1);
  const byKey = new TransactionIndex(transactions);
  const callByCallId = new Map<string | null, number>();
  /** Transaction index -> its responses by identity, for the few transactions with many. */
  const manyResponses = new Map<number, Map<string, number>>();

  const callFor = (i: number): number => {
    const callId = keys[i].callId;
    let c = callByCallId.get(callId);
    if (c === undefined) {
      c = callIds.length;
      callIds.push(callId);
      callByCallId.set(callId, c);
    }
    callMessages.add(c, i);
    callOf[i] = c;
    return c;
  };

  const newTransaction = (k: MessageKeys, method: string, call: number): Building<Transaction> => {
    const t: Building<Transaction> = {
      // The lists are filled in once the pass is over.
      index: transactions.length, method, request: -1, responses: NOT_YET, retransmissions: NOT_YET,
      finalResponse: -1, ack: -1, cancel: -1, invite: -1, call,
    };
    transactions.push(t);
    byKey.set(k, method, t.index);
    callTransactions.add(call, t.index);
    return t;
  };

  for (let i = 0; i < messages.length; i++) {
    if (i % STRUCTURE_STEP === STRUCTURE_STEP - 1) yield;
    const m = messages[i];
    const k = keys[i];
    const call = callFor(i);
    const startLine = parsedStartLine(m);
    if (m.kind === 'request' && startLine.method !== null) {
      const method = upperMethod(startLine.method);
      if (method === 'ACK') {
        const invite = byKey.get(k, 'INVITE');
        if (invite !== undefined && transactions[invite].finalResponse !== -1 && !isSuccess(messages[transactions[invite].finalResponse])) {
          // ACK for a non-2xx final response: part of the INVITE transaction (section 17.1.1.3).
          const t = transactions[invite];
          if (t.ack === -1) t.ack = i;
          else {
            retransmissions.add(t.index, i);
            retransmissionOf[i] = t.ack;
          }
          transactionOf[i] = invite;
          continue;
        }
      }
      const existing = byKey.get(k, method);
      let t: Building<Transaction>;
      if (existing !== undefined && transactions[existing].request !== -1) {
        t = transactions[existing];
        retransmissions.add(t.index, i);
        retransmissionOf[i] = t.request;
      } else {
        t = existing !== undefined ? transactions[existing] : newTransaction(k, method, call);
        t.request = i;
      }
      transactionOf[i] = t.index;
      if (method === 'CANCEL' || method === 'ACK') linkToInvite(t, k, method, i);
      continue;
    }
    if (m.kind === 'response' && k.cseqMethod !== null) {
      const existing = byKey.get(k, k.cseqMethod);
      const t = existing !== undefined ? transactions[existing] : newTransaction(k, k.cseqMethod, call);
      transactionOf[i] = t.index;
      const earlier = earlierSameResponse(t, i);
      if (earlier !== -1) {
        retransmissions.add(t.index, i);
        retransmissionOf[i] = earlier;
        continue;
      }
      responses.add(t.index, i);
      manyResponses.get(t.index)?.set(responseIdentity(m, k), i);
      const status = startLine.status ?? 0;
      if (status >= 200 && t.finalResponse === -1) t.finalResponse = i;
    }
  }

  /**
   * The earlier response of `t` that message `i` repeats, or -1. A
   * transaction has a few distinct responses: they are compared one by one
   * rather than through a key built per message; past a few (a flood of
   * forked responses) a map keeps it linear.
   */
  function earlierSameResponse(t: Transaction, i: number): number {
    const m = messages[i];
    const k = keys[i];
    // Newest first: no two responses of a transaction are the same, so at most one matches.
    if (responses.count(t.index) < MANY_RESPONSES) {
      for (let r = responses.last(t.index); r !== -1; r = responses.previous(r)) if (sameResponse(messages[r], keys[r], m, k)) return r;
      return -1;
    }
    let ids = manyResponses.get(t.index);
    if (ids === undefined) {
      ids = new Map();
      for (let r = responses.last(t.index); r !== -1; r = responses.previous(r)) ids.set(responseIdentity(messages[r], keys[r]), r);
      manyResponses.set(t.index, ids);
    }
    return ids.get(responseIdentity(m, k)) ?? -1;
  }

  function linkToInvite(t: Transaction, k: MessageKeys, method: string, i: number): void {
    if (method === 'CANCEL') {
      // CANCEL carries the INVITE's branch (section 9.1).
      const invite = byKey.get(k, 'INVITE');
      if (invite !== undefined) {
        t.invite = invite;
        transactions[invite].cancel = t.index;
      }
      return;
    }
    // An ACK for a 2xx has a new branch: find the INVITE by Call-ID and CSeq number (section 13.2.2.4).
    for (let j = callTransactions.last(t.call); j !== -1; j = callTransactions.previous(j)) {
      const candidate = transactions[j];
      if (candidate.method !== 'INVITE' || candidate.request === -1) continue;
      if (keys[candidate.request].cseqSeq === k.cseqSeq) {
        t.invite = candidate.index;
        if (candidate.ack === -1) candidate.ack = i;
        return;
      }
    }
  }

  for (const t of transactions) {
    t.responses = responses.toArray(t.index);
    t.retransmissions = retransmissions.toArray(t.index);
  }
  const calls = callIds.map((callId, c) => newCall(c, callId, callMessages.toArray(c), callTransactions.toArray(c)));
  return { keys, transactions, calls, transactionOf, callOf, retransmissionOf };
}

/** A transaction's lists while the pass that finds them runs: never read, replaced at its end. */
const NOT_YET: number[] = Object.freeze([]) as unknown as number[];

/** `T` with its fields writable, for the analysis' records while it builds them. */
type Building<T> = { -readonly [K in keyof T]: T[K] };

function newCall(index: number, callId: string | null, messages: number[], transactions: number[]): Call {
  return {
    index, callId, messages, transactions, method: null, caller: null, callee: null, addresses: [], dialogs: [],
    finalStatus: null, finalReason: null, outcome: 'pending', endedBy: null, start: null, answer: null, end: null,
    durationMs: null, offer: null, answerMedia: null,
  };
}

function isSuccess(m: SipMessage): boolean {
  const s = parsedStartLine(m).status ?? 0;
  return s >= 200 && s < 300;
}

function summarizeCall(model: TraceModel, keys: readonly MessageKeys[], transactions: readonly Transaction[], call: Call): void {
  const { messages } = model;
  // Each message read in its parse's own text (as the rules do): after an edit the model's exists only in pieces.
  const sdpOf = (i: number) => sdpSummary(parsedText(messages[i]), parsedBase(messages[i]));
  const first = call.messages[0];
  const firstRequest = call.messages.find((i) => messages[i].kind === 'request');
  call.method = firstRequest !== undefined ? messages[firstRequest].startLine.method : keys[first].cseqMethod;
  const origin = firstRequest ?? first;
  call.caller = shortAor(addressUriOf(parsedText(messages[origin]), parsedBase(messages[origin]), 'from'));
  call.callee = shortAor(addressUriOf(parsedText(messages[origin]), parsedBase(messages[origin]), 'to'));

  const addresses = new Set<string>();
  const dialogs = new Set<string>();
  for (const i of call.messages) {
    const meta = messages[i].meta;
    if (meta.source) addresses.add(meta.source);
    if (meta.destination) addresses.add(meta.destination);
    const k = keys[i];
    if (k.fromTag && k.toTag) dialogs.add(`${k.fromTag}|${k.toTag}`);
    const time = meta.time;
    if (time !== null) {
      if (call.start === null || time < call.start) call.start = time;
      if (call.end === null || time > call.end) call.end = time;
    }
  }
  call.addresses.push(...addresses);
  call.dialogs.push(...dialogs);
  // A duration needs two timed moments; a lone message has none worth showing.
  if (call.start !== null && call.end !== null && call.messages.length > 1) call.durationMs = call.end - call.start;

  // The outcome is decided by the last initial request of the call's method (an
  // authentication challenge makes the UA send it again with a new CSeq).
  let outcomeTransaction: Transaction | undefined;
  for (const t of call.transactions) {
    const tx = transactions[t];
    if (tx.method !== call.method || tx.request === -1) continue;
    if (call.method === 'INVITE' && keys[tx.request].toTag !== null) continue; // re-INVITE
    outcomeTransaction = tx;
  }
  if (outcomeTransaction && outcomeTransaction.finalResponse !== -1) {
    const final = messages[outcomeTransaction.finalResponse];
    call.finalStatus = final.startLine.status;
    call.finalReason = final.startLine.reason;
    const status = final.startLine.status ?? 0;
    if (status >= 200 && status < 300) {
      call.outcome = call.method === 'INVITE' ? 'answered' : 'completed';
      call.answer = final.meta.time;
    } else if (status === 487 && outcomeTransaction.cancel !== -1) call.outcome = 'cancelled';
    else if (status >= 300 && status < 400) call.outcome = 'redirected';
    else call.outcome = 'failed';
  } else if (outcomeTransaction && outcomeTransaction.cancel !== -1) {
    call.outcome = 'cancelled';
  }

  if (call.method === 'INVITE') {
    const callerTag = firstRequest !== undefined ? keys[firstRequest].fromTag : null;
    for (const t of call.transactions) {
      const tx = transactions[t];
      if (tx.method === 'BYE' && tx.request !== -1) {
        call.endedBy = keys[tx.request].fromTag === callerTag ? 'caller (BYE)' : 'callee (BYE)';
        break;
      }
      if (tx.method === 'CANCEL' && tx.request !== -1) call.endedBy = 'caller (CANCEL)';
    }
    if (outcomeTransaction && outcomeTransaction.request !== -1) {
      const invite = outcomeTransaction.request;
      const final = outcomeTransaction.finalResponse;
      call.offer = sdpOf(invite);
      // The first response with SDP answers (each body is summarized once).
      for (const r of outcomeTransaction.responses) {
        const media = r === invite ? null : sdpOf(r);
        if (media !== null) {
          call.answerMedia = media;
          break;
        }
      }
      if (call.offer === null && final !== -1) call.offer = sdpOf(final);
    }
  }
}

/** Time from a transaction's request to one of its messages, when both have timestamps. */
export function delayMs(model: TraceModel, from: number, to: number): number | null {
  const a = model.messages[from]?.meta.time;
  const b = model.messages[to]?.meta.time;
  return a === null || a === undefined || b === null || b === undefined ? null : b - a;
}

/** `120 ms`, `2.1 s`, `3 min 4 s`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${Math.round((ms % 60_000) / 1000)} s`;
}

interface CacheEntry {
  readonly analysis: TraceAnalysis;
  summarized: boolean;
}

/**
 * Call records whose summaries are written. A record is shared by the
 * versions of a document an edit did not change it in, summarized or not:
 * whichever version asks first writes the summary, the same for all.
 */
const summarizedCalls = new WeakSet<Call>();

const cache = new WeakMap<TraceModel, CacheEntry>();

/**
 * The analysis of an earlier version of the same document, and that
 * version's messages, for each model an edit made that has no analysis yet.
 * Only the last analysed version is kept (not a chain of versions).
 */
const inherited = new WeakMap<TraceModel, { readonly entry: CacheEntry; readonly messages: readonly SipMessage[] }>();

/**
 * Records that `next` is `previous` after an edit (see `incremental.ts`), so
 * the analysis of `next` can start from the one of `previous`.
 */
export function inheritAnalysis(previous: TraceModel, next: TraceModel): void {
  const own = cache.get(previous);
  const prior = own !== undefined ? { entry: own, messages: previous.messages } : inherited.get(previous);
  if (prior !== undefined) inherited.set(next, prior);
}

/**
 * An edit rarely changes what ties messages together: when every message
 * either is the one parsed before (moved or not) or has the same kind,
 * method, status and keys as the message it replaces, the transactions and
 * calls are those of the earlier version, message for message. The call
 * summaries (participants, timing, media) read more than the keys: a call
 * with a re-parsed message is summarized again, the others keep theirs
 * (summarizing every call of a 50 MB trace took ~110 ms, after each edit,
 * on the first hover or outline that asked).
 */
function reusedStructure(model: TraceModel): CacheEntry | null {
  const prior = inherited.get(model);
  if (prior === undefined) return null;
  inherited.delete(model);
  const { messages } = model;
  const old = prior.entry.analysis;
  if (messages.length !== prior.messages.length) return null;
  const reparsed = new Uint8Array(old.calls.length);
  for (let i = 0; i < messages.length; i++) {
    const now = messages[i];
    const before = prior.messages[i];
    if (sameParse(now, before)) continue;
    const nowLine = parsedStartLine(now);
    const beforeLine = parsedStartLine(before);
    if (now.kind !== before.kind || nowLine.method !== beforeLine.method || nowLine.status !== beforeLine.status) return null;
    if (!sameKeys(keysOf(now), old.keys[i])) return null;
    reparsed[old.callOf[i]] = 1;
  }
  // Summaries are written once into a call record: a call to summarize again gets a fresh one.
  const calls = old.calls.map((c) => (reparsed[c.index] === 0 ? c : newCall(c.index, c.callId, c.messages, c.transactions)));
  return { analysis: { ...old, calls }, summarized: false };
}

function cached(model: TraceModel): CacheEntry {
  const known = cache.get(model);
  if (known !== undefined) return known;
  let entry = reusedStructure(model);
  if (entry === null) {
    entry = { analysis: analyzeStructure(model), summarized: false };
  }
  cache.set(model, entry);
  return entry;
}

/** The analysis of a model with call summaries, computed once: outline, hovers, lenses and the calls view share it. */
export function analysisOf(model: TraceModel): TraceAnalysis {
  const entry = cached(model);
  if (!entry.summarized) {
    summarize(model, entry.analysis);
    entry.summarized = true;
  }
  return entry.analysis;
}

/**
 * The same analysis without the call summaries (participants, outcome,
 * media): enough for the conversation-level rules, which then do not pay for
 * SDP and the rest of what only the outline and the calls view show.
 */
export function structureOf(model: TraceModel): TraceAnalysis {
  return cached(model).analysis;
}

/**
 * `structureOf` in steps, for the rule engine's stepwise validation. A
 * request answered between two steps may need the analysis at once and
 * compute it whole: then that one is taken and these steps stop.
 */
export function* structureSteps(model: TraceModel): Generator<void, TraceAnalysis> {
  const known = cache.get(model) ?? reusedStructure(model);
  if (known !== null) {
    cache.set(model, known);
    return known.analysis;
  }
  const steps = analyzeStructureSteps(model);
  for (;;) {
    const step = steps.next();
    if (step.done) {
      const entry = cache.get(model) ?? { analysis: step.value, summarized: false };
      cache.set(model, entry);
      return entry.analysis;
    }
    yield;
    const meanwhile = cache.get(model);
    if (meanwhile !== undefined) return meanwhile.analysis;
  }
}
