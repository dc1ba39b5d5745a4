// @ts-check
'use strict';

/**
 * Source of `syntaxes/sip.tmLanguage.json` (scope `source.sip`).
 * Run `node scripts/build-grammars.js` after editing; never edit the JSON.
 *
 * How a trace is read, line by line:
 *  - A *prefix block* (`begin`/`while`) strips a per-line log prefix such as
 *    `[Mar 30 13:35:51] ` or a syslog header, and hands the rest of each line
 *    to the same line rules as an unprefixed line. Line rules anchor with
 *    `(?:^|\G)`, so they match at column 0 and right after a stripped prefix.
 *  - *Framing* lines of the trace tools are comments with the timestamp,
 *    direction, transport, addresses and byte counts picked out. They come
 *    first so that `Sent:` or `tag: rcv` never look like SIP headers.
 *  - A *start line* (request or status line) is one line.
 *  - A *header* is a `begin`/`while` rule: it lasts while the following lines
 *    are folded continuation lines (indented deeper than the header itself).
 *  - A *body* is recognised by its first line: `v=` starts SDP, `<` an XML
 *    body, `{` a JSON body. Each is a `begin`/`while` region that ends at a
 *    blank line or at anything that looks like the next message.
 *  - Every region that is not a `while` block ends at the end of its line,
 *    so an unclosed `<sip:` or `"` never leaks into the next line.
 *  - A capture with `patterns` (`capWith`) is only used by rules that match at
 *    most once per line (anchored line rules): vscode-textmate re-tokenizes
 *    such a capture on a fresh copy of the line up to the capture, so a rule
 *    that can repeat along a line (parameters, URIs) would make long lines
 *    quadratic. Those rules tell kinds of values apart by alternatives.
 *  - Regex safety rules are in fragments.js; the build lints for `x{m,n}+`.
 *
 * Scope names follow TextMate conventions so every theme colours them. The
 * status classes are the exception worth knowing: the code and reason phrase
 * carry a `markup.*` scope chosen because Dark+, Light+, Monokai and
 * Solarized each give 1xx, 2xx and 4xx-6xx different colours
 * (see test/unit/grammar/themes.test.ts).
 */

const F = require('./fragments');
const { caps, capWith, includes } = require('./types');

/** @typedef {import('./types').Rule} Rule */
/** @typedef {import('./types').Grammar} Grammar */
/** @typedef {import('./types').Captures} Captures */

const { LS, TC, TOKEN_START, atomic: A } = F;

/**
 * An IPv6 address without brackets (`sip:2001:db8::10`, `received=2001:db8::9:255`): invalid
 * per RFC 5118 but common; two colons among the first hex groups tell it from `host:port`.
 */
const UNBRACKETED_IPV6 = String.raw`(?=[0-9A-Fa-f]{1,4}:[0-9A-Fa-f]{0,4}:)${A('[0-9A-Fa-f:.]{2,64}')}(?![^\s@<>";?,&\[\]/])`;

/** The end of a parameter value. */
const VALUE_END = String.raw`(?=[\s;,?&<>"]|$)`;

