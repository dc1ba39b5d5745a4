/**
 * The one rule engine, shared by the language server and the CLI: collects
 * what the parser met and what the rules find, applies the user's settings
 * (severity overrides, rules turned off, a cap), and returns diagnostics as
 * offsets. Callers turn offsets into positions.
 */
import type { Problem, Severity, TraceModel } from '../model';
import { ruleInfo } from './catalog';
import { MESSAGE_RULES } from './index';
import type { RuleContext } from './types';
import { TRACE_RULES, TRACE_RULE_IDS } from './traceRules';
import { analysisOf } from '../analysis/analyze';

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

export function validate(model: TraceModel, settings: ValidationSettings = DEFAULT_VALIDATION_SETTINGS): SipDiagnostic[] {
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
  for (const problem of model.problems) if (!add(problem)) return finish(out);
  let full = false;
  const context: RuleContext = {
    text: model.text,
    model,
    report(code, start, end, message) {
      if (!full && !add({ start, end, code, message })) full = true;
    },
  };
  for (const message of model.messages) {
    for (const problem of message.problems) if (!add(problem)) return finish(out);
    for (const rule of MESSAGE_RULES) {
      try {
        rule(message, context);
      } catch (error) {
        add({ start: message.start, end: message.startLine.end, code: 'internal-error', message: `A SIP Trace rule failed on this message (internal error: ${String(error)}); please report it` });
      }
      if (full) return finish(out);
    }
  }
  // The conversation-level rules need the analysis; skip building it when they are all off.
  if (TRACE_RULE_IDS.some((id) => settings.rules[id] !== 'off')) {
    const analysis = analysisOf(model);
    for (const rule of TRACE_RULES) {
      try {
        rule(model, analysis, context);
      } catch (error) {
        add({ start: 0, end: 0, code: 'internal-error', message: `A SIP Trace rule failed (internal error: ${String(error)}); please report it` });
      }
      if (full) return finish(out);
    }
  }
  return finish(out);
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
