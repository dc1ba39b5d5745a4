/** Request-URI, URI syntax shared by every header, and status codes. */
import { INVITE, message, replaceLine, request, response, ruleCases } from './ruleHelpers';

const options = (uri: string) => message(request('OPTIONS', [], uri));
const withTo = (to: string) => message(replaceLine(request('OPTIONS'), 'To:', `To: ${to}`));
const withVia = (via: string) => message(replaceLine(INVITE, 'Via:', `Via: ${via}`));

ruleCases([
  { rule: 'request-uri-whitespace', bad: options('sip:bob@biloxi.example.com; lr'), covers: ' ', good: options('sip:bob@biloxi.example.com;lr') },
  {
    rule: 'request-uri-angle-brackets', bad: options('<sip:bob@biloxi.example.com>'), covers: '<sip:bob@biloxi.example.com>',
    good: options('sip:bob@biloxi.example.com'), name: 'RFC 4475 ltgtruri',
  },
  { rule: 'request-uri-headers', bad: options('sip:bob@biloxi.example.com?Subject=hi'), covers: '?Subject=hi', good: options('sip:bob@biloxi.example.com;Subject=hi') },
  { rule: 'uri-scheme-invalid', bad: withTo('<_sip:bob@biloxi.example.com>'), covers: '_sip:bob@biloxi.example.com', good: withTo('<sip:bob@biloxi.example.com>') },
  { rule: 'uri-scheme-invalid', name: 'a Request-URI without scheme', bad: options('bob@biloxi.example.com'), covers: 'bob@biloxi.example.com', good: options('sip:bob@biloxi.example.com') },
  { rule: 'uri-character-invalid', bad: withTo('<sip:bob^smith@biloxi.example.com>'), covers: '^', good: withTo('<sip:bob-smith@biloxi.example.com>') },
  { rule: 'uri-character-invalid', name: 'in a URI parameter', bad: options('sip:bob@biloxi.example.com;x=a"b'), covers: '"', good: options('sip:bob@biloxi.example.com;x=a-b') },
  { rule: 'uri-escape-invalid', bad: withTo('<sip:bob%2G@biloxi.example.com>'), covers: '%2G', good: withTo('<sip:bob%2F@biloxi.example.com>') },
  { rule: 'host-invalid', bad: withTo('<sip:bob@biloxi!example.com>'), covers: '!', good: withTo('<sip:bob@biloxi.example.com>') },
  { rule: 'port-invalid', bad: withTo('<sip:bob@biloxi.example.com:65536>'), covers: '65536', good: withTo('<sip:bob@biloxi.example.com:65535>') },
  { rule: 'port-invalid', name: 'in a Via sent-by', bad: withVia('SIP/2.0/UDP pc33.atlanta.example.com:5o60;branch=z9hG4bK1'), covers: '5o60', good: withVia('SIP/2.0/UDP pc33.atlanta.example.com:5060;branch=z9hG4bK1') },
  {
    rule: 'ipv6-reference-unbracketed', name: 'RFC 5118 section 4.2', bad: options('sip:2001:db8::10'), covers: '2001:db8::10',
    good: options('sip:[2001:db8::10]'),
  },
  {
    rule: 'ipv6-reference-invalid', name: 'RFC 5118 section 4.10: three colons', bad: withTo('<sip:bob@[2001:db8:::192.0.2.1]>'),
    covers: '[2001:db8:::192.0.2.1]', good: withTo('<sip:bob@[2001:db8::192.0.2.1]>'),
  },
  { rule: 'status-code-unregistered', bad: message(response('499 Odd')), covers: '499', good: message(response('489 Odd')) },
]);