/** Bounded, non-backtracking runs used in many patterns. */
const PORT = A(String.raw`\d{1,5}`) + String.raw`(?!\d)`;
const SCHEME = String.raw`[A-Za-z]${A('[-A-Za-z0-9+.]{0,31}')}`;
/** A quoted string that closes on the same line, at most 2 KB long. */
const QUOTED = String.raw`"${A(String.raw`(?:[^"\\\n]|\\.){0,2048}`)}"`;

// ---------------------------------------------------------------------------
// Status classes
// ---------------------------------------------------------------------------

/**
 * One entry per status class. `markup` is the scope that gives the class its
 * colour; `constant.numeric.status-code.*` underneath keeps a numeric colour
 * in themes that do not colour the markup scope.
 */
const STATUS_CLASSES = [
  { digit: '1', id: 'provisional', markup: 'markup.changed.status.provisional.sip' },
  { digit: '2', id: 'success', markup: 'markup.inserted.status.success.sip' },
  { digit: '3', id: 'redirection', markup: 'markup.underline.link.status.redirection.sip' },
  { digit: '4', id: 'client-failure', markup: 'markup.deleted.status.client-failure.sip' },
  { digit: '5', id: 'server-failure', markup: 'markup.deleted.status.server-failure.sip' },
  { digit: '6', id: 'global-failure', markup: 'markup.deleted.status.global-failure.sip' },
];

// ---------------------------------------------------------------------------
// Start lines
// ---------------------------------------------------------------------------

/**
 * A Request-URI: a scheme-led token (or `<...>`, which RFC 4475 `ltgtruri`
 * uses), possibly with embedded spaces (`lwsruri`) as long as no word starts
 * with `SIP/`. Every loop is possessive, so a line without a version fails in
 * one pass.
 */
const REQUEST_URI = String.raw`<?${SCHEME}:\S*+(?:[ \t]++(?!SIP[ \t]*+/)\S++)*+`;

/**
 * A run of token characters that leaves out a `.` ending the line: ngrep -W byline
 * prints each CR as a trailing `.` (`CSeq: 1 INVITE.`), which is not part of the token.
 */
const TOKEN_RUN = String.raw`(?:(?!\.[ \t]*+$)${TC})++`;
/** ngrep's trailing-dot CR marker, in values where a final `.` cannot be data (numbers, methods). */
const NGREP_CR = { name: 'constant.character.escape.cr.sip', match: String.raw`(?<=\w)\.(?=[ \t]*+$)` };

/** Lookahead for a request line, used where a log level word could be a method (`INFO`). */
const REQUEST_LINE_AHEAD = String.raw`${TC}++[ \t]++<?${SCHEME}:\S*+[ \t]`;

/**
 * @param {boolean} anchored true for a line rule; false for a start line
 *   captured from inside a framing line (Avaya, Lync `Start-Line:`)
 */
function requestLineRegex(anchored) {
  const head = anchored ? String.raw`${LS}([ \t]*+)` : '()';
  return String.raw`${head}(?:(${F.KNOWN_METHODS})|(${TC}++))([ \t]++)(${REQUEST_URI})([ \t]++)(${F.SIP_VERSION})(?!\w)`;
}

const REQUEST_LINE_CAPTURES = caps(
  null,
  'support.function.method.sip',
  'support.function.method.extension.sip',
  null,
  capWith('meta.uri.request-uri.sip', 'request-uri'),
  null,
  'constant.language.sip-version.sip',
);

/**
 * @param {typeof STATUS_CLASSES[number]} cls
 * @param {boolean} anchored
 * @returns {Rule}
 */
function statusLineRule(cls, anchored) {
  const code = `${cls.digit}\\d\\d`;
  const codeScope = `constant.numeric.status-code.${cls.id}.sip ${cls.markup}`;
  const reasonScope = `string.unquoted.reason-phrase.sip ${cls.markup}`;
  if (anchored) {
    return {
      name: `meta.status-line.${cls.id}.sip`,
      begin: String.raw`${LS}[ \t]*+(${F.SIP_VERSION})([ \t]++)(${code})(?!\d)[ \t]*+`,
      beginCaptures: caps('constant.language.sip-version.sip', null, codeScope),
      end: '$',
      contentName: reasonScope,
      patterns: includes('line-end-escapes'),
    };
  }
  return {
    name: `meta.status-line.${cls.id}.sip`,
    match: String.raw`(${F.SIP_VERSION})([ \t]++)(${code})(?!\d)(?:[ \t]++(.+))?`,
    captures: caps('constant.language.sip-version.sip', null, codeScope, reasonScope),
  };
}

/**
 * @param {boolean} anchored
 * @returns {Rule[]}
 */
function startLineRules(anchored) {
  /** @type {Rule[]} */
  const rules = [];
  if (anchored) {
    rules.push({
      name: 'meta.request-line.sip',
      begin: requestLineRegex(true),
      beginCaptures: REQUEST_LINE_CAPTURES,
      end: '$',
      patterns: includes('line-end-escapes', 'cisco-annotation'),
    });
  } else {
    rules.push({ name: 'meta.request-line.sip', match: requestLineRegex(false), captures: REQUEST_LINE_CAPTURES });
  }
  if (anchored) {
    // A request line that lost its version (RFC 4475 `test`): a known method and a SIP URI alone on the line.
    rules.push({
      name: 'meta.request-line.sip',
      match: String.raw`${LS}[ \t]*+(${F.KNOWN_METHODS})([ \t]++)((?i:sips?|tel):\S++)[ \t]*+$`,
      captures: caps('support.function.method.sip', null, capWith('meta.uri.request-uri.sip', 'request-uri')),
    });
  }
  for (const cls of STATUS_CLASSES) {
    rules.push(statusLineRule(cls, anchored));
  }
  // A status code outside 100-699 (RFC 4475 `bigcode`): still a status line, but the code is flagged.
  rules.push({
    name: 'meta.status-line.invalid.sip',
    match: String.raw`${anchored ? String.raw`${LS}[ \t]*+` : ''}(${F.SIP_VERSION})([ \t]++)(\d++)(?:[ \t]++(.*+))?`,
    captures: caps('constant.language.sip-version.sip', null, 'invalid.illegal.status-code.sip', 'string.unquoted.reason-phrase.sip'),
  });
  return rules;
}

// ---------------------------------------------------------------------------
// Headers
// ---------------------------------------------------------------------------

/**
 * A header: `begin` takes the name and colon, `while` keeps the rule alive
 * over folded continuation lines, i.e. lines indented deeper than the
 * header's own indentation (captured as \1; FreeSWITCH 1.8 indents every
 * line by three spaces, pjsip's logcat wrapper by fifty).
 *
 * @param {string} compact alternation of compact forms, or '' for none
 * @param {string} long regex of the long names
 * @param {string[]} valueRules repository names tokenizing the value
 * @returns {Rule}
 */
function headerRule(compact, long, valueRules) {
  const compactAlt = compact ? `(?i:${compact})` : '(?!)';
  return {
    name: 'meta.header.sip',
    begin: String.raw`${LS}([ \t]*+)(?:(${compactAlt})|(${long}))([ \t]*+)(:)[ \t]*+`,
    beginCaptures: caps(
      null,
      'support.type.header-name.compact.sip',
      'support.type.header-name.sip',
      null,
      'punctuation.separator.key-value.sip',
    ),
    while: String.raw`${LS}\1[ \t]++(?=\S)`,
    patterns: includes(...valueRules),
  };
}

/** @param {string[]} names */
const longNames = (names) => `(?i:${names.join('|')})`;

const ADDRESS_HEADERS = [
  'From', 'To', 'Contact', 'Route', 'Record-Route', 'Reply-To', 'Refer-To', 'Referred-By',
  'P-Asserted-Identity', 'P-Preferred-Identity', 'P-Called-Party-ID', 'P-Associated-URI',
  'Remote-Party-ID', 'Diversion', 'History-Info', 'Path', 'Service-Route',
  'Alert-Info', 'Call-Info', 'Error-Info', 'Accept-Contact', 'Reject-Contact',
];
const NUMERIC_HEADERS = [
  'Content-Length', 'Max-Forwards', 'Expires', 'Min-Expires', 'Min-SE', 'Session-Expires',
  'RSeq', 'Retry-After', 'Timestamp', 'Flow-Timer', 'Max-Breadth',
];
const AUTH_HEADERS = [
  'Authorization', 'Proxy-Authorization', 'WWW-Authenticate', 'Proxy-Authenticate',
  'Authentication-Info', 'Proxy-Authentication-Info',
];

/** Header rules, most specific first; the last one takes any header name. */
const HEADER_RULES = [
  headerRule('v', longNames(['Via']), ['via-value']),
  headerRule('', longNames(['CSeq', 'RAck']), ['cseq-value']),
  headerRule('', longNames(['Allow']), ['method-list-value']),
  headerRule('l|x', longNames(NUMERIC_HEADERS), ['numeric-value']),
  headerRule('', longNames(AUTH_HEADERS), ['auth-value']),
  headerRule('i', longNames(['Call-ID']), ['call-id-value']),
  headerRule('f|t|m|r|b|a|j', longNames(ADDRESS_HEADERS), ['address-value']),
  // Any other name. Header names start with a letter, so `13:00:18.392 ...` log lines are not headers.
  headerRule('[A-Za-z]', String.raw`[A-Za-z]${TC}++`, ['generic-value']),
];

// ---------------------------------------------------------------------------
// Trace framing
// ---------------------------------------------------------------------------

/** `1.2.3.4:5060`, `[2001:db8::1]:5060`, `UA_ipaddr:40410`, `kamailio_pvtipaddr`. */
const ADDR_TOKEN = String.raw`(?:\[${F.IPV6_BODY}\]|${A('[-A-Za-z0-9_.]{1,253}')})(?::${PORT})?`;

const TS = 'constant.other.timestamp.sip';
const SENT = 'keyword.other.direction.sent.sip';
const RECEIVED = 'keyword.other.direction.received.sip';
const ARROW = 'punctuation.separator.direction.sip';
const BYTES = 'constant.numeric.byte-count.sip';
const TRANSPORT_SCOPE = 'constant.language.transport.sip';
const ADDRESS = capWith(null, 'address');
const FRAMING_TEXT = capWith(null, 'framing-text');
const TIMESTAMPS = capWith(null, 'timestamp');

/**
 * A whole line of trace-tool framing, scoped as a comment.
 *
 * @param {string} format short tool name, part of the scope
 * @param {string} match
 * @param {Captures} [captures]
 * @returns {Rule}
 */
function framingLine(format, match, captures) {
  /** @type {Rule} */
  const rule = { name: `comment.line.framing.${format}.sip`, match };
  if (captures) {
    rule.captures = captures;
  }
  return rule;
}

/** @type {Rule[]} */
const FRAMING_RULES = [
  // ngrep / sipgrep: `U 2013/07/19 22:17:34.920749 1.2.3.4:5060 -> 5.6.7.8:5060`, `T ... [AP]`.
  framingLine(
    'ngrep',
    String.raw`${LS}[ \t]*+([UTI])[ \t]++(?:(${F.YMD_TIME})[ \t]++)?(${ADDR_TOKEN})[ \t]++(->)[ \t]++(${ADDR_TOKEN})(?:[ \t]++(\S.*+))?$`,
    caps(TRANSPORT_SCOPE, TS, ADDRESS, ARROW, ADDRESS, null),
  ),
  // ngrep's own header lines.
  framingLine('ngrep', String.raw`${LS}(?:interface|filter|match): .*+$`),
  // sngrep "save as .txt": `2013/07/19 22:17:34.920749 1.2.3.4:5060 -> 5.6.7.8:5060`.
  framingLine(
    'sngrep',
    String.raw`${LS}[ \t]*+(${F.YMD_TIME})[ \t]++(${ADDR_TOKEN})[ \t]++(->)[ \t]++(${ADDR_TOKEN})[ \t]*+$`,
    caps(TS, ADDRESS, ARROW, ADDRESS),
  ),
  // OpenSIPS trace (`1573475123.123456 UDP/SIP a -> b`), baresip (`UDP a -> b`), with ANSI colours.
  framingLine(
    'transport-arrow',
    String.raw`${LS}(?:${F.ANSI})*+(?:(\[${A(String.raw`[^\]\n]{1,48}`)}\])#?[ \t]*+)?(?:(\d{9,11}\.${A(String.raw`\d{1,9}`)})[ \t]++)?(${F.TRANSPORT})(?:/SIP)?[ \t]++(${ADDR_TOKEN})[ \t]++(->|<-)[ \t]++(${ADDR_TOKEN})(?:${F.ANSI})*+[ \t]*+$`,
    caps(TIMESTAMPS, TS, TRANSPORT_SCOPE, ADDRESS, ARROW, ADDRESS),
  ),
  // Homer text export: `proto:UDP 2020-01-01 ...  1.2.3.4:5060 ---> 5.6.7.8:5060`.
  framingLine(
    'homer',
    String.raw`${LS}proto:(\w{1,8})[ \t]++(.{0,80}?)[ \t]++(${ADDR_TOKEN})[ \t]++(--->|<---)[ \t]++(${ADDR_TOKEN})[ \t]*+$`,
    caps(TRANSPORT_SCOPE, TIMESTAMPS, ADDRESS, ARROW, ADDRESS),
  ),
  // Asterisk chan_sip / chan_pjsip: `<--- SIP read from UDP:1.2.3.4:5060 --->`,
  // `<--- Transmitting SIP response (951 bytes) to UDP:1.2.3.4:5060 --->`.
  framingLine(
    'asterisk',
    String.raw`${LS}[ \t]*+(<---)[ \t]++(.{1,400}?)[ \t]++(--->)[ \t]*+$`,
    caps(ARROW, FRAMING_TEXT, ARROW),
  ),
  // Asterisk without arrows: `Reliably Transmitting (NAT) to 1.2.3.4:5060:`, `Retransmitting #2 (NAT) to ...:`.
  framingLine(
    'asterisk',
    String.raw`${LS}[ \t]*+((?:Reliably[ \t]++)?(?:Re)?[Tt]ransmitting)((?:[ \t]++#\d++)?[ \t]++.{0,300}?)(:)[ \t]*+$`,
    caps(SENT, FRAMING_TEXT, null),
  ),
  // Asterisk summary after a received message: `--- (14 headers 0 lines) ---`.
  framingLine(
    'asterisk',
    String.raw`${LS}[ \t]*+---[ \t]++\((\d++)[ \t]++headers[ \t]++(\d++)[ \t]++lines?\)[ \t]++---[ \t]*+$`,
    caps('constant.numeric.sip', 'constant.numeric.sip'),
  ),
  // Asterisk closing lines: `<------------->` (received), `<------------>` (sent response).
  framingLine('asterisk', String.raw`${LS}[ \t]*+<----*+>[ \t]*+$`),
  // FreeSWITCH sofia siptrace: `recv 584 bytes from udp/[192.168.4.4]:5090 at 12:30:57.916812:`.
  framingLine(
    'freeswitch',
    String.raw`${LS}[ \t]*+(?:(recv)|(send))[ \t]++(\d++)[ \t]++bytes[ \t]++(?:from|to)[ \t]++(${F.TRANSPORT})(/)(\S{1,300}?)[ \t]++at[ \t]++(${F.TIME})(:)?[ \t]*+$`,
    caps(RECEIVED, SENT, BYTES, TRANSPORT_SCOPE, null, ADDRESS, TS, null),
  ),
  // SIPp -trace_msg: `UDP message sent (442 bytes):`, `UDP message received [769] bytes:`.
  framingLine(
    'sipp',
    String.raw`${LS}[ \t]*+(?:(${F.TRANSPORT}|[A-Z]{2,8})[ \t]++)?message[ \t]++(?:(sent)|(received))[ \t]++(?:\((\d++)[ \t]++bytes\)|\[(\d++)\][ \t]++bytes)[ \t]*+:[ \t]*+$`,
    caps(TRANSPORT_SCOPE, SENT, RECEIVED, BYTES, BYTES),
  ),
  // pjsip / pjsua: `13:00:18.392  pjsua_core.c  ....TX 1675 bytes Request msg INVITE/cseq=18422 (tdta0x...) to UDP 172.22.0.21:5060:`.
  framingLine(
    'pjsip',
    String.raw`${LS}(.{0,300}?)${A(String.raw`\.{0,16}`)}\b(?:(TX)|(RX))[ \t]++(\d++)[ \t]++bytes[ \t]++(?:Request|Response)[ \t]++msg[ \t]++(\S{1,200}?)(?:[ \t]++\(${A(String.raw`[^()\n]{0,128}`)}\))?[ \t]++(?:to|from)[ \t]++(\w{1,8})[ \t]++(${ADDR_TOKEN}):[ \t]*+$`,
    caps(TIMESTAMPS, SENT, RECEIVED, BYTES, 'string.unquoted.message-summary.sip', TRANSPORT_SCOPE, ADDRESS),
  ),
  framingLine('pjsip', String.raw`${LS}[ \t]*+--end msg--[ \t]*+$`),
  // Cisco IOS / CUBE: `00:11:29: //-1/xxxxxxxxxxxx/SIP/Msg/ccsipDisplayMsg:` (with an optional sequence
  // number, `*`, date, or CLI prompt in front). A flattened message after it stays plain text.
  {
    name: 'meta.framing.cisco.sip',
    match: String.raw`${LS}(.{0,160}?)(//${A(String.raw`[^/\s]{0,64}`)}/${A(String.raw`[^/\s]{0,64}`)}/(?:${A('[A-Za-z_]{1,32}')}/)?SIP/Msg/ccsipDisplayMsg:)(?:[ \t]*+(?:(Sent)|(Received))(:))?`,
    captures: caps(
      capWith('comment.line.framing.cisco.sip', 'timestamp'),
      'comment.line.framing.cisco.sip',
      `comment.line.framing.cisco.sip ${SENT}`,
      `comment.line.framing.cisco.sip ${RECEIVED}`,
      'comment.line.framing.cisco.sip',
    ),
  },
  framingLine('cisco', String.raw`${LS}[ \t]*+(?:(Sent)|(Received)):[ \t]*+$`, caps(SENT, RECEIVED)),
  // IOS-XE 17: `Received: SIP UDP message from 8.41.17.71:5099 to 8.44.25.45:5060`.
  framingLine(
    'cisco',
    String.raw`${LS}[ \t]*+(?:(Sent)|(Received)):[ \t]++SIP[ \t]++(${F.TRANSPORT})[ \t]++message[ \t]++from[ \t]++(${ADDR_TOKEN})[ \t]++to[ \t]++(${ADDR_TOKEN})[ \t]*+$`,
    caps(SENT, RECEIVED, TRANSPORT_SCOPE, ADDRESS, ADDRESS),
  ),
  // Oracle / Acme Packet sipmsg.log: `Mar  6 13:34:49.416 On [6:0]10.102.130.185:5060 received from 10.102.130.150:5060`.
  framingLine(
    'acme',
    String.raw`${LS}(${F.MONTH_DAY_TIME})[ \t]++On[ \t]++(?:\[\d++:\d++\])?(${ADDR_TOKEN})[ \t]++(?:(received)[ \t]++from|(sent)[ \t]++to)[ \t]++(${ADDR_TOKEN})[ \t]*+$`,
    caps(TS, ADDRESS, RECEIVED, SENT, ADDRESS),
  ),
  framingLine(
    'acme',
    String.raw`${LS}(${F.MONTH_DAY_TIME})[ \t]++(${F.TRANSPORT})\[\d++:\d++\](${ADDR_TOKEN})[ \t]++(?:OPENED|CLOSED)[ \t]*+$`,
    caps(TS, TRANSPORT_SCOPE, ADDRESS),
  ),
  framingLine('acme', String.raw`${LS}File (?:opened|closed)\.[ \t]*+$`),
  // Ribbon / Sonus call trace: `1787 12162016 083615.737177:1.01.00.38939.MAJOR .SIPSG:... Ingress: received msg ...`.
  framingLine(
    'ribbon',
    String.raw`${LS}(\d{1,10})[ \t]++(\d{8}[ \t]++\d{6}\.${A(String.raw`\d{1,9}`)}):(${A(String.raw`\S{1,200}`)})(.*+)$`,
    caps('constant.numeric.sip', TS, null, FRAMING_TEXT),
  ),
  framingLine('ribbon', String.raw`${LS}RAW PDU:[ \t]*+$`),
  // Thomson / Technicolor phones: `Recv from udp: 10.0.0.5:5060 00:00:00:01:066 (937 bytes)`.
  framingLine(
    'thomson',
    String.raw`${LS}(?:(Recv)[ \t]++from|(Send)[ \t]++to)[ \t]++(\w{1,8}):[ \t]++(${ADDR_TOKEN})[ \t]++(${A('[0-9:]{8,20}')})[ \t]++\((\d++)[ \t]++bytes\)[ \t]*+$`,
    caps(RECEIVED, SENT, TRANSPORT_SCOPE, ADDRESS, TS, BYTES),
  ),
  // Linphone / belle-sip: `... channel [0x...]: message sent to [UDP://host:5060], size: [N] bytes`.
  framingLine(
    'linphone',
    String.raw`${LS}(.{0,200}?)channel[ \t]++\[${A(String.raw`[^\]\n]{1,32}`)}\]:?[ \t]++(?:(message[ \t]++sent)[ \t]++to|(received)[ \t]++\[(\d++)\][ \t]++new[ \t]++bytes[ \t]++from)[ \t]++\[(\w{1,8})://(${A(String.raw`[^\]\s]{1,300}`)})\](.*+)$`,
    caps(TIMESTAMPS, SENT, RECEIVED, BYTES, TRANSPORT_SCOPE, ADDRESS, FRAMING_TEXT),
  ),
  // Avaya Voice Portal: `@2014-06-26 13:02:39,427||FINEST|...| <^INVITE sip:... SIP/2.0^M <- note`.
  {
    name: 'meta.framing.avaya.sip',
    match: String.raw`${LS}(@)(\d{4}-\d\d-\d\d[ \t]${F.TIME})(${A(String.raw`[^<\n]{0,600}`)})(?:(<\^?)(.*?)(\^M)(.*+)|(.*+))$`,
    captures: caps(
      'comment.line.framing.avaya.sip',
      `comment.line.framing.avaya.sip ${TS}`,
      capWith('comment.line.framing.avaya.sip', 'framing-text'),
      'comment.line.framing.avaya.sip punctuation.definition.message.begin.sip',
      capWith(null, 'start-line-inline'),
      'constant.character.escape.cr.sip',
      'comment.line.framing.avaya.sip',
      'comment.line.framing.avaya.sip',
    ),
  },
  // Wireshark `tshark -V`: the decoded tree is not raw SIP; its protocol lines are framing.
  framingLine('wireshark', String.raw`${LS}Frame \d++:.*+$`),
  framingLine(
    'wireshark',
    String.raw`${LS}(?:Ethernet II|Linux cooked capture(?: v\d)?|Internet Protocol Version [46]|User Datagram Protocol|Transmission Control Protocol|Stream Control Transmission Protocol|Transport Layer Security),.*+$`,
  ),
  framingLine('wireshark', String.raw`${LS}Session Initiation Protocol(?:[ \t]++\(${A(String.raw`[^)\n]{0,64}`)}\))?[ \t]*+$`),
  framingLine('wireshark', String.raw`${LS}No\.[ \t]++Time[ \t]++Source[ \t]++Destination[ \t]++Protocol.*+$`),
  framingLine(
    'wireshark',
    String.raw`${LS}[ \t]*+\d++[ \t]++(\d++\.\d++)[ \t]++(${A(String.raw`\S{1,64}`)})[ \t]++(${A(String.raw`\S{1,64}`)})[ \t]++SIP(?:/\w{1,8})?[ \t]++\d++[ \t].*+$`,
    caps(TS, ADDRESS, ADDRESS),
  ),
  // `tshark -z follow,udp,ascii` header lines.
  framingLine('wireshark', String.raw`${LS}(?:Follow: \w{1,8},\w{1,8}|Filter: .*+|Node [01]: (${A(String.raw`\S{1,300}`)}))[ \t]*+$`, caps(ADDRESS)),
  // Kamailio sipdump: `~~~~` between metadata and message, `||||` after the message.
  framingLine('sipdump', String.raw`${LS}[ \t]*+(?:~{20}~*+|\|{20}\|*+)[ \t]*+$`),
  // Separator lines: FreeSWITCH's 72 dashes, SIPp's dashes with a timestamp, Acme's 40 dashes,
  // Asterisk's `---` after a sent request.
  framingLine('separator', String.raw`${LS}[ \t]*+---*+(?:[ \t]++(.{1,80}?))?[ \t]*+$`, caps(TIMESTAMPS)),
  framingLine('separator', String.raw`${LS}[ \t]*+(?:={10}=*+|\*{10}\**+|_{10}_*+)[ \t]*+$`),
  // Tool command lines such as `Router# debug ccsip messages`.
  framingLine('cli', String.raw`${LS}${A(String.raw`[-\w.]{1,64}`)}[#>][ \t]++(?:debug|undebug|show|terminal|no)\b.*+$`),
];

