/**
 * What a user sees, pinned element by element: each test tokenizes a fixture
 * and asserts the scope of the tokens that matter. The baselines record every
 * token; these tests say which ones are the point.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import type { IGrammar } from 'vscode-textmate';
import { FIXTURES_DIR, hasScope, loadGrammar, TokenizedLine, tokenizeText } from './harness';
import { assertLineLacks, assertScope, assertWholeLine, lineWith, token } from './scopeAssertions';

let sip: IGrammar;

function fixture(name: string): TokenizedLine[] {
  return tokenizeText(sip, fs.readFileSync(path.join(FIXTURES_DIR, name), 'utf8'));
}

before(async () => {
  sip = await loadGrammar('source.sip');
});

describe('request line', () => {
  it('scopes every RFC 3261 method as a method, and unknown methods as extension methods', () => {
    const lines = fixture('request-lines.sip');
    for (const method of ['INVITE', 'ACK', 'BYE', 'CANCEL', 'OPTIONS', 'REGISTER', 'PRACK', 'SUBSCRIBE', 'NOTIFY', 'PUBLISH', 'INFO', 'REFER', 'MESSAGE', 'UPDATE']) {
      assertScope(lines, `${method} sip`, method, 'support.function.method.sip');
    }
    assertScope(lines, 'NEWMETHOD sip', 'NEWMETHOD', 'support.function.method.extension.sip');
    assertScope(lines, 'RE%47IST%45R sip', 'RE%47IST%45R', 'support.function.method.extension.sip');
  });

  it('splits the Request-URI into scheme, user, password, host, port, parameters and headers', () => {
    const lines = fixture('request-lines.sip');
    const bye = 'BYE sips:bob:secret@[2001:db8::4]:5061';
    assertScope(lines, bye, 'sips', 'constant.language.uri-scheme.sip');
    assertScope(lines, bye, 'bob', 'variable.other.user.sip');
    assertScope(lines, bye, 'secret', 'variable.other.password.sip');
    assertScope(lines, bye, '2001:db8::4', 'constant.numeric.ipv6.sip');
    assertScope(lines, bye, '5061', 'constant.numeric.port.sip');
    assertScope(lines, bye, 'maddr', 'variable.parameter.sip');
    assertScope(lines, bye, '198.51.100.7', 'constant.numeric.ipv4.sip');
    assertScope(lines, bye, 'SIP/2.0', 'constant.language.sip-version.sip');
    const withHeaders = 'sip:user@example.com?Route=';
    assertScope(lines, withHeaders, 'Route', 'variable.parameter.uri-header.sip');
    assertScope(lines, withHeaders, '%3Csip:example.com%3E', 'constant.other.uri-header-value.sip');
    assertScope(lines, withHeaders, '&', 'punctuation.separator.uri-headers.sip');
    assertScope(lines, 'ACK sip:bob@192.0.2.4:5060', '192.0.2.4', 'constant.numeric.ipv4.sip');
    assertScope(lines, 'INVITE sip:bob@biloxi', 'biloxi.example.com', 'entity.name.host.sip');
  });

  it('keeps odd but real request lines recognisable', () => {
    const lines = fixture('request-lines.sip');
    assertScope(lines, 'INVITE <sip:user@example.com>', '<', 'punctuation.definition.uri.begin.sip');
    assertScope(lines, 'sip:user@example.com; lr', 'lr', 'variable.parameter.sip');
    assertScope(lines, 'soap.beep://', 'soap.beep', 'constant.language.uri-scheme.sip');
    assertScope(lines, 'REGISTER sip:2001:db8::10', '2001:db8::10', 'constant.numeric.ipv6.sip');
    assertScope(lines, '   INVITE sip:indented', 'INVITE', 'support.function.method.sip');
    assertScope(lines, 'INVITE sip:alice@example.com', 'INVITE', 'meta.request-line.sip', 0);
    assertScope(lines, 'SIP/7.0', 'SIP/7.0', 'constant.language.sip-version.sip');
    assertScope(lines, 'SIP/2.0.', '.', 'constant.character.escape.cr.sip');
    assertScope(lines, '! Invite request message', '! Invite request message (command sequence 101)', 'comment.line.annotation.sip');
  });
});

describe('status line', () => {
  const classes: { line: string; code: string; id: string; markup: string }[] = [
    { line: 'SIP/2.0 180 Ringing', code: '180', id: 'provisional', markup: 'markup.changed' },
    { line: 'SIP/2.0 200 OK', code: '200', id: 'success', markup: 'markup.inserted' },
    { line: 'SIP/2.0 302 Moved Temporarily', code: '302', id: 'redirection', markup: 'markup.underline.link' },
    { line: 'SIP/2.0 486 Busy Here', code: '486', id: 'client-failure', markup: 'markup.deleted' },
    { line: 'SIP/2.0 503 Service Unavailable', code: '503', id: 'server-failure', markup: 'markup.deleted' },
    { line: 'SIP/2.0 603 Decline', code: '603', id: 'global-failure', markup: 'markup.deleted' },
  ];
  for (const { line, code, id, markup } of classes) {
    it(`gives ${code} and its reason phrase the ${id} class`, () => {
      const lines = fixture('status-lines.sip');
      const classScope = `${markup}.status.${id}.sip`;
      assertScope(lines, line, code, classScope);
      assertScope(lines, line, code, `constant.numeric.status-code.${id}.sip`);
      const reason = line.slice(`SIP/2.0 ${code} `.length);
      assertScope(lines, line, reason, 'string.unquoted.reason-phrase.sip');
      assertScope(lines, line, reason, classScope);
      assertScope(lines, line, 'SIP/2.0', 'constant.language.sip-version.sip');
    });
  }

  it('flags codes outside 100-699 but still reads the line as a status line', () => {
    const lines = fixture('status-lines.sip');
    assertScope(lines, '4294967301', '4294967301', 'invalid.illegal.status-code.sip');
    assertScope(lines, 'SIP/2.0 099', '099', 'invalid.illegal.status-code.sip');
    assertScope(lines, 'SIP/2.0 700', '700', 'invalid.illegal.status-code.sip');
    assertLineLacks(lines, '4294967301', 'markup');
  });
});

describe('headers', () => {
  it('scopes long and compact header names and the colon', () => {
    const lines = fixture('compact-and-folded.sip');
    for (const compact of ['v', 'f', 't', 'i', 'm', 'l', 'c', 'k', 's', 'x', 'o', 'u', 'r', 'b', 'e']) {
      assertScope(lines, `${compact}: `, compact, 'support.type.header-name.compact.sip');
    }
    assertScope(lines, 'MaX-fOrWaRdS', 'MaX-fOrWaRdS', 'support.type.header-name.sip');
    assertScope(lines, 'Content-Length   :', ':', 'punctuation.separator.key-value.sip');
    const headers = fixture('headers.sip');
    assertScope(headers, 'extensionHeader-!.%*+_`\'~', "extensionHeader-!.%*+_`'~", 'support.type.header-name.sip');
  });

  it('keeps folded continuation lines inside their header, and ends the header at the next one', () => {
    const lines = fixture('compact-and-folded.sip');
    // `cseq: 0009` folded onto `  INVITE`: the method is still a CSeq method.
    assertScope(lines, '  INVITE', 'INVITE', 'support.function.method.sip');
    assertScope(lines, '  INVITE', 'INVITE', 'meta.header.sip');
    // The folded To: value keeps its URI and tag.
    assertScope(lines, ' sip:vivekg@chair-dnrc.example.com ;', '1918181833n', 'constant.other.tag.sip');
    // The Via split over three lines keeps its transport and address.
    assertScope(lines, ' /UDP', 'UDP', 'constant.language.transport.sip');
    assertScope(lines, '    192.0.2.2;branch=390skdjuw', '192.0.2.2', 'constant.numeric.ipv4.sip');
    // A generic header's continuation stays in the header.
    assertWholeLine(lines, ' continued newfangled value', 'meta.header.sip');
    assertScope(lines, '  ;expires=280297596632815', 'expires', 'variable.parameter.sip');
    assertScope(lines, '        message/sip, message/sipfrag', ',', 'meta.header.sip');
    // After the folds, the next header is a header of its own.
    assertScope(lines, 'Call-ID: after-the-folds', 'Call-ID', 'support.type.header-name.sip');
    assertScope(lines, 'Call-ID: crlf-line-ends', 'crlf-line-ends@example.com', 'constant.other.call-id.sip');
  });

  it('scopes URIs inside and outside angle brackets, display names and parameters', () => {
    const lines = fixture('headers.sip');
    const from = 'From: "Alice \\"Al\\" Smith"';
    assertScope(lines, from, 'Alice ', 'string.quoted.double.display-name.sip');
    assertScope(lines, from, '\\"', 'constant.character.escape.sip');
    assertScope(lines, from, '<', 'punctuation.definition.uri.begin.sip');
    assertScope(lines, from, 'alice', 'variable.other.user.sip');
    assertScope(lines, from, 'tag', 'variable.parameter.sip');
    assertScope(lines, from, '1928301774', 'constant.other.tag.sip');
    assertScope(lines, 'To: Bob <sip:bob', 'Bob', 'string.unquoted.display-name.sip');
    assertScope(lines, 'Contact: *', '*', 'constant.language.wildcard.sip');
    assertScope(lines, 'P-Asserted-Identity', 'tel', 'constant.language.uri-scheme.sip');
    assertScope(lines, 'P-Asserted-Identity', '+14085551212', 'constant.other.uri-opaque.sip');
    const compact = fixture('compact-and-folded.sip');
    assertScope(compact, 'f: sip:caller@example.net;tag=98asjd8', 'caller', 'variable.other.user.sip');
    assertScope(compact, 'f: sip:caller@example.net;tag=98asjd8', '98asjd8', 'constant.other.tag.sip');
  });

  it('scopes Via sent-protocol, addresses with ports, and the well-known parameters', () => {
    const lines = fixture('headers.sip');
    const via = 'Via: SIP/2.0/TCP 192.0.2.10:5060';
    assertScope(lines, via, 'SIP/2.0', 'constant.language.sip-version.sip');
    assertScope(lines, via, 'TCP', 'constant.language.transport.sip');
    assertScope(lines, via, '192.0.2.10', 'constant.numeric.ipv4.sip');
    assertScope(lines, via, '5060', 'constant.numeric.port.sip');
    for (const name of ['received', 'rport', 'branch']) {
      assertScope(lines, via, name, 'variable.parameter.sip');
    }
    assertScope(lines, via, '198.51.100.1', 'constant.numeric.ipv4.sip');
    assertScope(lines, via, '5062', 'constant.numeric.sip');
    assertScope(lines, via, 'z9hG4bKnashds8', 'constant.other.branch.sip');
    const v6 = 'Via: SIP/2.0/TLS [2001:db8::9:1]:5061';
    assertScope(lines, v6, '[', 'punctuation.definition.ipv6.begin.sip');
    assertScope(lines, v6, '2001:db8::9:1', 'constant.numeric.ipv6.sip');
    assertScope(lines, v6, '5061', 'constant.numeric.port.sip');
    assertScope(lines, v6, '2001:db8::9:255', 'constant.numeric.ipv6.sip');
    assertScope(lines, 'Contact: <sip:alice@pc33', 'expires', 'variable.parameter.sip');
    assertScope(lines, 'Contact: <sip:alice@pc33', '3600', 'constant.numeric.sip');
  });

  it('scopes numbers in CSeq, Content-Length, Max-Forwards and Expires, and methods in CSeq and Allow', () => {
    const lines = fixture('headers.sip');
    assertScope(lines, 'CSeq: 314159 INVITE', '314159', 'constant.numeric.cseq.sip');
    assertScope(lines, 'CSeq: 314159 INVITE', 'INVITE', 'support.function.method.sip');
    assertScope(lines, 'Content-Length: 142', '142', 'constant.numeric.sip');
    assertScope(lines, 'Max-Forwards: 70', '70', 'constant.numeric.sip');
    assertScope(lines, 'Expires: 180', '180', 'constant.numeric.sip');
    assertScope(lines, 'RAck: 776656 1 INVITE', 'INVITE', 'support.function.method.sip');
    const allow = lineWith(lines, 'Allow: INVITE');
    for (const method of ['INVITE', 'ACK', 'CANCEL', 'OPTIONS', 'BYE', 'REFER', 'SUBSCRIBE', 'NOTIFY', 'INFO', 'PUBLISH', 'MESSAGE']) {
      assert.ok(hasScope(token(allow, method), 'support.function.method.sip'), `${method} in Allow`);
    }
    assert.ok(hasScope(token(allow, 'SOMETHINGNEW'), 'support.function.method.extension.sip'));
  });

  it('scopes authentication schemes and parameters', () => {
    const lines = fixture('headers.sip');
    const auth = 'Authorization: Digest username="bob"';
    assertScope(lines, auth, 'Digest', 'storage.type.auth-scheme.sip');
    for (const name of ['username', 'realm', 'nonce', 'uri', 'qop', 'nc', 'cnonce', 'response', 'opaque']) {
      assertScope(lines, auth, name, 'variable.parameter.auth.sip');
    }
    assertScope(lines, auth, '"bob"', 'string.quoted.double.sip');
    assertScope(lines, auth, 'auth', 'constant.other.parameter-value.sip');
    assertScope(lines, 'WWW-Authenticate', 'algorithm', 'variable.parameter.auth.sip');
    assertScope(lines, 'Proxy-Authenticate', 'Digest', 'storage.type.auth-scheme.sip');
    assertScope(lines, 'Proxy-Authorization', 'response', 'variable.parameter.auth.sip');
    assertScope(lines, 'NoOneKnowsThisScheme', 'NoOneKnowsThisScheme', 'storage.type.auth-scheme.sip');
  });

  it('does not read times or product versions as addresses', () => {
    const lines = fixture('regression-date-time-is-not-host-port.sip');
    assertLineLacks(lines, 'Date: Fri', 'constant.numeric.port.sip');
    assertLineLacks(lines, 'Date: Fri', 'entity.name.host.sip');
    assertLineLacks(lines, 'User-Agent: RTCC/4.0.0.0', 'constant.numeric.ipv4.sip');
    assertScope(lines, 'X-Route: proxy.example.com:5070', 'proxy.example.com', 'entity.name.host.sip');
    assertScope(lines, 'X-Route: proxy.example.com:5070', '5070', 'constant.numeric.port.sip');
  });
});

describe('bodies', () => {
  it('embeds SDP with line types, media, payload types, attributes, codecs and addresses', () => {
    const lines = fixture('sdp-body.sip');
    assertScope(lines, 'v=0', 'v', 'keyword.other.line-type.sdp');
    assertScope(lines, 'v=0', 'v', 'meta.embedded.block.sdp');
    assertScope(lines, 'o=alice', '192.0.2.101', 'constant.numeric.ipv4.sdp');
    assertScope(lines, 'c=IN IP6', '2001:db8::20', 'constant.numeric.ipv6.sdp');
    const media = 'm=audio 49170 RTP/AVP 0 8 97 101';
    assertScope(lines, media, 'audio', 'support.type.media.sdp');
    assertScope(lines, media, '49170', 'constant.numeric.port.sdp');
    assertScope(lines, media, 'RTP/AVP', 'constant.language.transport.sdp');
    for (const payload of ['0', '8', '97', '101']) {
      assertScope(lines, media, payload, 'constant.numeric.payload-type.sdp');
    }
    const rtpmap = 'a=rtpmap:101 telephone-event/8000';
    assertScope(lines, rtpmap, 'rtpmap', 'entity.other.attribute-name.sdp');
    assertScope(lines, rtpmap, '101', 'constant.numeric.payload-type.sdp');
    assertScope(lines, rtpmap, 'telephone-event', 'support.type.codec.sdp');
    assertScope(lines, rtpmap, '8000', 'constant.numeric.clock-rate.sdp');
    assertScope(lines, 'a=sendrecv', 'sendrecv', 'entity.other.attribute-name.sdp');
    assertScope(lines, 'a=fmtp:97', 'maxptime', 'variable.parameter.format.sdp');
    assertScope(lines, 'm =video', 'video', 'support.type.media.sdp');
  });

  it('marks XML and JSON bodies as embedded blocks even though text.xml and source.json are not installed here', () => {
    const lines = fixture('bodies-xml-json-multipart.sip');
    assertWholeLine(lines, '<presence xmlns', 'meta.embedded.block.xml');
    assertScope(lines, '<tuple id=', 'tuple', 'entity.name.tag.xml');
    assertWholeLine(lines, '"count": 3', 'meta.embedded.block.json');
    assertScope(lines, '"count": 3', '"count"', 'support.type.property-name.json');
    // The block ends with the body: the next request line is a request line again.
    assertScope(lines, 'MESSAGE sip:bot@example.com', 'MESSAGE', 'support.function.method.sip');
    assertLineLacks(lines, 'MESSAGE sip:bot@example.com', 'meta.embedded');
  });

  it('leaves other bodies plain, with multipart boundaries marked', () => {
    const lines = fixture('bodies-xml-json-multipart.sip');
    assertScope(lines, '--7a9cbec02ceef655--', '--7a9cbec02ceef655--', 'punctuation.separator.multipart-boundary.sip');
    const plain = lineWith(lines, 'Hello, plain text');
    assert.deepEqual(plain.tokens.map((t) => t.scopes), [['source.sip']]);
    assertScope(lines, 'SIP/2.0 200 OK', '200', 'markup.inserted.status.success.sip');
  });
});

describe('trace framing', () => {
  /** Framing lines, per fixture: each must be a comment and never a SIP header. */
  const framingLines: Record<string, string[]> = {
    'framing-asterisk.sip': ['<--- SIP read from', '<------------->', '--- (11 headers 0 lines) ---', '<--- Transmitting (no NAT)', '<------------>', 'Reliably Transmitting (NAT) to 198.51.100.7:5060:', 'Retransmitting #2', '<--- Received SIP request (477 bytes)'],
    'framing-freeswitch.sip': ['recv 1745 bytes from udp/[192.0.2.50]:5060', '------------------------------------------------------------------------', 'send 765 bytes to udp/[2001:db8::37]:5060'],
    'framing-ngrep-sngrep.sip': ['interface: eth0', 'filter: ( port 5060 )', 'U 2013/07/19 22:17:34.920749', 'T UA_ipaddr:40410 -> kamailio_pvtipaddr:5060', '2013/07/19 22:17:35.012345 [2001:db8::1]:5060'],
    'framing-sipp-pjsip.sip': ['----------------------------------------------- 2026-05-15T16:24:27.276466Z', 'UDP message sent [589] bytes:', 'UDP message received (769 bytes):', '....TX 1675 bytes Request msg', '--end msg--', '.RX 1482 bytes Request msg'],
    'framing-cisco-acme-lync.sip': ['Router# debug ccsip messages', 'Sent:', 'Received:', 'Received: SIP UDP message from', 'File opened.', 'Mar  6 13:34:22.599 UDP[3:0]', 'received from 198.51.100.150:5060', 'sent to 198.51.100.150:5060', '----------------------------------------', 'Trace-Correlation-Id:', 'Direction: incoming', 'Peer: lyncserver', 'Message-Type: request', '$$end_record'],
    'framing-others.sip': ['====================', 'tag: rcv', 'srcip: 192.0.2.1', 'date: Mon Aug 13', '~~~~~~~~~~~~~~~~~~~~', '||||||||||||||||||||', '1573475123.123456 UDP/SIP', '[16:00:01.123]# UDP', 'proto:UDP', 'message sent to [UDP://sip.example.org:5060]', 'received [512] new bytes', '1787 12162016 083615.737177', 'RAW PDU:', 'Recv from udp:', 'Send to udp:', 'No.     Time', 'Frame 240:', 'Ethernet II', 'Internet Protocol Version 4', 'User Datagram Protocol', 'Session Initiation Protocol (INVITE)', 'Follow: udp,ascii', 'Filter: udp.stream eq 0', 'Node 0: 192.0.2.237:3009'],
  };
  for (const [name, fragments] of Object.entries(framingLines)) {
    it(`scopes the framing lines of ${name} as comments, never as headers`, () => {
      const lines = fixture(name);
      for (const fragment of fragments) {
        assertLineLacks(lines, fragment, 'support.type.header-name');
        assertLineLacks(lines, fragment, 'meta.header');
        const framing = lineWith(lines, fragment).tokens.filter((t) => t.text.trim() !== '');
        assert.ok(framing.length > 0 && framing.every((t) => hasScope(t, 'comment')), `${JSON.stringify(fragment)} should be a comment throughout`);
      }
    });
  }

  it('picks out timestamps, directions, transports, addresses and byte counts in framing lines', () => {
    const ngrep = fixture('framing-ngrep-sngrep.sip');
    const u = 'U 2013/07/19 22:17:34.920749';
    assertScope(ngrep, u, 'U', 'constant.language.transport.sip');
    assertScope(ngrep, u, '2013/07/19 22:17:34.920749', 'constant.other.timestamp.sip');
    assertScope(ngrep, u, '192.0.2.10', 'constant.numeric.ipv4.sip');
    assertScope(ngrep, u, '->', 'punctuation.separator.direction.sip');
    assertScope(ngrep, '2013/07/19 22:17:35.012345', '2001:db8::2', 'constant.numeric.ipv6.sip');
    const freeswitch = fixture('framing-freeswitch.sip');
    const recv = 'recv 1745 bytes';
    assertScope(freeswitch, recv, 'recv', 'keyword.other.direction.received.sip');
    assertScope(freeswitch, recv, '1745', 'constant.numeric.byte-count.sip');
    assertScope(freeswitch, recv, 'udp', 'constant.language.transport.sip');
    assertScope(freeswitch, recv, '192.0.2.50', 'constant.numeric.ipv4.sip');
    assertScope(freeswitch, recv, '02:05:50.220956', 'constant.other.timestamp.sip');
    assertScope(freeswitch, 'send 765 bytes', 'send', 'keyword.other.direction.sent.sip');
    const asterisk = fixture('framing-asterisk.sip');
    assertScope(asterisk, '<--- SIP read from', 'SIP read from', 'keyword.other.direction.received.sip');
    assertScope(asterisk, '<--- Transmitting (no NAT)', 'Transmitting', 'keyword.other.direction.sent.sip');
    assertScope(asterisk, '(477 bytes)', '477', 'constant.numeric.byte-count.sip');
    const cisco = fixture('framing-cisco-acme-lync.sip');
    assertScope(cisco, 'Sent:', 'Sent', 'keyword.other.direction.sent.sip');
    assertScope(cisco, '018628: May 13 15:32:45.306', 'May 13 15:32:45.306', 'constant.other.timestamp.sip');
    assertScope(cisco, 'On [6:0]192.0.2.185:5060 received from', 'received', 'keyword.other.direction.received.sip');
    const others = fixture('framing-others.sip');
    assertScope(others, 'tag: rcv', 'rcv', 'keyword.other.direction.received.sip');
    assertScope(others, 'time: 1534171234.123456', '1534171234.123456', 'constant.other.timestamp.sip');
    assertScope(others, 'Recv from udp:', '00:00:00:01:066', 'constant.other.timestamp.sip');
    assertScope(others, 'Ingress: received msg', 'Ingress', 'keyword.other.direction.received.sip');
    assertScope(others, '---- Incoming SIP Message', 'Incoming', 'keyword.other.direction.received.sip');
    assertScope(others, '---- Incoming SIP Message', '#012', 'constant.character.escape.syslog.sip');
  });

  it('strips per-line prefixes and reads the SIP after them', () => {
    const asterisk = fixture('framing-asterisk.sip');
    assertScope(asterisk, '[Mar 30 13:35:51] REGISTER', 'Mar 30 13:35:51', 'constant.other.timestamp.sip');
    assertScope(asterisk, '[Mar 30 13:35:51] REGISTER', '[', 'comment.line.log-prefix.sip');
    assertScope(asterisk, '[Mar 30 13:35:51] REGISTER', 'REGISTER', 'support.function.method.sip');
    assertScope(asterisk, '[Mar 30 13:35:51] Via:', 'Via', 'support.type.header-name.sip');
    assertScope(asterisk, '[Mar 30 13:35:51]   ;expires=3600', 'expires', 'variable.parameter.sip');
    assertScope(asterisk, '[Mar 30 13:35:51] SIP/2.0 401', '401', 'markup.deleted.status.client-failure.sip');
    assertScope(asterisk, 'VERBOSE[28951]', 'VERBOSE', 'constant.language.log-level.sip');
    assertScope(asterisk, 'VERBOSE[28951]', 'Reliably Transmitting', 'keyword.other.direction.sent.sip');
    const freeswitch = fixture('framing-freeswitch.sip');
    assertScope(freeswitch, '   INVITE sip:198.51.100.37', 'INVITE', 'support.function.method.sip');
    assertScope(freeswitch, '     ;expires=60', 'expires', 'variable.parameter.sip');
    assertScope(freeswitch, '   Content-Length: 0', 'Content-Length', 'support.type.header-name.sip');
    assertScope(freeswitch, '@192.0.2.199    INVITE', 'INVITE', 'support.function.method.sip');
    assertScope(freeswitch, '@192.0.2.199    INVITE', '46a1fe62-20f73e9-1c6e7dbc@192.0.2.199', 'comment.line.log-prefix.sip');
    assertScope(freeswitch, '//    INVITE', 'INVITE', 'support.function.method.sip');
    assertScope(freeswitch, '//    m=audio', 'audio', 'support.type.media.sdp');
    assertLineLacks(freeswitch, 'Not a prefixed line any more', 'meta.prefixed');
    const pjsip = fixture('framing-sipp-pjsip.sip');
    assertScope(pjsip, 'phoneapp[1033]: REGISTER', 'REGISTER', 'support.function.method.sip');
    assertScope(pjsip, 'phoneapp[1033]: REGISTER', 'Dec  3 09:41:49', 'constant.other.timestamp.sip');
    assertScope(pjsip, 'phoneapp[1033]: Via', 'Via', 'support.type.header-name.sip');
    assertScope(pjsip, 'INFO: <script>', 'INFO', 'constant.language.log-level.sip');
    assertLineLacks(pjsip, 'INFO: <script>', 'support.type.header-name');
  });

  it('reads INFO after a log prefix as a request when a Request-URI follows', () => {
    const lines = fixture('regression-info-method-is-not-a-log-level.sip');
    assertScope(lines, '[Mar 30 13:35:52] INFO sip:', 'INFO', 'support.function.method.sip');
    assertScope(lines, 'INFO[1234]', 'INFO', 'constant.language.log-level.sip');
    assertScope(lines, 'INFO: <script>', 'INFO', 'constant.language.log-level.sip');
    assertScope(lines, '[14689]: INFO sip:', 'INFO', 'support.function.method.sip');
  });

  it('scopes the start line carried inside Lync and Avaya framing', () => {
    const lync = fixture('framing-cisco-acme-lync.sip');
    assertScope(lync, 'Start-Line: OPTIONS', 'OPTIONS', 'support.function.method.sip');
    assertScope(lync, 'Start-Line: OPTIONS', 'Start-Line', 'variable.other.metadata-key.sip');
    const avaya = fixture('framing-others.sip');
    assertScope(avaya, '<^INVITE sip:user@example.com', 'INVITE', 'support.function.method.sip');
    assertScope(avaya, '<SIP/2.0 180 Ringing', '180', 'markup.changed.status.provisional.sip');
    assertScope(avaya, 'Call-ID: 6be5d57c1fbe31a8dc00538ad6c4^M', '^M', 'constant.character.escape.cr.sip');
  });

  it('treats ngrep\'s trailing dot as the CR it stands for', () => {
    const lines = fixture('regression-ngrep-trailing-dot-is-a-cr.sip');
    assertScope(lines, 'CSeq: 1 OPTIONS.', 'OPTIONS', 'support.function.method.sip');
    assertScope(lines, 'CSeq: 1 OPTIONS.', '.', 'constant.character.escape.cr.sip');
    assertScope(lines, 'Allow: INVITE, ACK, BYE.', 'BYE', 'support.function.method.sip');
    assertScope(lines, 'Max-Forwards: 70.', '70', 'constant.numeric.sip');
    assertScope(lines, 'm=audio 49430', '101', 'constant.numeric.payload-type.sdp');
  });
});

