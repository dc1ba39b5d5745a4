/**
 * Conformance on the torture corpora: every RFC 4475 and RFC 5118 message,
 * what the RFC says of it, and exactly which rules it gets.
 *
 * - invalid: the RFC calls it malformed or says an element should answer
 *   400 Bad Request. It must get at least one error, among them the rule
 *   that names its flaw.
 * - valid: well-formed (RFC 4475 section 3.1.1), semantically odd but
 *   well-formed (3.2, 3.3), backward compatible (3.4), or accepted by RFC
 *   5118. It must get no error; warnings and information only where the
 *   message really has the flaw, and the reason is written next to it.
 *
 * The set of rule ids each file gets is asserted exactly, so a new false
 * alarm on any of these files fails here.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { parseTrace } from '../../../server/src/sip/parse';
import { validate } from '../../../server/src/sip/rules/engine';
import { ruleInfo } from '../../../server/src/sip/rules/catalog';
import { corpusFiles, readText } from '../helpers';

interface Expectation {
  readonly valid: boolean;
  /** Where the RFC discusses the message. */
  readonly section: string;
  /** Exactly the rule ids reported for the file. */
  readonly rules: readonly string[];
  /** Why a valid file gets a warning or information (the flaw is real). */
  readonly why?: string;
}

const RFC4475: Readonly<Record<string, Expectation>> = {
  // 3.1.1 Valid messages.
  'wsinv.dat': { valid: true, section: 'RFC 4475 3.1.1.1', rules: ['via-branch-not-rfc3261'], why: 'the top Via branch "390skdjuw" has no z9hG4bK cookie: an RFC 2543 transaction (information)' },
  'intmeth.dat': { valid: true, section: 'RFC 4475 3.1.1.2', rules: [] },
  'esc01.dat': { valid: true, section: 'RFC 4475 3.1.1.3', rules: [] },
  'escnull.dat': { valid: true, section: 'RFC 4475 3.1.1.4', rules: [] },
  'esc02.dat': { valid: true, section: 'RFC 4475 3.1.1.5', rules: [] },
  'lwsdisp.dat': { valid: true, section: 'RFC 4475 3.1.1.6', rules: [] },
  'longreq.dat': { valid: true, section: 'RFC 4475 3.1.1.7', rules: ['via-branch-missing'], why: 'the top Via "SIP/2.0/TCP sip33.example.com" has no branch at all' },
  'dblreq.dat': {
    valid: true, section: 'RFC 4475 3.1.1.8', rules: ['content-length-below-body', 'contact-missing', 'sdp-line-invalid'],
    why: 'the trailing octets look like an INVITE whose Content-Length (150) is below its body, which has no Contact, and whose SDP has "m =video"',
  },
  'semiuri.dat': { valid: true, section: 'RFC 4475 3.1.1.9', rules: [] },
  'transports.dat': { valid: true, section: 'RFC 4475 3.1.1.10', rules: [] },
  'mpart01.dat': { valid: true, section: 'RFC 4475 3.1.1.11', rules: [] },
  'unreason.dat': { valid: true, section: 'RFC 4475 3.1.1.12', rules: [] },
  'noreason.dat': { valid: true, section: 'RFC 4475 3.1.1.13', rules: [] },
  // 3.1.2 Invalid messages.
  'badinv01.dat': { valid: false, section: 'RFC 4475 3.1.2.1', rules: ['param-empty'] },
  'clerr.dat': { valid: false, section: 'RFC 4475 3.1.2.2', rules: ['content-length-exceeds-body'] },
  'ncl.dat': { valid: false, section: 'RFC 4475 3.1.2.3', rules: ['content-length-invalid'] },
  'scalar02.dat': { valid: false, section: 'RFC 4475 3.1.2.4', rules: ['cseq-invalid', 'max-forwards-invalid', 'expires-invalid'] },
  'scalarlg.dat': {
    valid: false, section: 'RFC 4475 3.1.2.5', rules: ['cseq-invalid', 'retry-after-invalid', 'warning-header-invalid', 'to-tag-missing'],
    why: 'also a 503 without To tag',
  },
  'quotbal.dat': { valid: false, section: 'RFC 4475 3.1.2.6', rules: ['quoted-string-unterminated'] },
  'ltgtruri.dat': { valid: false, section: 'RFC 4475 3.1.2.7', rules: ['request-uri-angle-brackets', 'via-branch-missing'], why: 'also a Via without branch' },
  'lwsruri.dat': { valid: false, section: 'RFC 4475 3.1.2.8', rules: ['request-uri-whitespace'] },
  'lwsstart.dat': { valid: false, section: 'RFC 4475 3.1.2.9', rules: ['start-line-whitespace'] },
  'trws.dat': { valid: false, section: 'RFC 4475 3.1.2.10', rules: ['start-line-whitespace'] },
  'escruri.dat': { valid: false, section: 'RFC 4475 3.1.2.11', rules: ['request-uri-headers'] },
  'baddate.dat': { valid: false, section: 'RFC 4475 3.1.2.12', rules: ['date-invalid'] },
  'regbadct.dat': { valid: false, section: 'RFC 4475 3.1.2.13', rules: ['addr-spec-needs-angle-brackets'] },
  'badaspec.dat': { valid: false, section: 'RFC 4475 3.1.2.14', rules: ['addr-spec-whitespace'] },
  'baddn.dat': { valid: false, section: 'RFC 4475 3.1.2.15', rules: ['display-name-invalid'] },
  'badvers.dat': { valid: false, section: 'RFC 4475 3.1.2.16', rules: ['sip-version-invalid', 'via-sent-protocol-invalid'] },
  'mismatch01.dat': { valid: false, section: 'RFC 4475 3.1.2.17', rules: ['cseq-method-mismatch'] },
  'mismatch02.dat': { valid: false, section: 'RFC 4475 3.1.2.18', rules: ['cseq-method-mismatch', 'sdp-line-missing'], why: 'also SDP without s= and t=' },
  'bigcode.dat': { valid: false, section: 'RFC 4475 3.1.2.19', rules: ['status-code-invalid'] },
  // 3.2 Transaction layer: a parser must accept it; an element may reject it.
  'badbranch.dat': { valid: true, section: 'RFC 4475 3.2.1', rules: ['via-branch-cookie-only'], why: 'the branch is the bare cookie "z9hG4bK"' },
  // 3.3 Application layer.
  'insuf.dat': { valid: false, section: 'RFC 4475 3.3.1 (respond 400)', rules: ['mandatory-header-missing', 'max-forwards-missing', 'contact-missing'] },
  'unkscm.dat': { valid: true, section: 'RFC 4475 3.3.2', rules: [] },
  'novelsc.dat': { valid: true, section: 'RFC 4475 3.3.3', rules: [] },
  'unksm2.dat': { valid: true, section: 'RFC 4475 3.3.4', rules: [] },
  'bext01.dat': { valid: true, section: 'RFC 4475 3.3.5', rules: [] },
  'invut.dat': { valid: true, section: 'RFC 4475 3.3.6', rules: [] },
  'regaut01.dat': { valid: true, section: 'RFC 4475 3.3.7', rules: [] },
  'multi01.dat': { valid: false, section: 'RFC 4475 3.3.8 (respond 400)', rules: ['header-duplicate'] },
  'mcl01.dat': { valid: false, section: 'RFC 4475 3.3.9 (respond 400)', rules: ['content-length-invalid'] },
  'bcast.dat': { valid: true, section: 'RFC 4475 3.3.10', rules: [] },
  'zeromf.dat': { valid: true, section: 'RFC 4475 3.3.11', rules: [] },
  'cparam01.dat': { valid: true, section: 'RFC 4475 3.3.12', rules: [] },
  'cparam02.dat': { valid: true, section: 'RFC 4475 3.3.13', rules: [] },
  'regescrt.dat': { valid: true, section: 'RFC 4475 3.3.14', rules: [] },
  'sdp01.dat': { valid: true, section: 'RFC 4475 3.3.15', rules: [] },
  // 3.4 Backward compatibility: an RFC 2543 INVITE that RFC 3261 elements should accept.
  'inv2543.dat': {
    valid: true, section: 'RFC 4475 3.4.1', rules: ['via-branch-missing', 'from-tag-missing', 'max-forwards-missing', 'contact-missing'],
    why: 'RFC 2543 style: no branch, no From tag, no Max-Forwards, no Contact; each a warning',
  },
  // Shipped in the RFC's archive but described nowhere: no version, "Foobar roobar" has no colon, To/From without scheme.
  'test.dat': {
    valid: false, section: 'RFC 4475 appendix B archive (RFC 3261 sections 7.1 and 7.3)',
    rules: ['sip-version-invalid', 'uri-scheme-invalid', 'header-missing-colon', 'sdp-line-missing', 'sdp-line-invalid'],
  },
};

