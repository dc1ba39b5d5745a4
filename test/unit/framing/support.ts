/** Shared checks for the framing tests: fixtures, model invariants, round trips. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseTrace } from '../../../server/src/sip/parse';
import { LINE_STRIDE, type SipMessage, type TraceModel } from '../../../server/src/sip/model';
import { headerValue } from '../../../server/src/sip/values';
import { REPO_ROOT } from '../helpers';

export const FIXTURES = path.join(REPO_ROOT, 'test', 'unit', 'framing', 'fixtures');

export function fixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name)).toString('utf8');
}

/** What a test says about one message. */
export interface Expected {
  readonly kind: 'request' | 'response';
  /** Method for a request, status code for a response. */
  readonly what: string | number;
  readonly timestamp: string | null;
  readonly time: number | null;
  readonly direction: 'sent' | 'received' | null;
  readonly transport: string | null;
  readonly source: string | null;
  readonly destination: string | null;
  readonly byteCount: number | null;
}

export function describe(m: SipMessage): Expected {
  return {
    kind: m.kind as 'request' | 'response',
    what: m.kind === 'request' ? m.startLine.method ?? '' : m.startLine.status ?? 0,
    timestamp: m.meta.timestamp,
    time: m.meta.time,
    direction: m.meta.direction,
    transport: m.meta.transport,
    source: m.meta.source,
    destination: m.meta.destination,
    byteCount: m.meta.byteCount,
  };
}

/** The logical lines of a message as strings. */
export function logicalLines(text: string, m: SipMessage): string[] {
  const out: string[] = [];
  for (let i = 0; i < m.lines.length; i += LINE_STRIDE) out.push(text.slice(m.lines[i], m.lines[i + 1]));
  return out;
}

/** Messages sorted, inside the text, not overlapping; lines inside their message and increasing. */
export function checkInvariants(model: TraceModel): void {
  let previousEnd = 0;
  for (const m of model.messages) {
    assert.ok(m.start >= previousEnd, `message ${m.index} starts before the previous one ends`);
    assert.ok(m.start < m.end && m.end <= model.text.length, `message ${m.index} extent`);
    previousEnd = m.end;
    let lineEnd = m.start;
    for (let i = 0; i < m.lines.length; i += LINE_STRIDE) {
      assert.ok(m.lines[i] >= lineEnd && m.lines[i] <= m.lines[i + 1] && m.lines[i + 1] <= m.end, `message ${m.index} line ${i / LINE_STRIDE} range`);
      lineEnd = m.lines[i + 1];
    }
    assert.equal(m.lines[0], m.start, 'a message starts at its first line');
  }
}

/**
 * Every message's logical lines, re-assembled as a raw CRLF message and
 * parsed with the raw framer, give the same start line, headers and body.
 */
export function checkRoundTrip(model: TraceModel): void {
  const text = model.text;
  for (const m of model.messages) {
    const lines = logicalLines(text, m);
    const rebuilt = lines.join('\r\n') + (m.bodyLine === -1 ? '\r\n' : '');
    const again = parseTrace(rebuilt, { traceFormat: 'raw' });
    assert.equal(again.messages.length, 1, `message ${m.index} re-parses as one message`);
    const r = again.messages[0];
    assert.equal(rebuilt.slice(r.startLine.start, r.startLine.end), text.slice(m.startLine.start, m.startLine.end), 'start line');
    assert.equal(r.kind, m.kind);
    assert.equal(r.startLine.method, m.startLine.method);
    assert.equal(r.startLine.status, m.startLine.status);
    assert.deepEqual(
      r.headers.map((h) => [h.name, headerValue(rebuilt, r, h)]),
      m.headers.map((h) => [h.name, headerValue(text, m, h)]),
      `message ${m.index} headers`,
    );
    const body = (t: string, x: SipMessage) => t.slice(x.bodyStart, x.bodyEnd);
    if (m.bodyLine !== -1) {
      const original = lines.slice(m.bodyLine).join('\n').replace(/\n+$/, '');
      assert.equal(body(rebuilt, r).replace(/\r\n/g, '\n'), original, `message ${m.index} body`);
    }
  }
}
