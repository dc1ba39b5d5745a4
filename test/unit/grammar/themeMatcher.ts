/**
 * Resolves the colour a VS Code colour theme gives a token, from the token's
 * scope stack, following TextMate scope-selector rules as vscode-textmate
 * applies them:
 *  - a selector part matches a scope it is a dot-boundary prefix of
 *    (`markup.deleted` matches `markup.deleted.status.client-failure.sip`);
 *  - for each scope pushed (outermost first), the matching rules are applied
 *    from least to most specific (longer prefix first, then more parent
 *    selectors, then later in the theme), property by property;
 *  - parent selectors (`source.css entity.other`) must match ancestor scopes
 *    in order;
 *  - a scope whose rules set no foreground inherits the enclosing scope's.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface RawThemeSetting {
  name?: string;
  scope?: string | string[];
  settings: { foreground?: string; background?: string; fontStyle?: string };
}

export interface RawThemeFile {
  name: string;
  include?: string;
  tokenColors: RawThemeSetting[];
}

interface ThemeRule {
  /** Selector parts, outermost first; the last part matches the scope itself. */
  path: string[];
  foreground?: string;
  fontStyle?: string;
  order: number;
}

export interface ResolvedStyle {
  foreground: string;
  /** 'italic', 'bold', 'underline', combinations, or '' for none. */
  fontStyle: string;
}

export interface Theme {
  name: string;
  /** The theme's settings flattened after includes, as vscode-textmate's setTheme takes them. */
  settings: RawThemeSetting[];
  resolve(scopes: string[]): ResolvedStyle;
}

/** Reads a theme file with `//` comment lines (VS Code theme files are JSON with comments). */
function readThemeFile(file: string): RawThemeFile {
  const text = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('//'))
    .join('\n');
  return JSON.parse(text) as RawThemeFile;
}

/** Loads a theme, resolving `include` the way VS Code does: the included rules come first. */
export function loadTheme(file: string): Theme {
  const raw = readThemeFile(file);
  const settings: RawThemeSetting[] = [];
  if (raw.include) {
    settings.push(...loadTheme(path.resolve(path.dirname(file), raw.include)).settings);
  }
  settings.push(...raw.tokenColors);
  return createTheme(raw.name, settings);
}

/** Upper-case hex colour; `#RRGGBBff` is the opaque `#RRGGBB`. */
export function normalizeColor(color: string | undefined): string | undefined {
  if (!color) {
    return undefined;
  }
  const upper = color.toUpperCase();
  return /^#[0-9A-F]{6}FF$/.test(upper) ? upper.slice(0, 7) : upper;
}

function selectorList(scope: string | string[] | undefined): string[] {
  if (scope === undefined) {
    return [''];
  }
  const list = Array.isArray(scope) ? scope : scope.split(',');
  return list.map((selector) => selector.trim()).filter((selector) => selector !== '');
}

/** `a` matches scope `a` and `a.b.c`, not `ab`. */
function prefixMatches(selectorPart: string, scope: string): boolean {
  return scope === selectorPart || scope.startsWith(`${selectorPart}.`);
}

function parentsMatch(parents: string[], ancestors: string[]): boolean {
  let index = ancestors.length - 1;
  for (let p = parents.length - 1; p >= 0; p--) {
    const part = parents[p] as string;
    while (index >= 0 && !prefixMatches(part, ancestors[index] as string)) {
      index--;
    }
    if (index < 0) {
      return false;
    }
    index--;
  }
  return true;
}

function createTheme(name: string, settings: RawThemeSetting[]): Theme {
  let defaultForeground = '#000000';
  const rules: ThemeRule[] = [];
  settings.forEach((setting, order) => {
    for (const selector of selectorList(setting.scope)) {
      if (selector === '') {
        defaultForeground = normalizeColor(setting.settings.foreground) ?? defaultForeground;
        continue;
      }
      rules.push({
        path: selector.split(/\s+/),
        foreground: normalizeColor(setting.settings.foreground),
        fontStyle: setting.settings.fontStyle,
        order,
      });
    }
  });

  function specificity(rule: ThemeRule): [number, number, number] {
    const last = rule.path[rule.path.length - 1] as string;
    return [last.split('.').length, rule.path.length - 1, rule.order];
  }

  function resolve(scopes: string[]): ResolvedStyle {
    let foreground = defaultForeground;
    let fontStyle = '';
    scopes.forEach((scope, index) => {
      const ancestors = scopes.slice(0, index);
      const matching = rules
        .filter((rule) => prefixMatches(rule.path[rule.path.length - 1] as string, scope) && parentsMatch(rule.path.slice(0, -1), ancestors))
        .sort((a, b) => {
          const [da, pa, oa] = specificity(a);
          const [db, pb, ob] = specificity(b);
          return da - db || pa - pb || oa - ob;
        });
      for (const rule of matching) {
        if (rule.foreground) {
          foreground = rule.foreground;
        }
        if (rule.fontStyle !== undefined) {
          fontStyle = rule.fontStyle.trim();
        }
      }
    });
    return { foreground, fontStyle };
  }

  return { name, settings, resolve };
}
