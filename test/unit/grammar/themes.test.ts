/**
 * Checks that the status-code scopes recorded in the baseline come out in
 * visibly different colours in the themes people use: 1xx, 2xx and 4xx-6xx
 * must differ in Dark+, Light+, Monokai and Solarized (dark and light).
 *
 * The themes are minimal copies of VS Code's own theme files (see
 * test/unit/grammar/themes/). Colours are resolved with a small TextMate
 * selector matcher (themeMatcher.ts), which is itself checked against
 * vscode-textmate's theme engine on every token of every fixture.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as vsctm from 'vscode-textmate';
import { baselinePath, createRegistry, FIXTURES_DIR, listFixtures, THEMES_DIR, TokenizedLine, tokenizeText } from './harness';
import { loadTheme, normalizeColor, Theme } from './themeMatcher';

const THEMES: Record<string, string> = {
  'Dark+': 'dark_plus.json',
  'Light+': 'light_plus.json',
  Monokai: 'monokai.json',
  'Solarized Dark': 'solarized-dark.json',
  'Solarized Light': 'solarized-light.json',
};

interface BaselineToken {
  text: string;
  scopes: string[];
}

/** Reads the status-code token of every status line from the committed baseline. */
function statusCodeTokensFromBaseline(): Map<string, BaselineToken[]> {
  const text = fs.readFileSync(baselinePath('status-lines.sip'), 'utf8');
  const byClass = new Map<string, BaselineToken[]>();
  for (const row of text.split('\n')) {
    const match = /^ ("(?:[^"\\]|\\.)*")  (.*)$/.exec(row);
    if (!match) {
      continue;
    }
    const scopes = ['source.sip', ...(match[2] as string).split(' ')];
    const statusScope = scopes.find((scope) => scope.startsWith('constant.numeric.status-code.'));
    if (!statusScope) {
      continue;
    }
    const statusClass = statusScope.split('.')[3] as string;
    const list = byClass.get(statusClass) ?? [];
    list.push({ text: JSON.parse(match[1] as string) as string, scopes });
    byClass.set(statusClass, list);
  }
  return byClass;
}

/** The one colour a theme gives every token of a class (asserting they agree). */
function classColor(theme: Theme, tokens: BaselineToken[]): string {
  const colors = new Set(tokens.map((token) => theme.resolve(token.scopes).foreground));
  assert.equal(colors.size, 1, `${theme.name}: codes of one class resolve to ${[...colors].join(', ')}`);
  return [...colors][0] as string;
}

describe('status classes in common themes', () => {
  const tokens = statusCodeTokensFromBaseline();

  it('finds every status class in the status-lines baseline', () => {
    assert.deepEqual(
      [...tokens.keys()].sort(),
      ['client-failure', 'global-failure', 'provisional', 'redirection', 'server-failure', 'success'],
    );
    assert.deepEqual(
      (tokens.get('success') ?? []).map((token) => token.text),
      ['200', '202', '200', '200'],
    );
  });

  for (const [themeName, file] of Object.entries(THEMES)) {
    describe(themeName, () => {
      const theme = loadTheme(path.join(THEMES_DIR, file));
      const color = (statusClass: string): string => classColor(theme, tokens.get(statusClass) ?? []);
      const defaultColor = theme.resolve(['source.sip']).foreground;

      it('shows 1xx, 2xx and 4xx-6xx in three different colours', () => {
        const provisional = color('provisional');
        const success = color('success');
        const failures = ['client-failure', 'server-failure', 'global-failure'].map(color);
        for (const failure of failures) {
          assert.notEqual(success, failure, `2xx and a failure class share ${success}`);
          assert.notEqual(provisional, failure, `1xx and a failure class share ${provisional}`);
        }
        assert.notEqual(provisional, success, `1xx and 2xx share ${success}`);
      });

      it('gives 4xx, 5xx and 6xx one failure colour, and every class a colour of its own against plain text', () => {
        const failures = new Set(['client-failure', 'server-failure', 'global-failure'].map(color));
        assert.equal(failures.size, 1);
        for (const statusClass of tokens.keys()) {
          assert.notEqual(color(statusClass), defaultColor, `${statusClass} looks like plain text`);
        }
      });

      it('sets 3xx apart from 2xx by colour or by style', () => {
        const redirection = theme.resolve((tokens.get('redirection') ?? [])[0]?.scopes ?? []);
        const success = theme.resolve((tokens.get('success') ?? [])[0]?.scopes ?? []);
        assert.ok(
          redirection.foreground !== success.foreground || redirection.fontStyle !== success.fontStyle,
          `3xx and 2xx both ${success.foreground} ${success.fontStyle}`,
        );
      });

      it('keeps request methods out of every status colour', () => {
        const method = theme.resolve(['source.sip', 'meta.request-line.sip', 'support.function.method.sip']).foreground;
        for (const statusClass of ['provisional', 'success', 'client-failure']) {
          assert.notEqual(method, color(statusClass), `a method looks like a ${statusClass} response`);
        }
      });

      it('shows framing lines in the comment colour', () => {
        const comment = theme.resolve(['source.sip', 'comment']).foreground;
        const framing = theme.resolve(['source.sip', 'comment.line.framing.asterisk.sip']).foreground;
        assert.equal(framing, comment);
        assert.notEqual(comment, defaultColor);
      });
    });
  }
});

describe('theme matcher agrees with vscode-textmate', () => {
  /** vscode-textmate packs the foreground colour id into bits 15-23 of a token's metadata. */
  const FOREGROUND_MASK = 0x00ff8000;
  const FOREGROUND_OFFSET = 15;

  for (const [themeName, file] of Object.entries(THEMES)) {
    it(`resolves every token of every .sip fixture to the same colour in ${themeName}`, async () => {
      const theme = loadTheme(path.join(THEMES_DIR, file));
      const registry = createRegistry({ theme: { name: themeName, settings: theme.settings } as vsctm.IRawTheme });
      const loaded = await registry.loadGrammar('source.sip');
      assert.ok(loaded);
      const grammar: vsctm.IGrammar = loaded;
      const colorMap = registry.getColorMap();
      let compared = 0;
      for (const fixture of listFixtures().filter((name) => name.endsWith('.sip'))) {
        const text = fs.readFileSync(path.join(FIXTURES_DIR, fixture), 'utf8');
        let state: vsctm.StateStack = vsctm.INITIAL;
        const lines: TokenizedLine[] = tokenizeText(grammar, text);
        for (const line of lines) {
          const binary: vsctm.ITokenizeLineResult2 = grammar.tokenizeLine2(line.line, state);
          state = binary.ruleStack;
          for (const token of line.tokens) {
            // Binary tokens merge neighbours with equal metadata: find the one covering this token.
            let metadata = 0;
            for (let i = 0; i < binary.tokens.length; i += 2) {
              if ((binary.tokens[i] as number) <= token.startIndex) {
                metadata = binary.tokens[i + 1] as number;
              }
            }
            const engine = normalizeColor(colorMap[(metadata & FOREGROUND_MASK) >>> FOREGROUND_OFFSET]);
            const ours = theme.resolve(token.scopes).foreground;
            assert.equal(ours, engine, `${fixture}: ${JSON.stringify(token.text)} (${token.scopes.join(' ')})`);
            compared++;
          }
        }
      }
      assert.ok(compared > 1000, `compared ${compared} tokens`);
    });
  }
});
