/**
 * Loads the SIP grammars into vscode-textmate with the Oniguruma engine VS
 * Code itself uses, and turns tokenized text into the baseline format.
 *
 * Shared by the grammar tests and by scripts/accept-grammar-baselines.js,
 * which requires the compiled copy of this module.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

/** The repository root, from the compiled location out/test/unit/grammar/. */
export const REPO_ROOT = path.resolve(__dirname, '../../../..');
export const GRAMMAR_TEST_DIR = path.join(REPO_ROOT, 'test/unit/grammar');
export const FIXTURES_DIR = path.join(GRAMMAR_TEST_DIR, 'fixtures');
export const BASELINES_DIR = path.join(GRAMMAR_TEST_DIR, 'baselines');
export const THEMES_DIR = path.join(GRAMMAR_TEST_DIR, 'themes');
export const CORPUS_DIR = path.resolve(REPO_ROOT, '../shared/corpus');

/** Grammar files by scope name. Anything else (text.xml, source.json) is not available offline. */
const GRAMMAR_FILES: Record<string, string> = {
  'source.sip': 'syntaxes/sip.tmLanguage.json',
  'source.sdp': 'syntaxes/sdp.tmLanguage.json',
  'markdown.sip.codeblock': 'syntaxes/sip-markdown-injection.tmLanguage.json',
};

let onigLib: Promise<vsctm.IOnigLib> | undefined;

/** Loads onig.wasm once per process. */
export function getOnigLib(): Promise<vsctm.IOnigLib> {
  if (!onigLib) {
    onigLib = (async () => {
      const wasm = fs.readFileSync(path.join(REPO_ROOT, 'node_modules/vscode-oniguruma/release/onig.wasm'));
      await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
      return {
        createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
        createOnigString: (text: string) => new oniguruma.OnigString(text),
      };
    })();
  }
  return onigLib;
}

export interface RegistryOptions {
  /** Extra grammars by scope name (a stand-in `text.html.markdown` for the injection test). */
  extraGrammars?: Record<string, object>;
  /** Grammars injected into a scope, as `injectTo` in package.json does. */
  injections?: Record<string, string[]>;
  theme?: vsctm.IRawTheme;
}

/** A vscode-textmate registry that knows our grammars; unknown scopes resolve to null, as offline. */
export function createRegistry(options: RegistryOptions = {}): vsctm.Registry {
  const registry = new vsctm.Registry({
    onigLib: getOnigLib(),
    loadGrammar: async (scopeName: string) => {
      const extra = options.extraGrammars?.[scopeName];
      if (extra) {
        return vsctm.parseRawGrammar(JSON.stringify(extra), `${scopeName}.json`);
      }
      const file = GRAMMAR_FILES[scopeName];
      if (!file) {
        return null;
      }
      return vsctm.parseRawGrammar(fs.readFileSync(path.join(REPO_ROOT, file), 'utf8'), path.join(REPO_ROOT, file));
    },
    getInjections: (scopeName: string) => options.injections?.[scopeName],
  });
  if (options.theme) {
    registry.setTheme(options.theme);
  }
  return registry;
}

const grammars = new Map<string, Promise<vsctm.IGrammar>>();

/** The grammar for a scope name, from a shared registry. */
export function loadGrammar(scopeName = 'source.sip'): Promise<vsctm.IGrammar> {
  let grammar = grammars.get(scopeName);
  if (!grammar) {
    grammar = createRegistry()
      .loadGrammar(scopeName)
      .then((loaded) => {
        if (!loaded) {
          throw new Error(`grammar ${scopeName} did not load`);
        }
        return loaded;
      });
    grammars.set(scopeName, grammar);
  }
  return grammar;
}

export interface Token {
  text: string;
  startIndex: number;
  /** Scopes from the outermost (the grammar's root scope) to the innermost. */
  scopes: string[];
}

export interface TokenizedLine {
  line: string;
  tokens: Token[];
}

/** Splits text into lines the way VS Code does: on CRLF, CR or LF. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Tokenizes text line by line, carrying the rule stack over as the editor does. */
export function tokenizeText(grammar: vsctm.IGrammar, text: string): TokenizedLine[] {
  return tokenizeLines(grammar, splitLines(text));
}