// ---------------------------------------------------------------------------
// Shared regexes of the grammar
// ---------------------------------------------------------------------------

/** The line looks like the start of the next message or its framing: ends XML and JSON bodies. */
const NEXT_MESSAGE = String.raw`[ \t]*+(?:---|<---|={10}|~{10}|\|{10}|\$\$|[UT][ \t]\S++[ \t]++->|(?:recv|send)[ \t]\d++[ \t]bytes|SIP[ \t]*+/[ \t]*+\d|${REQUEST_LINE_AHEAD}.*?SIP/)`;

/**
 * An Asterisk-style bracketed time prefix: `[Mar 30 13:35:51]`, `[2024-01-01 10:00:00.123]`,
 * `[Sat, 19 Dec 2020 10:45:06 GMT]`; not baresip's `[16:00:01.123]#`, which starts a framing line.
 */
const BRACKET_TIME_PREFIX = String.raw`(\[(?=[^\]\n]{0,40}?\d:\d\d)${A(String.raw`[^\]\n]{1,48}`)}\])(?!#)([ \t]?+)`;

/**
 * A syslog header: `May 20 21:00:02 host /usr/sbin/kamailio[14689]: `, `<30>Dec  3 09:41:49 phoneapp[1033]: `,
 * optionally after rsyslog's tab-separated `2022-02-07 19:01:46<TAB>Daemon.Info<TAB>host<TAB>`.
 */