describe('containment', () => {
  it('ends an unclosed URI or quoted string at the end of its line', () => {
    const lines = fixture('regression-unclosed-uri-does-not-leak.sip');
    assertScope(lines, 'Contact: <sip:alice', 'transport', 'meta.uri.sip');
    assertScope(lines, 'Call-ID: 1@example.com', 'Call-ID', 'support.type.header-name.sip');
    assertLineLacks(lines, 'Call-ID: 1@example.com', 'meta.uri');
    assertScope(lines, 'To: "unterminated', 'unterminated', 'string.quoted.double.display-name.sip');
    assertScope(lines, 'CSeq: 1 INVITE', 'INVITE', 'support.function.method.sip');
    assertLineLacks(lines, 'CSeq: 1 INVITE', 'string');
  });

  it('recovers on the line after every pathological line', () => {
    const lines = fixture('pathological.sip');
    assertScope(lines, 'Max-Forwards: 70', '70', 'constant.numeric.sip');
    for (const header of ['To: <sip:', 'From: "an unterminated', 'Route: <<<<', 'Record-Route: <sip:sip:', 'Subject: """']) {
      const index = lines.indexOf(lineWith(lines, header));
      const next = lines[index + 1];
      assert.ok(next, `a line follows ${header}`);
      const name = next.tokens[0];
      assert.ok(name && hasScope(name, 'support.type.header-name'), `the line after ${JSON.stringify(header)} starts a header: ${next.line.slice(0, 40)}`);
      assert.deepEqual(name.scopes, ['source.sip', 'meta.header.sip', 'support.type.header-name.sip'], `nothing of ${JSON.stringify(header)} is still open`);
    }
    assertScope(lines, 'Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK1', 'z9hG4bK1', 'constant.other.branch.sip');
  });
});
