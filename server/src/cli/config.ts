/**
 * `.sip-trace.json`: per-project settings for the CLI, the same as the
 * editor's `sip.diagnostics.*` and `sip.trace.format`:
 *
 *   { "rules": { "via-branch-missing": "off", "to-tag-missing": "error" },
 *     "maxProblems": 200,
 *     "traceFormat": "auto" }
 *
 * Found in the checked file's folder or the nearest parent folder that has
 * one (standard input: the working directory), or given with `--config`.
 * Command-line options win over the file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RuleSetting } from '../sip/rules/engine';
import { InputError } from './files';

export const CONFIG_FILE_NAME = '.sip-trace.json';

export interface CliConfig {
  /** Where it was read from. */
  readonly path: string;
  readonly rules: Readonly<Record<string, RuleSetting>>;
  readonly maxProblems: number | null;
  readonly traceFormat: string | null;
  /** Things worth a warning that do not stop the run (unknown keys). */
  readonly warnings: readonly string[];
}

const SETTINGS = new Set(['off', 'error', 'warning', 'information', 'hint']);
const KEYS = new Set(['rules', 'maxProblems', 'traceFormat', '$schema']);

/** Reads and checks a config file; a file that cannot be used is an InputError (exit 2). */
export function loadConfig(file: string): CliConfig {
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read config ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    throw new InputError(`config ${file} is not valid JSON (${(error as Error).message})`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new InputError(`config ${file} must be a JSON object such as {"rules": {"via-branch-missing": "off"}}`);
  }
  const object = value as Record<string, unknown>;
  const warnings: string[] = [];
  for (const key of Object.keys(object)) {
    if (!KEYS.has(key)) warnings.push(`config ${file}: unknown key "${key}" ignored (known: rules, maxProblems, traceFormat)`);
  }
  const rules: Record<string, RuleSetting> = {};
  if (object.rules !== undefined) {
    if (object.rules === null || typeof object.rules !== 'object' || Array.isArray(object.rules)) {
      throw new InputError(`config ${file}: "rules" must be an object of rule id -> off|error|warning|information|hint`);
    }
    for (const [id, setting] of Object.entries(object.rules as Record<string, unknown>)) {
      if (typeof setting !== 'string' || !SETTINGS.has(setting)) {
        throw new InputError(`config ${file}: rules["${id}"] must be off, error, warning, information or hint, not ${JSON.stringify(setting)}`);
      }
      rules[id] = setting as RuleSetting;
    }
  }
  let maxProblems: number | null = null;
  if (object.maxProblems !== undefined) {
    if (typeof object.maxProblems !== 'number' || !Number.isInteger(object.maxProblems) || object.maxProblems < 0) {
      throw new InputError(`config ${file}: "maxProblems" must be a non-negative integer, not ${JSON.stringify(object.maxProblems)}`);
    }
    maxProblems = object.maxProblems;
  }
  let traceFormat: string | null = null;
  if (object.traceFormat !== undefined) {
    if (typeof object.traceFormat !== 'string' || object.traceFormat.length === 0) {
      throw new InputError(`config ${file}: "traceFormat" must be "auto" or a trace format id, not ${JSON.stringify(object.traceFormat)}`);
    }
    traceFormat = object.traceFormat;
  }
  return { path: file, rules, maxProblems, traceFormat, warnings };
}

/** Finds the config for files in `dir`: `dir/.sip-trace.json` or the nearest parent's. Caches per folder. */
export class ConfigFinder {
  private readonly byDir = new Map<string, CliConfig | null>();

  find(dir: string): CliConfig | null {
    const start = path.resolve(dir);
    const visited: string[] = [];
    let found: CliConfig | null = null;
    for (let d = start; ; d = path.dirname(d)) {
      const cached = this.byDir.get(d);
      if (cached !== undefined) {
        found = cached;
        break;
      }
      visited.push(d);
      const candidate = path.join(d, CONFIG_FILE_NAME);
      if (isFile(candidate)) {
        found = loadConfig(candidate);
        break;
      }
      if (path.dirname(d) === d) break;
    }
    for (const d of visited) this.byDir.set(d, found);
    return found;
  }
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
