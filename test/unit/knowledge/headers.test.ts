/** Header table: coverage of RFC 3261 section 20, compact forms, and "mandatory in this message". */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  HEADERS,
  describeExtensionHeader,
  headerRequirementIn,
  lookupHeader,
  mandatoryHeaderNames,
  type MessageFacts,
} from '../../../server/src/sip/knowledge/headers';
import { COMPACT_FORMS, canonicalHeaderName } from '../../../server/src/sip/knowledge/headerNames';
import { METHOD_NAMES, lookupMethod } from '../../../server/src/sip/knowledge/methods';

/** RFC 3261 sections 20.1 to 20.44, in order. */
const RFC3261_SECTION_20 = [
  'Accept', 'Accept-Encoding', 'Accept-Language', 'Alert-Info', 'Allow', 'Authentication-Info', 'Authorization',
  'Call-ID', 'Call-Info', 'Contact', 'Content-Disposition', 'Content-Encoding', 'Content-Language', 'Content-Length',
  'Content-Type', 'CSeq', 'Date', 'Error-Info', 'Expires', 'From', 'In-Reply-To', 'Max-Forwards', 'Min-Expires',
  'MIME-Version', 'Organization', 'Priority', 'Proxy-Authenticate', 'Proxy-Authorization', 'Proxy-Require',
  'Record-Route', 'Reply-To', 'Require', 'Retry-After', 'Route', 'Server', 'Subject', 'Supported', 'Timestamp', 'To',
  'Unsupported', 'User-Agent', 'Via', 'Warning', 'WWW-Authenticate',
];

test('all 44 header fields of RFC 3261 section 20 are present, citing their own subsection', () => {
  assert.equal(RFC3261_SECTION_20.length, 44);
  RFC3261_SECTION_20.forEach((name, i) => {
    const info = HEADERS.get(name.toLowerCase());
    assert.ok(info, `${name} missing`);
    assert.equal(info.name, name);
    assert.equal(info.refs[0].rfc, 3261, name);
    assert.equal(info.refs[0].section, `20.${i + 1}`, name);
  });
});

test('the common extensions are present', () => {
  for (const name of [
    'RSeq', 'RAck', 'Event', 'Subscription-State', 'Allow-Events', 'Refer-To', 'Referred-By', 'Replaces',
    'Session-Expires', 'Min-SE', 'P-Asserted-Identity', 'P-Preferred-Identity', 'Privacy', 'Reason', 'Path',
    'Service-Route', 'Identity', 'Security-Client', 'Security-Server', 'Security-Verify', 'History-Info', 'Diversion',
    'P-Charging-Vector',
  ]) {
    assert.ok(lookupHeader(name), `${name} missing`);
  }
});

test('every compact form resolves to a header entry that knows it', () => {
  for (const [letter, long] of Object.entries(COMPACT_FORMS)) {
    const info = lookupHeader(letter);
    assert.ok(info, `compact ${letter} (${long}) has no entry`);
    assert.equal(info.name, long);
    assert.equal(info.compact, letter);
    assert.ok(lookupHeader(letter.toUpperCase()), `upper-case ${letter}`);
  }
});

test('every table entry is spelled as canonicalHeaderName spells it', () => {
  for (const info of HEADERS.values()) {
    assert.equal(canonicalHeaderName(info.name.toUpperCase()).name, info.name, info.name);
  }
});

test('single-valued headers the diagnostics rely on', () => {
  for (const name of ['To', 'From', 'Call-ID', 'CSeq', 'Max-Forwards', 'Content-Length', 'Content-Type', 'Expires']) {
    assert.equal(lookupHeader(name)!.multiplicity, 'single', name);
  }
  for (const name of ['Via', 'Route', 'Record-Route', 'Contact', 'Allow', 'Supported', 'Warning', 'Reason']) {
    assert.equal(lookupHeader(name)!.multiplicity, 'list', name);
  }
});

const invite: MessageFacts = { kind: 'request', method: 'INVITE' };

test('mandatory headers of a request: the six of RFC 3261 8.1.1, plus Contact for INVITE', () => {
  assert.deepEqual(new Set(mandatoryHeaderNames({ kind: 'request', method: 'OPTIONS' })), new Set(['Call-ID', 'CSeq', 'From', 'Max-Forwards', 'To', 'Via']));
  assert.deepEqual(new Set(mandatoryHeaderNames(invite)), new Set(['Call-ID', 'Contact', 'CSeq', 'From', 'Max-Forwards', 'To', 'Via']));
  assert.ok(mandatoryHeaderNames({ kind: 'request', method: 'NOTIFY' }).includes('Subscription-State'));
  assert.ok(mandatoryHeaderNames({ kind: 'request', method: 'NOTIFY' }).includes('Event'));
  assert.ok(mandatoryHeaderNames({ kind: 'request', method: 'REFER' }).includes('Refer-To'));
  assert.ok(mandatoryHeaderNames({ kind: 'request', method: 'PRACK' }).includes('RAck'));
});

