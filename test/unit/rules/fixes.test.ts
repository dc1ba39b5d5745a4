/** Quick fixes: applying a fix's edits and validating again removes the diagnostic it was offered for. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { parseTrace } from '../../../server/src/sip/parse';
import { validate, type SipDiagnostic } from '../../../server/src/sip/rules/engine';
import { FIXABLE_RULES, bodyLength, fixesFor, headerNameFixes, type TextEdit } from '../../../server/src/sip/fixes';
import { ruleInfo } from '../../../server/src/sip/rules/catalog';
import { CORPUS, crlf, readText } from '../helpers';
import { INVITE, SDP, message, replaceLine, sdpInvite, swap } from './ruleHelpers';

function apply(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

const ofCode = (text: string, code: string): SipDiagnostic[] => validate(parseTrace(text)).filter((d) => d.code === code);

/**
 * Fixes every `code` diagnostic of `text`, one at a time (each fix is
 * computed on the text as it is then), and returns the final text. Each fix
 * must leave one diagnostic fewer.
 */
function fixAll(text: string, code: string, title: RegExp): string {
  let current = text;
  let before = ofCode(current, code);
  assert.ok(before.length > 0, `the sample has ${code}`);
  while (before.length > 0) {
    const model = parseTrace(current);
    const fixes = fixesFor(model, before[0]);
    assert.equal(fixes.length, 1, `one fix for ${code}`);
    assert.match(fixes[0].title, title);
    assert.equal(fixes[0].isPreferred, true);
    current = apply(current, fixes[0].edits);
    const after = ofCode(current, code);
    assert.equal(after.length, before.length - 1, `the fix removes the diagnostic:\n${current}`);
    before = after;
  }
  return current;
}

const corpus = (name: string) => readText(path.join(CORPUS, 'rfc4475', name));

test('every fixable rule is in the catalogue', () => {
  for (const id of FIXABLE_RULES) assert.ok(ruleInfo(id), id);
});

test('Content-Length below the body (RFC 5118 ipv6-in-sdp): set to the body length', () => {
  const text = readText(path.join(CORPUS, 'rfc5118', 'ipv6-in-sdp.dat'));
  const fixed = fixAll(text, 'content-length-below-body', /^Set Content-Length to 251 /);
  assert.deepEqual(validate(parseTrace(fixed)), []);
});

test('Content-Length larger than the body (RFC 4475 clerr) and negative (ncl)', () => {
  assert.deepEqual(validate(parseTrace(fixAll(corpus('clerr.dat'), 'content-length-exceeds-body', /^Set Content-Length to 154 /))), []);
  assert.deepEqual(validate(parseTrace(fixAll(corpus('ncl.dat'), 'content-length-invalid', /^Set Content-Length to 152 /))), []);
});

test('Content-Length of an LF-only trace counts each LF as the CRLF it was on the wire', () => {
  const wire = Buffer.byteLength(crlf(...SDP));
  const text = sdpInvite(SDP).replace(/\r\n/g, '\n');
  const wrong = swap(text, `Content-Length: ${wire}`, 'Content-Length: 20');
  const fixed = fixAll(wrong, 'content-length-below-body', new RegExp(`^Set Content-Length to ${wire} `));
  assert.equal(fixed, text);
  assert.equal(bodyLength(parseTrace(text).messages[0]), wire);
});

test('no Content-Length fix when two headers disagree (RFC 4475 mcl01): which is right is not certain', () => {
  const text = corpus('mcl01.dat');
  const [d] = ofCode(text, 'content-length-invalid');
  assert.deepEqual(fixesFor(parseTrace(text), d), []);
});

test('CSeq method set to the request method (RFC 4475 mismatch01)', () => {
  const fixed = fixAll(corpus('mismatch01.dat'), 'cseq-method-mismatch', /^Change the CSeq method to OPTIONS$/);
  assert.match(fixed, /CSeq: 8 OPTIONS\r\n/);
  assert.deepEqual(validate(parseTrace(fixed)), []);
});

