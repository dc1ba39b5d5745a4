/**
 * Where a rule's documentation is: `docs/rules.md` shipped next to the
 * server bundle (dist/server.js -> ../docs/rules.md), one section per rule.
 * A file link works offline; nothing is fetched.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

let base: string | null | undefined;

function rulesFile(): string | null {
  if (base === undefined) {
    // The bundle lives in dist/; the compiled sources (tests) in out/server/src.
    const candidates = [path.join(__dirname, '..', 'docs', 'rules.md'), path.join(__dirname, '..', '..', '..', 'docs', 'rules.md')];
    const found = candidates.find((file) => fs.existsSync(file));
    base = found ? pathToFileURL(found).toString() : null;
  }
  return base;
}

/** `file:///.../docs/rules.md#rule-id`, or undefined when the docs are not installed. */
export function ruleDocumentationUri(ruleId: string): string | undefined {
  const file = rulesFile();
  return file === null ? undefined : `${file}#${ruleId}`;
}
