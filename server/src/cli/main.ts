/**
 * `sip-trace`: the command-line face of the core, for scripts and CI. It runs
 * exactly the parser and rule engine the language server runs.
 */
import { parseTrace } from '../sip/parse';
import * as path from 'node:path';
import { DEFAULT_VALIDATION_SETTINGS } from '../sip/rules/engine';
import { ruleInfo } from '../sip/rules/catalog';
import { ConfigFinder, loadConfig } from './config';
import { parseArgs, USAGE, UsageError, type CallsOptions, type CheckOptions } from './args';
import { explainTopic } from '../sip/knowledge/explain';
import { analysisOf } from '../sip/analysis/analyze';
import { callRows } from '../sip/features/calls';
import { callsToJson, callsToText } from './callsReport';
import { expandPath, InputError, readInput } from './files';
import { JsonReport, Summary, toTextLines } from './report';
import { checkPieces, STREAM_THRESHOLD } from './pieces';
import { TRACE_RULE_IDS } from '../sip/rules/traceRules';

export const VERSION = '0.1.0';

/** Runs the CLI and returns the exit status; output goes through the given writers. */
export function runCli(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): number {
  try {
    const command = parseArgs(argv);
    switch (command.command) {
      case 'help':
        out(USAGE + '\n');
        return 0;
      case 'version':
        out(`sip-trace ${VERSION}\n`);
        return 0;
      case 'check':
        return check(command, out, err);
      case 'calls':
        return calls(command, out);
      case 'explain': {
        const markdown = explainTopic(command.topic);
        if (markdown === null) {
          err(`sip-trace: nothing known about "${command.topic}" (try a status code, method, header, parameter, q850:N, pt:N or an SDP line)\n`);
          return 1;
        }
        out(markdown + '\n');
        return 0;
      }
    }
  } catch (error) {
    if (error instanceof UsageError) {
      err(`sip-trace: ${error.message} (see sip-trace --help)\n`);
      return 2;
    }
    if (error instanceof InputError) {
      err(`sip-trace: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

function check(options: CheckOptions, out: (s: string) => void, err: (s: string) => void): number {
  // Expand every PATH and read the config first, so a missing file or a bad config fails before any output.
  const files = options.paths.flatMap(expandPath);
  const explicit = options.config === null ? null : loadConfig(options.config);
  const finder = new ConfigFinder();
  const configs = files.map((file) => explicit ?? finder.find(file === '-' ? process.cwd() : path.dirname(file)));
  const warned = new Set<string>();
  const warn = (message: string): void => {
    if (!warned.has(message)) err(`sip-trace: warning: ${message}\n`);
    warned.add(message);
  };
  for (const config of configs) {
    if (config === null) continue;
    for (const w of config.warnings) warn(w);
    for (const id of Object.keys(config.rules)) if (ruleInfo(id) === undefined) warn(`config ${config.path}: unknown rule id "${id}"`);
  }
  for (const id of Object.keys(options.rules)) if (ruleInfo(id) === undefined) warn(`--rule: unknown rule id "${id}"`);
  const summary = new Summary();
  const json = options.format === 'json' ? new JsonReport(out) : null;
  let hasError = false;
  let streamed = false;
  files.forEach((file, i) => {
    const config = configs[i];
    const settings = {
      ...DEFAULT_VALIDATION_SETTINGS,
      maxProblems: options.maxProblems ?? config?.maxProblems ?? DEFAULT_VALIDATION_SETTINGS.maxProblems,
      rules: { ...config?.rules, ...options.rules },
    };
    const traceFormat = options.traceFormat ?? config?.traceFormat ?? 'auto';
    summary.addFile();
    // Print as we go: neither a directory of traces nor one huge trace piles up in memory.
    for (const piece of checkPieces(file, traceFormat, settings)) {
      if (piece.diagnostics.some((d) => d.severity === 'error')) hasError = true;
      if (!piece.traceRules) streamed = true;
      summary.add(piece);
      if (json) json.piece(file, piece);
      else {
        const lines = toTextLines(file, piece);
        if (lines.length > 0) out(lines.join('\n') + '\n');
      }
    }
    json?.endFile();
  });
  if (json) json.end();
  else out(summary.toString() + '\n');
  if (streamed) {
    err(`sip-trace: note: files over ${STREAM_THRESHOLD} bytes are read in chunks; the conversation-level rules (${TRACE_RULE_IDS.join(', ')}) need a whole trace in memory and were not run on them\n`);
  }
  return hasError ? 1 : 0;
}

function calls(options: CallsOptions, out: (s: string) => void): number {
  const files = options.paths.flatMap(expandPath);
  const results = files.map((path) => {
    const model = parseTrace(readInput(path), { traceFormat: options.traceFormat });
    return { path, traceFormat: model.format.id, calls: callRows(model, analysisOf(model)) };
  });
  out(options.format === 'json' ? JSON.stringify(callsToJson(results)) + '\n' : callsToText(results));
  return 0;
}
