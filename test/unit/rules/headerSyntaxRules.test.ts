/** Header syntax: address headers, parameters, Via, Content-Type, empty values, duplicates. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { INVITE, diagnose, message, replaceLine, request, ruleCases, summary } from './ruleHelpers';

const withHeader = (prefix: string, line: string) => message(replaceLine(INVITE, prefix, line));
const plus = (...extra: string[]) => message([...INVITE, ...extra]);

ruleCases([
  { rule: 'header-value-empty', bad: withHeader('Call-ID:', 'Call-ID:'), covers: 'Call-ID:', good: withHeader('Call-ID:', 'Call-ID: x') },
  {
    rule: 'quoted-string-unterminated', name: 'RFC 4475 quotbal: the display name', bad: withHeader('To:', 'To: "Bob <sip:bob@biloxi.example.com>'),
    covers: '"Bob <sip:bob@biloxi.example.com>', good: withHeader('To:', 'To: "Bob"<sip:bob@biloxi.example.com>'),
  },
  {
    rule: 'quoted-string-unterminated', name: 'a quoted parameter value', bad: withHeader('Contact:', 'Contact: <sip:alice@pc33.atlanta.example.com>;+sip.instance="<urn:x>'),
    covers: '"<urn:x>', good: withHeader('Contact:', 'Contact: <sip:alice@pc33.atlanta.example.com>;+sip.instance="<urn:x>"'),
  },
  {
    rule: 'angle-bracket-unclosed', bad: withHeader('To:', 'To: Bob <sip:bob@biloxi.example.com'), covers: '<sip:bob@biloxi.example.com',
    good: withHeader('To:', 'To: Bob <sip:bob@biloxi.example.com>'),
  },
  {
    rule: 'display-name-invalid', name: 'RFC 4475 baddn', bad: withHeader('To:', 'To: Bob, Jr <sip:bob@biloxi.example.com>'), covers: 'Bob, Jr',
    good: withHeader('To:', 'To: Bob. Jr <sip:bob@biloxi.example.com>'),
  },
  {
    rule: 'addr-spec-needs-angle-brackets', name: 'RFC 4475 regbadct: "?" outside <>', bad: withHeader('Contact:', 'Contact: sip:alice@pc33.atlanta.example.com?Subject=x'),
    covers: '?Subject=x', good: withHeader('Contact:', 'Contact: sip:alice@pc33.atlanta.example.com;Subject=x'),
  },
  {
    rule: 'addr-spec-needs-angle-brackets', name: 'a ";" in the user part outside <>', bad: withHeader('To:', 'To: sip:bob;x=1@biloxi.example.com'),
    covers: ';x=1', good: withHeader('To:', 'To: sip:bob.x=1@biloxi.example.com'),
  },
  {
    rule: 'addr-spec-needs-angle-brackets', name: 'Route takes name-addr only', bad: plus('Route: sip:p1.example.com;lr'),
    covers: 'sip:p1.example.com;lr', good: plus('Route: <sip:p1.example.com;lr>'),
  },
  {
    rule: 'addr-spec-whitespace', name: 'RFC 4475 badaspec', bad: withHeader('To:', 'To: Bob < sip:bob@biloxi.example.com>'), covers: ' ',
    good: withHeader('To:', 'To: Bob <sip:bob@biloxi.example.com>'),
  },
  {
    rule: 'param-empty', name: 'RFC 4475 badinv01', bad: withHeader('Contact:', 'Contact: <sip:alice@pc33.atlanta.example.com>;;expires=60'), covers: ';',
    good: withHeader('Contact:', 'Contact: <sip:alice@pc33.atlanta.example.com>;expires=60'),
  },
  {
    rule: 'param-empty', name: 'in a URI', bad: withHeader('Contact:', 'Contact: <sip:alice@pc33.atlanta.example.com;;lr>'), covers: ';',
    good: withHeader('Contact:', 'Contact: <sip:alice@pc33.atlanta.example.com;lr>'),
  },
  {
    rule: 'param-value-missing', bad: withHeader('From:', 'From: Alice <sip:alice@atlanta.example.com>;tag='), covers: 'tag=',
    good: withHeader('From:', 'From: Alice <sip:alice@atlanta.example.com>;tag=1'),
  },
  {
    rule: 'param-value-missing', name: 'a tag without "=value"', bad: withHeader('From:', 'From: Alice <sip:alice@atlanta.example.com>;tag'), covers: 'tag',
    good: withHeader('From:', 'From: Alice <sip:alice@atlanta.example.com>;tag=1'),
  },
  {
    rule: 'param-value-missing', name: 'a Via branch without "=value"', bad: withHeader('Via:', 'Via: SIP/2.0/UDP pc33.atlanta.example.com;branch'), covers: 'branch',
    good: withHeader('Via:', 'Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK1'),
  },
  {
    rule: 'param-value-missing', name: 'a URI transport without "=value"', bad: withHeader('Contact:', 'Contact: <sip:alice@pc33.atlanta.example.com;transport>'), covers: 'transport',
    good: withHeader('Contact:', 'Contact: <sip:alice@pc33.atlanta.example.com;transport=tcp>'),
  },
  {
    rule: 'header-value-syntax', bad: withHeader('To:', 'To: Bob <sip:bob@biloxi.example.com> x'), covers: 'x',
    good: withHeader('To:', 'To: Bob <sip:bob@biloxi.example.com>;x'),
  },
  { rule: 'header-duplicate', name: 'RFC 4475 multi01', bad: plus('Max-Forwards: 69'), covers: 'Max-Forwards: 69', good: plus('Max-Forwardz: 69') },
  { rule: 'content-type-invalid', bad: plus('Content-Type: application sdp'), covers: 'application', good: plus('Content-Type: application/sdp') },
  {
    rule: 'via-sent-protocol-invalid', name: 'RFC 4475 badvers in Via', bad: withHeader('Via:', 'Via: SIP/2.1/UDP pc33.atlanta.example.com;branch=z9hG4bK1'),
    covers: 'SIP/2.1', good: withHeader('Via:', 'Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK1'),
  },
]);

test('folded values: the range lands on the exact characters across the fold', () => {
  const text = message([...replaceLine(INVITE, 'Contact:', 'Contact: <sip:alice@pc33.atlanta.example.com>'), '  ;expires=60;', '  ;q=0.5']);
  assert.deepEqual(summary(text), ['param-empty [;]']);
  const [d] = diagnose(text);
  assert.equal(d.start, text.indexOf('60;') + 2, 'the ";" at the end of the first continuation line');
});

test('RFC 4475 wsinv: LWS, folding, escapes and odd spacing everywhere are all valid', () => {
  const text = [
    'INVITE sip:vivekg@chair-dnrc.example.com;unknownparam SIP/2.0',
    'TO :', ' sip:vivekg@chair-dnrc.example.com ;   tag    = 1918181833n',
    'from   : "J Rosenberg \\\\\\""       <sip:jdrosen@example.com>', '  ;', '  tag = 98asjd8',
    'MaX-fOrWaRdS: 0068', 'Call-ID: wsinv.ndaksdj@192.0.2.1', 'cseq: 0009', '  INVITE',
    'Via  : SIP  /   2.0', ' /UDP', '    192.0.2.2;branch=z9hG4bK390skdjuw',
    'v:  SIP  / 2.0  / TCP     spindle.example.com   ;', '  branch  =   z9hG4bK9ikj8  ,', ' SIP  /    2.0   / UDP  192.168.255.111   ; branch=', ' z9hG4bK30239',
    'm:"Quoted string \\"\\"" <sip:jdrosen@example.com> ; newparam =', '      newvalue ;', '  secondparam ; q = 0.33',
    'Content-Length: 0', '', '',
  ].join('\r\n');
  assert.deepEqual(summary(text), []);
});

test('a parameter-laden request with many address headers is clean', () => {
  const text = message(request('REFER', [
    'Contact: "Alice \\"A\\"" <sip:alice@[2001:db8::1]:5061;transport=tls>;expires=3600;q=0.7;+sip.instance="<urn:uuid:1>"',
    'Record-Route: <sip:p1.example.com;lr>, <sip:p2.example.com;lr;ftag=x>',
    'Refer-To: <sip:carol@example.com?Replaces=abc%40h%3Bto-tag%3D1%3Bfrom-tag%3D2>',
    'Referred-By: sip:alice@atlanta.example.com',
    'P-Asserted-Identity: "Alice" <sip:alice@atlanta.example.com>, <tel:+15551234567>',
    'Content-Type: message/sipfrag;version=2.0',
  ]));
  assert.deepEqual(summary(text), []);
});