const SYSLOG_PREFIX = String.raw`((?:<\d{1,3}>)?(?:\d{4}-\d\d-\d\d[ T]${F.TIME}${A(String.raw`[^\t\n]{0,40}`)}\t${A(String.raw`[^\t\n]{0,80}`)}\t${A(String.raw`[^\t\n]{0,80}`)}\t)?${F.MONTH}[ \t]{1,2}\d{1,2}[ \t]\d\d:\d\d:\d\d[ \t](?:${A(String.raw`[^\s\[\]:]{1,255}`)}[ \t])?${A(String.raw`[^\s\[\]:]{1,255}`)}(?:\[\d++(?::\d++)?\])?:)([ \t])`;

/**
 * A parameter whose value gets a scope of its own (`tag`, `branch`).
 *
 * @param {string} paramName
 * @param {string} valueScope
 * @returns {Rule}
 */
function paramRule(paramName, valueScope) {
  return {
    match: String.raw`(;)[ \t]*+((?i:${paramName}))[ \t]*+(=)[ \t]*+(${A(String.raw`[^\s;,?&<>"=]{1,1024}`)})`,
    captures: caps(
      'punctuation.separator.parameter.sip',
      'variable.parameter.sip',
      'punctuation.separator.key-value.parameter.sip',
      valueScope,
    ),
  };
}

// ---------------------------------------------------------------------------
// Grammar
// ---------------------------------------------------------------------------

/** @type {Grammar} */
const grammar = {
  information_for_contributors: [
    'This file is generated from syntaxes/src/sip.grammar.js by scripts/build-grammars.js.',
    'Edit the source and run `node scripts/build-grammars.js`; do not edit this file.',
  ],
  name: 'SIP Trace',
  scopeName: 'source.sip',
  fileTypes: ['sip'],
  patterns: includes('prefix-blocks', 'line'),
  repository: {
    // ----- line structure -------------------------------------------------
    line: {
      patterns: includes(
        'sipdump-metadata',
        'framing',
        'lync-record',
        'start-line',
        'headers',
        'sdp-body',
        'xml-body',
        'json-body',
        'misc-lines',
        'inline-markers',
      ),
    },
    'prefix-blocks': {
      patterns: includes('bracket-time-prefix', 'syslog-prefix', 'call-id-prefix', 'slash-comment-prefix'),
    },
    'bracket-time-prefix': {
      // Asterisk console: `[Mar 30 13:35:51] ` on every line. The `full` log has it on the first line of a
      // message only, followed by `VERBOSE[28951][C-00000001] chan_sip.c: `.
      name: 'meta.prefixed.console.sip',
      begin: String.raw`${LS}${BRACKET_TIME_PREFIX}`,
      beginCaptures: caps(capWith('comment.line.log-prefix.sip', 'timestamp'), null),
      while: String.raw`${LS}${BRACKET_TIME_PREFIX}`,
      whileCaptures: caps(capWith('comment.line.log-prefix.sip', 'timestamp'), null),
      patterns: includes('log-level-prefix', 'line'),
    },
    'syslog-prefix': {
      name: 'meta.prefixed.syslog.sip',
      begin: String.raw`${LS}${SYSLOG_PREFIX}`,
      beginCaptures: caps(capWith('comment.line.log-prefix.sip', 'timestamp'), null),
      while: String.raw`${LS}${SYSLOG_PREFIX}`,
      whileCaptures: caps(capWith('comment.line.log-prefix.sip', 'timestamp'), null),
      patterns: includes('log-level-prefix', 'line'),
    },
    'call-id-prefix': {
      // FreeSWITCH traces grouped by call (Kazoo sipify): every line starts with the Call-ID.
      name: 'meta.prefixed.call-id.sip',
      begin: String.raw`${LS}(${A(String.raw`[^\s@]{1,128}`)}@${A(String.raw`\S{1,128}`)})(?=[ \t]++(?:recv|send)[ \t]\d++[ \t]bytes[ \t])`,
      beginCaptures: caps('comment.line.log-prefix.sip constant.other.call-id.sip'),
      while: String.raw`${LS}(\1)(?=[ \t]|$)`,
      whileCaptures: caps('comment.line.log-prefix.sip constant.other.call-id.sip'),
      patterns: includes('line'),
    },
    'slash-comment-prefix': {
      // A trace quoted in a `//` comment block (source code, chat).
      name: 'meta.prefixed.comment.sip',
      begin: String.raw`${LS}(//)(?=[ \t]|$)`,
      beginCaptures: caps('comment.line.log-prefix.sip'),
      while: String.raw`${LS}(//)(?=[ \t]|$)`,
      whileCaptures: caps('comment.line.log-prefix.sip'),
      patterns: includes('line'),
    },
    'log-level-prefix': {
      // After a time prefix: `VERBOSE[28951][C-00000001] chan_sip.c: `, `NOTICE[28951]: pbx_spool.c:402 attempt_thread: `,
      // `INFO: `, `ERROR `. The rest of the line is log text, unless it is a framing line.
      // `INFO sip:... SIP/2.0` is a request line, not a log level.
      name: 'meta.log-line.sip',
      begin: String.raw`${LS}(?!${REQUEST_LINE_AHEAD})((VERBOSE|NOTICE|WARNING|WARN|ERROR|ERR|DEBUG|DBG|INFO|DTMF|SECURITY|TRACE|CRITICAL|CRIT|ALERT)(?:\[\d++\])?(?:\[C-${A('[0-9A-Fa-f]{1,16}')}\])?:?(?:[ \t]++[-\w.]{1,64}?\.c:(?:\d++[ \t]++\w{1,64}:)?)?)(?:[ \t]++|$)`,
      beginCaptures: caps('comment.line.log-prefix.sip', 'constant.language.log-level.sip'),
      end: '$',
      patterns: includes('framing', 'inline-markers'),
    },

    // ----- framing ----------------------------------------------------------
    framing: { patterns: FRAMING_RULES },
    'framing-text': {
      // Words inside a framing line: direction, transport, byte counts, addresses, times.
      patterns: includes('direction-words', 'byte-count', 'timestamp', 'transport-address', 'address'),
    },
    'direction-words': {
      patterns: [
        {
          name: SENT,
          match: String.raw`(?<![\w-])(?:(?:Reliably[ \t]++)?(?:Re)?[Tt]ransmitting|[Ss]ent|[Ss]end|TX|Egress|Outgoing|outgoing|snd)(?![\w-])`,
        },
        {
          name: RECEIVED,
          match: String.raw`(?<![\w-])(?:(?:SIP[ \t]++)?read[ \t]++from|[Rr]eceived|[Rr]ecv|RX|Ingress|Incoming|incoming|rcv)(?![\w-])`,
        },
      ],
    },
    'byte-count': {
      match: String.raw`(?<![\w.])(?:\((\d++)[ \t]++bytes\)|\[(\d++)\][ \t]++bytes|(\d++)[ \t]++bytes)(?!\w)`,
      captures: caps(BYTES, BYTES, BYTES),
    },
    timestamp: {
      name: TS,
      match: String.raw`(?<![\w:.])(?:${F.YMD_TIME}|\d\d/\d\d/\d{4}-${F.TIME}(?:\.\d{1,9})?|(?:${F.WEEKDAY},?[ \t]++)?(?:\d{1,2}[ \t]${F.MONTH}[ \t]\d{4}[ \t]|${F.MONTH}[ \t]{1,2}\d{1,2}[ \t](?:\d{4}[ \t])?)${F.TIME}(?:[ \t]\d{4}(?!\d))?(?:[ \t](?:GMT|UTC))?|\d{8}[ \t]\d{6}\.\d{1,9}|\d{9,11}\.\d{3,9}|\d\d:\d\d:\d\d:\d\d:\d{3}|${F.TIME})(?!\w|:\d)`,
    },
    'transport-address': {
      // `UDP:10.49.0.1:5064` (Asterisk), `udp/[192.168.4.4]:5090` (FreeSWITCH), `IP/port:10.1.1.1/5000` (Ribbon).
      match: String.raw`(?<!\w)(${F.TRANSPORT})([:/])(?=[\[\d])`,
      captures: caps(TRANSPORT_SCOPE, 'punctuation.separator.transport.sip'),
    },
    address: {
      patterns: [
        {
          // FreeSWITCH brackets IPv4 addresses too: `udp/[192.168.4.4]:5090`.
          match: String.raw`(\[)(${F.IPV4})(\])(?:(:)(${PORT}))?`,
          captures: caps(
            'punctuation.definition.address.begin.sip',
            'constant.numeric.ipv4.sip',
            'punctuation.definition.address.end.sip',
            'punctuation.separator.port.sip',
            'constant.numeric.port.sip',
          ),
        },
        {
          match: String.raw`(\[)(${F.IPV6_BODY})(\])(?:(:)(${PORT}))?`,
          captures: caps(
            'punctuation.definition.ipv6.begin.sip',
            'constant.numeric.ipv6.sip',
            'punctuation.definition.ipv6.end.sip',
            'punctuation.separator.port.sip',
            'constant.numeric.port.sip',
          ),
        },
        {
          // Not after `/`: `RTCC/4.0.0.0` is a product version.
          match: String.raw`(?<![\w./])(${F.IPV4})(?!\.?\d)(?:([:/])(${PORT}))?`,
          captures: caps('constant.numeric.ipv4.sip', 'punctuation.separator.port.sip', 'constant.numeric.port.sip'),
        },
        {
          // A name with a port; the name has a letter, so `02:07:39` in a Date header is not one.
          match: String.raw`(?<![-\w.])(?=[0-9.]*+[-A-Za-z_])(${F.HOSTNAME})(:)(${PORT})(?![:.\w])`,
          captures: caps('entity.name.host.sip', 'punctuation.separator.port.sip', 'constant.numeric.port.sip'),
        },
      ],
    },
    'sipdump-metadata': {
      // Kamailio sipdump: `====================` then `tag: rcv`, `time: ...`, `srcip: ...` lines.
      name: 'meta.framing.sipdump.sip',
      begin: String.raw`${LS}[ \t]*+(={20}=*+)[ \t]*+$`,
      beginCaptures: caps('comment.line.framing.sipdump.sip'),
      while: String.raw`${LS}(?=[a-z]{2,16}:[ \t])`,
      patterns: [
        {
          name: 'comment.line.framing.sipdump.sip',
          match: String.raw`${LS}([a-z]{2,16})(:)[ \t]*+(.*+)$`,
          captures: caps('variable.other.metadata-key.sip', null, FRAMING_TEXT),
        },
      ],
    },
    'lync-record': {
      // Lync / Skype for Business SIPStack: `...$$begin_record`, pseudo-headers, `$$end_record`.
      name: 'meta.framing.lync.sip',
      begin: String.raw`${LS}(.{0,400}?)(\$\$begin_record)[ \t]*+$`,
      beginCaptures: caps(capWith('comment.line.framing.lync.sip', 'timestamp'), 'comment.line.framing.lync.sip'),
      end: String.raw`${LS}(?:(\$\$end_record)[ \t]*+$|(?=.{0,400}?\$\$begin_record))`,
      endCaptures: caps('comment.line.framing.lync.sip'),
      patterns: [
        {
          name: 'comment.line.framing.lync.sip',
          match: String.raw`${LS}(Trace-Correlation-Id|Instance-Id|Direction|Peer|Message-Type|Start-Line|SIP-Start-Line|Message-Body|Severity|Text|Result-Code|Data|SIP-Call-ID|SIP-CSeq|Source|Destination)(:)[ \t]*+(.*+)$`,
          captures: caps('variable.other.metadata-key.sip', null, capWith(null, 'start-line-inline', 'framing-text')),
        },
        { include: '#line' },
      ],
    },

    // ----- start lines ------------------------------------------------------
    'start-line': { patterns: startLineRules(true) },
    'start-line-inline': { patterns: startLineRules(false) },
    'request-uri': { patterns: includes('redaction', 'uri-angle', 'uri-sip', 'uri-other', 'header-params', 'uri-headers') },
    'cisco-annotation': {
      // `INVITE sip:... SIP/2.0 ! Invite request message (command sequence 101)` in Cisco docs.
      name: 'comment.line.annotation.sip',
      match: String.raw`(?<=[ \t])!(?=[ \t]).*+$`,
    },

    // ----- headers ----------------------------------------------------------
    headers: { patterns: HEADER_RULES },
    'via-value': {
      patterns: [
        {
          // `SIP/2.0/UDP host:port`, tolerating the spaces and folds of RFC 4475 `wsinv`.
          match: String.raw`(${F.SIP_VERSION})(?:[ \t]*+(/)[ \t]*+([A-Za-z]${A('[A-Za-z0-9]{0,15}')})(?:[ \t]++(?:(\[)(${F.IPV6_BODY})(\])|(${F.IPV4})(?![\w.])|(${A(String.raw`[^\s;:,\[\]<>"]{1,253}`)}))(?:[ \t]*+(:)[ \t]*+(${PORT}))?)?)?`,
          captures: caps(
            'constant.language.sip-version.sip',
            'punctuation.separator.transport.sip',
            TRANSPORT_SCOPE,
            'punctuation.definition.ipv6.begin.sip',
            'constant.numeric.ipv6.sip',
            'punctuation.definition.ipv6.end.sip',
            'constant.numeric.ipv4.sip',
            'entity.name.host.sip',
            'punctuation.separator.port.sip',
            'constant.numeric.port.sip',
          ),
        },
        {
          // The transport folded onto its own line: ` /UDP`.
          match: String.raw`\G(/)[ \t]*+([A-Za-z]${A('[A-Za-z0-9]{0,15}')})(?![\w.])`,
          captures: caps('punctuation.separator.transport.sip', TRANSPORT_SCOPE),
        },
        ...includes('common-value'),
      ],
    },
    'cseq-value': {
      patterns: [
        { name: 'constant.numeric.cseq.sip', match: String.raw`${TOKEN_START}\d++(?=\.?[ \t]*+$|[^\w.!%*+\x60'~-])` },
        ...includes('line-end-escapes', 'method'),
        NGREP_CR,
      ],
    },
    'method-list-value': { patterns: [...includes('line-end-escapes', 'method', 'comma'), NGREP_CR] },
    method: {
      match: String.raw`${TOKEN_START}(?:(${F.KNOWN_METHODS})(?=\.?[ \t]*+$|[^\w.!%*+\x60'~-])|(${TOKEN_RUN}))`,
      captures: caps('support.function.method.sip', 'support.function.method.extension.sip'),
    },
    'numeric-value': {
      patterns: [
        { name: 'constant.numeric.sip', match: String.raw`(?<![-\w.])-?\d++(?:\.\d++)?(?!\w)(?!\.(?![ \t]*+$))` },
        NGREP_CR,
        ...includes('comment-parens', 'common-value'),
      ],
    },
    'auth-value': {
      patterns: [
        {
          // The scheme: the first token of the value, when a parameter (not `=`) follows it.
          match: String.raw`\G(${TC}++)(?=[ \t]++[^\s=]|[ \t]*+$)`,
          captures: caps('storage.type.auth-scheme.sip'),
        },
        {
          match: String.raw`(${A(`${TC}{1,256}`)})[ \t]*+(=)[ \t]*+(?:(${QUOTED})|(${A(String.raw`[^\s,"]{1,2048}`)}))?`,
          captures: caps(
            'variable.parameter.auth.sip',
            'punctuation.separator.key-value.parameter.sip',
            'string.quoted.double.sip',
            'constant.other.parameter-value.sip',
          ),
        },
        ...includes('line-end-escapes', 'quoted-string', 'comma'),
      ],
    },
    'call-id-value': {
      patterns: [
        ...includes('line-end-escapes', 'redaction'),
        // Call-IDs may contain <, >, ", (, ) and more (RFC 4475 `intmeth`): every visible character counts,
        // except a trailing `^M` or a `#015`/`#012` escape.
        { name: 'constant.other.call-id.sip', match: String.raw`[^\s^#]++(?:[\^#](?!M(?!\S)|01[25])[^\s^#]*+)*+` },
      ],
    },
    'address-value': {
      patterns: [
        {
          // An unquoted display name: words before `<` at the start of the value (`sipp <sip:...>`).
          match: String.raw`\G(?=${A(String.raw`[^<>";,\n]{0,256}`)}<)([^\s<>";,][^<>";,\n]*?)(?=[ \t]*+<)`,
          captures: caps('string.unquoted.display-name.sip'),
        },
        { name: 'constant.language.wildcard.sip', match: String.raw`\G\*(?=[ \t]*+$)` },
        {
          name: 'string.quoted.double.display-name.sip',
          begin: '"',
          beginCaptures: { 0: { name: 'punctuation.definition.string.begin.sip' } },
          end: '(")|$',
          endCaptures: caps('punctuation.definition.string.end.sip'),
          patterns: includes('string-escape'),
        },
        ...includes('uri-headers', 'common-value'),
      ],
    },
    'generic-value': { patterns: includes('common-value') },
    'common-value': {
      patterns: includes(
        'line-end-escapes',
        'redaction',
        'header-params',
        'quoted-string',
        'uri-angle',
        'uri-sip',
        'uri-other-bare',
        'address',
        'comma',
      ),
    },

    // ----- URIs -------------------------------------------------------------
    'uri-angle': {
      name: 'meta.uri.sip',
      begin: String.raw`<(?=[ \t]*+${SCHEME}:)`,
      beginCaptures: { 0: { name: 'punctuation.definition.uri.begin.sip' } },
      end: '(>)|$',
      endCaptures: caps('punctuation.definition.uri.end.sip'),
      patterns: includes('line-end-escapes', 'redaction', 'uri-sip', 'uri-other', 'header-params', 'uri-headers'),
    },
    'uri-sip': {
      // sip: and sips: URIs: user[:password]@host[:port]. The user part may hold `;` and `?`
      // (RFC 4475 `semiuri`, `intmeth`), so it runs up to the `@` if there is one.
      match: String.raw`(?<![-A-Za-z0-9+.])((?i:sips?))(:)(?:(${A(String.raw`[^\s@<>":]{1,256}`)})(?:(:)(${A(String.raw`[^\s@<>":]{0,256}`)}))?(@))?(?:(\[)(${F.IPV6_BODY})(\])|(${UNBRACKETED_IPV6})|(${F.IPV4})(?![^\s@<>":;?,\[\]/])|(${A(String.raw`[^\s@<>":;?,\[\]/]{1,253}`)}))?(?:(:)(${PORT}))?`,
      captures: caps(
        'constant.language.uri-scheme.sip',
        'punctuation.separator.scheme.sip',
        'variable.other.user.sip',
        'punctuation.separator.password.sip',
        'variable.other.password.sip',
        'punctuation.separator.user.sip',
        'punctuation.definition.ipv6.begin.sip',
        'constant.numeric.ipv6.sip',
        'punctuation.definition.ipv6.end.sip',
        'constant.numeric.ipv6.sip',
        'constant.numeric.ipv4.sip',
        'entity.name.host.sip',
        'punctuation.separator.port.sip',
        'constant.numeric.port.sip',
      ),
    },
    'uri-other': {
      // tel:, urn:, http:, unknown schemes (RFC 4475 `unkscm`, `novelsc`): scheme plus opaque part.
      match: String.raw`(?<![-A-Za-z0-9+.:])(${SCHEME})(:)(${A(String.raw`[^\s<>;?",]{0,1024}`)})`,
      captures: caps('constant.language.uri-scheme.sip', 'punctuation.separator.scheme.sip', 'constant.other.uri-opaque.sip'),
    },
    'uri-other-bare': {
      // Outside `<>` only well-known schemes count, so `host:5060` is not read as a URI.
      match: String.raw`(?<![-A-Za-z0-9+.])((?i:tel|urn|https?|mailto|im|pres|xmpp|cid))(:)(${A(String.raw`[^\s<>;?",]{1,1024}`)})`,
      captures: caps('constant.language.uri-scheme.sip', 'punctuation.separator.scheme.sip', 'constant.other.uri-opaque.sip'),
    },
    'uri-headers': {
      // `?Route=%3Csip:example.com%3E&Subject=x`.
      match: String.raw`([?&])(${A(String.raw`[^\s=&<>"?;]{1,256}`)})(?:(=)(${A(String.raw`[^\s&<>"]{0,1024}`)}))?`,
      captures: caps(
        'punctuation.separator.uri-headers.sip',
        'variable.parameter.uri-header.sip',
        'punctuation.separator.key-value.parameter.sip',
        'constant.other.uri-header-value.sip',
      ),
    },
    'header-params': {
      // `;name=value` parameters of URIs and header values. Names are scoped as parameters
      // (tag, branch, received, rport, expires, ...); tag and branch values get their own scope.
      patterns: [
        paramRule('tag', 'constant.other.tag.sip'),
        paramRule('branch', 'constant.other.branch.sip'),
        {
          // The value's kind is told by alternatives, not by re-tokenizing a capture: a capture
          // with `patterns` costs vscode-textmate a copy of the line, and a line can hold
          // thousands of parameters.
          match: String.raw`(;)[ \t]*+(${A(`${TC}{1,256}`)})(?:[ \t]*+(=)[ \t]*+(?:(${QUOTED})|(\[)(${F.IPV6_BODY})(\])|(${F.IPV4})${VALUE_END}|(${UNBRACKETED_IPV6})${VALUE_END}|(\d++(?:\.\d++)?)${VALUE_END}|(${A(String.raw`[^\s;,?&<>"=]{1,2048}`)}))?)?`,
          captures: caps(
            'punctuation.separator.parameter.sip',
            'variable.parameter.sip',
            'punctuation.separator.key-value.parameter.sip',
            'string.quoted.double.sip',
            'punctuation.definition.ipv6.begin.sip',
            'constant.numeric.ipv6.sip',
            'punctuation.definition.ipv6.end.sip',
            'constant.numeric.ipv4.sip',
            'constant.numeric.ipv6.sip',
            'constant.numeric.sip',
            'constant.other.parameter-value.sip',
          ),
        },
      ],
    },

    // ----- small value pieces -----------------------------------------------
    'quoted-string': {
      name: 'string.quoted.double.sip',
      begin: '"',
      beginCaptures: { 0: { name: 'punctuation.definition.string.begin.sip' } },
      end: '(")|$',
      endCaptures: caps('punctuation.definition.string.end.sip'),
      patterns: includes('string-escape'),
    },
    'string-escape': { name: 'constant.character.escape.sip', match: String.raw`\\.` },
    comma: { name: 'punctuation.separator.comma.sip', match: ',' },
    'comment-parens': { name: 'comment.block.parenthesized.sip', match: String.raw`\(${A(String.raw`[^()\n]{0,1024}`)}\)` },
    redaction: {
      // `<<REMOVED>>` placeholders in shared traces.
      name: 'constant.other.placeholder.redacted.sip',
      match: String.raw`<<${A('[A-Za-z0-9_ .-]{1,64}')}>>`,
    },
    'line-end-escapes': {
      patterns: [
        // Avaya logs show the CR as a literal `^M`; rsyslog escapes CR/LF as `#015` / `#012`.
        { name: 'constant.character.escape.cr.sip', match: String.raw`\^M` },
        { name: 'constant.character.escape.syslog.sip', match: '#01[25]' },
        // ngrep -W byline prints each CR as a `.`: after `SIP/2.0` it cannot be anything else.
        { name: 'constant.character.escape.cr.sip', match: String.raw`(?<=SIP/\d\.\d)\.(?=[ \t]*+$)` },
      ],
    },

    // ----- bodies -------------------------------------------------------------
    'sdp-body': {
      name: 'meta.embedded.block.sdp',
      begin: String.raw`${LS}(?=[ \t]*+v[ \t]*+=[ \t]*+\d)`,
      while: String.raw`${LS}(?=[ \t]*+[A-Za-z][ \t]*+=)`,
      patterns: includes('source.sdp'),
    },
    'xml-body': {
      name: 'meta.embedded.block.xml',
      begin: String.raw`${LS}(?=[ \t]*+<(?:\?xml|!--|[A-Za-z_]${A(String.raw`[-\w.:]{0,64}`)}(?:[ \t/>]|$)))`,
      while: String.raw`${LS}(?![ \t]*+$)(?!${NEXT_MESSAGE})`,
      patterns: includes('text.xml', 'xml-fallback'),
    },
    'json-body': {
      name: 'meta.embedded.block.json',
      begin: String.raw`${LS}(?=[ \t]*+(?:\{[ \t]*+(?:"|\}|$)|\[[ \t]*+(?:["{\[\]]|$)))`,
      while: String.raw`${LS}(?![ \t]*+$)(?!${NEXT_MESSAGE})`,
      patterns: includes('source.json', 'json-fallback'),
    },
    'xml-fallback': {
      // Used only where no `text.xml` grammar is installed: tags, attributes, strings.
      patterns: [
        { name: 'comment.block.xml', match: String.raw`<!--.{0,4096}?(?:-->|$)` },
        {
          match: String.raw`(</?|<\?)([A-Za-z_]${A(String.raw`[-\w.:]{0,128}`)})`,
          captures: caps('punctuation.definition.tag.xml', 'entity.name.tag.xml'),
        },
        { name: 'punctuation.definition.tag.xml', match: String.raw`/?>|\?>` },
        {
          match: String.raw`(?<=[ \t])([A-Za-z_]${A(String.raw`[-\w.:]{0,128}`)})(=)`,
          captures: caps('entity.other.attribute-name.xml', 'punctuation.separator.key-value.xml'),
        },
        { name: 'string.quoted.double.xml', match: String.raw`"${A(String.raw`[^"\n]{0,4096}`)}"` },
        { name: 'string.quoted.single.xml', match: String.raw`'${A(String.raw`[^'\n]{0,4096}`)}'` },
      ],
    },
    'json-fallback': {
      // Used only where no `source.json` grammar is installed.
      patterns: [
        {
          match: String.raw`(${QUOTED})[ \t]*+(:)`,
          captures: caps('support.type.property-name.json', 'punctuation.separator.dictionary.key-value.json'),
        },
        { name: 'string.quoted.double.json', match: QUOTED },
        { name: 'constant.numeric.json', match: String.raw`(?<![\w.])-?\d++(?:\.\d++)?(?:[eE][-+]?\d++)?` },
        { name: 'constant.language.json', match: String.raw`\b(?:true|false|null)\b` },
        { name: 'punctuation.separator.json', match: '[,:]' },
        { name: 'punctuation.definition.json', match: String.raw`[{}\[\]]` },
      ],
    },

    // ----- everything else ------------------------------------------------------
    'misc-lines': {
      patterns: [
        // A line holding only ngrep's CR marker: the blank line between headers and body.
        { name: 'constant.character.escape.cr.sip', match: String.raw`${LS}[ \t]*+\.(?=[ \t]*+$)` },
        // `--boundary` and `--boundary--` lines of multipart bodies.
        {
          name: 'punctuation.separator.multipart-boundary.sip',
          match: String.raw`${LS}[ \t]*+--[0-9A-Za-z'()+_,./:=?]${A(`[-0-9A-Za-z'()+_,./:=?]{0,69}`)}[ \t]*+$`,
        },
        // `#` lines: ngrep's packet markers, annotations in shared traces.
        { name: 'comment.line.number-sign.sip', match: String.raw`${LS}[ \t]*+#.*+$` },
      ],
    },
    'inline-markers': {
      patterns: [
        {
          // AudioCodes: `---- Incoming SIP Message from 52.114.75.24:9024 to SIPInterface #2 ... ----`.
          name: 'comment.line.framing.audiocodes.sip',
          match: String.raw`----[ \t]++(?:(Incoming)|(Outgoing))[ \t]++SIP[ \t]++Message[ \t]++.{0,240}?[ \t]++----`,
          captures: caps(RECEIVED, SENT),
        },
        { name: 'constant.character.escape.syslog.sip', match: '#01[25]' },
        { name: 'constant.character.escape.cr.sip', match: String.raw`\^M` },
        { name: 'constant.character.escape.ansi.sip', match: F.ANSI },
      ],
    },
  },
};

module.exports = { grammar, STATUS_CLASSES };
