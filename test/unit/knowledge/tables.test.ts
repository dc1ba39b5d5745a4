/** Q.850 causes, warn-codes, SDP and RTP payload types, parameters. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Q850_CAUSES, lookupQ850, q850ClassOf, SIP_TO_Q850 } from '../../../server/src/sip/knowledge/q850';
import { WARN_CODES, lookupWarnCode } from '../../../server/src/sip/knowledge/warnCodes';
import { lookupPayloadType, lookupSdpAttribute, lookupSdpLine } from '../../../server/src/sip/knowledge/sdp';
import { lookupParameter } from '../../../server/src/sip/knowledge/parameters';
import { lookupStatusCode } from '../../../server/src/sip/knowledge/statusCodes';

test('Q.850 causes people quote', () => {
  assert.equal(lookupQ850(16)?.name, 'Normal call clearing');
  assert.equal(lookupQ850(17)?.name, 'User busy');
  assert.equal(lookupQ850(34)?.name, 'No circuit/channel available');
  assert.equal(lookupQ850(127)?.name, 'Interworking, unspecified');
  // Gaps in Q.850 stay gaps.
  for (const unassigned of [0, 10, 11, 12, 13, 15, 32, 33, 35, 36, 37, 45, 48, 56, 64, 112, 126]) {
    assert.equal(lookupQ850(unassigned), undefined, `${unassigned}`);
  }
  assert.equal(q850ClassOf(34), 'Resource unavailable');
  assert.equal(q850ClassOf(128), undefined);
});

test('Q.850 to SIP mapping follows RFC 3398 and points at registered codes', () => {
  assert.equal(lookupQ850(17)?.sip, 486);
  assert.equal(lookupQ850(1)?.sip, 404);
  assert.equal(lookupQ850(34)?.sip, 503);
  assert.equal(lookupQ850(16)?.sip, undefined);
  for (const c of Q850_CAUSES.values()) {
    if (c.sip !== undefined) assert.ok(lookupStatusCode(c.sip), `cause ${c.cause} -> ${c.sip}`);
    assert.ok(c.cause >= 1 && c.cause <= 127);
  }
  for (const [status, cause] of SIP_TO_Q850) {
    assert.ok(lookupStatusCode(status), `${status}`);
    assert.ok(lookupQ850(cause), `${status} -> ${cause}`);
  }
  assert.equal(SIP_TO_Q850.get(486), 17);
});

test('warn-codes of RFC 3261 section 20.43', () => {
  for (const c of [300, 301, 302, 303, 304, 305, 306, 307, 330, 331, 370, 399]) {
    const w = lookupWarnCode(c);
    assert.ok(w, `${c}`);
    assert.equal(w.ref.rfc, 3261);
    assert.equal(w.ref.section, '20.43');
  }
  assert.equal(lookupWarnCode(305)?.text, 'Incompatible media format');
  assert.equal(lookupWarnCode(380)?.text, 'SIPS Not Allowed');
  assert.equal(lookupWarnCode(380)?.ref.rfc, 5630);
  assert.equal(WARN_CODES.size, 14);
});

test('static RTP payload types of RFC 3551', () => {
  const name = (n: number) => lookupPayloadType(n)?.encoding;
  assert.equal(name(0), 'PCMU');
  assert.equal(name(3), 'GSM');
  assert.equal(name(8), 'PCMA');
  assert.equal(name(9), 'G722');
  assert.equal(name(13), 'CN');
  assert.equal(name(18), 'G729');
  assert.equal(name(34), 'H263');
  assert.equal(lookupPayloadType(9)?.clockRate, 8000, 'G.722 uses an 8000 RTP clock despite 16 kHz sampling');
  for (const n of [5, 6, 16, 17]) assert.equal(name(n), 'DVI4', `${n}`);
  for (const n of [1, 2, 19]) assert.equal(lookupPayloadType(n)?.status, 'reserved', `${n}`);
  for (const n of [20, 24, 27, 29, 30, 35, 95]) assert.equal(lookupPayloadType(n)?.status, 'unassigned', `${n}`);
  for (const n of [72, 76]) assert.equal(lookupPayloadType(n)?.status, 'reserved', `${n}`);
  for (const n of [96, 101, 127]) assert.equal(lookupPayloadType(n)?.status, 'dynamic', `${n}`);
  assert.equal(lookupPayloadType(128), undefined);
});

test('SDP line types and attributes cite RFC 8866 where defined there', () => {
  for (const t of ['v', 'o', 's', 'i', 'u', 'e', 'p', 'c', 'b', 't', 'r', 'z', 'k', 'a', 'm']) {
    assert.equal(lookupSdpLine(t)?.ref.rfc, 8866, t);
  }
  assert.equal(lookupSdpLine('m')?.ref.section, '5.14');
  assert.ok(lookupSdpLine('k')?.obsolete);
  for (const a of ['rtpmap', 'fmtp', 'sendrecv', 'sendonly', 'recvonly', 'inactive', 'ptime', 'maxptime']) {
    assert.equal(lookupSdpAttribute(a)?.refs[0].rfc, 8866, a);
  }
  for (const a of ['rtcp', 'rtcp-mux', 'ice-ufrag', 'ice-pwd', 'candidate', 'fingerprint', 'setup', 'crypto', 'mid', 'group', 'ssrc']) {
    assert.ok(lookupSdpAttribute(a), a);
  }
  assert.ok(lookupSdpAttribute('t38faxversion'), 'T.38 attributes are found case-insensitively');
});

test('parameters resolve by header first, then as URI parameters', () => {
  assert.equal(lookupParameter('via', 'branch')?.refs[0].section, '8.1.1.7');
  assert.equal(lookupParameter('via', 'rport')?.refs[0].rfc, 3581);
  assert.equal(lookupParameter('to', 'tag')?.refs[0].section, '19.3');
  assert.equal(lookupParameter('contact', 'expires')?.scope[0], 'contact');
  assert.equal(lookupParameter('subscription-state', 'expires')?.scope[0], 'subscription-state');
  assert.equal(lookupParameter('contact', 'ob')?.refs[0].rfc, 5626);
  assert.equal(lookupParameter('contact', 'gr')?.refs[0].rfc, 5627);
  assert.equal(lookupParameter('contact', 'transport')?.scope[0], 'uri');
  // Via maddr and URI maddr are different things.
  assert.equal(lookupParameter('via', 'maddr')?.refs[0].section, '18.2.2');
  assert.equal(lookupParameter('contact', 'maddr', true)?.refs[0].section, '19.1.1');
  assert.equal(lookupParameter('via', 'no-such-param'), undefined);
  assert.equal(lookupParameter('contact', 'rinstance')?.status, 'non-standard');
});