const RFC5118: Readonly<Record<string, Expectation>> = {
  'ipv6-good.dat': { valid: true, section: 'RFC 5118 4.1', rules: [] },
  'ipv6-bad.dat': { valid: false, section: 'RFC 5118 4.2', rules: ['ipv6-reference-unbracketed'] },
  'port-ambiguous.dat': { valid: true, section: 'RFC 5118 4.3', rules: [] },
  'port-unambiguous.dat': { valid: true, section: 'RFC 5118 4.4', rules: [] },
  'via-received-param-with-delim.dat': { valid: true, section: 'RFC 5118 4.5 (be liberal: accept the brackets)', rules: [] },
  'via-received-param-no-delim.dat': { valid: true, section: 'RFC 5118 4.5', rules: [] },
  'ipv6-in-sdp.dat': { valid: true, section: 'RFC 5118 4.6', rules: ['content-length-below-body'], why: 'Content-Length 241 is below the 249-byte body' },
  'mult-ip-in-header.dat': { valid: true, section: 'RFC 5118 4.7', rules: [] },
  'mult-ip-in-sdp.dat': {
    valid: true, section: 'RFC 5118 4.8', rules: ['content-length-below-body', 'sdp-session-name-empty'],
    why: 'Content-Length 181 is below the 187-byte body; the SDP has an empty "s=" (RFC 8866 section 5.3)',
  },
  'ipv4-mapped-ipv6.dat': { valid: true, section: 'RFC 5118 4.9', rules: ['content-length-below-body'], why: 'Content-Length 236 is below the 243-byte body' },
  'ipv6-bug-abnf-3-colons.dat': { valid: false, section: 'RFC 5118 4.10', rules: ['ipv6-reference-invalid'] },
  'ipv6-correct-abnf-2-colons.dat': { valid: true, section: 'RFC 5118 4.10', rules: [] },
};

