/**
 * The one rule engine, shared by the language server and the CLI: collects
 * what the parser met and what the rules find, applies the user's settings
 * (severity overrides, rules turned off, a cap), and returns diagnostics as
 * offsets. Callers turn offsets into positions.
 */
import type { Problem, Severity, SipMessage, TraceModel } from '../model';
import { parseMemo, parsedBase, parsedText } from '../parser/messageParser';
import { ruleInfo } from './catalog';
import { MESSAGE_RULES } from './index';
import type { RuleContext } from './types';
import { TRACE_RULES, TRACE_RULE_IDS } from './traceRules';
import { keysOf, structureSteps } from '../analysis/analyze';
import { isQuicklyClean } from './quick/cleanMessage';
import { runToEnd } from '../steps';

export type RuleSetting = Severity | 'off';

export interface ValidationSettings {
  readonly enable: boolean;
  /** At most this many diagnostics per document. */
  readonly maxProblems: number;
  /** Rule id -> severity override or `off`. */
  readonly rules: Readonly<Record<string, RuleSetting>>;
}

export const DEFAULT_VALIDATION_SETTINGS: ValidationSettings = Object.freeze({
  enable: true,
  maxProblems: 1000,
  rules: Object.freeze({}),
});

export interface SipDiagnostic extends Problem {
  readonly severity: Severity;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

export interface ValidationOptions {
  /** Run the conversation-level rules too (they need the whole trace's analysis). Default true. */
  readonly traceRules?: boolean;
}

export function validate(
  model: TraceModel,
  settings: ValidationSettings = DEFAULT_VALIDATION_SETTINGS,
  options: ValidationOptions = {},
): SipDiagnostic[] {
  return runToEnd(validationSteps(model, settings, options));
}

/** Messages validated between two yields of `validationSteps`. */
const MESSAGES_PER_STEP = 2000;

/**
 * The same validation as `validate`, in steps: the generator yields after
 * every few thousand messages, so the language server can answer a hover in
 * between and drop the work when the document changed.
 */
export function* validationSteps(
  model: TraceModel,
  settings: ValidationSettings = DEFAULT_VALIDATION_SETTINGS,
  options: ValidationOptions = {},
): Generator<void, SipDiagnostic[]> {
  if (!settings.enable) return [];
  const out: SipDiagnostic[] = [];
  const limit = Math.max(0, settings.maxProblems);
  const add = (problem: Problem): boolean => {
    const override = settings.rules[problem.code];
    if (override === 'off') return true;
    const severity = override ?? ruleInfo(problem.code)?.severity ?? 'warning';
    out.push({ ...problem, severity });
    return out.length < limit;
  };
  // Indexed loops: in a generator, for-of over an array allocates a result object per element.
  const modelProblems = model.problems;
  for (let i = 0; i < modelProblems.length; i++) if (!add(modelProblems[i])) return finish(out);
  // The conversation-level rules need the analysis; skip building it when they are all off.
  const traceRules = options.traceRules !== false && TRACE_RULE_IDS.some((id) => settings.rules[id] !== 'off');
  let count = 0;
  const messages = model.messages;
  for (let m = 0; m < messages.length; m++) {
    const message = messages[m];
    const parseProblems = message.problems;
    for (let i = 0; i < parseProblems.length; i++) if (!add(parseProblems[i])) return finish(out);
    const reports = messageReports(model, message);
    for (let i = 0; i < reports.length; i++) if (!add(reports[i])) return finish(out);
    // The analysis reads each message's keys from its headers: read them while those are at hand.
    if (traceRules) keysOf(message);
    if (++count % MESSAGES_PER_STEP === 0) yield;
  }
  if (traceRules) {
    yield;
    let full = false;
    const context: RuleContext = {
      // Read only by a rule that reports inside a header value (rare): after an
      // edit the model's whole text exists only in pieces, and reading it copies all of it.
      get text() {
        return model.text;
      },
      model,
      report(code, start, end, message) {
        if (!full && !add({ start, end, code, message })) full = true;
      },
    };
    const analysis = yield* structureSteps(model);
    for (const rule of TRACE_RULES) {
      try {
        yield* rule(model, analysis, context);
      } catch (error) {
        add({ start: 0, end: 0, code: 'internal-error', message: `A SIP Trace rule failed (internal error: ${String(error)}); please report it` });
      }
      if (full) return finish(out);
    }
  }
  return finish(out);
}

/**
 * What the message rules report for one message, before settings apply.
 * Cached per parsed message, in its own offsets: an edit re-parses only the
 * messages around it, and a message the edit merely moved keeps its results,
 * moved along: message rules judge a message by its own text alone (the one
 * check that compares two messages runs with the conversation-level rules).
 * Kept in the parse's memo (`parseMemo`).
 */
const NO_REPORTS: readonly Problem[] = Object.freeze([]);

function moved(reports: readonly Problem[], delta: number): readonly Problem[] {
  return delta === 0 || reports.length === 0 ? reports : reports.map((p) => ({ ...p, start: p.start + delta, end: p.end + delta }));
}

/** What the rules report for the message being checked; one context for every message (no allocation per message). */
let collected: Problem[] = [];
const messageContext: { text: string; model: TraceModel | null; report(code: string, start: number, end: number, text: string): void } = {
  text: '',
  model: null,
  report(code, start, end, text) {
    collected.push({ start, end, code, message: text });
  },
};

function messageReports(model: TraceModel, message: SipMessage): readonly Problem[] {
  const memo = parseMemo(message);
  const cached = memo.reports as readonly Problem[] | undefined;
  if (cached === NO_REPORTS) return NO_REPORTS;
  // The rules read the message as parsed, in its parse's own text: after an
  // edit the model's text exists only in pieces, and reading it would copy it whole.
  const base = parsedBase(message);
  const delta = message.start - base.start;
  if (cached !== undefined) return moved(cached, delta);
  const text = parsedText(base);
  // Most messages pass every rule, which the quick check proves without building anything.
  if (isQuicklyClean(text, base)) {
    memo.reports = NO_REPORTS;
    return NO_REPORTS;
  }
  collected = [];
  messageContext.text = text;
  messageContext.model = model;
  const context = messageContext as RuleContext;
  for (const rule of MESSAGE_RULES) {
    try {
      rule(base, context);
    } catch (error) {
      collected.push({ start: base.start, end: base.startLine.end, code: 'internal-error', message: `A SIP Trace rule failed on this message (internal error: ${String(error)}); please report it` });
    }
  }
  const found = collected;
  collected = [];
  memo.reports = found.length === 0 ? NO_REPORTS : found;
  return moved(found, delta);
}

function finish(out: SipDiagnostic[]): SipDiagnostic[] {
  return out.sort((a, b) => a.start - b.start || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
}

/** Reads a user-supplied rules object, keeping only valid settings. */
export function sanitizeRuleSettings(value: unknown): Record<string, RuleSetting> {
  const out: Record<string, RuleSetting> = {};
  if (value === null || typeof value !== 'object') return out;
  for (const [id, setting] of Object.entries(value as Record<string, unknown>)) {
    if (setting === 'off' || setting === 'error' || setting === 'warning' || setting === 'information' || setting === 'hint') {
      out[id] = setting;
    }
  }
  return out;
}
