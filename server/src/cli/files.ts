/**
 * Expands the CLI's PATH arguments into the files to check, in a stable order.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const TRACE_EXTENSIONS = new Set(['.sip', '.txt', '.log', '.dat']);

export class InputError extends Error {}

/** Files for one PATH argument: itself, the trace files under a directory, or `-` for stdin. */
export function expandPath(arg: string): string[] {
  if (arg === '-') return ['-'];
  let stat: fs.Stats;
  try {
    stat = fs.statSync(arg);
  } catch {
    throw new InputError(`cannot read ${arg}: no such file or directory`);
  }
  if (stat.isFile()) return [arg];
  if (!stat.isDirectory()) throw new InputError(`cannot read ${arg}: not a file or directory`);
  const out: string[] = [];
  walk(arg, out);
  return out;
}

function walk(dir: string, out: string[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    throw new InputError(`cannot read directory ${dir}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) walk(full, out);
    } else if (entry.isFile() && TRACE_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) {
      out.push(full);
    }
  }
}

export function readInput(file: string): string {
  try {
    // Invalid UTF-8 becomes U+FFFD, as in the editor: the parser then reads what it can.
    return file === '-' ? fs.readFileSync(0).toString('utf8') : fs.readFileSync(file).toString('utf8');
  } catch (error) {
    throw new InputError(`cannot read ${file === '-' ? 'standard input' : file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}