function check(subdir: string, table: Readonly<Record<string, Expectation>>): void {
  const files = corpusFiles(subdir);
  test(`${subdir}: the table covers every file of the corpus, and nothing else`, () => {
    assert.deepEqual(files.map((f) => path.basename(f)).sort(), Object.keys(table).sort());
  });
  for (const file of files) {
    const name = path.basename(file);
    const e = table[name];
    if (e === undefined) continue;
    test(`${subdir}/${name}: ${e.valid ? 'valid' : 'invalid'} (${e.section})`, () => {
      const diagnostics = validate(parseTrace(readText(file)));
      const codes = [...new Set(diagnostics.map((d) => d.code))].sort();
      assert.deepEqual(codes, [...e.rules].sort(), diagnostics.map((d) => `${d.code}: ${d.message}`).join('\n'));
      const errors = diagnostics.filter((d) => d.severity === 'error');
      if (e.valid) {
        assert.deepEqual(errors.map((d) => d.code), [], 'a valid message gets no error');
        if (e.rules.length > 0) assert.ok(e.why, 'a warning on a valid file says which real flaw it reports');
      } else {
        assert.ok(errors.length > 0, 'an invalid message gets at least one error');
        assert.ok(e.rules.some((id) => ruleInfo(id)?.severity === 'error' && errors.some((d) => d.code === id)), 'one of its rules reports it as an error');
      }
    });
  }
}

check('rfc4475', RFC4475);
check('rfc5118', RFC5118);

test('the figures: 50 + 12 files, and how many are valid', () => {
  const all = [...Object.values(RFC4475), ...Object.values(RFC5118)];
  assert.equal(all.length, 62);
  assert.equal(Object.values(RFC4475).filter((e) => e.valid).length, 27);
  assert.equal(Object.values(RFC4475).filter((e) => !e.valid).length, 23);
  assert.equal(Object.values(RFC5118).filter((e) => e.valid).length, 10);
  assert.equal(Object.values(RFC5118).filter((e) => !e.valid).length, 2);
});
