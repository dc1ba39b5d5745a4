/**
 * `sip-trace`: the command-line face of the core, for scripts and CI. It runs
 * exactly the parser and rule engine the language server runs.
 */
import { parseTrace } from '../sip/parse';
import { DEFAULT_VALIDATION_SETTINGS, validate } from '../sip/rules/engine';
import { parseArgs, USAGE, UsageError, type CheckOptions } from './args';
import { expandPath, InputError, readInput } from './files';
import { Summary, toJson, toTextLines, type CheckedFile } from './report';

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
        return check(command, out);
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

function check(options: CheckOptions, out: (s: string) => void): number {
  // Expand every PATH first, so a missing file fails before any output.
  const files = options.paths.flatMap(expandPath);
  const settings = {
    ...DEFAULT_VALIDATION_SETTINGS,
    maxProblems: options.maxProblems ?? DEFAULT_VALIDATION_SETTINGS.maxProblems,
    rules: options.rules,
  };
  const checked: CheckedFile[] = [];
  const summary = new Summary();
  let hasError = false;
  for (const file of files) {
    const model = parseTrace(readInput(file), { traceFormat: options.traceFormat });
    const diagnostics = validate(model, settings);
    if (diagnostics.some((d) => d.severity === 'error')) hasError = true;
    const result: CheckedFile = { path: file, model, diagnostics };
    summary.add(result);
    if (options.format === 'json') {
      checked.push(result);
    } else {
      // Print as we go; the model is not kept, so a directory of large traces does not pile up in memory.
      const lines = toTextLines(result);
      if (lines.length > 0) out(lines.join('\n') + '\n');
    }
  }
  if (options.format === 'json') out(JSON.stringify(toJson(checked)) + '\n');
  else out(summary.toString() + '\n');
  return hasError ? 1 : 0;
}
