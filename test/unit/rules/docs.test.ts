/** docs/rules.md: one section per catalogue rule (anchor = rule id), and no section without a rule. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules } from '../../../server/src/sip/rules/catalog';
import { REPO_ROOT } from '../helpers';

const DOC = fs.readFileSync(path.join(REPO_ROOT, 'docs', 'rules.md'), 'utf8');

/** `## rule-id` sections, with their text up to the next heading. */
function sections(): Map<string, string> {
  const out = new Map<string, string>();
  const parts = DOC.split(/^(?=#{1,2} )/m);
  for (const part of parts) {
    const heading = /^## (.+)$/m.exec(part.split('\n', 1)[0]);
    if (heading === null || heading[1] === 'Contents') continue;
    assert.ok(!out.has(heading[1]), `section ${heading[1]} appears once`);
    out.set(heading[1], part);
  }
  return out;
}

test('every catalogue rule has a section, and every section a rule', () => {
  const documented = [...sections().keys()].sort();
  const ids = allRules().map((r) => r.id).sort();
  assert.deepEqual(documented.filter((id) => !ids.includes(id)), [], 'sections without a rule');
  assert.deepEqual(ids.filter((id) => !documented.includes(id)), [], 'rules without a section');
});

test('each section says what, why, an example, the fix, and the catalogue\'s severity and RFC', () => {
  const all = sections();
  for (const rule of allRules()) {
    const text = all.get(rule.id);
    if (text === undefined) continue;
    assert.ok(text.includes(`Severity: **${rule.severity}** · ${rule.rfc} · `), `${rule.id}: severity and RFC line matches the catalogue`);
    for (const part of ['**What.**', '**Why.**', '**Example.**', '**Fix.**']) assert.ok(text.includes(part), `${rule.id}: ${part}`);
    assert.match(text, /```sip\n[\s\S]+?\n```/, `${rule.id}: an example block`);
  }
});

test('the contents list links every section', () => {
  for (const rule of allRules()) assert.ok(DOC.includes(`[${rule.id}](#${rule.id})`), rule.id);
});