test('CSeq number of a CANCEL set to its INVITE\'s', () => {
  const cancel = replaceLine(replaceLine(INVITE, 'CSeq:', 'CSeq: 7 CANCEL'), 'INVITE', 'CANCEL sip:bob@biloxi.example.com SIP/2.0');
  const fixed = fixAll(message(INVITE) + message(cancel), 'cseq-number-mismatch', /^Use the INVITE's CSeq number 314159$/);
  assert.match(fixed, /CSeq: 314159 CANCEL/);
});

test('z9hG4bK added to an RFC 2543 branch (RFC 4475 wsinv)', () => {
  const fixed = fixAll(corpus('wsinv.dat'), 'via-branch-not-rfc3261', /magic cookie "z9hG4bK"/);
  assert.match(fixed, /;branch=z9hG4bK390skdjuw/);
  assert.deepEqual(validate(parseTrace(fixed)), []);
});

test('start-line whitespace (RFC 4475 lwsstart, trws): single spaces, no trailing blanks', () => {
  assert.match(fixAll(corpus('lwsstart.dat'), 'start-line-whitespace', /^Separate with a single space$/), /^INVITE sip:user@example\.com SIP\/2\.0\r\n/);
  assert.match(fixAll(corpus('trws.dat'), 'start-line-whitespace', /^Remove the trailing whitespace$/), /^OPTIONS sip:remote-target@example\.com SIP\/2\.0\r\n/);
});

test('"<" and ">" removed around the Request-URI (RFC 4475 ltgtruri)', () => {
  assert.match(fixAll(corpus('ltgtruri.dat'), 'request-uri-angle-brackets', /Request-URI/), /^INVITE sip:user@example\.com SIP\/2\.0\r\n/);
});

test('whitespace inside <> removed (RFC 4475 badaspec), display names quoted (baddn)', () => {
  const aspec = fixAll(corpus('badaspec.dat'), 'addr-spec-whitespace', /whitespace/);
  assert.match(aspec, /To: "Watson, Thomas" <sip:t\.watson@example\.org>\r\n/);
  assert.deepEqual(validate(parseTrace(aspec)), []);
  const dn = fixAll(corpus('baddn.dat'), 'display-name-invalid', /^Quote the display name: "/);
  assert.match(dn, /From: {4}"Bell, Alexander" <sip:a\.g\.bell@example\.com>;tag=43\r\n/);
  assert.match(dn, /To: {6}"Watson, Thomas" <sip:t\.watson@example\.org>\r\n/);
});

test('no fix for rules without a certain one, or a diagnostic outside any message', () => {
  const text = corpus('insuf.dat');
  for (const d of validate(parseTrace(text))) assert.deepEqual(fixesFor(parseTrace(text), d), [], d.code);
  assert.deepEqual(fixesFor(parseTrace('junk\n'), { code: 'cseq-method-mismatch', start: 0, end: 4 }), []);
});

test('header names: expand a compact form, compact a long one, restore the canonical spelling', () => {
  const text = corpus('wsinv.dat');
  const model = parseTrace(text);
  const at = (s: string) => text.indexOf(s) + 1;
  const titles = (offset: number) => headerNameFixes(model, offset).map((f) => f.title);
  assert.deepEqual(titles(at('\r\nv:') + 1), ['Expand "v" to Via']);
  assert.deepEqual(titles(at('MaX-fOrWaRdS')), ['Use the canonical spelling Max-Forwards']);
  assert.deepEqual(titles(at('Content-Type:')), ['Compact Content-Type to "c"']);
  assert.deepEqual(titles(at('TO :')), ['Use the canonical spelling To', 'Compact To to "t"']);
  assert.deepEqual(titles(at('NewFangledHeader')), []);
  // Every rewrite leaves a message that reads the same.
  for (const offset of [at('\r\nv:') + 1, at('MaX-fOrWaRdS'), at('Content-Type:'), at('TO :'), at('\r\nm:') + 1]) {
    for (const fix of headerNameFixes(model, offset)) {
      const rewritten = parseTrace(apply(text, fix.edits));
      assert.deepEqual(rewritten.messages[0].headers.map((h) => h.key), model.messages[0].headers.map((h) => h.key), fix.title);
      assert.deepEqual(validate(rewritten).map((d) => d.code), ['via-branch-not-rfc3261'], fix.title);
    }
  }
});

test('an invalid UTF-8 body has no certain length: no Content-Length fix', () => {
  const text = crlf(...INVITE, 'Content-Type: text/plain', 'Content-Length: 1', '', 'caf\uFFFD and more');
  const [d] = ofCode(text, 'content-length-below-body');
  assert.deepEqual(fixesFor(parseTrace(text), d), []);
});
