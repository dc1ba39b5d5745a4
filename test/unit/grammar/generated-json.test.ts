/**
 * The grammar JSON files are generated from syntaxes/src/*.grammar.js but
 * checked in, so packaging does not depend on build order. This test keeps
 * the two from drifting apart.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT } from './harness';

interface GeneratedFile {
  source: string;
  output: string;
  text: string;
}

interface BuildScript {
  generate(): GeneratedFile[];
}

// The build script is plain CommonJS run by node; load it as the CLI does.
const buildScript = require(path.join(REPO_ROOT, 'scripts/build-grammars.js')) as BuildScript;

describe('generated grammar JSON', () => {
  const files = buildScript.generate();

  it('generates the SIP, SDP and Markdown-injection grammars', () => {
    assert.deepEqual(
      files.map((file) => file.output).sort(),
      ['syntaxes/sdp.tmLanguage.json', 'syntaxes/sip-markdown-injection.tmLanguage.json', 'syntaxes/sip.tmLanguage.json'],
    );
  });

  for (const file of files) {
    it(`${file.output} is what ${file.source} generates`, () => {
      const checkedIn = fs.readFileSync(path.join(REPO_ROOT, file.output), 'utf8');
      assert.ok(
        checkedIn === file.text,
        `${file.output} is out of date with ${file.source}: run node scripts/build-grammars.js and commit the result`,
      );
    });
  }

  it('names the scopes package.json contributes', () => {
    const byOutput = new Map(files.map((file) => [file.output, JSON.parse(file.text) as { scopeName: string; injectionSelector?: string }]));
    assert.equal(byOutput.get('syntaxes/sip.tmLanguage.json')?.scopeName, 'source.sip');
    assert.equal(byOutput.get('syntaxes/sdp.tmLanguage.json')?.scopeName, 'source.sdp');
    assert.equal(byOutput.get('syntaxes/sip-markdown-injection.tmLanguage.json')?.injectionSelector, 'L:text.html.markdown');
  });
});
