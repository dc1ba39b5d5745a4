/**
 * Per-resource settings (`sip.*`), fetched from the client with
 * `workspace/configuration` and cached per document until they change.
 */
import type { Connection } from 'vscode-languageserver/node';
import { DEFAULT_VALIDATION_SETTINGS, sanitizeRuleSettings, type ValidationSettings } from './sip/rules/engine';

export interface SipSettings {
  readonly validation: ValidationSettings;
  /** `auto` or a trace format id. */
  readonly traceFormat: string;
  /** `sip.inlayHints.timing`: show `+120 ms` after start lines. */
  readonly timingHints: boolean;
}

export const DEFAULT_SETTINGS: SipSettings = { validation: DEFAULT_VALIDATION_SETTINGS, traceFormat: 'auto', timingHints: true };

interface RawSipSection {
  trace?: { format?: unknown };
  inlayHints?: { timing?: unknown };
  diagnostics?: { enable?: unknown; maxProblems?: unknown; rules?: unknown };
}

export function settingsFromSection(section: unknown): SipSettings {
  const raw = (section ?? {}) as RawSipSection;
  const d = raw.diagnostics ?? {};
  const max = typeof d.maxProblems === 'number' && Number.isFinite(d.maxProblems) && d.maxProblems >= 0
    ? Math.floor(d.maxProblems)
    : DEFAULT_VALIDATION_SETTINGS.maxProblems;
  return {
    traceFormat: typeof raw.trace?.format === 'string' ? raw.trace.format : 'auto',
    timingHints: typeof raw.inlayHints?.timing === 'boolean' ? raw.inlayHints.timing : true,
    validation: {
      enable: typeof d.enable === 'boolean' ? d.enable : true,
      maxProblems: max,
      rules: sanitizeRuleSettings(d.rules),
    },
  };
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
        .getConfiguration({ scopeUri: uri, section: 'sip' })
        .then(settingsFromSection, () => DEFAULT_SETTINGS);
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
