/** Every citation in every table is well-formed, and links point at the right RFC section. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isValidRfcRef, rfcLink, rfcUrl, type RfcRef } from '../../../server/src/sip/knowledge/rfcRef';
import { STATUS_CODES, STATUS_CLASSES, UNREGISTERED_CODES } from '../../../server/src/sip/knowledge/statusCodes';
import { METHODS } from '../../../server/src/sip/knowledge/methods';
import { HEADERS } from '../../../server/src/sip/knowledge/headers';
import { PARAMETERS } from '../../../server/src/sip/knowledge/parameters';
import { Q850_MAPPING_REF, Q850_REASON_REFS } from '../../../server/src/sip/knowledge/q850';
import { WARN_CODES } from '../../../server/src/sip/knowledge/warnCodes';
import { DYNAMIC_ENCODINGS, PAYLOAD_TYPE_REF, SDP_ATTRIBUTES, SDP_LINES } from '../../../server/src/sip/knowledge/sdp';

function allCitations(): Array<[string, RfcRef]> {
  const out: Array<[string, RfcRef]> = [];
  const add = (where: string, refs: readonly RfcRef[]) => refs.forEach((r) => out.push([where, r]));
  for (const s of STATUS_CODES.values()) add(`status ${s.code}`, [s.ref, ...s.seeAlso]);
  for (const c of Object.values(STATUS_CLASSES)) add(`class ${c.range}`, [c.ref]);
  for (const u of UNREGISTERED_CODES.values()) add(`unregistered ${u.code}`, u.refs);
  for (const m of METHODS.values()) add(`method ${m.name}`, [m.ref, ...m.seeAlso]);
  for (const h of HEADERS.values()) {
    add(`header ${h.name}`, h.refs);
    add(`header ${h.name} requirement`, h.requirements.map((r) => r.ref));
  }
  for (const p of PARAMETERS) add(`parameter ${p.name}`, p.refs);
  add('q850', [Q850_MAPPING_REF, ...Q850_REASON_REFS]);
  for (const w of WARN_CODES.values()) add(`warn ${w.code}`, [w.ref]);
  for (const l of SDP_LINES.values()) add(`sdp ${l.type}=`, [l.ref]);
  for (const a of SDP_ATTRIBUTES) add(`sdp a=${a.name}`, a.refs);
  for (const [name, e] of Object.entries(DYNAMIC_ENCODINGS)) add(`encoding ${name}`, [e.ref]);
  add('payload types', [PAYLOAD_TYPE_REF]);
  return out;
}

test('every citation in every table is well-formed', () => {
  const citations = allCitations();
  assert.ok(citations.length > 300, `only ${citations.length} citations collected`);
  for (const [where, r] of citations) {
    assert.ok(isValidRfcRef(r), `${where}: ${JSON.stringify(r)}`);
    // Sane range: SIP-era documents (RFC 768 UDP is the oldest anything here should cite).
    assert.ok(r.rfc >= 768 && r.rfc < 10000, `${where}: RFC ${r.rfc}`);
  }
});

test('the validity check rejects malformed citations', () => {
  assert.equal(isValidRfcRef({ rfc: 3261, section: '21.4.18' }), true);
  assert.equal(isValidRfcRef({ rfc: 3261, section: '8.1.3.2' }), true);
  assert.equal(isValidRfcRef({ rfc: 3261, section: 'A' }), true);
  assert.equal(isValidRfcRef({ rfc: 3261 }), true);
  assert.equal(isValidRfcRef({ rfc: 0 }), false);
  assert.equal(isValidRfcRef({ rfc: 32610 }), false);
  assert.equal(isValidRfcRef({ rfc: 3261.5 }), false);
  assert.equal(isValidRfcRef({ rfc: 3261, section: '§21.4' }), false);
  assert.equal(isValidRfcRef({ rfc: 3261, section: '21..4' }), false);
  assert.equal(isValidRfcRef({ rfc: 3261, section: '21.4.' }), false);
  assert.equal(isValidRfcRef({ rfc: 3261, section: '' }), false);
});

test('links point at the RFC Editor section anchors', () => {
  assert.equal(rfcUrl({ rfc: 3261, section: '21.4.18' }), 'https://www.rfc-editor.org/rfc/rfc3261#section-21.4.18');
  assert.equal(rfcUrl({ rfc: 3263 }), 'https://www.rfc-editor.org/rfc/rfc3263');
  assert.equal(rfcUrl({ rfc: 3261, section: 'A' }), 'https://www.rfc-editor.org/rfc/rfc3261#appendix-A');
  assert.equal(rfcLink({ rfc: 3261, section: '8.1.3.2' }), '[RFC 3261 §8.1.3.2](https://www.rfc-editor.org/rfc/rfc3261#section-8.1.3.2)');
});
