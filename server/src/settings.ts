/**
 * Per-resource settings (`sip.*`), fetched from the client with
 * `workspace/configuration` and cached per document until they change.
 */
import type { Connection } from 'vscode-languageserver/node';
import { DEFAULT_VALIDATION_SETTINGS, sanitizeRuleSettings, type ValidationSettings } from './sip/rules/engine';
import { DEFAULT_OUTLINE_ITEMS } from './sip/features/outline';

export interface SipSettings {
  readonly validation: ValidationSettings;
  /** `auto` or a trace format id. */
  readonly traceFormat: string;
  /** `sip.inlayHints.timing`: show `+120 ms` after start lines. */
  readonly timingHints: boolean;
  /** `sip.outline.maxItems`: most document symbols per trace (see `outline`). */
  readonly outlineItems: number;
  /**
   * `editor.foldingMaximumRegions` for the document, where the client has
   * that setting (VS Code): the most folding ranges its editor keeps. VS
   * Code's language client announces a `rangeLimit` of 5,000 whatever the
   * user set, so this setting comes first.
   */
  readonly foldingRegions: number | null;
}

export const DEFAULT_SETTINGS: SipSettings = {
  validation: DEFAULT_VALIDATION_SETTINGS, traceFormat: 'auto', timingHints: true, outlineItems: DEFAULT_OUTLINE_ITEMS, foldingRegions: null,
};

interface RawSipSection {
  trace?: { format?: unknown };
  outline?: { maxItems?: unknown };
  inlayHints?: { timing?: unknown };
  diagnostics?: { enable?: unknown; maxProblems?: unknown; rules?: unknown };
}

/** The settings from the `sip` section and, when the client has it, `editor.foldingMaximumRegions`. */
export function settingsFromSection(section: unknown, foldingRegions?: unknown): SipSettings {
  const raw = (section ?? {}) as RawSipSection;
  const d = raw.diagnostics ?? {};
  const max = countSetting(d.maxProblems, DEFAULT_VALIDATION_SETTINGS.maxProblems);
  return {
    traceFormat: typeof raw.trace?.format === 'string' ? raw.trace.format : 'auto',
    timingHints: typeof raw.inlayHints?.timing === 'boolean' ? raw.inlayHints.timing : true,
    outlineItems: countSetting(raw.outline?.maxItems, DEFAULT_OUTLINE_ITEMS),
    foldingRegions: countOrNull(foldingRegions),
    validation: {
      enable: typeof d.enable === 'boolean' ? d.enable : true,
      maxProblems: max,
      rules: sanitizeRuleSettings(d.rules),
    },
  };
}

/** A count the user set (a finite number, 0 or more, rounded down), else null. */
function countOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.floor(value) : null;
}

function countSetting(value: unknown, fallback: number): number {
  return countOrNull(value) ?? fallback;
}

export class SettingsCache {
  private readonly perDocument = new Map<string, Promise<SipSettings>>();
  /** Used when the client cannot answer `workspace/configuration`. */
  private global: SipSettings = DEFAULT_SETTINGS;

  constructor(private readonly connection: Connection, private readonly clientHasConfiguration: () => boolean) {}

  get(uri: string): Promise<SipSettings> {
    if (!this.clientHasConfiguration()) return Promise.resolve(this.global);
    let settings = this.perDocument.get(uri);
    if (settings === undefined) {
      settings = this.connection.workspace
        .getConfiguration([{ scopeUri: uri, section: 'sip' }, { scopeUri: uri, section: 'editor.foldingMaximumRegions' }])
        .then(([sip, foldingRegions]: unknown[]) => settingsFromSection(sip, foldingRegions), () => DEFAULT_SETTINGS);
      this.perDocument.set(uri, settings);
    }
    return settings;
  }

  /** Settings changed: forget them all (and take pushed settings for clients without pull). */
  reset(pushed?: unknown): void {
    this.perDocument.clear();
    if (pushed !== undefined) this.global = settingsFromSection((pushed as { sip?: unknown })?.sip);
  }

  forget(uri: string): void {
    this.perDocument.delete(uri);
  }
}