test('responses do not need Max-Forwards, but carry what the status demands', () => {
  const r405: MessageFacts = { kind: 'response', method: 'INVITE', status: 405 };
  const names = mandatoryHeaderNames(r405);
  assert.ok(!names.includes('Max-Forwards'));
  assert.ok(names.includes('Allow'));
  assert.ok(names.includes('Via'));
  assert.ok(mandatoryHeaderNames({ kind: 'response', method: 'REGISTER', status: 401 }).includes('WWW-Authenticate'));
  assert.ok(mandatoryHeaderNames({ kind: 'response', method: 'INVITE', status: 407 }).includes('Proxy-Authenticate'));
  assert.ok(mandatoryHeaderNames({ kind: 'response', method: 'INVITE', status: 420 }).includes('Unsupported'));
  assert.ok(mandatoryHeaderNames({ kind: 'response', method: 'REGISTER', status: 423 }).includes('Min-Expires'));
  assert.ok(mandatoryHeaderNames({ kind: 'response', method: 'INVITE', status: 422 }).includes('Min-SE'));
  assert.ok(mandatoryHeaderNames({ kind: 'response', method: 'INVITE', status: 200 }).includes('Contact'));
  assert.ok(!mandatoryHeaderNames({ kind: 'response', method: 'INVITE', status: 486 }).includes('Contact'));
});

test('conditional requirements are decided by the facts, and undecided without them', () => {
  // Content-Type: only with a body.
  assert.equal(headerRequirementIn('content-type', { ...invite, hasBody: true })?.level, 'mandatory');
  assert.equal(headerRequirementIn('content-type', { ...invite, hasBody: false }), undefined);
  assert.equal(headerRequirementIn('content-type', invite)?.level, 'conditional');
  // Content-Length: MUST over TCP, SHOULD over UDP.
  assert.equal(headerRequirementIn('content-length', { ...invite, transport: 'TCP' })?.level, 'mandatory');
  assert.equal(headerRequirementIn('content-length', { ...invite, transport: 'UDP' })?.level, 'recommended');
  // Contact in a 180: only when it creates an early dialog (has a To tag).
  const ringing: MessageFacts = { kind: 'response', method: 'INVITE', status: 180 };
  assert.equal(headerRequirementIn('contact', { ...ringing, toTag: true })?.level, 'mandatory');
  assert.equal(headerRequirementIn('contact', { ...ringing, toTag: false }), undefined);
  assert.equal(headerRequirementIn('contact', { kind: 'response', method: 'INVITE', status: 100, toTag: true }), undefined);
  // RSeq only in reliable provisional responses.
  assert.equal(headerRequirementIn('rseq', { ...ringing, reliable: true })?.level, 'mandatory');
  assert.equal(headerRequirementIn('rseq', { ...ringing, reliable: false }), undefined);
});

test('X- and P- headers are described as extensions, never as standard', () => {
  const x = describeExtensionHeader('X-Asterisk-HangupCause');
  assert.ok(x);
  assert.equal(x.kind, 'x-header');
  assert.match(x.text, /not standardised/);
  assert.equal(describeExtensionHeader('P-Made-Up-Header')?.kind, 'p-header');
  assert.equal(describeExtensionHeader('Foo'), undefined);
});

test('the 14 methods', () => {
  assert.deepEqual(
    [...METHOD_NAMES].sort(),
    ['ACK', 'BYE', 'CANCEL', 'INFO', 'INVITE', 'MESSAGE', 'NOTIFY', 'OPTIONS', 'PRACK', 'PUBLISH', 'REFER', 'REGISTER', 'SUBSCRIBE', 'UPDATE'],
  );
  assert.match(lookupMethod('ACK')!.notes.join(' '), /never gets a response/);
  const cancel = lookupMethod('CANCEL')!.notes.join(' ');
  assert.match(cancel, /branch/);
  assert.match(cancel, /own 200/);
  assert.equal(lookupMethod('invite')?.name, 'INVITE');
  assert.equal(lookupMethod('FOO'), undefined);
});
