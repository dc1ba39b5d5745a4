/**
 * The Markdown injection: a fenced block marked `sip` is highlighted with the
 * SIP grammar, other blocks and the text around them are left to Markdown.
 * VS Code's Markdown grammar is not available offline, so the injection goes
 * into a stand-in grammar with the same scope name.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import type { IGrammar } from 'vscode-textmate';
import { createMarkdownRegistry, FIXTURES_DIR, hasScope, TokenizedLine, tokenizeText } from './harness';
import { assertLineLacks, assertScope, lineWith } from './scopeAssertions';

describe('SIP code blocks in Markdown', () => {
  let lines: TokenizedLine[];

  before(async () => {
    const markdown: IGrammar | null = await createMarkdownRegistry().loadGrammar('text.html.markdown');
    assert.ok(markdown);
    lines = tokenizeText(markdown, fs.readFileSync(path.join(FIXTURES_DIR, 'markdown-fence.md'), 'utf8'));
  });

  it('highlights a ```sip block with the SIP grammar', () => {
    assertScope(lines, '```sip', 'sip', 'fenced_code.block.language.markdown');
    assertScope(lines, 'INVITE sip:bob', 'INVITE', 'meta.embedded.block.sip');
    assertScope(lines, 'INVITE sip:bob', 'INVITE', 'support.function.method.sip');
    assertScope(lines, 'Via: SIP/2.0/UDP 192.0.2.1', 'Via', 'support.type.header-name.sip');
    assertScope(lines, '  ;received=192.0.2.1', 'received', 'variable.parameter.sip');
    assertScope(lines, 'v=0', 'v', 'keyword.other.line-type.sdp');
  });

  it('closes the block at the fence and leaves the rest to Markdown', () => {
    const fence = lines.filter((line) => line.line === '```');
    assert.ok(fence[0] && fence[0].tokens.every((token) => !hasScope(token, 'meta.embedded')));
    assertLineLacks(lines, 'Text after the block', 'meta.embedded');
    assertLineLacks(lines, 'Text after the block', 'support.type.header-name');
    assertLineLacks(lines, 'SIP/2.0 200 OK', 'meta.embedded');
    assertLineLacks(lines, 'SIP/2.0 200 OK', 'markup.inserted');
  });

  it('accepts ~~~ fences and the sip-trace language name, with log prefixes inside', () => {
    assertScope(lines, '~~~ sip-trace', 'sip-trace', 'fenced_code.block.language.markdown');
    assertScope(lines, '[Mar 30 13:35:51] SIP/2.0 486', '486', 'markup.deleted.status.client-failure.sip');
    const heading = lineWith(lines, '# Trace from the field');
    assert.ok(heading.tokens.every((token) => hasScope(token, 'markup.heading.markdown')));
  });
});
