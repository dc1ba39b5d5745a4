// Everything the e2e tests expect of the fixtures, in one place: when a rule id,
// a range or a hover text changes, adjust it here (the fixtures are in
// test/e2e/fixtures/workspace/, copied to a temporary workspace for each run).
//
// Ranges are written as "the text `covers` on the line that starts with
// `line`", so they survive edits of other lines in the fixture.
import * as vscode from 'vscode';

/** `publisher.name` from package.json. */
export const EXTENSION_ID = 'sip-trace.sip-trace';
export const LANGUAGE_ID = 'sip';
export const RESTART_COMMAND = 'sip.restartServer';
/** `Diagnostic.source` the server sets. */
export const DIAGNOSTIC_SOURCE = 'sip';

export interface ExpectedProblem {
  code: string;
  severity: vscode.DiagnosticSeverity;
  /** The fixture line the problem is on (matched with startsWith). */
  line: string;
  /** The exact text the diagnostic's range covers, on that line. */
  covers: string;
}

export const FIXTURES = {
  /** A clean INVITE / 180 / 486 / ACK exchange; hovers and screenshots use it. */
  call: 'call.sip',
  /** Known parser problems, below in PROBLEMS. */
  problems: 'problems.sip',
  /** One problem (EDIT.problem) fixed by EDIT.replace -> EDIT.with. */
  edit: 'edit.sip',
  /** Opened after `sip.restartServer`; has AFTER_RESTART_PROBLEM. */
  afterRestart: 'after-restart.sip',
  /** A `.log` (language `log` by extension) holding SIP; switched to `sip`. */
  log: 'capture.log',
  /** Four dialogs: the outline limit test, and the screenshots (calls view, outline, code lenses). */
  calls: 'calls.sip',
  /** Screenshots only: assorted problems of two severities (Problems panel). */
  malformed: 'malformed.sip',
} as const;

export const PROBLEMS: ExpectedProblem[] = [
  { code: 'status-code-invalid', severity: vscode.DiagnosticSeverity.Error, line: 'SIP/2.0 99 Weird', covers: '99' },
  { code: 'header-missing-colon', severity: vscode.DiagnosticSeverity.Error, line: 'Max-Forwards 70', covers: 'Max-Forwards 70' },
];

export const EDIT = {
  problem: { code: 'header-missing-colon', severity: vscode.DiagnosticSeverity.Error, line: 'Expires 7200', covers: 'Expires 7200' } as ExpectedProblem,
  /** The edit replaces this text (first occurrence) ... */
  replace: 'Expires 7200',
  /** ... with this, which fixes the problem. */
  with: 'Expires: 7200',
};

export const AFTER_RESTART_PROBLEM: ExpectedProblem = {
  code: 'header-missing-colon', severity: vscode.DiagnosticSeverity.Error,
  line: 'Call-ID a84b4c76e66710', covers: 'Call-ID a84b4c76e66710@pc33.atlanta.example.com',
};

export const LOG_PROBLEM: ExpectedProblem = {
  code: 'header-missing-colon', severity: vscode.DiagnosticSeverity.Error, line: 'CSeq 1826 REGISTER', covers: 'CSeq 1826 REGISTER',
};

export interface ExpectedHover {
  fixture: string;
  /** The line (startsWith) and the token on it to hover (the middle of it). */
  line: string;
  at: string;
  /** Every string here must appear in the hover's markdown (case-insensitive). */
  mentions: string[];
}

export const HOVERS: ExpectedHover[] = [
  { fixture: FIXTURES.call, line: 'SIP/2.0 180 Ringing', at: '180', mentions: ['Ringing'] },
  { fixture: FIXTURES.call, line: 'SIP/2.0 486 Busy Here', at: '486', mentions: ['Busy Here', 'answers', 'Typical causes'] },
  { fixture: FIXTURES.call, line: 'Via: SIP/2.0/UDP pc33', at: 'Via', mentions: ['compact form', 'Mandatory in this INVITE request'] },
  { fixture: FIXTURES.call, line: 'INVITE sip:bob', at: 'INVITE', mentions: ['Starts a session', 'answered by'] },
];

/** What the screenshot scenario hovers (status code in call.sip). */
export const SCREENSHOT_HOVER: ExpectedHover = HOVERS[1];

/**
 * The color theme of the screenshots: a `workbench.colorTheme` value, and the
 * CSS class the workbench element carries once that theme is applied.
 */
export const SCREENSHOT_THEME = { setting: 'Default Dark Modern', workbenchClass: 'vscode-theme-defaults-themes-dark_modern-json' };