export function tokenizeLines(grammar: vsctm.IGrammar, lines: string[]): TokenizedLine[] {
  let state: vsctm.StateStack = vsctm.INITIAL;
  return lines.map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return {
      line,
      tokens: result.tokens.map((token) => ({
        text: line.slice(token.startIndex, token.endIndex),
        startIndex: token.startIndex,
        scopes: token.scopes,
      })),
    };
  });
}

/** The tokens of one line whose text equals `text` (whole-token comparison). */
export function tokensWithText(line: TokenizedLine, text: string): Token[] {
  return line.tokens.filter((token) => token.text === text);
}

/** True if any scope of the token starts with `prefix` at a dot boundary (`comment` matches `comment.line.x`). */
export function hasScope(token: Token, prefix: string): boolean {
  return token.scopes.some((scope) => scope === prefix || scope.startsWith(`${prefix}.`));
}

/**
 * The baseline text of a fixture: each source line after `>`, then one row per
 * token with its text (JSON-quoted so white space shows) and its scopes
 * without the root scope, as in TypeScript-TmLanguage's baselines.
 */
export function formatBaseline(fixtureName: string, lines: TokenizedLine[]): string {
  const out: string[] = [`Grammar baseline: ${fixtureName}`, 'Regenerate with: node scripts/accept-grammar-baselines.js', ''];
  for (const { line, tokens } of lines) {
    out.push(`>${line}`);
    for (const token of tokens) {
      if (token.text === '') {
        continue;
      }
      out.push(` ${JSON.stringify(token.text)}  ${token.scopes.slice(1).join(' ')}`.trimEnd());
    }
  }
  return `${out.join('\n')}\n`;
}

const FIXTURE_SCOPES: Record<string, string> = {
  '.sip': 'source.sip',
  '.sdp': 'source.sdp',
  // Markdown fixtures go through the injection grammar, into a stand-in Markdown grammar.
  '.md': 'text.html.markdown',
};

/** Fixture files (`*.sip`, `*.sdp`, `*.md`), sorted. */
export function listFixtures(): string[] {
  return fs
    .readdirSync(FIXTURES_DIR)
    .filter((name) => path.extname(name) in FIXTURE_SCOPES)
    .sort();
}

/** Root scope a fixture is tokenized with, chosen by its extension. */
export function fixtureScope(fixtureName: string): string {
  const scope = FIXTURE_SCOPES[path.extname(fixtureName)];
  if (!scope) {
    throw new Error(`no grammar for fixture ${fixtureName}`);
  }
  return scope;
}

export function baselinePath(fixtureName: string): string {
  return path.join(BASELINES_DIR, `${fixtureName}.baseline.txt`);
}

/**
 * A stand-in for VS Code's Markdown grammar, which is not available offline:
 * it only has to exist so the injection grammar has something to inject into.
 */
export const MARKDOWN_STUB_GRAMMAR = {
  scopeName: 'text.html.markdown',
  name: 'Markdown (test stand-in)',
  patterns: [{ match: '^#{1,6} .*$', name: 'markup.heading.markdown' }],
  repository: {},
};

/** A registry with the Markdown stand-in and our injection, as package.json contributes it. */
export function createMarkdownRegistry(): vsctm.Registry {
  return createRegistry({
    extraGrammars: { 'text.html.markdown': MARKDOWN_STUB_GRAMMAR },
    injections: { 'text.html.markdown': ['markdown.sip.codeblock'] },
  });
}

/** Generates the baseline text of every fixture. */
export async function generateBaselines(): Promise<Map<string, string>> {
  const markdown = await createMarkdownRegistry().loadGrammar('text.html.markdown');
  if (!markdown) {
    throw new Error('Markdown stand-in grammar did not load');
  }
  const result = new Map<string, string>();
  for (const fixture of listFixtures()) {
    const text = fs.readFileSync(path.join(FIXTURES_DIR, fixture), 'utf8');
    const scope = fixtureScope(fixture);
    const grammar = scope === 'text.html.markdown' ? markdown : await loadGrammar(scope);
    result.set(fixture, formatBaseline(fixture, tokenizeText(grammar, text)));
  }
  return result;
}
