/**
 * Command-line parsing for `sip-trace`. Small and strict: an unknown option
 * is a usage error (exit 2), never silently ignored.
 */
import type { RuleSetting } from '../sip/rules/engine';
import { framerById, listTraceFormats } from '../sip/framing/registry';

export class UsageError extends Error {}

export interface CheckOptions {
  readonly command: 'check';
  readonly format: 'text' | 'json';
  /** null: not given (the config file's, else the default). */
  readonly maxProblems: number | null;
  /** null: not given (the config file's, else `auto`). */
  readonly traceFormat: string | null;
  /** `--rule` settings; they win over the config file's. */
  readonly rules: Readonly<Record<string, RuleSetting>>;
  /** `--config FILE`, or null to look for `.sip-trace.json` beside each file. */
  readonly config: string | null;
  readonly paths: readonly string[];
}

export interface CallsOptions {
  readonly command: 'calls';
  readonly format: 'text' | 'json';
  readonly traceFormat: string;
  readonly paths: readonly string[];
}

export type CliCommand =
  | CheckOptions
  | CallsOptions
  | { readonly command: 'explain'; readonly topic: string }
  | { readonly command: 'help' }
  | { readonly command: 'version' };

export const USAGE = `Usage:
  sip-trace check [--format text|json] [--max-problems N] [--trace-format auto|ID]
                  [--config FILE] [--rule ID=SEVERITY]... PATH...
  sip-trace calls [--format text|json] [--trace-format auto|ID] PATH...
  sip-trace explain TOPIC
  sip-trace --help | --version

check    reports malformed SIP, one line per problem (or JSON).
calls    lists the calls of each trace: one row per call, with its outcome.
explain  prints what a status code, method, header, parameter or SDP line
         means: 486, 4xx, INVITE, Via, v, Via;branch, q850:16, warning:399,
         pt:0, a=sendonly, c=IN IP4 0.0.0.0 ...

PATH is a file, a directory (searched recursively for *.sip *.txt *.log *.dat)
or - for standard input.
SEVERITY is off, error, warning, information or hint.
ID (--trace-format) is a trace wrapping; auto (default) detects it: ${listTraceFormats().map((f) => f.id).join(', ')}.

check reads settings from .sip-trace.json in each file's folder or the nearest
parent folder (standard input: the working directory), or from --config FILE:
  {"rules": {"RULE-ID": "SEVERITY", ...}, "maxProblems": N, "traceFormat": "ID"}
--rule, --max-problems and --trace-format win over the file.

Exit status: 0 no error-severity problem, 1 at least one, 2 usage or I/O error.`;

const SEVERITIES = new Set(['off', 'error', 'warning', 'information', 'hint']);

export function parseArgs(argv: readonly string[]): CliCommand {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') return { command: 'help' };
  if (argv[0] === '--version' || argv[0] === '-V') return { command: 'version' };
  const [command, ...rest] = argv;
  if (command === 'explain') {
    if (rest.length === 0) throw new UsageError('explain needs a TOPIC, e.g. 486, INVITE, Via, q850:16');
    return { command: 'explain', topic: rest.join(' ') };
  }
  if (command !== 'check' && command !== 'calls') throw new UsageError(`unknown command "${command}" (expected: check, calls or explain)`);

  let format: 'text' | 'json' = 'text';
  let maxProblems: number | null = null;
  let traceFormat: string | null = null;
  let config: string | null = null;
  const rules: Record<string, RuleSetting> = {};
  const paths: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      if (inline !== undefined) return inline;
      const next = rest[++i];
      if (next === undefined) throw new UsageError(`${flag} needs a value`);
      return next;
    };
    switch (flag) {
      case '--format': {
        const v = value();
        if (v !== 'text' && v !== 'json') throw new UsageError(`--format must be text or json, not "${v}"`);
        format = v;
        break;
      }
      case '--max-problems': {
        if (command === 'calls') throw new UsageError('--max-problems is an option of check');
        const v = value();
        if (!/^\d+$/.test(v)) throw new UsageError(`--max-problems must be a non-negative integer, not "${v}"`);
        maxProblems = Number(v);
        break;
      }
      case '--trace-format':
        traceFormat = value();
        if (traceFormat !== 'auto' && !framerById(traceFormat)) {
          throw new UsageError(`unknown --trace-format "${traceFormat}" (known: auto, ${listTraceFormats().map((f) => f.id).join(', ')})`);
        }
        break;
      case '--config':
        if (command === 'calls') throw new UsageError('--config is an option of check');
        config = value();
        break;
      case '--rule': {
        if (command === 'calls') throw new UsageError('--rule is an option of check');
        const v = value();
        const eq = v.indexOf('=');
        const id = v.slice(0, eq);
        const severity = v.slice(eq + 1);
        if (eq <= 0 || !SEVERITIES.has(severity)) throw new UsageError(`--rule takes ID=off|error|warning|information|hint, not "${v}"`);
        rules[id] = severity as RuleSetting;
        break;
      }
      default:
        if (arg.startsWith('--') || (arg.startsWith('-') && arg !== '-')) throw new UsageError(`unknown option "${arg}"`);
        paths.push(arg);
    }
  }
  if (paths.length === 0) throw new UsageError(`${command} needs at least one PATH (a file, a directory, or - for standard input)`);
  if (command === 'calls') return { command: 'calls', format, traceFormat: traceFormat ?? 'auto', paths };
  return { command: 'check', format, maxProblems, traceFormat, rules, config, paths };
}
